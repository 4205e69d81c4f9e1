//! Parser tests on text written for them (the seeds are covered by the
//! integration tests against the gold annotation).

use super::*;

fn parse(text: &str) -> Article {
    let clean = crate::corpus::sanitize::sanitize(text);
    parse_article(
        "t".into(),
        PathBuf::from("t.txt"),
        clean.text,
        false,
        clean.removed,
        KnownFields::default(),
    )
}

#[test]
fn header_title_date_label_and_caption() {
    let a = parse(
        "Bupati Gowa Resmikan Pasar Rakyat\n\nDate:\n\nBupati menggunting pita. (FOTO: gowakab.go.id)\n\n\
         GOWA – Bupati Gowa meresmikan pasar, Kamis, 2 Maret 2023.\n\nPasar itu ramai.",
    );
    assert_eq!(a.title, "Bupati Gowa Resmikan Pasar Rakyat");
    assert_eq!(a.title_source, TitleSource::Header);
    assert_eq!(a.date.unwrap().to_string(), "2023-03-02");
    assert_eq!(a.dateline.as_deref(), Some("GOWA"));
    assert!(a.body.text().starts_with("GOWA – Bupati Gowa meresmikan"));
    assert!(a.body.text().ends_with("Pasar itu ramai."));
    assert_eq!(a.paragraphs().len(), 2);
}

#[test]
fn repeated_title_shows_once_and_date_header_wins() {
    let t = "Camat Hadiri Musrenbang Kelurahan";
    let text = format!("Rabu, 6 Maret 2024 09:00 WIB | Dibaca : 77\n{t}\n{t}\n{t}\n\nCamat hadir pada 1 Januari 2020.\n");
    let a = parse(&text);
    assert_eq!(a.title, t);
    assert_eq!(a.date.unwrap().to_string(), "2024-03-06");
    assert_eq!(a.body.text(), "Camat hadir pada 1 Januari 2020.");
    assert!(!a.body.text().contains("Musrenbang Kelurahan"));
}

#[test]
fn author_box_bio_and_teasers_are_cut() {
    let a = parse(
        "Judul Berita Daerah Hari Ini\n\nIsi berita pertama.\n\nSumber: contoh.go.id\n\nAuthor\n\n  • Rina M. S\n\n    \
         Rina adalah wartawan sejak 2001.\n\nTerpopuler\n\nShare post:\n\nBerita Lainnya\nRelated\n\nTeaser Lain Tentang Bupati\n\nBerita X - Bupati...",
    );
    assert_eq!(a.body.text(), "Isi berita pertama.");
    assert_eq!(a.author.as_deref(), Some("Rina M. S"));
    assert_eq!(a.site.as_deref(), Some("contoh.go.id"));
}

#[test]
fn each_end_marker_cuts_the_tail() {
    for marker in [
        "Terpopuler",
        "Share post:",
        "Berita Lainnya",
        "Related",
        "Artikel Terkait",
        "Komentar",
        "Baca Juga",
    ] {
        let a = parse(&format!(
            "Judul Yang Cukup Panjang\n\nParagraf isi.\n\n{marker}\n\nTeaser Bupati Lain"
        ));
        assert_eq!(a.body.text(), "Paragraf isi.", "marker {marker}");
    }
}

#[test]
fn captcha_counters_and_bylines_are_removed_inline() {
    let a = parse(
        "Judul Yang Cukup Panjang\n\nParagraf satu.\nBaca juga: Bupati Lain\nPenulis: Dodi\n1.234 kali dibaca\n\
         Paragraf dua.\n\nArtikel Terkait\n\nKomentar\n\nPastikan Google Captcha Sudah Tercentang !!!",
    );
    assert_eq!(a.body.text(), "Paragraf satu.\n\nParagraf dua.");
    assert_eq!(a.author.as_deref(), Some("Dodi"));
}

#[test]
fn footer_title_and_site_dateline() {
    let a = parse(
        "Contoh.com, Sleman - Pemkab Sleman menerima kunjungan pada Senin 6 Mei 2019 dari peserta diklat yang datang dari berbagai daerah di Indonesia untuk belajar.\n\
         Kalimat kedua. (adv)\n0 Response to \"[Pos baru] Sleman Jadi Tujuan Diklat\"\nPost a Comment",
    );
    assert_eq!(a.title, "Sleman Jadi Tujuan Diklat");
    assert_eq!(a.title_source, TitleSource::Footer);
    assert_eq!(a.site.as_deref(), Some("Contoh.com"));
    assert_eq!(a.dateline.as_deref(), Some("Sleman"));
    assert_eq!(a.date.unwrap().to_string(), "2019-05-06");
    assert!(a.body.text().ends_with("Kalimat kedua. (adv)"));
}

#[test]
fn lead_title_when_nothing_else() {
    let a = parse(
        "MATARAM – Dinas Sosial Provinsi NTB menggelar pelatihan bagi pendamping sosial dari sepuluh kabupaten dan kota se-NTB pada pekan ini. Kalimat lain (7/8).",
    );
    assert_eq!(a.title_source, TitleSource::Lead);
    assert_eq!(a.title, "Dinas Sosial Provinsi NTB menggelar pelatihan bagi pendamping sosial dari sepuluh kabupaten …");
    assert_eq!(a.date.unwrap().to_string(), "--08-07");
}

#[test]
fn short_lead_keeps_whole_sentence() {
    let a = parse("Pj. Bupati membuka acara. Lalu pulang.");
    assert_eq!(a.title, "Pj. Bupati membuka acara");
}

#[test]
fn escape_sequences_never_reach_fields() {
    let a = parse("Judul \u{1b}[2JBerbahaya\n\nIsi \u{1b}]52;c;eA==\u{7}berita \u{202e}terbalik.");
    assert_eq!(a.title, "Judul ␛Berbahaya");
    assert!(!a.body.text().contains('\u{1b}'));
    assert!(!a.body.text().contains('\u{202e}'));
    assert_eq!(a.removed_controls, 3);
}

#[test]
fn crlf_and_nbsp_are_normalised() {
    let a = parse("Judul Dengan CRLF Di Sini\r\n\r\nIsi\u{a0}berita.\r\nBaris dua.");
    assert_eq!(a.body.text(), "Isi berita.\n\nBaris dua.");
}

#[test]
fn breadcrumbs_desk_lines_tags_and_reporter_bylines() {
    let a = parse(
        "Home / Berita Daerah / Jember\nCamat Resmikan Jalan Tembus Desa\nRedaksi | Kamis, 3 Agustus 2023 | 15:22 WITA\n\
         Laporan Wartawan Contoh.com, Nurul Amir\n\nJEMBER – Isi berita.\n\nTags: Jember, TMMD\n\nTeaser Lain",
    );
    assert_eq!(a.title, "Camat Resmikan Jalan Tembus Desa");
    assert_eq!(a.date.unwrap().to_string(), "2023-08-03");
    assert_eq!(a.author.as_deref(), Some("Nurul Amir"));
    assert_eq!(a.body.text(), "JEMBER – Isi berita.");
}

#[test]
fn read_more_lines_end_the_article() {
    let a = parse(
        "Judul Yang Cukup Panjang\n\nParagraf isi.\n\nBaca Berita Lainnya\n\nTeaser Bupati Lain",
    );
    assert_eq!(a.body.text(), "Paragraf isi.");
}

#[test]
fn lines_are_split_as_str_lines_splits_them() {
    for text in [
        "",
        "\n",
        "\n\n",
        "a",
        "a\n",
        "a\r\nb\r\n",
        "a\rb\n\r",
        "Judul\n\nIsi berita.\nBaris\r",
        "\r\n\r\n",
        "ü\n—\n\n",
    ] {
        assert_eq!(
            super::lines(text).collect::<Vec<_>>(),
            text.lines().collect::<Vec<_>>(),
            "{text:?}"
        );
    }
}

#[test]
fn odd_spaces_are_told_from_their_byte_neighbours() {
    let odd = ['\u{a0}', '\u{2007}', '\u{202f}', '\u{3000}'];
    // characters that share a first byte with one of them
    let neighbours = [
        '©', '¿', '–', '“', '\u{2008}', '\u{202e}', '、', '\u{3001}', 'x',
    ];
    for c in odd.iter().chain(&neighbours) {
        for text in [
            format!("{c}"),
            format!("a{c}b"),
            format!("é{c}"),
            format!("{c}{c}"),
        ] {
            assert_eq!(super::has_odd_space(&text), text.contains(odd), "{text:?}");
        }
    }
    assert_eq!(
        super::clean_line(" Kota\u{a0}Tangerang\u{3000}", true),
        "Kota Tangerang"
    );
    for odd_spaces in [true, false] {
        assert_eq!(
            super::clean_line(" Kota – Tangerang “x”\u{a0}", odd_spaces),
            "Kota – Tangerang “x”"
        );
    }
}

#[test]
fn an_odd_space_on_one_line_is_cleaned_and_others_are_kept() {
    let text = "Judul Berita Hari Ini\n\nBupati\u{a0}Sleman hadir.\n\nCamat “Budi” hadir.\n\nWarga\u{202f}senang.";
    let parsed = super::parse_text(text);
    assert_eq!(
        parsed.body,
        "Bupati Sleman hadir.\n\nCamat “Budi” hadir.\n\nWarga senang."
    );
}
