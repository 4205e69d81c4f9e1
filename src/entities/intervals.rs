//! Byte spans kept sorted by start with a running maximum of ends, so "does
//! any span overlap this one" and "does any span contain this one" are binary
//! searches instead of scans (scans made hostile articles quadratic).

use super::model::Span;

/// A set of spans answering overlap and containment queries in O(log n).
#[derive(Debug, Default, Clone)]
pub struct Intervals {
    spans: Vec<Span>,
    /// `max_end[i]` is the largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl Intervals {
    /// Builds the set from spans in any order.
    pub fn from(spans: &[Span]) -> Self {
        let mut out = Intervals {
            spans: spans.to_vec(),
            max_end: Vec::new(),
        };
        out.spans.sort();
        out.rebuild();
        out
    }

    fn rebuild(&mut self) {
        self.max_end.clear();
        let mut m = 0;
        for s in &self.spans {
            m = m.max(s.end);
            self.max_end.push(m);
        }
    }

    /// Adds a span: O(1) when spans come in order of start, as they do.
    pub fn push(&mut self, s: Span) {
        if self.spans.last().is_none_or(|l| l.start <= s.start) {
            let m = self.max_end.last().copied().unwrap_or(0).max(s.end);
            self.spans.push(s);
            self.max_end.push(m);
        } else {
            let at = self.spans.partition_point(|x| x.start <= s.start);
            self.spans.insert(at, s);
            self.rebuild();
        }
    }

    /// The spans, sorted by start.
    pub fn into_spans(self) -> Vec<Span> {
        self.spans
    }

    /// True when some span shares a byte with `s`.
    pub fn overlaps(&self, s: Span) -> bool {
        let k = self.spans.partition_point(|x| x.start < s.end);
        k > 0 && self.max_end[k - 1] > s.start
    }

    /// True when some span covers all of `start..end`.
    pub fn contains(&self, start: usize, end: usize) -> bool {
        let k = self.spans.partition_point(|x| x.start <= start);
        k > 0 && self.max_end[k - 1] >= end
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
        for a in 0..70 {
            for b in a + 1..72 {
                let q = Span::new(a, b);
                let overlap = spans.iter().any(|s| s.start < b && a < s.end);
                let inside = spans.iter().any(|s| s.start <= a && b <= s.end);
                assert_eq!(iv.overlaps(q), overlap, "{q:?}");
                assert_eq!(pushed.overlaps(q), overlap, "{q:?}");
                assert_eq!(iv.contains(a, b), inside, "{q:?}");
            }
        }
    }
}
