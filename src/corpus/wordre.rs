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
        let non_ascii_word = !text.is_ascii()
            && text
                .chars()
                .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c));
        if non_ascii_word {
            &self.unicode
        } else {
            &self.ascii
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
