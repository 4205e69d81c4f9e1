//! The gazetteer's tables and look-ups.

use super::*;

#[test]
fn every_region_name_is_found_from_its_first_word() {
    let g = &*GAZETTEER;
    for key in g.by_name.keys() {
        let words: Vec<&str> = key.split(' ').collect();
        assert!(g.region_words_from(words[0]) >= words.len(), "{key}");
        assert_eq!(
            g.regions_named_words(words.iter().copied()),
            g.regions_named(key),
            "{key}"
        );
    }
    assert_eq!(g.region_words_from("Bupati"), 0);
    assert!(g.region_words_from("TANGERANG") >= 2);
    let long = ["Sangat"; 12];
    assert_eq!(
        g.regions_named_words(long.iter().copied()),
        g.regions_named(&long.join(" "))
    );
    assert_eq!(
        g.regions_named_words(["Bandung", "Barat"].into_iter()),
        g.regions_named("bandung barat")
    );
}

#[test]
fn every_village_is_found_from_its_words_as_written() {
    let g = &*GAZETTEER;
    let names = include_str!("../../../assets/villages.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let mut non_ascii = 0;
    for name in names {
        non_ascii += usize::from(!name.is_ascii());
        let words: Vec<&str> = name.split(' ').collect();
        assert!(g.is_village(name), "{name}");
        assert!(g.is_village_words(words.iter().copied()), "{name}");
        let upper = name.to_uppercase();
        assert!(g.is_village_words(upper.split(' ')), "{upper}");
    }
    assert!(non_ascii > 0, "some names hold a non-ASCII letter");
    // One word past the end of a name, or a name cut short, is no village.
    assert!(!g.is_village_words(["Sukajadi", "Bupati"].into_iter()));
    assert!(!g.is_village_words(["Regapu"].into_iter()));
    // Words that are no name, long or non-ASCII, one or several.
    assert!(!g.is_village_words(["Sangat"; 12].into_iter()));
    assert!(!g.is_village_words(["“"].into_iter()));
    assert!(!g.is_village_words(["Kepala", "Désa"].into_iter()));
}

#[test]
fn every_rank_is_found_from_its_first_word_longest_first() {
    let g = &*GAZETTEER;
    for rank in &g.ranks {
        let found: Vec<&[String]> = g.ranks_starting_with(&rank[0]).collect();
        assert!(found.contains(&rank.as_slice()), "{rank:?}");
        assert!(
            found.windows(2).all(|w| w[0].len() >= w[1].len()),
            "{rank:?}"
        );
    }
    assert_eq!(g.ranks_starting_with("Bupati").count(), 0);
}

#[test]
fn a_word_may_open_a_post_only_when_it_begins_as_some_post_does() {
    let g = &*GAZETTEER;
    let opens = |w: &str| {
        w.bytes()
            .next()
            .is_some_and(|b| g.post_shapes().may_hold(b, w.len()))
    };
    assert!(opens("Kepala") && opens("Sekda"));
    assert!(!opens("budi") && !opens("2024") && !opens("") && !opens("Kepalanya"));
    for first in g.posts_by_first.keys() {
        assert!(opens(first), "{first}");
    }
}

#[test]
fn a_word_may_open_a_programme_only_when_some_name_starts_with_it() {
    let g = &*GAZETTEER;
    for word in ["PKH", "BLT", "Blt", "BLT-DD", "BL"] {
        assert!(g.may_open_program(word), "{word}");
    }
    for word in ["Budi", "Kabupaten", "Zzz", "BLTX"] {
        assert!(!g.may_open_program(word), "{word}");
    }
    // exactly the words whose phrases the programme lookup can match
    for (key, (name, _)) in &g.programs {
        let first = name.split(' ').next().unwrap();
        assert!(g.may_open_program(first), "{name} ({key})");
    }
}

#[test]
fn regions_and_short_forms() {
    let g = &*GAZETTEER;
    let names: Vec<&str> = g
        .regions_named("tangerang")
        .iter()
        .map(|&i| g.regions[i].name.as_str())
        .collect();
    assert!(names.contains(&"Kota Tangerang") && names.contains(&"Kabupaten Tangerang"));
    let tangsel: Vec<&str> = g
        .regions_named("Tangsel")
        .iter()
        .map(|&i| g.regions[i].name.as_str())
        .collect();
    assert_eq!(tangsel, ["Kota Tangerang Selatan"]);
    assert!(
        g.regions
            .iter()
            .filter(|r| r.level == Level::Provinsi)
            .count()
            >= 38
    );
}

#[test]
fn posts_institutions_and_words() {
    let g = &*GAZETTEER;
    assert_eq!(
        g.posts
            .iter()
            .find(|p| p.form == "Sekda")
            .unwrap()
            .canonical,
        "Sekretaris Daerah"
    );
    assert_eq!(g.institution("BAPPEDA").unwrap().acronym, "Bappeda");
    assert!(g.is_unit_word("pengembangan"));
    assert!(g.is_honorific("Hj."));
    assert!(g.is_degree("M.Si") && g.is_degree("S.Sos.") && g.is_degree("SH"));
    assert!(!g.is_degree("Bupati"));
}

/// `word` with its first letter upper-cased (`bappeda` → `Bappeda`).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

#[test]
fn the_key_filter_rules_out_no_key_of_any_table_however_cased() {
    let g = &*GAZETTEER;
    let cased = |k: &str| [k.to_string(), k.to_uppercase(), capitalised(k)];
    for key in g.institutions.keys() {
        for word in cased(key) {
            assert!(g.institution(&word).is_some(), "{word}");
        }
    }
    for key in &g.unit_words {
        for word in cased(key) {
            assert!(g.is_unit_word(&word), "{word}");
        }
    }
    for key in g.region_first_words.keys() {
        for word in cased(key) {
            assert!(g.region_words_from(&word) > 0, "{word}");
        }
    }
    for key in &g.program_prefixes {
        for word in cased(key) {
            assert!(g.may_open_program(&word), "{word}");
        }
    }
    // looked up as written
    for key in g.posts_by_first.keys() {
        assert!(g.posts_starting_with(key).next().is_some(), "{key}");
    }
}

#[test]
fn every_listed_degree_honorific_rank_suffix_and_post_word_is_found() {
    let g = &*GAZETTEER;
    let listed = |text: &'static str| -> Vec<&'static str> {
        rows(text).filter_map(|r| r.first().copied()).collect()
    };
    let degrees = listed(include_str!("../../../assets/degrees.txt"));
    assert!(degrees.len() > 100, "{} degrees", degrees.len());
    for degree in degrees {
        // as written, cased otherwise, and as its key (no dots)
        for word in [
            degree.to_string(),
            degree.to_uppercase(),
            degree_key(degree),
        ] {
            assert!(g.is_degree(&word), "{word}");
        }
    }
    for honorific in listed(include_str!("../../../assets/honorifics.txt")) {
        assert!(g.is_honorific(honorific), "{honorific}");
    }
    for suffix in listed(include_str!("../../../assets/rank_suffixes.txt")) {
        assert!(g.is_rank_suffix(suffix), "{suffix}");
    }
    for post in &g.posts {
        let first = post.form.split_whitespace().next().unwrap_or_default();
        assert!(g.is_post_word(first), "{first}");
    }
    // and not some word of the same shape
    assert!(!g.is_degree("Budi") && !g.is_degree("B.u.d.i") && !g.is_honorific("Hx."));
}

#[test]
fn the_key_filter_rules_out_most_capitalised_words_of_a_report() {
    let g = &*GAZETTEER;
    let text = include_str!("../../../seeds/000_bbc4bc9959b0c5c3.txt");
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|w| g.institution(w).is_none() && !g.may_open_program(w))
        .collect();
    let passed = words
        .iter()
        .filter(|w| {
            g.key_filter.may_hold(Table::Institution, w)
                || g.key_filter.may_hold(Table::ProgramPrefix, w)
        })
        .count();
    assert!(words.len() > 50, "{} words", words.len());
    assert!(
        passed * 5 < words.len(),
        "{passed} of {} passed",
        words.len()
    );
}
