//! The pipeline the fuzzer drives (load → parse → extract → resolve) and the
//! invariants it checks. Shared by `fuzz/fuzz.rs` and `tests/fuzz_corpus.rs`;
//! a broken invariant panics, like a crash.
#![allow(dead_code)]

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use warta::corpus::sanitize::is_forbidden;
use warta::corpus::{load_bytes, Article};
use warta::entities::{build_index, extract, ArticleEntities, Span};

/// Runs one input through warta as the file `name` (its extension picks text
/// or `.jsonl`) and returns hashed behaviour features: what was parsed and
/// extracted, so a fuzzer can keep inputs that do something new.
pub fn run(name: &str, bytes: &[u8]) -> Vec<u64> {
    let mut features = Vec::new();
    let (articles, problems) = load_bytes(Path::new(name), bytes);
    for p in &problems {
        let line = p.to_string();
        assert!(!line.chars().any(is_control_like), "problem line: {line:?}");
        let kind: String = p.reason.chars().take(12).collect();
        features.push(feature(&("problem", kind)));
    }
    for a in &articles {
        check_article(a, bytes);
        let e = extract(&a.body.text());
        check_spans(&a.body.text(), &e);
        article_features(a, &e, &mut features);
    }
    // The extractor must also survive text that skipped sanitising.
    let lossy = String::from_utf8_lossy(bytes);
    let e = extract(&lossy);
    check_spans(&lossy, &e);
    let index = build_index(&articles);
    features.push(feature(&("officials", index.officials.len().min(8))));
    features.sort_unstable();
    features.dedup();
    features
}

/// A control a terminal acts on, other than newline.
fn is_control_like(c: char) -> bool {
    c != '\n' && (c == '\t' || is_forbidden(c))
}

fn check_article(a: &Article, bytes: &[u8]) {
    for (what, text) in [
        ("title", a.title.as_str()),
        ("id", a.id.as_str()),
        ("site", a.site.as_deref().unwrap_or("")),
        ("author", a.author.as_deref().unwrap_or("")),
        ("dateline", a.dateline.as_deref().unwrap_or("")),
    ] {
        assert!(!text.contains('\n'), "{what} spans lines: {text:?}");
        assert!(!text.chars().any(is_control_like), "{what}: {text:?}");
    }
    assert!(
        !a.body.text().chars().any(is_control_like),
        "control in body: {:?}",
        a.body
    );
    let raw = warta::corpus::raw_from_bytes(a, bytes.to_vec())
        .expect("the raw text comes back from the same bytes");
    assert!(!raw.chars().any(is_control_like), "control in raw text");
}

/// Every span is a non-empty range on char boundaries inside `body`.
pub fn check_spans(body: &str, e: &ArticleEntities) {
    let check = |what: &str, s: &Span| {
        assert!(
            s.start < s.end && s.end <= body.len(),
            "{what} span {s:?} outside a body of {} bytes",
            body.len()
        );
        assert!(
            body.is_char_boundary(s.start) && body.is_char_boundary(s.end),
            "{what} span {s:?} splits a character"
        );
    };
    for o in &e.officials {
        o.spans.iter().for_each(|s| check("official", s));
    }
    for o in &e.organizations {
        o.spans.iter().for_each(|s| check("organization", s));
    }
    for p in &e.places {
        p.spans.iter().for_each(|s| check("place", s));
    }
    for p in &e.programs {
        p.spans.iter().for_each(|s| check("program", s));
    }
    for f in &e.figures {
        check("figure", &f.span);
    }
}

fn article_features(a: &Article, e: &ArticleEntities, out: &mut Vec<u64>) {
    out.push(feature(&("title", a.title_source as u8)));
    out.push(feature(&("date", a.date.map(|d| d.is_partial()))));
    out.push(feature(&(
        "meta",
        a.site.is_some(),
        a.author.is_some(),
        a.dateline.is_some(),
        a.redecoded,
        a.removed_controls.min(2),
    )));
    for o in &e.officials {
        let short = o.aliases.len().min(3);
        out.push(feature(&(
            "official",
            &o.position,
            o.institution.is_some(),
            short,
        )));
        out.push(feature(&(
            "titles",
            o.titles.len().min(3),
            o.degrees.len().min(3),
        )));
    }
    for o in &e.organizations {
        out.push(feature(&("org", &o.name)));
    }
    for p in &e.places {
        out.push(feature(&("place", p.level as u8)));
    }
    out.push(feature(&("programs", e.programs.len().min(4))));
    out.push(feature(&("figures", e.figures.len().min(4))));
}

fn feature(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
