//! Properties of load → parse → extract: arbitrary bytes and mutated seed
//! articles never panic, every span is a non-empty range on char boundaries
//! inside the body, and no control reaches an article's text.

mod common;
mod fuzz_check;

use proptest::prelude::*;

fn seeds() -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(common::repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

/// Fragments that steer mutations towards the rules and the sanitiser.
const FRAGMENTS: &[&str] = &[
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\u{9b}",
    "\u{202e}",
    "\u{200d}",
    "\r",
    "\n\n",
    "é",
    "日本",
    " – ",
    "Wali Kota ",
    "Bupati ",
    "Sekda ",
    "Kepala Dinas ",
    "Pj. ",
    "H. ",
    ", M.Si",
    "Kota Tangerang",
    "(",
    ")",
    ",",
    ".",
    "Rp",
    "%",
    "(7/8)",
    "17/10/2023",
    "Sumber: ",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Fragment(usize, usize),
    Delete(usize, usize),
    Flip(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(at, f)| Edit::Fragment(at, f)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
    ]
}

fn apply(mut b: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let at = |i: usize, b: &Vec<u8>| i % (b.len() + 1);
        match e {
            Edit::Insert(i, bytes) => {
                let i = at(*i, &b);
                b.splice(i..i, bytes.iter().copied());
            }
            Edit::Fragment(i, f) => {
                let i = at(*i, &b);
                b.splice(i..i, FRAGMENTS[*f].bytes());
            }
            Edit::Delete(i, n) => {
                let i = at(*i, &b);
                b.drain(i..(i + n).min(b.len()));
            }
            Edit::Flip(i, x) if !b.is_empty() => {
                let i = i % b.len();
                b[i] ^= x;
            }
            Edit::Flip(..) => {}
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_text_or_jsonl(bytes in prop::collection::vec(any::<u8>(), 0..2000), jsonl in any::<bool>()) {
        fuzz_check::run(if jsonl { "x.jsonl" } else { "x.txt" }, &bytes);
    }

    #[test]
    fn arbitrary_strings(text in "\\PC{0,400}") {
        fuzz_check::run("x.txt", text.as_bytes());
    }

    #[test]
    fn mutated_seed_articles(seed in 0usize..5, edits in prop::collection::vec(edit(), 1..12)) {
        let input = apply(seeds()[seed].clone(), &edits);
        fuzz_check::run("seed.txt", &input);
    }

    #[test]
    fn mutated_seed_records(seed in 0usize..5, edits in prop::collection::vec(edit(), 1..6)) {
        let text = String::from_utf8_lossy(&seeds()[seed]).into_owned();
        let record = serde_json::json!({"title": "Judul", "text": text}).to_string();
        fuzz_check::run("seed.jsonl", &apply(record.into_bytes(), &edits));
    }
}
