//! Resolution across articles: one Official per person, namesakes apart.

use warta::entities::{extract, resolve, EntityIndex};

fn index(texts: &[&str]) -> EntityIndex {
    resolve(texts.iter().map(|t| extract(t)).collect())
}

#[test]
fn same_person_in_two_articles_is_one_official() {
    let idx = index(&[
        "Wali Kota Padang, Hendri Septa, membuka pameran UMKM di Kota Padang.",
        "Pemkot Padang menerima kunjungan. Wali Kota Padang Hendri Septa menyambut peserta PKA. Hendri berharap kunjungan bermanfaat.",
    ]);
    assert_eq!(idx.officials.len(), 1, "{:?}", idx.officials);
    let o = &idx.officials[0];
    assert_eq!(o.name, "Hendri Septa");
    assert_eq!(o.articles, [0, 1]);
    assert_eq!(o.roles.len(), 1);
    assert_eq!(o.roles[0].institution.as_deref(), Some("Kota Padang"));
    assert_eq!(o.roles[0].articles, [0, 1]);
    assert_eq!(o.mentions, 3);
    assert_eq!(idx.official_of_mention, [vec![0], vec![0]]);
}

#[test]
fn two_hendras_in_different_regions_stay_apart() {
    let idx = index(&[
        "Camat Cibinong, Hendra, meninjau lokasi banjir di Kabupaten Bogor.",
        "Kepala Dinas Sosial Kota Medan, Hendra, menyalurkan bantuan.",
    ]);
    assert_eq!(idx.officials.len(), 2, "{:?}", idx.officials);
    let institutions: Vec<_> = idx
        .officials
        .iter()
        .map(|o| o.roles[0].institution.clone().unwrap())
        .collect();
    assert!(institutions.contains(&"Kecamatan Cibinong".to_string()));
    assert!(institutions.contains(&"Kota Medan".to_string()));
}

#[test]
fn same_full_name_in_different_provinces_stays_apart() {
    let idx = index(&[
        "Kepala Bappeda Kota Padang, Rudi Hartono, memaparkan rencana.",
        "Kepala Bappeda Kota Makassar, Rudi Hartono, memaparkan rencana.",
    ]);
    assert_eq!(idx.officials.len(), 2);
}

#[test]
fn spelling_variants_in_one_institution_merge() {
    let idx = index(&[
        "Bupati Gowa, Muhammad Adnan Purichta, meresmikan pasar.",
        "Bupati Gowa Muhamad Adnan Purichta menerima rombongan.",
    ]);
    assert_eq!(idx.officials.len(), 1, "{:?}", idx.officials);
    assert_eq!(idx.officials[0].aliases, ["Muhamad Adnan Purichta"]);
}

#[test]
fn one_person_with_two_roles() {
    let idx = index(&[
        "Sekda Kota Bogor, Syarifah Sofiah, memimpin apel.",
        "Pj. Wali Kota Bogor, Syarifah Sofiah, meresmikan taman.",
    ]);
    assert_eq!(idx.officials.len(), 1, "{:?}", idx.officials);
    let roles: Vec<&str> = idx.officials[0]
        .roles
        .iter()
        .map(|r| r.position.as_str())
        .collect();
    assert_eq!(roles, ["Sekretaris Daerah", "Pj. Wali Kota"]);
}

#[test]
fn kota_and_kabupaten_tangerang_officials_stay_apart() {
    let idx = index(&[
        "Sekda Kota Tangerang, Herman Suwarman, hadir.",
        "Sekda Kabupaten Tangerang, Herman Suwarman, hadir.",
        "Sekda Kota Tangerang Selatan, Bambang Noertjahjo, hadir.",
    ]);
    let places: Vec<&str> = idx.places.iter().map(|p| p.name.as_str()).collect();
    assert!(
        places.contains(&"Kota Tangerang")
            && places.contains(&"Kabupaten Tangerang")
            && places.contains(&"Kota Tangerang Selatan")
    );
    // Same name, same province: one person with two roles, each role keeps its region.
    let herman = idx
        .officials
        .iter()
        .find(|o| o.name == "Herman Suwarman")
        .unwrap();
    let insts: Vec<&str> = herman
        .roles
        .iter()
        .filter_map(|r| r.institution.as_deref())
        .collect();
    assert_eq!(insts, ["Kota Tangerang", "Kabupaten Tangerang"]);
}

#[test]
fn a_spelling_variant_meets_an_institution_the_person_gained_later() {
    // Rudi Hartono takes Kota Bukittinggi as a second role after his name
    // was filed; a variant spelling there must still find him, and the same
    // spelling elsewhere in another province must not.
    let idx = index(&[
        "Kepala Bappeda Kota Padang, Rudi Hartono, memaparkan rencana.",
        "Kepala Dinas Sosial Kota Bukittinggi, Rudi Hartono, menyalurkan bantuan.",
        "Kepala Dinas Sosial Kota Bukittinggi, Rudy Hartono, meninjau pasar.",
        "Kepala Dinas Sosial Kota Medan, Rudy Hartono, meninjau pasar.",
    ]);
    assert_eq!(idx.officials.len(), 2, "{:?}", idx.officials);
    let rudi = idx
        .officials
        .iter()
        .find(|o| o.articles.contains(&0))
        .unwrap();
    assert_eq!(rudi.articles, [0, 1, 2], "{:?}", idx.officials);
    let mut spellings = rudi.aliases.clone();
    spellings.push(rudi.name.clone());
    spellings.sort();
    assert_eq!(spellings, ["Rudi Hartono", "Rudy Hartono"]);
}

#[test]
fn the_fullest_spelling_names_the_official_the_last_of_equals() {
    // Same words and bytes: the later article's spelling is the name.
    let idx = index(&[
        "Bupati Gowa, Muhammad Adnan Purichta, meresmikan pasar.",
        "Bupati Gowa Muhammad Adnen Purichta menerima rombongan.",
    ]);
    assert_eq!(idx.officials.len(), 1, "{:?}", idx.officials);
    assert_eq!(idx.officials[0].name, "Muhammad Adnen Purichta");
    assert_eq!(idx.officials[0].aliases, ["Muhammad Adnan Purichta"]);
    // More words win whatever the order.
    let idx = index(&[
        "Wali Kota Tangerang, Arief R. Wismansyah, membuka acara.",
        "Wali Kota Tangerang Arief Wismansyah menyambut peserta.",
    ]);
    assert_eq!(idx.officials.len(), 1, "{:?}", idx.officials);
    assert_eq!(idx.officials[0].name, "Arief R. Wismansyah");
}

#[test]
fn organisations_and_programmes_meet_across_articles_most_cited_first() {
    let idx = index(&[
        "Perwakilan KPU dan BPSDMD hadir. Pemkab menyalurkan PKH dan UP2K.",
        "Hadir pula perwakilan KPU (Komisi Pemilihan Umum), Bawaslu dan BPSDM. \
         Pemkab menjalankan Usaha Peningkatan Pendapatan Keluarga (UP2K).",
        "Perwakilan Bawaslu hadir. Pemkab menjalankan UP2K.",
        "Perwakilan Bawaslu dan KPU hadir.",
    ]);
    let orgs: Vec<_> = idx
        .organizations
        .iter()
        .map(|o| (o.name.as_str(), o.expansion.as_deref(), o.articles.clone()))
        .collect();
    assert_eq!(
        orgs,
        [
            (
                "Bawaslu",
                Some("Badan Pengawas Pemilihan Umum"),
                vec![1, 2, 3]
            ),
            ("KPU", Some("Komisi Pemilihan Umum"), vec![0, 1, 3]),
            (
                "BPSDMD",
                Some("Badan Pengembangan Sumber Daya Manusia Daerah"),
                vec![0, 1]
            ),
        ]
    );
    let programs: Vec<_> = idx
        .programs
        .iter()
        .map(|p| (p.name.as_str(), p.expansion.as_deref(), p.articles.clone()))
        .collect();
    assert_eq!(
        programs,
        [
            (
                "UP2K",
                Some("Usaha Peningkatan Pendapatan Keluarga"),
                vec![0, 1, 2]
            ),
            ("PKH", Some("Program Keluarga Harapan"), vec![0]),
        ]
    );
}
