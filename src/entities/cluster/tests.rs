//! Tests of the matching rules and the reach check.

use super::*;

#[test]
fn distance() {
    assert_eq!(edit_distance("muhammad", "muhamad", 2), 1);
    assert!(edit_distance("abcdefgh", "zzzzzzzz", 2) > 2);
    assert_eq!(edit_distance("wismansyah", "wismansjah", 2), 1);
    assert_eq!(edit_distance("ariefwismansyah", "ariefrwismansyah", 2), 1);
    assert_eq!(edit_distance("kamíl", "kamil", 2), 1);
    assert_eq!(edit_distance("abcdef", "badcfe", 4), 4);
    assert!(edit_distance("abcdef", "badcfe", 3) > 3);
    assert_eq!(edit_distance("abcdfe", "abcdef", 2), 2);
    assert_eq!(edit_distance("", "ab", 2), 2);
}

#[test]
fn same_person_rules() {
    assert!(same_person(
        "Arief R. Wismansyah",
        Some("Kota Tangerang"),
        "Arief R Wismansyah",
        None
    ));
    assert!(same_person(
        "Arief Wismansyah",
        Some("Kota Tangerang"),
        "Arief R. Wismansyah",
        Some("Kota Tangerang")
    ));
    assert!(!same_person(
        "Hendra",
        Some("Kota Bandung"),
        "Hendra",
        Some("Kabupaten Aceh Besar")
    ));
    assert!(!same_person(
        "Hendra Gunawan",
        Some("Kota Bandung"),
        "Hendra Gunawan",
        Some("Kabupaten Aceh Besar")
    ));
    assert!(same_person(
        "Hendra Gunawan",
        Some("Kota Bandung"),
        "Hendra Gunawan",
        Some("Kabupaten Bandung")
    ));
    assert!(same_person(
        "Muhammad Ridwan Saleh",
        Some("Kota Padang"),
        "Muhamad Ridwan Saleh",
        Some("Kota Padang")
    ));
    assert!(!same_person(
        "Muhammad Ridwan Saleh",
        Some("Kota Padang"),
        "Muhamad Ridwan Saleh",
        Some("Kota Medan")
    ));
}

/// Every pair the matching rules join passes the reach check, and
/// pairs from different provinces and institutions are ruled out.
#[test]
fn reach_never_rules_out_a_match() {
    let names = [
        "Hendra",
        "Hendra Gunawan",
        "Hendra Gunawan S",
        "Muhammad Ridwan Saleh",
        "Muhamad Ridwan Saleh",
        "Arief R. Wismansyah",
        "Arief Wismansyah",
    ];
    let institutions = [
        None,
        Some("Kota Bandung"),
        Some("Kabupaten Bandung"),
        Some("Kabupaten Aceh Besar"),
        Some("Kota Padang"),
        Some("Kota Tangerang"),
        Some("Polres Bandung"),
        Some("Kementerian Dalam Negeri"),
    ];
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut province = |inst: &str| {
        let code = province_of(inst)?;
        let next = ids.len() as u32;
        Some(*ids.entry(code).or_insert(next))
    };
    let mut ruled_out = 0;
    for (na, ia) in names.iter().flat_map(|n| institutions.map(|i| (n, i))) {
        let a = NameParts::of(na);
        let mut reach = Reach::default();
        reach.add(ia, a.words.len(), &mut province);
        for (nb, ib) in names.iter().flat_map(|n| institutions.map(|i| (n, i))) {
            let b = NameParts::of(nb);
            let Some((bit, p)) = ib.and_then(|i| Some((institution_bit(i), province(i)?))) else {
                continue;
            };
            let joined = same_parts(&a, ia, &b, ib, &mut province);
            if !reach.may_match(bit, p) {
                assert!(!joined, "{na} {ia:?} and {nb} {ib:?} ruled out");
                ruled_out += 1;
            }
        }
    }
    assert!(ruled_out > 0, "the check rules nothing out");
}

/// Packed entities of articles naming one official each: (name, institution).
fn articles_naming(officials: &[(&str, &str)]) -> Vec<PackedEntities> {
    use crate::entities::model::{ArticleEntities, OfficialMention};
    officials
        .iter()
        .map(|(name, institution)| {
            PackedEntities::pack(&ArticleEntities {
                officials: vec![OfficialMention {
                    name: name.to_string(),
                    position: "Kepala Bappeda".to_string(),
                    institution: Some(institution.to_string()),
                    titles: Vec::new(),
                    degrees: Vec::new(),
                    aliases: Vec::new(),
                    spans: Vec::new(),
                }],
                ..ArticleEntities::default()
            })
        })
        .collect()
}

/// A mention of a variant its cluster already holds still counts for the
/// name (the fullest, the last of equals) and leaves the keys, lasts and
/// variants the cluster took with the variant in place for later mentions.
#[test]
fn a_repeated_variant_keeps_the_cluster_whole() {
    let articles = articles_naming(&[
        ("Budi Santoso", "Kota Padang"),
        ("Budy Santoso", "Kota Padang"),
        ("Budi Santoso", "Kota Padang"),
        ("Budi Santoso", "Kota Medan"),
        ("Budi Santoso", "Kota Medan"),
        ("Budi A Santoso", "Kota Padang"),
        ("Budy Santoso", "Kota Padang"),
    ]);
    let clusters = cluster(&articles);
    assert_eq!(clusters.len(), 2);
    let padang = &clusters[0];
    let members: Vec<usize> = padang.members.iter().map(|&(a, _)| a).collect();
    assert_eq!(members, [0, 1, 2, 5, 6]);
    assert_eq!(padang.name, "Budi A Santoso");
    assert_eq!(padang.variants.len(), 3);
    assert_eq!(padang.keys, ["budisantoso", "budysantoso", "budiasantoso"]);
    let medan = &clusters[1];
    assert_eq!(
        medan.members.iter().map(|&(a, _)| a).collect::<Vec<_>>(),
        [3, 4]
    );
    assert_eq!(medan.variants.len(), 1);
    // Without the later, fuller name, the last of two equals is taken.
    let clusters = cluster(&articles[..3]);
    assert_eq!(clusters[0].name, "Budi Santoso");
}
