//! The first bytes and lengths of a set of words: a first look at a token
//! that turns away more than its first byte alone ([`super::ByteSet`])
//! where many words share an initial (`Program`, `Pada`, `Para`, `Peserta`).

use super::Tokens;
use crate::byte_group::ByteGroup;
use crate::entities::fast_hash::FastSet;

/// Lengths from this on share one bit.
const LONG: usize = 31;

/// For each first byte, one bit per length of the set's words that start
/// with it (lengths of [`LONG`] bytes or more share the last bit).
#[derive(Debug, Clone)]
pub struct WordShapes([u32; 256]);

impl WordShapes {
    /// No words: every token is turned away.
    pub const fn new() -> WordShapes {
        WordShapes([0; 256])
    }

    /// The shapes of `words` (for a set known when compiling).
    pub const fn of(words: &[&str]) -> WordShapes {
        let mut shapes = WordShapes::new();
        let mut i = 0;
        while i < words.len() {
            shapes = shapes.with(words[i]);
            i += 1;
        }
        shapes
    }

    /// These shapes and `word`'s.
    pub const fn with(mut self, word: &str) -> WordShapes {
        let bytes = word.as_bytes();
        if !bytes.is_empty() {
            self.0[bytes[0] as usize] |= length_bit(bytes.len());
        }
        self
    }

    /// These shapes and every word, of any length, whose first byte is
    /// in `first..=last`.
    pub const fn with_initials(mut self, first: u8, last: u8) -> WordShapes {
        let mut b = first as usize;
        while b <= last as usize {
            self.0[b] = u32::MAX;
            b += 1;
        }
        self
    }

    /// False when no word of the set starts with `first` and is `len`
    /// bytes long.
    #[inline]
    pub const fn may_hold(&self, first: u8, len: usize) -> bool {
        self.0[first as usize] & length_bit(len) != 0
    }

    /// [`WordShapes::may_hold`] for `word`'s first byte and length; false
    /// for an empty word (it has no shape).
    #[inline]
    pub fn may_hold_word(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.may_hold(b, word.len()))
    }
}

impl Default for WordShapes {
    fn default() -> WordShapes {
        WordShapes::new()
    }
}

/// A set of exact words behind their [`WordShapes`]: a word of a shape no
/// member has is turned away by one look, without hashing it. Most words
/// looked up in the name and rank tables are in none of them.
#[derive(Debug, Clone, Default)]
pub struct ShapedSet {
    shapes: WordShapes,
    words: FastSet<String>,
}

impl ShapedSet {
    /// True when `word` is in the set, as written.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        (word.is_empty() || self.shapes.may_hold_word(word)) && self.words.contains(word)
    }
}

impl<S: Into<String>> FromIterator<S> for ShapedSet {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> ShapedSet {
        let words: FastSet<String> = words.into_iter().map(Into::into).collect();
        let shapes = words.iter().fold(WordShapes::new(), |s, w| s.with(w));
        ShapedSet { shapes, words }
    }
}

/// Up to eight sets of [`WordShapes`] in one table: for a first byte and a
/// length, one bit per set that may hold such a word. One look per token
/// then tells every set's answer ([`TokenShapes`]).
#[derive(Debug, Clone)]
pub struct ShapeTable(Box<[[u8; LONG + 1]; 256]>);

impl ShapeTable {
    /// The table of `sets`, set `k` in bit `k`; panics past eight sets.
    pub fn new(sets: &[&WordShapes]) -> ShapeTable {
        assert!(sets.len() <= 8, "a shape table holds up to eight sets");
        let mut table = Box::new([[0u8; LONG + 1]; 256]);
        for (first, row) in table.iter_mut().enumerate() {
            for (len, bits) in row.iter_mut().enumerate() {
                for (k, set) in sets.iter().enumerate() {
                    *bits |= u8::from(set.0[first] & length_bit(len) != 0) << k;
                }
            }
        }
        ShapeTable(table)
    }

    /// The sets that may hold a word with first byte `first`, `len` bytes long.
    #[inline(always)]
    fn bits(&self, first: u8, len: usize) -> u8 {
        self.0[usize::from(first)][len.min(LONG)]
    }
}

/// For each token of a text, the sets of a [`ShapeTable`] that may hold it
/// (one bit each). The extractor's passes over the tokens each stop only
/// at the few kinds of word they look further at; worked out once for all
/// of them, each pass steps over the rest sixteen tokens at a time.
#[derive(Debug, Clone, Default)]
pub struct TokenShapes(Vec<u8>);

impl TokenShapes {
    /// The shapes of `tokens` in `table`.
    pub fn new(tokens: &Tokens, table: &ShapeTable) -> TokenShapes {
        let n = tokens.len();
        // both of length `n`: no bounds checks on them in the loop
        let (starts, packed) = (&tokens.starts[..n], &tokens.packed[..n]);
        let text = tokens.text.as_bytes();
        let bits = starts
            .iter()
            .zip(packed)
            .map(|(&start, &meta)| {
                // a long token's stored length is past `LONG`, as it is
                let len = usize::from(meta >> 3);
                text.get(start as usize)
                    .map_or(0, |&first| table.bits(first, len))
            })
            .collect();
        TokenShapes(bits)
    }

    /// The first token from `from` on that set `set` may hold, or the
    /// number of tokens.
    pub fn next(&self, from: usize, set: usize) -> usize {
        let bit = 1u8 << set;
        let mut i = from;
        while let Some(group) = self.0.get(i..i + 16) {
            let marks = ByteGroup::load(group.try_into().expect("sixteen tokens")).any_bit(bit);
            if marks != 0 {
                return i + marks.trailing_zeros() as usize;
            }
            i += 16;
        }
        self.0
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| b & bit != 0))
            .map_or(self.0.len(), |at| i + at)
    }
}

/// The bit of a length.
const fn length_bit(len: usize) -> u32 {
    1 << if len < LONG { len } else { LONG }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_of_the_set_is_held_and_others_mostly_not() {
        let long = "Pengembangan Sumber Daya Manusia Aparatur";
        let shapes = WordShapes::of(&["Program", "program", long]);
        for w in ["Program", "program", "Progres", long] {
            assert!(shapes.may_hold(w.as_bytes()[0], w.len()), "{w}");
        }
        for w in ["Para", "Pemerintah", "pada", "Kota", "P"] {
            assert!(!shapes.may_hold(w.as_bytes()[0], w.len()), "{w}");
        }
        // every length from 31 on shares a bit
        assert!(shapes.may_hold(b'P', 500));
        assert!(!WordShapes::new().may_hold(b'P', 7));
        assert!(!WordShapes::of(&[""]).may_hold(0, 0));
    }

    #[test]
    fn a_shaped_set_holds_its_words_as_written_and_no_other() {
        let set: ShapedSet = ["Drs.", "Hj", "H.", ""].into_iter().collect();
        for w in ["Drs.", "Hj", "H.", ""] {
            assert!(set.contains(w), "{w:?}");
        }
        // same shape, other word; other case; other length
        for w in ["Dra.", "hj", "HJ", "H", "Drs", "Hajjah"] {
            assert!(!set.contains(w), "{w:?}");
        }
        let empty: ShapedSet = std::iter::empty::<&str>().collect();
        assert!(!empty.contains("") && !empty.contains("Hj"));
    }
}
