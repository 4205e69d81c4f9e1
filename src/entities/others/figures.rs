//! Figures: percentages, rupiah amounts and counts with units.

use crate::corpus::wordre::WordRegex;
use crate::entities::model::{FigureMention, Span};
use std::sync::LazyLock;

/// Units a count can carry (`30 orang`, `8.182 rumah`).
pub(super) const UNITS: &str = "orang|peserta|rumah|jiwa|unit|desa|kelurahan|kecamatan|sekolah|SD|SMP|SMA|OPD|camat|Camat|pejabat|personel|petugas|keluarga|KK|hektare|hektar|ha|km|kilometer|meter|ton|kg|paket|titik|pelaku|UMKM|kendaraan|lokasi|kabupaten|kota|provinsi|kegiatan|inovasi|penghargaan|anak|siswa|guru|pasien|ekor|lapak|kali|pegawai|ASN|PNS|warga|nelayan|petani|penerima|fasilitator|mahasiswa|bidang|ruas|jembatan|pos|posko|kasus";

static FIGURE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?x)
        \bRp\.?\s?\d[\d.,]*(?:\s?(?:ribu|juta|miliar|milliar|milyar|triliun)\b)?
      | \b\d+(?:[.,]\d+)?\s?(?:%|persen\b)
      | \b\d[\d.,]*(?:\s(?:ribu|juta|miliar|triliun))?\s(?:{UNITS})\b(?:\s(?:peserta|fasilitator|warga|pegawai|petugas|pejabat)\b)?"
    ))
    .expect("valid regex")
});

/// Percentages, rupiah amounts and counts with units.
pub(super) fn figures(text: &str) -> Vec<FigureMention> {
    FIGURE
        .on(text)
        .find_iter(text)
        .map(|m| FigureMention {
            text: m.as_str().to_string(),
            span: Span::new(m.start(), m.end()),
        })
        .collect()
}
