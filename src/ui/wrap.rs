//! Word wrapping by display width (wide CJK and emoji count two columns,
//! combining marks none), returning byte ranges so styled spans (entity
//! mentions) can be mapped onto wrapped lines.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Display width of one char as drawn: control characters are never drawn.
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        0
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width of a string as drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Wraps `text` to `width` columns. Each `\n` ends a line (so a blank line
/// stays blank); long lines break after spaces, and words longer than the
/// width break between chars. Ranges are on char boundaries and ascending.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut base = 0;
    for line in text.split('\n') {
        wrap_line(line, base, width, &mut out);
        base += line.len() + 1;
    }
    out
}

fn wrap_line(line: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut used = 0;
    // (end of the text kept before the last space, where the next line resumes)
    let mut brk: Option<(usize, usize)> = None;
    let mut since_brk = 0;
    let mut push = |start: usize, mut end: usize| {
        while end > start && line.as_bytes()[end - 1] == b' ' {
            end -= 1;
        }
        out.push(base + start..base + end);
    };
    for (i, c) in line.char_indices() {
        if c == ' ' {
            if i == start && start > 0 {
                start = i + 1;
                continue;
            }
            brk = Some((i, i + 1));
            used += 1;
            since_brk = 0;
            continue;
        }
        let cw = char_width(c);
        while cw > 0 && used > 0 && used + cw > width {
            match brk.take() {
                Some((end, resume)) if resume > start => {
                    push(start, end);
                    start = resume;
                    used = since_brk;
                }
                _ => {
                    push(start, i);
                    start = i;
                    used = 0;
                }
            }
            since_brk = used;
        }
        used += cw;
        since_brk += cw;
    }
    push(start, line.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_after_spaces_and_keeps_blank_lines() {
        assert_eq!(lines("aa bb cc\n\ndd", 5), ["aa bb", "cc", "", "dd"]);
        assert_eq!(lines("Wali Kota Tangerang", 10), ["Wali Kota", "Tangerang"]);
    }

    #[test]
    fn long_words_break_between_chars() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("ab abcdefgh", 4), ["ab", "abcd", "efgh"]);
    }

    #[test]
    fn wide_chars_take_two_columns() {
        assert_eq!(lines("日本語の", 5), ["日本", "語の"]);
        for l in lines("日本語 日本語 ab", 5) {
            assert!(str_width(l) <= 5, "{l}");
        }
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let text = "Kami\u{301}l Kami\u{301}l";
        assert_eq!(lines(text, 5), ["Kami\u{301}l", "Kami\u{301}l"]);
    }

    #[test]
    fn every_line_fits_and_ranges_ascend() {
        let text =
            "Pemerintah Kota (Pemkot) Tangerang — sukses 😀😀 menurunkan angka kemiskinan ekstrem.";
        for w in 2..30 {
            let ranges = wrap(text, w);
            for pair in ranges.windows(2) {
                assert!(pair[0].end <= pair[1].start);
            }
            for r in &ranges {
                assert!(
                    str_width(&text[r.clone()]) <= w,
                    "width {w}: {:?}",
                    &text[r.clone()]
                );
            }
        }
    }
}
