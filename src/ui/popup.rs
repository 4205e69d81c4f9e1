//! Centred popups: the official finder and the help overlay.

use super::layout::{centred, finder_offset, finder_rect, finder_rows};
use super::status::{filter_prompt, filter_summary, prompt_room};
use super::strings::{tr, S};
use super::text::{highlighted, plain, spans_width};
use super::theme::Theme;
use super::wrap::str_width;
use crate::app::keymap::HelpLine;
use crate::app::library::post;
use crate::app::State;
use crate::search::{highlight, FilterQuery};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

fn popup_block(theme: &Theme, title: &str) -> Block<'static> {
    Block::bordered()
        .border_style(theme.focused_border())
        .title(Line::styled(format!(" {title} "), theme.focused_border()))
}

/// Draws the official finder.
pub fn finder(frame: &mut Frame, area: Rect, state: &State) {
    let (Some(f), Some(lib)) = (&state.finder, &state.lib) else {
        return;
    };
    let lang = state.lang;
    let rect = finder_rect(area);
    frame.render_widget(Clear, rect);
    frame.render_widget(popup_block(&state.theme, tr(lang, S::FinderTitle)), rect);
    let inner = super::layout::inner(rect);
    if inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    // Before the officials are in, there is nothing to match yet: a count
    // of 0 and "no official matches" would read as an answer.
    let summary = (!lib.partial).then(|| format!("  {}", filter_summary(lang, &f.filter)));
    let room = prompt_room(width, summary.as_deref().map_or(0, str_width));
    let mut input = plain(
        &filter_prompt(lang, &f.filter, room),
        state.theme.heading(),
        width,
    );
    if let Some(summary) = summary {
        let room = width.saturating_sub(spans_width(&input));
        input.extend(plain(&summary, state.theme.dim(), room));
    }
    let mut lines = vec![Line::from(input)];
    let rows = finder_rows(area).height as usize;
    if f.visible.is_empty() {
        let empty = if lib.partial {
            S::StillFinding
        } else {
            S::FinderEmpty
        };
        lines.push(Line::from(plain(tr(lang, empty), state.theme.dim(), width)));
    }
    let offset = finder_offset(f.selected, rows);
    let query = f
        .filter
        .is_active()
        .then(|| FilterQuery::new(&f.filter.text));
    for (pos, &o) in f.visible.iter().enumerate().skip(offset).take(rows) {
        let Some(official) = lib.official(o) else {
            continue;
        };
        let base = if pos == f.selected {
            state.theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let marks = query
            .as_ref()
            .map(|q| highlight(&official.name, q, state.scorer.as_ref()))
            .unwrap_or_default();
        let mut spans = highlighted(
            &official.name,
            &marks,
            base.patch(state.theme.kind(crate::entities::EntityKind::Official)),
            state.theme.matched(),
            width,
        );
        let role = official
            .main_role()
            .map(|r| post(&r.position, r.institution.as_deref()))
            .unwrap_or_default();
        let detail = format!("  {role} ({})", official.articles.len());
        let room = width.saturating_sub(spans_width(&spans));
        spans.extend(plain(&detail, base.patch(state.theme.dim()), room));
        let used = spans_width(&spans);
        if pos == f.selected && used < width {
            spans.push(Span::styled(" ".repeat(width - used), base));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the help overlay, generated from the keymap.
pub fn help(frame: &mut Frame, area: Rect, state: &State) {
    let lang = state.lang;
    let all = state.keymap.help_lines(lang);
    let rect = centred(
        area,
        area.width.saturating_sub(4).min(76),
        area.height.saturating_sub(2).min(all.len() as u16 + 2),
    );
    frame.render_widget(Clear, rect);
    let block = popup_block(&state.theme, tr(lang, S::HelpTitle)).title_bottom(Line::styled(
        format!(" {} ", tr(lang, S::HelpFooter)),
        state.theme.dim(),
    ));
    frame.render_widget(block, rect);
    let inner = super::layout::inner(rect);
    let width = inner.width as usize;
    let key_width = all
        .iter()
        .filter_map(|l| match l {
            HelpLine::Key { keys, .. } => Some(super::wrap::str_width(keys)),
            HelpLine::Heading(_) => None,
        })
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let height = inner.height as usize;
    let scroll = state
        .help
        .unwrap_or(0)
        .min(all.len().saturating_sub(height));
    let lines: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(height)
        .map(|l| match l {
            HelpLine::Heading(h) => Line::from(plain(h, state.theme.heading(), width)),
            HelpLine::Key { keys, text } => {
                let mut spans = plain(
                    keys,
                    state.theme.kind(crate::entities::EntityKind::Official),
                    key_width,
                );
                let pad = (key_width + 2).saturating_sub(spans_width(&spans));
                spans.push(Span::raw(" ".repeat(pad)));
                let room = width.saturating_sub(spans_width(&spans));
                spans.extend(plain(text, ratatui::style::Style::new(), room));
                Line::from(spans)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
