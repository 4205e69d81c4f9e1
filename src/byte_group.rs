//! Sixteen bytes compared at once: one bit per byte that passes a test.
//! With SSE2 (part of every x86_64) each test is a compare or two and a
//! `movemask`; elsewhere a loop over the bytes gives the same bits. The
//! scans that look at every byte or every token (the figure scan, a word's
//! run of letters, the extractor's passes over the tokens, the filter's
//! short fields) take sixteen at a time through this.

/// Sixteen bytes, compared all at once.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
pub struct ByteGroup(std::arch::x86_64::__m128i);

#[cfg(target_arch = "x86_64")]
impl ByteGroup {
    /// The group of `bytes`.
    #[inline(always)]
    pub fn load(bytes: &[u8; 16]) -> ByteGroup {
        // SAFETY: SSE2 is part of x86_64; the load reads the sixteen bytes
        // of `bytes`.
        ByteGroup(unsafe { std::arch::x86_64::_mm_loadu_si128(bytes.as_ptr().cast()) })
    }

    /// The group of `bytes[at..at + 16]`; panics when that is past the end.
    #[inline(always)]
    pub fn load_at(bytes: &[u8], at: usize) -> ByteGroup {
        assert!(at + 16 <= bytes.len(), "sixteen bytes from {at}");
        // SAFETY: SSE2 is part of x86_64, and the sixteen bytes read lie
        // inside `bytes` (checked above).
        ByteGroup(unsafe { std::arch::x86_64::_mm_loadu_si128(bytes.as_ptr().add(at).cast()) })
    }

    /// One bit per byte equal to `c`.
    #[inline(always)]
    pub fn eq(self, c: u8) -> u16 {
        use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8};
        // SAFETY: SSE2 is part of x86_64; these read only their arguments.
        unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(self.0, _mm_set1_epi8(c as i8))) as u16 }
    }

    /// One bit per byte below `n`, the bytes read as signed (every byte
    /// past ASCII is below every ASCII byte).
    #[inline(always)]
    pub fn lt(self, n: i8) -> u16 {
        use std::arch::x86_64::{_mm_cmplt_epi8, _mm_movemask_epi8, _mm_set1_epi8};
        // SAFETY: SSE2 is part of x86_64; these read only their arguments.
        unsafe { _mm_movemask_epi8(_mm_cmplt_epi8(self.0, _mm_set1_epi8(n))) as u16 }
    }

    /// One bit per byte in `lo..=hi`: two ASCII bytes, `hi` below DEL.
    #[inline(always)]
    pub fn within(self, lo: u8, hi: u8) -> u16 {
        use std::arch::x86_64::{
            _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_set1_epi8,
        };
        assert!(lo <= hi && hi < 0x7f, "within {lo}..={hi}");
        // SAFETY: SSE2 is part of x86_64; these read only their arguments.
        // Bytes past ASCII are negative as `i8`: below `lo`.
        unsafe {
            _mm_movemask_epi8(_mm_and_si128(
                _mm_cmpgt_epi8(self.0, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(self.0, _mm_set1_epi8(hi as i8 + 1)),
            )) as u16
        }
    }

    /// One bit per byte past ASCII (its high bit set).
    #[inline(always)]
    pub fn non_ascii(self) -> u16 {
        // SAFETY: SSE2 is part of x86_64; this reads only its argument.
        unsafe { std::arch::x86_64::_mm_movemask_epi8(self.0) as u16 }
    }

    /// One bit per byte that shares a set bit with `bits`.
    #[inline(always)]
    pub fn any_bit(self, bits: u8) -> u16 {
        use std::arch::x86_64::{
            _mm_and_si128, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8, _mm_setzero_si128,
        };
        // SAFETY: SSE2 is part of x86_64; these read only their arguments.
        let without = unsafe {
            _mm_movemask_epi8(_mm_cmpeq_epi8(
                _mm_and_si128(self.0, _mm_set1_epi8(bits as i8)),
                _mm_setzero_si128(),
            )) as u16
        };
        !without
    }

    /// Every byte with the bits of `bits` set as well.
    #[inline(always)]
    pub fn or(self, bits: u8) -> ByteGroup {
        use std::arch::x86_64::{_mm_or_si128, _mm_set1_epi8};
        // SAFETY: SSE2 is part of x86_64; these read only their arguments.
        ByteGroup(unsafe { _mm_or_si128(self.0, _mm_set1_epi8(bits as i8)) })
    }
}

/// Sixteen bytes, compared one by one.
#[cfg(not(target_arch = "x86_64"))]
#[derive(Clone, Copy)]
pub struct ByteGroup([u8; 16]);

#[cfg(not(target_arch = "x86_64"))]
impl ByteGroup {
    /// The group of `bytes`.
    #[inline(always)]
    pub fn load(bytes: &[u8; 16]) -> ByteGroup {
        ByteGroup(*bytes)
    }

    /// The group of `bytes[at..at + 16]`; panics when that is past the end.
    pub fn load_at(bytes: &[u8], at: usize) -> ByteGroup {
        ByteGroup(bytes[at..at + 16].try_into().expect("sixteen bytes"))
    }

    fn bits(self, test: impl Fn(u8) -> bool) -> u16 {
        self.0
            .iter()
            .enumerate()
            .fold(0, |m, (j, &b)| m | u16::from(test(b)) << j)
    }

    /// One bit per byte equal to `c`.
    pub fn eq(self, c: u8) -> u16 {
        self.bits(|b| b == c)
    }

    /// One bit per byte below `n`, the bytes read as signed.
    pub fn lt(self, n: i8) -> u16 {
        self.bits(|b| (b as i8) < n)
    }

    /// One bit per byte in `lo..=hi`: two ASCII bytes, `hi` below DEL.
    pub fn within(self, lo: u8, hi: u8) -> u16 {
        assert!(lo <= hi && hi < 0x7f, "within {lo}..={hi}");
        self.bits(|b| (lo..=hi).contains(&b))
    }

    /// One bit per byte past ASCII (its high bit set).
    pub fn non_ascii(self) -> u16 {
        self.bits(|b| !b.is_ascii())
    }

    /// One bit per byte that shares a set bit with `bits`.
    pub fn any_bit(self, bits: u8) -> u16 {
        self.bits(|b| b & bits != 0)
    }

    /// Every byte with the bits of `bits` set as well.
    pub fn or(self, bits: u8) -> ByteGroup {
        ByteGroup(self.0.map(|b| b | bits))
    }
}

#[cfg(test)]
mod tests {
    use super::ByteGroup;

    /// The bits `test` gives the bytes of `group`, one at a time.
    fn one_by_one(group: &[u8; 16], test: impl Fn(u8) -> bool) -> u16 {
        group
            .iter()
            .enumerate()
            .fold(0, |m, (j, &b)| m | u16::from(test(b)) << j)
    }

    #[test]
    fn every_test_gives_each_byte_its_own_answer() {
        for first in (0..=255u8).step_by(16) {
            let bytes: [u8; 16] = std::array::from_fn(|n| first + n as u8);
            let g = ByteGroup::load(&bytes);
            for c in [0, b'R', b'0', 0x7f, 0x80, 0xff] {
                assert_eq!(g.eq(c), one_by_one(&bytes, |b| b == c), "eq {c}");
            }
            for n in [-64, 0, 1, 127] {
                assert_eq!(g.lt(n), one_by_one(&bytes, |b| (b as i8) < n), "lt {n}");
            }
            for (lo, hi) in [(b'0', b'9'), (b'a', b'z'), (0, 0x7e), (b'R', b'R')] {
                let want = one_by_one(&bytes, |b| (lo..=hi).contains(&b));
                assert_eq!(g.within(lo, hi), want, "{lo}..={hi}");
            }
            assert_eq!(g.non_ascii(), one_by_one(&bytes, |b| !b.is_ascii()));
            let mut wider = [b'x'; 40];
            wider[7..23].copy_from_slice(&bytes);
            assert_eq!(ByteGroup::load_at(&wider, 7).eq(first), g.eq(first));
            for bits in [1, 0x20, 0x81, 0xff] {
                let want = one_by_one(&bytes, |b| b & bits != 0);
                assert_eq!(g.any_bit(bits), want, "any of {bits}");
                let or = bytes.map(|b| b | bits);
                assert_eq!(g.or(bits).eq(or[3]), one_by_one(&or, |b| b == or[3]));
            }
        }
    }
}
