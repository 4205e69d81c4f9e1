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
