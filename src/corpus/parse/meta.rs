//! Datelines (`SOREANG –`, `Indolinear.com, Tangsel -`) and the site name.

use crate::corpus::wordre::{WordChars, WordRegex};
use regex::Regex;
use std::sync::LazyLock;

/// The dateline that opens a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place (`SOREANG`, `Tangsel`), if the dateline names one.
    pub place: Option<String>,
    /// A site named in the dateline (`Indolinear.com`).
    pub site: Option<String>,
    /// Byte offset in the paragraph where the report proper begins.
    pub body_offset: usize,
}

/// The dateline's shape as a regex: what [`dateline_shape`] matches by
/// hand (the regex's capture engine, over its large bounded repetitions of
/// Unicode classes, was a tenth of parsing). Kept as the reference the
/// tests compare with.
#[cfg(test)]
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<a>[^\s,()\-–—][^,()\-–—\n]{0,48}?)(?:,\s*(?P<b>[^,()\-–—\n]{2,40}?))?\s*(?:\((?P<c>[^)\n]{1,40})\)\s*)?[-–—]{1,2}\s+\S",
    )
    .expect("valid regex")
});

/// Where the parts of a dateline lie in a paragraph, as byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DatelineShape {
    /// End of the first part (`SOREANG`, `Radarbogor.id`), which starts
    /// the paragraph.
    a_end: usize,
    /// The second part, after a comma (` Cibinong`), untrimmed.
    b: Option<(usize, usize)>,
    /// End of the whole dateline: one past the report's first char.
    end: usize,
}

/// A char the dateline's parts may not hold: `,()-–—` and a line break.
fn is_part_stop(c: char) -> bool {
    matches!(c, ',' | '(' | ')' | '-' | '–' | '—' | '\n')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// The char at byte `at` of `text`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Byte offset after the white space starting at `at`.
fn after_space(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// The dateline at the start of `text`, matched as the regex
/// `^A(?:,\s*B)?\s*(?:\(C\)\s*)?[-–—]{1,2}\s+\S` would match it, with `A` a
/// char other than white space or a stop and then up to 48 chars other
/// than stops (as few as will do), `B` 2 to 40 such chars (as few as will
/// do) and `C` 1 to 40 chars other than `)` and a line break (as many as
/// will do). The parts are tried in the regex's order, so the first way
/// that matches is the regex's.
fn dateline_shape(text: &str) -> Option<DatelineShape> {
    let first = text.chars().next()?;
    if first.is_whitespace() || is_part_stop(first) {
        return None;
    }
    let mut a_end = first.len_utf8();
    for _ in 0..=48 {
        let next = char_at(text, a_end)?;
        // What follows the first part starts with a comma, white space, a
        // bracket or a dash: nothing else is worth trying.
        if matches!(next, ',' | '(') || is_dash(next) || next.is_whitespace() {
            if let Some(shape) = after_first_part(text, a_end) {
                return Some(shape);
            }
        }
        if is_part_stop(next) {
            return None;
        }
        a_end += next.len_utf8();
    }
    None
}

/// The dateline whose first part ends at `a_end`: a comma and a second
/// part if they lead to a match, else the rest straight away.
fn after_first_part(text: &str, a_end: usize) -> Option<DatelineShape> {
    let shape = |b, end| DatelineShape { a_end, b, end };
    if char_at(text, a_end) == Some(',') {
        let spaced = after_space(text, a_end + 1);
        // `\s*` gives back white space, last char first, for `B` to take.
        let mut b_start = spaced;
        loop {
            if let Some((b_end, end)) = second_part(text, b_start) {
                return Some(shape(Some((b_start, b_end)), end));
            }
            if b_start == a_end + 1 {
                break;
            }
            b_start = text[..b_start].char_indices().last().map_or(0, |(i, _)| i);
        }
    }
    rest(text, a_end).map(|end| shape(None, end))
}

/// The second part from `start`, 2 to 40 chars, as few as lead to the rest.
fn second_part(text: &str, start: usize) -> Option<(usize, usize)> {
    let mut end = start;
    for taken in 1..=40 {
        let c = char_at(text, end).filter(|&c| !is_part_stop(c))?;
        end += c.len_utf8();
        if taken >= 2 {
            if let Some(after) = rest(text, end) {
                return Some((end, after));
            }
        }
    }
    None
}

/// What follows the parts, from `at`: white space, an aside in brackets
/// (`(Antara)`) if one leads to a match, one or two dashes, white space and
/// the report's first char. Returns the end of that char.
fn rest(text: &str, at: usize) -> Option<usize> {
    let at = after_space(text, at);
    if char_at(text, at) == Some('(') {
        if let Some(end) = aside(text, at + 1) {
            return Some(end);
        }
    }
    dashes(text, at)
}

/// An aside's inside from `start` (1 to 40 chars other than `)` and a line
/// break: only all of them can be followed by the `)`), its `)`, white
/// space and the dashes after it.
fn aside(text: &str, start: usize) -> Option<usize> {
    let mut end = start;
    for _ in 0..40 {
        match char_at(text, end) {
            Some(c) if c != ')' && c != '\n' => end += c.len_utf8(),
            _ => break,
        }
    }
    if end == start || char_at(text, end) != Some(')') {
        return None;
    }
    dashes(text, after_space(text, end + 1))
}

/// One or two dashes at `at` (two if two lead to a match), white space
/// and one char that is not: the end of that char.
fn dashes(text: &str, at: usize) -> Option<usize> {
    let first = char_at(text, at).filter(|&c| is_dash(c))?;
    let one = at + first.len_utf8();
    let second = char_at(text, one).filter(|&c| is_dash(c));
    let after_dashes = |at: usize| {
        let spaced = after_space(text, at);
        let c = char_at(text, spaced)?;
        (spaced > at).then_some(spaced + c.len_utf8())
    };
    second
        .and_then(|c| after_dashes(one + c.len_utf8()))
        .or_else(|| after_dashes(one))
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|id|net|org|co|news|info|tv)$")
        .expect("valid regex")
});

/// `dikutip BantenHits.com`: the site that quotes another.
static QUOTED_BY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\bdikutip\s+(?:dari\s+)?([a-z0-9][a-z0-9-]*\.(?:co\.id|com|id|net|news))\b",
    )
    .expect("valid regex")
});

/// A capitalised site name such as `Kompas.com` or `BantenHits.com`.
static SITE_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b([A-Z][A-Za-z0-9-]*[a-z][A-Za-z0-9-]*\.(?:co\.id|com|id|net|news|info))\b")
        .expect("valid regex")
});

fn is_domain(s: &str) -> bool {
    DOMAIN.is_match(s)
}

/// A dateline part is a few capitalised words (`SOREANG`, `Kota Batu`).
fn is_place_words(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
        })
}

/// Finds a dateline at the start of the first paragraph.
pub fn find_dateline(paragraph: &str) -> Option<Dateline> {
    let shape = dateline_shape(paragraph)?;
    let a = paragraph[..shape.a_end].trim();
    let b = shape.b.map(|(start, end)| paragraph[start..end].trim());
    let body_offset = shape.end - 1;
    // the final `\S` belongs to the body; step back to its first byte
    let body_offset = paragraph[..=body_offset]
        .char_indices()
        .last()
        .map_or(body_offset, |(i, _)| i);
    let (place, site) = match (is_domain(a), b) {
        (true, Some(b)) if is_place_words(b) => (Some(b.to_string()), Some(a.to_string())),
        (true, None) => (None, Some(a.to_string())),
        (false, Some(b)) if is_domain(b) && is_place_words(a) => {
            (Some(a.to_string()), Some(b.to_string()))
        }
        (false, None) if is_place_words(a) => {
            // `Berita Tangerang –`: a rubric naming the place.
            let place = a.strip_prefix("Berita ").unwrap_or(a);
            (Some(place.to_string()), None)
        }
        _ => return None,
    };
    Some(Dateline {
        place,
        site,
        body_offset,
    })
}

/// Finds the news site named in the body: `dikutip X.com`, else the first
/// capitalised site name.
pub fn find_site(body: &str) -> Option<String> {
    // Both patterns end in a dot and a domain (`.com`, `.co.id`, `.id`,
    // `.net`, `.news`, `.info`): without a dot before a c, i or n there is
    // nothing to look for, and most bodies' dots end sentences.
    let bytes = body.as_bytes();
    let dotted = memchr::memchr_iter(b'.', bytes).any(|at| {
        matches!(
            bytes.get(at + 1),
            Some(b'c' | b'i' | b'n' | b'C' | b'I' | b'N')
        )
    });
    if !dotted {
        return None;
    }
    let chars = WordChars::of(body);
    QUOTED_BY
        .for_text(&chars)
        .captures(body)
        .or_else(|| SITE_NAME.for_text(&chars).captures(body))
        .map(|c| c[1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_named_in_the_body() {
        assert_eq!(
            find_site("Hal itu dikutip dari DETIK.COM kemarin.").as_deref(),
            Some("DETIK.COM")
        );
        assert_eq!(
            find_site("Menurut Kompas.com, acara selesai. Ini kata Bupati.").as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(
            find_site("Acara selesai. Ini kata Bupati. Nanti lagi."),
            None
        );
    }

    #[test]
    fn all_caps_place() {
        let d = find_dateline("SOREANG – Kementerian Sosial menggelar").unwrap();
        assert_eq!(d.place.as_deref(), Some("SOREANG"));
        assert_eq!(d.site, None);
        assert_eq!(
            &"SOREANG – Kementerian Sosial menggelar"[d.body_offset..],
            "Kementerian Sosial menggelar"
        );
    }

    #[test]
    fn site_then_place() {
        let d = find_dateline("Radarbogor.id, Cibinong - Bupati Bogor meresmikan").unwrap();
        assert_eq!(d.place.as_deref(), Some("Cibinong"));
        assert_eq!(d.site.as_deref(), Some("Radarbogor.id"));
    }

    #[test]
    fn place_then_site_and_agency() {
        let d = find_dateline("PADANG, KOMPAS.com - Wali Kota Padang").unwrap();
        assert_eq!(d.place.as_deref(), Some("PADANG"));
        assert_eq!(d.site.as_deref(), Some("KOMPAS.com"));
        let d = find_dateline("MATARAM (Antara) - Gubernur NTB").unwrap();
        assert_eq!(d.place.as_deref(), Some("MATARAM"));
    }

    #[test]
    fn rubric_names_the_place() {
        let d = find_dateline("Berita Sleman – Pemkab Sleman menggelar").unwrap();
        assert_eq!(d.place.as_deref(), Some("Sleman"));
    }

    #[test]
    fn no_dateline_in_plain_sentences() {
        assert_eq!(
            find_dateline("Pemerintah Kota (Pemkot) Padang sukses - kata Bupati"),
            None
        );
        assert_eq!(find_dateline("Para Pejabat Se-Indonesia Datang"), None);
        assert_eq!(
            find_dateline("Bupati hadir di sini dan menyapa warga yang datang - semua senang"),
            None
        );
    }

    #[test]
    fn site_in_body() {
        assert_eq!(
            find_site("seperti dikutip Radarjambi.co.id dari laman").as_deref(),
            Some("Radarjambi.co.id")
        );
        assert_eq!(
            find_site("Menurut Kompas.com, bupati").as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(find_site("laman resmi sleman.go.id"), None);
    }

    /// The parts of the dateline as the regex's groups give them.
    fn by_regex(text: &str) -> Option<DatelineShape> {
        let caps = DATELINE.captures(text)?;
        Some(DatelineShape {
            a_end: caps.name("a")?.end(),
            b: caps.name("b").map(|m| (m.start(), m.end())),
            end: caps.get(0)?.end(),
        })
    }

    #[test]
    fn the_shape_is_the_regexs_on_the_examples() {
        for text in [
            "SOREANG – Kementerian Sosial menggelar",
            "Radarbogor.id, Cibinong - Bupati Bogor meresmikan",
            "PADANG, KOMPAS.com - Wali Kota Padang",
            "MATARAM (Antara) - Gubernur NTB",
            "MATARAM (Antara)-- Gubernur",
            "Berita Sleman – Pemkab Sleman menggelar",
            "Pemerintah Kota (Pemkot) Padang sukses - kata Bupati",
            "A,  x – y",
            "A, x – y",
            "A ,x—— y",
            "A (b) (c) – d",
            "A – ",
            "A –\n x",
            "A (abcdefghijabcdefghijabcdefghijabcdefghij) – x",
            "A (abcdefghijabcdefghijabcdefghijabcdefghijk) – x",
            "A () – x",
        ] {
            assert_eq!(dateline_shape(text), by_regex(text), "{text:?}");
        }
    }

    /// Pieces of a dateline-shaped text: words, commas, brackets, dashes,
    /// white space of several kinds, line breaks and non-ASCII letters.
    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(
            &[
                "SOREANG",
                "Kota Batu",
                "Radarbogor.id",
                "x",
                "é",
                "日本",
                " ",
                "  ",
                "\t",
                "\n",
                "\u{a0}",
                ",",
                "(",
                ")",
                "Antara",
                "-",
                "–",
                "—",
                "--",
                "Pemkab",
                "a b c d e f g h",
                "0123456789012345678901234567890123456789",
                ".",
                "abcdefghijabcdefghijabcdefghijabcdefghijk",
            ][..],
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn the_shape_is_the_regexs(parts in proptest::collection::vec(piece(), 0..14)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(dateline_shape(&text), by_regex(&text), "{:?}", text);
        }
    }
}
