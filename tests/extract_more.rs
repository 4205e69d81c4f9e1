//! More official patterns: `<name> selaku <post>`, `<name> sebagai <post>`.

use warta::entities::extract;

fn officials(text: &str) -> Vec<(String, String, Option<String>)> {
    extract(text)
        .officials
        .into_iter()
        .map(|o| (o.name, o.position, o.institution))
        .collect()
}

#[test]
fn name_selaku_post() {
    assert_eq!(
        officials("Kegiatan dibuka oleh Drs. Hasanuddin Lubis selaku Kepala Dinas Sosial Kota Medan, Senin (3/6)."),
        [("Hasanuddin Lubis".to_string(), "Kepala Dinas Sosial".to_string(), Some("Kota Medan".to_string()))]
    );
}

#[test]
fn name_sebagai_post() {
    assert_eq!(
        officials("Rapat dipimpin Yuliani Putri sebagai Camat Mandau di kantor camat."),
        [(
            "Yuliani Putri".to_string(),
            "Camat".to_string(),
            Some("Kecamatan Mandau".to_string())
        )]
    );
}

#[test]
fn sebagai_without_a_name_before_is_nothing() {
    assert!(officials("Ia ditunjuk sebagai Camat Mandau sejak tahun lalu.").is_empty());
}

/// A report naming twelve heads of office, with short re-mentions before
/// and after the article has more people than are matched by a scan.
fn twelve_heads() -> String {
    let heads = [
        ("Sosial", "Hasanuddin Lubis"),
        ("Kesehatan", "Rahmat Siregar"),
        ("Pendidikan", "Dewi Lestari"),
        ("Perhubungan", "Bambang Purnomo"),
        ("Pertanian", "Sri Wahyuni"),
        ("Pariwisata", "Agus Salim"),
        ("Koperasi", "Yusuf Harahap"),
        ("Perikanan", "Nurul Hidayah"),
        ("Kebudayaan", "Joko Santoso"),
        ("Perindustrian", "Rina Marlina"),
        ("Perdagangan", "Budi Gunawan"),
        ("Kependudukan", "Taufik Hidayat"),
    ];
    let mut paragraphs =
        vec!["Medan - Pemerintah Kota Medan menggelar rapat koordinasi.".to_string()];
    for (k, (unit, name)) in heads.iter().enumerate() {
        paragraphs.push(format!(
            "Kepala Dinas {unit} Kota Medan, {name}, mengatakan program berjalan baik."
        ));
        if k == 2 {
            paragraphs.push("Kepala Dinas Kesehatan Rahmat menambahkan data terbaru.".into());
        }
    }
    paragraphs
        .push("Di akhir rapat, Kepala Dinas Sosial Hasanuddin menegaskan komitmennya.".into());
    paragraphs.push("Kepala Dinas Pendidikan Dewi meminta sekolah bersiap.".into());
    paragraphs.push("Kepala Dinas Perdagangan Budi menutup rapat.".into());
    paragraphs.join("\n\n")
}

#[test]
fn a_short_name_joins_its_person_however_many_people_came_before() {
    let found = extract(&twelve_heads()).officials;
    assert_eq!(
        found.len(),
        12,
        "{:#?}",
        found.iter().map(|o| &o.name).collect::<Vec<_>>()
    );
    let spans = |name: &str| found.iter().find(|o| o.name == name).map(|o| o.spans.len());
    // a re-mention among three people; among twelve, one of the first and
    // the third person, and one of a person named after the ninth
    assert_eq!(spans("Rahmat Siregar"), Some(2));
    assert_eq!(spans("Hasanuddin Lubis"), Some(2));
    assert_eq!(spans("Dewi Lestari"), Some(2));
    assert_eq!(spans("Budi Gunawan"), Some(2));
    assert_eq!(spans("Sri Wahyuni"), Some(1));
}
