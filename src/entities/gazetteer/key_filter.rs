//! A quick "certainly not" before a gazetteer look-up: most capitalised
//! words of a report are in no table, and proving it by a hash-table
//! look-up means lowering the word into a key, hashing it and probing
//! (about 180 instructions). The filter answers from a word's length and
//! its first and last eight bytes, one bit per signature, in about 40: over
//! 10 000 generated reports it turned away 90 % of the institution
//! look-ups and 65 % of the region-name ones. (Post first words were in
//! it too, until a token's first byte and length gated post matching:
//! then they saved 0.03 % of extraction's instructions.)

/// Which table a key belongs to: one filter serves them all.
#[derive(Debug, Clone, Copy)]
pub(super) enum Table {
    /// Institution acronyms.
    Institution,
    /// Unit words.
    UnitWord,
    /// First words of region names and short forms.
    RegionFirstWord,
    /// Prefixes of programme names.
    ProgramPrefix,
    /// Degree keys (folded, without dots).
    Degree,
}

/// log2 of the filter's bits: 32 KiB, about 10 000 keys set one bit each
/// (under 4 % of the bits).
const BITS: u32 = 18;

/// One bit per (table, signature) of every ASCII key.
#[derive(Debug)]
pub(super) struct KeyFilter {
    bits: Box<[u64]>,
}

impl KeyFilter {
    /// An empty filter: it rules out every ASCII word.
    pub(super) fn new() -> KeyFilter {
        KeyFilter {
            bits: vec![0; 1 << (BITS - 6)].into_boxed_slice(),
        }
    }

    /// Adds a key of `table`. A key with other than ASCII bytes is left
    /// out: no ASCII word looks it up (their keys are ASCII), and
    /// [`KeyFilter::may_hold`] never rules out any other word.
    pub(super) fn insert(&mut self, table: Table, key: &str) {
        if let Some(slot) = slot(table, key.as_bytes()) {
            self.bits[slot / 64] |= 1 << (slot % 64);
        }
    }

    /// False only when `table` certainly holds no key equal to `word` with
    /// its ASCII letters lowered (the key of every case-folded table for an
    /// ASCII word, and a superset of a case-sensitive table's look-up).
    #[inline(always)]
    pub(super) fn may_hold(&self, table: Table, word: &str) -> bool {
        slot(table, word.as_bytes()).is_none_or(|slot| self.bits[slot / 64] >> (slot % 64) & 1 == 1)
    }
}

/// Every byte of a word with `0x20` set: lowering an ASCII letter sets
/// that bit and changes nothing else, so a word and its lowered form read
/// the same through it.
const CASE: u64 = 0x2020_2020_2020_2020;

/// Bytes that are not ASCII have this bit set.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bit of `key` in `table`, from its length and its first and last
/// eight bytes (or four, or all of a shorter key) read through [`CASE`];
/// `None` when a byte is not ASCII.
#[inline(always)]
fn slot(table: Table, key: &[u8]) -> Option<usize> {
    let n = key.len();
    let (head, tail) = if n >= 8 {
        let head = u64::from_le_bytes(key[..8].try_into().ok()?);
        let tail = u64::from_le_bytes(key[n - 8..].try_into().ok()?);
        (head, tail)
    } else if n >= 4 {
        let head = u32::from_le_bytes(key[..4].try_into().ok()?);
        let tail = u32::from_le_bytes(key[n - 4..].try_into().ok()?);
        (u64::from(head), u64::from(tail))
    } else {
        let head = key.iter().rev().fold(0, |h, &b| h << 8 | u64::from(b));
        (head, 0)
    };
    // Head and tail cover the whole of a key up to 16 bytes.
    if (head | tail) & HIGH != 0 || (n > 16 && !key.is_ascii()) {
        return None;
    }
    let mixed = (head | CASE).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (tail | CASE).rotate_left(29)
        ^ (n as u64) << 8
        ^ table as u64;
    Some((mixed.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - BITS)) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_held_however_its_letters_are_cased() {
        let mut filter = KeyFilter::new();
        filter.insert(Table::Institution, "bappeda");
        for word in ["bappeda", "Bappeda", "BAPPEDA", "bAPPEDa"] {
            assert!(filter.may_hold(Table::Institution, word), "{word}");
        }
    }

    #[test]
    fn a_word_of_another_table_length_or_letters_is_ruled_out() {
        let mut filter = KeyFilter::new();
        filter.insert(Table::Institution, "bappeda");
        assert!(!filter.may_hold(Table::UnitWord, "Bappeda"));
        assert!(!filter.may_hold(Table::Institution, "Bappedas"));
        assert!(!filter.may_hold(Table::Institution, "Bupati"));
        assert!(!filter.may_hold(Table::Institution, ""));
    }

    #[test]
    fn a_word_beyond_ascii_is_never_ruled_out() {
        let filter = KeyFilter::new();
        assert!(filter.may_hold(Table::RegionFirstWord, "Bé"));
        assert!(!filter.may_hold(Table::RegionFirstWord, "Be"));
    }
}
