//! The reader: which article is open, its wrapped lines, scrolling and
//! jumping between mentions.

use super::action::RawRead;
use super::sidebar;
use super::state::{HeaderKind, OpenBody, RawRequest, RawText, State};
use crate::app::Pane;
use crate::corpus::{read_raw, Article, RawError, TitleSource};
use crate::entities::{EntityKind, Span};
use crate::ui::layout::{areas, inner, reader_text_width};
use crate::ui::strings::{tr, trf, Lang, S};
use crate::ui::wrap::wrap;
use ratatui::layout::Rect;
use std::borrow::Cow;
use std::sync::Arc;

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

/// The text the reader shows below the header: the clean body, or in raw
/// mode the raw file (a placeholder while it is read, or why it is missing).
/// The open article's body is borrowed from [`OpenBody`]; any other article
/// is decompressed.
pub fn body_text<'a>(state: &'a State, article: &'a Article) -> Cow<'a, str> {
    if !state.reader.raw {
        return match &state.reader.body {
            Some(b) if Some(b.article) == state.reader.article && b.hash == article.hash => {
                Cow::Borrowed(&b.text)
            }
            _ => article.body.text(),
        };
    }
    match state.reader.raw_text.as_ref().and_then(|t| t.text.as_ref()) {
        Some(Ok(text) | Err(text)) => Cow::Borrowed(text),
        None => Cow::Borrowed(tr(state.lang, S::RawLoading)),
    }
}

/// Keeps the open article's body text in step with the open article:
/// decompresses it when another article (or library) is shown, and forgets
/// it when none is.
fn want_body(state: &mut State) {
    let Some((article, a)) = state.reader.article.zip(state.article()) else {
        state.reader.body = None;
        return;
    };
    let current = state.reader.body.as_ref();
    if current.is_some_and(|b| b.article == article && b.hash == a.hash) {
        return;
    }
    let body = OpenBody {
        article,
        hash: a.hash,
        text: Arc::from(a.body.text()),
    };
    state.reader.body = Some(body);
}

/// Why the raw text of an article is not shown, for people.
pub fn raw_error(e: &RawError, lang: Lang) -> String {
    match e {
        RawError::Changed => tr(lang, S::RawChanged).to_string(),
        RawError::Unreadable(why) => trf(lang, S::RawUnreadable, &[why]),
    }
}

/// Reads the raw text a request asks for: file IO, for the event loop (or a
/// test) to run outside [`super::update`].
pub fn read_raw_request(request: &RawRequest) -> RawRead {
    let article = &request.lib.articles()[request.article];
    RawRead {
        article: request.article,
        hash: article.hash,
        text: read_raw(article),
    }
}

/// Keeps the raw text in step with the open article: queues a read when raw
/// mode shows an article whose text is not there (or is another's), and
/// forgets it outside raw mode.
fn want_raw(state: &mut State) {
    let wanted = match (state.reader.raw, &state.lib, state.reader.article) {
        (true, Some(lib), Some(a)) => lib.articles().get(a).map(|x| (lib.clone(), a, x.hash)),
        _ => None,
    };
    let Some((lib, article, hash)) = wanted else {
        state.reader.raw_text = None;
        return;
    };
    let current = state.reader.raw_text.as_ref();
    if current.is_some_and(|t| t.article == article && t.hash == hash) {
        return;
    }
    state.reader.raw_text = Some(RawText {
        article,
        hash,
        text: None,
    });
    state.raw_requests.clear();
    state.raw_requests.push(RawRequest { lib, article });
}

/// Takes in a raw text that was read, when it is still the one shown.
pub fn raw_read(state: &mut State, read: RawRead) {
    let lang = state.lang;
    let Some(t) = state.reader.raw_text.as_mut() else {
        return;
    };
    if t.article != read.article || t.hash != read.hash || t.text.is_some() {
        return;
    }
    t.text = Some(read.text.map_err(|e| raw_error(&e, lang)));
    rewrap(state);
}

/// Re-wraps the open article when the pane width changed, keeping the same
/// text at the top; clamps the scroll when only the height changed.
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
    } else {
        // a taller pane shows more lines: the last page may start earlier
        state.reader.scroll = state.reader.scroll.min(max_scroll(state));
    }
}

/// Wraps the open article (header and body or raw text) to the pane width.
pub fn rewrap(state: &mut State) {
    let (w, h) = state.size;
    let width = reader_text_width(Rect::new(0, 0, w, h));
    state.reader.width = width;
    want_body(state);
    want_raw(state);
    let lang = state.lang;
    let (header, lines) = match state.article() {
        Some(a) => (
            header_lines(a, width as usize, lang),
            wrap(&body_text(state, a), width as usize),
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

/// The mentions of the reader's target entity in the open article, in
/// text order; while the library has no entities yet, those of the found
/// row aimed at (see [`super::found`]).
pub fn target_spans(state: &State) -> Vec<Span> {
    match (&state.lib, state.reader.article, state.reader.target) {
        (Some(lib), Some(a), Some(target)) => lib.spans(a, target),
        _ => super::found::target_spans(state)
            .map(<[Span]>::to_vec)
            .unwrap_or_default(),
    }
}

/// Every mention in the open article with its kind, for the reader to
/// colour: while the library has no entities, the ones found apart (there
/// are found rows only then), else the library's.
pub fn mention_spans(state: &State) -> Vec<(Span, EntityKind)> {
    let (Some(lib), Some(a)) = (&state.lib, state.reader.article) else {
        return Vec::new();
    };
    super::found::mentions(state).unwrap_or_else(|| lib.all_spans(a))
}

/// Jumps to the next (`forward`) or previous mention of the reader's target
/// entity in the open article, wrapping around. In raw mode mentions are not
/// shown, so nothing moves.
pub fn jump(state: &mut State, forward: bool) {
    if state.reader.raw {
        return;
    }
    let spans = target_spans(state);
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
