//! The open article's entities while the corpus's are still being found.
//! A first open of a large folder finds entities for seconds (about 8 s
//! at 300 000 articles); meanwhile the sidebar shows what the open article
//! alone holds, extracted off the UI thread, as plain rows: they become
//! selectable (with their counts and links to other articles) once the
//! whole library is in.

use super::library::{level_name, post};
use super::state::{Scope, State};
use crate::entities::{ArticleEntities, EntityKind};
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
    let row = |kind, name: &str, detail: Option<String>| FoundRow {
        kind,
        name: name.to_string(),
        detail,
    };
    let officials = found.officials.iter().map(|m| {
        let detail = post(&m.position, m.institution.as_deref());
        row(EntityKind::Official, &m.name, Some(detail))
    });
    let organizations = found
        .organizations
        .iter()
        .map(|o| row(EntityKind::Organization, &o.name, o.expansion.clone()));
    let places = found
        .places
        .iter()
        .map(|p| row(EntityKind::Place, &p.name, Some(level_name(p.level))));
    let programs = found
        .programs
        .iter()
        .map(|p| row(EntityKind::Program, &p.name, p.expansion.clone()));
    let figures = found
        .figures
        .iter()
        .map(|f| row(EntityKind::Figure, &f.text, None));
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
    });
    state.found_requests.clear();
    state.found_requests.push(FoundRequest {
        article,
        hash,
        text,
    });
}

/// Takes in found entities, when they are still the ones asked for.
pub fn found(state: &mut State, read: FoundRead) {
    let Some(f) = state.sidebar.found.as_mut() else {
        return;
    };
    if f.article == read.article && f.hash == read.hash && f.rows.is_none() {
        f.rows = Some(read.rows);
    }
}

/// The rows to show for the open article while the library has no
/// entities ([`want`] keeps them only then): once found, and while no
/// sidebar filter is typed (a filter waits for the library).
pub fn shown(state: &State) -> Option<&[FoundRow]> {
    let rows = state.sidebar.found.as_ref()?.rows.as_deref()?;
    (!state.sidebar.filter.is_active()).then_some(rows)
}
