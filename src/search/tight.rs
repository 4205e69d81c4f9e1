//! [`skim_tight_bound`]: skim's recurrence over the occurrences of the query
//! chars only, the bound the filter refines most candidates with.
//!
//! The recurrence reads where each char occurs and at which char position.
//! A short field answers both from bit masks built in one pass per char
//! (most titles and every names field are short); a longer one is scanned
//! with `memchr` and counts chars with a cursor.

use super::scorer::{chunk_bonus, in_place, skim_bound};
use crate::byte_group::ByteGroup;

/// Fields up to this many bytes are read through bit masks.
const SHORT: usize = 128;

/// More occurrences of one char than this fall back to [`skim_bound`].
const MAX: usize = 32;

/// A tighter bound than [`skim_bound`]: skim's own recurrence (best
/// alignment with gap penalties) with each chunk bonus replaced by its bound,
/// run only over the occurrences of the word's chars. `None` exactly when
/// skim finds no match.
///
/// Skim keeps two matrix rows, and each row's first column reads a cell the
/// row two back left there: a chain of the first `k − 1` chars may go on
/// from the `k`th char's first occurrence without matching chars `k − 1` and
/// `k`, one point down (from −1 when `k` is 1). Such "jumps" win on long
/// fields whose letters lie far apart, so they are followed here too. The
/// final maximum also reads the last row's first column, left there by the
/// row two back: a match of the third-last char just before the last char's
/// first occurrence counts as a whole match.
pub fn skim_tight_bound(field: &str, word: &str) -> Option<i64> {
    let (f, w) = (field.as_bytes(), word.as_bytes());
    if !word.is_ascii() || f.len() > 1024 {
        return skim_bound(field, word);
    }
    let found = if f.len() <= SHORT {
        let short = ShortField::new(f);
        recurrence(
            f,
            w,
            |c, from| Bits(short.positions(c) & from_bit(from)),
            |p| short.char_at(p),
        )
    } else {
        // Gaps are counted in chars. In a field that is not ASCII a cursor
        // counts them: positions are asked mostly in increasing order, so
        // each byte is counted about once.
        let ascii = field.is_ascii();
        let mut cursor = (0usize, 0i64);
        recurrence(
            f,
            w,
            |c, from| memchr::memchr_iter(c, &f[from..]).map(move |j| j + from),
            |p| {
                if ascii {
                    return p as i64;
                }
                if p < cursor.0 {
                    cursor = (0, 0);
                }
                let (from, n) = cursor;
                let n = n + f[from..p].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as i64;
                cursor = (p, n);
                n
            },
        )
    };
    found.unwrap_or_else(|TooMany| skim_bound(field, word))
}

/// A char occurs more than [`MAX`] times after its first place.
struct TooMany;

/// Bits `0..n` set (`n` ≤ 128).
fn low_bits(n: usize) -> u128 {
    !from_bit(n)
}

/// Bits `n..128` set (`n` ≤ 128).
fn from_bit(n: usize) -> u128 {
    u128::MAX.checked_shl(n as u32).unwrap_or(0)
}

/// The set bits of a mask, lowest first.
#[derive(Clone, Copy)]
struct Bits(u128);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let p = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(p)
    }
}

/// A field of at most [`SHORT`] bytes, zero-padded, and which of its bytes
/// continue a multi-byte char.
struct ShortField {
    bytes: [u8; SHORT],
    len: usize,
    continuations: u128,
}

impl ShortField {
    fn new(f: &[u8]) -> ShortField {
        let mut bytes = [0u8; SHORT];
        bytes[..f.len()].copy_from_slice(f);
        let mut short = ShortField {
            bytes,
            len: f.len(),
            continuations: 0,
        };
        if !f.is_ascii() {
            // Continuation bytes are 0x80..=0xBF: below -64 as signed bytes.
            short.continuations = short.mask(|group| group.lt(-64));
        }
        short
    }

    /// The byte positions of `c`.
    fn positions(&self, c: u8) -> u128 {
        self.mask(|group| group.eq(c))
    }

    /// The char position of byte `p`: `p` less the continuation bytes
    /// before it (a few at most, so they are counted one by one).
    fn char_at(&self, p: usize) -> i64 {
        let before = Bits(self.continuations & low_bits(p)).count();
        (p - before) as i64
    }

    /// The positions inside the field where `test` holds, 16 bytes at a time.
    fn mask(&self, test: impl Fn(ByteGroup) -> u16) -> u128 {
        let mut mask = 0u128;
        for i in 0..self.len.div_ceil(16) {
            let group = ByteGroup::load_at(&self.bytes, 16 * i);
            mask |= (test(group) as u128) << (16 * i);
        }
        mask & low_bits(self.len)
    }
}

/// The recurrence of [`skim_tight_bound`], given each char's positions from
/// a byte on (ascending) and each byte's char position.
fn recurrence<I: Iterator<Item = usize>>(
    f: &[u8],
    w: &[u8],
    positions: impl Fn(u8, usize) -> I,
    mut char_at: impl FnMut(usize) -> i64,
) -> Result<Option<i64>, TooMany> {
    /// One occurrence: byte position, char position, best score ending there.
    #[derive(Clone, Copy, Default)]
    struct End {
        at: u16,
        char_at: u16,
        score: i32,
    }
    // The rows of the last three chars, by k % 3.
    let mut rows = [[End::default(); MAX]; 3];
    let mut lens = [0usize; 3];
    // (char position, score) where a jump opened a gap chain, one and two rows back.
    let mut jump_prev: Option<(i64, i64)> = None;
    let mut jump_prev2: Option<(i64, i64)> = None;
    let mut left_over = None;
    let mut from = 0;
    for (k, &c) in w.iter().enumerate() {
        let mut occurrences = positions(c, from).peekable();
        let Some(&greedy) = occurrences.peek() else {
            return Ok(None);
        };
        from = greedy + 1;
        let [r0, r1, r2] = &mut rows;
        let [n0, n1, n2] = lens;
        // This char's row, and the rows one and two back (empty before the start).
        let (cur, one_back, two_back) = match k % 3 {
            0 => (r0, &r2[..n2], &r1[..n1]),
            1 => (r1, &r0[..n0], &r2[..n2]),
            _ => (r2, &r1[..n1], &r0[..n0]),
        };
        if k >= 2 && k + 1 == w.len() {
            left_over = two_back
                .iter()
                .find(|e| e.at as usize + 1 == greedy)
                .map(|e| e.score as i64);
        }
        let greedy_char = char_at(greedy);
        let opened = match k {
            0 => None,
            1 => Some((greedy_char, -2)),
            _ => two_back
                .iter()
                .filter(|e| (e.at as usize) < greedy)
                .map(|e| e.score as i64)
                .chain(jump_prev2.map(|(_, s)| s))
                .max()
                .map(|s| (greedy_char, s - 1)),
        };
        let mut nc = 0;
        // Entries of the row before that end two or more bytes before `p`,
        // and their best score plus char position (a gap costs 3 + its
        // length in chars, so this picks the best gap start).
        let (mut i, mut best_gap): (usize, Option<i64>) = (0, None);
        for p in occurrences {
            if nc == MAX {
                return Err(TooMany);
            }
            let before = p.checked_sub(1).map(|q| f[q]);
            let place = in_place(before, c);
            let p_char = char_at(p);
            let score = if k == 0 {
                Some(15 + place)
            } else {
                while i < one_back.len() && (one_back[i].at as usize) + 1 < p {
                    let e = one_back[i];
                    let v = e.score as i64 + e.char_at as i64;
                    best_gap = Some(best_gap.map_or(v, |b| b.max(v)));
                    i += 1;
                }
                let gap = best_gap.map(|b| b + 14 + place - p_char);
                let chunk = one_back
                    .get(i)
                    .filter(|e| e.at as usize + 1 == p)
                    .map(|e| e.score as i64 + 16 + chunk_bonus(w, k, p == greedy, place));
                let jumped = jump_prev
                    .filter(|&(g, _)| g < p_char)
                    .map(|(g, s)| s + 17 + place - (p_char - g));
                // `None` orders below every score.
                gap.max(chunk).max(jumped)
            };
            if let Some(score) = score {
                cur[nc] = End {
                    at: p as u16,
                    char_at: p_char as u16,
                    score: score as i32,
                };
                nc += 1;
            }
        }
        if nc == 0 {
            return Ok(None);
        }
        lens[k % 3] = nc;
        jump_prev2 = jump_prev;
        jump_prev = opened;
    }
    let last = (w.len() - 1) % 3;
    Ok(rows[last][..lens[last]]
        .iter()
        .map(|e| e.score as i64)
        .chain(left_over)
        .max())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A field read through masks and the same field, padded past
        /// [`SHORT`] with bytes the word lacks, read by scanning.
        #[test]
        fn masks_and_scanning_agree(
            f in "[abgnuks ·/.-]{0,60}",
            w in "[abgnuks]{1,7}",
        ) {
            let long = format!("{f}{}", " x".repeat(70));
            prop_assert!(f.len() <= SHORT && long.len() > SHORT);
            prop_assert_eq!(skim_tight_bound(&f, &w), skim_tight_bound(&long, &w));
        }
    }

    #[test]
    fn short_fields_read_positions_and_char_positions_from_masks() {
        let short = ShortField::new("ab · ba".as_bytes());
        assert_eq!(Bits(short.positions(b'a')).collect::<Vec<_>>(), [0, 7]);
        // `·` is two bytes: the `b` at byte 6 is char 5.
        assert_eq!(short.char_at(6), 5);
        assert_eq!(
            Bits(short.positions(b'b') & from_bit(2)).collect::<Vec<_>>(),
            [6]
        );
    }

    #[test]
    fn both_readings_of_a_field_give_the_same_bound() {
        // One field read as short, the same text padded past the short
        // limit with a tail that holds none of the word's chars.
        let fields = [
            "kepala dinas sosial gelar pembangunan di kabupaten ngawi",
            "untung susanto · bani widiatmo · agung basuki",
            "agung agung agung",
        ];
        for f in fields {
            let long = format!("{f}{}", " x".repeat(80));
            for w in ["kpl", "agung", "bas", "ag", "a", "uu", "ngawi"] {
                let short = skim_tight_bound(f, w);
                let scanned = skim_tight_bound(&long, w);
                assert_eq!(short, scanned, "{w:?} in {f:?}");
            }
        }
    }
}
