//! Where each pane goes for a terminal size. Pure, so `update` uses it too
//! (mouse hit-testing, page sizes, wrap width).

use crate::app::Pane;
use ratatui::layout::Rect;

/// Below this width the screen shows only a "too small" notice.
pub const MIN_WIDTH: u16 = 24;
/// Below this height the screen shows only a "too small" notice.
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, all three panes stand side by side.
pub const THREE_PANES: u16 = 100;
/// From this width on, list and reader stand side by side; below, stacked.
pub const TWO_PANES: u16 = 60;

/// The rectangles of one frame. A pane that is folded away is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The article list.
    pub list: Option<Rect>,
    /// The reader.
    pub reader: Option<Rect>,
    /// The entity sidebar.
    pub sidebar: Option<Rect>,
    /// The one-line status bar.
    pub status: Option<Rect>,
    /// True when the terminal is below the minimum size.
    pub too_small: bool,
}

impl Areas {
    /// The rectangle of a pane, if shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Sidebar => self.sidebar,
        }
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        [Pane::List, Pane::Reader, Pane::Sidebar]
            .into_iter()
            .find(|&p| self.pane(p).is_some_and(|r| contains(r, column, row)))
    }
}

/// True when the cell lies inside the rectangle.
pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The official finder's popup in a frame `area`: its input line is the
/// first inside it, its rows of officials the others.
pub fn finder_rect(area: Rect) -> Rect {
    centred(
        area,
        area.width.saturating_sub(4).min(72),
        area.height.saturating_sub(2).min(20),
    )
}

/// The finder's rows of officials in a frame `area`: inside the popup,
/// below its input line.
pub fn finder_rows(area: Rect) -> Rect {
    let inside = inner(finder_rect(area));
    Rect {
        y: inside.y.saturating_add(1),
        height: inside.height.saturating_sub(1),
        ..inside
    }
}

/// The first official shown in the finder's `rows` rows when `selected`
/// is selected: the list scrolls only to keep the selection in view.
pub fn finder_offset(selected: usize, rows: usize) -> usize {
    selected.saturating_sub(rows.saturating_sub(1))
}

/// Lays out a frame. When the sidebar is folded away (narrow terminals) and
/// focused, it takes the reader's place.
pub fn areas(area: Rect, focus: Pane) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let panes = Rect {
        height: area.height - 1,
        ..area
    };
    let status = Some(Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    });
    let w = panes.width;
    if w >= THREE_PANES {
        // The sidebar carries `position · institution` lines: give it room.
        let list_w = (w * 30 / 100).clamp(28, 50);
        let side_w = (w * 28 / 100).clamp(28, 44);
        let reader_w = w - list_w - side_w;
        return Areas {
            list: Some(Rect {
                width: list_w,
                ..panes
            }),
            reader: Some(Rect {
                x: panes.x + list_w,
                width: reader_w,
                ..panes
            }),
            sidebar: Some(Rect {
                x: panes.x + list_w + reader_w,
                width: side_w,
                ..panes
            }),
            status,
            too_small: false,
        };
    }
    let (list, other) = if w >= TWO_PANES {
        let list_w = (w * 38 / 100).clamp(24, 40);
        (
            Rect {
                width: list_w,
                ..panes
            },
            Rect {
                x: panes.x + list_w,
                width: w - list_w,
                ..panes
            },
        )
    } else {
        let list_h = (panes.height * 2 / 5).max(3);
        (
            Rect {
                height: list_h,
                ..panes
            },
            Rect {
                y: panes.y + list_h,
                height: panes.height - list_h,
                ..panes
            },
        )
    };
    let sidebar_shown = focus == Pane::Sidebar;
    Areas {
        list: Some(list),
        reader: (!sidebar_shown).then_some(other),
        sidebar: sidebar_shown.then_some(other),
        status,
        too_small: false,
    }
}

/// The width the reader wraps text to (its inside), whether shown or not.
pub fn reader_text_width(area: Rect) -> u16 {
    areas(area, Pane::Reader)
        .reader
        .map_or(0, |r| inner(r).width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_shows_three_panes_narrow_folds_then_stacks() {
        let a = areas(Rect::new(0, 0, 120, 40), Pane::List);
        assert!(a.list.is_some() && a.reader.is_some() && a.sidebar.is_some());
        let a = areas(Rect::new(0, 0, 80, 24), Pane::List);
        assert!(a.sidebar.is_none());
        assert_eq!(a.list.unwrap().y, a.reader.unwrap().y);
        let a = areas(Rect::new(0, 0, 40, 12), Pane::Sidebar);
        assert!(a.reader.is_none());
        assert!(a.list.unwrap().y < a.sidebar.unwrap().y);
        assert!(areas(Rect::new(0, 0, 12, 4), Pane::List).too_small);
    }

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for w in MIN_WIDTH..=200 {
            for h in MIN_HEIGHT..=60 {
                let area = Rect::new(0, 0, w, h);
                let a = areas(area, Pane::List);
                let total: u32 = [a.list, a.reader, a.sidebar, a.status]
                    .into_iter()
                    .flatten()
                    .map(|r| r.width as u32 * r.height as u32)
                    .sum();
                assert_eq!(total, w as u32 * h as u32, "{w}x{h}");
            }
        }
    }
}
