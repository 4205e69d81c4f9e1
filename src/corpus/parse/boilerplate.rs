//! Recognising the site furniture scraped along with an article: author
//! boxes, "related" teasers, share buttons, comment sections, captcha prompts
//! and view counters. Rules are about the shape of a line, never about a
//! particular article.

use crate::corpus::wordre::WordRegex;
use regex::Regex;
use regex_automata::{meta, Input, MatchKind, PatternID, PatternSet};
use std::cell::RefCell;
use std::sync::LazyLock;

/// What a line of scraped text is, as far as boilerplate goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Ordinary text.
    Text,
    /// A line after which nothing belongs to the article (`Terpopuler`,
    /// `Berita Lainnya`, `Artikel Terkait`, `Komentar` …).
    End,
    /// The author box heading; the next line names the author, then the tail.
    AuthorBox,
    /// `Penulis: X`, `Editor: X`, `Reporter: X`: names the author, drop the line.
    Byline(String),
    /// `Sumber: X`: names the source, drop the line.
    Source(String),
    /// `0 Response to "[Pos baru] Title"`: a comment footer carrying the title.
    FooterTitle(String),
    /// A line to drop wherever it stands (captcha prompt, view counter,
    /// `Baca juga: …`, share prompt, empty label).
    Drop,
}

/// Whole-line headings of an author box (the author's name follows).
const AUTHOR_BOX_HEADINGS: &[&str] = &["author", "tentang penulis", "about the author"];

/// Whole-line markers after which the rest of the file is site furniture.
const END_MARKERS: &[&str] = &[
    "terpopuler",
    "populer",
    "baca berita lainnya",
    "berita lainnya",
    "baca selengkapnya",
    "berita populer",
    "terpopuler hari ini",
    "share post",
    "share",
    "bagikan",
    "bagikan artikel",
    "share this",
    "share this post",
    "berita lainnya",
    "berita terkait",
    "berita terbaru",
    "terbaru",
    "related",
    "related posts",
    "related articles",
    "artikel terkait",
    "artikel lainnya",
    "baca juga",
    "lihat juga",
    "rekomendasi",
    "rekomendasi untuk anda",
    "komentar",
    "komentari",
    "tulis komentar",
    "tinggalkan balasan",
    "tinggalkan komentar",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "tags",
    "tag",
    "topik",
    "editor's pick",
    "pilihan editor",
    "video pilihan",
    "kategori",
    "navigasi pos",
    "post navigation",
    "previous post",
    "next post",
    "pos-pos terbaru",
];

/// Lines dropped wherever they stand (and any line that mentions a captcha).
const DROP_LINE_PATTERN: &str = r"(?ix)^(?:
            (?:dibaca|dilihat|views?)\s*:?\s*[\d.,]+(?:\s*(?:kali|x|views?))?
          | [\d.,]+\s*(?:kali\s+dibaca|views|dilihat|comments?|komentar)
          | baca\s+(?:juga|pula|selengkapnya)\s*:.*
          | (?:share|bagikan)\s*(?:ke|to|on|:).*
          | (?:date|tanggal|waktu)\s*:\s*
          | (?:advertisement|iklan|scroll\s+to\s+continue.*|gulir\s+untuk.*|loading\.*)
          | (?:follow|ikuti)\s+(?:us|kami|berita).*(?:google\s+news|instagram|twitter|whatsapp|telegram).*
        )$";

const BYLINE_PATTERN: &str = r"(?i)^(?:(?:penulis|reporter|wartawan|editor|redaktur|pewarta|oleh|author|writer)\s*[:：]|laporan\s+(?:wartawan|reporter|kontributor)\s+(?:[\w.-]+\.\w+,)?)\s*(.{2,80})$";

const SOURCE_PATTERN: &str = r"(?i)^sumber\s*:\s*(.{2,120})$";

const FOOTER_TITLE_PATTERN: &str = r#"(?i)^\d+\s+(?:responses?|komentar|tanggapan)\s+(?:to|untuk|pada)\s+["“](?:\[[^\]]*\]\s*)?(.+?)["”]\s*$"#;

const COMMENT_COUNT_PATTERN: &str = r"(?i)^\d+\s+(?:comments?|komentar|responses?|tanggapan)$";

/// `Tags: Banjarbaru, PKN II`: a tag list closes the article.
const TAG_LINE_PATTERN: &str = r"(?i)^(?:tags?|topik|kategori|label)\s*:\s*\S";

/// The line patterns, in the order [`classify`] tries them: one pass of
/// the set tells which of them match, and only those run again to capture.
const PATTERNS: [&str; 6] = [
    COMMENT_COUNT_PATTERN,
    TAG_LINE_PATTERN,
    FOOTER_TITLE_PATTERN,
    BYLINE_PATTERN,
    SOURCE_PATTERN,
    DROP_LINE_PATTERN,
];
const COMMENT_COUNT: usize = 0;
const TAG_LINE: usize = 1;
const FOOTER_TITLE: usize = 2;
const BYLINE: usize = 3;
const SOURCE: usize = 4;
const DROP_LINE: usize = 5;

/// All of [`PATTERNS`] in one regex, reporting every pattern that matches
/// (as a `regex::RegexSet` does).
static LINE_SHAPES: LazyLock<meta::Regex> = LazyLock::new(|| {
    meta::Regex::builder()
        .configure(meta::Regex::config().match_kind(MatchKind::All))
        .build_many(&PATTERNS)
        .expect("valid regexes")
});

thread_local! {
    /// This thread's search cache for [`LINE_SHAPES`]: a `RegexSet` takes
    /// one from its pool on every search (two for every line).
    static LINE_SHAPES_CACHE: RefCell<meta::Cache> = RefCell::new(LINE_SHAPES.create_cache());
}

/// Which of [`PATTERNS`] match `line`; `None` when none does. Nearly every
/// line matches none, and the patterns' anchored starts rule most lines out
/// after a few bytes: a yes/no search first spares the full answer's
/// search for every match.
fn line_shapes(line: &str) -> Option<PatternSet> {
    LINE_SHAPES_CACHE.with_borrow_mut(|cache| {
        let input = Input::new(line).earliest(true);
        LINE_SHAPES.search_half_with(cache, &input)?;
        let mut shapes = PatternSet::new(PATTERNS.len());
        LINE_SHAPES.which_overlapping_matches_with(cache, &input.earliest(false), &mut shapes);
        Some(shapes)
    })
}

static LINE_REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .map(|p| Regex::new(p).expect("valid regex"))
        .collect()
});

/// The byline and source patterns without their tail `(.{2,N})$`, and
/// the `N`. For a line the pattern matched, the head's first match (the
/// fast DFA alone finds it) ends where the pattern's capture starts,
/// whenever what follows it has 2 to N chars and no line break: the
/// pattern tries the head's ways in the same order and takes the first
/// whose rest is such a tail. Capturing with the pattern instead ran a
/// second engine over the line (with its bounded repetition of any char, a
/// large automaton: ~100 000 instructions a line; with the tail loosened to
/// `(.+)$`, 365 ns a byline against 46 ns for the head's match).
static HEADS: LazyLock<[Option<(Regex, usize)>; PATTERNS.len()]> = LazyLock::new(|| {
    std::array::from_fn(|which| {
        let pattern = PATTERNS[which];
        [80, 120].into_iter().find_map(|max| {
            let tail = format!("(.{{2,{max}}})$");
            pattern.ends_with(&tail).then(|| {
                let head = &pattern[..pattern.len() - tail.len()];
                (Regex::new(head).expect("valid regex"), max)
            })
        })
    })
});

/// The footer-title pattern's tail: a title, its closing quote and white
/// space to the end.
const FOOTER_TAIL: &str = r#"(.+?)["”]\s*$"#;

/// The footer-title pattern without [`FOOTER_TAIL`]. As with [`HEADS`],
/// the head's first match ends where the pattern's capture starts when
/// what follows is such a tail; the lazy capture then runs to the last
/// quote, after which only white space may come. Capturing with the
/// pattern ran the backtracker over the line: about 33 000 instructions a
/// footer, one in every four generated reports.
static FOOTER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let head = FOOTER_TITLE_PATTERN
        .strip_suffix(FOOTER_TAIL)
        .expect("the footer pattern ends with its tail");
    Regex::new(head).expect("valid regex")
});

/// The footer title after [`FOOTER_HEAD`]'s match in `line`, when what
/// follows the match is a [`FOOTER_TAIL`].
fn footer_title(line: &str) -> Option<&str> {
    let tail = &line[FOOTER_HEAD.find(line)?.end()..];
    let quoted = tail.trim_end_matches(char::is_whitespace);
    let title = quoted
        .strip_suffix('"')
        .or_else(|| quoted.strip_suffix('”'))?;
    (!title.is_empty() && !title.contains('\n')).then_some(title)
}

/// The first capture of pattern `which` in `line`, trimmed.
fn captured(which: usize, line: &str) -> &str {
    let quick = if which == FOOTER_TITLE {
        footer_title(line)
    } else {
        HEADS[which].as_ref().and_then(|(head, max)| {
            let tail = &line[head.find(line)?.end()..];
            let fits = (2..=*max).contains(&tail.chars().count()) && !tail.contains('\n');
            fits.then_some(tail)
        })
    };
    quick
        .or_else(|| {
            let captures = LINE_REGEXES[which].captures(line)?;
            Some(captures.get(1)?.as_str())
        })
        .unwrap_or("")
        .trim()
}

/// Lines no longer than this (trimmed) may be a whole-line marker: a char
/// lowercases to at least a third of its bytes, and markers are short.
const MARKER_MAX_BYTES: usize = 3 * 32;

/// `Home / Berita Daerah / Jember`: a breadcrumb trail.
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^/›»>]{1,40}(?:\s[/›»>]\s[^/›»>]{1,40}){1,5}$").expect("valid regex")
});

/// Classifies one trimmed line.
pub fn classify(line: &str) -> LineKind {
    // Trimming ':', ' ', '.' and white space commutes with lowercasing, so
    // only a short line is lowercased.
    let bare = line.trim_end_matches([':', ' ', '.']).trim();
    if bare.len() <= MARKER_MAX_BYTES {
        // Markers are ASCII: an ASCII line is compared without case as it
        // stands; only another is lowercased (a Kelvin sign lowercases to
        // `k`), so nearly no line is copied.
        let marker = if bare.is_ascii() {
            marker_kind(|m| m.eq_ignore_ascii_case(bare))
        } else {
            let lower = bare.to_lowercase();
            marker_kind(|m| m == lower)
        };
        if let Some(kind) = marker {
            return kind;
        }
    }
    let shapes = line_shapes(line);
    let matched = |which| {
        shapes
            .as_ref()
            .is_some_and(|s| s.contains(PatternID::must(which)))
    };
    if matched(COMMENT_COUNT) || matched(TAG_LINE) {
        return LineKind::End;
    }
    if matched(FOOTER_TITLE) {
        return LineKind::FooterTitle(captured(FOOTER_TITLE, line).to_string());
    }
    if matched(BYLINE) {
        return LineKind::Byline(clean_name(captured(BYLINE, line)));
    }
    if matched(SOURCE) {
        return LineKind::Source(captured(SOURCE, line).to_string());
    }
    // A breadcrumb holds a separator and is at most ~260 bytes: most lines
    // are ruled out without running its regex.
    // (`›` and `»` end in bytes BA and BB, which few other characters do)
    let may_be_breadcrumb = line.len() <= 300
        && (memchr::memchr2(b'/', b'>', line.as_bytes()).is_some()
            || memchr::memchr2(0xBA, 0xBB, line.as_bytes()).is_some() && line.contains(['›', '»']));
    // Only ASCII letters lowercase to the ASCII letters of "captcha".
    let bytes = line.as_bytes();
    if memchr::memchr2_iter(b'c', b'C', bytes).any(|at| {
        bytes
            .get(at..at + 7)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"captcha"))
    }) || matched(DROP_LINE)
        || (may_be_breadcrumb && BREADCRUMB.is_match(line) && line.split_whitespace().count() <= 10)
    {
        return LineKind::Drop;
    }
    LineKind::Text
}

/// The whole-line marker `is` holds true of, if any: an author box's
/// heading or an end marker.
fn marker_kind(is: impl Fn(&str) -> bool) -> Option<LineKind> {
    if AUTHOR_BOX_HEADINGS.iter().any(|m| is(m)) {
        Some(LineKind::AuthorBox)
    } else if END_MARKERS.iter().any(|m| is(m)) {
        Some(LineKind::End)
    } else {
        None
    }
}

/// Strips bullets and stray punctuation around a name in an author box.
pub fn clean_name(s: &str) -> String {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '•' | '·' | '-' | '–' | '*' | '|' | '/' | ',')
    })
    .to_string()
}

/// True for a photo caption line such as `… berfoto bersama. (FOTO: x.go.id)`.
pub fn is_photo_caption(line: &str) -> bool {
    static CAPTION: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)(?:\((?:foto|photo|dok|dokumentasi|ist|istimewa)\b[^)]*\)\s*$|^(?:foto|photo|ilustrasi)\s*[:/])")
            .expect("valid regex")
    });
    CAPTION.on(line).is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_markers() {
        for line in [
            "Terpopuler",
            "Share post:",
            "Berita Lainnya",
            "Related",
            "Artikel Terkait",
            "Komentar",
            "Post a Comment",
            "BERITA TERKAIT",
            "Baca Juga:",
            "Tags:",
            "12 Comments",
        ] {
            assert_eq!(classify(line), LineKind::End, "{line}");
        }
    }

    #[test]
    fn markers_are_told_whatever_their_case_and_script() {
        // every marker, as written, in capitals and in title case
        for marker in END_MARKERS.iter().chain(AUTHOR_BOX_HEADINGS) {
            let want = if AUTHOR_BOX_HEADINGS.contains(marker) {
                LineKind::AuthorBox
            } else {
                LineKind::End
            };
            let title: String = marker
                .split(' ')
                .map(|w| w[..1].to_uppercase() + &w[1..])
                .collect::<Vec<_>>()
                .join(" ");
            for line in [marker.to_string(), marker.to_uppercase(), title] {
                assert_eq!(classify(&line), want, "{line}");
            }
        }
        // a Kelvin sign lowercases to `k`: still the marker
        assert_eq!(classify("\u{212A}omentar"), LineKind::End);
        assert_eq!(classify("Tentang Penulis \u{212A}"), LineKind::Text);
        // a marker inside a longer line, or one letter off, is not one
        for line in ["Komentar Bupati", "Sharee", "Baca jug", "Authors"] {
            assert_eq!(classify(line), LineKind::Text, "{line}");
        }
    }

    #[test]
    fn author_box_and_bylines() {
        assert_eq!(classify("Author"), LineKind::AuthorBox);
        assert_eq!(
            classify("Penulis: Rina Marlina"),
            LineKind::Byline("Rina Marlina".into())
        );
        assert_eq!(
            classify("Editor : Yudi S."),
            LineKind::Byline("Yudi S.".into())
        );
        assert_eq!(clean_name("  • Darmawan J. S"), "Darmawan J. S");
    }

    #[test]
    fn captcha_counters_and_read_also_are_dropped() {
        for line in [
            "Pastikan Google Captcha Sudah Tercentang !!!",
            "Dibaca : 540",
            "1.234 kali dibaca",
            "Baca juga: Bupati Resmikan Jembatan",
            "Date:",
            "Share ke: Facebook Twitter",
        ] {
            assert_eq!(classify(line), LineKind::Drop, "{line}");
        }
    }

    #[test]
    fn line_shapes_are_every_pattern_a_regex_set_finds() {
        let set = regex::RegexSet::new(PATTERNS).expect("valid regexes");
        for line in [
            // two patterns at once: a comment count that is also a counter
            "12 komentar",
            "3 Comments",
            "Tags: Banjarbaru, PKN II",
            "0 Response to \"[Pos baru] Wabup Tinjau Pasar\"",
            "Penulis: Rina Marlina",
            "Sumber: sleman.go.id",
            "Dibaca : 540",
            "Baca juga: Bupati Resmikan Jembatan",
            "Bupati meresmikan jembatan baru di Desa Sukamaju.",
            "",
        ] {
            let want: Vec<usize> = set.matches(line).into_iter().collect();
            let found: Vec<usize> = line_shapes(line)
                .map(|s| s.iter().map(|p| p.as_usize()).collect())
                .unwrap_or_default();
            assert_eq!(found, want, "{line:?}");
        }
    }

    #[test]
    fn comment_footer_carries_the_title() {
        assert_eq!(
            classify("0 Response to \"[Pos baru] Wabup Tinjau Pasar Baru\""),
            LineKind::FooterTitle("Wabup Tinjau Pasar Baru".into())
        );
        assert_eq!(
            classify("3 Responses to “Camat Hadiri Musrenbang”"),
            LineKind::FooterTitle("Camat Hadiri Musrenbang".into())
        );
    }

    #[test]
    fn source_lines() {
        assert_eq!(
            classify("Sumber: sleman.go.id"),
            LineKind::Source("sleman.go.id".into())
        );
    }

    #[test]
    fn ordinary_text_is_text() {
        assert_eq!(
            classify("Bupati meresmikan jembatan baru di Desa Sukamaju."),
            LineKind::Text
        );
        assert_eq!(
            classify("Related dengan itu, Sekda menyampaikan arahan."),
            LineKind::Text
        );
    }

    #[test]
    fn photo_captions() {
        assert!(is_photo_caption(
            "Para peserta berfoto bersama. (FOTO: sleman.go.id)"
        ));
        assert!(is_photo_caption("Foto: Humas Pemkab"));
        assert!(!is_photo_caption("Bupati memotret kegiatan warga."));
    }

    #[test]
    fn heads_find_what_the_patterns_capture() {
        assert!(HEADS[BYLINE].is_some() && HEADS[SOURCE].is_some());
        assert!(HEADS[FOOTER_TITLE].is_none());
        let long = "x".repeat(81);
        let lines = [
            "Penulis: Rina Marlina".to_string(),
            "Editor : Budi".to_string(),
            "Penulis:  X".to_string(),
            "Penulis: X".to_string(),
            "Oleh: ".to_string() + &long,
            "Oleh: ".to_string() + &long[..79],
            format!("Reporter: {}", "é".repeat(80)),
            "Laporan Wartawan Tribunnews.com, Agus Salim".to_string(),
            "Laporan wartawan tribun.com,X".to_string(),
            "Laporan wartawan tribun.com,XY".to_string(),
            "Sumber: Humas Pemkab Jember".to_string(),
            "Sumber:  Y".to_string(),
            format!("Sumber: {}", "s".repeat(121)),
            "0 Response to \"[Pos baru] Bupati Resmikan Pasar\"".to_string(),
            "12 komentar untuk “Camat Tinjau Banjir”  ".to_string(),
            "1 tanggapan pada \"[Pos baru]\"".to_string(),
            "0 Responses to \"[a] \"b\"\"".to_string(),
            "0 Response to \"\"".to_string(),
        ];
        for line in &lines {
            for which in [BYLINE, SOURCE, FOOTER_TITLE] {
                let strict = LINE_REGEXES[which]
                    .captures(line)
                    .and_then(|c| c.get(1))
                    .map_or("", |m| m.as_str())
                    .trim();
                assert_eq!(captured(which, line), strict, "{which} {line:?}");
            }
        }
        assert_eq!(captured(BYLINE, &lines[7]), "Agus Salim");
        assert_eq!(captured(BYLINE, &lines[8]), "tribun.com,X");
        assert_eq!(captured(FOOTER_TITLE, &lines[13]), "Bupati Resmikan Pasar");
        assert_eq!(captured(FOOTER_TITLE, &lines[14]), "Camat Tinjau Banjir");
        assert_eq!(captured(FOOTER_TITLE, &lines[15]), "[Pos baru]");
    }

    /// Pieces of byline-, source- and footer-shaped lines: labels,
    /// separators, quotes, brackets, white space, a reporter's site, names
    /// and tails of many lengths.
    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(
            &[
                "Penulis",
                "Laporan wartawan ",
                "Laporan Kontributor",
                "Sumber",
                "oleh",
                ":",
                "：",
                " ",
                "  ",
                "\t",
                "tribun.com,",
                "x.y,",
                "Agus Salim",
                "X",
                "é",
                "日本",
                ".",
                ",",
                "-",
                "0123456789012345678901234567890123456789",
                "\n",
                "0",
                "12 ",
                "Response",
                "responses",
                "komentar",
                " to ",
                " untuk ",
                "\"",
                "“",
                "”",
                "[Pos baru]",
                "[",
                "]",
                "\u{a0}",
            ][..],
        )
    }

    /// One of `options`.
    fn one_of(
        options: &'static [&'static str],
    ) -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(options)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn a_footer_title_is_the_patterns_capture(
            count in one_of(&["0", "12", "", "x"]),
            gap in one_of(&[" ", "  ", "\t", ""]),
            label in one_of(&["Response", "responses", "Komentar", "tanggapan", "reply"]),
            to in one_of(&[" to ", " untuk ", "  pada\t", " ke "]),
            open in one_of(&["\"", "“", "”", ""]),
            bracket in one_of(&["", "[Pos baru] ", "[x]", "[]", "[a", "]"]),
            title in proptest::collection::vec(one_of(&["Bupati", " ", "\"", "”", "“", "[", "]", "\n", "é", "x"]), 0..6),
            close in one_of(&["\"", "”", "“", "", "\"\""]),
            end in one_of(&["", " ", "\u{a0}", "\n", " .", "x"]),
        ) {
            let line = [count, gap, label, to, open, bracket, &title.concat(), close, end].concat();
            let strict = LINE_REGEXES[FOOTER_TITLE]
                .captures(&line)
                .and_then(|c| c.get(1))
                .map_or("", |m| m.as_str())
                .trim();
            proptest::prop_assert_eq!(captured(FOOTER_TITLE, &line), strict, "{:?}", line);
        }

        #[test]
        fn the_rest_after_the_head_is_the_patterns_capture(parts in proptest::collection::vec(piece(), 0..10)) {
            let line: String = parts.concat();
            for which in [BYLINE, SOURCE, FOOTER_TITLE] {
                let strict = LINE_REGEXES[which]
                    .captures(&line)
                    .and_then(|c| c.get(1))
                    .map_or("", |m| m.as_str())
                    .trim();
                proptest::prop_assert_eq!(captured(which, &line), strict, "{} {:?}", which, line);
            }
        }
    }
}
