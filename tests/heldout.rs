//! The held-out set in tests/heldout: 16 articles from 16 provinces, written
//! and annotated without looking at the extractor. Titles, dates, body bounds
//! and every official (name, post, institution) must match, and no one else
//! may be reported. `cargo run --release --example eval_heldout` prints the
//! same comparison for people.

use serde_json::Value;
use std::path::PathBuf;
use warta::corpus::{load_paths, LoadOptions, TitleSource};
use warta::entities::extract;
use warta::search::fold;

fn norm(s: &str) -> String {
    fold(s).replace("walikota", "wali kota")
}

#[test]
fn heldout_articles_match_their_annotation() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/heldout");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let articles = gold["articles"].as_array().unwrap();
    let files: Vec<PathBuf> = articles
        .iter()
        .map(|g| dir.join(g["file"].as_str().unwrap()))
        .collect();
    let corpus = load_paths(&files, &LoadOptions::default());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let mut wrong = Vec::new();
    for g in articles {
        let file = g["file"].as_str().unwrap();
        let a = corpus.get(file.trim_end_matches(".txt")).unwrap();
        match g["title"].as_str() {
            Some(t) if a.title != t => wrong.push(format!("{file}: title {:?}", a.title)),
            None if a.title_source != TitleSource::Lead => {
                wrong.push(format!("{file}: title should come from the lead"))
            }
            _ => {}
        }
        let date = a.date.filter(|d| !d.is_partial()).map(|d| d.to_string());
        if date.as_deref() != g["date"].as_str() {
            wrong.push(format!("{file}: date {date:?}"));
        }
        let body = a.body.text();
        if !body.starts_with(g["body_starts_with"].as_str().unwrap())
            || !body.ends_with(g["body_ends_with"].as_str().unwrap())
        {
            wrong.push(format!("{file}: body bounds"));
        }
        let e = extract(&body);
        let golds = g["officials"].as_array().unwrap();
        for go in golds {
            let name = go["name"].as_str().unwrap();
            match e.officials.iter().find(|o| o.name == name) {
                None => wrong.push(format!("{file}: missed {name}")),
                Some(o) => {
                    if norm(&o.position) != norm(go["position"].as_str().unwrap())
                        || o.institution.as_deref() != go["institution"].as_str()
                    {
                        wrong.push(format!(
                            "{file}: {name} is {} · {:?}",
                            o.position, o.institution
                        ));
                    }
                }
            }
        }
        for o in &e.officials {
            if !golds.iter().any(|g| g["name"] == o.name.as_str()) {
                wrong.push(format!("{file}: {} reported as an official", o.name));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} discrepancies:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
