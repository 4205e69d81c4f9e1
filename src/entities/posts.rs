//! Recognising a post (jabatan) in a token stream: an optional acting prefix
//! (`Pj.`, `Plt`, `Plh.`), a head from `positions.tsv`, unit words
//! (`Kepala Dinas Kesehatan`), and the region or body it belongs to.

use super::gazetteer::{Level, PostForm, PostLevel, GAZETTEER};
use super::regions::{bare_ref, typed_ref, RegionRef, TypedRefs};
use super::tokens::{Token, TokenKind, Tokens, WordShapes};
use std::borrow::Cow;
use std::sync::LazyLock;

/// A post found in the text.
#[derive(Debug, Clone)]
pub struct PostMatch<'g> {
    /// First token (the prefix, if any).
    pub first: usize,
    /// One past the last token of the post and its institution.
    pub end: usize,
    /// The head form.
    pub form: &'g PostForm,
    /// The post as reported: prefix, canonical head, unit words.
    pub position: String,
    /// The institution as stated (`Kemensos RI`, `Polres Bogor`), if any:
    /// a region's name is borrowed from the gazetteer, not copied.
    pub institution: Option<Cow<'static, str>>,
    /// The region reference inside the post, if any.
    pub region: Option<RegionRef>,
}

const PREFIXES: &[(&str, &str)] = &[
    ("Pj.", "Pj."),
    ("Pj", "Pj"),
    ("Penjabat", "Pj."),
    ("Plt.", "Plt."),
    ("Plt", "Plt"),
    ("Plh.", "Plh."),
    ("Plh", "Plh"),
    ("Pjs.", "Pjs."),
    ("Pjs", "Pjs"),
];

/// The first bytes and lengths of the words that may open a post: the
/// [`PREFIXES`] and the heads' first words.
static OPENERS: LazyLock<WordShapes> = LazyLock::new(|| {
    PREFIXES
        .iter()
        .fold(GAZETTEER.post_shapes().clone(), |s, (p, _)| s.with(p))
});

/// [`OPENERS`] and `pejabat`: the words the officials pass looks further at.
static OFFICIAL_OPENERS: LazyLock<WordShapes> =
    LazyLock::new(|| OPENERS.clone().with("pejabat").with("Pejabat"));

/// The first bytes and lengths of the words the officials pass looks
/// further at: those [`openers`] holds and `pejabat`/`Pejabat` (`pejabat di
/// …`). Every other token is stepped over ([`super::tokens::TokenShapes`]).
pub fn official_openers() -> &'static WordShapes {
    &OFFICIAL_OPENERS
}

/// Heads that need at least one unit word to be a post (`Kepala` alone is not).
fn needs_unit(form: &PostForm) -> bool {
    form.takes_unit
        && !matches!(
            form.form.as_str(),
            "Widyaiswara" | "Direktur" | "Direktur Utama" | "Rektor" | "Dekan"
        )
}

/// Matches the longest head form at `i`.
fn match_head(tokens: &Tokens, i: usize) -> Option<(&'static PostForm, usize)> {
    let first = tokens.get(i)?.text;
    GAZETTEER.posts_starting_with(first).find_map(|p| {
        let words = &p.words;
        let ok = words.len() <= tokens.len().saturating_sub(i)
            && words.iter().enumerate().all(|(k, w)| {
                tokens.at(i + k).text == *w && (k == 0 || !tokens.at(i + k).after_break)
            });
        ok.then_some((p, i + words.len()))
    })
}

/// True when `t` can continue a unit name.
fn is_unit_token(t: Token) -> bool {
    if t.kind != TokenKind::Word || !(t.is_capitalized() || t.is_upper()) {
        return false;
    }
    let g = &*GAZETTEER;
    g.is_unit_word(t.text)
        || g.institution(t.text)
            .is_some_and(|inst| matches!(inst.scope.as_str(), "regional" | "training" | "other"))
}

/// A national, police or military body that ends a post (`Kemensos RI`).
fn body_institution(tokens: &Tokens, i: usize) -> Option<(String, usize)> {
    let t = tokens.get(i)?;
    let inst = GAZETTEER.institution(t.text)?;
    if !matches!(inst.scope.as_str(), "national" | "police" | "military") {
        return None;
    }
    let mut end = i + 1;
    if tokens.get(end).is_some_and(|n| n.text == "RI") {
        end += 1;
    } else if matches!(inst.scope.as_str(), "police" | "military") {
        // `Polda Kalimantan Timur`, `Kodim 0621/Kabupaten Bogor`
        let (unit, after, _) = unit_name(tokens, end, t.text);
        return Some((unit, after));
    }
    let text = tokens
        .range(i..end)
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    Some((text, end))
}

/// Levels a bare region name may have after a head of `level`.
fn bare_levels(level: PostLevel) -> &'static [Level] {
    match level {
        PostLevel::Region(Level::Provinsi) => &[Level::Provinsi],
        PostLevel::Region(Level::Kabupaten) => &[Level::Kabupaten],
        PostLevel::Region(Level::Kota) => &[Level::Kota],
        PostLevel::Region(Level::Kecamatan) => &[Level::Kecamatan],
        _ => &[],
    }
}

/// The first bytes and lengths of the words that may open a post, for
/// [`match_post`]: a caller asking at every token takes them once (each
/// look through the lazy static checks that it is made).
pub fn openers() -> &'static WordShapes {
    &OPENERS
}

/// Matches a post starting at token `i`; `openers` are [`openers`].
#[inline]
pub fn match_post(
    tokens: &Tokens,
    i: usize,
    typed: &TypedRefs,
    openers: &WordShapes,
) -> Option<PostMatch<'static>> {
    // a prefix or a head's first word: checked by first byte and length
    // here, inlined, before a call
    if !tokens.shaped_in(i, openers) {
        return None;
    }
    match_post_at(tokens, i, typed)
}

/// [`match_post`] at a token that may open a post.
#[inline(never)]
fn match_post_at(tokens: &Tokens, i: usize, typed: &TypedRefs) -> Option<PostMatch<'static>> {
    let text = tokens.at(i).text;
    let (prefix, head_at) = match PREFIXES.iter().find(|(p, _)| text == *p) {
        Some((_, canonical)) => (Some(*canonical), i + 1),
        None => (None, i),
    };
    let (form, mut end) = match_head(tokens, head_at)?;
    // Room for the units most posts go on to name (`Kepala Dinas
    // Pendidikan dan Kebudayaan`): grown from the head's exact length, the
    // text was reallocated about twice a post.
    let mut position = String::with_capacity(form.canonical.len() + 48);
    if let Some(p) = prefix {
        position.push_str(p);
        position.push(' ');
    }
    position.push_str(&form.canonical);
    let mut institution = None;
    let mut region = None;

    if let Some(command) = &form.command {
        // `Kapolres Bogor`, `Dandim 0621/Kabupaten Bogor`
        return Some(commander(tokens, i, end, form, position, command));
    }

    if form.takes_unit {
        let mut units = 0;
        while let Some(t) = tokens.get(end) {
            if t.after_break || typed.at(tokens, end).is_some_and(|r| r.level().is_some()) {
                break;
            }
            let after_office = position.ends_with("Dinas")
                || position.ends_with("Badan")
                || position.ends_with("Kantor")
                || position.ends_with("Bagian")
                || position.ends_with("Bidang");
            let office_acronym =
                after_office && (t.is_upper() || GAZETTEER.institution(t.text).is_some());
            if is_unit_token(t)
                || office_acronym
                || (matches!(form.form.as_str(), "Staf Ahli" | "Staf Khusus")
                    && is_leader_word(tokens, end))
            {
                let n = if is_leader_word(tokens, end) {
                    leader_len(tokens, end)
                } else {
                    1
                };
                for k in 0..n {
                    position.push(' ');
                    position.push_str(tokens.at(end + k).text);
                }
                end += n;
                units += 1;
                continue;
            }
            if t.text == "," && units > 0 && comma_list_continues(tokens, end + 1) {
                position.push(',');
                end += 1;
                continue;
            }
            // `Kepala Puskesmas Mutiara`, `Kepala UPTD Puskesmas Cibinong`: named after a place.
            if units > 0 && LOCAL_UNITS.iter().any(|u| position.ends_with(u)) {
                if let Some(after) = local_place(tokens, end) {
                    for t in tokens.range(end..after) {
                        position.push(' ');
                        position.push_str(t.text);
                    }
                    end = after;
                    continue;
                }
            }
            if matches!(t.text, "dan" | "&")
                && units > 0
                && tokens.get(end + 1).is_some_and(is_unit_token)
            {
                position.push(' ');
                position.push_str(t.text);
                end += 1;
                continue;
            }
            // `(Bappeda)`: an acronym of the unit just named, not part of the post.
            if t.text == "(" && units > 0 {
                if let Some(close) = acronym_in_parens(tokens, end) {
                    end = close;
                    continue;
                }
            }
            break;
        }
        if units == 0 && needs_unit(form) {
            return None;
        }
    }

    if let Some((body, after)) = body_institution(tokens, end) {
        institution = Some(body.into());
        end = after;
    } else if let Some(r) = region_after(tokens, end, form.level, typed) {
        end = r.end();
        institution = Some(r.name());
        region = Some(r);
    }
    Some(PostMatch {
        first: i,
        end,
        form,
        position,
        institution,
        region,
    })
}

/// The region right after a post: typed (`Kota Padang`, `se-Kota Padang`,
/// `Pemerintah Kota Padang`) or bare when the post says the level (`Bupati Gowa`).
fn region_after(
    tokens: &Tokens,
    at: usize,
    level: PostLevel,
    typed: &TypedRefs,
) -> Option<RegionRef> {
    let t = tokens.get(at)?;
    if t.after_break {
        return None;
    }
    if let Some(r) = typed.at(tokens, at) {
        return Some(r);
    }
    // `Setda Kota Padang`: the secretariat stands for the government.
    if matches!(t.text, "Setda" | "Setdakab" | "Setdakot") {
        if let Some(r) = typed.at(tokens, at + 1) {
            return Some(r);
        }
    }
    match level {
        PostLevel::Kelurahan => return super::regions::village_after(tokens, at, "Kelurahan"),
        PostLevel::Desa => return super::regions::village_after(tokens, at, "Desa"),
        _ => {}
    }
    let levels = bare_levels(level);
    if !levels.is_empty() {
        return bare_ref(tokens, at, levels);
    }
    if matches!(level, PostLevel::Any | PostLevel::None) {
        // `Sekda Tangsel`, `Ketua DPRD Jabar`: a short form or a name only one region has.
        return super::regions::unambiguous_ref(tokens, at);
    }
    None
}

/// Units named after the place they serve.
const LOCAL_UNITS: &[&str] = &[
    "Puskesmas",
    "Pustu",
    "UPTD",
    "UPT",
    "KUA",
    "Polsek",
    "Koramil",
    "SD",
    "SMP",
    "SMA",
    "SMK",
    "RSUD",
    "Posyandu",
];

/// A kecamatan or village name at `at`, when there is one.
fn local_place(tokens: &Tokens, at: usize) -> Option<usize> {
    let t = tokens.get(at)?;
    if !t.is_capitalized() || t.after_break {
        return None;
    }
    let kecamatan = super::regions::match_name(tokens, at, |r| {
        GAZETTEER.regions[r].level == Level::Kecamatan
    })
    .map(|(_, e)| e);
    let village = (1..=3)
        .rev()
        .filter(|n| at + n <= tokens.len())
        .find(|&n| {
            tokens.range(at..at + n).all(|t| t.is_capitalized())
                && GAZETTEER.is_village_words(super::regions::token_texts(tokens, at, at + n))
        })
        .map(|n| at + n);
    kecamatan.max(village)
}

/// After a comma inside a unit name (`Dinas Komunikasi, Informatika,
/// Persandian dan Statistik`): the list goes on with unit words and ends in
/// `dan <unit word>`.
fn comma_list_continues(tokens: &Tokens, mut k: usize) -> bool {
    let mut words = 0;
    while let Some(t) = tokens.get(k) {
        if t.after_break {
            return false;
        }
        if is_unit_token(t) {
            words += 1;
        } else if t.text == "," && words > 0 {
            words = 0;
        } else if matches!(t.text, "dan" | "serta") && words > 0 {
            return tokens.get(k + 1).is_some_and(is_unit_token);
        } else {
            return false;
        }
        k += 1;
    }
    false
}

/// `Bupati`, `Wali Kota`, `Walikota`, `Gubernur` inside `Staf Ahli Bupati Bidang …`.
fn is_leader_word(tokens: &Tokens, i: usize) -> bool {
    matches!(tokens.at(i).text, "Bupati" | "Walikota" | "Gubernur")
        || (tokens.at(i).text == "Wali" && tokens.get(i + 1).is_some_and(|t| t.text == "Kota"))
}

fn leader_len(tokens: &Tokens, i: usize) -> usize {
    if tokens.at(i).text == "Wali" {
        2
    } else {
        1
    }
}

/// When tokens at `open` are `( ACRONYM )`, the index after `)`.
fn acronym_in_parens(tokens: &Tokens, open: usize) -> Option<usize> {
    let inner = tokens.get(open + 1)?;
    let close = tokens.get(open + 2)?;
    (close.text == ")"
        && (inner.is_upper()
            || GAZETTEER.institution(inner.text).is_some()
            || inner.text.len() <= 8 && inner.is_capitalized()))
    .then_some(open + 3)
}

/// A police or military commander: the unit is named after the head.
fn commander(
    tokens: &Tokens,
    first: usize,
    end: usize,
    form: &'static PostForm,
    position: String,
    command: &str,
) -> PostMatch<'static> {
    let (institution, end, region) = unit_name(tokens, end, command);
    PostMatch {
        first,
        end,
        form,
        position,
        institution: Some(institution.into()),
        region,
    }
}

/// The name of a police or military unit after its acronym (`Polres` +
/// `Bogor`, `Kodim` + `0621/Kabupaten Bogor`, `Koramil` + `0107-01/Tapaktuan`).
fn unit_name(tokens: &Tokens, at: usize, command: &str) -> (String, usize, Option<RegionRef>) {
    let Some(next) = tokens.get(at).filter(|t| !t.after_break) else {
        return (command.to_string(), at, None);
    };
    if next.kind == TokenKind::Number {
        // A code glued together without spaces, maybe ending in a region.
        let mut stop = at + 1;
        while stop < tokens.len()
            && tokens.at(stop).start == tokens.at(stop - 1).end
            && tokens.at(stop).text != ","
            && tokens.at(stop).text != "."
        {
            stop += 1;
        }
        let mut region = None;
        let last = stop - 1;
        if let Some(r) = typed_ref(tokens, last).filter(|_| tokens.at(last).is_capitalized()) {
            stop = r.end();
            region = Some(r);
        } else if tokens.at(last).is_capitalized() {
            if let Some((_, e)) = super::regions::match_name(tokens, last, |_| true) {
                stop = stop.max(e);
            }
        }
        let text = tokens_text(tokens, tokens.at(at).start, tokens.at(stop - 1).end);
        return (format!("{command} {text}"), stop, region);
    }
    let found = typed_ref(tokens, at).or_else(|| {
        super::regions::match_name(tokens, at, |_| true)
            .map(|(idx, e)| RegionRef::new(super::regions::RegionTarget::Known(idx), at, e, false))
    });
    match found {
        Some(r) => {
            let words: Vec<&str> = tokens.range(at..r.end()).map(|t| t.text).collect();
            (format!("{command} {}", words.join(" ")), r.end(), Some(r))
        }
        None => (command.to_string(), at, None),
    }
}

fn tokens_text(tokens: &Tokens, start: usize, end: usize) -> String {
    // Spans come from one text; rebuild it from the tokens' own slices.
    let mut out = String::new();
    let mut last = start;
    for t in tokens.iter().filter(|t| t.start >= start && t.end <= end) {
        if t.start > last && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.text);
        last = t.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{official_openers, openers};

    #[test]
    fn the_officials_pass_looks_at_every_opener_and_pejabat() {
        for b in 0..=255u8 {
            for len in 0..40 {
                let pejabat = len == 7 && (b == b'p' || b == b'P');
                let wanted = openers().may_hold(b, len) || pejabat;
                assert_eq!(official_openers().may_hold(b, len), wanted, "{b} {len}");
            }
        }
    }
}
