//! Dates as Indonesian news writes them: `Senin, 29 April 2019 11:24 WIB`,
//! `Selasa 8 November 2017`, `17/10/2023`, `2023-10-17`, and the partial
//! `(7/8)` that names a day and month but no year.

use crate::corpus::wordre::{WordChars, WordRegex};
use crate::corpus::ArticleDate;
use regex::Regex;
use std::sync::LazyLock;

/// Month names and abbreviations (Indonesian, older spellings, English).
const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// `[Hari,] D Bulan YYYY` with an optional day name before it.
static WORD_DATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?:senin|selasa|rabu|kamis|jum'?at|jum’at|sabtu|minggu|ahad),?\s+)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})\b",
    )
    .expect("valid regex")
});

/// `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`.
static NUMERIC_DATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})\b").expect("valid regex")
});

/// `YYYY-MM-DD` (ISO), optionally followed by a time.
static ISO_DATE: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)").expect("valid regex"));

/// `(7/8)` or `(29/04)`: day and month in brackets, as a dateline aside.
static PARTIAL_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\d{1,2})/(\d{1,2})\)").expect("valid regex"));

fn month_number(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
        _ => 0,
    }
}

/// Builds a date when the numbers make one; `None` for `31/02` and the like.
pub fn make_date(year: Option<i32>, month: u32, day: u32) -> Option<ArticleDate> {
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    if let Some(y) = year {
        if !(1900..=2100).contains(&y) {
            return None;
        }
    }
    let month = month as u8;
    if day > u32::from(days_in_month(year, month)) {
        return None;
    }
    Some(ArticleDate {
        year,
        month,
        day: day as u8,
    })
}

/// A date found in text, with the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The date.
    pub date: ArticleDate,
    /// Byte range of the match in the searched text.
    pub start: usize,
    /// One past the last byte of the match.
    pub end: usize,
}

/// How far past the start of the best date found so far the numeric and
/// ISO forms are looked for: neither is longer than 39 bytes (digits may be
/// up to four bytes each), and `\b` after one looks at one more character.
const SHORT_FORM_REACH: usize = 64;

/// Finds the first complete date (with a year) in `text`.
///
/// A form's match counts only when it starts before the best found so far,
/// so the numeric and ISO forms, which are short, are looked for only up to
/// [`SHORT_FORM_REACH`] past that start: what comes later cannot change
/// their matches that start before it. A dated body is thus scanned once
/// to its date, not three times to its end.
pub fn find_full_date(text: &str) -> Option<FoundDate> {
    let chars = WordChars::of(text);
    let best = first_date(&WORD_DATE, &chars, text, word_date);
    let best = earlier(
        best,
        first_date(&NUMERIC_DATE, &chars, reach(text, best), numeric_date),
    );
    earlier(
        best,
        first_date(&ISO_DATE, &chars, reach(text, best), iso_date),
    )
}

/// The first match of a form in `text` that `date` makes a date of.
///
/// `date` reads the match's text, which the form's shape is known to fit,
/// instead of the regex's groups: finding a match runs the fast DFA alone,
/// while asking for its groups ran a second, slower engine over it, a
/// tenth of parsing.
fn first_date(
    form: &WordRegex,
    chars: &WordChars,
    text: &str,
    date: fn(&str) -> Option<ArticleDate>,
) -> Option<FoundDate> {
    form.for_text(chars).find_iter(text).find_map(|m| {
        Some(FoundDate {
            date: date(m.as_str())?,
            start: m.start(),
            end: m.end(),
        })
    })
}

/// `[Hari,] D Bulan YYYY`, from the text of a [`WORD_DATE`] match. Day
/// names hold no digit, so the first one starts the day; the month runs
/// to a dot, a dash or white space; the year is what follows the last dash
/// or white space.
fn word_date(m: &str) -> Option<ArticleDate> {
    let day_at = m.find(|c: char| c.is_numeric())?;
    let rest = &m[day_at..];
    let (day, rest) = rest.split_at(rest.find(is_gap)?);
    let rest = rest.trim_start_matches(is_gap);
    let month = &rest[..rest.find(|c: char| c == '.' || is_gap(c))?];
    let year = m[m.rfind(is_gap)?..].trim_start_matches(is_gap);
    let day = day.parse().ok()?;
    let month = month_number(month)?;
    make_date(Some(year.parse().ok()?), month.into(), day)
}

/// The `[\s-]` of [`WORD_DATE`]: white space or a dash.
fn is_gap(c: char) -> bool {
    c == '-' || c.is_whitespace()
}

/// `DD/MM/YYYY` and the like, from the text of a [`NUMERIC_DATE`] match:
/// both separators the same.
fn numeric_date(m: &str) -> Option<ArticleDate> {
    let is_separator = |c: char| matches!(c, '/' | '.' | '-');
    let first = m.find(is_separator)?;
    let (day, rest) = (&m[..first], &m[first..]);
    let separator = rest.chars().next()?;
    let rest = &rest[1..];
    let second = rest.find(is_separator)?;
    let (month, year) = (&rest[..second], &rest[second + 1..]);
    if !rest[second..].starts_with(separator) {
        return None;
    }
    make_date(year.parse().ok(), month.parse().ok()?, day.parse().ok()?)
}

/// `YYYY-MM-DD`, from the text of an [`ISO_DATE`] match (a `T` may end it).
fn iso_date(m: &str) -> Option<ArticleDate> {
    let mut parts = m.trim_end_matches('T').split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    make_date(year.parse().ok(), month.parse().ok()?, day.parse().ok()?)
}

/// The part of `text` where a short form may start a match before `best`.
fn reach(text: &str, best: Option<FoundDate>) -> &str {
    let Some(best) = best else {
        return text;
    };
    let mut cut = best.start.saturating_add(SHORT_FORM_REACH).min(text.len());
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    &text[..cut]
}

/// `found` when it starts before `best` (on a tie the form looked for
/// first wins).
fn earlier(best: Option<FoundDate>, found: Option<FoundDate>) -> Option<FoundDate> {
    match (best, found) {
        (Some(b), Some(f)) if f.start < b.start => Some(f),
        (None, f) => f,
        (b, _) => b,
    }
}

/// Finds the first day/month aside without a year, such as `(7/8)`.
pub fn find_partial_date(text: &str) -> Option<FoundDate> {
    PARTIAL_DATE.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        make_date(None, c[2].parse().ok()?, c[1].parse().ok()?).map(|date| FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    })
}

/// True when a line is essentially a date header (`Senin, 29 April 2019 11:24
/// WIB | Dibaca : 540`): a date and nothing but time, zone, and counters.
pub fn is_date_line(line: &str) -> Option<ArticleDate> {
    // `Redaksi | Kamis, 3 Agustus 2023 | 15:22 WITA`: a desk, a date and a time.
    // Every part holds a date or is short; the first date found counts.
    if line.contains('|') {
        let mut date = None;
        for part in line.split('|').map(str::trim) {
            match find_full_date(part) {
                Some(found) => {
                    date.get_or_insert(found.date);
                }
                None if part.split_whitespace().count() <= 3 => {}
                None => return None,
            }
        }
        return date;
    }
    // A date holds at most two words that are not numbers (a day and a
    // month name), and an ISO date's `T` glues one more: a line with more
    // words than that besides numbers and header words is prose, and the
    // date regexes need not run.
    if more_foreign_words_than(line, 3) {
        return None;
    }
    let found = find_full_date(line)?;
    let rest = format!("{} {}", &line[..found.start], &line[found.end..]);
    let rest = rest.to_lowercase();
    let leftover_words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_header_word(w))
        .count();
    (leftover_words == 0).then_some(found.date)
}

/// The words a date line may hold besides its date and numbers: times,
/// zones, labels and counters.
const HEADER_WORDS: [&str; 22] = [
    "wib",
    "wita",
    "wit",
    "date",
    "tanggal",
    "diterbitkan",
    "dipublikasikan",
    "published",
    "posted",
    "on",
    "pukul",
    "jam",
    "dibaca",
    "dilihat",
    "kali",
    "views",
    "x",
    "oleh",
    "by",
    "update",
    "updated",
    "diperbarui",
];

/// True for a word a date line may hold besides its date (ASCII case
/// ignored).
fn is_header_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit()) || HEADER_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

/// True when `line` holds more than `max` words that are surely not
/// header words (see [`is_header_word`]); a word with non-ASCII letters is
/// given the benefit of the doubt (its lower case might be one). Stops
/// counting there: most lines it sees are prose.
fn more_foreign_words_than(line: &str, max: usize) -> bool {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.is_ascii() && !is_header_word(w))
        .nth(max)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> Option<String> {
        find_full_date(s).map(|f| f.date.to_string())
    }

    /// Every form looked for over the whole text, the earliest valid one
    /// kept: what [`find_full_date`] must give.
    fn earliest_over_whole_text(text: &str) -> Option<FoundDate> {
        let chars = WordChars::of(text);
        let word = first_date(&WORD_DATE, &chars, text, word_date);
        let numeric = first_date(&NUMERIC_DATE, &chars, text, numeric_date);
        let iso = first_date(&ISO_DATE, &chars, text, iso_date);
        [word, numeric, iso]
            .into_iter()
            .flatten()
            .fold(None, |best: Option<FoundDate>, f| {
                if best.is_none_or(|b| f.start < b.start) {
                    Some(f)
                } else {
                    best
                }
            })
    }

    #[test]
    fn looking_for_short_forms_only_near_the_best_date_finds_the_same() {
        let firsts = [
            "",
            "5 Mei 2021",
            "Senin, 31 Februari 2020",
            "Rabu  7 - Agustus -  2019",
            "sebanyak 30 orang 2020",
        ];
        let seconds = [
            "01/02/2020",
            "32/01/2020",
            "1/2-2020",
            "2021-03-04",
            "2021-13-04",
            "2021-03-04T10:00",
            "١٢/٠٣/٢٠٢٤",
            "٢٠٢١-٠٣-٠٤",
            "12/03/20245",
            "29.02.2021",
            // an ISO date that a numeric one overlaps: the ISO starts first
            "2021-03-04-2020",
            "١٩٩٩-١٢-٣١-٢٠٢٠",
        ];
        let fillers = ["", " ", "x", "Ésa ", "pukul 10.00 ", "dan é"];
        let mut compared = 0;
        for first in firsts {
            for second in seconds {
                for filler in fillers {
                    for gap in [0, 1, 20, 30, 40, 50, 55, 60, 63, 64, 65, 70, 100] {
                        let pad = "a".repeat(gap);
                        for text in [
                            format!("{first}{filler}{pad}{second} lalu 2020-01-01"),
                            format!("{second}{filler}{pad}{first}"),
                            format!("{filler}{first}{pad} {second}{filler}{second}"),
                        ] {
                            assert_eq!(
                                find_full_date(&text),
                                earliest_over_whole_text(&text),
                                "{text:?}"
                            );
                            compared += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(compared, 5 * 12 * 6 * 13 * 3);
    }

    #[test]
    fn day_name_comma_date_time_zone() {
        assert_eq!(
            full("Senin, 29 April 2019 11:24 WIB").as_deref(),
            Some("2019-04-29")
        );
    }

    #[test]
    fn day_name_without_comma() {
        assert_eq!(
            full("di Serua, Rabu 8 November 2017.").as_deref(),
            Some("2017-11-08")
        );
    }

    #[test]
    fn date_inside_a_sentence() {
        assert_eq!(
            full("di Kabupaten Sleman, Jumat, 3 Maret 2023 lalu").as_deref(),
            Some("2023-03-03")
        );
        assert_eq!(
            full("pada Jum'at 1 Desember 2023").as_deref(),
            Some("2023-12-01")
        );
    }

    #[test]
    fn numeric_and_iso_dates() {
        assert_eq!(full("17/10/2023").as_deref(), Some("2023-10-17"));
        assert_eq!(
            full("tanggal 05-01-2021 pukul").as_deref(),
            Some("2021-01-05")
        );
        assert_eq!(
            full("2022-12-31T08:00:00+07:00").as_deref(),
            Some("2022-12-31")
        );
    }

    #[test]
    fn old_spellings_and_abbreviations() {
        assert_eq!(full("12 Nopember 2015").as_deref(), Some("2015-11-12"));
        assert_eq!(full("3 Pebruari 2016").as_deref(), Some("2016-02-03"));
        assert_eq!(full("9 Okt 2020").as_deref(), Some("2020-10-09"));
        assert_eq!(full("1 Agustus 2018").as_deref(), Some("2018-08-01"));
    }

    #[test]
    fn earliest_form_wins() {
        assert_eq!(
            full("01/02/2020 dan 5 Mei 2021").as_deref(),
            Some("2020-02-01")
        );
        assert_eq!(
            full("5 Mei 2021 dan 01/02/2020").as_deref(),
            Some("2021-05-05")
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(full("31 Februari 2020"), None);
        assert_eq!(full("32/01/2020"), None);
        assert_eq!(full("29 Februari 2021"), None);
        assert_eq!(full("29 Februari 2020").as_deref(), Some("2020-02-29"));
        assert_eq!(full("sebanyak 30 orang 2020"), None);
    }

    #[test]
    fn partial_date_keeps_no_year() {
        let p = find_partial_date("ketika ditemui kemarin. (7/8).").unwrap();
        assert_eq!(p.date.to_string(), "--08-07");
        assert!(p.date.is_partial());
        assert_eq!(
            find_partial_date("(29/04)").unwrap().date.to_string(),
            "--04-29"
        );
        assert_eq!(find_partial_date("(35/14)"), None);
    }

    #[test]
    fn date_header_lines() {
        assert!(is_date_line("Senin, 29 April 2019 11:24 WIB | Dibaca : 540").is_some());
        assert!(is_date_line("Date: 17/10/2023").is_some());
        assert!(is_date_line("Bupati hadir pada Senin, 29 April 2019").is_none());
        // Numbers of any length, an ISO time glued by `T`, and a day and a
        // month name are all a date line may hold.
        assert!(is_date_line(
            "Diterbitkan Senin, 29 April 2019 pukul 11:24 WIB, dibaca 123456789012345678 kali"
        )
        .is_some());
        assert!(is_date_line("2023-10-17T10:22:00 WIB").is_some());
        assert!(is_date_line("Pemkab Sleman gelar rapat, Senin 29 April 2019").is_none());
    }

    /// The date each form's regex groups give for every match, as the
    /// reading of the groups did before the match's text was read instead.
    fn by_groups(form: &WordRegex, text: &str) -> Option<FoundDate> {
        let groups = |c: &regex::Captures| -> Option<ArticleDate> {
            let n = |i: usize| c.get(i).map(|m| m.as_str());
            match c.len() {
                // WORD_DATE: day, month name, year
                4 if std::ptr::eq(form, &*WORD_DATE) => make_date(
                    Some(n(3)?.parse().ok()?),
                    month_number(n(2)?)?.into(),
                    n(1)?.parse().ok()?,
                ),
                // NUMERIC_DATE: day, separator, month, separator, year
                6 => {
                    if n(2)? != n(4)? {
                        return None;
                    }
                    make_date(n(5)?.parse().ok(), n(3)?.parse().ok()?, n(1)?.parse().ok()?)
                }
                // ISO_DATE: year, month, day
                _ => make_date(n(1)?.parse().ok(), n(2)?.parse().ok()?, n(3)?.parse().ok()?),
            }
        };
        form.on(text).captures_iter(text).find_map(|c| {
            let m = c.get(0)?;
            Some(FoundDate {
                date: groups(&c)?,
                start: m.start(),
                end: m.end(),
            })
        })
    }

    /// One piece of a text for the property below: mostly date-shaped,
    /// with digits, gaps, separators and month names that may or may not
    /// make a date.
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pick = |items: &'static [&'static str]| proptest::sample::select(items);
        let day = pick(&["", "Senin, ", "jum'at ", "Jum’at,  ", "Ahad,\t"]);
        let digits = pick(&[
            "5", "07", "12", "31", "32", "123", "٣", "2024", "٢٠٢٤", "1999",
        ]);
        let gap = pick(&[" ", "-", " - ", "\u{a0}", "  ", ""]);
        let month = pick(&[
            "Mei",
            "DESEMBER",
            "sept",
            "Sept.",
            "O\u{212a}tober",
            "orang",
            "Juni",
            "nop",
        ]);
        let separator = pick(&["/", ".", "-", ""]);
        let filler = pick(&["", " ", "x", "é", "T", "T10", ", ", "\n"]);
        prop_oneof![
            (day, digits.clone(), gap.clone(), month, gap, digits.clone())
                .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat()),
            (
                digits.clone(),
                separator.clone(),
                digits.clone(),
                separator,
                digits.clone()
            )
                .prop_map(|(a, b, c, d, e)| [a, b, c, d, e].concat()),
            (
                digits.clone(),
                pick(&["-", "--"]),
                digits.clone(),
                pick(&["-"]),
                digits,
                pick(&["", "T"])
            )
                .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat()),
            filler.prop_map(str::to_string),
        ]
    }

    #[test]
    fn an_iso_date_glued_to_its_time_reads_as_its_groups_do() {
        let text = "2024-07-07TT";
        let chars = WordChars::of(text);
        let found = first_date(&ISO_DATE, &chars, text, iso_date);
        assert_eq!(found, by_groups(&ISO_DATE, text));
        assert_eq!(
            found.map(|f| (f.date.to_string(), f.end)),
            Some(("2024-07-07".into(), 11))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn reading_a_match_gives_what_its_groups_give(
            parts in proptest::collection::vec(piece(), 0..6)
        ) {
            let text: String = parts.concat();
            let chars = WordChars::of(&text);
            for (form, date) in [
                (&*WORD_DATE, word_date as fn(&str) -> Option<ArticleDate>),
                (&*NUMERIC_DATE, numeric_date),
                (&*ISO_DATE, iso_date),
            ] {
                proptest::prop_assert_eq!(
                    first_date(form, &chars, &text, date),
                    by_groups(form, &text),
                    "{:?}",
                    text
                );
            }
        }
    }
}
