//! Removing everything from article text that could act on a terminal.
//!
//! Text comes from strangers. Before it becomes an [`Article`](super::Article)
//! every ANSI escape sequence (CSI, OSC, DCS, …), every C0/C1 control other
//! than newline and tab, every bidi override and every zero-width character is
//! replaced by a visible placeholder, so the reader can show that something
//! was there.

/// Stands where an escape sequence was removed.
pub const ESCAPE_PLACEHOLDER: char = '␛';
/// Stands where a single control, bidi or zero-width character was removed.
pub const CONTROL_PLACEHOLDER: char = '�';

/// The result of sanitising: the clean text and how many things were removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    /// Clean text with `\n` line ends and tabs turned into spaces.
    pub text: String,
    /// Number of escape sequences and characters replaced.
    pub removed: usize,
}

/// True for characters that must never reach a terminal from article text.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // bidi embeddings, overrides and isolates; marks
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
        // zero-width and invisible formatting characters
        | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}'
    )
}

/// Sanitises decoded text: normalises line ends (CRLF and lone CR become LF),
/// turns tabs into spaces, and replaces escape sequences and forbidden
/// characters with placeholders.
pub fn sanitize(input: &str) -> Sanitized {
    if is_clean(input) {
        return Sanitized {
            text: input.to_string(),
            removed: 0,
        };
    }
    sanitize_slow(input)
}

/// [`sanitize`] taking ownership of text that decoding has already told
/// holds an ASCII control (`ascii_controls`) or not, so it is not searched
/// for them again. Clean text (nearly every article) is kept as it is,
/// without a copy.
pub fn sanitize_decoded(input: String, ascii_controls: bool) -> Sanitized {
    if !ascii_controls && !has_forbidden_past_ascii(&input) {
        return Sanitized {
            text: input,
            removed: 0,
        };
    }
    sanitize_slow(&input)
}

/// True when nothing in the text needs replacing or normalising: no ASCII
/// control but the line feed, and none of the forbidden chars past ASCII,
/// which are looked for only at their lead bytes (U+0080–U+00AD after
/// `C2`, U+061C after `D8`, U+200B–U+2069 after `E2`, U+FEFF after `EF`;
/// in valid UTF-8 those bytes only ever start a char).
fn is_clean(input: &str) -> bool {
    !has_ascii_controls(input.as_bytes()) && !has_forbidden_past_ascii(input)
}

/// True when `input` holds a forbidden char past ASCII, looked for at the
/// lead bytes that [`is_clean`] names.
fn has_forbidden_past_ascii(input: &str) -> bool {
    let bytes = input.as_bytes();
    let forbidden_at = |at: usize| input[at..].chars().next().is_some_and(is_forbidden);
    memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(forbidden_at)
        || memchr::memchr_iter(0xd8, bytes).any(forbidden_at)
}

/// True when `bytes` hold an ASCII control other than the line feed (a
/// byte below space, or DEL): what [`is_clean`] refuses, and what decoding
/// must count before it can call bytes text. Folded 64 bytes at a time
/// without a branch, which the compiler vectorises.
pub(super) fn has_ascii_controls(bytes: &[u8]) -> bool {
    const RUN: usize = 64;
    let odd = |run: &[u8]| {
        run.iter().fold(0u8, |acc, &b| {
            acc | u8::from(b < b' ' && b != b'\n') | u8::from(b == 0x7f)
        }) != 0
    };
    let runs = bytes.chunks_exact(RUN);
    let tail = runs.remainder();
    runs.into_iter().any(odd) || odd(tail)
}

fn sanitize_slow(input: &str) -> Sanitized {
    let mut text = String::with_capacity(input.len());
    let mut removed = 0;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                text.push('\n');
            }
            '\n' => text.push('\n'),
            '\t' => text.push(' '),
            '\u{1b}' => {
                skip_escape(&mut chars);
                text.push(ESCAPE_PLACEHOLDER);
                removed += 1;
            }
            // C1 CSI, OSC, DCS, SOS, PM and APC introduce sequences too.
            '\u{9b}' | '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                skip_sequence_body(c, &mut chars);
                text.push(ESCAPE_PLACEHOLDER);
                removed += 1;
            }
            c if is_forbidden(c) => {
                // A soft hyphen or zero-width space is invisible formatting:
                // drop it silently, it hides nothing and is common in web text.
                if !matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}') {
                    text.push(CONTROL_PLACEHOLDER);
                }
                removed += 1;
            }
            c => text.push(c),
        }
    }
    Sanitized { text, removed }
}

/// A one-line label (a file name, an id, a path) safe to print: every
/// forbidden character and every line break or tab becomes
/// [`CONTROL_PLACEHOLDER`]. File names come from strangers too.
pub fn clean_label(s: &str) -> String {
    // printable ASCII, nearly every label, holds nothing to replace
    if s.bytes().all(|b| matches!(b, b' '..=b'~')) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if is_forbidden(c) || matches!(c, '\n' | '\r' | '\t') {
                CONTROL_PLACEHOLDER
            } else {
                c
            }
        })
        .collect()
}

/// Escapes, inside serialised JSON, the characters JSON leaves raw but a
/// terminal may act on (DEL, C1 controls, bidi and zero-width characters), as
/// `\uXXXX`. The value a script decodes is unchanged.
pub fn json_terminal_safe(json: &str) -> String {
    if !json.chars().any(is_forbidden) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_forbidden(c) {
            // serde_json escapes C0 itself, so these are all in the BMP.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Consumes the rest of an escape sequence after ESC.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_sequence_body('\u{9b}', chars);
        }
        Some(']') => {
            chars.next();
            skip_sequence_body('\u{9d}', chars);
        }
        Some('P' | 'X' | '^' | '_') => {
            chars.next();
            skip_sequence_body('\u{90}', chars);
        }
        // Two- and three-byte escapes: intermediates 0x20–0x2f, then a final byte.
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            chars.next();
            if ('\u{20}'..='\u{2f}').contains(&c) {
                while let Some(&n) = chars.peek() {
                    chars.next();
                    if !('\u{20}'..='\u{2f}').contains(&n) {
                        break;
                    }
                }
            }
        }
        _ => {}
    }
}

/// Consumes a CSI body (parameters up to a final byte) or a string sequence
/// (OSC/DCS/… up to BEL or ST). Stops at a newline so one bad byte cannot eat
/// the article.
fn skip_sequence_body(introducer: char, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    if introducer == '\u{9b}' {
        while let Some(&c) = chars.peek() {
            if c == '\n' || !('\u{20}'..='\u{7e}').contains(&c) {
                return;
            }
            chars.next();
            if ('\u{40}'..='\u{7e}').contains(&c) {
                return;
            }
        }
        return;
    }
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_level_check_agrees_with_the_char_rule_on_every_char() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let expected = c != '\t' && !is_forbidden(c);
            assert_eq!(is_clean(&text), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_check_sees_a_char_at_every_place_in_a_run() {
        let padding = "Bupati Sleman hadir di sini, kata Camat.".repeat(2);
        for at in 0..=padding.len() {
            let with = |c: char| format!("{}{c}{}", &padding[..at], &padding[at..]);
            for c in ['\u{1b}', '\u{7f}', '\u{200b}', '\u{9b}', '\t'] {
                assert!(!is_clean(&with(c)), "{c:?} at {at}");
            }
            for c in ['\n', 'é', '“', '·', '中'] {
                assert!(is_clean(&with(c)), "{c:?} at {at}");
            }
        }
    }

    #[test]
    fn ascii_controls_are_seen_at_every_place_of_every_run() {
        let padding = b"Bupati Sleman hadir di sini, kata Camat.".repeat(4);
        for b in 0..=255u8 {
            let control = (b < b' ' && b != b'\n') || b == 0x7f;
            for at in [0, 1, 63, 64, 65, 127, 128, 150, padding.len()] {
                let mut bytes = padding.clone();
                bytes.insert(at, b);
                assert_eq!(has_ascii_controls(&bytes), control, "{b:#04x} at {at}");
            }
        }
        assert!(!has_ascii_controls(b""));
    }

    #[test]
    fn text_known_to_hold_no_ascii_control_is_sanitised_as_any_other() {
        for text in [
            "Bupati hadir",
            "Bupati\u{200b} hadir",
            "Bupati \u{202e}hadir\u{ad}",
            "Bupati\u{61c} hadir \u{feff}",
            "“Kata” Bupati\u{9b}",
            "Bupati\x1b[31m hadir\r\n",
            "Bupati\thadir\x7f",
        ] {
            let controls = has_ascii_controls(text.as_bytes());
            assert_eq!(
                sanitize_decoded(text.to_string(), controls),
                sanitize(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn keeps_plain_text_and_normalises_line_ends() {
        let s = sanitize("Bupati\r\nSleman\rhadir\tdi sini");
        assert_eq!(s.text, "Bupati\nSleman\nhadir di sini");
        assert_eq!(s.removed, 0);
    }

    #[test]
    fn removes_csi_and_sgr_sequences() {
        let s = sanitize("a\u{1b}[2Jb\u{1b}[1;31mc\u{1b}[0m");
        assert_eq!(s.text, "a␛b␛c␛");
        assert_eq!(s.removed, 3);
    }

    #[test]
    fn removes_osc_clipboard_and_hyperlinks() {
        let s = sanitize(
            "x\u{1b}]52;c;aGVsbG8=\u{7}y\u{1b}]8;;http://e.x\u{1b}\\link\u{1b}]8;;\u{1b}\\z",
        );
        assert_eq!(s.text, "x␛y␛link␛z");
    }

    #[test]
    fn replaces_c0_c1_bidi_and_bel() {
        let s = sanitize("a\u{7}b\u{8}c\u{85}d\u{202e}e\u{2066}f\u{200d}g");
        assert_eq!(s.text, "a�b�c�d�e�f�g");
        assert_eq!(s.removed, 6);
    }

    #[test]
    fn drops_soft_hyphen_and_zero_width_space_but_counts_them() {
        let s = sanitize("Ke\u{ad}pala\u{200b} Dinas");
        assert_eq!(s.text, "Kepala Dinas");
        assert_eq!(s.removed, 2);
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        let s = sanitize("a\u{1b}]0;title\nnext line");
        assert_eq!(s.text, "a␛\nnext line");
    }

    #[test]
    fn labels_lose_controls_and_line_breaks() {
        assert_eq!(clean_label("a\u{1b}]0;x\u{7}\nb\u{202e}"), "a�]0;x��b�");
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let json = serde_json::to_string("a\u{1b}b\u{9b}c\u{202e}d\u{7f}").unwrap();
        let safe = json_terminal_safe(&json);
        assert_eq!(safe, r#""a\u001bb\u009bc\u202ed\u007f""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{1b}b\u{9b}c\u{202e}d\u{7f}");
    }

    #[test]
    fn clean_text_is_kept_without_a_copy() {
        let text = String::from("Bupati Sleman hadir.\nKata “Camat”.");
        let at = text.as_ptr();
        let out = sanitize_decoded(text, false);
        assert_eq!(out.text.as_ptr(), at);
        assert_eq!(out.removed, 0);
        assert_eq!(sanitize_decoded("a\tb\r\n".to_string(), true).text, "a b\n");
    }

    #[test]
    fn c1_csi_is_a_sequence() {
        let s = sanitize("a\u{9b}31mb");
        assert_eq!(s.text, "a␛b");
    }
}
