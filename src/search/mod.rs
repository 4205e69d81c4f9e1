//! Fuzzy search over short text fields: articles (title, site, date, official
//! names) and entities (name, aliases, position, institution).
//!
//! Matching is case- and diacritic-insensitive: every field is folded once
//! when the index is built, and the query is folded the same way. A query of
//! several words matches a document when every word matches one of its
//! fields; the document's score is the sum of each word's best field score.
//! The scorer sits behind [`Scorer`] so it can be swapped.

mod builder;
mod cache;
mod engine;
mod last_field;
mod memory;
mod order;
mod scorer;
mod scratch;
mod stored;
mod tight;

pub use builder::IndexBuilder;
pub use engine::RANKED;
pub use scorer::{
    byte_mask, is_subsequence, skim_bound, skim_profile_bound, FieldProfile, FuzzyScorer, Scorer,
};
pub use tight::skim_tight_bound;

use std::sync::atomic::{AtomicBool, Ordering};

/// Lowercases and strips diacritics (`Muhamad Ridwan Kamíl` → `muhamad ridwan kamil`).
///
/// Each char is decomposed on its own (NFD's reordering only moves combining
/// marks, which are dropped), so ASCII, most of any text here, is copied
/// without a look-up.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into `out`, after what it holds: a caller folding many texts
/// one after another reuses one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
}

/// One searchable item: its folded fields, most important first.
#[derive(Debug, Clone, Default)]
pub struct Document {
    fields: Vec<String>,
}

impl Document {
    /// Builds a document from raw field texts (folded here).
    pub fn new<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> Self {
        Document {
            fields: fields.into_iter().map(|f| fold(f.as_ref())).collect(),
        }
    }

    /// A document from fields already passed through [`fold`] (for a caller
    /// that folds one text once for many documents).
    pub fn from_folded(fields: Vec<String>) -> Self {
        debug_assert!(fields.iter().all(|f| fold(f) == *f));
        Document { fields }
    }

    /// The folded fields.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }

    /// The folded fields, taken out.
    pub fn into_fields(self) -> Vec<String> {
        self.fields
    }
}

/// A matching document and its score (higher is better). Eight bytes: an
/// answer in the sidebar's corpus scope can hold 917 381 hits at 100 000
/// articles, each keystroke builds one and the cache keeps several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    index: u32,
    score: i32,
}

impl Hit {
    /// A hit on document `index` (an index holds fewer than 2^32
    /// documents), its score clamped to ±2^31 (fuzzy-matcher's scores for
    /// anything typed are far smaller).
    pub fn new(index: usize, score: i64) -> Hit {
        debug_assert!(u32::try_from(index).is_ok());
        Hit {
            index: index as u32,
            score: score.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        }
    }

    /// Index of the document in the index.
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The score; only comparable within one query.
    pub fn score(&self) -> i64 {
        self.score as i64
    }
}

/// A parsed query: folded words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterQuery {
    words: Vec<String>,
}

impl FilterQuery {
    /// Parses what the user typed.
    pub fn new(text: &str) -> Self {
        FilterQuery {
            words: fold(text).split_whitespace().map(str::to_string).collect(),
        }
    }

    /// True when the query has no words (everything matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words.
    pub fn words(&self) -> &[String] {
        &self.words
    }
}

/// A distinct field: its profile and its byte range in the index's text,
/// aligned to one cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct FieldInfo {
    profile: FieldProfile,
    start: u32,
    end: u32,
}

/// A set of documents to search, with what [`SearchIndex::filter`] needs:
/// a byte mask per document, a profile per field and a cache of recent
/// answers. Each distinct field text (a figure's article title, a common
/// place name) is stored once, in one buffer in order of first use, so a pass
/// over the documents mostly reads memory in order.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every distinct folded field text, one after another.
    text: String,
    /// Every distinct field's profile and place in `text`, one cache line
    /// each: a field that passes the mask check costs one line here and
    /// then its text.
    fields: Vec<FieldInfo>,
    /// Every document's field ids (into `fields`), back to back.
    field_ids: Vec<u32>,
    /// The byte mask of each entry of `field_ids` (its field's), beside it so
    /// that rejecting a field reads memory in order.
    slot_masks: Vec<u64>,
    /// Document `d`'s ids are `field_ids[doc_starts[d]..doc_starts[d + 1]]`.
    doc_starts: Vec<u32>,
    /// Each document's byte mask (the union of its fields').
    masks: Vec<u64>,
    cache: cache::CacheSlot,
    scratch: scratch::ScratchSlot,
}

impl SearchIndex {
    /// Builds an index over documents.
    pub fn new(docs: Vec<Document>) -> Self {
        SearchIndex::build(docs)
    }

    /// Builds an index over documents taken one at a time, so they never all
    /// exist at once. Field text past 4 GiB in all is not searchable (those
    /// fields are left empty).
    pub fn build(docs: impl IntoIterator<Item = Document>) -> Self {
        let docs = docs.into_iter();
        let mut builder = IndexBuilder::with_capacity(docs.size_hint().0);
        for doc in docs {
            builder.add_folded(doc.fields.iter().map(String::as_str));
        }
        builder.finish()
    }

    /// The field ids of a document and their byte masks.
    fn slots_of(&self, d: usize) -> (&[u32], &[u64]) {
        let range = self.doc_starts[d] as usize..self.doc_starts[d + 1] as usize;
        (&self.field_ids[range.clone()], &self.slot_masks[range])
    }

    /// A distinct field's folded text.
    fn field_text(&self, id: u32) -> &str {
        let info = &self.fields[id as usize];
        &self.text[info.start as usize..info.end as usize]
    }

    /// A distinct field's profile.
    fn profile(&self, id: u32) -> &FieldProfile {
        &self.fields[id as usize].profile
    }

    /// The folded fields of document `d`, most important first (none past
    /// the end).
    pub fn fields(&self, d: usize) -> impl Iterator<Item = &str> + Clone + '_ {
        let range = match (self.doc_starts.get(d), self.doc_starts.get(d + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.field_ids[range].iter().map(|&id| self.field_text(id))
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.masks.is_empty()
    }

    /// Scores one document; `None` when some word matches no field.
    pub fn score(&self, index: usize, query: &FilterQuery, scorer: &dyn Scorer) -> Option<i64> {
        if index >= self.len() {
            return None;
        }
        let mut total = 0;
        for word in query.words() {
            let best = self
                .fields(index)
                .enumerate()
                // earlier fields weigh more: a name match beats an institution match
                .filter_map(|(i, f)| scorer.score(f, word).map(|s| s * 4 / (4 + i as i64)))
                .max()?;
            total += best;
        }
        Some(total)
    }

    /// All matching documents, best first (ties keep index order). An empty
    /// query matches everything with score 0. Returns `None` when `cancel` was
    /// set while searching, so a stale query stops early.
    pub fn search(
        &self,
        query: &FilterQuery,
        scorer: &dyn Scorer,
        cancel: Option<&AtomicBool>,
    ) -> Option<Vec<Hit>> {
        if query.is_empty() {
            return Some((0..self.len()).map(|index| Hit::new(index, 0)).collect());
        }
        let mut hits = Vec::new();
        for index in 0..self.len() {
            if index % 1024 == 0 && cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                return None;
            }
            if let Some(score) = self.score(index, query, scorer) {
                hits.push(Hit::new(index, score));
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        Some(hits)
    }
}

/// Character positions in `text` to highlight for `query` (the union of each
/// word's best match), for drawing.
pub fn highlight(text: &str, query: &FilterQuery, scorer: &dyn Scorer) -> Vec<usize> {
    let folded = fold(text);
    // Folding may change the number of chars (rare: ligatures); give up then.
    if folded.chars().count() != text.chars().count() {
        return Vec::new();
    }
    let mut positions: Vec<usize> = query
        .words()
        .iter()
        .filter_map(|w| scorer.indices(&folded, w))
        .flatten()
        .collect();
    positions.sort_unstable();
    positions.dedup();
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::new(vec![
            Document::new([
                "Rahmat Hidayat",
                "Sekretaris Daerah Sekda",
                "Kabupaten Sleman",
            ]),
            Document::new(["Siti Rahma", "Kepala Dinas Kesehatan", "Kota Padang"]),
            Document::new([
                "Yusuf Effendi",
                "Asisten Pemerintahan",
                "Kota Tangerang Selatan Tangsel",
            ]),
        ])
    }

    /// The whole-string NFD fold `fold` replaced: same output, slower.
    fn fold_by_nfd(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn folding_char_by_char_equals_folding_the_whole_string() {
        let samples = [
            "Muhamad Ridwan Kamíl · Heru Wijaya",
            "e\u{301}\u{323}a\u{323}\u{301} Ǆ ǅ ﬁ Σίσυφος İstanbul Ångström",
            "한국어 日本語 Ẫ ệ ỡ \u{1E9E} ß Ⅻ ➀ 𝔘",
            "KEPALA DINAS · Bapak Hj. Ḥusain",
        ];
        for sample in samples {
            assert_eq!(fold(sample), fold_by_nfd(sample), "{sample:?}");
        }
        // Every char of the Basic Multilingual Plane and a bit beyond.
        let all: String = (0u32..0x2_0000).filter_map(char::from_u32).collect();
        for chunk in all.chars().collect::<Vec<_>>().chunks(64) {
            let text: String = chunk.iter().collect();
            assert_eq!(fold(&text), fold_by_nfd(&text), "{text:?}");
        }
    }

    #[test]
    fn a_hit_is_eight_bytes_and_gives_back_its_index_and_score() {
        assert_eq!(std::mem::size_of::<Hit>(), 8);
        let hit = Hit::new(917_380, -42);
        assert_eq!((hit.index(), hit.score()), (917_380, -42));
        assert_eq!(Hit::new(0, i64::MAX).score(), i32::MAX as i64);
        assert_eq!(Hit::new(0, i64::MIN).score(), i32::MIN as i64);
    }

    #[test]
    fn a_field_is_one_cache_line() {
        assert_eq!(std::mem::size_of::<FieldInfo>(), 64);
        assert_eq!(std::mem::align_of::<FieldInfo>(), 64);
    }

    #[test]
    fn fields_come_back_in_order_and_equal_texts_are_stored_once() {
        let idx = SearchIndex::new(vec![
            Document::new(["Rp300 Miliar", "Judul Sama"]),
            Document::new(["8 rumah", "Judul Sama"]),
            Document::new(Vec::<String>::new()),
        ]);
        assert_eq!(idx.len(), 3);
        assert_eq!(
            idx.fields(0).collect::<Vec<_>>(),
            ["rp300 miliar", "judul sama"]
        );
        assert_eq!(idx.fields(1).collect::<Vec<_>>(), ["8 rumah", "judul sama"]);
        assert_eq!(idx.fields(2).count(), 0);
        assert_eq!(idx.fields(3).count(), 0);
        assert_eq!(idx.fields.len(), 3);
        assert_eq!(idx.text, "rp300 miliarjudul sama8 rumah");
    }

    #[test]
    fn fold_strips_case_and_diacritics() {
        assert_eq!(fold("Kamíl ÉLOK"), "kamil elok");
        assert_eq!(fold("Sleman"), "sleman");
    }

    #[test]
    fn every_word_must_match_some_field() {
        let s = FuzzyScorer::default();
        let hits = index()
            .search(&FilterQuery::new("sekda sleman"), &s, None)
            .unwrap();
        assert_eq!(hits.iter().map(Hit::index).collect::<Vec<_>>(), [0]);
        let hits = index()
            .search(&FilterQuery::new("asisten tangsel"), &s, None)
            .unwrap();
        assert_eq!(hits[0].index(), 2);
        assert!(index()
            .search(&FilterQuery::new("sekda padang"), &s, None)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn typos_by_omission_still_match() {
        let s = FuzzyScorer::default();
        let hits = index()
            .search(&FilterQuery::new("hdayat"), &s, None)
            .unwrap();
        assert_eq!(hits[0].index(), 0);
    }

    #[test]
    fn empty_query_matches_all_in_order() {
        let s = FuzzyScorer::default();
        let hits = index().search(&FilterQuery::new("  "), &s, None).unwrap();
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[2].index(), 2);
    }

    #[test]
    fn cancelled_search_returns_none() {
        let s = FuzzyScorer::default();
        let cancel = AtomicBool::new(true);
        assert!(index()
            .search(&FilterQuery::new("a"), &s, Some(&cancel))
            .is_none());
    }

    #[test]
    fn highlight_positions_are_chars_of_the_original() {
        let s = FuzzyScorer::default();
        let pos = highlight("Kamíl Sleman", &FilterQuery::new("kamil"), &s);
        assert_eq!(pos, [0, 1, 2, 3, 4]);
    }
}
