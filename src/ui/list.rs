//! The article list pane.

use super::layout::inner;
use super::strings::{tr, trf, S};
use super::text::{fit_styled, highlighted};
use super::{is_focused, notice, pane_block};
use crate::app::{Pane, SortKey, State};
use crate::search::{highlight, FilterQuery};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the list into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let focused = is_focused(state, Pane::List);
    let lang = state.lang;
    let total = state.lib.as_ref().map_or(0, |l| l.articles().len());
    let mut title = format!(
        "{} {}/{}",
        tr(lang, S::Articles),
        state.list.visible.len(),
        total
    );
    let sort = match state.list.sort {
        SortKey::Date => S::SortDate,
        SortKey::Title => S::SortTitle,
        SortKey::Relevance => S::SortRelevance,
    };
    title.push_str(&format!(" · {}", tr(lang, sort)));
    if let Some(e) = &state.list.entity {
        title.push_str(&format!(" · {}", e.label));
    }
    if state.list.bookmarks_only {
        title.push_str(&format!(" · {}", tr(lang, S::BookmarksOnly)));
    }
    if state.list.unread_only {
        title.push_str(&format!(" · {}", tr(lang, S::UnreadOnly)));
    }
    frame.render_widget(pane_block(&state.theme, title, focused), area);
    let inner = inner(area);
    let Some(lib) = &state.lib else {
        let message = match &state.load_error {
            Some(e) => trf(lang, S::LoadFailed, &[e]),
            None => match state.load_progress {
                Some(p) if p.indexing => {
                    super::status::entities_progress_text(lang, Some(&p), p.articles)
                }
                Some(p) if p.files_total > 0 || p.files_found > 0 => {
                    super::status::progress_text(lang, &p)
                }
                _ => tr(lang, S::Loading).to_string(),
            },
        };
        return notice(&state.theme, frame, inner, &message);
    };
    if state.list.visible.is_empty() {
        let message = if total == 0 {
            S::EmptyCorpus
        } else {
            S::NoArticles
        };
        return notice(&state.theme, frame, inner, tr(lang, message));
    }
    let width = inner.width as usize;
    let query = state
        .list
        .filter
        .is_active()
        .then(|| FilterQuery::new(&state.list.filter.text));
    let offset = state
        .list
        .offset
        .min(state.list.visible.len().saturating_sub(1));
    let lines: Vec<Line> = state.list.visible[offset..]
        .iter()
        .take(inner.height as usize)
        .enumerate()
        .map(|(row, &i)| {
            let a = &lib.articles()[i];
            let selected = offset + row == state.list.selected;
            let base = match (selected, focused) {
                (true, true) => state.theme.selected(),
                (true, false) => state.theme.selected_unfocused(),
                _ => Style::new(),
            };
            let mut prefix = String::new();
            prefix.push(if selected { '▶' } else { ' ' });
            prefix.push(if state.bookmarks.contains(&i) {
                '★'
            } else {
                ' '
            });
            prefix.push(if state.read.contains(&i) { ' ' } else { '•' });
            prefix.push(' ');
            if width >= 30 {
                let date = a.date.map_or(String::new(), |d| d.to_string());
                prefix.push_str(&format!("{date:<10} "));
            }
            let mut spans: Vec<Span> = fit_styled(
                prefix.chars().map(|c| (c, base.patch(state.theme.dim()))),
                width,
            );
            let left = width.saturating_sub(super::text::spans_width(&spans));
            let marks = query
                .as_ref()
                .map(|q| highlight(&a.title, q, state.scorer.as_ref()))
                .unwrap_or_default();
            spans.extend(highlighted(
                &a.title,
                &marks,
                base,
                state.theme.matched(),
                left,
            ));
            let used = super::text::spans_width(&spans);
            if selected && used < width {
                spans.push(Span::styled(" ".repeat(width - used), base));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
