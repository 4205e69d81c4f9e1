//! The reader: which article is open, its wrapped lines, scrolling and
//! jumping between mentions.

use super::sidebar;
use super::state::{HeaderKind, State};
use crate::app::Pane;
use crate::corpus::{Article, TitleSource};
use crate::ui::layout::{areas, inner, reader_text_width};
use crate::ui::strings::{tr, trf, Lang, S};
use crate::ui::wrap::wrap;
use ratatui::layout::Rect;

/// Opens an article (or none) at the top, restarts the read timer, and
/// refreshes the sidebar rows.
pub fn open(state: &mut State, article: Option<usize>) {
    state.reader.article = article;
    state.read_timer = super::state::ReadTimer { article, ticks: 0 };
    state.reader.scroll = 0;
    state.reader.mention = None;
    rewrap(state);
    sidebar::refresh_rows(state);
}

/// The text the reader shows below the header: the clean body or the raw file.
pub fn body_text(article: &Article, raw: bool) -> &str {
    if raw {
        &article.raw
    } else {
        &article.body
    }
}

/// Re-wraps the open article when the pane width changed, keeping the same
/// text at the top.
pub fn relayout(state: &mut State) {
    let (w, h) = state.size;
    if reader_text_width(Rect::new(0, 0, w, h)) != state.reader.width {
        // keep the first body line on screen the first one after re-wrapping
        let r = &state.reader;
        let top = r
            .scroll
            .checked_sub(r.header.len())
            .and_then(|i| r.lines.get(i))
            .map(|l| l.start);
        rewrap(state);
        if let Some(offset) = top {
            state.reader.scroll = line_of(state, offset).min(max_scroll(state));
        }
    }
}

/// Wraps the open article (header and body or raw text) to the pane width.
pub fn rewrap(state: &mut State) {
    let (w, h) = state.size;
    let width = reader_text_width(Rect::new(0, 0, w, h));
    state.reader.width = width;
    let lang = state.lang;
    let raw = state.reader.raw;
    let (header, lines) = match state.article() {
        Some(a) => (
            header_lines(a, width as usize, lang),
            wrap(body_text(a, raw), width as usize),
        ),
        None => (Vec::new(), Vec::new()),
    };
    state.reader.header = header;
    state.reader.lines = lines;
    state.reader.scroll = state.reader.scroll.min(max_scroll(state));
}

fn header_lines(a: &Article, width: usize, lang: Lang) -> Vec<(HeaderKind, String)> {
    let mut meta = vec![a
        .date
        .map_or_else(|| tr(lang, S::NoDate).to_string(), |d| d.to_string())];
    meta.extend(a.site.clone());
    meta.extend(a.author.as_ref().map(|x| trf(lang, S::By, &[x])));
    meta.extend(a.dateline.as_ref().map(|x| trf(lang, S::Dateline, &[x])));
    if a.title_source == TitleSource::Lead {
        meta.push(tr(lang, S::LeadTitle).to_string());
    }
    let path = a.path_label();
    let mut out = Vec::new();
    for (kind, text) in [
        (HeaderKind::Title, a.title.as_str()),
        (HeaderKind::Meta, meta.join(" · ").as_str()),
        (HeaderKind::Path, path.as_str()),
    ] {
        out.extend(
            wrap(text, width)
                .into_iter()
                .map(|r| (kind, text[r].to_string())),
        );
    }
    out.push((HeaderKind::Blank, String::new()));
    out
}

/// Rows of text the reader shows at once.
pub fn page_height(state: &State) -> usize {
    let (w, h) = state.size;
    areas(Rect::new(0, 0, w, h), Pane::Reader)
        .reader
        .map_or(1, |r| inner(r).height.max(1) as usize)
}

/// The largest useful scroll position.
pub fn max_scroll(state: &State) -> usize {
    state
        .reader
        .total_lines()
        .saturating_sub(page_height(state))
}

/// Scrolls by `delta` lines, clamped.
pub fn scroll_by(state: &mut State, delta: isize) {
    state.reader.scroll = state
        .reader
        .scroll
        .saturating_add_signed(delta)
        .min(max_scroll(state));
}

/// The reader line (header included) that holds body byte `offset`.
pub fn line_of(state: &State, offset: usize) -> usize {
    let lines = &state.reader.lines;
    let body_line = lines
        .partition_point(|r| r.start <= offset)
        .saturating_sub(1);
    state.reader.header.len() + body_line
}

/// Jumps to the next (`forward`) or previous mention of the reader's target
/// entity in the open article, wrapping around. In raw mode mentions are not
/// shown, so nothing moves.
pub fn jump(state: &mut State, forward: bool) {
    let (Some(lib), Some(a), Some(target)) =
        (state.lib.clone(), state.reader.article, state.reader.target)
    else {
        return;
    };
    if state.reader.raw {
        return;
    }
    let spans = lib.spans(a, target);
    if spans.is_empty() {
        state.reader.mention = None;
        return;
    }
    let n = spans.len();
    let next = match (state.reader.mention, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(m), true) => (m + 1) % n,
        (Some(m), false) => (m + n - 1) % n,
    };
    state.reader.mention = Some(next);
    let line = line_of(state, spans[next].start);
    let third = page_height(state) / 3;
    state.reader.scroll = line.saturating_sub(third).min(max_scroll(state));
}
