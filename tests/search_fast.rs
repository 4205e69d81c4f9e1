//! The fast filter agrees with the naive search: same matches, same ranked
//! head; and the skim bound never underestimates fuzzy-matcher's score.

use proptest::prelude::*;
use warta::search::{
    skim_bound, skim_profile_bound, skim_tight_bound, Document, FieldProfile, FilterQuery,
    FuzzyScorer, Scorer, SearchIndex, RANKED,
};

/// Field-like text over a small alphabet, with separators skim treats specially.
fn field() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[abgnu kse/.(·-]{0,24}").unwrap()
}

fn word() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[abgnuks·]{1,6}").unwrap()
}

const VOCAB: &[&str] = &[
    "agung",
    "basuki",
    "kepala",
    "bappeda",
    "tangerang",
    "sekda",
    "arief",
    "wismansyah",
    "kota",
    "kabupaten",
    "banten",
    "2023-10-17",
    "bantenhits.com",
    "·",
    "sekretaris",
    "daerah",
];

fn doc() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        proptest::collection::vec(proptest::sample::select(VOCAB), 0..5).prop_map(|w| w.join(" ")),
        1..5,
    )
}

fn assert_same(index: &SearchIndex, text: &str) {
    let scorer = FuzzyScorer::default();
    let q = FilterQuery::new(text);
    let naive = index.search(&q, &scorer, None).unwrap();
    let fast = index.filter(&q, &scorer, None).unwrap();
    assert_eq!(fast.len(), naive.len(), "match count for {text:?}");
    let head = naive.len().min(RANKED);
    assert_eq!(fast[..head], naive[..head], "ranked head for {text:?}");
    let mut a: Vec<usize> = fast.iter().map(|h| h.index()).collect();
    let mut b: Vec<usize> = naive.iter().map(|h| h.index()).collect();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b, "match set for {text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn bound_is_exact_membership_and_never_below_the_score(
        history in proptest::collection::vec((field(), word()), 0..4),
        f in field(),
        w in word(),
    ) {
        let scorer = FuzzyScorer::default();
        // Earlier calls leave values in skim's reused matrix; the bound must hold anyway.
        for (hf, hw) in &history {
            let _ = scorer.score(hf, hw);
        }
        let score = scorer.score(&f, &w);
        // The same as on a thread that scored nothing before.
        prop_assert_eq!(score, FuzzyScorer::default().score(&f, &w));
        let bound = skim_bound(&f, &w);
        let tight = skim_tight_bound(&f, &w);
        prop_assert_eq!(score.is_some(), bound.is_some());
        prop_assert_eq!(score.is_some(), tight.is_some());
        if let (Some(s), Some(b), Some(t)) = (score, bound, tight) {
            prop_assert!(s <= t && t <= b, "score {} tight {} bound {} for {:?} in {:?}", s, t, b, w, f);
        }
    }
}

/// A long field of title-like words: skim's two-row matrix reads cells left
/// from earlier rows, which shows on long fields with far-apart letters.
fn long_field() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(VOCAB), 1..14).prop_map(|w| w.join(" "))
}

fn query_word() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[abegkn]{1,7}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn every_bound_holds_on_long_fields(f in long_field(), w in query_word()) {
        let scorer = FuzzyScorer::default();
        let score = scorer.score(&f, &w);
        let tight = skim_tight_bound(&f, &w);
        let bound = skim_bound(&f, &w);
        prop_assert_eq!(score.is_some(), tight.is_some());
        prop_assert_eq!(score.is_some(), scorer.matches(&f, &w));
        if let (Some(s), Some(t), Some(b)) = (score, tight, bound) {
            let p = skim_profile_bound(&FieldProfile::of(&f), &w);
            prop_assert!(s <= t && t <= b && s <= p,
                "score {} tight {} bound {} profile {} for {:?} in {:?}", s, t, b, p, w, f);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fast_filter_matches_naive_search_while_typing(
        docs in proptest::collection::vec(doc(), 0..120),
        query in "(agung|kpl|bappeda|tng|sekda|a|k|s|ban|2023|wis) ?(b|bas|kot|tng)?",
    ) {
        let index = SearchIndex::new(docs.into_iter().map(Document::new).collect());
        // Type the query, then backspace it away: every step goes through the cache.
        let steps: Vec<&str> = query.char_indices().map(|(i, c)| &query[..i + c.len_utf8()]).collect();
        for text in steps.iter().chain(steps.iter().rev()) {
            assert_same(&index, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Long title-like fields, where skim's left-over cells matter: the
    /// fast filter must still rank its head exactly as the naive search.
    #[test]
    fn fast_filter_matches_naive_search_on_long_fields(
        docs in proptest::collection::vec(proptest::collection::vec(long_field(), 1..4), 250..400),
        query in "(sekd|agung|kpl|bappeda|tng|asg|tbnn|sba) ?(b|bas|kot|tng)?",
    ) {
        let index = SearchIndex::new(docs.into_iter().map(Document::new).collect());
        let steps: Vec<&str> = query.char_indices().map(|(i, c)| &query[..i + c.len_utf8()]).collect();
        for text in steps.iter().chain(steps.iter().rev()) {
            assert_same(&index, text);
        }
    }
}

/// `RANKED * 3` documents of [`VOCAB`] words: document `i`'s word `k` is
/// `VOCAB[(i * a + k * b + i / c) % len]`, and field `f` holds the next
/// `words_per_field[f]` of them, joined with spaces.
fn vocab_docs((a, b, c): (usize, usize, usize), words_per_field: &[usize]) -> Vec<Document> {
    (0..RANKED * 3)
        .map(|i| {
            let mut k = 0;
            let fields: Vec<String> = words_per_field
                .iter()
                .map(|&n| {
                    let words: Vec<&str> = (k..k + n)
                        .map(|k| VOCAB[(i * a + k * b + i / c) % VOCAB.len()])
                        .collect();
                    k += n;
                    words.join(" ")
                })
                .collect();
            Document::new(fields)
        })
        .collect()
}

#[test]
fn beyond_the_ranked_head_matches_stay_exact() {
    let index = SearchIndex::new(vocab_docs((7, 13, 5), &[3, 1, 1]));
    for text in [
        "a",
        "ag",
        "agu",
        "k",
        "kp",
        "kpl",
        "kpl b",
        "s",
        "sekda",
        "agung basuki",
        "wismansyh",
    ] {
        assert_same(&index, text);
    }
}

/// The cheap bound the filter gives a match past the ranked head, worked
/// out field by field: the best weighted bound of a field the word matches.
fn cheap_bound(fields: &[&str], word: &str, scorer: &FuzzyScorer) -> Option<i64> {
    fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let bound = match scorer.profile_bound(&FieldProfile::of(f), word) {
                Some(b) => scorer.matches(f, word).then_some(b),
                None => scorer.bound(f, word),
            };
            bound.map(|b| b * 4 / (4 + i as i64))
        })
        .max()
}

#[test]
fn past_the_ranked_head_each_match_carries_its_own_bound() {
    // Documents that share fields (the same texts, stored once): each
    // document's bound must still be its own fields' best, whichever
    // document met a shared field first.
    let docs = vocab_docs((5, 11, 7), &[1, 2, 1]);
    let scorer = FuzzyScorer::default();
    let mut checked = 0;
    for word in [
        "a", "ag", "an", "e", "se", "ka", "kpl", "sekda", "bnt", "tng",
    ] {
        // a fresh index each time: no bounds kept from an earlier query
        let index = SearchIndex::new(docs.clone());
        let hits = index
            .filter(&FilterQuery::new(word), &scorer, None)
            .unwrap();
        checked += hits.len().saturating_sub(RANKED);
        for hit in hits.iter().skip(RANKED) {
            let fields: Vec<&str> = index.fields(hit.index()).collect();
            assert_eq!(
                Some(hit.score()),
                cheap_bound(&fields, word, &scorer),
                "{word} {fields:?}"
            );
        }
    }
    assert!(checked > RANKED, "only {checked} matches past the head");
}

#[test]
fn query_after_query_over_many_chunks_agrees_with_the_naive_search() {
    // More documents than several of the filter's parallel chunks hold,
    // with a rare word only in some stretches: chunks find from none to
    // all of their documents, and each query's buffers hold the last one's.
    let docs: Vec<Document> = (0..3 * 4096 + 517)
        .map(|i| {
            let rare = if (i / 1500) % 3 == 1 {
                "wismansyah"
            } else {
                "kota"
            };
            Document::new([
                format!(
                    "{} {}",
                    VOCAB[i % VOCAB.len()],
                    VOCAB[(i / 7) % VOCAB.len()]
                ),
                rare.to_string(),
            ])
        })
        .collect();
    let index = SearchIndex::new(docs);
    for text in [
        "w", "wi", "wis", "k", "kp", "wism", "zzz", "a", "ag", "wis", "kota", "s",
    ] {
        assert_same(&index, text);
    }
}

#[test]
fn a_cancelled_filter_returns_none_and_caches_nothing() {
    let index = SearchIndex::new(vec![Document::new(["agung basuki"])]);
    let scorer = FuzzyScorer::default();
    let cancel = std::sync::atomic::AtomicBool::new(true);
    assert!(index
        .filter(&FilterQuery::new("agung"), &scorer, Some(&cancel))
        .is_none());
    let hits = index
        .filter(&FilterQuery::new("agung"), &scorer, None)
        .unwrap();
    assert_eq!(hits.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// The filter trusts a profile's answer without reading the field: it
    /// must give one for a letter or digit, and only a right one.
    #[test]
    fn a_profile_answers_one_letter_words_exactly(f in field(), c in "[a-z0-9 ./·-]") {
        let scorer = FuzzyScorer::default();
        let answer = scorer.profile_matches(&FieldProfile::of(&f), &c);
        let alnum = c.bytes().all(|b| b.is_ascii_alphanumeric());
        prop_assert_eq!(answer.is_some(), alnum && c.len() == 1);
        if let Some(m) = answer {
            prop_assert_eq!(m, scorer.matches(&f, &c), "{:?} in {:?}", c, f);
        }
    }
}
