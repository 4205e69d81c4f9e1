//! Bodies held compressed: the text comes back byte for byte, `show --json`
//! prints the same bodies as when they were plain strings, the seeds take
//! less room than their text, and the reader decompresses the open article
//! once rather than on every frame.

mod common;

use common::{stdout, warta};
use proptest::prelude::*;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::Arc;
use warta::app::reader::body_text;
use warta::app::{update, Action, Library, State};
use warta::corpus::{load_seeds, Body};
use warta::store::paths::fnv1a;
use warta::ui::strings::Lang;

/// Each seed's body as `show --json` printed it before bodies were
/// compressed: id, length in bytes, FNV-1a of the bytes, word count.
const SEED_BODIES: [(&str, usize, u64, u64); 5] = [
    ("000_bbc4bc9959b0c5c3", 3395, 0x8dc0_56a7_3f48_3b0b, 430),
    ("001_ad00abfcf8fba43d", 2738, 0x8426_9c9f_b0b0_e110, 363),
    ("002_68eda884bb9a4a5d", 2098, 0x206b_e54d_0201_a1fc, 273),
    ("003_8ea2b539bd739b9e", 3752, 0x8cba_fab0_0b50_2217, 504),
    ("004_77a1ede7394869c8", 2667, 0x0b0f_7ae6_b873_058e, 336),
];

#[test]
fn show_json_prints_the_same_bodies_as_before() {
    for (id, len, hash, words) in SEED_BODIES {
        let out = warta(&["show", id, "--json", "--no-state"]);
        assert!(out.status.success(), "{id}");
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let body = v["body"].as_str().unwrap();
        assert_eq!(body.len(), len, "{id}: length");
        assert_eq!(fnv1a(body.as_bytes()), hash, "{id}: bytes");
        assert_eq!(v["words"], words, "{id}: words");
    }
}

#[test]
fn seed_bodies_are_held_smaller_than_their_text() {
    let corpus = load_seeds();
    let (mut text, mut stored) = (0, 0);
    for a in &corpus.articles {
        assert!(a.body.is_compressed(), "{}", a.id);
        assert!(a.body.stored_len() < a.body.len(), "{}", a.id);
        assert_eq!(a.body.len(), a.body.text().len(), "{}", a.id);
        text += a.body.len();
        stored += a.body.stored_len();
    }
    assert!(stored * 4 < text * 3, "{stored} of {text} bytes");
}

#[test]
fn serialized_article_carries_the_body_text() {
    let corpus = load_seeds();
    let a = &corpus.articles[0];
    let v = serde_json::to_value(a).unwrap();
    assert_eq!(v["body"].as_str().unwrap(), a.body.text());
}

#[test]
fn the_reader_keeps_the_open_body_as_text() {
    let lib = Library::build(load_seeds());
    let mut s = State::with_library(lib, Lang::En, (120, 40));
    for _ in 0..2 {
        let lib = s.lib.clone().unwrap();
        let open = s.reader.article.expect("an article is open");
        let article = &lib.articles()[open];
        let kept = s.reader.body.as_ref().expect("body kept");
        assert_eq!(kept.article, open);
        assert_eq!(*kept.text, *article.body.text());
        let shown = body_text(&s, article);
        assert!(matches!(shown, Cow::Borrowed(_)), "decompressed per call");
        assert_eq!(shown, article.body.text());
        update(&mut s, Action::Down);
    }
    let before = s.reader.body.as_ref().map(|b| Arc::clone(&b.text)).unwrap();
    update(
        &mut s,
        Action::Resize {
            width: 90,
            height: 30,
        },
    );
    let after = &s.reader.body.as_ref().unwrap().text;
    assert!(Arc::ptr_eq(&before, after), "re-decompressed on resize");
}

proptest! {
    #[test]
    fn any_text_round_trips(text in "\\PC*", repeat in 1usize..50) {
        let text = text.repeat(repeat);
        let body = Body::new(&text);
        let back = body.text();
        prop_assert_eq!(back.as_bytes(), text.as_bytes());
        prop_assert_eq!(body.len(), text.len());
        prop_assert!(body.stored_len() <= text.len());
    }
}
