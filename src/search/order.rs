//! The order in which the filter visits candidates.

use super::scratch::at_least;
use std::cmp::Reverse;

/// Candidates by descending bound, index order within a bound: a stable
/// counting sort, since bounds span a small range of values. Written to
/// the start of `out` (grown when short), which is given back.
pub(super) fn by_bound<'a>(
    candidates: &[(u32, i64)],
    out: &'a mut Vec<(u32, i64)>,
) -> &'a [(u32, i64)] {
    let out = at_least(out, candidates.len());
    let (Some(lo), Some(hi)) = (
        candidates.iter().map(|c| c.1).min(),
        candidates.iter().map(|c| c.1).max(),
    ) else {
        return out;
    };
    let span = hi.abs_diff(lo);
    if span > 1 << 16 {
        out.copy_from_slice(candidates);
        out.sort_by_key(|&(_, b)| Reverse(b));
        return out;
    }
    // Slot 0 holds the highest bound.
    let slot = |b: i64| hi.abs_diff(b) as usize;
    let mut starts = vec![0usize; span as usize + 2];
    for &(_, b) in candidates {
        starts[slot(b) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    for &(d, b) in candidates {
        let s = &mut starts[slot(b)];
        out[*s] = (d, b);
        *s += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    /// Orders into a buffer that already holds stale items.
    fn by_bound(candidates: &[(u32, i64)]) -> Vec<(u32, i64)> {
        let mut out = vec![(9, 9); candidates.len() + 3];
        super::by_bound(candidates, &mut out).to_vec()
    }

    #[test]
    fn candidates_go_by_descending_bound_then_index() {
        let c = [(0, 5), (1, -3), (2, 7), (3, 5), (4, -3), (5, 7)];
        assert_eq!(
            by_bound(&c),
            [(2, 7), (5, 7), (0, 5), (3, 5), (1, -3), (4, -3)]
        );
        assert!(by_bound(&[]).is_empty());
    }

    #[test]
    fn bounds_far_apart_keep_the_same_order() {
        let c = [
            (0, i64::MIN / 2),
            (1, i64::MAX / 2),
            (2, 0),
            (3, i64::MAX / 2),
        ];
        assert_eq!(
            by_bound(&c),
            [
                (1, i64::MAX / 2),
                (3, i64::MAX / 2),
                (2, 0),
                (0, i64::MIN / 2)
            ]
        );
    }
}
