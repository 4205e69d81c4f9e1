//! The entity sidebar pane: groups with counts, officials on two lines.

use super::layout::inner;
use super::strings::{tr, S};
use super::text::{highlighted, plain, spans_width};
use super::{is_focused, notice, pane_block};
use crate::app::found::{self, FoundLine, FoundRow};
use crate::app::sidebar::SideLine;
use crate::app::{Pane, Scope, State};
use crate::entities::EntityKind;
use crate::search::{highlight, FilterQuery};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The group name of a kind.
pub fn group_name(kind: EntityKind) -> S {
    match kind {
        EntityKind::Official => S::Officials,
        EntityKind::Organization => S::Organizations,
        EntityKind::Place => S::Places,
        EntityKind::Program => S::Programs,
        EntityKind::Figure => S::Figures,
    }
}

/// Draws the sidebar into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let lang = state.lang;
    let s = &state.sidebar;
    let focused = is_focused(state, Pane::Sidebar);
    let scope = match s.scope {
        Scope::Article => S::ScopeArticle,
        Scope::Corpus => S::ScopeCorpus,
    };
    // The open article's entities, found apart while the library has none.
    let found = found::shown(state);
    let (shown, all) = match (found, s.found.as_ref().and_then(|f| f.rows.as_ref())) {
        (Some(view), Some(rows)) => (view.len(), rows.len()),
        _ => (s.visible.len(), s.rows.len()),
    };
    let title = format!(
        "{} {shown}/{all} · {}",
        tr(lang, S::Entities),
        tr(lang, scope)
    );
    frame.render_widget(pane_block(&state.theme, title, focused), area);
    let inner = inner(area);
    if state.lib.is_none() {
        return;
    }
    if let Some(rows) = found {
        return draw_found(frame, inner, state, rows);
    }
    if s.visible.is_empty() {
        let partial = state.lib.as_ref().is_some_and(|l| l.partial);
        let empty = if partial {
            S::EntitiesComing
        } else {
            S::NoEntities
        };
        return notice(&state.theme, frame, inner, tr(lang, empty));
    }
    let width = inner.width as usize;
    let query = s
        .filter
        .is_active()
        .then(|| FilterQuery::new(&s.filter.text));
    let lines: Vec<Line> = s
        .layout
        .lines(s.offset, inner.height as usize)
        .into_iter()
        .map(|line| match line {
            SideLine::Header { kind, count } => group_header(state, kind, count, width),
            SideLine::Name(pos) | SideLine::Detail(pos) => {
                let Some(row) = s.rows.get(s.visible[pos]) else {
                    return Line::default();
                };
                let base = row_style(state, pos == s.selected, focused);
                let mut spans: Vec<Span> = Vec::new();
                if let SideLine::Detail(_) = line {
                    let detail = format!("  {}", row.detail.as_deref().unwrap_or(""));
                    spans.extend(plain(&detail, base.patch(state.theme.dim()), width));
                } else {
                    let name_style = base.patch(state.theme.kind(row.kind()));
                    let mut suffix = String::new();
                    if s.scope == Scope::Corpus {
                        suffix.push_str(&format!(" ({})", row.articles));
                    }
                    if row.kind() != EntityKind::Official {
                        if let Some(d) = &row.detail {
                            suffix.push_str(&format!(" — {d}"));
                        }
                    }
                    spans.extend(name_spans(
                        state,
                        query.as_ref(),
                        &row.name,
                        name_style,
                        width,
                    ));
                    let left = width.saturating_sub(spans_width(&spans));
                    spans.extend(plain(&suffix, base.patch(state.theme.dim()), left));
                }
                row_line(spans, pos == s.selected, base, width)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The style a row's lines start from: marked when selected (dimmer when
/// the sidebar has no focus).
fn row_style(state: &State, selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => state.theme.selected(),
        (true, false) => state.theme.selected_unfocused(),
        _ => Style::new(),
    }
}

/// A row's line from its spans; a selected row's mark runs to the edge.
fn row_line(
    mut spans: Vec<Span<'static>>,
    selected: bool,
    base: Style,
    width: usize,
) -> Line<'static> {
    let used = spans_width(&spans);
    if selected && used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}

/// A row's name in `style`, with the letters a filter's `query` matched
/// highlighted, cut to `width`.
fn name_spans(
    state: &State,
    query: Option<&FilterQuery>,
    name: &str,
    style: Style,
    width: usize,
) -> Vec<Span<'static>> {
    let marks = query
        .map(|q| highlight(name, q, state.scorer.as_ref()))
        .unwrap_or_default();
    highlighted(name, &marks, style, state.theme.matched(), width)
}

/// A group's header line: `Officials (3)`.
fn group_header(state: &State, kind: EntityKind, count: usize, width: usize) -> Line<'static> {
    let text = format!("{} ({count})", tr(state.lang, group_name(kind)));
    Line::from(plain(
        &text,
        state.theme.kind(kind).patch(state.theme.heading()),
        width,
    ))
}

/// Draws rows found in the open article alone, grouped as the sidebar
/// groups them, under a line (kept at the top) that says they are not
/// linked across the corpus yet; the selected row is marked as the
/// sidebar's own rows are, and a sidebar filter's matched letters are
/// highlighted.
fn draw_found(frame: &mut Frame, inner: Rect, state: &State, rows: &[FoundRow]) {
    let (lang, theme) = (state.lang, &state.theme);
    let width = inner.width as usize;
    let (selected, offset) = state
        .sidebar
        .found
        .as_ref()
        .map_or((0, 0), |f| (f.selected, f.offset));
    let focused = is_focused(state, Pane::Sidebar);
    let base = |i: usize| row_style(state, i == selected, focused);
    let fill = |spans, i: usize| row_line(spans, i == selected, base(i), width);
    let mut lines = vec![Line::from(plain(
        tr(lang, S::NotLinkedYet),
        theme.dim(),
        width,
    ))];
    let filter = &state.sidebar.filter;
    let query = filter.is_active().then(|| FilterQuery::new(&filter.text));
    if rows.is_empty() {
        lines.push(Line::from(plain(
            tr(lang, S::NoEntities),
            theme.dim(),
            width,
        )));
    }
    let below = found::lines(rows).into_iter().skip(offset);
    lines.extend(
        below
            .take(inner.height.saturating_sub(1) as usize)
            .map(|line| match line {
                FoundLine::Header(kind, count) => group_header(state, kind, count, width),
                FoundLine::Name(i) => {
                    let row = &rows[i];
                    let name_style = base(i).patch(theme.kind(row.kind));
                    let mut spans = name_spans(state, query.as_ref(), &row.name, name_style, width);
                    if let (Some(d), false) = (&row.detail, row.kind == EntityKind::Official) {
                        let left = width.saturating_sub(spans_width(&spans));
                        spans.extend(plain(&format!(" — {d}"), base(i).patch(theme.dim()), left));
                    }
                    fill(spans, i)
                }
                FoundLine::Detail(i) => {
                    let detail = format!("  {}", rows[i].detail.as_deref().unwrap_or(""));
                    fill(plain(&detail, base(i).patch(theme.dim()), width), i)
                }
            }),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}
