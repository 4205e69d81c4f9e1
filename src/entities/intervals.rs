//! Byte spans kept sorted by start with a running maximum of ends, so "does
//! any span overlap this one" and "does any span contain this one" are binary
//! searches instead of scans (scans made hostile articles quadratic).

use super::model::Span;

/// A set of spans answering overlap and containment queries in O(log n).
/// Offsets are stored as `u32` (the extractor reads at most 4 GiB of a
/// body): 12 bytes a span with its running maximum, not 24.
#[derive(Debug, Default, Clone)]
pub struct Intervals {
    /// `(start, end, max_end)`, sorted by start; `max_end` is the largest
    /// end among this span and those before it.
    spans: smallvec::SmallVec<[[u32; 3]; 2]>,
}

/// An offset as stored; offsets come from token bounds, which fit in `u32`.
fn narrow(x: usize) -> u32 {
    u32::try_from(x).expect("span offsets fit in u32")
}

impl Intervals {
    /// Builds the set from spans in any order.
    #[cfg(test)]
    pub fn from(spans: &[Span]) -> Self {
        let mut sorted = spans.to_vec();
        sorted.sort();
        let mut out = Intervals::default();
        sorted.into_iter().for_each(|s| out.push(s));
        out
    }

    fn rebuild(&mut self) {
        let mut m = 0;
        for s in &mut self.spans {
            m = m.max(s[1]);
            s[2] = m;
        }
    }

    /// Adds a span: O(1) when spans come in order of start, as they do.
    pub fn push(&mut self, s: Span) {
        let (start, end) = (narrow(s.start), narrow(s.end));
        if self.spans.len() == self.spans.capacity() {
            // Two held in place: most sets hold one or two.
            self.spans.reserve_exact(self.spans.len());
        }
        if self.spans.last().is_none_or(|l| l[0] <= start) {
            let m = self.spans.last().map_or(0, |l| l[2]).max(end);
            self.spans.push([start, end, m]);
        } else {
            let at = self.spans.partition_point(|x| x[0] <= start);
            self.spans.insert(at, [start, end, 0]);
            self.rebuild();
        }
    }

    /// Number of spans.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The spans, sorted by start (ties in the order pushed).
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.spans
            .iter()
            .map(|s| Span::new(s[0] as usize, s[1] as usize))
    }

    /// True when some span shares a byte with `s`.
    pub fn overlaps(&self, s: Span) -> bool {
        let (start, end) = (s.start as u64, s.end as u64);
        let k = self.spans.partition_point(|x| u64::from(x[0]) < end);
        k > 0 && u64::from(self.spans[k - 1][2]) > start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_scan() {
        let spans = [(10, 20), (0, 3), (5, 50), (60, 61), (30, 35)];
        let spans: Vec<Span> = spans.iter().map(|&(a, b)| Span::new(a, b)).collect();
        let iv = Intervals::from(&spans);
        let mut pushed = Intervals::default();
        spans.iter().for_each(|&s| pushed.push(s));
        assert_eq!(pushed.len(), spans.len());
        let mut sorted = spans.clone();
        sorted.sort();
        assert_eq!(pushed.spans().collect::<Vec<_>>(), sorted);
        for a in 0..70 {
            for b in a + 1..72 {
                let q = Span::new(a, b);
                let overlap = spans.iter().any(|s| s.start < b && a < s.end);
                assert_eq!(iv.overlaps(q), overlap, "{q:?}");
                assert_eq!(pushed.overlaps(q), overlap, "{q:?}");
            }
        }
    }
}
