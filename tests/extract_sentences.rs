//! Sentence-level tests for the rule-based official extractor.
//!
//! Every text below is written in the style of Indonesian regional-government
//! news (visits, visitasi of PKN/PKA/PKP participants, speeches, police and
//! military events) from provinces across the country, Aceh to Papua. All the
//! people are invented. Each test states exactly which officials the extractor
//! must find, with their name, position, institution, titles, degrees, aliases
//! and number of mentions, and that nobody else is reported as an official.
//!
//! Conventions (see `OfficialMention`):
//! - `name` carries no honorifics, ranks or degrees; initials stay as written.
//! - `position` is the post with its unit but without its region; `Sekda`,
//!   `Sekprov`, `Wabup`, `Wawali`, `Wawalkot`, `Wagub`, `Kades`, `Kadis`,
//!   `Sekwan` and `Sekcam` are expanded; `Pj.`/`Plt`/`Plh.` kept as written.
//!   Positions are compared case-insensitively with `walikota` = `wali kota`.
//! - `institution` is the normalised region or body (`Kabupaten Gowa`,
//!   `Kota Padang`, `Provinsi Jawa Barat`, `Kecamatan Mandau`, `Polres Bogor`,
//!   `Kodim 1702/Jayawijaya`, `Kemendagri`), inferred from the most recently
//!   named region when the post names none, and `None` when the text names no
//!   region at all.

use warta::entities::{extract, ArticleEntities, OfficialMention};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// What one expected official must look like.
#[derive(Debug, Clone)]
struct Want {
    name: &'static str,
    position: &'static str,
    institution: Option<&'static str>,
    titles: Vec<&'static str>,
    degrees: Vec<&'static str>,
    /// `None`: not asserted (the text has no later mention of the person).
    aliases: Option<Vec<&'static str>>,
    mentions: usize,
}

/// An expected official with no titles, no degrees, no aliases and a single
/// mention; refine with the builder methods.
fn want(name: &'static str, position: &'static str, institution: Option<&'static str>) -> Want {
    Want {
        name,
        position,
        institution,
        titles: Vec::new(),
        degrees: Vec::new(),
        aliases: None,
        mentions: 1,
    }
}

impl Want {
    fn titles(mut self, titles: &[&'static str]) -> Self {
        self.titles = titles.to_vec();
        self
    }

    fn degrees(mut self, degrees: &[&'static str]) -> Self {
        self.degrees = degrees.to_vec();
        self
    }

    /// Later forms referring to the person; compared as a set. Only set
    /// where the text has such later mentions.
    fn aliases(mut self, aliases: &[&'static str]) -> Self {
        self.aliases = Some(aliases.to_vec());
        self
    }

    /// Number of mentions written in the text (full form plus later forms).
    fn mentions(mut self, mentions: usize) -> Self {
        self.mentions = mentions;
        self
    }
}

/// A readable listing of every official found.
fn describe(e: &ArticleEntities) -> String {
    if e.officials.is_empty() {
        return "  (no officials found)".to_string();
    }
    e.officials
        .iter()
        .map(|o| {
            format!(
                "  - name: {:?}, position: {:?}, institution: {:?}, titles: {:?}, degrees: {:?}, aliases: {:?}, spans: {}",
                o.name,
                o.position,
                o.institution,
                o.titles,
                o.degrees,
                o.aliases,
                o.spans.len()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The official called exactly `name`; panics listing what was found.
fn official<'a>(e: &'a ArticleEntities, name: &str) -> &'a OfficialMention {
    match e.officials.iter().find(|o| o.name == name) {
        Some(o) => o,
        None => panic!(
            "expected an official named {:?}, found:\n{}",
            name,
            describe(e)
        ),
    }
}

/// Positions compare case-insensitively, whitespace-collapsed, with
/// `walikota` and `wali kota` treated as the same word.
fn norm_position(p: &str) -> String {
    p.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("walikota", "wali kota")
}

fn sorted(v: &[impl AsRef<str>]) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|s| s.as_ref().to_string()).collect();
    out.sort();
    out
}

/// Extracts `text` and asserts that exactly the `wants` are found, in that
/// order of first mention, each with every field as expected.
fn check(text: &str, wants: &[Want]) -> ArticleEntities {
    let e = extract(text);
    let ctx = |e: &ArticleEntities| format!("\ntext: {text}\nfound:\n{}", describe(e));

    for w in wants {
        // Sanity of the test data itself.
        assert!(text.contains(w.name), "test data: {:?} not in text", w.name);
        let aliases: &[&str] = w.aliases.as_deref().unwrap_or(&[]);
        for t in w.titles.iter().chain(&w.degrees).chain(aliases) {
            assert!(text.contains(t), "test data: {:?} not in text", t);
        }

        let o = official(&e, w.name);
        assert_eq!(
            norm_position(&o.position),
            norm_position(w.position),
            "position of {:?}{}",
            w.name,
            ctx(&e)
        );
        assert_eq!(
            o.institution.as_deref(),
            w.institution,
            "institution of {:?}{}",
            w.name,
            ctx(&e)
        );
        assert_eq!(o.titles, w.titles, "titles of {:?}{}", w.name, ctx(&e));
        assert_eq!(o.degrees, w.degrees, "degrees of {:?}{}", w.name, ctx(&e));
        if let Some(want_aliases) = &w.aliases {
            assert_eq!(
                sorted(&o.aliases),
                sorted(want_aliases),
                "aliases of {:?}{}",
                w.name,
                ctx(&e)
            );
        }
        assert_eq!(
            o.spans.len(),
            w.mentions,
            "number of mentions (spans) of {:?}: {:?}{}",
            w.name,
            o.spans
                .iter()
                .filter(|s| s.start <= s.end && s.end <= text.len())
                .map(|s| text.get(s.start..s.end).unwrap_or("<not on char boundary>"))
                .collect::<Vec<_>>(),
            ctx(&e)
        );

        // Spans: inside the body, on char boundaries, non-empty, sorted and
        // disjoint; the first one is the full mention and covers the name.
        let mut prev_end = 0;
        for s in &o.spans {
            assert!(
                s.start < s.end && s.end <= text.len(),
                "span {:?} of {:?} out of range{}",
                s,
                w.name,
                ctx(&e)
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "span {:?} of {:?} not on char boundaries{}",
                s,
                w.name,
                ctx(&e)
            );
            assert!(
                s.start >= prev_end,
                "spans of {:?} not sorted and disjoint: {:?}{}",
                w.name,
                o.spans,
                ctx(&e)
            );
            prev_end = s.end;
        }
        let first = &text[o.spans[0].start..o.spans[0].end];
        assert!(
            first.contains(w.name),
            "first span of {:?} is {:?}, which does not cover the name{}",
            w.name,
            first,
            ctx(&e)
        );
        // Every later form is covered by one of the spans.
        for alias in aliases {
            assert!(
                o.spans.iter().any(|s| {
                    let t = &text[s.start..s.end];
                    t.contains(alias) || alias.contains(t)
                }),
                "no span of {:?} covers alias {:?}{}",
                w.name,
                alias,
                ctx(&e)
            );
        }
    }

    let expected: Vec<&str> = wants.iter().map(|w| w.name).collect();
    let extra: Vec<&str> = e
        .officials
        .iter()
        .map(|o| o.name.as_str())
        .filter(|n| !expected.contains(n))
        .collect();
    assert!(
        extra.is_empty(),
        "unexpected officials {:?}{}",
        extra,
        ctx(&e)
    );
    let found: Vec<&str> = e.officials.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        found,
        expected,
        "officials not in order of first mention{}",
        ctx(&e)
    );
    e
}

/// Exactly one official, with no titles, degrees or later mentions.
fn expect(
    text: &str,
    name: &'static str,
    position: &'static str,
    institution: Option<&'static str>,
) -> ArticleEntities {
    check(text, &[want(name, position, institution)])
}

/// No official at all.
fn expect_none(text: &str) {
    let e = extract(text);
    assert!(
        e.officials.is_empty(),
        "expected no officials\ntext: {text}\nfound:\n{}",
        describe(&e)
    );
}

/// `person` (a journalist, editor, resident ...) is not reported as an official.
fn assert_not_official(e: &ArticleEntities, person: &str) {
    assert!(
        !e.officials
            .iter()
            .any(|o| o.name.contains(person) || person.contains(o.name.as_str())),
        "{:?} must not be an official, found:\n{}",
        person,
        describe(e)
    );
}

// ---------------------------------------------------------------------------
// <position> <institution>, <name>, ...
// ---------------------------------------------------------------------------

mod position_institution_comma_name {
    //! Pattern: `<position> <institution>, <name>, ...`
    use super::*;

    /// Pattern: `<position> <institution>, <name>, ...` with `dr.` and `M.Kes`.
    #[test]
    fn bireuen_kepala_dinas_kesehatan() {
        check(
            "BIREUEN – Kepala Dinas Kesehatan Kabupaten Bireuen, dr. Nurul Aini, M.Kes, mengatakan \
             cakupan imunisasi dasar lengkap di daerah itu telah mencapai 92 persen hingga akhir \
             Juli 2024.",
            &[want("Nurul Aini", "Kepala Dinas Kesehatan", Some("Kabupaten Bireuen"))
                .titles(&["dr."])
                .degrees(&["M.Kes"])],
        );
    }

    /// Pattern: `<position> (<acronym>) <institution>, <name>, ...`; the
    /// parenthetical acronym is dropped from the position.
    #[test]
    fn padang_kepala_bappeda_long_form() {
        check(
            "Kepala Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Padang, Yosef Chandra \
             Putra, ST, MT, memaparkan arah pembangunan kota tahun 2025 di hadapan peserta \
             Pelatihan Kepemimpinan Administrator (PKA) Angkatan III BPSDM Provinsi Riau, Kamis \
             (12/9).",
            &[want(
                "Yosef Chandra Putra",
                "Kepala Badan Perencanaan Pembangunan Daerah",
                Some("Kota Padang"),
            )
            .degrees(&["ST", "MT"])],
        );
    }

    /// Pattern: `<position> <institution>, <name>, ...` with `Dr. Hj.` and `M.Si`.
    #[test]
    fn samarinda_sekretaris_daerah() {
        check(
            "Sekretaris Daerah Kota Samarinda, Dr. Hj. Rosmalia Kartika, M.Si, membuka rapat \
             koordinasi penanganan banjir di ruang rapat Balai Kota, Senin pagi. Rapat itu diikuti \
             para camat dan kepala perangkat daerah terkait.",
            &[want(
                "Rosmalia Kartika",
                "Sekretaris Daerah",
                Some("Kota Samarinda"),
            )
            .titles(&["Dr.", "Hj."])
            .degrees(&["M.Si"])],
        );
    }

    /// Pattern: `<position> <institution>, <name>, ...` with the short unit
    /// name `Bappeda` and `SSTP, MAP`.
    #[test]
    fn gowa_kepala_bappeda() {
        check(
            "Kepala Bappeda Kabupaten Gowa, Andi Mappatunru Rasyid, SSTP, MAP, menjelaskan bahwa \
             angka kemiskinan ekstrem di Gowa turun dari 1,2 persen menjadi 0,7 persen dalam dua \
             tahun terakhir.",
            &[want(
                "Andi Mappatunru Rasyid",
                "Kepala Bappeda",
                Some("Kabupaten Gowa"),
            )
            .degrees(&["SSTP", "MAP"])],
        );
    }

    /// Pattern: `<position> <institution>, <name>, ...` for a DPRD chair,
    /// with `H.` and `SH, MH`.
    #[test]
    fn lombok_timur_ketua_dprd() {
        check(
            "Ketua DPRD Kabupaten Lombok Timur, H. Ahmad Sukri Hasan, SH, MH, meminta pemerintah \
             daerah segera menuntaskan pembayaran insentif guru ngaji sebelum tutup tahun \
             anggaran.",
            &[want(
                "Ahmad Sukri Hasan",
                "Ketua DPRD",
                Some("Kabupaten Lombok Timur"),
            )
            .titles(&["H."])
            .degrees(&["SH", "MH"])],
        );
    }

    /// Pattern: `<position> <institution>, <rank> <name>, <degree>, ...` for a
    /// police chief.
    #[test]
    fn jayawijaya_kapolres_with_comma() {
        check(
            "Kapolres Jayawijaya, AKBP Darius Kogoya, S.I.K, memastikan situasi keamanan di Wamena \
             tetap kondusif menjelang Festival Budaya Lembah Baliem.",
            &[want("Darius Kogoya", "Kapolres", Some("Polres Jayawijaya"))
                .titles(&["AKBP"])
                .degrees(&["S.I.K"])],
        );
    }

    /// Pattern: `<position> Pemerintah Kabupaten <region>, <name>, ...`
    #[test]
    fn badung_pemerintah_kabupaten() {
        check(
            "Kepala Dinas Pariwisata Pemerintah Kabupaten Badung, Ni Luh Putu Ariani, SE, M.Si, \
             mengatakan kunjungan wisatawan ke kawasan Nusa Dua dan Uluwatu meningkat selama libur \
             sekolah.",
            &[want(
                "Ni Luh Putu Ariani",
                "Kepala Dinas Pariwisata",
                Some("Kabupaten Badung"),
            )
            .degrees(&["SE", "M.Si"])],
        );
    }

    /// Pattern: `<position> Pemprov <short province>, <name>, ...`; `Jatim`
    /// expands to `Provinsi Jawa Timur`.
    #[test]
    fn jatim_pemprov_short_form() {
        check(
            "Kepala Dinas Kesehatan Pemprov Jatim, dr. Bagus Prasetyo Wibowo, MM, meminta seluruh \
             puskesmas di kabupaten dan kota memperkuat deteksi dini demam berdarah dengue.",
            &[want(
                "Bagus Prasetyo Wibowo",
                "Kepala Dinas Kesehatan",
                Some("Provinsi Jawa Timur"),
            )
            .titles(&["dr."])
            .degrees(&["MM"])],
        );
    }

    /// Pattern: `<position> <national body>, <name>, ...`
    #[test]
    fn kemendagri_kepala_bpsdm() {
        check(
            "Kepala BPSDM Kemendagri, Dr. Hendarto Wicaksono, M.Si, secara resmi menutup Pelatihan \
             Kepemimpinan Nasional Tingkat II Angkatan XI di Jakarta, Jumat (22/11).",
            &[want("Hendarto Wicaksono", "Kepala BPSDM", Some("Kemendagri"))
                .titles(&["Dr."])
                .degrees(&["M.Si"])],
        );
    }

    /// Pattern: `Widyaiswara <national body>, <name>, ...`
    #[test]
    fn lan_widyaiswara() {
        check(
            "Widyaiswara LAN RI, Dr. Retno Kusumastuti, M.Si, yang mendampingi peserta visitasi, \
             menilai layanan administrasi kependudukan keliling di Kabupaten Merauke layak \
             direplikasi daerah lain.",
            &[want("Retno Kusumastuti", "Widyaiswara", Some("LAN RI"))
                .titles(&["Dr."])
                .degrees(&["M.Si"])],
        );
    }
}

// ---------------------------------------------------------------------------
// <position> <name> without a comma
// ---------------------------------------------------------------------------

mod position_name_without_comma {
    //! Pattern: `<position> [<institution>] <name>` with no comma between.
    use super::*;

    /// Pattern: bare `Sekda <name>`; the region comes from `Pemerintah
    /// Kabupaten Banyumas` earlier in the text.
    #[test]
    fn banyumas_sekda_from_context() {
        expect(
            "Pemerintah Kabupaten Banyumas menggelar apel kesiapsiagaan bencana di Alun-alun \
             Purwokerto, Senin (4/11). Sekda Wahyu Setiadi Nugroho mengatakan seluruh perangkat \
             daerah harus siaga menghadapi puncak musim hujan.",
            "Wahyu Setiadi Nugroho",
            "Sekretaris Daerah",
            Some("Kabupaten Banyumas"),
        );
    }

    /// Pattern: `Asisten ... <name> menyampaikan`; the region comes from
    /// `Pemkab Kutai Kartanegara`.
    #[test]
    fn kutai_kartanegara_asisten() {
        expect(
            "Dalam rapat evaluasi penyaluran bantuan sosial di lingkungan Pemkab Kutai \
             Kartanegara, Asisten Pemerintahan dan Kesra Darmawan Syahrir menyampaikan bahwa data \
             penerima harus dimutakhirkan setiap tiga bulan.",
            "Darmawan Syahrir",
            "Asisten Pemerintahan dan Kesra",
            Some("Kabupaten Kutai Kartanegara"),
        );
    }

    /// Pattern: `Bupati <region> <name>`
    #[test]
    fn gunungkidul_bupati() {
        expect(
            "Bupati Gunungkidul Hartanto Wibisono meresmikan Pasar Rakyat Playen yang dibangun \
             dengan dana alokasi khusus senilai Rp4,2 miliar, Rabu (9/10).",
            "Hartanto Wibisono",
            "Bupati",
            Some("Kabupaten Gunungkidul"),
        );
    }

    /// Pattern: `Wali Kota <region> <name>`
    #[test]
    fn bitung_wali_kota() {
        expect(
            "Wali Kota Bitung Frans Lumentut Sondakh menerima kunjungan kerja Komisi II DPRD \
             Provinsi Sulawesi Utara di ruang kerjanya, Kamis siang.",
            "Frans Lumentut Sondakh",
            "Wali Kota",
            Some("Kota Bitung"),
        );
    }

    /// Pattern: `Kapolres <region> <rank> <name>` (multi-word region).
    #[test]
    fn aceh_utara_kapolres() {
        check(
            "Kapolres Aceh Utara AKBP Teuku Rizal Fahmi memimpin apel gelar pasukan Operasi Lilin \
             Seulawah 2024 di halaman Mapolres, Jumat pagi.",
            &[want("Teuku Rizal Fahmi", "Kapolres", Some("Polres Aceh Utara")).titles(&["AKBP"])],
        );
    }

    /// Pattern: `Camat <kecamatan> <name>`
    #[test]
    fn mandau_camat() {
        expect(
            "Camat Mandau Ardiansyah Putra meninjau langsung lokasi banjir di Kelurahan Air \
             Jamban, Selasa sore, dan memastikan bantuan logistik sudah diterima warga terdampak.",
            "Ardiansyah Putra",
            "Camat",
            Some("Kecamatan Mandau"),
        );
    }

    /// Pattern: `Kades <desa> <name>`; `Kades` expands to `Kepala Desa`.
    #[test]
    fn sukamaju_kades() {
        expect(
            "Kades Sukamaju Dedi Supriatna menyebutkan sebanyak 45 keluarga di desanya menerima \
             bantuan langsung tunai dana desa tahap ketiga.",
            "Dedi Supriatna",
            "Kepala Desa",
            Some("Desa Sukamaju"),
        );
    }

    /// Pattern: `Lurah <kelurahan> <name>`
    #[test]
    fn tanjung_rejo_lurah() {
        expect(
            "Lurah Tanjung Rejo Sri Wahyuni Lubis mengajak warga membersihkan parit secara \
             serentak setiap Minggu pagi untuk mencegah genangan saat hujan deras.",
            "Sri Wahyuni Lubis",
            "Lurah",
            Some("Kelurahan Tanjung Rejo"),
        );
    }

    /// Pattern: `Kepala Dinas <unit> <name>`; the region comes from `Pemkot
    /// Denpasar` in the previous sentence.
    #[test]
    fn denpasar_kepala_dinas_from_context() {
        expect(
            "Pemkot Denpasar terus mendorong digitalisasi pasar tradisional. Kepala Dinas \
             Perdagangan I Made Sudarsana Putra menyebut 14 pasar kini sudah menerapkan pembayaran \
             nontunai.",
            "I Made Sudarsana Putra",
            "Kepala Dinas Perdagangan",
            Some("Kota Denpasar"),
        );
    }

    /// Pattern: `Camat <kecamatan> <name>` where the kecamatan shares its
    /// name with a city (`Depok`): it is still `Kecamatan Depok`.
    #[test]
    fn sleman_camat_depok() {
        expect(
            "Pemkab Sleman menyalurkan bantuan alat pertanian kepada 12 kelompok tani. Camat Depok \
             Budi Prasetyo Utomo berharap bantuan itu dapat meningkatkan produktivitas lahan di \
             wilayahnya.",
            "Budi Prasetyo Utomo",
            "Camat",
            Some("Kecamatan Depok"),
        );
    }
}

// ---------------------------------------------------------------------------
// <name>, <position> <institution>
// ---------------------------------------------------------------------------

mod name_then_position {
    //! Pattern: `<name>, <position> <institution>`
    use super::*;

    /// Pattern: `<titles> <name>, <degree>, <position> <institution>, ...`
    #[test]
    fn medan_kepala_dinas_pendidikan() {
        check(
            "Hal itu disampaikan Drs. Irwan Syahputra, M.Pd, Kepala Dinas Pendidikan Kota Medan, \
             saat membuka lomba cerdas cermat tingkat SMP di Medan, Sabtu (5/10).",
            &[want(
                "Irwan Syahputra",
                "Kepala Dinas Pendidikan",
                Some("Kota Medan"),
            )
            .titles(&["Drs."])
            .degrees(&["M.Pd"])],
        );
    }

    /// Pattern: `“quote,” ujar <name>, <position> <institution>, ...`
    #[test]
    fn kendari_sekretaris_dprd() {
        expect(
            "“Seluruh dokumen pembahasan APBD sudah kami serahkan ke fraksi-fraksi,” ujar Wa Ode \
             Hasniati, Sekretaris DPRD Kota Kendari, usai rapat Badan Anggaran, Rabu (14/8).",
            "Wa Ode Hasniati",
            "Sekretaris DPRD",
            Some("Kota Kendari"),
        );
    }

    /// Pattern: `<name>, <position> <institution>, ...` at the start of a sentence.
    #[test]
    fn nabire_wakil_bupati() {
        expect(
            "Yulianus Dogopia, Wakil Bupati Nabire, mengajak para kepala distrik memperketat \
             pengawasan dana kampung agar tepat sasaran.",
            "Yulianus Dogopia",
            "Wakil Bupati",
            Some("Kabupaten Nabire"),
        );
    }

    /// Pattern: `dibuka oleh <titles> <name>, <degree>, <long position> <institution>, ...`
    #[test]
    fn tanah_laut_kepala_dinas_pupr() {
        check(
            "Kegiatan tersebut dibuka oleh Ir. Hj. Fitriani Mahmud, MT, Kepala Dinas Pekerjaan \
             Umum dan Penataan Ruang Kabupaten Tanah Laut, di Pelaihari, Selasa (17/9).",
            &[want(
                "Fitriani Mahmud",
                "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
                Some("Kabupaten Tanah Laut"),
            )
            .titles(&["Ir.", "Hj."])
            .degrees(&["MT"])],
        );
    }
}

// ---------------------------------------------------------------------------
// ... diterima oleh <position> <name>
// ---------------------------------------------------------------------------

mod received_by {
    //! Pattern: `... diterima oleh <position> [<institution>] [,] <name>`
    use super::*;

    /// Pattern: `diterima oleh <position> <name>`; the host region is the one
    /// named last before the post (Banyuwangi, not the visiting Solok).
    #[test]
    fn banyuwangi_host_region() {
        expect(
            "Kunjungan kerja rombongan DPRD Kabupaten Solok ke Kabupaten Banyuwangi diterima oleh \
             Asisten Administrasi Umum Hendra Kusuma Wijaya di Ruang Rapat Blambangan, Kamis \
             (3/10).",
            "Hendra Kusuma Wijaya",
            "Asisten Administrasi Umum",
            Some("Kabupaten Banyuwangi"),
        );
    }

    /// Pattern: `diterima oleh Camat <kecamatan> <name>` with a one-word name.
    #[test]
    fn loksado_camat() {
        expect(
            "Tim penilai lomba desa tingkat Provinsi Kalimantan Selatan diterima oleh Camat \
             Loksado Rusdiansyah di Desa Malinau, Senin (15/7).",
            "Rusdiansyah",
            "Camat",
            Some("Kecamatan Loksado"),
        );
    }

    /// Pattern: `diterima oleh Plh. Sekda <institution>, <name>, ...`
    #[test]
    fn pontianak_plh_sekda() {
        expect(
            "Peserta Pelatihan Kepemimpinan Administrator BPSDM Provinsi Kalimantan Tengah \
             diterima oleh Plh. Sekda Kota Pontianak, Yudhi Prasetya Halim, di aula Balai Kota, \
             Rabu (18/9).",
            "Yudhi Prasetya Halim",
            "Plh. Sekretaris Daerah",
            Some("Kota Pontianak"),
        );
    }

    /// Pattern: `diterima oleh Sekda <name>`; the region is the visited city,
    /// named after the participants' province.
    #[test]
    fn bukittinggi_visited_city() {
        expect(
            "Sebanyak 40 peserta PKA Angkatan IV BPSDM Provinsi Riau melakukan visitasi ke Kota \
             Bukittinggi. Rombongan diterima oleh Sekda Zulhendri Chaniago di Balai Kota \
             Bukittinggi, Selasa (8/10).",
            "Zulhendri Chaniago",
            "Sekretaris Daerah",
            Some("Kota Bukittinggi"),
        );
    }
}

// ---------------------------------------------------------------------------
// ... disambut <position> <institution> <name>
// ---------------------------------------------------------------------------

mod welcomed_by {
    //! Pattern: `... disambut <position> <institution> [,] <name>`
    use super::*;

    /// Pattern: `disambut <position> <institution> <name>`
    #[test]
    fn sumedang_wakil_bupati() {
        expect(
            "Kedatangan peserta PKN Tingkat II Angkatan VIII di Kabupaten Sumedang disambut Wakil \
             Bupati Sumedang Asep Kurniawan Hidayat di Gedung Negara, Rabu (16/10).",
            "Asep Kurniawan Hidayat",
            "Wakil Bupati",
            Some("Kabupaten Sumedang"),
        );
    }

    /// Pattern: `disambut Pj. <position> <institution> <name>`
    #[test]
    fn malang_pj_wali_kota() {
        expect(
            "Rombongan studi tiru dari Pemkab Sinjai disambut Pj. Wali Kota Malang Dwi Cahyono \
             Wibowo di Balai Kota Malang, Senin (2/9).",
            "Dwi Cahyono Wibowo",
            "Pj. Wali Kota",
            Some("Kota Malang"),
        );
    }

    /// Pattern: `disambut <position> <institution> <name> beserta ...`
    #[test]
    fn raja_ampat_bupati() {
        expect(
            "Setibanya di Waisai, para peserta PKA disambut Bupati Raja Ampat Yohanis Sauyai \
             beserta jajaran Forkopimda.",
            "Yohanis Sauyai",
            "Bupati",
            Some("Kabupaten Raja Ampat"),
        );
    }

    /// Pattern: `disambut <position> <institution>, Bapak <name>, ...`
    #[test]
    fn kulon_progo_bapak() {
        check(
            "Kunjungan kerja Komisi A DPRD Daerah Istimewa Yogyakarta disambut Wakil Bupati Kulon \
             Progo, Bapak Slamet Riyadi Purnomo, di Gedung Kaca Kompleks Pemkab Kulon Progo, Kamis \
             (25/7).",
            &[want(
                "Slamet Riyadi Purnomo",
                "Wakil Bupati",
                Some("Kabupaten Kulon Progo"),
            )
            .titles(&["Bapak"])],
        );
    }
}

// ---------------------------------------------------------------------------
// <position> (<name>)
// ---------------------------------------------------------------------------

mod position_parenthesised_name {
    //! Pattern: `<position> <institution> (<name>)`
    use super::*;

    /// Pattern: `<position> <institution> (<titles> <name>, <degree>)`
    #[test]
    fn pringsewu_kepala_dinas() {
        check(
            "Kepala Dinas Pemberdayaan Masyarakat dan Pekon Kabupaten Pringsewu (Drs. Suparman \
             Hadi, MM) menyampaikan bahwa seluruh pekon telah menyusun APBPekon tepat waktu.",
            &[want(
                "Suparman Hadi",
                "Kepala Dinas Pemberdayaan Masyarakat dan Pekon",
                Some("Kabupaten Pringsewu"),
            )
            .titles(&["Drs."])
            .degrees(&["MM"])],
        );
    }

    /// Pattern: `Bupati <region> (<name>)`
    #[test]
    fn minahasa_bupati() {
        expect(
            "Dalam sambutannya, Bupati Minahasa (Johny Rudolf Lengkong) meminta para hukum tua \
             mempercepat pendataan keluarga berisiko stunting di desa masing-masing.",
            "Johny Rudolf Lengkong",
            "Bupati",
            Some("Kabupaten Minahasa"),
        );
    }

    /// Pattern: `Kapolsek <region> (<rank> <name>)`
    #[test]
    fn ciawi_kapolsek() {
        check(
            "Pengamanan ibadah di sejumlah gereja dipimpin langsung Kapolsek Ciawi (Kompol \
             Sutrisno Hadi) bersama personel gabungan TNI dan Satpol PP, Minggu (24/12).",
            &[want("Sutrisno Hadi", "Kapolsek", Some("Polsek Ciawi")).titles(&["Kompol"])],
        );
    }
}

// ---------------------------------------------------------------------------
// Honorifics and degree combinations
// ---------------------------------------------------------------------------

mod honorifics {
    //! Pattern: honorifics before the name (`Pak`, `Bu`, `Ibu`, `Hi.`, `HM`,
    //! `KH`, `Dra.`, `Prof.`, `Drs. H.` ...) and degree suffixes after it.
    use super::*;

    /// Pattern: `kata <position> <desa>, Pak <name>, ...`
    #[test]
    fn karangrejo_pak() {
        check(
            "“Jalan ini sudah puluhan tahun rusak, baru sekarang bisa dilalui truk pengangkut hasil \
             panen,” kata Kepala Desa Karangrejo, Pak Sumarno Hadiwijoyo, saat peresmian jalan \
             usaha tani, Sabtu (7/9).",
            &[want("Sumarno Hadiwijoyo", "Kepala Desa", Some("Desa Karangrejo")).titles(&["Pak"])],
        );
    }

    /// Pattern: `ujar Lurah <kelurahan>, Bu <name>, ...`
    #[test]
    fn bugangan_bu() {
        check(
            "“Posyandu remaja di wilayah kami kini rutin digelar setiap bulan,” ujar Lurah \
             Bugangan, Bu Endah Kusumaningrum, kepada wartawan di kantornya.",
            &[want("Endah Kusumaningrum", "Lurah", Some("Kelurahan Bugangan")).titles(&["Bu"])],
        );
    }

    /// Pattern: `<position> <institution>, Ibu Hj. <name>, SE, ...`
    #[test]
    fn metro_ibu_hj() {
        check(
            "Gerakan menanam cabai di pekarangan rumah dibuka oleh Ketua DPRD Kota Metro, Ibu Hj. \
             Nurhasanah Wulandari, SE, di halaman Gedung DPRD, Sabtu (3/8).",
            &[
                want("Nurhasanah Wulandari", "Ketua DPRD", Some("Kota Metro"))
                    .titles(&["Ibu", "Hj."])
                    .degrees(&["SE"]),
            ],
        );
    }

    /// Pattern: `<position> <institution>, Hi. <name>, S.Sos, ...`
    #[test]
    fn halmahera_barat_hi() {
        check(
            "Bupati Halmahera Barat, Hi. Ridwan Hasan Bopeng, S.Sos, menyerahkan 120 unit perahu \
             fiber kepada kelompok nelayan di Jailolo, Kamis (26/9).",
            &[want(
                "Ridwan Hasan Bopeng",
                "Bupati",
                Some("Kabupaten Halmahera Barat"),
            )
            .titles(&["Hi."])
            .degrees(&["S.Sos"])],
        );
    }

    /// Pattern: `<position> <institution>, HM <name>, SE, M.Si, ...`
    #[test]
    fn gorontalo_hm() {
        check(
            "Wali Kota Gorontalo, HM Rizal Hamzah Pakaya, SE, M.Si, melantik 23 pejabat \
             administrator dan pengawas di Aula Rumah Dinas, Senin (1/7).",
            &[
                want("Rizal Hamzah Pakaya", "Wali Kota", Some("Kota Gorontalo"))
                    .titles(&["HM"])
                    .degrees(&["SE", "M.Si"]),
            ],
        );
    }

    /// Pattern: `<position> <institution>, KH <name>, ...`
    #[test]
    fn lamongan_kh() {
        check(
            "Wakil Bupati Lamongan, KH Ahmad Fauzan Mubarok, mengajak para santri ikut menjaga \
             kerukunan menjelang pemilihan kepala daerah serentak.",
            &[want(
                "Ahmad Fauzan Mubarok",
                "Wakil Bupati",
                Some("Kabupaten Lamongan"),
            )
            .titles(&["KH"])],
        );
    }

    /// Pattern: `<position> <institution>, Dra. <name>, MM, ...`
    #[test]
    fn klaten_dra() {
        check(
            "Kepala Dinas Sosial Kabupaten Klaten, Dra. Endang Sulistyowati, MM, menyebutkan \
             sebanyak 3.200 keluarga penerima manfaat telah diverifikasi ulang sepanjang tahun ini.",
            &[want("Endang Sulistyowati", "Kepala Dinas Sosial", Some("Kabupaten Klaten"))
                .titles(&["Dra."])
                .degrees(&["MM"])],
        );
    }

    /// Pattern: `<position> <institution>, Prof. Dr. Ir. H. <name>, M.Si, ...`
    #[test]
    fn sulawesi_selatan_prof() {
        check(
            "Kepala BPSDM Provinsi Sulawesi Selatan, Prof. Dr. Ir. H. Andi Baso Mappangara, M.Si, \
             membuka secara resmi Pelatihan Kepemimpinan Administrator Angkatan VII di Makassar, \
             Senin (9/9).",
            &[want(
                "Andi Baso Mappangara",
                "Kepala BPSDM",
                Some("Provinsi Sulawesi Selatan"),
            )
            .titles(&["Prof.", "Dr.", "Ir.", "H."])
            .degrees(&["M.Si"])],
        );
    }

    /// Pattern: `Sekda <institution>, Drs. H. <name>, M.Si, ...`
    #[test]
    fn banda_aceh_drs_h() {
        check(
            "Sekda Kota Banda Aceh, Drs. H. Munawar Khalil, M.Si, mengatakan pembangunan gedung Mal \
             Pelayanan Publik ditargetkan rampung pada Desember mendatang.",
            &[want("Munawar Khalil", "Sekretaris Daerah", Some("Kota Banda Aceh"))
                .titles(&["Drs.", "H."])
                .degrees(&["M.Si"])],
        );
    }
}

// ---------------------------------------------------------------------------
// Police and military ranks
// ---------------------------------------------------------------------------

mod ranks {
    //! Pattern: police and military commanders with their rank and unit.
    use super::*;

    /// Pattern: `Dandim <number>/<name> Letkol Inf <name>`
    #[test]
    fn jayawijaya_dandim_letkol_inf() {
        check(
            "Dandim 1702/Jayawijaya Letkol Inf Yudha Pratama Sinaga menyerahkan bantuan sembako \
             kepada warga Distrik Asolokobal, Kamis (10/10).",
            &[want(
                "Yudha Pratama Sinaga",
                "Dandim",
                Some("Kodim 1702/Jayawijaya"),
            )
            .titles(&["Letkol Inf"])],
        );
    }

    /// Pattern: `Dandim <number>/<name> Letkol Czi <name>`
    #[test]
    fn makassar_dandim_letkol_czi() {
        check(
            "Dandim 1408/Makassar Letkol Czi Rachmat Hidayatullah meninjau karya bakti pembersihan \
             kanal di Kecamatan Tallo, Sabtu pagi.",
            &[want("Rachmat Hidayatullah", "Dandim", Some("Kodim 1408/Makassar"))
                .titles(&["Letkol Czi"])],
        );
    }

    /// Pattern: `Danrem <number>/<name> Kolonel Inf <name>`
    #[test]
    fn lilawangsa_danrem_kolonel_inf() {
        check(
            "Danrem 011/Lilawangsa Kolonel Inf Syahrul Anwar Siregar membuka turnamen sepak bola \
             antarpelajar di Stadion Tunas Bangsa, Lhokseumawe, Sabtu (14/9).",
            &[want(
                "Syahrul Anwar Siregar",
                "Danrem",
                Some("Korem 011/Lilawangsa"),
            )
            .titles(&["Kolonel Inf"])],
        );
    }

    /// Pattern: `Danrem <number>/<name> Brigjen TNI <name>`
    #[test]
    fn praja_wira_yakthi_danrem_brigjen_tni() {
        check(
            "Danrem 172/PWY Brigjen TNI Frans Hutapea Simbolon memimpin upacara pelepasan satgas \
             pengamanan perbatasan di Jayapura, Senin (5/8).",
            &[
                want("Frans Hutapea Simbolon", "Danrem", Some("Korem 172/PWY"))
                    .titles(&["Brigjen TNI"]),
            ],
        );
    }

    /// Pattern: `Kabid Humas Polda <province> Kombes Pol <name>`
    #[test]
    fn kalimantan_timur_kombes_pol() {
        check(
            "Kabid Humas Polda Kalimantan Timur Kombes Pol Benediktus Lumban Gaol mengatakan 1.200 \
             personel dikerahkan untuk mengamankan arus mudik di Balikpapan dan Samarinda.",
            &[want(
                "Benediktus Lumban Gaol",
                "Kabid Humas",
                Some("Polda Kalimantan Timur"),
            )
            .titles(&["Kombes Pol"])],
        );
    }

    /// Pattern: `Kapolsek <region> Iptu <name>`
    #[test]
    fn lhoknga_kapolsek_iptu() {
        check(
            "Kapolsek Lhoknga Iptu Safrizal Ibrahim mengimbau wisatawan tidak berenang di kawasan \
             pantai yang berarus kuat selama libur panjang.",
            &[want("Safrizal Ibrahim", "Kapolsek", Some("Polsek Lhoknga")).titles(&["Iptu"])],
        );
    }

    /// Pattern: `Kapolsek <region> AKP <name>`
    #[test]
    fn mlati_kapolsek_akp() {
        check(
            "Kapolsek Mlati AKP Wahyu Agung Nugroho mengatakan pihaknya menambah patroli malam \
             menyusul maraknya aksi klitih di wilayah Sleman utara.",
            &[want("Wahyu Agung Nugroho", "Kapolsek", Some("Polsek Mlati")).titles(&["AKP"])],
        );
    }

    /// Pattern: `Kapolda <province> Brigjen Pol <name>`
    #[test]
    fn papua_barat_kapolda() {
        check(
            "Kapolda Papua Barat Brigjen Pol Agustinus Tarigan menegaskan jajarannya siap \
             mengamankan seluruh tahapan pilkada di wilayah hukumnya.",
            &[
                want("Agustinus Tarigan", "Kapolda", Some("Polda Papua Barat"))
                    .titles(&["Brigjen Pol"]),
            ],
        );
    }

    /// Pattern: `Kasdim <number>/<name> Mayor Inf <name>`; the unnamed
    /// `Dandim` he represents is not an official.
    #[test]
    fn surakarta_kasdim_mayor_inf() {
        check(
            "Kasdim 0735/Surakarta Mayor Inf Dwi Haryanto Saputro mewakili Dandim membuka \
             pelatihan bela negara bagi pelajar di Solo, Rabu (21/8).",
            &[want(
                "Dwi Haryanto Saputro",
                "Kasdim",
                Some("Kodim 0735/Surakarta"),
            )
            .titles(&["Mayor Inf"])],
        );
    }

    /// Pattern: `Danramil <number>/<name> Kapten Inf <name>`
    #[test]
    fn tapaktuan_danramil_kapten_inf() {
        check(
            "Danramil 0107-01/Tapaktuan Kapten Inf Zulfikar Daud bersama warga bergotong royong \
             membersihkan saluran air di Gampong Pasar, Jumat (19/7).",
            &[want(
                "Zulfikar Daud",
                "Danramil",
                Some("Koramil 0107-01/Tapaktuan"),
            )
            .titles(&["Kapten Inf"])],
        );
    }
}

// ---------------------------------------------------------------------------
// Initials
// ---------------------------------------------------------------------------

mod initials {
    //! Pattern: initials kept in the name exactly as written.
    use super::*;

    /// Pattern: `M. <name>` (single dotted initial).
    #[test]
    fn ternate_single_initial() {
        check(
            "Wakil Wali Kota Ternate, M. Jasri Usman, SE, meninjau pembangunan talud di pesisir \
             Kelurahan Sasa, Selasa (13/8).",
            &[want("M. Jasri Usman", "Wakil Wali Kota", Some("Kota Ternate")).degrees(&["SE"])],
        );
    }

    /// Pattern: `A.K. <name>` (dotted double initial).
    #[test]
    fn langkat_dotted_initials() {
        check(
            "Kepala Dinas Sosial Kabupaten Langkat, A.K. Syahrial Lubis, S.Sos, menyebut \
             penyaluran bantuan pangan tahap kedua menjangkau 23 kecamatan.",
            &[want(
                "A.K. Syahrial Lubis",
                "Kepala Dinas Sosial",
                Some("Kabupaten Langkat"),
            )
            .degrees(&["S.Sos"])],
        );
    }

    /// Pattern: `MY <name>` (undotted double initial).
    #[test]
    fn deli_serdang_undotted_initials() {
        check(
            "Sekretaris DPRD Kabupaten Deli Serdang, MY Fadli Ginting, SH, menyampaikan bahwa \
             rapat paripurna pengesahan APBD dijadwalkan pekan depan.",
            &[want(
                "MY Fadli Ginting",
                "Sekretaris DPRD",
                Some("Kabupaten Deli Serdang"),
            )
            .degrees(&["SH"])],
        );
    }

    /// Pattern: `Teuku M. <name>` (initial inside the name).
    #[test]
    fn lhokseumawe_inner_initial() {
        expect(
            "Wakil Ketua DPRD Kota Lhokseumawe, Teuku M. Ridha Jafar, meminta pemerintah kota \
             segera memperbaiki jalan lingkar yang rusak di kawasan Blang Mangat.",
            "Teuku M. Ridha Jafar",
            "Wakil Ketua DPRD",
            Some("Kota Lhokseumawe"),
        );
    }
}

// ---------------------------------------------------------------------------
// Pj. / Plt. / Plh.
// ---------------------------------------------------------------------------

mod acting_prefixes {
    //! Pattern: `Pj.`, `Plt.`, `Plt` and `Plh.` kept as written in the position.
    use super::*;

    /// Pattern: `Pj. Bupati <region>, <titles> <name>, <degree>, ...`
    #[test]
    fn biak_numfor_pj_bupati() {
        check(
            "Pj. Bupati Biak Numfor, Drs. Yohanes Mandowen, M.Si, membuka Festival Munara Wampasi \
             di Pantai Segara Indah, Sabtu (6/7).",
            &[want(
                "Yohanes Mandowen",
                "Pj. Bupati",
                Some("Kabupaten Biak Numfor"),
            )
            .titles(&["Drs."])
            .degrees(&["M.Si"])],
        );
    }

    /// Pattern: `Plt. Kepala Dinas <unit> <region>, <name>, ...`
    #[test]
    fn sanggau_plt_kepala_dinas() {
        check(
            "Plt. Kepala Dinas Sosial Kabupaten Sanggau, Paulus Bujang Anyan, S.Sos, mengatakan \
             pendataan lansia terlantar dilakukan hingga ke dusun-dusun terpencil.",
            &[want(
                "Paulus Bujang Anyan",
                "Plt. Kepala Dinas Sosial",
                Some("Kabupaten Sanggau"),
            )
            .degrees(&["S.Sos"])],
        );
    }

    /// Pattern: `Plt Kadis <unit> <region>, <name>, ...` (no dot; `Kadis` expands).
    #[test]
    fn tarakan_plt_kadis() {
        expect(
            "Plt Kadis Kominfo Kota Tarakan, Syamsul Bahri Lahay, mengatakan seluruh kelurahan kini \
             sudah terjangkau jaringan internet gratis.",
            "Syamsul Bahri Lahay",
            "Plt Kepala Dinas Kominfo",
            Some("Kota Tarakan"),
        );
    }

    /// Pattern: `Plh. Camat <kecamatan> <name>`
    #[test]
    fn sokaraja_plh_camat() {
        expect(
            "Plh. Camat Sokaraja Tri Handoyo mengimbau warga tidak membakar sampah di pekarangan \
             selama musim kemarau.",
            "Tri Handoyo",
            "Plh. Camat",
            Some("Kecamatan Sokaraja"),
        );
    }
}

// ---------------------------------------------------------------------------
// Abbreviated posts and short province names
// ---------------------------------------------------------------------------

mod expanded_abbreviations {
    //! Pattern: abbreviated posts that expand (`Sekprov`, `Wagub`, `Wawali`,
    //! `Wawalkot`, `Kadis`, `Sekwan`, `Sekcam`, `Sekda`) and short province
    //! names that expand (`Sulteng`, `Kalbar`, `Jabar`, `NTT`, `Sulsel`).
    use super::*;

    /// Pattern: `Sekprov <short province> <name>`
    #[test]
    fn sulteng_sekprov() {
        expect(
            "Sekprov Sulteng Andi Lapatanga Lamasitudju membuka rapat koordinasi percepatan \
             rehabilitasi dan rekonstruksi pascabencana di Palu, Selasa (9/7).",
            "Andi Lapatanga Lamasitudju",
            "Sekretaris Daerah",
            Some("Provinsi Sulawesi Tengah"),
        );
    }

    /// Pattern: `Wagub <short province> <name>`
    #[test]
    fn kalbar_wagub() {
        expect(
            "Wagub Kalbar Yosafat Ngabut Daniel meninjau lokasi kebakaran hutan dan lahan di \
             Kabupaten Kubu Raya, Minggu (11/8).",
            "Yosafat Ngabut Daniel",
            "Wakil Gubernur",
            Some("Provinsi Kalimantan Barat"),
        );
    }

    /// Pattern: `Wawali <city> <name>`
    #[test]
    fn ambon_wawali() {
        expect(
            "Wawali Ambon Marthen Leiwakabessy menghadiri peluncuran aplikasi layanan pengaduan \
             warga di Balai Kota, Senin (12/8).",
            "Marthen Leiwakabessy",
            "Wakil Wali Kota",
            Some("Kota Ambon"),
        );
    }

    /// Pattern: `Wawalkot <city> <name>`
    #[test]
    fn parepare_wawalkot() {
        expect(
            "Wawalkot Parepare Syamsuddin Bahar meminta pengelola pasar menata ulang lapak \
             pedagang yang meluber ke badan jalan.",
            "Syamsuddin Bahar",
            "Wakil Wali Kota",
            Some("Kota Parepare"),
        );
    }

    /// Pattern: `Kadis <unit> <region>, <name>, <degrees>, ...`
    #[test]
    fn bone_kadis() {
        check(
            "Kadis Pertanian Kabupaten Bone, Andi Tenri Wulan Saleh, SP, M.Si, mengatakan luas \
             tanam padi musim rendengan tahun ini mencapai 98 ribu hektare.",
            &[want(
                "Andi Tenri Wulan Saleh",
                "Kepala Dinas Pertanian",
                Some("Kabupaten Bone"),
            )
            .degrees(&["SP", "M.Si"])],
        );
    }

    /// Pattern: `Sekwan <region>, <name>, ...`
    #[test]
    fn kupang_sekwan() {
        expect(
            "Sekwan Kota Kupang, Alfons Tefa Nubatonis, memastikan seluruh fasilitas ruang sidang \
             utama sudah siap digunakan untuk pelantikan anggota dewan periode 2024-2029.",
            "Alfons Tefa Nubatonis",
            "Sekretaris DPRD",
            Some("Kota Kupang"),
        );
    }

    /// Pattern: `Sekcam <kecamatan> <name>`
    #[test]
    fn selong_sekcam() {
        expect(
            "Sekcam Selong Hamdani Putra mengatakan pelayanan administrasi kependudukan di kantor \
             camat tetap buka selama renovasi gedung berlangsung.",
            "Hamdani Putra",
            "Sekretaris Camat",
            Some("Kecamatan Selong"),
        );
    }

    /// Pattern: `Sekda <short province> <name>`
    #[test]
    fn jabar_sekda() {
        expect(
            "Sekda Jabar Dedi Rustandi Permana meminta kabupaten dan kota mempercepat realisasi \
             belanja modal yang hingga akhir Agustus baru mencapai 41 persen.",
            "Dedi Rustandi Permana",
            "Sekretaris Daerah",
            Some("Provinsi Jawa Barat"),
        );
    }

    /// Pattern: bare `Sekda <name>` after `Pemprov NTT`.
    #[test]
    fn ntt_pemprov_then_sekda() {
        expect(
            "Pemprov NTT menggelar rapat koordinasi pengendalian inflasi daerah, Senin (29/7). \
             Sekda Agustinus Mbulu Riwu meminta para kepala daerah memantau harga beras setiap \
             pekan.",
            "Agustinus Mbulu Riwu",
            "Sekretaris Daerah",
            Some("Provinsi Nusa Tenggara Timur"),
        );
    }

    /// Pattern: bare `Kepala Dinas <unit> <name>` after `Pemprov Sulsel`.
    #[test]
    fn sulsel_pemprov_then_kepala_dinas() {
        expect(
            "Pemprov Sulsel menyiapkan 500 ton beras untuk operasi pasar menjelang akhir tahun. \
             Kepala Dinas Ketahanan Pangan Muhammad Ilyas Bakri mengatakan beras itu akan \
             disalurkan melalui kantor-kantor kelurahan.",
            "Muhammad Ilyas Bakri",
            "Kepala Dinas Ketahanan Pangan",
            Some("Provinsi Sulawesi Selatan"),
        );
    }
}

// ---------------------------------------------------------------------------
// Later short mentions (aliases)
// ---------------------------------------------------------------------------

mod later_mentions {
    //! Pattern: a later short name (`kata Lisbeth`) or a bare post (`Sekda`,
    //! `Wabup`, `Kepala Bappeda`, `Ibu Walikota`) referring back to an official.
    use super::*;

    /// Pattern: full mention, then `kata <short name>`.
    #[test]
    fn pematangsiantar_short_name() {
        check(
            "Kepala Bappeda Kota Pematangsiantar, Dra. Lisbeth Manurung, M.Si, menerima tim \
             asistensi penyusunan RPJMD dari Pemprov Sumut, Selasa (23/7). “Dokumen ini akan \
             menjadi pedoman pembangunan lima tahun ke depan,” kata Lisbeth.",
            &[want(
                "Lisbeth Manurung",
                "Kepala Bappeda",
                Some("Kota Pematangsiantar"),
            )
            .titles(&["Dra."])
            .degrees(&["M.Si"])
            .aliases(&["Lisbeth"])
            .mentions(2)],
        );
    }

    /// Pattern: full mention, then a bare `Sekda`.
    #[test]
    fn cirebon_bare_sekda() {
        check(
            "Sekda Kota Cirebon, Hilman Sugiarto Permana, memimpin rapat persiapan Hari Jadi ke-655 \
             di Griya Sawala, Senin (15/7). Dalam rapat itu, Sekda meminta setiap perangkat daerah \
             menyiapkan rangkaian acara yang melibatkan pelaku UMKM.",
            &[want("Hilman Sugiarto Permana", "Sekretaris Daerah", Some("Kota Cirebon"))
                .aliases(&["Sekda"])
                .mentions(2)],
        );
    }

    /// Pattern: two full mentions of one post, then a bare `Sekda`: it may
    /// be either of them, so it is a mention of neither.
    #[test]
    fn cirebon_bare_sekda_of_two() {
        check(
            "Sekda Kota Cirebon, Hilman Sugiarto Permana, dan Sekda Kabupaten Cirebon, Rahmat \
             Sutrisno, memimpin rapat persiapan Hari Jadi di Griya Sawala, Senin (15/7). Dalam \
             rapat itu, Sekda meminta setiap perangkat daerah menyiapkan rangkaian acara.",
            &[
                want(
                    "Hilman Sugiarto Permana",
                    "Sekretaris Daerah",
                    Some("Kota Cirebon"),
                )
                .mentions(1),
                want(
                    "Rahmat Sutrisno",
                    "Sekretaris Daerah",
                    Some("Kabupaten Cirebon"),
                )
                .mentions(1),
            ],
        );
    }

    /// Pattern: `Wabup <region>, <name>, ...`, then `Menurut Wabup`.
    #[test]
    fn pidie_bare_wabup() {
        check(
            "Wabup Pidie, Fadhlullah Ismail, meninjau pengerjaan saluran irigasi di Kecamatan \
             Mutiara, Kamis (18/7). Menurut Wabup, perbaikan saluran itu mendesak karena \
             menyangkut ribuan hektare sawah.",
            &[
                want("Fadhlullah Ismail", "Wakil Bupati", Some("Kabupaten Pidie"))
                    .aliases(&["Wabup"])
                    .mentions(2),
            ],
        );
    }

    /// Pattern: full mention, then `kata <short name>`, then a bare `Kepala Bappeda`.
    #[test]
    fn lebak_short_name_and_bare_post() {
        check(
            "Peserta Pelatihan Kepemimpinan Pengawas (PKP) BPSDM Provinsi Bengkulu melakukan \
             visitasi ke Kabupaten Lebak, Rabu (11/9). Kepala Bappeda Kabupaten Lebak, H. Rusli \
             Maulana Yusuf, S.IP, M.Si, memaparkan strategi penurunan stunting di wilayah selatan \
             Banten. “Kuncinya ada pada data yang sama di semua perangkat daerah,” kata Rusli. \
             Kepala Bappeda menambahkan, prevalensi stunting di daerahnya turun menjadi 17,8 \
             persen.",
            &[want(
                "Rusli Maulana Yusuf",
                "Kepala Bappeda",
                Some("Kabupaten Lebak"),
            )
            .titles(&["H."])
            .degrees(&["S.IP", "M.Si"])
            .aliases(&["Rusli", "Kepala Bappeda"])
            .mentions(3)],
        );
    }

    /// Pattern: `Walikota <city>, Hj. <name>, ...`, then `Ibu Walikota`.
    #[test]
    fn banjarbaru_ibu_walikota() {
        check(
            "Walikota Banjarbaru, Hj. Siti Rahmawati, SE, MM, menyerahkan santunan kepada 150 anak \
             yatim di Aula Gawi Sabarataan, Jumat (12/7). Pada kesempatan itu, Ibu Walikota juga \
             berpesan agar anak-anak tetap semangat menuntut ilmu.",
            &[want("Siti Rahmawati", "Walikota", Some("Kota Banjarbaru"))
                .titles(&["Hj."])
                .degrees(&["SE", "MM"])
                .aliases(&["Ibu Walikota"])
                .mentions(2)],
        );
    }

    /// Pattern: `Staf Ahli Bupati Bidang ..., <name>, ...` with the region from
    /// context, then `kata <short name>`.
    #[test]
    fn wonosobo_staf_ahli_short_name() {
        check(
            "Rombongan studi tiru Pemerintah Kabupaten Rejang Lebong berkunjung ke Kabupaten \
             Wonosobo, Selasa (6/8). Mereka diterima Staf Ahli Bupati Bidang Ekonomi dan \
             Pembangunan, Ir. Bambang Sutejo, MT, yang memaparkan pengembangan agrowisata di \
             kawasan Dieng. “Kami terbuka untuk berbagi pengalaman,” kata Bambang.",
            &[want(
                "Bambang Sutejo",
                "Staf Ahli Bupati Bidang Ekonomi dan Pembangunan",
                Some("Kabupaten Wonosobo"),
            )
            .titles(&["Ir."])
            .degrees(&["MT"])
            .aliases(&["Bambang"])
            .mentions(2)],
        );
    }
}

// ---------------------------------------------------------------------------
// Several officials in one sentence
// ---------------------------------------------------------------------------

mod several_officials {
    //! Pattern: two or three officials in one sentence.
    use super::*;

    /// Pattern: `<position> <region>, <name>, didampingi Sekda <name>, ...`
    #[test]
    fn lampung_selatan_bupati_and_sekda() {
        check(
            "Bupati Lampung Selatan, Hi. Zulkarnain Ibrahim, didampingi Sekda Ruswandi Hakim, \
             menerima kunjungan peserta PKA dari BPSDM Provinsi Bengkulu di Ruang Rapat Utama, \
             Rabu (24/7).",
            &[
                want(
                    "Zulkarnain Ibrahim",
                    "Bupati",
                    Some("Kabupaten Lampung Selatan"),
                )
                .titles(&["Hi."]),
                want(
                    "Ruswandi Hakim",
                    "Sekretaris Daerah",
                    Some("Kabupaten Lampung Selatan"),
                ),
            ],
        );
    }

    /// Pattern: Wali Kota, Kapolres and Dandim, none with a comma.
    #[test]
    fn tarakan_forkopimda() {
        check(
            "Wali Kota Tarakan Hendrik Sulistyo bersama Kapolres Tarakan AKBP Ronaldo Pasaribu dan \
             Dandim 0907/Tarakan Letkol Inf Parlindungan Tambunan meninjau pos pengamanan Natal di \
             Pelabuhan Malundung, Selasa malam.",
            &[
                want("Hendrik Sulistyo", "Wali Kota", Some("Kota Tarakan")),
                want("Ronaldo Pasaribu", "Kapolres", Some("Polres Tarakan")).titles(&["AKBP"]),
                want("Parlindungan Tambunan", "Dandim", Some("Kodim 0907/Tarakan"))
                    .titles(&["Letkol Inf"]),
            ],
        );
    }

    /// Pattern: `<position> <institution>, <name>, dan <position> <institution>, <name>, ...`
    #[test]
    fn sorong_dprd_and_sekda() {
        check(
            "Ketua DPRD Kota Sorong, Petronela Kambuaya, dan Sekretaris Daerah Kota Sorong, Yakob \
             Kareth, menandatangani nota kesepakatan Kebijakan Umum APBD Tahun Anggaran 2025 dalam \
             rapat paripurna, Kamis (8/8).",
            &[
                want("Petronela Kambuaya", "Ketua DPRD", Some("Kota Sorong")),
                want("Yakob Kareth", "Sekretaris Daerah", Some("Kota Sorong")),
            ],
        );
    }

    /// Pattern: `diterima <position> <region>, <name>, bersama <position>, <name>`;
    /// the second post names no region and takes the host's.
    #[test]
    fn sikka_visitasi_two_hosts() {
        check(
            "Peserta Pelatihan Kepemimpinan Nasional Tingkat II dari BPSDM Provinsi Bali melakukan \
             visitasi ke Kabupaten Sikka, Senin (19/8). Rombongan diterima Wakil Bupati Sikka, \
             Fransiskus Xaverius Moa, bersama Kepala Bappelitbangda, Maria Goreti Dua Lering, di \
             aula Sikka Convention Center.",
            &[
                want("Fransiskus Xaverius Moa", "Wakil Bupati", Some("Kabupaten Sikka")),
                want("Maria Goreti Dua Lering", "Kepala Bappelitbangda", Some("Kabupaten Sikka")),
            ],
        );
    }

    /// Pattern: `Bupati Bogor` and `Wali Kota Bogor` in one sentence resolve
    /// to different regions.
    #[test]
    fn bogor_regency_and_city() {
        check(
            "Bupati Bogor, Dadan Ramdani Hidayat, dan Wali Kota Bogor, Tatang Suherman Wiria, \
             menandatangani kesepakatan bersama penanganan sampah lintas daerah di Cibinong, Senin \
             (22/7).",
            &[
                want("Dadan Ramdani Hidayat", "Bupati", Some("Kabupaten Bogor")),
                want("Tatang Suherman Wiria", "Wali Kota", Some("Kota Bogor")),
            ],
        );
    }
}

// ---------------------------------------------------------------------------
// A whole short article
// ---------------------------------------------------------------------------

mod whole_article {
    //! Pattern: a short article with two hosts, later mentions and a byline.
    use super::*;

    /// Pattern: visitasi article: two officials, short names, a bare post,
    /// a pronoun (`ujarnya`, not a mention) and author lines.
    #[test]
    fn cilegon_visitasi_article() {
        let text = concat!(
            "CILEGON – Pemerintah Kota Cilegon menerima visitasi peserta Pelatihan Kepemimpinan ",
            "Nasional (PKN) Tingkat II Angkatan IX LAN RI, Selasa (20/8). Rombongan diterima oleh ",
            "Wakil Wali Kota Cilegon, Hj. Nurhayati Sanusi, SE, didampingi Kepala Bappeda Kota ",
            "Cilegon, Ir. Heru Santoso Wibowo, MT, di Aula Setda.\n\n",
            "Dalam sambutannya, Nurhayati berharap para peserta dapat membawa pulang praktik baik ",
            "pengelolaan kawasan industri. “Cilegon tumbuh bersama industri, tetapi warga harus ",
            "tetap menjadi prioritas,” ujarnya.\n\n",
            "Sementara itu, Heru memaparkan capaian penurunan angka pengangguran terbuka selama ",
            "tiga tahun terakhir. Menurut Kepala Bappeda, kolaborasi dengan perusahaan menjadi ",
            "kunci keberhasilan program tersebut.\n\n",
            "Penulis: Dewi Anggraini\n",
            "Editor: Faisal Rahman\n",
        );
        let e = check(
            text,
            &[
                want("Nurhayati Sanusi", "Wakil Wali Kota", Some("Kota Cilegon"))
                    .titles(&["Hj."])
                    .degrees(&["SE"])
                    .aliases(&["Nurhayati"])
                    .mentions(2),
                want(
                    "Heru Santoso Wibowo",
                    "Kepala Bappeda",
                    Some("Kota Cilegon"),
                )
                .titles(&["Ir."])
                .degrees(&["MT"])
                .aliases(&["Heru", "Kepala Bappeda"])
                .mentions(3),
            ],
        );
        assert_not_official(&e, "Dewi Anggraini");
        assert_not_official(&e, "Faisal Rahman");
    }
}

// ---------------------------------------------------------------------------
// No region in the text
// ---------------------------------------------------------------------------

mod no_region {
    //! Pattern: a post that names no region in a text that names none either:
    //! the institution is `None`.
    use super::*;

    /// Pattern: `Camat <name>` with no region anywhere.
    #[test]
    fn camat_without_region() {
        expect(
            "Camat Samsudin Latif meminta para lurah memperketat pengawasan terhadap bangunan liar \
             di bantaran sungai.",
            "Samsudin Latif",
            "Camat",
            None,
        );
    }

    /// Pattern: `Sekretaris Daerah <name>` with no region anywhere.
    #[test]
    fn sekretaris_daerah_without_region() {
        expect(
            "Dalam apel pagi, Sekretaris Daerah Nur Alamsyah Putra mengingatkan seluruh aparatur \
             sipil negara agar menjaga netralitas menjelang pemilihan kepala daerah.",
            "Nur Alamsyah Putra",
            "Sekretaris Daerah",
            None,
        );
    }
}

// ---------------------------------------------------------------------------
// Negative sentences
// ---------------------------------------------------------------------------

mod no_officials {
    //! Pattern: sentences that name no official at all.
    use super::*;

    /// Pattern: residents and a place named after a historical figure.
    #[test]
    fn gowa_crowd_and_named_field() {
        expect_none(
            "Ratusan warga Kecamatan Somba Opu memadati Lapangan Syekh Yusuf untuk mengikuti senam \
             massal memeriahkan Hari Jadi Gowa ke-704, Minggu pagi.",
        );
    }

    /// Pattern: posts in lower case with no name.
    #[test]
    fn bukittinggi_posts_without_names() {
        expect_none(
            "Seluruh camat dan lurah se-Kota Bukittinggi diminta hadir dalam rapat koordinasi yang \
             akan dipimpin langsung oleh wali kota pekan depan.",
        );
    }

    /// Pattern: a resident named without any post.
    #[test]
    fn resident_without_post() {
        let text = "Seorang warga bernama Siti Maryam (54) mengaku senang karena rumahnya kini \
                    sudah teraliri listrik setelah bertahun-tahun menggunakan lampu minyak.";
        expect_none(text);
        assert_not_official(&extract(text), "Siti Maryam");
    }

    /// Pattern: generic posts in a list, no name.
    #[test]
    fn generic_posts() {
        expect_none(
            "Menurut para peserta, keberhasilan program itu tidak lepas dari dukungan bupati, \
             camat, hingga kepala desa yang turun langsung ke lapangan.",
        );
    }

    /// Pattern: capitalised posts with no name, separated by commas.
    #[test]
    fn capitalised_posts_without_names() {
        expect_none(
            "Rapat tersebut dihadiri Bupati Sidoarjo, Wakil Bupati, Sekretaris Daerah serta Kepala \
             Dinas terkait.",
        );
    }

    /// Pattern: police and military units only.
    #[test]
    fn mimika_units_only() {
        expect_none(
            "Polres Mimika bersama Kodim 1710/Mimika menggelar patroli gabungan di sejumlah titik \
             rawan di Distrik Mimika Baru, Sabtu malam.",
        );
    }

    /// Pattern: an agency and a figure, no person.
    #[test]
    fn kalimantan_utara_agency_only() {
        expect_none(
            "Bappeda Provinsi Kalimantan Utara menargetkan prevalensi stunting turun di bawah 14 \
             persen pada akhir 2025 melalui intervensi spesifik dan sensitif.",
        );
    }

    /// Pattern: training participants counted, not named.
    #[test]
    fn participants_counted() {
        expect_none(
            "Sebanyak 42 peserta Pelatihan Kepemimpinan Nasional Tingkat II Angkatan V tahun 2024 \
             berasal dari kementerian, lembaga, dan pemerintah daerah di seluruh Indonesia.",
        );
    }
}

// ---------------------------------------------------------------------------
// Author lines
// ---------------------------------------------------------------------------

mod author_lines {
    //! Pattern: bylines (`Penulis:`, `Editor:`, `Reporter:`, `Pewarta:`,
    //! `(rls/nan)`) are not officials.
    use super::*;

    /// Pattern: `Penulis:` and `Editor:` after an official's sentence.
    #[test]
    fn palu_penulis_editor() {
        let text = concat!(
            "Kepala Dinas Lingkungan Hidup Kota Palu, Irwan Basri Tompo, ST, menargetkan ",
            "pengangkutan sampah di seluruh kelurahan tuntas sebelum pukul 10.00 WITA.\n\n",
            "Penulis: Rina Kartikasari\n",
            "Editor: Yohanes Liku",
        );
        let e = check(
            text,
            &[want(
                "Irwan Basri Tompo",
                "Kepala Dinas Lingkungan Hidup",
                Some("Kota Palu"),
            )
            .degrees(&["ST"])],
        );
        assert_not_official(&e, "Rina Kartikasari");
        assert_not_official(&e, "Yohanes Liku");
    }

    /// Pattern: `Reporter:` before the body and `(rls/nan)` after it.
    #[test]
    fn gorontalo_reporter_rls() {
        let text = concat!(
            "Reporter: Fikri Haikal\n\n",
            "Wakil Ketua DPRD Provinsi Gorontalo, Hj. Rahmawati Dunggio, SE, meminta pemerintah ",
            "provinsi menambah kuota beasiswa bagi mahasiswa dari keluarga kurang mampu. (rls/nan)",
        );
        let e = check(
            text,
            &[want(
                "Rahmawati Dunggio",
                "Wakil Ketua DPRD",
                Some("Provinsi Gorontalo"),
            )
            .titles(&["Hj."])
            .degrees(&["SE"])],
        );
        assert_not_official(&e, "Fikri Haikal");
    }

    /// Pattern: `Pewarta:` and `Editor:` at the end of a news-agency story.
    #[test]
    fn kolaka_pewarta_editor() {
        let text = concat!(
            "Kapolres Kolaka AKBP Hasanuddin Rahim mengatakan pihaknya menyiagakan 250 personel ",
            "untuk mengamankan perayaan tahun baru di Kolaka.\n\n",
            "Pewarta: Aditya Eko Prasetyo\n",
            "Editor: Budi Suyanto\n",
        );
        let e = check(
            text,
            &[want("Hasanuddin Rahim", "Kapolres", Some("Polres Kolaka")).titles(&["AKBP"])],
        );
        assert_not_official(&e, "Aditya Eko Prasetyo");
        assert_not_official(&e, "Budi Suyanto");
    }
}
