//! Checking bytes read from disk against the packed shape before
//! anything is unpacked from them.

/// Walks packed bytes the way `Reader` does, checking each length
/// against the bytes left (see [`super::PackedEntities::from_bytes`]).
pub(super) fn well_formed(bytes: &[u8]) -> bool {
    struct Check<'a>(&'a [u8]);
    impl Check<'_> {
        fn num(&mut self) -> Option<usize> {
            let mut n = 0usize;
            for (i, &b) in self.0.iter().enumerate().take(9) {
                n |= usize::from(b & 0x7f) << (7 * i);
                if b & 0x80 == 0 {
                    self.0 = &self.0[i + 1..];
                    return Some(n);
                }
            }
            None
        }
        /// A count of items that take at least a byte each.
        fn count(&mut self) -> Option<usize> {
            self.num().filter(|&n| n <= self.0.len())
        }
        fn text(&mut self, len: usize) -> Option<()> {
            let (text, rest) = self.0.split_at_checked(len)?;
            std::str::from_utf8(text).ok()?;
            self.0 = rest;
            Some(())
        }
        fn string(&mut self) -> Option<()> {
            let len = self.num()?;
            self.text(len)
        }
        fn optional(&mut self) -> Option<()> {
            match self.num()? {
                0 => Some(()),
                n => self.text(n - 1),
            }
        }
        fn strings(&mut self) -> Option<()> {
            (0..self.count()?).try_for_each(|_| self.string())
        }
        fn spans(&mut self) -> Option<()> {
            (0..self.count()?).try_for_each(|_| {
                let start = self.num()?;
                start.checked_add(self.num()?).map(|_| ())
            })
        }
        /// A name, its optional expansion and its spans (organisations,
        /// programmes).
        fn expanded(&mut self) -> Option<()> {
            self.string()?;
            self.optional()?;
            self.spans()
        }
        fn byte(&mut self) -> Option<()> {
            let (_, rest) = self.0.split_first()?;
            self.0 = rest;
            Some(())
        }
    }
    let mut c = Check(bytes);
    let walk = (|| {
        let mut counts = [0; 5];
        for n in &mut counts {
            *n = c.count()?;
        }
        for _ in 0..counts[0] {
            c.string()?;
            c.string()?;
            c.optional()?;
            c.strings()?;
            c.strings()?;
            c.strings()?;
            c.spans()?;
        }
        for _ in 0..counts[1] {
            c.expanded()?;
        }
        for _ in 0..counts[2] {
            c.string()?;
            c.byte()?;
            c.spans()?;
        }
        for _ in 0..counts[3] {
            c.expanded()?;
        }
        for _ in 0..counts[4] {
            c.string()?;
            c.spans()?;
        }
        Some(())
    })();
    walk.is_some() && c.0.is_empty()
}
