//! The one-line status bar: the filter being typed (or kept) with its match
//! count and time, else notices; key hints on the right.

use super::strings::{tr, trf, Lang, S};
use super::text::{plain, spans_width};
use super::wrap::{char_width, str_width};
use crate::app::{LoadProgress, Pace, Pane, State, TextFilter};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// `1 match · 0.4 ms`, or `searching…` while a request is out.
pub fn filter_summary(lang: Lang, f: &TextFilter) -> String {
    if f.pending {
        return tr(lang, S::Searching).to_string();
    }
    let Some(stats) = f.stats else {
        return String::new();
    };
    let count = if stats.matches == 1 {
        S::Match
    } else {
        S::Matches
    };
    let millis = stats.elapsed.as_secs_f64() * 1000.0;
    let ms = if millis < 1.0 {
        format!("{millis:.2}")
    } else {
        format!("{millis:.1}")
    };
    format!(
        "{} · {}",
        trf(lang, count, &[&stats.matches]),
        trf(lang, S::Millis, &[&ms])
    )
}

/// The loading line: files read of all, megabytes, articles per second,
/// and about how long the reading has left; before reading starts, the
/// files found so far.
pub fn progress_text(lang: Lang, p: &LoadProgress) -> String {
    progress_forms(lang, p).swap_remove(0)
}

/// The loading line's forms, fullest first: [`progress_text`], then the
/// same in fewer words, then the counts alone. Each keeps the time left,
/// which a narrow status bar would otherwise cut first.
fn progress_forms(lang: Lang, p: &LoadProgress) -> Vec<String> {
    if p.files_total == 0 {
        return vec![trf(lang, S::LoadingFound, &[&p.files_found])];
    }
    let rate = p.articles * 1000 / p.elapsed_ms.max(1);
    let mb = format!("{:.1}", p.bytes as f64 / 1e6);
    let (done, total) = (&p.files_done, &p.files_total);
    let left = time_left_text(lang, seconds_left(p.files_done, p.files_total, p.pace));
    [
        trf(lang, S::LoadingProgress, &[done, total, &mb, &rate]),
        trf(lang, S::LoadingProgressCompact, &[done, total, &mb, &rate]),
        trf(lang, S::LoadingProgressTiny, &[done, total]),
    ]
    .into_iter()
    .map(|line| line + &left)
    .collect()
}

/// The first of `forms` (fullest first) that fits in `width` columns, else
/// the last, to be cut.
fn fitted(forms: Vec<String>, width: usize) -> String {
    let fits = forms.iter().position(|f| str_width(f) <= width);
    let at = fits.unwrap_or(forms.len().saturating_sub(1));
    forms.into_iter().nth(at).unwrap_or_default()
}

/// About how many seconds a step with `done` of `total` items has left at
/// its recent `pace`, rounded up. `None` while the pace covers less than a
/// second (too early to tell), when nothing was done in it, and once all is.
fn seconds_left(done: u64, total: u64, pace: Pace) -> Option<u64> {
    if pace.ms < 1000 || pace.items == 0 || done >= total {
        return None;
    }
    let left_ms = (total - done).saturating_mul(pace.ms) / pace.items;
    Some(left_ms.div_ceil(1000))
}

/// ` · about 9 s left`, in minutes from 90 s on; empty when unknown.
fn time_left_text(lang: Lang, seconds: Option<u64>) -> String {
    seconds.map_or(String::new(), |s| {
        duration_text(lang, s, S::SecondsLeft, S::MinutesLeft)
    })
}

/// ` · 4 s so far` from a second on, in minutes from 90 s on; empty before.
fn time_so_far_text(lang: Lang, ms: u64) -> String {
    match ms / 1000 {
        0 => String::new(),
        s => duration_text(lang, s, S::SecondsSoFar, S::MinutesSoFar),
    }
}

/// ` · ` and `seconds` said with `in_seconds` below 90, else in whole
/// minutes with `in_minutes`.
fn duration_text(lang: Lang, seconds: u64, in_seconds: S, in_minutes: S) -> String {
    let said = if seconds < 90 {
        trf(lang, in_seconds, &[&seconds])
    } else {
        trf(lang, in_minutes, &[&((seconds + 30) / 60)])
    };
    format!(" · {said}")
}

/// The entity stage's progress line for a corpus of `articles`: how many
/// articles' entities are found (the share first, so a narrow status bar
/// keeps it) and about how long that has left, then which half of linking
/// runs (officials, then the search indices) and how long it has taken:
/// neither has a count to go by for a time left.
/// Without a count yet (`progress` is `None`, or nothing is found so far),
/// just what is being done.
pub fn entities_progress_text(
    lang: Lang,
    progress: Option<&LoadProgress>,
    articles: u64,
) -> String {
    entities_progress_forms(lang, progress, articles).swap_remove(0)
}

/// The entity stage's progress line's forms, fullest first:
/// [`entities_progress_text`], then shorter ones that keep the share and
/// the time.
fn entities_progress_forms(
    lang: Lang,
    progress: Option<&LoadProgress>,
    articles: u64,
) -> Vec<String> {
    match progress {
        Some(p) if p.linking => {
            let (long, short) = if p.search_indexing {
                (S::SearchIndexing, S::SearchIndexingShort)
            } else {
                (S::Linking, S::LinkingShortForm)
            };
            let so_far = time_so_far_text(lang, p.step_ms);
            vec![
                trf(lang, long, &[&articles]) + &so_far,
                tr(lang, short).to_string() + &so_far,
            ]
        }
        Some(p) if p.entities_done > 0 => {
            let done = p.entities_done.min(articles);
            let share = found_percent(p, articles);
            let left = time_left_text(lang, seconds_left(done, articles, p.pace));
            [
                trf(lang, S::IndexingProgress, &[&share, &done, &articles]),
                trf(lang, S::IndexingProgressShort, &[&share, &done, &articles]),
                trf(lang, S::IndexingProgressTiny, &[&share]),
            ]
            .into_iter()
            .map(|line| line + &left)
            .collect()
        }
        _ => vec![trf(lang, S::Indexing, &[&articles])],
    }
}

/// The share of `articles` whose entities are found, in whole percent.
fn found_percent(p: &LoadProgress, articles: u64) -> u64 {
    p.entities_done.min(articles) * 100 / articles.max(1)
}

/// What a filter's summary adds while the corpus is still coming in, so
/// that a filter typed during the load says its answer will grow: the
/// files read so far, or how far the officials are found.
pub fn load_note(lang: Lang, state: &State) -> Option<String> {
    let lib = state.lib.as_ref()?;
    let progress = state.load_progress;
    if lib.preview && !progress.is_some_and(|p| p.indexing) {
        let p = progress.filter(|p| p.files_total > 0)?;
        return Some(trf(lang, S::LoadingShort, &[&p.files_done, &p.files_total]));
    }
    if !lib.partial {
        return None;
    }
    let articles = lib.corpus.articles.len() as u64;
    Some(match state.load_progress.filter(|p| p.indexing) {
        Some(p) if p.linking => tr(lang, S::LinkingShort).to_string(),
        Some(p) if p.entities_done > 0 => trf(
            lang,
            S::IndexingShortProgress,
            &[&found_percent(&p, articles)],
        ),
        _ => tr(lang, S::IndexingShort).to_string(),
    })
}

/// The columns a filter's prompt may take beside a summary `summary`
/// columns wide: all but the summary's, unless that leaves the text fewer
/// than 16 (then the prompt takes the line and the summary what is left).
pub fn prompt_room(width: usize, summary: usize) -> usize {
    match width.checked_sub(summary) {
        Some(room) if room >= 16 => room,
        _ => width,
    }
}

/// The prompt, text and cursor of a filter: `/ wisman▏`, in at most
/// `width` columns. Text too long for them shows its end, where the typing
/// is, after `…`: `/ …provinsi banten▏`.
pub fn filter_prompt(lang: Lang, f: &TextFilter, width: usize) -> String {
    let prompt = tr(lang, S::FilterPrompt);
    let cursor = if f.editing { "▏" } else { "" };
    let whole = format!("{prompt}{}{cursor}", f.text);
    if str_width(&whole) <= width {
        return whole;
    }
    // the prompt, `…`, and as much of the end of the text as fits
    let room = width.saturating_sub(str_width(prompt) + 1 + str_width(cursor));
    let mut used = 0;
    let start = f
        .text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            used += char_width(c);
            used <= room
        })
        .last()
        .map_or(f.text.len(), |(i, _)| i);
    format!("{prompt}…{}{cursor}", &f.text[start..])
}

/// Draws the status bar into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let lang = state.lang;
    let width = area.width as usize;
    let shown = [&state.list.filter, &state.sidebar.filter]
        .into_iter()
        .find(|f| f.editing)
        .or_else(|| {
            let focused = match state.focus {
                Pane::Sidebar => &state.sidebar.filter,
                _ => &state.list.filter,
            };
            [focused, &state.list.filter, &state.sidebar.filter]
                .into_iter()
                .find(|f| f.is_active())
        });
    let mut left: Vec<Span> = match shown {
        Some(f) => {
            let mut summary = format!("  {}", filter_summary(lang, f));
            let prompt = filter_prompt(lang, f, prompt_room(width, str_width(&summary)));
            let mut spans = plain(&prompt, state.theme.heading(), width);
            if let Some(note) = load_note(lang, state) {
                summary.push_str(" · ");
                summary.push_str(&note);
            }
            let room = width.saturating_sub(spans_width(&spans));
            spans.extend(plain(&summary, state.theme.dim(), room));
            spans
        }
        None if state.notice.is_some() => plain(
            state.notice.as_deref().unwrap_or_default(),
            state.theme.heading(),
            width,
        ),
        None if state.lib.as_ref().is_some_and(|l| l.preview) => {
            let forms = match state.load_progress {
                Some(p) if p.indexing => entities_progress_forms(lang, Some(&p), p.articles),
                Some(p) => progress_forms(lang, &p),
                None => vec![tr(lang, S::Loading).to_string()],
            };
            plain(&fitted(forms, width), state.theme.dim(), width)
        }
        None if state.lib.as_ref().is_some_and(|l| l.partial) => {
            let articles = state.lib.as_ref().map_or(0, |l| l.corpus.articles.len());
            let progress = state.load_progress.as_ref().filter(|p| p.indexing);
            let forms = entities_progress_forms(lang, progress, articles as u64);
            plain(&fitted(forms, width), state.theme.dim(), width)
        }
        None => {
            let skipped = state.lib.as_ref().map_or(0, |l| l.corpus.problems.len());
            if skipped > 0 {
                plain(
                    &trf(lang, S::Skipped, &[&skipped]),
                    state.theme.dim(),
                    width,
                )
            } else {
                Vec::new()
            }
        }
    };
    let used = spans_width(&left);
    let hints = [S::Hints, S::HintsShort]
        .into_iter()
        .map(|s| tr(lang, s))
        .find(|h| used + 2 + super::wrap::str_width(h) <= width);
    if let Some(hints) = hints {
        left.push(Span::raw(
            " ".repeat(width - used - super::wrap::str_width(hints)),
        ));
        left.push(Span::styled(hints, state.theme.faint()));
    }
    frame.render_widget(Paragraph::new(Line::from(left)), area);
}
