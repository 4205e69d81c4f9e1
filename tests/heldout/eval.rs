//! Scores the extractor and parser on the held-out set in tests/heldout
//! (`cargo run --release --example eval_heldout`): per article what was
//! missed, what was extra, and totals.

use serde_json::Value;
use std::path::Path;
use warta::corpus::{load_paths, LoadOptions};
use warta::entities::extract;
use warta::search::fold;

fn norm(s: &str) -> String {
    fold(s).replace("walikota", "wali kota")
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heldout");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let files: Vec<_> = gold["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| dir.join(g["file"].as_str().unwrap()))
        .collect();
    let corpus = load_paths(&files, &LoadOptions::default());
    let (mut found, mut wanted, mut extra, mut exact_role) = (0, 0, 0, 0);
    let (mut title_ok, mut date_ok, mut body_ok) = (0, 0, 0);
    for g in gold["articles"].as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        let a = corpus.get(file.trim_end_matches(".txt")).unwrap();
        println!("== {file}");
        match g["title"].as_str() {
            Some(t) if a.title == t => title_ok += 1,
            None if a.title_source == warta::corpus::TitleSource::Lead => title_ok += 1,
            other => println!(
                "  title: want {other:?} got {:?} ({:?})",
                a.title, a.title_source
            ),
        }
        let date = a.date.filter(|d| !d.is_partial()).map(|d| d.to_string());
        if date.as_deref() == g["date"].as_str() {
            date_ok += 1;
        } else {
            println!("  date: want {:?} got {date:?}", g["date"].as_str());
        }
        let starts = g["body_starts_with"].as_str().unwrap();
        let ends = g["body_ends_with"].as_str().unwrap();
        let body = a.body.text();
        if body.starts_with(starts) && body.ends_with(ends) {
            body_ok += 1;
        } else {
            println!(
                "  body: starts {:?}… ends …{:?}",
                &body[..body.len().min(60)],
                &body[body.len().saturating_sub(60)..]
            );
        }
        let e = extract(&body);
        let golds = g["officials"].as_array().unwrap();
        wanted += golds.len();
        for go in golds {
            let name = go["name"].as_str().unwrap();
            match e.officials.iter().find(|o| o.name == name) {
                Some(o) => {
                    found += 1;
                    let pos_ok = norm(&o.position) == norm(go["position"].as_str().unwrap());
                    let inst_ok = o.institution.as_deref() == go["institution"].as_str();
                    if pos_ok && inst_ok {
                        exact_role += 1;
                    } else {
                        println!(
                            "  role {name}: want {} · {:?}, got {} · {:?}",
                            go["position"], go["institution"], o.position, o.institution
                        );
                    }
                }
                None => println!(
                    "  missed {name} ({} · {:?})",
                    go["position"], go["institution"]
                ),
            }
        }
        for o in &e.officials {
            if !golds.iter().any(|g| g["name"] == o.name.as_str()) {
                extra += 1;
                println!("  extra {} ({} · {:?})", o.name, o.position, o.institution);
            }
        }
    }
    let n = gold["articles"].as_array().unwrap().len();
    println!("\nofficials: found {found}/{wanted}, exact post+institution {exact_role}/{wanted}, extra {extra}");
    println!("titles {title_ok}/{n}, dates {date_ok}/{n}, body bounds {body_ok}/{n}");
}
