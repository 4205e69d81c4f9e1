//! Turning text into width-limited, styled spans. Control characters never
//! reach the terminal: they are dropped here (ratatui drops them too).

use super::wrap::char_width;
use ratatui::style::Style;
use ratatui::text::Span;

/// Builds spans from `(char, style)` runs, cut to `width` columns with a
/// trailing `…` when the text is longer. Control characters are dropped.
pub fn fit_styled(
    chars: impl IntoIterator<Item = (char, Style)>,
    width: usize,
) -> Vec<Span<'static>> {
    let chars: Vec<(char, Style)> = chars.into_iter().filter(|(c, _)| !c.is_control()).collect();
    let total: usize = chars.iter().map(|(c, _)| char_width(*c)).sum();
    let budget = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current = String::new();
    let mut style = None;
    let mut used = 0;
    let mut last_style = Style::new();
    for (c, s) in chars {
        let w = char_width(c);
        if used + w > budget {
            break;
        }
        used += w;
        if style != Some(s) {
            if let Some(prev) = style {
                spans.push(Span::styled(std::mem::take(&mut current), prev));
            }
            style = Some(s);
        }
        current.push(c);
        last_style = s;
    }
    if let Some(prev) = style {
        spans.push(Span::styled(current, prev));
    }
    if total > width && width > 0 {
        spans.push(Span::styled("…", last_style));
    }
    spans
}

/// `text` in `base`, with the chars at `marks` (char positions, ascending)
/// in `mark`, cut to `width`.
pub fn highlighted(
    text: &str,
    marks: &[usize],
    base: Style,
    mark: Style,
    width: usize,
) -> Vec<Span<'static>> {
    let mut m = marks.iter().peekable();
    let chars = text.chars().enumerate().map(|(i, c)| {
        while m.peek().is_some_and(|&&p| p < i) {
            m.next();
        }
        let hit = m.peek().is_some_and(|&&p| p == i);
        (c, if hit { base.patch(mark) } else { base })
    });
    fit_styled(chars, width)
}

/// `text` in one style, cut to `width`.
pub fn plain(text: &str, style: Style, width: usize) -> Vec<Span<'static>> {
    fit_styled(text.chars().map(|c| (c, style)), width)
}

/// Display width of spans.
pub fn spans_width(spans: &[Span<'_>]) -> usize {
    spans
        .iter()
        .map(|s| super::wrap::str_width(&s.content))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_gets_an_ellipsis_within_the_width() {
        let s = plain("Kabupaten Tangerang", Style::new(), 8);
        let text: String = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "Kabupat…");
        assert_eq!(spans_width(&s), 8);
        let s = plain("日本語", Style::new(), 4);
        assert!(spans_width(&s) <= 4);
    }

    #[test]
    fn control_characters_are_dropped() {
        let s = plain("a\u{1b}[31mb\u{7}", Style::new(), 20);
        let text: String = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "a[31mb");
    }

    #[test]
    fn marks_split_styles() {
        let mark = Style::new().fg(ratatui::style::Color::Red);
        let s = highlighted("wisman", &[0, 1], Style::new(), mark, 10);
        assert_eq!(s[0].content, "wi");
        assert_eq!(s[0].style, mark);
        assert_eq!(s[1].content, "sman");
    }
}
