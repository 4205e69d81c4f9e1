//! The scoring trait and its fuzzy-matcher implementation.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::tight::skim_tight_bound;

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
    /// True when `word` matches `field`. The default asks [`Scorer::bound`].
    fn matches(&self, field: &str, word: &str) -> bool {
        self.bound(field, word).is_some()
    }
    /// A bound of the score of `word` in every field with this profile that
    /// it matches, read from the profile alone (no scan of the field), or
    /// `None` when the scorer has none; then the engine asks [`Scorer::bound`].
    fn profile_bound(&self, profile: &FieldProfile, word: &str) -> Option<i64> {
        let _ = (profile, word);
        None
    }
    /// Whether `word` matches every field with this profile, when the
    /// profile alone decides it; `None` when the field must be read.
    fn profile_matches(&self, profile: &FieldProfile, word: &str) -> Option<bool> {
        let _ = (profile, word);
        None
    }
}

/// What a cheap bound needs to know of a folded field, computed once when the
/// index is built: which bytes it holds, which of them start a word (skim
/// gives them a bonus), and its first byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldProfile {
    /// One bit per byte class present (see `byte_bit`).
    pub bytes: u64,
    /// One bit per byte class present somewhere after the first byte with a
    /// position bonus (after a separator or punctuation, or a case change).
    pub heads: u64,
    /// One bit per pair of adjacent bytes that may occur (a 256-bit hash
    /// set, see `pair_bit`): without the pair, a char cannot continue a chunk.
    pub pairs: [u64; 4],
    /// The first byte; 0 for an empty field.
    pub first: u8,
}

/// The bit of a pair of adjacent bytes in [`FieldProfile::pairs`].
fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let h = ((a as u32) << 8 | b as u32).wrapping_mul(0x9E37_79B1) >> 24;
    ((h >> 6) as usize, 1 << (h & 63))
}

impl FieldProfile {
    /// The profile of a field.
    pub fn of(field: &str) -> FieldProfile {
        let f = field.as_bytes();
        let mut profile = FieldProfile {
            first: f.first().copied().unwrap_or(0),
            bytes: f.first().map_or(0, |&b| byte_bit(b)),
            ..FieldProfile::default()
        };
        for pair in f.windows(2) {
            let (before, b) = (pair[0], pair[1]);
            let bit = byte_bit(b);
            profile.bytes |= bit;
            if in_place(Some(before), b) > 0 {
                profile.heads |= bit;
            }
            let (word, pair) = pair_bit(before, b);
            profile.pairs[word] |= pair;
        }
        profile
    }
}

/// A byte's bit in a mask: letters and digits get bits of their own, other
/// bytes share the rest (a shared bit only makes masks and bounds looser).
/// Looked up: profiles and masks ask it of every byte of every field.
#[inline]
pub fn byte_bit(b: u8) -> u64 {
    BYTE_BITS[usize::from(b)]
}

/// [`byte_bit`] of every byte.
static BYTE_BITS: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = byte_bit_of(b as u8);
        b += 1;
    }
    table
};

/// [`byte_bit`], worked out.
const fn byte_bit_of(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << (36 + b % 28),
    }
}

/// The mask of every byte in some text.
pub fn byte_mask(text: &str) -> u64 {
    text.bytes().fold(0, |m, b| m | byte_bit(b))
}

/// [`skim_bound`] read from a profile: each char gets its best position
/// bonus wherever it stands, and a later char continues a chunk when the
/// field may hold it right after the one before, else opens a gap. A bound
/// for every field with the profile that the word matches. (Skim may also
/// skip two chars and go on from the next with a gap: that char then gains
/// at most 4 over a gap's bound, less than the two skipped chars' terms.)
pub fn skim_profile_bound(profile: &FieldProfile, word: &str) -> i64 {
    if !word.is_ascii() {
        return word.chars().count() as i64 * 32 - 1;
    }
    let w = word.as_bytes();
    let place = |c: u8| {
        if profile.heads & byte_bit(c) != 0 {
            8
        } else {
            0
        }
    };
    let mut total = -1;
    for (k, &c) in w.iter().enumerate() {
        total += if k == 0 {
            16 + if profile.first == c { 16 } else { place(c) }
        } else {
            let (i, bit) = pair_bit(w[k - 1], c);
            if profile.pairs[i] & bit != 0 {
                // A gap scores 12 + place at most, never more than a chunk.
                16 + chunk_bonus(w, k, true, place(c))
            } else {
                12 + place(c)
            }
        };
    }
    total
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

    /// See [`skim_tight_bound`].
    fn bound(&self, field: &str, word: &str) -> Option<i64> {
        skim_tight_bound(field, word)
    }

    /// Skim matches exactly the fields that hold the word as a subsequence.
    fn matches(&self, field: &str, word: &str) -> bool {
        is_subsequence(word, field)
    }

    /// See [`skim_profile_bound`].
    fn profile_bound(&self, profile: &FieldProfile, word: &str) -> Option<i64> {
        Some(skim_profile_bound(profile, word))
    }

    /// A one-letter or one-digit word matches exactly the fields whose
    /// profile holds its byte (those bytes have mask bits of their own).
    fn profile_matches(&self, profile: &FieldProfile, word: &str) -> Option<bool> {
        match word.as_bytes() {
            [b] if b.is_ascii_lowercase() || b.is_ascii_digit() => {
                Some(profile.bytes & byte_bit(*b) != 0)
            }
            _ => None,
        }
    }
}

/// A bound of the chunk bonus skim gives `w[k]` (with position bonus
/// `place`) right after `w[k - 1]`; `first` when it may stand at the first
/// occurrence after the previous char's first occurrence.
///
/// Skim means to carry the chunk's bonus along, but reads it from the cell
/// left of the current one in the current row, which this row wrote with 0
/// unless that cell's char is `w[k]` too, or it is the row's first cell.
/// Then the cell holds what the row two back wrote: a chunk bonus (at most
/// 16) when its char is `w[k]`, 0 when it is neither `w[k]` nor `w[k - 1]`,
/// else what the row before that wrote, and so on (the first two rows
/// start from 0). Otherwise the bonus is max(position bonus, 4).
pub(super) fn chunk_bonus(w: &[u8], k: usize, first: bool, place: i64) -> i64 {
    let fresh = place.max(4);
    if !(first || w[k] == w[k - 1]) {
        return fresh;
    }
    let mut j = k;
    while j >= 2 {
        j -= 2;
        if w[j] == w[k] {
            // That row's own bonus here was fresh unless it repeated its char.
            return if j >= 1 && w[j - 1] == w[j] {
                16
            } else {
                fresh.max(4)
            };
        }
        if w[j] != w[k - 1] {
            break;
        }
    }
    fresh
}

/// Skim's bonus for a char at a position, from the byte before it: 16 for
/// the first char, 8 at a word head (after a space, bracket or slash), 7
/// after punctuation, 6 for an upper-case letter after a lower-case one or a
/// digit, else 0. Bytes of non-ASCII chars count as lower-case, as in skim.
pub(super) fn in_place(prev: Option<u8>, cur: u8) -> i64 {
    match prev {
        None => 16,
        Some(p) => match PLACE_AFTER[p as usize] {
            0 if cur.is_ascii_uppercase() && !p.is_ascii_uppercase() => 6,
            bonus => bonus as i64,
        },
    }
}

/// [`in_place`]'s bonus by the byte before: 8 after a word separator, 7
/// after punctuation, else 0 (a table: it is asked for every occurrence of
/// every query char).
const PLACE_AFTER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => 8,
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => 7,
            _ => 0,
        };
        b += 1;
    }
    table
};

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
                    skip.max(16 + chunk_bonus(w, k, j == greedy, place))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The profile as first written: a byte at a time, its bit worked out.
    fn profile_by_bytes(f: &[u8]) -> FieldProfile {
        let mut profile = FieldProfile {
            first: f.first().copied().unwrap_or(0),
            ..FieldProfile::default()
        };
        for (p, &b) in f.iter().enumerate() {
            profile.bytes |= byte_bit_of(b);
            if p > 0 {
                if in_place(Some(f[p - 1]), b) > 0 {
                    profile.heads |= byte_bit_of(b);
                }
                let (i, bit) = pair_bit(f[p - 1], b);
                profile.pairs[i] |= bit;
            }
        }
        profile
    }

    #[test]
    fn a_profile_is_the_one_worked_out_byte_by_byte() {
        // every pair of ASCII bytes, after a letter and before a digit
        for a in 0..128u8 {
            for b in 0..128u8 {
                let field = [b'k', a, b, b'7'];
                let text = std::str::from_utf8(&field).expect("ASCII");
                assert_eq!(
                    FieldProfile::of(text),
                    profile_by_bytes(&field),
                    "{field:?}"
                );
            }
        }
        for text in ["", "a", "Z", "é", "kota tangerang · bupati", "Rp 5 miliar"] {
            assert_eq!(
                FieldProfile::of(text),
                profile_by_bytes(text.as_bytes()),
                "{text:?}"
            );
        }
        for b in 0..=255u8 {
            assert_eq!(byte_bit(b), byte_bit_of(b), "{b}");
        }
    }
}
