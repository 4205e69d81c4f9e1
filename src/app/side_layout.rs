//! Where each shown sidebar row falls among the display lines (group
//! headers, names, officials' `position · institution` lines), kept as runs
//! of rows of one kind so that a line is found by binary search. Listing
//! every line on each draw and key press took 8–12 ms of the UI thread in
//! the corpus scope at 100 000 articles (a row per figure).

use super::rows::Rows;
use crate::entities::EntityKind;

/// One line of the sidebar as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideLine {
    /// A group header with the number of rows shown in the group.
    Header {
        /// The group.
        kind: EntityKind,
        /// Rows shown in it.
        count: usize,
    },
    /// The name line of the row at this position of `visible`.
    Name(usize),
    /// The `position · institution` line of an official at this position.
    Detail(usize),
}

/// A run of shown rows of one kind, under one header.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    kind: EntityKind,
    /// Position in `visible` of its first row.
    first: usize,
    /// Rows in it.
    len: usize,
    /// Its header's line.
    line: usize,
    /// For officials: how many of its rows before each one (and after the
    /// last) have a second line; empty for other kinds.
    details: Vec<u32>,
}

impl Run {
    fn details_before(&self, k: usize) -> usize {
        self.details.get(k).map_or(0, |&d| d as usize)
    }

    /// Lines the run takes, its header included.
    fn lines(&self) -> usize {
        1 + self.len + self.details_before(self.len)
    }
}

/// The display lines of the shown rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideLayout {
    runs: Vec<Run>,
    /// Rows shown per kind, for the headers.
    counts: Vec<(EntityKind, usize)>,
    total: usize,
}

impl SideLayout {
    /// The layout of `visible` (indices into `rows`): a header wherever
    /// the kind changes, a name line per row, a second line for officials
    /// with a detail.
    pub fn new(rows: &Rows, visible: &[usize]) -> SideLayout {
        let mut runs: Vec<Run> = Vec::new();
        let mut counts: Vec<(EntityKind, usize)> = Vec::new();
        let mut line = 0;
        for (pos, &i) in visible.iter().enumerate() {
            let kind = rows.kind(i);
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((kind, 1)),
            }
            if runs.last().is_none_or(|r| r.kind != kind) {
                if let Some(last) = runs.last() {
                    line += last.lines();
                }
                let details = if kind == EntityKind::Official {
                    vec![0]
                } else {
                    Vec::new()
                };
                runs.push(Run {
                    kind,
                    first: pos,
                    len: 0,
                    line,
                    details,
                });
            }
            let run = runs.last_mut().expect("a run was just pushed");
            run.len += 1;
            if kind == EntityKind::Official {
                let before = run.details.last().copied().unwrap_or(0);
                run.details.push(before + u32::from(rows.has_detail(i)));
            }
        }
        let total = runs.last().map_or(0, |r| r.line + r.lines());
        SideLayout {
            runs,
            counts,
            total,
        }
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.total
    }

    /// True when nothing is shown.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The line at `line`, if there is one.
    pub fn at(&self, line: usize) -> Option<SideLine> {
        if line >= self.total {
            return None;
        }
        let run = &self.runs[self.runs.partition_point(|r| r.line <= line) - 1];
        let kind = run.kind;
        let Some(k) = (line - run.line).checked_sub(1) else {
            let count = self
                .counts
                .iter()
                .find(|(c, _)| *c == kind)
                .map_or(0, |&(_, n)| n);
            return Some(SideLine::Header { kind, count });
        };
        if run.details.is_empty() {
            return Some(SideLine::Name(run.first + k));
        }
        // the last row whose name line is at or before `k` (row 0's is 0)
        let (mut row, mut after) = (0, run.len);
        while after - row > 1 {
            let mid = row + (after - row) / 2;
            if mid + run.details_before(mid) <= k {
                row = mid;
            } else {
                after = mid;
            }
        }
        let name = row + run.details_before(row);
        Some(if k == name {
            SideLine::Name(run.first + row)
        } else {
            SideLine::Detail(run.first + row)
        })
    }

    /// The lines from `from`, at most `count` of them.
    pub fn lines(&self, from: usize, count: usize) -> Vec<SideLine> {
        (from..self.total.min(from.saturating_add(count)))
            .filter_map(|l| self.at(l))
            .collect()
    }

    /// The name line of the row at position `pos` of `visible`, whether a
    /// header is right above it, and whether a detail line follows it.
    pub fn name_line(&self, pos: usize) -> Option<(usize, bool, bool)> {
        let run = self.runs.get(
            self.runs
                .partition_point(|r| r.first <= pos)
                .checked_sub(1)?,
        )?;
        let k = pos.checked_sub(run.first).filter(|&k| k < run.len)?;
        let line = run.line + 1 + k + run.details_before(k);
        let detail = run.details_before(k + 1) > run.details_before(k);
        Some((line, k == 0, detail))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::library::{EntityRef, EntityRow};

    /// The lines as the sidebar listed them before runs: every one.
    fn every_line(rows: &Rows, visible: &[usize]) -> Vec<SideLine> {
        let mut counts: Vec<(EntityKind, usize)> = Vec::new();
        for &i in visible {
            match counts.iter_mut().find(|(k, _)| *k == rows.kind(i)) {
                Some((_, n)) => *n += 1,
                None => counts.push((rows.kind(i), 1)),
            }
        }
        let mut out = Vec::new();
        let mut current = None;
        for (pos, &i) in visible.iter().enumerate() {
            let kind = rows.kind(i);
            if current != Some(kind) {
                let count = counts.iter().find(|(k, _)| *k == kind).unwrap().1;
                out.push(SideLine::Header { kind, count });
                current = Some(kind);
            }
            out.push(SideLine::Name(pos));
            if kind == EntityKind::Official && rows.has_detail(i) {
                out.push(SideLine::Detail(pos));
            }
        }
        out
    }

    fn row(target: EntityRef, detail: bool) -> EntityRow {
        EntityRow {
            target,
            name: "x".into(),
            detail: detail.then(|| "d".into()),
            articles: 1,
        }
    }

    #[test]
    fn lines_found_by_search_equal_every_line_listed() {
        let rows = Rows::from(vec![
            row(EntityRef::Official(0), true),
            row(EntityRef::Official(1), false),
            row(EntityRef::Official(2), true),
            row(EntityRef::Official(3), true),
            row(EntityRef::Organization(0), true),
            row(EntityRef::Organization(1), false),
            row(EntityRef::Place(0), false),
            row(EntityRef::Program(0), true),
            row(
                EntityRef::Figure {
                    article: 0,
                    index: 0,
                },
                true,
            ),
            row(
                EntityRef::Figure {
                    article: 0,
                    index: 1,
                },
                true,
            ),
        ]);
        let orders: Vec<Vec<usize>> = vec![
            (0..10).collect(),
            vec![1, 0, 3, 2, 5, 4, 6, 7, 9, 8],
            // kinds interleaved: a header each time the kind changes
            vec![0, 4, 1, 8, 2, 6, 3],
            vec![9],
            vec![2],
            vec![],
        ];
        for visible in orders {
            let layout = SideLayout::new(&rows, &visible);
            let all = every_line(&rows, &visible);
            assert_eq!(layout.len(), all.len(), "{visible:?}");
            assert_eq!(layout.lines(0, usize::MAX), all, "{visible:?}");
            for from in 0..=all.len() {
                for count in [0, 1, 3] {
                    let end = (from + count).min(all.len());
                    assert_eq!(layout.lines(from, count), all[from..end]);
                }
            }
            assert_eq!(layout.at(all.len()), None);
            for pos in 0..visible.len() {
                let name = all.iter().position(|l| *l == SideLine::Name(pos)).unwrap();
                let header = name > 0 && matches!(all[name - 1], SideLine::Header { .. });
                let detail = all.get(name + 1) == Some(&SideLine::Detail(pos));
                assert_eq!(layout.name_line(pos), Some((name, header, detail)));
            }
            assert_eq!(layout.name_line(visible.len()), None);
        }
    }
}
