//! Organisations, places, programmes and figures on text written for these tests.

use super::*;
use crate::entities::extract;

fn orgs(text: &str) -> Vec<(String, Option<String>)> {
    extract(text)
        .organizations
        .into_iter()
        .map(|o| (o.name, o.expansion))
        .collect()
}

fn places(text: &str) -> Vec<(String, PlaceLevel)> {
    extract(text)
        .places
        .into_iter()
        .map(|p| (p.name, p.level))
        .collect()
}

fn programs(text: &str) -> Vec<String> {
    extract(text).programs.into_iter().map(|p| p.name).collect()
}

#[test]
fn government_short_and_long_forms_are_one_organisation() {
    let o = orgs("Pemkab Sleman dan Pemerintah Kabupaten Sleman bekerja sama dengan Pemerintah Kota (Pemkot) Yogyakarta.");
    assert_eq!(
        o[0],
        (
            "Pemkab Sleman".to_string(),
            Some("Pemerintah Kabupaten Sleman".to_string())
        )
    );
    assert_eq!(o.len(), 2, "{o:?}");
    assert_eq!(o[1].0, "Pemkot Yogyakarta");
}

#[test]
fn long_form_with_acronym_and_region() {
    let o =
        orgs("Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Padang menggelar musrenbang.");
    assert_eq!(
        o,
        [(
            "Bappeda Kota Padang".to_string(),
            Some("Badan Perencanaan Pembangunan Daerah Kota Padang".to_string())
        )]
    );
}

#[test]
fn acronym_first_then_long_form() {
    let o = orgs("Hadir pula perwakilan KPU (Komisi Pemilihan Umum) dan Bawaslu.");
    assert_eq!(
        o[0],
        ("KPU".to_string(), Some("Komisi Pemilihan Umum".to_string()))
    );
    assert!(o.iter().any(|(n, _)| n == "Bawaslu"), "{o:?}");
}

#[test]
fn ministry_with_ri() {
    let o = orgs("Kementerian Sosial (Kemensos) RI menggelar pelatihan.");
    assert_eq!(o[0].0, "Kemensos RI");
}

#[test]
fn kota_kabupaten_and_short_forms_stay_distinct() {
    let p = places("Warga Kota Tangerang, Kabupaten Tangerang dan Tangsel hadir di Provinsi Banten, Indonesia.");
    assert_eq!(
        p,
        [
            ("Kota Tangerang".to_string(), PlaceLevel::Kota),
            ("Kabupaten Tangerang".to_string(), PlaceLevel::Kabupaten),
            ("Kota Tangerang Selatan".to_string(), PlaceLevel::Kota),
            ("Provinsi Banten".to_string(), PlaceLevel::Provinsi),
            ("Indonesia".to_string(), PlaceLevel::Negara),
        ]
    );
}

#[test]
fn post_implies_the_region() {
    let p = places("Bupati Gowa meresmikan pasar.");
    assert_eq!(p, [("Kabupaten Gowa".to_string(), PlaceLevel::Kabupaten)]);
}

#[test]
fn kecamatan_lists_and_named_places() {
    let p = places("Lokasi di Kecamatan Pamulang, Setu dan Serpong Utara, serta Gedung Cisadane dan situ Pondok Jagung.");
    let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Kecamatan Pamulang",
            "Kecamatan Setu",
            "Kecamatan Serpong Utara",
            "Gedung Cisadane",
            "Situ Pondok Jagung"
        ]
    );
}

#[test]
fn dateline_place() {
    let p = places("SLEMAN – Pemerintah daerah menggelar rapat.");
    assert_eq!(
        p[0],
        ("Kabupaten Sleman".to_string(), PlaceLevel::Kabupaten)
    );
}

#[test]
fn programmes_by_definition_gazetteer_and_phrase() {
    let p = programs(
        "Pemkab menjalankan Usaha Peningkatan Pendapatan Keluarga (UP2K), program bedah rumah, PKH, \
         dan Visitasi Kepemimpinan Nasional bagi peserta PKN Tingkat II Angkatan V.",
    );
    assert_eq!(
        p,
        [
            "UP2K",
            "bedah rumah",
            "PKH",
            "Visitasi Kepemimpinan Nasional",
            "PKN Tingkat II Angkatan V"
        ]
    );
}

#[test]
fn figures_with_units() {
    let f: Vec<String> = extract("Angka turun dari 1,61 % menjadi 5 persen; 8.182 rumah, 1,4 juta jiwa, Rp300 miliar, 104 orang peserta pada 17 Oktober 2023.")
        .figures
        .into_iter()
        .map(|f| f.text)
        .collect();
    assert_eq!(
        f,
        [
            "1,61 %",
            "5 persen",
            "8.182 rumah",
            "1,4 juta jiwa",
            "Rp300 miliar",
            "104 orang peserta"
        ]
    );
}

#[test]
fn spans_point_at_the_text() {
    let text =
        "Kepala Bappeda Kota Padang, Ir. Hendra, MT, meninjau Gedung Merah bersama 30 orang.";
    let e = extract(text);
    for s in e
        .officials
        .iter()
        .flat_map(|o| o.spans.iter())
        .chain(e.places.iter().flat_map(|p| p.spans.iter()))
    {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.start < s.end);
    }
    assert_eq!(
        &text[e.figures[0].span.start..e.figures[0].span.end],
        "30 orang"
    );
}

#[test]
fn title_case_subheadings_name_no_official() {
    let e = extract(
        "Bupati Resmikan Jembatan Baru\n\nBupati Sleman, Kustini Sri Purnomo, meresmikan jembatan.",
    );
    let names: Vec<&str> = e.officials.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Kustini Sri Purnomo"]);
}

#[test]
fn the_lower_case_gate_lets_every_place_head_and_program_through() {
    let mut whole = 0;
    for word in super::places::PLACE_HEADS.iter().chain(&["program"]) {
        let tokens = crate::entities::tokens::tokenize(word);
        // (`jl.` is cut as `jl` and `.`: no token is ever that head)
        if tokens.at(0).text == *word {
            whole += 1;
            assert!(tokens.shaped_in(0, &super::LOWER_CASE_OPENERS), "{word}");
        }
    }
    assert!(whole >= 20, "{whole}");
    for word in ["dan", "yang", "dengan", "kegiatan"] {
        let tokens = crate::entities::tokens::tokenize(word);
        assert!(!tokens.shaped_in(0, &super::LOWER_CASE_OPENERS), "{word}");
    }
}

#[test]
fn mentions_gather_under_their_name_before_and_after_the_list_is_indexed() {
    let mut others = Others::default();
    // 20 names, more than a list is scanned for, each named three times,
    // the repeats in reverse order
    let names: Vec<String> = (0..20).map(|k| format!("Gedung {k}")).collect();
    let order = (0..20).chain((0..20).rev()).chain(0..20);
    for (at, k) in order.enumerate() {
        let sp = Span::new(at * 10, at * 10 + 5);
        others.place(names[k].as_str(), PlaceLevel::Lokasi, sp);
    }
    let listed: Vec<&str> = others.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(listed, names.iter().map(String::as_str).collect::<Vec<_>>());
    for (k, place) in others.places.iter().enumerate() {
        let starts: Vec<usize> = place.spans.iter().map(|s| s.start).collect();
        assert_eq!(starts, vec![k * 10, (39 - k) * 10, (40 + k) * 10], "{k}");
    }
}

#[test]
fn the_main_loop_looks_at_what_its_matchers_may_start_at() {
    // what the loop looked at before its tokens were stepped over in one
    // scan: a lower-case word of an opener's shape, any capital or
    // non-ASCII first byte, never a digit or ASCII punctuation
    for b in 0..=255u8 {
        for len in 0..40 {
            let before = if b.is_ascii_lowercase() {
                LOWER_CASE_OPENERS.may_hold(b, len)
            } else {
                b.is_ascii_uppercase() || !b.is_ascii()
            };
            assert_eq!(LOOKED_AT.may_hold(b, len), before, "{b} {len}");
        }
    }
}

#[test]
fn an_acronym_takes_ri_or_the_region_after_it_into_name_and_long_form() {
    let long = |a: &str| GAZETTEER.institution(a).expect(a).expansion.clone();
    let o = orgs("Tim BKN RI dan Bappeda Kabupaten Tangerang hadir bersama KPU.");
    assert_eq!(
        o,
        [
            ("BKN RI".to_string(), Some(long("BKN") + " RI")),
            (
                "Bappeda Kabupaten Tangerang".to_string(),
                Some(long("Bappeda") + " Kabupaten Tangerang")
            ),
            ("KPU".to_string(), Some(long("KPU"))),
        ]
    );
}
