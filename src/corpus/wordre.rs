//! Regexes with `\b` that stay on regex's fast DFA path. A Unicode `\b`
//! makes the lazy DFA give up at the first non-ASCII byte (a curly quote is
//! enough), leaving a much slower engine. Where the text has no non-ASCII
//! word character, an ASCII `\b` gives exactly the same matches, so that
//! version runs instead.

use regex::Regex;

/// A pattern compiled twice: as written, and with ASCII word boundaries.
#[derive(Debug)]
pub struct WordRegex {
    unicode: Regex,
    ascii: Regex,
}

impl WordRegex {
    /// Compiles `pattern` (which must not contain an escaped backslash before `b`).
    pub fn new(pattern: &str) -> Result<WordRegex, regex::Error> {
        Ok(WordRegex {
            unicode: Regex::new(pattern)?,
            ascii: Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))?,
        })
    }

    /// The version that gives the same matches as the pattern on `text`, fast.
    pub fn on(&self, text: &str) -> &Regex {
        self.for_text(&WordChars::of(text))
    }

    /// [`WordRegex::on`] for a text already looked at, when several
    /// patterns search the same text.
    pub fn for_text(&self, chars: &WordChars) -> &Regex {
        if chars.non_ascii {
            &self.unicode
        } else {
            &self.ascii
        }
    }
}

/// Whether a text holds a non-ASCII word character, which decides the
/// version of a [`WordRegex`] that runs on it.
#[derive(Debug, Clone, Copy)]
pub struct WordChars {
    non_ascii: bool,
}

impl WordChars {
    /// Looks at `text`.
    pub fn of(text: &str) -> WordChars {
        WordChars {
            non_ascii: !text.is_ascii() && has_non_ascii_word_char(text),
        }
    }
}

/// True when `text` holds a non-ASCII word character; skips ASCII runs
/// without decoding them.
fn has_non_ascii_word_char(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(off) = first_non_ascii(&bytes[at..]) {
        let start = at + off;
        let Some(c) = text[start..].chars().next() else {
            return false;
        };
        if regex_syntax::is_word_character(c) {
            return true;
        }
        at = start + c.len_utf8();
    }
    false
}

/// The first byte with the high bit set, eight bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        if word & 0x8080_8080_8080_8080 != 0 {
            return chunk.iter().position(|&b| b >= 0x80).map(|i| base + i);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b >= 0x80)
        .map(|i| base + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_ascii_word_chars_and_skips_the_rest() {
        assert!(!has_non_ascii_word_char("plain “quoted” text – dash"));
        assert!(has_non_ascii_word_char("“Kamíl” said"));
        assert!(has_non_ascii_word_char("ascii then 中"));
        assert!(!has_non_ascii_word_char(""));
        assert!(has_non_ascii_word_char("exactly8 bytes then é"));
        assert_eq!(first_non_ascii("0123456789é".as_bytes()), Some(10));
        assert_eq!(first_non_ascii(b"01234567"), None);
    }

    #[test]
    fn same_matches_with_curly_quotes_and_with_accented_words() {
        let re = WordRegex::new(r"\b\d+\s?persen\b").unwrap();
        let quoted = "“naik 5 persen” dan 7 persen.";
        let all = |r: &Regex, t: &str| r.find_iter(t).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(all(re.on(quoted), quoted), all(&re.unicode, quoted));
        // `é` is a word char: Unicode \b sees no boundary before `5`.
        let accented = "é5 persen";
        assert!(re.on(accented).find(accented).is_none());
    }
}
