//! Figures: percentages, rupiah amounts and counts with units.

use crate::byte_group::ByteGroup;
use crate::entities::model::{FigureMention, Span};
use regex_automata::{
    meta::{Cache, Regex},
    Anchored, Input,
};
use std::cell::RefCell;
use std::sync::LazyLock;

/// Units a count can carry (`30 orang`, `8.182 rumah`).
pub(super) const UNITS: &str = "orang|peserta|rumah|jiwa|unit|desa|kelurahan|kecamatan|sekolah|SD|SMP|SMA|OPD|camat|Camat|pejabat|personel|petugas|keluarga|KK|hektare|hektar|ha|km|kilometer|meter|ton|kg|paket|titik|pelaku|UMKM|kendaraan|lokasi|kabupaten|kota|provinsi|kegiatan|inovasi|penghargaan|anak|siswa|guru|pasien|ekor|lapak|kali|pegawai|ASN|PNS|warga|nelayan|petani|penerima|fasilitator|mahasiswa|bidang|ruas|jembatan|pos|posko|kasus";

/// A figure: `Rp` and an amount, a percentage, or a count with a unit.
/// Every match starts at a word boundary, at `Rp` or at a digit.
fn pattern() -> String {
    format!(
        r"(?x)
        \bRp\.?\s?\d[\d.,]*(?:\s?(?:ribu|juta|miliar|milliar|milyar|triliun)\b)?
      | \b\d+(?:[.,]\d+)?\s?(?:%|persen\b)
      | \b\d[\d.,]*(?:\s(?:ribu|juta|miliar|triliun))?\s(?:{UNITS})\b(?:\s(?:peserta|fasilitator|warga|pegawai|petugas|pejabat)\b)?"
    )
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&pattern()).expect("valid regex"));

thread_local! {
    /// This thread's search cache for [`FIGURE`]: taken from the regex's
    /// own pool on every search, it was a mutex for every thread but the
    /// first to search (a third of the searches' instructions).
    static FIGURE_CACHE: RefCell<Cache> = RefCell::new(FIGURE.create_cache());
}

/// Percentages, rupiah amounts and counts with units, as the pattern's
/// leftmost-first matches one after another would give them. Digits are
/// rare in prose: rather than scanning the whole text with the pattern,
/// it is tried, anchored, only where a match can start (a digit or `Rp`
/// after a word boundary).
pub(super) fn figures(text: &str) -> Vec<FigureMention> {
    FIGURE_CACHE.with_borrow_mut(|cache| figures_with(text, cache))
}

/// [`figures`] with a search cache.
fn figures_with(text: &str, cache: &mut Cache) -> Vec<FigureMention> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = next_start(text, at) {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        match FIGURE.search_with(cache, &input) {
            Some(m) => {
                found.push(FigureMention {
                    text: text[m.range()].to_string(),
                    span: Span::new(m.start(), m.end()),
                });
                at = m.end();
            }
            None => at = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// The first place from `at` where a figure may start: a decimal digit or
/// the `R` of `Rp`, not preceded by a word character.
fn next_start(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        // Sixteen bytes at a time past those that cannot start one (most),
        // then straight to the first that may.
        if let Some(group) = bytes.get(i..i + 16) {
            let marks = start_marks(group.try_into().expect("sixteen bytes"));
            if marks == 0 {
                i += 16;
                continue;
            }
            // the bytes before it are ASCII: `i` stays on a char boundary
            i += marks.trailing_zeros() as usize;
        }
        let b = bytes[i];
        let (may_start, len) = if b.is_ascii() {
            (
                b.is_ascii_digit() || (b == b'R' && bytes.get(i + 1) == Some(&b'p')),
                1,
            )
        } else {
            // `\d` is any Unicode decimal digit; numeric covers them all.
            let c = text[i..].chars().next()?;
            (c.is_numeric(), c.len_utf8())
        };
        if may_start && !text[..i].chars().next_back().is_some_and(is_word_char) {
            return Some(i);
        }
        i += len;
    }
    None
}

/// One bit per byte of `group` that is an ASCII digit, an `R` or part of a
/// non-ASCII char. (Eight bytes a step by bit tricks on a `u64` took 2.5
/// instructions a byte, about 3 % of extraction.)
#[inline(always)]
fn start_marks(group: &[u8; 16]) -> u16 {
    let g = ByteGroup::load(group);
    g.within(b'0', b'9') | g.eq(b'R') | g.non_ascii()
}

/// A word character as the pattern's `\b` sees it.
fn is_word_char(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the pattern finds scanning the text, the way figures were found before.
    fn scanned(text: &str) -> Vec<(usize, usize)> {
        regex::Regex::new(&pattern())
            .expect("valid regex")
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    fn tried(text: &str) -> Vec<(usize, usize)> {
        figures(text)
            .iter()
            .map(|f| (f.span.start, f.span.end))
            .collect()
    }

    #[test]
    fn finds_what_a_scan_finds() {
        for text in [
            "Rp 2,5 miliar untuk 30 orang, naik 12,5 % dari 2023.",
            "x12 orang, a3 persen, ARp5 juta, Rp5juta, Rp.10.000 ribu",
            "“45 persen” – ٣ orang, 7 warga peserta ١٢ %",
            "é5 orang é 5 orang Rp",
            "",
        ] {
            assert_eq!(tried(text), scanned(text), "{text}");
        }
        assert_eq!(
            tried("dari 1,61 % menjadi 8.182 rumah"),
            [(5, 11), (20, 31)]
        );
    }

    #[test]
    fn every_digit_r_and_non_ascii_byte_of_sixteen_is_marked_and_no_other() {
        let is_start = |b: u8| b.is_ascii_digit() || b == b'R' || !b.is_ascii();
        for b in 0u8..=255 {
            for at in 0..16 {
                let mut group = *b"abcdefghijklmnop";
                group[at] = b;
                group[15 - at] = b'Q';
                let want = group
                    .iter()
                    .enumerate()
                    .fold(0u16, |m, (n, &x)| m | u16::from(is_start(x)) << n);
                assert_eq!(start_marks(&group), want, "{group:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_gives_what_a_scan_gives(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("Rp"), Just("Rp."), Just(" "), Just("5"), Just("12"), Just(","), Just("."),
                    Just("%"), Just("persen"), Just("orang"), Just("juta"), Just("x"), Just("é"),
                    Just("٣"), Just("–"), Just("warga"), Just("\n"), Just("_"),
                ],
                0..24,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(tried(&text), scanned(&text));
        }
    }
}
