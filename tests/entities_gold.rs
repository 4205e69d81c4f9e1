//! The extractor on the seeds, against the hand annotation, and resolution
//! across the seed corpus.

mod common;

use common::gold;
use serde_json::Value;
use warta::corpus::load_seeds;
use warta::entities::{build_index, extract, ArticleEntities, PlaceLevel};
use warta::search::fold;

fn norm(s: &str) -> String {
    fold(s).replace("walikota", "wali kota")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn entities_of(file: &str) -> ArticleEntities {
    let corpus = load_seeds();
    let a = corpus.get(file.trim_end_matches(".txt")).unwrap();
    extract(&a.body.text())
}

#[test]
fn every_gold_official_and_no_one_else() {
    for g in gold()["articles"].as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        let e = entities_of(file);
        let gold_officials = g["officials"].as_array().unwrap();
        let found: Vec<&str> = e.officials.iter().map(|o| o.name.as_str()).collect();
        let mut wanted: Vec<&str> = gold_officials
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        let mut got = found.clone();
        wanted.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, wanted, "{file}: officials");
        for go in gold_officials {
            let name = go["name"].as_str().unwrap();
            let o = e.officials.iter().find(|o| o.name == name).unwrap();
            let gold_position = norm(go["position"].as_str().unwrap());
            assert!(
                gold_position.starts_with(&norm(&o.position)),
                "{file}: {name} position {:?}",
                o.position
            );
            let gold_inst = go["institution"].as_str().unwrap();
            let inst = o
                .institution
                .as_deref()
                .unwrap_or_else(|| panic!("{file}: {name} has no institution"));
            assert!(
                gold_inst == inst || gold_inst.ends_with(&format!(" {inst}")),
                "{file}: {name} institution {inst:?}"
            );
            for alias in strs(&go["aliases"]) {
                assert!(
                    o.aliases.iter().any(|a| a == alias),
                    "{file}: {name} alias {alias:?} not in {:?}",
                    o.aliases
                );
            }
            for s in &o.spans {
                assert!(s.start < s.end);
            }
        }
        for not in strs(&g["not_officials"]) {
            assert!(
                !found.iter().any(|f| f.contains(not) || not.contains(f)),
                "{file}: {not} reported as an official"
            );
        }
    }
}

/// Share of gold items that `matches` finds, with the misses for the report.
fn recall(kind: &str, matches: impl Fn(&ArticleEntities, &str) -> bool) -> (f64, Vec<String>) {
    let (mut hit, mut total, mut misses) = (0, 0, Vec::new());
    for g in gold()["articles"].as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        let e = entities_of(file);
        for item in strs(&g[kind]) {
            total += 1;
            if matches(&e, item) {
                hit += 1;
            } else {
                misses.push(format!("{file}: {item}"));
            }
        }
    }
    (hit as f64 / total as f64, misses)
}

#[test]
fn organisations_places_programmes_and_figures_are_found() {
    let (orgs, miss_o) = recall("organizations", |e, item| {
        e.organizations.iter().any(|o| {
            norm(&o.name) == norm(item)
                || o.expansion
                    .as_deref()
                    .is_some_and(|x| norm(x) == norm(item))
        })
    });
    let (places, miss_p) = recall("places", |e, item| {
        e.places.iter().any(|p| {
            norm(&p.name) == norm(item) || norm(&p.name).ends_with(&format!(" {}", norm(item)))
        })
    });
    let (programs, miss_g) = recall("programs", |e, item| {
        e.programs.iter().any(|p| {
            norm(&p.name) == norm(item) || norm(item).contains(&norm(&p.name)) && p.name.len() >= 3
        })
    });
    let (figures, miss_f) = recall("figures", |e, item| {
        e.figures.iter().any(|f| item.starts_with(&f.text))
    });
    let report = format!(
        "orgs {orgs:.2} {miss_o:?}\nplaces {places:.2} {miss_p:?}\nprograms {programs:.2} {miss_g:?}\nfigures {figures:.2} {miss_f:?}"
    );
    eprintln!("{report}");
    assert!(orgs >= 0.85, "{report}");
    assert!(places >= 0.85, "{report}");
    assert!(programs >= 0.85, "{report}");
    assert!(figures >= 0.75, "{report}");
}

#[test]
fn corpus_keeps_kota_kabupaten_and_tangsel_apart_and_merges_same_bodies() {
    let corpus = load_seeds();
    let index = build_index(&corpus.articles);
    let place = |name: &str| index.places.iter().find(|p| p.name == name);
    let kota = place("Kota Tangerang").expect("Kota Tangerang");
    let kab = place("Kabupaten Tangerang").expect("Kabupaten Tangerang");
    let tangsel = place("Kota Tangerang Selatan").expect("Kota Tangerang Selatan");
    assert_eq!(kota.level, PlaceLevel::Kota);
    assert_eq!(kab.level, PlaceLevel::Kabupaten);
    assert_eq!(kota.articles, [1, 2]);
    assert_eq!(kab.articles, [0, 3]);
    assert_eq!(tangsel.articles, [3]);
    // `BPSDM Provinsi Banten` (article 0) and `BPSDMD Provinsi Banten` (article 1) are one body.
    let bpsdm: Vec<_> = index
        .organizations
        .iter()
        .filter(|o| o.name.starts_with("BPSDM") && o.name.ends_with("Provinsi Banten"))
        .collect();
    assert_eq!(bpsdm.len(), 1, "{bpsdm:?}");
    assert_eq!(bpsdm[0].articles, [0, 1]);
    // Every seed official is one Official with one role.
    assert_eq!(index.officials.len(), 12);
    let arief = index
        .officials
        .iter()
        .find(|o| o.name == "Arief R. Wismansyah")
        .unwrap();
    assert_eq!(arief.roles[0].position, "Wali Kota");
    assert_eq!(
        arief.roles[0].institution.as_deref(),
        Some("Kota Tangerang")
    );
    assert!(arief.aliases.contains(&"Arief".to_string()));
    assert_eq!(arief.mentions, 5);
}
