//! Splitting a body into word and punctuation tokens with byte spans.

use crate::byte_group::ByteGroup;
use std::cell::Cell;

mod shapes;
pub use shapes::{ShapeTable, ShapedSet, TokenShapes, WordShapes};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, internal dots, hyphens, apostrophes).
    Word,
    /// Digits with internal `.` or `,`.
    Number,
    /// One other character.
    Punct,
}

/// A token with its byte span in the text: a view built on demand from the
/// compact [`Tokens`] storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text.
    pub text: &'a str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its kind.
    pub kind: TokenKind,
    /// True when a line break (paragraph end) comes before this token.
    pub after_break: bool,
}

/// The largest text [`tokenize`] accepts: offsets are stored as `u32`.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// The tokens of one text, stored in 6 bytes each rather than 40 for a
/// [`Token`]: a `u32` start and a `u16` holding the length (13 bits), the
/// line-break flag and the kind. A token of [`LONG`] bytes or more keeps
/// its end in a side list. A huge body holds about one token per 4–6 bytes.
#[derive(Debug, Clone, Default)]
pub struct Tokens<'a> {
    text: &'a str,
    starts: Vec<u32>,
    packed: Vec<u16>,
    /// `(index, end)` of each long token, by index.
    long: Vec<(u32, u32)>,
}

thread_local! {
    /// The buffers of the last [`Tokens`] dropped on this thread, cleared:
    /// the next text is cut into them instead of fresh allocations (one
    /// body after another, as extraction goes).
    static SPARE: Cell<(Vec<u32>, Vec<u16>)> = const { Cell::new((Vec::new(), Vec::new())) };
}

/// Buffers of more tokens than this are freed, not kept in [`SPARE`].
const SPARE_MAX: usize = 1 << 16;

impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        if self.starts.capacity() <= SPARE_MAX && self.packed.capacity() <= SPARE_MAX {
            let mut starts = std::mem::take(&mut self.starts);
            let mut packed = std::mem::take(&mut self.packed);
            starts.clear();
            packed.clear();
            SPARE.set((starts, packed));
        }
    }
}

/// Tokens this long or longer keep their end in [`Tokens::long`].
const LONG: usize = (1 << 13) - 1;

/// `packed` bit set when a line break comes before the token.
const AFTER_BREAK: u16 = 4;

impl<'a> Tokens<'a> {
    /// The text the tokens were cut from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Token `i`; panics when out of range, like slice indexing.
    #[inline]
    pub fn at(&self, i: usize) -> Token<'a> {
        let start = self.starts[i] as usize;
        let meta = self.packed[i];
        let len = usize::from(meta >> 3);
        let end = if len == LONG {
            self.long_end(i)
        } else {
            start + len
        };
        debug_assert!(self.text.is_char_boundary(start) && self.text.is_char_boundary(end));
        // SAFETY: only `tokenize` fills `starts`, `packed` and `long`, with
        // `start <= end <= text.len()` taken between whole characters of
        // `text`, and the fields are private. The checked slice made the
        // extractor about a third slower (its boundary checks on every view),
        // hence the unchecked one.
        let text = unsafe { self.text.get_unchecked(start..end) };
        Token {
            text,
            start,
            end,
            kind: match meta & 3 {
                0 => TokenKind::Word,
                1 => TokenKind::Number,
                _ => TokenKind::Punct,
            },
            after_break: meta & AFTER_BREAK != 0,
        }
    }

    /// The end of long token `i`.
    #[cold]
    fn long_end(&self, i: usize) -> usize {
        let k = self.long.partition_point(|&(at, _)| (at as usize) < i);
        self.long[k].1 as usize
    }

    /// The first byte of token `i`, if there is one: a cheaper look than
    /// [`Tokens::at`] for the many checks that turn most tokens away.
    #[inline]
    pub fn first_byte(&self, i: usize) -> Option<u8> {
        let start = *self.starts.get(i)? as usize;
        self.text.as_bytes().get(start).copied()
    }

    /// True when token `i` exists and its first byte is in `set`.
    #[inline]
    pub fn starts_in(&self, i: usize, set: &ByteSet) -> bool {
        self.first_byte(i).is_some_and(|b| set.contains(b))
    }

    /// True when token `i` exists and some word of `set` has its first
    /// byte and its length.
    #[inline]
    pub fn shaped_in(&self, i: usize, set: &WordShapes) -> bool {
        let (Some(&start), Some(&meta)) = (self.starts.get(i), self.packed.get(i)) else {
            return false;
        };
        shape_held(set, self.text.as_bytes(), start, meta)
    }

    /// The first token after token `i` that a line break comes before (the
    /// next paragraph's first), or [`Tokens::len`]: found by the next `\n`
    /// in the text rather than token by token.
    pub fn next_line(&self, i: usize) -> usize {
        let Some(&start) = self.starts.get(i) else {
            return self.len();
        };
        let start = start as usize;
        match memchr::memchr(b'\n', &self.text.as_bytes()[start..]) {
            // no token holds a `\n`: the first to start past it follows it
            Some(at) => self.starts.partition_point(|&s| (s as usize) < start + at),
            None => self.len(),
        }
    }

    /// The tokens that are the punctuation `mark`, in order. `mark` must be
    /// an ASCII byte that is a token of its own wherever it stands (not a
    /// letter or digit, and none of `-`, `'`, `.` and `,`, which may join a
    /// word or a number): they are found with `memchr` in the text rather
    /// than by a look at every token.
    pub fn marks(&self, mark: u8) -> impl Iterator<Item = usize> + '_ {
        debug_assert!(mark.is_ascii_punctuation() && !b"-'.,".contains(&mark));
        memchr::memchr_iter(mark, self.text.as_bytes())
            .map(move |at| self.starts.partition_point(|&s| (s as usize) < at))
    }

    /// Token `i`, if there is one.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Token<'a>> {
        (i < self.len()).then(|| self.at(i))
    }

    /// Every token in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Token<'a>> + ExactSizeIterator + '_ {
        self.range(0..self.len())
    }

    /// Tokens `range.start` to `range.end` (exclusive); panics when out of range.
    pub fn range(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl DoubleEndedIterator<Item = Token<'a>> + ExactSizeIterator + '_ {
        assert!(range.start <= range.end && range.end <= self.len());
        range.map(|i| self.at(i))
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, after_break: bool) {
        // `tokenize` refuses texts over `MAX_TEXT`, so offsets fit.
        let len = end - start;
        if len >= LONG {
            self.long.push((self.starts.len() as u32, end as u32));
        }
        self.starts.push(start as u32);
        let kind = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        let flag = if after_break { AFTER_BREAK } else { 0 };
        self.packed.push((len.min(LONG) as u16) << 3 | flag | kind);
    }
}

impl Token<'_> {
    /// A word starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A word with no lower-case letters and at least two letters (`BPSDM`, `UP2K`).
    pub fn is_upper(&self) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        // One pass, stopping at the first lower-case letter (most words).
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            letters += usize::from(c.is_alphabetic());
        }
        letters >= 2
    }

    /// A word starting with a lower-case letter.
    pub fn is_lower(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

/// A set of bytes, one bit each: a quick first look at a token.
#[derive(Debug, Clone, Copy)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    /// The first bytes of `words`.
    pub const fn of_first_bytes(words: &[&str]) -> ByteSet {
        let mut bits = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            if !bytes.is_empty() {
                bits[(bytes[0] / 64) as usize] |= 1 << (bytes[0] % 64);
            }
            i += 1;
        }
        ByteSet(bits)
    }

    /// True when `b` is in the set.
    #[inline]
    pub const fn contains(&self, b: u8) -> bool {
        self.0[(b / 64) as usize] & (1 << (b % 64)) != 0
    }
}

/// Short words that keep a following full stop (`Pj.`, `Drs.`); single
/// capitals (initials) keep it too.
const DOTTED: &[&str] = &[
    "Pj", "Plt", "Plh", "Pjs", "Drs", "Dra", "Dr", "DR", "dr", "drg", "Ir", "Prof", "Hj", "Hi",
    "Sdr", "Sdri", "HM", "KH", "St", "Kol", "Inf", "Pol", "Purn", "Moh", "Muh", "Mochd", "Moch",
    "Mohd", "Jl", "No", "Tgk",
];

/// The first bytes and lengths of the words in [`DOTTED`]: most words
/// before a full stop have no such shape and are turned away by one look,
/// not compared with the list.
const DOTTED_SHAPES: WordShapes = WordShapes::of(DOTTED);

/// Tokenises `text`. Hyphens join words except before a capital (`se-Kota`
/// gives `se`, `-`, `Kota`); a dot joins letters (`M.Si`, `A.S.`).
///
/// Panics when `text` is longer than [`MAX_TEXT`] (see `entities::extract`).
pub fn tokenize(text: &str) -> Tokens<'_> {
    assert!(text.len() <= MAX_TEXT, "text too long to tokenise");
    let bytes = text.as_bytes();
    let (starts, packed) = SPARE.take();
    let mut tokens = Tokens {
        text,
        starts,
        packed,
        long: Vec::new(),
    };
    // About one token per six bytes of prose: most bodies never regrow.
    let expected = text.len() / 6 + 8;
    tokens.starts.reserve(expected);
    tokens.packed.reserve(expected);
    let mut i = 0;
    let mut after_break = true;
    while i < text.len() {
        let b = bytes[i];
        let start = i;
        // ASCII first (nearly every character), without decoding a char:
        // one table look tells space, letter, digit and punctuation apart.
        let ascii = match ASCII_CLASS[usize::from(b)] {
            AsciiClass::Space => {
                after_break |= b == b'\n';
                i += 1;
                continue;
            }
            AsciiClass::Letter => {
                i = word_end(text, start, start + 1);
                Some(TokenKind::Word)
            }
            AsciiClass::Digit => {
                i = number_end(bytes, start + 1);
                Some(TokenKind::Number)
            }
            AsciiClass::Punct => {
                i += 1;
                Some(TokenKind::Punct)
            }
            AsciiClass::NotAscii => None,
        };
        if let Some(kind) = ascii {
            tokens.push(start, i, kind, after_break);
            after_break = false;
            // The commonest gap, one space, is stepped over here rather
            // than by a turn of the loop.
            if bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let kind = if c.is_alphabetic() {
            i = word_end(text, start, start + len);
            TokenKind::Word
        } else {
            i += len;
            TokenKind::Punct
        };
        tokens.push(start, i, kind, after_break);
        after_break = false;
    }
    // Growth by doubling leaves up to half unused: a huge body keeps only
    // what it needs (a short one is not worth the copy).
    if tokens.starts.capacity() > tokens.starts.len() + 4096 {
        tokens.starts.shrink_to_fit();
        tokens.packed.shrink_to_fit();
    }
    tokens.long.shrink_to_fit();
    tokens
}

/// True when some word of `set` has the first byte and length of the token
/// starting at byte `start` of `text` and stored as `meta` in `packed`.
#[inline(always)]
fn shape_held(set: &WordShapes, text: &[u8], start: u32, meta: u16) -> bool {
    // a long token's stored length, `LONG`, is past every word's bit
    let len = usize::from(meta >> 3);
    text.get(start as usize)
        .is_some_and(|&b| set.may_hold(b, len))
}

/// One flag per token, in one bit each (a byte each was 1/9 of the tokens).
#[derive(Debug, Clone)]
pub struct TokenMarks {
    bits: Vec<u64>,
    len: usize,
}

impl TokenMarks {
    /// `len` flags, all clear.
    pub fn new(len: usize) -> Self {
        TokenMarks {
            bits: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Number of flags.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Flag `i`; false past the last flag (no flag there is ever set).
    /// One bounds check, the word's: asked about most tokens, a second
    /// against `len` cost 1.1 % of extraction.
    #[inline]
    pub fn get(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Sets flags `range.start` to `range.end` (exclusive).
    pub fn set(&mut self, range: std::ops::Range<usize>) {
        assert!(range.end <= self.len, "marks {range:?} out of {}", self.len);
        for i in range {
            self.bits[i / 64] |= 1 << (i % 64);
        }
    }
}

/// The end of the word whose first letter is `start..i`. Hyphens join
/// words except before a capital; a dot joins letters (`M.Si`); a full stop
/// after an abbreviation, an initial or a dotted run belongs to the word.
#[inline(always)]
fn word_end(text: &str, start: usize, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < text.len() {
        // An ASCII letter or digit always continues the word (a run of
        // them at a time, sixteen bytes to a test).
        i = alphanumeric_run_end(bytes, i);
        if i == text.len() {
            break;
        }
        // Other ASCII ends the word unless it may join (`-`, `'`, `.`).
        if bytes[i].is_ascii() && !matches!(bytes[i], b'-' | b'\'' | b'.') {
            break;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let next = text[i + c.len_utf8()..].chars().next();
        let joiner = matches!(c, '-' | '\'' | '’')
            && next.is_some_and(|n| n.is_alphanumeric() && !(c == '-' && n.is_uppercase()));
        let inner_dot =
            c == '.' && next.is_some_and(|n| n.is_alphabetic()) && is_dotted_run(&text[start..i]);
        if !(c.is_alphanumeric() || joiner || inner_dot) {
            break;
        }
        i += c.len_utf8();
    }
    if i < text.len() && bytes[i] == b'.' {
        let word = &text[start..i];
        // An initial is followed by more of the name (`R. Wismansyah`);
        // `Angkatan V.` ends a sentence. (The cheap tests first: most words
        // before a full stop end a sentence and pass none.)
        let single_capital = || {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_none()
                && text[i + 1..]
                    .trim_start_matches(' ')
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        };
        let dotted = || DOTTED_SHAPES.may_hold_word(word) && DOTTED.contains(&word);
        let dotted_run = || word.len() <= 12 && word.bytes().any(|b| b == b'.');
        if dotted_run() || dotted() || single_capital() {
            i += 1;
        }
    }
    i
}

/// What an ASCII byte starts in [`tokenize`].
#[derive(Clone, Copy)]
enum AsciiClass {
    /// White space between tokens.
    Space,
    /// A word.
    Letter,
    /// A number.
    Digit,
    /// A one-character token.
    Punct,
    /// Not ASCII: the char is decoded.
    NotAscii,
}

/// [`AsciiClass`] by byte.
static ASCII_CLASS: [AsciiClass; 256] = {
    let mut table = [AsciiClass::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            AsciiClass::Space
        } else if byte.is_ascii_alphabetic() {
            AsciiClass::Letter
        } else if byte.is_ascii_digit() {
            AsciiClass::Digit
        } else {
            AsciiClass::Punct
        };
        b += 1;
    }
    table
};

/// ASCII letters and digits, by byte: what [`ASCII_CLASS`] says of them as
/// one flag, for the last bytes of a text, fewer than sixteen, that
/// `alphanumeric_run_end` looks at one at a time (testing the class there
/// took 0.9 % more instructions over a whole load, when every byte was).
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of ASCII letters and digits from `i`: sixteen bytes
/// at a time while sixteen are left (a word is about six), then byte by
/// byte.
#[inline(always)]
fn alphanumeric_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(group) = bytes.get(i..i + 16) {
        let others = !alphanumeric_marks(group.try_into().expect("sixteen bytes"));
        if others != 0 {
            return i + others.trailing_zeros() as usize;
        }
        i += 16;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
        .unwrap_or(bytes.len() - i)
}

/// One bit per byte of `group` that is an ASCII letter or digit. (Eight
/// bytes a step by bit tricks on a `u64` took about twice the
/// instructions.)
#[inline(always)]
fn alphanumeric_marks(group: &[u8; 16]) -> u16 {
    let g = ByteGroup::load(group);
    // `| 0x20` folds capitals onto small letters (and nothing else onto them)
    g.or(0x20).within(b'a', b'z') | g.within(b'0', b'9')
}

/// The end of the number whose first digit ends at `i`: digits, with `.`
/// or `,` between digits.
#[inline]
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit()
            || ((b == b'.' || b == b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A dot may join letters when what came before is short pieces (`M`, `S.Sos`, `A.S`).
fn is_dotted_run(before: &str) -> bool {
    before.split('.').all(|p| p.chars().count() <= 4)
}

#[cfg(test)]
mod tests;
