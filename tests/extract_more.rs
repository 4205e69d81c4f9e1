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
