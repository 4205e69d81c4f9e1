//! The reader pane: header, then the body with entity mentions coloured.

use super::layout::inner;
use super::strings::{tr, trf, S};
use super::text::{fit_styled, plain};
use super::theme::Theme;
use super::{is_focused, notice, pane_block};
use crate::app::reader::body_text;
use crate::app::{HeaderKind, Pane, State};
use crate::entities::{EntityKind, Span as ByteSpan};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the reader into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let lang = state.lang;
    let r = &state.reader;
    let mut title = tr(lang, S::Reader).to_string();
    if r.raw {
        title.push_str(&format!(" ({})", tr(lang, S::RawTag)));
    }
    let total = r.total_lines();
    if total > 0 {
        let pos = trf(lang, S::LinePos, &[&(r.scroll + 1).min(total), &total]);
        title.push_str(&format!(" · {pos}"));
    }
    frame.render_widget(
        pane_block(&state.theme, title, is_focused(state, Pane::Reader)),
        area,
    );
    let inner = inner(area);
    let Some(article) = state.article() else {
        if state.lib.is_some() {
            notice(&state.theme, frame, inner, tr(lang, S::NoArticleOpen));
        }
        return;
    };
    let width = inner.width as usize;
    let text = body_text(state, article);
    let (mentions, targets, current) = if r.raw {
        (Vec::new(), Vec::new(), None)
    } else {
        let targets = crate::app::reader::target_spans(state);
        let current = r.mention.and_then(|m| targets.get(m).copied());
        (crate::app::reader::mention_spans(state), targets, current)
    };
    let lines: Vec<Line> = (r.scroll..total)
        .take(inner.height as usize)
        .map(|i| match r.header.get(i) {
            Some((kind, s)) => {
                let style = match kind {
                    HeaderKind::Title => state.theme.heading(),
                    HeaderKind::Meta => state.theme.dim(),
                    HeaderKind::Path | HeaderKind::Blank => state.theme.faint(),
                };
                Line::from(plain(s, style, width))
            }
            None => {
                let range = r.lines[i - r.header.len()].clone();
                body_line(
                    &state.theme,
                    &text,
                    range,
                    &mentions,
                    &targets,
                    current,
                    width,
                )
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One wrapped body line with mentions coloured by kind, the target entity's
/// mentions underlined and the current mention highlighted.
fn body_line(
    theme: &Theme,
    text: &str,
    range: std::ops::Range<usize>,
    mentions: &[(ByteSpan, EntityKind)],
    targets: &[ByteSpan],
    current: Option<ByteSpan>,
    width: usize,
) -> Line<'static> {
    let Some(slice) = text.get(range.clone()) else {
        return Line::default();
    };
    let here: Vec<&(ByteSpan, EntityKind)> = mentions
        .iter()
        .filter(|(s, _)| s.start < range.end && s.end > range.start)
        .collect();
    let here_targets: Vec<&ByteSpan> = targets
        .iter()
        .filter(|s| s.start < range.end && s.end > range.start)
        .collect();
    let chars = slice.char_indices().map(|(off, c)| {
        let at = range.start + off;
        let inside = |s: &ByteSpan| s.start <= at && at < s.end;
        let mut style = here
            .iter()
            .find(|(s, _)| inside(s))
            .map_or(Style::new(), |(_, k)| theme.kind(*k));
        if here_targets.iter().any(|s| inside(s)) {
            style = style.patch(theme.target());
        }
        if current.as_ref().is_some_and(inside) {
            style = style.patch(theme.current_mention());
        }
        (c, style)
    });
    Line::from(fit_styled(chars, width))
}
