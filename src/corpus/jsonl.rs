//! `.jsonl` corpora: one article per line with `title`, `date`, `url`/`site`,
//! `author`, `text`/`content`; unknown fields are ignored.

use super::load::article_from_bytes;
use super::parse::date::{find_full_date, make_date};
use super::parse::KnownFields;
use super::{Article, ArticleDate, LoadProblem, Origin};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    site: Option<String>,
    author: Option<String>,
    text: Option<String>,
    content: Option<String>,
}

/// Parses every line; a bad line becomes a problem and the rest still load.
pub fn parse_jsonl(file_id: &str, path: &Path, bytes: &[u8]) -> (Vec<Article>, Vec<LoadProblem>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let text = String::from_utf8_lossy(bytes);
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = path.with_file_name(format!(
            "{}:{line_no}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                problems.push(LoadProblem {
                    path: at,
                    reason: format!("not a JSON object: {e}"),
                });
                continue;
            }
        };
        let Some(body) = record
            .text
            .or(record.content)
            .filter(|t| !t.trim().is_empty())
        else {
            problems.push(LoadProblem {
                path: at,
                reason: "record has no `text` or `content`".to_string(),
            });
            continue;
        };
        let known = KnownFields {
            title: record.title.map(|t| {
                crate::corpus::sanitize::sanitize(&t)
                    .text
                    .replace('\n', " ")
            }),
            date: record.date.as_deref().and_then(parse_record_date),
            site: record
                .site
                .or_else(|| record.url.as_deref().and_then(site_of_url))
                .map(|s| crate::corpus::sanitize::sanitize(&s).text),
            author: record
                .author
                .map(|a| crate::corpus::sanitize::sanitize(&a).text),
        };
        let id = format!("{file_id}:{line_no}");
        match article_from_bytes(&id, path, body.into_bytes(), known) {
            Ok(mut a) => {
                a.origin = Origin::Record(line_no);
                articles.push(a)
            }
            Err(reason) => problems.push(LoadProblem { path: at, reason }),
        }
    }
    (articles, problems)
}

/// The `text` (or `content`) of the record on line `line_no` (from 1) of a
/// `.jsonl` file's bytes, as [`parse_jsonl`] reads it.
pub(super) fn record_text(bytes: &[u8], line_no: usize) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let line = text.lines().nth(line_no.checked_sub(1)?)?;
    let record: Record = serde_json::from_str(line).ok()?;
    record.text.or(record.content)
}

/// Accepts ISO dates (`2023-10-17`, `2023-10-17T08:00:00Z`) and Indonesian forms.
fn parse_record_date(s: &str) -> Option<ArticleDate> {
    let s = s.trim();
    if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        let (y, m, d) = (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?);
        if let Some(date) = make_date(y.parse().ok(), m.parse().ok()?, d.parse().ok()?) {
            return Some(date);
        }
    }
    find_full_date(s).map(|f| f.date)
}

/// The host of a URL, without `www.`.
fn site_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.trim();
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let data = concat!(
            r#"{"title":"Bupati Resmikan Pasar","date":"2024-02-03","url":"https://www.radarbogor.id/x","text":"Bupati meresmikan pasar."}"#,
            "\n{broken\n",
            r#"{"title":"Kosong"}"#,
            "\n",
            r#"{"content":"CIBINONG – Camat hadir.","author":"Rina","extra":1}"#,
            "\n"
        );
        let (articles, problems) =
            parse_jsonl("news.jsonl", Path::new("/x/news.jsonl"), data.as_bytes());
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].id, "news.jsonl:1");
        assert_eq!(articles[0].title, "Bupati Resmikan Pasar");
        assert_eq!(articles[0].date.unwrap().to_string(), "2024-02-03");
        assert_eq!(articles[0].site.as_deref(), Some("radarbogor.id"));
        assert_eq!(articles[1].id, "news.jsonl:4");
        assert_eq!(articles[1].author.as_deref(), Some("Rina"));
        assert_eq!(articles[1].dateline.as_deref(), Some("CIBINONG"));
        assert_eq!(problems.len(), 2);
        assert!(problems[0].path.ends_with("news.jsonl:2"));
        assert!(problems[1].reason.contains("no `text`"));
    }
}
