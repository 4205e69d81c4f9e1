//! The scoring trait and its fuzzy-matcher implementation.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// Scores one folded query word against one folded field.
pub trait Scorer: Send + Sync {
    /// The score, or `None` when the word does not match.
    fn score(&self, field: &str, word: &str) -> Option<i64>;
    /// The score's matched character positions in `field`.
    fn indices(&self, field: &str, word: &str) -> Option<Vec<usize>>;
    /// A cheap bound for pruning: `None` exactly when [`Scorer::score`] is
    /// `None`, else a value no smaller than the score. The default scores.
    fn bound(&self, field: &str, word: &str) -> Option<i64> {
        self.score(field, word)
    }
    /// A bound between [`Scorer::bound`] and the score, dearer than the
    /// first, cheaper than scoring. The default is [`Scorer::bound`].
    fn tight_bound(&self, field: &str, word: &str) -> Option<i64> {
        self.bound(field, word)
    }
}

/// True when the chars of `word` appear in `field` in order. Works on bytes
/// for an ASCII word (an ASCII byte is never part of a longer UTF-8 char).
pub fn is_subsequence(word: &str, field: &str) -> bool {
    if word.is_ascii() {
        let mut hay = field.as_bytes();
        for &b in word.as_bytes() {
            match memchr::memchr(b, hay) {
                Some(at) => hay = &hay[at + 1..],
                None => return false,
            }
        }
        true
    } else {
        let mut chars = field.chars();
        word.chars().all(|w| chars.any(|c| c == w))
    }
}

/// fuzzy-matcher's skim algorithm (as the product card asks).
pub struct FuzzyScorer {
    matcher: SkimMatcherV2,
}

impl Default for FuzzyScorer {
    fn default() -> Self {
        FuzzyScorer {
            // Fields and words are already folded to lower case.
            matcher: fresh_matcher(),
        }
    }
}

impl std::fmt::Debug for FuzzyScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FuzzyScorer")
    }
}

fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// True when skim may read a chunk bonus left in its reused matrix by an
/// earlier call (a char equal to the one two places before it, or two places
/// before equal to the one before): such words get a fresh matcher, so a
/// score never depends on what the thread scored before.
fn reads_stale_cells(word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    w.windows(3).any(|t| t[0] == t[1] || t[0] == t[2])
}

impl Scorer for FuzzyScorer {
    fn score(&self, field: &str, word: &str) -> Option<i64> {
        if reads_stale_cells(word) {
            return fresh_matcher().fuzzy_match(field, word);
        }
        self.matcher.fuzzy_match(field, word)
    }

    fn indices(&self, field: &str, word: &str) -> Option<Vec<usize>> {
        let found = if reads_stale_cells(word) {
            fresh_matcher().fuzzy_indices(field, word)
        } else {
            self.matcher.fuzzy_indices(field, word)
        };
        found.map(|(_, idx)| idx)
    }

    /// See [`skim_tight_bound`]: cheap enough to bound every candidate.
    fn bound(&self, field: &str, word: &str) -> Option<i64> {
        skim_tight_bound(field, word)
    }
}

/// Skim's bonus for a char at a position, from the byte before it: 16 for
/// the first char, 8 at a word head (after a space, bracket or slash), 7
/// after punctuation, 6 for an upper-case letter after a lower-case one or a
/// digit, else 0. Bytes of non-ASCII chars count as lower-case, as in skim.
fn in_place(prev: Option<u8>, cur: u8) -> i64 {
    match prev {
        None => 16,
        Some(b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}') => 8,
        Some(b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~') => 7,
        Some(p) if cur.is_ascii_uppercase() && !p.is_ascii_uppercase() => 6,
        Some(_) => 0,
    }
}

/// An upper bound of skim v2's score (default weights, case respected) of
/// `word` in `field`; `None` exactly when skim finds no match (the word is not
/// a subsequence of the field).
///
/// Skim's score is a sum over the word's chars along the best alignment:
/// the first char gives 16 + its position bonus − 1; a later char gives 16
/// plus a chunk bonus when it directly follows the previous word char, else
/// 16 + its position bonus − 4 or less (a gap opens). Skim reads the chunk
/// bonus from a neighbouring cell of its two-row matrix, which it reuses
/// across rows and calls: the bonus is max(position bonus, 4) unless that
/// cell can still hold a value from two rows back (needs the char two back
/// to equal one of the two chars matched here), bounded then by skim's
/// largest bonus, 16.
/// Bounding each term by the best over the char's occurrences bounds the
/// sum; for a single char it is exact. Proptests check it against skim.
pub fn skim_bound(field: &str, word: &str) -> Option<i64> {
    if !is_subsequence(word, field) {
        return None;
    }
    let w = word.as_bytes();
    let f = field.as_bytes();
    if !word.is_ascii() {
        // Each char gives at most 16 plus skim's largest bonus, 16.
        return Some(word.chars().count() as i64 * 32 - 1);
    }
    let mut total = -1;
    let mut from = 0;
    for (k, &c) in w.iter().enumerate() {
        // Where skim's greedy pass first places `c`: there the chunk bonus it
        // reads may be left over from an earlier row.
        let greedy = from + memchr::memchr(c, &f[from..])?;
        from = greedy + 1;
        let mut best = i64::MIN;
        for j in memchr::memchr_iter(c, f) {
            let prev = j.checked_sub(1).map(|p| f[p]);
            let place = in_place(prev, c);
            let term = if k == 0 {
                16 + place
            } else {
                let skip = 12 + place;
                if prev == Some(w[k - 1]) {
                    let stale = k >= 2
                        && (w[k - 2] == w[k - 1] || w[k - 2] == c)
                        && (j == greedy || c == w[k - 1]);
                    let carried = if stale { 16 } else { place.max(4) };
                    skip.max(16 + carried)
                } else {
                    skip
                }
            };
            best = best.max(term);
        }
        total += best;
    }
    Some(total)
}

/// A tighter bound than [`skim_bound`]: skim's own recurrence (best
/// alignment with gap penalties) with each chunk bonus replaced by its bound,
/// run only over the occurrences of the word's chars. `None` exactly when
/// skim finds no match.
pub fn skim_tight_bound(field: &str, word: &str) -> Option<i64> {
    /// Occurrences of one char tracked on the stack; more falls back to the cheap bound.
    const MAX: usize = 48;
    let (f, w) = (field.as_bytes(), word.as_bytes());
    if !word.is_ascii() || f.len() > 1024 {
        return skim_bound(field, word);
    }
    let ascii = field.is_ascii();
    // Chars from byte q to byte p: gaps are counted in chars.
    let span = |q: usize, p: usize| -> i64 {
        if ascii {
            (p - q) as i64
        } else {
            f[q + 1..=p].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as i64
        }
    };
    // (position, best score of the word so far ending there)
    let mut prev = [(0usize, 0i64); MAX];
    let mut cur = [(0usize, 0i64); MAX];
    let mut np = 0;
    let mut from = 0;
    for (k, &c) in w.iter().enumerate() {
        let greedy = from + memchr::memchr(c, &f[from..])?;
        from = greedy + 1;
        let mut nc = 0;
        for p in memchr::memchr_iter(c, &f[greedy..]).map(|j| j + greedy) {
            if nc == MAX {
                return skim_bound(field, word);
            }
            let before = p.checked_sub(1).map(|q| f[q]);
            let place = in_place(before, c);
            let score = if k == 0 {
                Some(15 + place)
            } else {
                let stale = k >= 2
                    && (w[k - 2] == w[k - 1] || w[k - 2] == c)
                    && (p == greedy || c == w[k - 1]);
                let carried = if stale { 16 } else { place.max(4) };
                prev[..np]
                    .iter()
                    .take_while(|&&(q, _)| q < p)
                    .map(|&(q, s)| {
                        if q + 1 == p {
                            s + 16 + carried
                        } else {
                            // A gap of g chars costs 3 + g.
                            s + 16 + place - 2 - span(q, p)
                        }
                    })
                    .max()
            };
            if let Some(score) = score {
                cur[nc] = (p, score);
                nc += 1;
            }
        }
        if nc == 0 {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
        np = nc;
    }
    prev[..np].iter().map(|&(_, s)| s).max()
}
