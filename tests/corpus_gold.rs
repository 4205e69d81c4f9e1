//! The seeds, parsed, agree with the hand annotation in tests/gold/seeds.json.

mod common;

use common::{gold, repo};
use warta::corpus::{load_paths, load_seeds, Corpus, LoadOptions, TitleSource};

fn check(corpus: &Corpus) {
    let gold = gold();
    let articles = gold["articles"].as_array().unwrap();
    assert_eq!(corpus.articles.len(), articles.len());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    for g in articles {
        let file = g["file"].as_str().unwrap();
        let id = file.trim_end_matches(".txt");
        let a = corpus
            .get(id)
            .unwrap_or_else(|| panic!("article {id} missing"));
        let body = a.body.text();
        match g["title"].as_str() {
            Some(t) => {
                assert_eq!(a.title, t, "{id}: title");
                assert_ne!(a.title_source, TitleSource::Lead, "{id}");
            }
            None => {
                assert_eq!(a.title_source, TitleSource::Lead, "{id}: lead title");
                let lead_words: Vec<&str> = a.title.trim_end_matches(" …").split(' ').collect();
                let body_words: Vec<&str> = body.split_whitespace().collect();
                assert!(
                    body_words
                        .windows(lead_words.len())
                        .any(|w| w == lead_words.as_slice()),
                    "{id}: lead title {:?} not from the body",
                    a.title
                );
            }
        }
        match g["date"].as_str() {
            Some(d) => assert_eq!(
                a.date.map(|d| d.to_string()).as_deref(),
                Some(d),
                "{id}: date"
            ),
            None => assert!(
                a.date.is_none_or(|d| d.is_partial()),
                "{id}: no full date expected"
            ),
        }
        assert_eq!(a.site.as_deref(), g["site"].as_str(), "{id}: site");
        assert_eq!(a.author.as_deref(), g["author"].as_str(), "{id}: author");
        if let Some(d) = g.get("dateline").and_then(|d| d.as_str()) {
            assert_eq!(a.dateline.as_deref(), Some(d), "{id}: dateline");
        }
        let starts = g["body_starts_with"].as_str().unwrap();
        let ends = g["body_ends_with"].as_str().unwrap();
        assert!(
            body.starts_with(starts),
            "{id}: body starts {:?}",
            &body[..80.min(body.len())]
        );
        assert!(
            body.ends_with(ends),
            "{id}: body ends {:?}",
            &body[body.len().saturating_sub(80)..]
        );
        for b in g["boilerplate_excluded"].as_array().unwrap() {
            let b = b.as_str().unwrap();
            assert!(
                !body.lines().any(|l| l.trim() == b || l.starts_with(b)),
                "{id}: boilerplate {b:?} left in body"
            );
        }
        if let Some(t) = g["title"].as_str() {
            assert_eq!(body.matches(t).count(), 0, "{id}: title repeated in body");
        }
        assert!(!warta::corpus::read_raw(a).unwrap().is_empty());
    }
}

#[test]
fn embedded_seeds_match_the_gold() {
    check(&load_seeds());
}

#[test]
fn seeds_folder_on_disk_matches_the_gold() {
    check(&load_paths(
        &[repo().join("seeds")],
        &LoadOptions::default(),
    ));
}

#[test]
fn gold_copy_is_the_shared_one() {
    let shared = repo().join("../shared/gold/seeds.json");
    if let Ok(original) = std::fs::read(&shared) {
        assert_eq!(
            original,
            std::fs::read(repo().join("tests/gold/seeds.json")).unwrap()
        );
    }
}

#[test]
fn seeds_are_byte_for_byte_the_shared_ones() {
    let shared = repo().join("../shared/seeds");
    if let Ok(dir) = std::fs::read_dir(&shared) {
        for entry in dir {
            let entry = entry.unwrap();
            let ours = repo().join("seeds").join(entry.file_name());
            assert_eq!(
                std::fs::read(entry.path()).unwrap(),
                std::fs::read(ours).unwrap()
            );
        }
    }
}
