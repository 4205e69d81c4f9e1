//! Parsing scraped news text into an [`Article`]: header, title, date, site,
//! author, dateline and a clean body without site boilerplate.

pub mod boilerplate;
pub mod date;
mod meta;

use crate::corpus::{Article, ArticleDate, Body, Origin, TitleSource};
use boilerplate::{classify, is_photo_caption, LineKind};
pub use meta::{find_dateline, find_site, Dateline};
use std::borrow::Cow;
use std::path::PathBuf;

/// The longest line still taken as a title at the head of a file.
const MAX_TITLE_CHARS: usize = 200;
/// Words kept in a title made from the lead sentence.
const LEAD_TITLE_WORDS: usize = 12;

/// Fields a caller already knows (from `.jsonl` records); they win over parsing.
#[derive(Debug, Clone, Default)]
pub struct KnownFields {
    /// A given title.
    pub title: Option<String>,
    /// A given date.
    pub date: Option<ArticleDate>,
    /// A given site.
    pub site: Option<String>,
    /// A given author.
    pub author: Option<String>,
}

/// Parses sanitised article text; `raw` is hashed into [`Article::hash`],
/// then dropped. The origin is [`Origin::File`] until the caller says otherwise.
pub fn parse_article(
    id: String,
    path: PathBuf,
    raw: String,
    redecoded: bool,
    removed_controls: usize,
    known: KnownFields,
) -> Article {
    let parsed = parse_text(&raw);
    let title_source;
    let title = if let Some(t) = known.title.filter(|t| !t.trim().is_empty()) {
        title_source = TitleSource::Header;
        t.trim().to_string()
    } else if let Some(t) = parsed.header_title.clone() {
        title_source = TitleSource::Header;
        t
    } else if let Some(t) = parsed.footer_title.clone() {
        title_source = TitleSource::Footer;
        t
    } else {
        title_source = TitleSource::Lead;
        lead_title(&parsed.body, parsed.dateline.as_ref())
    };
    let date = known.date.or(parsed.header_date).or_else(|| {
        date::find_full_date(&parsed.body)
            .or_else(|| date::find_partial_date(&parsed.body))
            .map(|f| f.date)
    });
    let site = known
        .site
        .or_else(|| parsed.dateline.as_ref().and_then(|d| d.site.clone()))
        .or_else(|| find_site(&parsed.body))
        .or(parsed.source);
    Article {
        id,
        path,
        title,
        title_source,
        date,
        site,
        author: known.author.or(parsed.author),
        dateline: parsed.dateline.and_then(|d| d.place),
        body: Body::new(&parsed.body),
        hash: crate::store::paths::text_hash(raw.as_bytes()),
        origin: Origin::File,
        redecoded,
        removed_controls,
    }
}

/// What [`parse_text`] finds before fields are combined.
#[derive(Debug, Default)]
struct ParsedText {
    header_title: Option<String>,
    header_date: Option<ArticleDate>,
    footer_title: Option<String>,
    author: Option<String>,
    source: Option<String>,
    dateline: Option<Dateline>,
    body: String,
}

/// Walks the lines once: a header zone (date, title, labels, captions), the
/// body, and the tail after the first end marker.
fn parse_text(text: &str) -> ParsedText {
    let mut out = ParsedText::default();
    // room for the paragraphs of most reports, so the list rarely regrows
    let mut paragraphs: Vec<Cow<str>> = Vec::with_capacity(32);
    let mut in_header = true;
    // One search of the whole text for odd spaces (nearly none has one),
    // not one of every line.
    let odd_spaces = has_odd_space(text);
    let mut lines = lines(text)
        .map(|line| clean_line(line, odd_spaces))
        .peekable();
    let mut in_tail = false;
    while let Some(line) = lines.next() {
        if line.is_empty() {
            continue;
        }
        let kind = classify(&line);
        if in_tail {
            // After the end: only look for the author and a footer title.
            match kind {
                LineKind::AuthorBox => {
                    out.author = out.author.take().or_else(|| next_name(&mut lines))
                }
                LineKind::Byline(name) => out.author = out.author.take().or(Some(name)),
                LineKind::FooterTitle(t) => out.footer_title = out.footer_title.take().or(Some(t)),
                _ => {}
            }
            continue;
        }
        match kind {
            LineKind::Drop => continue,
            LineKind::Byline(name) => {
                out.author.get_or_insert(name);
                continue;
            }
            LineKind::Source(s) => {
                out.source.get_or_insert(s);
                continue;
            }
            LineKind::FooterTitle(t) => {
                out.footer_title.get_or_insert(t);
                in_tail = true;
                continue;
            }
            LineKind::AuthorBox => {
                out.author = out.author.take().or_else(|| next_name(&mut lines));
                in_tail = !paragraphs.is_empty();
                continue;
            }
            LineKind::End => {
                in_tail = !paragraphs.is_empty();
                continue;
            }
            LineKind::Text => {}
        }
        if in_header {
            if let Some(d) = date::is_date_line(&line) {
                out.header_date.get_or_insert(d);
                continue;
            }
            if out.header_title.as_deref() == Some(&*line) {
                continue; // a title repeated by the scraper shows once
            }
            if out.header_title.is_none() && paragraphs.is_empty() && looks_like_title(&line) {
                out.header_title = Some(line.into_owned());
                continue;
            }
            if is_photo_caption(&line) {
                continue;
            }
            in_header = false;
        }
        if out.header_title.as_deref() == Some(&*line) {
            continue;
        }
        paragraphs.push(line);
    }
    if let Some(first) = paragraphs.first() {
        out.dateline = find_dateline(first);
    }
    out.body = paragraphs.join("\n\n");
    out
}

/// The lines of `text` as [`str::lines`] gives them, each line end found
/// with a vectorised search (the standard one looks a word at a time).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(at) => {
                let line = &rest[..at];
                rest = &rest[at + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// True when `text` holds a no-break or other odd space that
/// [`clean_line`] turns into a plain one: U+00A0, U+2007, U+202F, U+3000.
/// Found by their first bytes, so a line of plain text is passed over
/// without decoding it.
fn has_odd_space(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b).any(|at| {
        matches!(
            b[at..],
            [0xC2, 0xA0, ..] | [0xE2, 0x80, 0x87 | 0xAF, ..] | [0xE3, 0x80, 0x80, ..]
        )
    })
}

/// Trims a line and turns no-break and other odd spaces into plain spaces
/// (a copy only then: nearly every line is borrowed). `odd_spaces` is
/// whether the text the line is from holds any: when not, the line is
/// not searched for them.
fn clean_line(line: &str, odd_spaces: bool) -> Cow<'_, str> {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace());
    if odd_spaces && has_odd_space(trimmed) {
        trimmed
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        trimmed.into()
    }
}

/// The next non-empty line, cleaned as a name (the author box's content).
fn next_name<'a>(lines: &mut impl Iterator<Item = Cow<'a, str>>) -> Option<String> {
    lines
        .find(|l| !l.is_empty())
        .map(|l| boilerplate::clean_name(&l))
        .filter(|n| !n.is_empty() && n.chars().count() <= 80)
}

/// A head line is a title when it is short, is not a sentence, and does not
/// open with a dateline.
fn looks_like_title(line: &str) -> bool {
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    (8..=MAX_TITLE_CHARS).contains(&chars)
        && (2..=30).contains(&words)
        && !line.ends_with(['.', ',', ';', ':'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'[(".contains(c))
        && find_dateline(line).is_none()
}

/// A short title made from the lead sentence, for articles with no title.
fn lead_title(body: &str, dateline: Option<&Dateline>) -> String {
    let first = body.split("\n\n").next().unwrap_or("");
    let lead = match dateline {
        Some(d) => &first[d.body_offset.min(first.len())..],
        None => first,
    };
    let sentence_end = lead
        .char_indices()
        .find(|&(i, c)| {
            c == '.' && lead[i + 1..].starts_with(' ') && !ends_with_abbreviation(&lead[..i])
        })
        .map_or(lead.len(), |(i, _)| i);
    let sentence = lead[..sentence_end].trim();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.is_empty() {
        return "(untitled)".to_string();
    }
    if words.len() <= LEAD_TITLE_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..LEAD_TITLE_WORDS].join(" "))
    }
}

/// True when the text before a full stop ends in an abbreviation (`Pj`, `H`, `Dr`).
fn ends_with_abbreviation(before: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("");
    last.chars().count() <= 3 && last.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests;
