//! Why the gazetteers are matched by token-keyed tables rather than a
//! multi-pattern automaton over the text: times, on the same clean bodies
//! and on one thread, (1) an Aho–Corasick pass over every gazetteer name
//! (regions with and without their type word, short forms, villages,
//! institutions, programmes, posts; ASCII case ignored, leftmost-longest)
//! that only finds the candidates, and (2) warta's whole extraction.
//!
//! `cargo run --release --example automaton -- DIR [dfa] [exact]`
//!
//! `dfa` builds the automaton as a DFA (faster, much larger); `exact`
//! matches case as written (the names' own capitals only), a lower bound:
//! the extractor must also find `kabupaten tangerang` and `BAPPEDA`.
//!
//! Both run in one process on the same texts, so their ratio holds however
//! fast the machine is that day. The README ("How the gazetteers are
//! matched") and `benches/RESULTS.md` give the figures.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use warta::corpus::{load_paths, LoadOptions};

/// The rows of a tab-separated asset, comments and blank lines left out.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Every name the gazetteers hold, as an automaton would be built from.
fn gazetteer_names() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in rows(include_str!("../assets/regions.tsv")).skip(1) {
        let name = r[2];
        let bare = ["Kabupaten ", "Kota ", "Provinsi "]
            .iter()
            .fold(name, |s, p| s.strip_prefix(p).unwrap_or(s));
        names.push(name.to_string());
        names.push(bare.to_string());
    }
    for asset in [
        include_str!("../assets/region_aliases.tsv"),
        include_str!("../assets/villages.txt"),
        include_str!("../assets/institutions.tsv"),
        include_str!("../assets/programs.tsv"),
        include_str!("../assets/positions.tsv"),
    ] {
        names.extend(rows(asset).map(|r| r[0].to_string()));
    }
    names.retain(|n| !n.is_empty());
    names.sort();
    names.dedup();
    names
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        panic!("usage: automaton DIR [dfa] [exact]");
    };
    let names = gazetteer_names();
    let t = Instant::now();
    let mut builder = AhoCorasick::builder();
    let options = &args[1..];
    builder
        .ascii_case_insensitive(!options.iter().any(|o| o == "exact"))
        .match_kind(MatchKind::LeftmostLongest);
    if options.iter().any(|o| o == "dfa") {
        builder.kind(Some(AhoCorasickKind::DFA));
    }
    let automaton = builder.build(&names).expect("an automaton");
    println!(
        "{} names; automaton ({:?}) built in {:.0?}, {:.1} MB",
        names.len(),
        automaton.kind(),
        t.elapsed(),
        automaton.memory_usage() as f64 / 1e6
    );
    let corpus = load_paths(&[PathBuf::from(dir)], &LoadOptions::default());
    let bodies: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.body.text().into_owned())
        .collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let per_body = |d: Duration| d.as_secs_f64() * 1e6 / bodies.len().max(1) as f64;
    for round in 1..=2 {
        let t = Instant::now();
        let (mut found, mut aligned) = (0usize, 0usize);
        for body in &bodies {
            let b = body.as_bytes();
            for m in automaton.find_iter(body.as_str()) {
                found += 1;
                let left = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
                let right = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
                aligned += usize::from(left && right);
            }
        }
        let scan = t.elapsed();
        let t = Instant::now();
        let mut mentions = 0usize;
        for body in &bodies {
            let e = warta::entities::extract(body);
            mentions += e.officials.len() + e.organizations.len() + e.places.len();
        }
        let extract = t.elapsed();
        println!(
            "round {round}: {} bodies, {:.1} MB · automaton {:.0?} ({:.1} µs a body; {found} \
             matches, {aligned} on word bounds) · whole extraction {:.0?} ({:.1} µs a body; \
             {mentions} officials, organisations and places) · automaton ÷ extraction {:.2}",
            bodies.len(),
            bytes as f64 / 1e6,
            scan,
            per_body(scan),
            extract,
            per_body(extract),
            scan.as_secs_f64() / extract.as_secs_f64()
        );
    }
}
