//! Parsing a person's name around a post: honorifics and ranks before it,
//! initials inside it, degree suffixes after it.

use super::gazetteer::GAZETTEER;
use super::tokens::{ShapedSet, Token, TokenKind, Tokens};
use std::sync::LazyLock;

/// A name found in the token stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Honorifics and ranks as written, in order.
    pub titles: Vec<String>,
    /// First token of the name proper.
    pub first: usize,
    /// One past the last token of the name proper.
    pub end: usize,
    /// Degree suffixes as written.
    pub degrees: Vec<String>,
    /// One past the last token consumed (degrees included).
    pub consumed: usize,
    /// First token consumed (titles included).
    pub start: usize,
}

/// Capitalised words that never stand in a person's name
/// (`assets/not_names.txt`): every capitalised token is looked up in it.
static NOT_NAME_SET: LazyLock<ShapedSet> = LazyLock::new(|| {
    include_str!("../../assets/not_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Lower-case particles inside names (`Umar bin Khattab`).
const PARTICLES: &[&str] = &["bin", "binti", "van", "de", "al", "el"];

/// True for a token that can be part of a name proper.
fn is_name_token(t: Token) -> bool {
    if t.kind != TokenKind::Word || !t.text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if NOT_NAME_SET.contains(t.text)
        || GAZETTEER.is_post_word(t.text)
        || GAZETTEER.is_degree(t.text) && t.text.len() > 1 && !is_initial(t)
    {
        return false;
    }
    if is_initial(t) {
        return true;
    }
    // `Menurutnya`, `Rencananya`: words with the -nya suffix are never names.
    if t.text.ends_with("nya") && t.text.chars().count() > 5 {
        return false;
    }
    // An acronym of an institution is not a name (`BPSDM`), but short capitals
    // such as `AM` or `MY` are initials.
    if t.is_upper() && t.text.chars().count() > 3 {
        return false;
    }
    if GAZETTEER.institution(t.text).is_some() && !t.is_upper() {
        return false;
    }
    true
}

/// True when the tokens are exactly the name of a province, kabupaten or kota.
fn is_region_name(tokens: &Tokens, first: usize, end: usize) -> bool {
    use super::gazetteer::Level;
    // No region name has more words than the most its first word starts
    // (none, for nearly every name: the key filter says so at once).
    let most = tokens
        .get(first)
        .map_or(0, |t| GAZETTEER.region_words_from(t.text));
    if first >= end || end - first > most {
        return false;
    }
    let words = (first..end).map(|k| tokens.at(k).text);
    GAZETTEER.regions_named_words(words).iter().any(|&r| {
        matches!(
            GAZETTEER.regions[r].level,
            Level::Provinsi | Level::Kabupaten | Level::Kota
        )
    })
}

/// `R.`, `A.S.`, `AM`: initials.
pub fn is_initial(t: Token) -> bool {
    // Either way every letter (every char but dots) is a capital, and
    // there are at most three.
    let mut letters = 0;
    for c in t.text.chars().filter(|c| *c != '.') {
        letters += 1;
        if !c.is_uppercase() || letters > 3 {
            return false;
        }
    }
    t.text.ends_with('.') || (letters >= 2 && GAZETTEER.institution(t.text).is_none())
}

/// Matches a rank (with corps suffixes) at `i`: `Letkol Inf`, `Kombes Pol`, `AKBP`.
fn rank_at(tokens: &Tokens, i: usize) -> Option<(String, usize)> {
    let rank = GAZETTEER
        .ranks_starting_with(tokens.get(i)?.text)
        .find(|r| {
            r.len() <= tokens.len().saturating_sub(i)
                && r.iter()
                    .enumerate()
                    .all(|(k, w)| tokens.at(i + k).text == w.as_str())
        })?;
    let mut end = i + rank.len();
    let mut text = rank.join(" ");
    while let Some(t) = tokens.get(end) {
        let joined = if t.text == "(" {
            tokens
                .get(end + 1)
                .zip(tokens.get(end + 2))
                .map(|(a, b)| format!("({}{}", a.text, b.text))
        } else {
            None
        };
        if let Some(j) = joined.filter(|j| GAZETTEER.is_rank_suffix(j)) {
            text.push(' ');
            text.push_str(&j);
            end += 3;
        } else if GAZETTEER.is_rank_suffix(t.text) {
            text.push(' ');
            text.push_str(t.text);
            end += 1;
        } else {
            break;
        }
    }
    Some((text, end))
}

/// Parses a name forward from `i`: titles, the name, then degrees.
pub fn parse_forward(tokens: &Tokens, i: usize) -> Option<NameMatch> {
    let mut k = i;
    let mut titles = Vec::new();
    loop {
        let t = tokens.get(k)?;
        if let Some((rank, end)) = rank_at(tokens, k) {
            titles.push(rank);
            k = end;
        } else if GAZETTEER.is_honorific(t.text)
            && tokens.get(k + 1).is_some_and(|n| n.is_capitalized())
        {
            titles.push(t.text.to_string());
            k += 1;
        } else {
            break;
        }
    }
    let first = k;
    let mut end = k;
    while let Some(t) = tokens.get(end) {
        if end > first && t.after_break {
            break;
        }
        let particle = end > first
            && PARTICLES.contains(&t.text)
            && tokens.get(end + 1).is_some_and(is_name_token);
        if !is_name_token(t) && !particle {
            break;
        }
        end += 1;
        if end - first >= 6 {
            break;
        }
    }
    if !tokens
        .range(first..end)
        .any(|t| !is_initial(t) && t.text.chars().count() >= 2)
        || is_region_name(tokens, first, end)
    {
        return None;
    }
    // A degree glued to the name without a comma (`Ahmad Yani SH`) is a degree.
    let mut consumed = end;
    let mut degrees = Vec::new();
    loop {
        let comma = tokens.get(consumed).is_some_and(|t| t.text == ",");
        let at = consumed + usize::from(comma);
        match tokens.get(at) {
            Some(t)
                if t.kind == TokenKind::Word && GAZETTEER.is_degree(t.text) && !t.after_break =>
            {
                // `M.Si.` at a sentence end: the stop belongs to the sentence.
                degrees.push(t.text.trim_end_matches([',', '.']).to_string());
                consumed = at + 1;
            }
            _ => break,
        }
    }
    Some(NameMatch {
        titles,
        first,
        end,
        degrees,
        consumed,
        start: i,
    })
}

/// Parses a name backward from the token before `comma` (`Ahmad Yani, Kepala …`).
pub fn parse_backward(tokens: &Tokens, comma: usize) -> Option<NameMatch> {
    let mut j = comma;
    let mut degrees = Vec::new();
    // skip degrees (and their commas) between name and post
    while j > 0 {
        let t = tokens.at(j - 1);
        if t.kind == TokenKind::Word && GAZETTEER.is_degree(t.text) {
            degrees.push(t.text.trim_end_matches('.').to_string());
            j -= 1;
            if j > 0 && tokens.at(j - 1).text == "," {
                j -= 1;
            }
        } else {
            break;
        }
    }
    degrees.reverse();
    let end = j;
    let mut first = j;
    while first > 0 && end - first < 6 {
        let t = tokens.at(first - 1);
        if is_name_token(t) && !GAZETTEER.is_honorific(t.text) && !tokens.at(first).after_break {
            first -= 1;
        } else {
            break;
        }
    }
    if first == end {
        return None;
    }
    // What comes before must end a phrase: a lower-case word, punctuation, or nothing.
    let mut start = first;
    let mut titles = Vec::new();
    while start > 0 && GAZETTEER.is_honorific(tokens.at(start - 1).text) {
        titles.push(tokens.at(start - 1).text.to_string());
        start -= 1;
    }
    titles.reverse();
    if start > 0 {
        let before = tokens.at(start - 1);
        if !(before.is_lower()
            || before.kind == TokenKind::Punct
            || before.kind == TokenKind::Number)
        {
            return None;
        }
    }
    if !tokens
        .range(first..end)
        .any(|t| !is_initial(t) && t.text.chars().count() >= 3)
        || is_region_name(tokens, first, end)
    {
        return None;
    }
    Some(NameMatch {
        titles,
        first,
        end,
        degrees,
        consumed: comma,
        start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokens::tokenize;

    #[test]
    fn a_region_name_is_told_as_by_the_look_up_alone() {
        use crate::entities::gazetteer::Level;
        let text = "Bupati Sleman, Tangerang Selatan dan Kota Tangsel bersama Agung \
                    Basuki di Jawa Barat, Bandung Barat, Musi Rawas Utara, Sleman Raya";
        let tokens = tokenize(text);
        let looked_up = |first: usize, end: usize| {
            let words = (first..end).map(|k| tokens.at(k).text);
            GAZETTEER.regions_named_words(words).iter().any(|&r| {
                matches!(
                    GAZETTEER.regions[r].level,
                    Level::Provinsi | Level::Kabupaten | Level::Kota
                )
            })
        };
        let mut regions = 0;
        for first in 0..tokens.len() {
            for end in first..=(first + 4).min(tokens.len()) {
                let expected = looked_up(first, end);
                regions += usize::from(expected);
                assert_eq!(
                    is_region_name(&tokens, first, end),
                    expected,
                    "{first}..{end}"
                );
            }
        }
        // Sleman, Tangerang, Tangerang Selatan, Tangsel, Jawa Barat,
        // Bandung, Bandung Barat, Musi Rawas, Musi Rawas Utara, Sleman
        assert!(regions >= 8, "{regions}");
    }

    #[test]
    fn the_not_names_list_is_read_whole_from_its_asset() {
        for word in ["Senin", "Jum’at", "Januari", "Semoga", "Informasi"] {
            assert!(NOT_NAME_SET.contains(word), "{word}");
        }
        let asset = include_str!("../../assets/not_names.txt");
        for line in asset.lines().filter(|l| !l.trim().is_empty()) {
            // every word listed, no comment, no blank
            assert_eq!(
                NOT_NAME_SET.contains(line.trim()),
                !line.starts_with('#'),
                "{line}"
            );
        }
        assert!(!NOT_NAME_SET.contains(""));
        // A listed word ends the name: `Andi`, not `Andi Senin`.
        let tokens = tokenize("Andi Senin meresmikan pasar");
        let name = parse_forward(&tokens, 0).map(|m| (m.first, m.end));
        assert_eq!(name, Some((0, 1)));
    }

    #[test]
    fn initials_are_up_to_three_capitals_dotted_or_not_an_institution() {
        // The definition, spelled out: the function counts without collecting.
        let spelled_out = |t: Token| {
            let letters: Vec<char> = t.text.chars().filter(|c| *c != '.').collect();
            let capitals = letters.iter().all(|c| c.is_uppercase());
            (t.text.ends_with('.') && capitals && letters.len() <= 3)
                || ((2..=3).contains(&letters.len())
                    && capitals
                    && GAZETTEER.institution(t.text).is_none())
        };
        let text = "R. Wismansyah, A.S. Chaidir, HM Yusuf, Drs. H. Ahmad, M.Si, PKK, \
                    ABCD, A.B.C.D. Ab É. ÉÉ Ém, XQ, Bupati R Kota.";
        let tokens = tokenize(text);
        for t in tokens.iter() {
            assert_eq!(is_initial(t), spelled_out(t), "{}", t.text);
        }
        let initial = |s: &str| tokens.iter().any(|t| t.text == s && is_initial(t));
        assert!(initial("R.") && initial("A.S.") && initial("HM") && initial("XQ"));
        assert!(!initial("ABCD") && !initial("Bupati") && !initial("R"));
    }

    fn fwd(s: &str) -> Option<(Vec<String>, String, Vec<String>)> {
        let t = tokenize(s);
        parse_forward(&t, 0).map(|m| {
            (
                m.titles,
                s[t.at(m.first).start..t.at(m.end - 1).end].to_string(),
                m.degrees,
            )
        })
    }

    #[test]
    fn titles_name_and_degrees() {
        assert_eq!(
            fwd("Drs. H. Ahmad Yani, M.Si, mengatakan"),
            Some((
                vec!["Drs.".into(), "H.".into()],
                "Ahmad Yani".into(),
                vec!["M.Si".into()]
            ))
        );
        assert_eq!(
            fwd("AKBP Hendra Gunawan menegaskan"),
            Some((vec!["AKBP".into()], "Hendra Gunawan".into(), vec![]))
        );
        assert_eq!(
            fwd("Letkol Inf Dwi Agung, S.Sos"),
            Some((
                vec!["Letkol Inf".into()],
                "Dwi Agung".into(),
                vec!["S.Sos".into()]
            ))
        );
    }

    #[test]
    fn initials_stay() {
        assert_eq!(
            fwd("Arief R. Wismansyah, menerima").unwrap().1,
            "Arief R. Wismansyah"
        );
        assert_eq!(
            fwd("AM Iskandar Nasution, menerangkan").unwrap().1,
            "AM Iskandar Nasution"
        );
        assert_eq!(
            fwd("A.S. Chaidir Syam mengatakan").unwrap().1,
            "A.S. Chaidir Syam"
        );
    }

    #[test]
    fn not_names() {
        assert_eq!(fwd("Selasa (17/10)"), None);
        assert_eq!(fwd("yang hadir"), None);
    }

    #[test]
    fn backward_names() {
        let s = "kata Ahmad Yani, Kepala Dinas";
        let t = tokenize(s);
        let comma = t.iter().position(|t| t.text == ",").unwrap();
        let m = parse_backward(&t, comma).unwrap();
        assert_eq!(&s[t.at(m.first).start..t.at(m.end - 1).end], "Ahmad Yani");
        let s = "Sementara itu, Kepala Dinas";
        let t = tokenize(s);
        assert_eq!(parse_backward(&t, 2), None);
    }
}
