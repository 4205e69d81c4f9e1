//! Every user intent and every background result, as one enum: the only
//! vocabulary [`super::update`] understands.

use super::library::Library;
use super::search::SearchResult;
use crate::corpus::RawError;
use crate::store::Remembered;
use std::sync::Arc;

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    /// The article list.
    #[default]
    List,
    /// The article reader.
    Reader,
    /// The entity sidebar.
    Sidebar,
}

impl Pane {
    /// The pane after this one in Tab order.
    pub fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Reader,
            Pane::Reader => Pane::Sidebar,
            Pane::Sidebar => Pane::List,
        }
    }

    /// The pane before this one in Tab order.
    pub fn prev(self) -> Pane {
        match self {
            Pane::List => Pane::Sidebar,
            Pane::Reader => Pane::List,
            Pane::Sidebar => Pane::Reader,
        }
    }
}

/// Something the user asked for, or something a background task finished.
#[derive(Debug, Clone)]
pub enum Action {
    /// Focus the next pane (`Tab`).
    FocusNext,
    /// Focus the previous pane (`Shift-Tab`).
    FocusPrev,
    /// Focus one pane (`1` `2` `3`).
    Focus(Pane),
    /// Move the selection (or scroll the reader) one line down.
    Down,
    /// Move the selection (or scroll the reader) one line up.
    Up,
    /// Go to the first item or the top.
    First,
    /// Go to the last item or the bottom.
    Last,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// `Enter`: open the article, follow the entity, keep the filter, or open
    /// the official chosen in the finder.
    Activate,
    /// Start typing a fuzzy filter for the focused list (`/`).
    StartFilter,
    /// Open the official finder (`o`).
    OpenFinder,
    /// Jump to the next mention of the selected entity in the reader.
    NextMention,
    /// Jump to the previous mention.
    PrevMention,
    /// Switch the sidebar between this article and the whole corpus.
    ToggleScope,
    /// Bookmark or un-bookmark the selected article.
    ToggleBookmark,
    /// Show only bookmarked articles, or all.
    BookmarksOnly,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Show only unread articles, or all.
    UnreadOnly,
    /// Next sort order: date, title, relevance.
    CycleSort,
    /// Reader: clean text ↔ raw file.
    ToggleRaw,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// `Esc`: close a popup, else clear a filter.
    Back,
    /// Leave the program.
    Quit,
    /// Stop the program as a shell job does on Ctrl-z; `fg` resumes it.
    Suspend,
    /// A typed character while a filter or the finder takes input.
    Input(char),
    /// Text pasted while a filter or the finder takes input (a bracketed
    /// paste, which the terminal marks as such: never run as keys).
    Paste(String),
    /// Delete the last typed character.
    DeleteBack,
    /// Clear the typed input.
    ClearInput,
    /// A left click at a screen cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The wheel turned up over a screen cell.
    ScrollUp {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The wheel turned down over a screen cell.
    ScrollDown {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// How far loading has come (sent a few times a second while loading).
    LoadProgress(LoadProgress),
    /// The corpus finished loading and indexing.
    Loaded(Arc<Library>),
    /// The corpus could not be loaded at all.
    LoadFailed(String),
    /// A background search finished (possibly stale: tagged with its generation).
    SearchDone(SearchResult),
    /// Time passed ([`super::TICKS_PER_SECOND`] per second): marks an article
    /// read once it was open for [`super::READ_AFTER_TICKS`].
    Tick,
    /// Marks and position from `state.json` (or kept across a corpus
    /// reload), in the loaded corpus's article indices.
    Restore(Remembered),
    /// A message for the status bar.
    Notice(String),
    /// An article's raw text was read (or could not be).
    RawRead(RawRead),
    /// The open article's entities, found apart while the library has none.
    EntitiesFound(super::found::FoundRead),
}

/// The answer to a [`super::RawRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRead {
    /// The article.
    pub article: usize,
    /// Its content hash when it was asked for.
    pub hash: u64,
    /// The raw text, or why it cannot be shown.
    pub text: Result<String, RawError>,
}

/// A snapshot of loading, for the progress line shown until the corpus is ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadProgress {
    /// Files read and parsed.
    pub files_done: u64,
    /// Article files found by the walk before reading (see
    /// [`crate::corpus::LoadStats::files_found`]).
    pub files_found: u64,
    /// Files found.
    pub files_total: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Articles parsed.
    pub articles: u64,
    /// Milliseconds since loading began.
    pub elapsed_ms: u64,
    /// True once every file is read and officials are being extracted and indexed.
    pub indexing: bool,
    /// Articles whose entities are found so far, while `indexing`.
    pub entities_done: u64,
    /// True once every article's entities are found and officials are
    /// being linked across articles and indexed for search.
    pub linking: bool,
    /// True once officials are linked, while the search indices are built
    /// (the second half of `linking`).
    pub search_indexing: bool,
    /// Milliseconds the running half of `linking` has taken so far.
    pub step_ms: u64,
    /// How fast the running step (reading files, or finding entities) went
    /// over its last few seconds, for the time it has left.
    pub pace: Pace,
}

/// Items a loading step did (files read, or articles whose entities were
/// found) in its last `ms` milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pace {
    /// Items done in the window.
    pub items: u64,
    /// The window's length in milliseconds; 0 when the step has just begun.
    pub ms: u64,
}
