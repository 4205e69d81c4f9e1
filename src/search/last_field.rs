//! The bound of the field a filter worker met last, for one query word.
//! Documents in index order often repeat a field one after another (every
//! figure row of an article carries its title), so a worker keeps the last
//! field's bound and takes it again for the next document that holds the
//! same field, instead of working it out again. A bound depends only on the
//! field and the word, so this changes no answer.

/// The last field met and its bound (`None`: the word does not match it).
#[derive(Debug, Clone, Copy, Default)]
pub(super) enum LastField {
    /// No field met yet.
    #[default]
    Unknown,
    /// Field id and its bound.
    Known(u32, Option<i64>),
}

impl LastField {
    /// The bound of field `id` when it is the last one met.
    #[inline]
    pub(super) fn get(&self, id: u32) -> Option<Option<i64>> {
        match *self {
            LastField::Known(at, bound) if at == id => Some(bound),
            _ => None,
        }
    }

    /// The bound of field `id`: kept, or worked out by `compute` and kept.
    #[inline]
    pub(super) fn get_or(&mut self, id: u32, compute: impl FnOnce() -> Option<i64>) -> Option<i64> {
        if let Some(bound) = self.get(id) {
            return bound;
        }
        let bound = compute();
        *self = LastField::Known(id, bound);
        bound
    }
}

#[cfg(test)]
mod tests {
    use super::LastField;

    #[test]
    fn keeps_only_the_last_field() {
        let mut last = LastField::default();
        assert_eq!(last.get(0), None);
        assert_eq!(last.get_or(3, || Some(7)), Some(7));
        assert_eq!(last.get_or(3, || unreachable!()), Some(7));
        assert_eq!(last.get_or(4, || None), None);
        assert_eq!(last.get(4), Some(None));
        assert_eq!(last.get(3), None, "an earlier field is not kept");
    }
}
