//! The open article's entities while the corpus's are still being found.
//! A first open of a large folder finds entities for seconds (about 8 s
//! at 300 000 articles); meanwhile the sidebar shows what the open article
//! alone holds, extracted off the UI thread: rows to move through, whose
//! mentions the reader colours and `n`/`N` (or `Enter`) visit, narrowed by
//! a sidebar filter as the linked rows are. Their counts and links to
//! other articles come once the whole library is in.

use super::library::{level_name, post};
use super::state::{Scope, State};
use crate::entities::{ArticleEntities, EntityKind, Span};
use crate::search::{Document, SearchIndex};
use std::sync::Arc;

/// Bodies larger than this are not extracted apart: the sidebar says the
/// entities are still being found, as before (a huge body takes seconds).
const MAX_BODY: usize = 1 << 20;

/// One row of an article's entities, before linking: what the sidebar
/// shows for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRow {
    /// Its kind (the sidebar's group).
    pub kind: EntityKind,
    /// The name as the article writes it.
    pub name: String,
    /// `position · institution`, an expansion or a level.
    pub detail: Option<String>,
    /// Where the article mentions it, in body bytes.
    pub spans: Vec<Span>,
}

/// The open article's entities, found apart: `rows` is `None` while they
/// are extracted.
#[derive(Debug, Clone)]
pub struct FoundEntities {
    /// The article.
    pub article: usize,
    /// Its content hash when they were asked for.
    pub hash: u64,
    /// The rows, once found.
    pub rows: Option<Vec<FoundRow>>,
    /// The rows the sidebar shows: all of them, or a sidebar filter's
    /// matches grouped by kind, best first in each group.
    pub view: Vec<FoundRow>,
    /// The search index of `rows`, one document per row (name, detail),
    /// which a sidebar filter searches while the library has no entities.
    pub index: Arc<SearchIndex>,
    /// The selected row of `view`.
    pub selected: usize,
    /// The first display line shown below the "not linked yet" line.
    pub offset: usize,
    /// The row of `view` whose mentions the reader underlines and `n`/`N`
    /// visit.
    pub target: Option<usize>,
}

/// A request to extract one article's entities, answered off the UI thread
/// with [`crate::app::Action::EntitiesFound`].
#[derive(Debug, Clone)]
pub struct FoundRequest {
    /// The article.
    pub article: usize,
    /// Its content hash.
    pub hash: u64,
    /// Its clean body, as the reader decompressed it to show it.
    pub text: Arc<str>,
}

/// The answer to a [`FoundRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRead {
    /// The article.
    pub article: usize,
    /// Its content hash.
    pub hash: u64,
    /// Its entities as rows, grouped by kind.
    pub rows: Vec<FoundRow>,
}

/// Extracts the entities a request asks for: CPU work, for the event loop
/// (or a test) to run outside [`super::update`].
pub fn find(request: &FoundRequest) -> FoundRead {
    FoundRead {
        article: request.article,
        hash: request.hash,
        rows: rows_of(&crate::entities::extract(&request.text)),
    }
}

/// An article's entities as rows, in the sidebar's group order, each kind
/// in text order.
pub fn rows_of(found: &ArticleEntities) -> Vec<FoundRow> {
    let row = |kind, name: &str, detail: Option<String>, spans: &[Span]| FoundRow {
        kind,
        name: name.to_string(),
        detail,
        spans: spans.to_vec(),
    };
    let officials = found.officials.iter().map(|m| {
        let detail = post(&m.position, m.institution.as_deref());
        row(EntityKind::Official, &m.name, Some(detail), &m.spans)
    });
    let organizations = found.organizations.iter().map(|o| {
        let detail = o.expansion.clone();
        row(EntityKind::Organization, &o.name, detail, &o.spans)
    });
    let places = found.places.iter().map(|p| {
        let detail = Some(level_name(p.level));
        row(EntityKind::Place, &p.name, detail, &p.spans)
    });
    let programs = found.programs.iter().map(|p| {
        let detail = p.expansion.clone();
        row(EntityKind::Program, &p.name, detail, &p.spans)
    });
    let figures = found.figures.iter().map(|f| {
        row(
            EntityKind::Figure,
            &f.text,
            None,
            std::slice::from_ref(&f.span),
        )
    });
    officials
        .chain(organizations)
        .chain(places)
        .chain(programs)
        .chain(figures)
        .collect()
}

/// Keeps the found entities in step with the sidebar: asks for the open
/// article's while the library has no entities yet and the sidebar shows
/// one article, and forgets them otherwise. The body is the one the
/// reader keeps for the open article ([`super::state::OpenBody`]), so it
/// is not decompressed twice.
pub fn want(state: &mut State) {
    let partial = state.lib.as_ref().is_some_and(|l| l.partial);
    let body = state.reader.body.as_ref().filter(|b| {
        partial
            && state.sidebar.scope == Scope::Article
            && state.reader.article == Some(b.article)
            && b.text.len() <= MAX_BODY
    });
    let Some(body) = body else {
        state.sidebar.found = None;
        state.found_requests.clear();
        return;
    };
    let (article, hash) = (body.article, body.hash);
    let current = state.sidebar.found.as_ref();
    if current.is_some_and(|f| f.article == article && f.hash == hash) {
        return;
    }
    let text = body.text.clone();
    state.sidebar.found = Some(FoundEntities {
        article,
        hash,
        rows: None,
        view: Vec::new(),
        index: Arc::default(),
        selected: 0,
        offset: 0,
        target: None,
    });
    state.found_requests.clear();
    state.found_requests.push(FoundRequest {
        article,
        hash,
        text,
    });
}

/// Takes in found entities, when they are still the ones asked for, and
/// runs a sidebar filter typed before they came over them.
pub fn found(state: &mut State, read: FoundRead) {
    let Some(f) = state.sidebar.found.as_mut() else {
        return;
    };
    if f.article == read.article && f.hash == read.hash && f.rows.is_none() {
        let documents = read
            .rows
            .iter()
            .map(|r| Document::new([r.name.as_str(), r.detail.as_deref().unwrap_or_default()]));
        f.index = Arc::new(SearchIndex::build(documents));
        f.view = read.rows.clone();
        f.rows = Some(read.rows);
        super::sidebar::refilter(state);
    }
}

/// The index a sidebar filter searches while found rows stand in for the
/// library's: `None` when they do not (the sidebar's own index then).
pub fn index(state: &State) -> Option<Arc<SearchIndex>> {
    let f = state.sidebar.found.as_ref()?;
    f.rows.as_ref()?;
    Some(f.index.clone())
}

/// Makes the found rows' view show what the sidebar filter says: its
/// matches grouped by kind (best first within a group), or every row. The
/// reader's target stays on its row while that row is shown.
pub fn set_view(state: &mut State) {
    let filter = &state.sidebar.filter;
    let hits = filter.hits.clone().filter(|_| filter.is_active());
    let Some(f) = state.sidebar.found.as_mut() else {
        return;
    };
    let Some(rows) = f.rows.as_ref() else {
        return;
    };
    let target = f.target.and_then(|t| f.view.get(t)).cloned();
    f.view = match hits {
        Some(hits) => {
            let mut matched: Vec<&FoundRow> =
                hits.iter().filter_map(|h| rows.get(h.index())).collect();
            // Stable: best first within each group.
            matched.sort_by_key(|r| super::sidebar::group_rank(r.kind));
            matched.into_iter().cloned().collect()
        }
        None => rows.clone(),
    };
    let before = f.target;
    f.target = target.and_then(|t| f.view.iter().position(|r| *r == t));
    if f.target.is_none() && before.is_some() {
        state.reader.mention = None;
    }
    super::sidebar::keep_visible(state);
}

/// The rows to show for the open article while the library has no
/// entities ([`want`] keeps them only then), once found: every row, or
/// those a sidebar filter matches.
pub fn shown(state: &State) -> Option<&[FoundRow]> {
    let f = state.sidebar.found.as_ref()?;
    f.rows.as_ref()?;
    Some(&f.view)
}

/// One display line of the found rows (below the "not linked yet" line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundLine {
    /// A group's header, with its row count.
    Header(EntityKind, usize),
    /// A row's name (with its detail after it, but for officials).
    Name(usize),
    /// An official's `position · institution`, under its name.
    Detail(usize),
}

/// The display lines of `rows` (in group order, as [`rows_of`] gives them).
pub fn lines(rows: &[FoundRow]) -> Vec<FoundLine> {
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].kind != row.kind {
            let count = rows[i..].iter().take_while(|r| r.kind == row.kind).count();
            out.push(FoundLine::Header(row.kind, count));
        }
        out.push(FoundLine::Name(i));
        if row.kind == EntityKind::Official && row.detail.is_some() {
            out.push(FoundLine::Detail(i));
        }
    }
    out
}

/// Moves the selection among the found rows by `delta`, when they are
/// shown, keeping it on screen in `height` lines; false when they are not
/// (the sidebar's own rows move instead).
pub fn move_by(state: &mut State, delta: isize, height: usize) -> bool {
    let Some(n) = shown(state).map(<[FoundRow]>::len) else {
        return false;
    };
    let Some(f) = state.sidebar.found.as_mut() else {
        return false;
    };
    f.selected = f
        .selected
        .saturating_add_signed(delta)
        .min(n.saturating_sub(1));
    let all = lines(&f.view);
    // The first line of the sidebar says the rows are not linked yet.
    let height = height.saturating_sub(1).max(1);
    let on =
        |l: &FoundLine| matches!(l, FoundLine::Name(i) | FoundLine::Detail(i) if *i == f.selected);
    let (Some(first), Some(last)) = (all.iter().position(on), all.iter().rposition(on)) else {
        return true;
    };
    // The group header goes with the first row of its group.
    let top = match first.checked_sub(1).map(|i| all[i]) {
        Some(FoundLine::Header(..)) => first - 1,
        _ => first,
    };
    if top < f.offset {
        f.offset = top;
    } else if last >= f.offset + height {
        f.offset = last + 1 - height;
    }
    // No blank lines below the last row when there is room (after a resize).
    f.offset = f.offset.min(all.len().saturating_sub(height));
    true
}

/// Selects found row `row` (clamped), keeping it on screen in `height`
/// lines; false when no found rows are shown.
pub fn select(state: &mut State, row: usize, height: usize) -> bool {
    let selected = state.sidebar.found.as_ref().map_or(0, |f| f.selected);
    move_by(state, row as isize - selected as isize, height)
}

/// The found row under display line `line` of the sidebar's inside (the
/// first line says they are not linked yet), when found rows are shown.
pub fn row_at_line(state: &State, line: usize) -> Option<usize> {
    let rows = shown(state)?;
    let offset = state.sidebar.found.as_ref()?.offset;
    match lines(rows).get(offset + line.checked_sub(1)?)? {
        FoundLine::Name(i) | FoundLine::Detail(i) => Some(*i),
        FoundLine::Header(..) => None,
    }
}

/// Aims `n`/`N` at the selected found row (from its first mention when it
/// was not the target yet); false when no found rows are shown.
pub fn aim(state: &mut State) -> bool {
    if shown(state).is_none() {
        return false;
    }
    let Some(f) = state.sidebar.found.as_mut() else {
        return false;
    };
    if f.target != Some(f.selected) {
        f.target = Some(f.selected);
        state.reader.mention = None;
    }
    true
}

/// The spans of the found row `n`/`N` visit in the open article, while
/// found rows are shown and one is aimed at.
pub fn target_spans(state: &State) -> Option<&[Span]> {
    let rows = shown(state)?;
    let f = state.sidebar.found.as_ref()?;
    if state.reader.article != Some(f.article) {
        return None;
    }
    rows.get(f.target?).map(|r| r.spans.as_slice())
}

/// Every mention of the open article found apart, with its kind, in text
/// order, while the library has no entities yet (the reader colours them).
pub fn mentions(state: &State) -> Option<Vec<(Span, EntityKind)>> {
    let f = state.sidebar.found.as_ref()?;
    let rows = f.rows.as_ref()?;
    if state.reader.article != Some(f.article) {
        return None;
    }
    let mut all: Vec<(Span, EntityKind)> = rows
        .iter()
        .flat_map(|r| r.spans.iter().map(|s| (*s, r.kind)))
        .collect();
    super::library::in_text_order(&mut all);
    Some(all)
}

/// What the found rows had selected, carried over to the linked rows when
/// the library arrives (see [`carried`] and [`carry`]).
#[derive(Debug, Clone)]
pub struct Carried {
    article: usize,
    kind: EntityKind,
    name: String,
    /// The row was the reader's target, at this mention.
    aimed: Option<Option<usize>>,
}

/// The selected found row of the open article, if any, before the library
/// that replaces them is taken in.
pub fn carried(state: &State) -> Option<Carried> {
    let rows = shown(state)?;
    let f = state.sidebar.found.as_ref()?;
    let row = rows.get(f.selected)?;
    Some(Carried {
        article: f.article,
        kind: row.kind,
        name: row.name.clone(),
        aimed: (f.target == Some(f.selected)).then_some(state.reader.mention),
    })
}

/// Selects the linked row that `carried` was, when the same article is
/// open, and makes it the reader's target if the found row was.
pub fn carry(state: &mut State, carried: Carried) {
    if state.reader.article != Some(carried.article) || state.sidebar.scope != Scope::Article {
        return;
    }
    let s = &state.sidebar;
    let Some(pos) = s.visible.iter().position(|&i| {
        s.rows
            .get(i)
            .is_some_and(|r| r.kind() == carried.kind && *r.name == *carried.name)
    }) else {
        return;
    };
    super::sidebar::select(state, pos);
    let (Some(mention), Some(row)) = (carried.aimed, state.sidebar.selected_row()) else {
        return;
    };
    state.reader.target = Some(row.target);
    let spans = super::reader::target_spans(state).len();
    state.reader.mention = mention.filter(|&m| m < spans);
}
