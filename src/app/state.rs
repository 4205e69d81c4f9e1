//! Everything the screen shows, in one value. Only [`super::update`] changes
//! it; `ui` draws it.

use super::action::{Action, Pane};
use super::keyconfig::Keymap;
use super::library::{EntityRef, EntityRow, Library};
use super::rows::Rows;
use super::search::SearchRequest;
use super::side_layout::SideLayout;
use crate::search::{FuzzyScorer, Hit, SearchIndex};
use crate::ui::strings::Lang;
use crate::ui::theme::Theme;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// Article list order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first; undated last.
    #[default]
    Date,
    /// Title, A to Z (case- and accent-insensitive).
    Title,
    /// Best filter match first; load order without a filter.
    Relevance,
}

/// The sidebar's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// The entities of the open article.
    #[default]
    Article,
    /// Every entity of the corpus, with article counts.
    Corpus,
}

/// What a finished filter reports in the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterStats {
    /// Number of matches.
    pub matches: usize,
    /// Time the search took.
    pub elapsed: Duration,
}

/// A fuzzy filter on one list. `hits` is `None` when nothing filters.
#[derive(Debug, Clone, Default)]
pub struct TextFilter {
    /// What the user typed.
    pub text: String,
    /// True while the user is typing it.
    pub editing: bool,
    /// The generation of the newest request; older results are dropped.
    pub generation: u64,
    /// True while a request is out.
    pub pending: bool,
    /// The newest accepted result.
    pub hits: Option<std::sync::Arc<Vec<Hit>>>,
    /// Match count and time of the newest accepted result.
    pub stats: Option<FilterStats>,
}

impl TextFilter {
    /// True when the filter restricts the list.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

/// The article list restricted to the articles of one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityFilter {
    /// The entity.
    pub target: EntityRef,
    /// Its name, for the pane title.
    pub label: String,
    /// Its articles, ascending.
    pub articles: Vec<usize>,
}

/// The article list.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// The fuzzy filter.
    pub filter: TextFilter,
    /// Restriction to one entity's articles (`Enter` in the sidebar or finder).
    pub entity: Option<EntityFilter>,
    /// Show only bookmarked articles.
    pub bookmarks_only: bool,
    /// Show only unread articles.
    pub unread_only: bool,
    /// Order.
    pub sort: SortKey,
    /// Article indices shown, in order.
    pub visible: Vec<usize>,
    /// Index into `visible` of the selected row.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
}

impl ListState {
    /// The selected article's index in the corpus.
    pub fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }
}

/// Styling class of a reader header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    /// The title.
    Title,
    /// Date, site, author, dateline.
    Meta,
    /// The file path.
    Path,
    /// An empty line.
    Blank,
}

/// The reader: the open article, wrapped to the pane width.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// The open article.
    pub article: Option<usize>,
    /// Show the raw file text instead of the clean body.
    pub raw: bool,
    /// First line drawn.
    pub scroll: usize,
    /// The width the lines below are wrapped to.
    pub width: u16,
    /// Header lines, already wrapped.
    pub header: Vec<(HeaderKind, String)>,
    /// The open article's clean body, decompressed once when it is opened.
    pub body: Option<OpenBody>,
    /// The open article's raw text while raw mode is on, read on demand.
    pub raw_text: Option<RawText>,
    /// Byte ranges of the wrapped body (or raw text) lines.
    pub lines: Vec<std::ops::Range<usize>>,
    /// The entity whose mentions `n`/`N` visit and the reader highlights.
    pub target: Option<EntityRef>,
    /// Index of the current mention among the target's spans in this article.
    pub mention: Option<usize>,
}

impl ReaderState {
    /// Total number of lines (header and body).
    pub fn total_lines(&self) -> usize {
        self.header.len() + self.lines.len()
    }
}

/// The clean body of the open article as text, so drawing a frame does not
/// decompress it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenBody {
    /// The article.
    pub article: usize,
    /// Its content hash, which tells another library's article apart.
    pub hash: u64,
    /// The clean body.
    pub text: Arc<str>,
}

/// The raw text of one article, as asked for and (once read) as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawText {
    /// The article.
    pub article: usize,
    /// Its content hash when it was asked for.
    pub hash: u64,
    /// `None` while it is read; then the text, or why it is not shown.
    pub text: Option<Result<String, String>>,
}

/// A request for an article's raw text, answered off the UI thread with
/// [`crate::app::Action::RawRead`].
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// The library the article belongs to.
    pub lib: Arc<Library>,
    /// The article.
    pub article: usize,
}

/// The entity sidebar.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// This article or the whole corpus.
    pub scope: Scope,
    /// Every row of the scope.
    pub rows: Rows,
    /// A search index over `rows`.
    pub index: Arc<SearchIndex>,
    /// The fuzzy filter.
    pub filter: TextFilter,
    /// Indices into `rows` shown, grouped by kind.
    pub visible: Vec<usize>,
    /// The display lines of `visible` (set with it).
    pub layout: SideLayout,
    /// Index into `visible`.
    pub selected: usize,
    /// First display line drawn (group headers and two-line officials count).
    pub offset: usize,
    /// The open article's entities while the library has none (see
    /// [`super::found`]).
    pub found: Option<super::found::FoundEntities>,
    /// The found row picked when the library arrived with a sidebar filter
    /// typed: picked again among the library's rows once the filter's
    /// answer for them comes.
    pub carried: Option<super::found::Carried>,
}

impl SidebarState {
    /// The selected row.
    pub fn selected_row(&self) -> Option<EntityRow> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }
}

/// The official finder popup.
#[derive(Debug, Clone, Default)]
pub struct FinderState {
    /// The query.
    pub filter: TextFilter,
    /// Official indices shown, best first.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
}

/// Frame-independent ticks ([`Action::Tick`]) the event loop sends per second.
pub const TICKS_PER_SECOND: u32 = 4;

/// An article open this many ticks in a row is marked read (3 seconds).
pub const READ_AFTER_TICKS: u32 = 3 * TICKS_PER_SECOND;

/// How long the reader has shown the same article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadTimer {
    /// The article being timed.
    pub article: Option<usize>,
    /// Ticks it has been open.
    pub ticks: u32,
}

/// The whole application state.
#[derive(Debug, Clone)]
pub struct State {
    /// Interface language.
    pub lang: Lang,
    /// The corpus and its indices; `None` while loading.
    pub lib: Option<Arc<Library>>,
    /// Why loading failed, if it did.
    pub load_error: Option<String>,
    /// How far loading has come, while it runs.
    pub load_progress: Option<super::action::LoadProgress>,
    /// Terminal size: columns, rows.
    pub size: (u16, u16),
    /// The focused pane.
    pub focus: Pane,
    /// The article list.
    pub list: ListState,
    /// The reader.
    pub reader: ReaderState,
    /// The entity sidebar.
    pub sidebar: SidebarState,
    /// The official finder, when open.
    pub finder: Option<FinderState>,
    /// The help overlay's scroll, when open.
    pub help: Option<usize>,
    /// Bookmarked articles (saved in `state.json` by the event loop).
    pub bookmarks: BTreeSet<usize>,
    /// Articles marked read (saved in `state.json` by the event loop).
    pub read: BTreeSet<usize>,
    /// Counts how long the open article has been open, to mark it read.
    pub read_timer: ReadTimer,
    /// Colours.
    pub theme: Theme,
    /// Key bindings (defaults plus `config.toml` overrides).
    pub keymap: Arc<Keymap>,
    /// A message for the status bar (a broken file moved aside, a failed save).
    pub notice: Option<String>,
    /// Searches waiting for the worker; the event loop drains this.
    pub requests: Vec<SearchRequest>,
    /// A raw text to read, queued by `update` for the event loop.
    pub raw_requests: Vec<RawRequest>,
    /// An article's entities to find while the library has none, queued by
    /// `update` for the event loop.
    pub found_requests: Vec<super::found::FoundRequest>,
    /// Source of request generations.
    pub generation: u64,
    /// Highlights matched characters when drawing.
    pub scorer: Arc<FuzzyScorer>,
    /// Set by `Quit`.
    pub quit: bool,
    /// Set by `Suspend`; the event loop stops the process (the terminal put
    /// back first, set up again on resuming) and clears it.
    pub suspend: bool,
}

impl State {
    /// A state waiting for the corpus.
    pub fn new(lang: Lang, size: (u16, u16)) -> State {
        State {
            lang,
            lib: None,
            load_progress: None,
            load_error: None,
            size,
            focus: Pane::List,
            list: ListState::default(),
            reader: ReaderState::default(),
            sidebar: SidebarState::default(),
            finder: None,
            help: None,
            bookmarks: BTreeSet::new(),
            read: BTreeSet::new(),
            read_timer: ReadTimer::default(),
            theme: Theme::default(),
            keymap: Arc::new(Keymap::default()),
            notice: None,
            requests: Vec::new(),
            raw_requests: Vec::new(),
            found_requests: Vec::new(),
            generation: 0,
            scorer: Arc::new(FuzzyScorer::default()),
            quit: false,
            suspend: false,
        }
    }

    /// A state showing a loaded library (what `Action::Loaded` produces).
    pub fn with_library(lib: Library, lang: Lang, size: (u16, u16)) -> State {
        let mut state = State::new(lang, size);
        super::update(&mut state, Action::Loaded(Arc::new(lib)));
        state
    }

    /// The selected article, if any.
    pub fn article(&self) -> Option<&crate::corpus::Article> {
        let lib = self.lib.as_ref()?;
        lib.corpus.articles.get(self.reader.article?)
    }

    /// Marks and position in article indices, as `state.json` records them.
    pub fn remembered(&self) -> crate::store::Remembered {
        crate::store::Remembered {
            bookmarks: self.bookmarks.clone(),
            read: self.read.clone(),
            article: self.reader.article,
            scroll: self.reader.scroll,
            filter: self.list.filter.text.clone(),
        }
    }

    /// The filter the user is typing into, if any.
    pub fn editing(&self) -> Option<&TextFilter> {
        if let Some(f) = &self.finder {
            return Some(&f.filter);
        }
        [&self.list.filter, &self.sidebar.filter]
            .into_iter()
            .find(|f| f.editing)
    }
}
