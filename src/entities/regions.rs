//! Recognising references to regions in token streams: `Kota Tangerang`,
//! `Kabupaten Bandung`, `Provinsi Jambi`, `Pemkab Gowa`, `Pemerintah Kota
//! Padang`, `se-Kota Bogor`, short forms (`Tangsel`), and bare names where a
//! post says which level to expect (`Bupati Sleman`).

use super::gazetteer::{Gazetteer, Level, GAZETTEER};
use super::tokens::{Token, TokenShapes, Tokens, WordShapes};
use super::Pass;
use std::borrow::Cow;

/// What a region reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionTarget {
    /// A region of the gazetteer (index into `Gazetteer::regions`).
    Known(usize),
    /// A kelurahan or desa named in the text (`Kelurahan Sukajadi`), not in the gazetteer.
    Village(Box<str>),
}

/// A region reference found at some tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionRef {
    /// What it refers to.
    pub target: RegionTarget,
    /// First token of the reference (the type word or government prefix
    /// when present). Token indices are `u32` (see `tokens::MAX_TEXT`) and
    /// the length a `u16` (a reference is a few words), 24 bytes in all:
    /// an article can hold a reference every few bytes.
    first: u32,
    /// Number of tokens.
    len: u16,
    /// True when written as a government (`Pemkab X`, `Pemerintah Kota X`).
    pub government: bool,
}

impl RegionRef {
    /// A reference to `target` at tokens `first..end`.
    pub fn new(target: RegionTarget, first: usize, end: usize, government: bool) -> Self {
        let index = |i: usize| u32::try_from(i).expect("token indices fit in u32");
        RegionRef {
            target,
            first: index(first),
            len: u16::try_from(end - first).expect("a region reference is a few words"),
            government,
        }
    }

    /// First token of the reference.
    pub fn first(&self) -> usize {
        self.first as usize
    }

    /// One past the last token.
    pub fn end(&self) -> usize {
        self.first as usize + usize::from(self.len)
    }

    /// The canonical name (`Kota Tangerang`, `Kelurahan Sukajadi`), to
    /// keep: borrowed from the gazetteer for a known region, copied only
    /// for a village.
    pub fn name(&self) -> Cow<'static, str> {
        match &self.target {
            RegionTarget::Known(i) => {
                let g: &'static Gazetteer = &GAZETTEER;
                Cow::Borrowed(&g.regions[*i].name)
            }
            RegionTarget::Village(n) => Cow::Owned(n.to_string()),
        }
    }

    /// [`RegionRef::name`], borrowed from the reference.
    pub fn name_ref(&self) -> &str {
        match &self.target {
            RegionTarget::Known(i) => &GAZETTEER.regions[*i].name,
            RegionTarget::Village(n) => n,
        }
    }

    /// The level, when a known region.
    pub fn level(&self) -> Option<Level> {
        match self.target {
            RegionTarget::Known(i) => Some(GAZETTEER.regions[i].level),
            RegionTarget::Village(_) => None,
        }
    }
}

/// The level a type word announces, and how many tokens it takes.
fn type_word(
    tokens: &Tokens,
    i: usize,
) -> Option<(Option<Level>, Option<&'static str>, usize, bool)> {
    // the next word is read only after `Pemerintah` or `Pemda`
    type_of(tokens.get(i)?.text, || tokens.get(i + 1).map(|t| t.text))
}

/// [`type_word`] on a word and the word after it. It knows only words of
/// [`TYPE_WORDS`]' shapes, the gate every caller checks first: a word
/// added here goes there too (or it is never reached), and a test checks
/// that every word there is one known here.
fn type_of<'n>(
    t: &str,
    next: impl FnOnce() -> Option<&'n str>,
) -> Option<(Option<Level>, Option<&'static str>, usize, bool)> {
    if !TYPE_SHAPES.may_hold_word(t) {
        return None;
    }
    Some(match t {
        "Kabupaten" | "Kab." | "Kab" => (Some(Level::Kabupaten), None, 1, false),
        "Kota" => (Some(Level::Kota), None, 1, false),
        "Provinsi" | "Prov." | "Propinsi" => (Some(Level::Provinsi), None, 1, false),
        "Kecamatan" | "Kec." => (Some(Level::Kecamatan), None, 1, false),
        "Kelurahan" | "Kel." => (None, Some("Kelurahan"), 1, false),
        "Desa" | "Kampung" | "Gampong" | "Nagari" => (None, Some("Desa"), 1, false),
        "Pemkab" => (Some(Level::Kabupaten), None, 1, true),
        "Pemkot" => (Some(Level::Kota), None, 1, true),
        "Pemprov" => (Some(Level::Provinsi), None, 1, true),
        "Pemerintah" | "Pemda" => match next() {
            Some("Kabupaten") => (Some(Level::Kabupaten), None, 2, true),
            Some("Kota") => (Some(Level::Kota), None, 2, true),
            Some("Provinsi") => (Some(Level::Provinsi), None, 2, true),
            Some("Desa") => (None, Some("Desa"), 2, true),
            _ => return None,
        },
        _ => return None,
    })
}

/// The words [`type_of`] knows.
const TYPE_WORDS: &[&str] = &[
    "Kabupaten",
    "Kab.",
    "Kab",
    "Kota",
    "Provinsi",
    "Prov.",
    "Propinsi",
    "Kecamatan",
    "Kec.",
    "Kelurahan",
    "Kel.",
    "Desa",
    "Kampung",
    "Gampong",
    "Nagari",
    "Pemkab",
    "Pemkot",
    "Pemprov",
    "Pemerintah",
    "Pemda",
];

/// The first bytes and lengths of [`TYPE_WORDS`]: a token of no such shape
/// starts no typed reference (`Kepala`, `Dinas` and `Pejabat` share a type
/// word's initial but not its length), checked by one look.
pub(super) const TYPE_SHAPES: WordShapes = WordShapes::of(TYPE_WORDS);

/// Longest run of capitalised tokens from `i` naming a region that `accept` allows.
pub fn match_name(
    tokens: &Tokens,
    i: usize,
    accept: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    match_names(tokens, i, accept).map(|(_, region, end)| (region, end))
}

/// [`match_name`], with every region of the name matched, accepted or not.
fn match_names(
    tokens: &Tokens,
    i: usize,
    accept: impl Fn(usize) -> bool,
) -> Option<(&'static [usize], usize, usize)> {
    let g: &'static Gazetteer = &GAZETTEER;
    // Most capitalised words start no region name: one look-up rules them out.
    let max = g.region_words_from(tokens.get(i)?.text);
    // The run of capitalised tokens on one line from `i`: every shorter
    // run of it qualifies too, so its names are the run's word prefixes,
    // joined with single spaces (adjacent tokens must be separated by
    // spaces only), tried longest first.
    let run = tokens
        .range(i..(i + max).min(tokens.len()))
        .enumerate()
        .take_while(|(k, t)| (t.is_capitalized() || t.is_upper()) && (*k == 0 || !t.after_break))
        .count();
    for n in (1..=run).rev() {
        // The words as `token_texts` gives them, mapped here: through that
        // function this loop cost 2.8 M more of extraction's instructions
        // over 10 000 articles (0.1 %, callgrind).
        let all = g.regions_named_words((i..i + n).map(|k| tokens.at(k).text));
        if let Some(&first) = all.iter().find(|&&r| accept(r)) {
            return Some((all, first, i + n));
        }
    }
    None
}

/// A typed or government reference at `i`: `Kota X`, `Pemkab X`, `Desa X`, `se-Kota X` (at `Kota`).
#[inline]
pub fn typed_ref(tokens: &Tokens, i: usize) -> Option<RegionRef> {
    // every type word starts with one of a few capitals: most tokens go no
    // further (checked here, inlined, before a call)
    if !tokens.shaped_in(i, &TYPE_SHAPES) {
        return None;
    }
    typed_ref_at(tokens, i)
}

/// [`typed_ref`] at a token that starts as a type word may.
#[inline(never)]
fn typed_ref_at(tokens: &Tokens, i: usize) -> Option<RegionRef> {
    let (level, village, skip, government) = type_word(tokens, i)?;
    let mut start = i + skip;
    // `Pemerintah Kota (Pemkot) Tangerang`: skip the bracketed short form.
    if tokens.get(start).is_some_and(|t| t.text == "(")
        && tokens.get(start + 2).is_some_and(|t| t.text == ")")
    {
        start += 3;
    }
    if let Some(level) = level {
        // Only a region of the announced level: `Kota Bandung` is not the kabupaten.
        let (region, end) = match_name(tokens, start, |r| GAZETTEER.regions[r].level == level)?;
        return Some(RegionRef::new(
            RegionTarget::Known(region),
            i,
            end,
            government,
        ));
    }
    let prefix = village?;
    let end = village_name(tokens, start)?;
    Some(RegionRef::new(
        RegionTarget::Village(village_ref_name(prefix, tokens, start, end)),
        i,
        end,
        government,
    ))
}

/// The texts of tokens `start..end`, in order: a name's words, for the
/// gazetteer's look-ups that join them without building the name.
pub(super) fn token_texts<'t>(
    tokens: &'t Tokens,
    start: usize,
    end: usize,
) -> impl Iterator<Item = &'t str> + Clone + 't {
    (start..end).map(move |k| tokens.at(k).text)
}

/// `prefix` and the tokens `start..end`, each after one space (`Desa Suka
/// Maju`): a village reference's name, in one allocation of its length.
fn village_ref_name(prefix: &str, tokens: &Tokens, start: usize, end: usize) -> Box<str> {
    let len = prefix.len()
        + token_texts(tokens, start, end)
            .map(|w| w.len() + 1)
            .sum::<usize>();
    let mut name = String::with_capacity(len);
    name.push_str(prefix);
    for w in token_texts(tokens, start, end) {
        name.push(' ');
        name.push_str(w);
    }
    name.into_boxed_str()
}

/// True for words that end a village name (`Kecamatan`, `Kabupaten` …).
fn ends_village(t: Token) -> bool {
    !t.is_capitalized()
        || t.after_break
        || type_of(t.text, || None).is_some()
        || GAZETTEER.is_post_word(t.text)
}

/// The end of a village name starting at `start`: the longest desa or
/// kelurahan name of the gazetteer, else a run of up to three capitalised words.
pub fn village_name(tokens: &Tokens, start: usize) -> Option<usize> {
    let g = &*GAZETTEER;
    let max = g.max_village_words.min(tokens.len().saturating_sub(start));
    for n in (1..=max).rev() {
        if tokens
            .range(start..start + n)
            .enumerate()
            .any(|(k, t)| ends_village(t) || (k > 0 && t.after_break))
        {
            continue;
        }
        if g.is_village_words(token_texts(tokens, start, start + n)) {
            return Some(start + n);
        }
    }
    let mut end = start;
    while end < tokens.len() && end - start < 3 && !ends_village(tokens.at(end)) {
        end += 1;
    }
    (end > start).then_some(end)
}

/// A village after a village head (`Lurah Bugangan, …`, `Kades Sukamaju Dedi …`):
/// the words up to a comma, else a known village name.
pub fn village_after(tokens: &Tokens, at: usize, prefix: &str) -> Option<RegionRef> {
    let mut end = at;
    while end < tokens.len() && end - at < 4 && !ends_village(tokens.at(end)) {
        end += 1;
    }
    let end = if end > at && tokens.get(end).is_some_and(|t| t.text == ",") {
        end
    } else {
        let g = &*GAZETTEER;
        (1..=g.max_village_words.min(tokens.len().saturating_sub(at)))
            .rev()
            .find(|&n| {
                !tokens.range(at..at + n).any(ends_village)
                    && g.is_village_words(token_texts(tokens, at, at + n))
            })
            .map(|n| at + n)?
    };
    Some(RegionRef::new(
        RegionTarget::Village(village_ref_name(prefix, tokens, at, end)),
        at,
        end,
        false,
    ))
}

/// A bare region name at `i` of one of `levels` (after a post that says which).
pub fn bare_ref(tokens: &Tokens, i: usize, levels: &[Level]) -> Option<RegionRef> {
    let (region, end) = match_name(tokens, i, |r| levels.contains(&GAZETTEER.regions[r].level))?;
    Some(RegionRef::new(RegionTarget::Known(region), i, end, false))
}

/// A standalone region name that can only mean one province, kabupaten or
/// kota (`Tangsel`, `Banten`, `Sleman`); ambiguous names (`Tangerang`) are skipped.
pub fn unambiguous_ref(tokens: &Tokens, i: usize) -> Option<RegionRef> {
    let g = &*GAZETTEER;
    let upper = |r: usize| {
        matches!(
            g.regions[r].level,
            Level::Provinsi | Level::Kabupaten | Level::Kota
        )
    };
    let (all, region, end) = match_names(tokens, i, upper)?;
    (all.iter().filter(|&&r| upper(r)).count() == 1).then_some(RegionRef::new(
        RegionTarget::Known(region),
        i,
        end,
        false,
    ))
}

/// The typed region references of one text, found in one scan: every
/// reference in order, for context (which region a post without one
/// belongs to), and what [`typed_ref`] said at each token the scan asked,
/// so that asking again there (post matching does, after each post) is a
/// look-up. The scan asks at every token but those inside a reference it
/// found (it steps over them), so no list of them is kept.
pub struct TypedRefs {
    /// The references, by first token; none overlap.
    refs: Vec<RegionRef>,
}

impl TypedRefs {
    /// Scans `tokens` from the start, skipping each reference found.
    pub fn scan(tokens: &Tokens, shapes: &TokenShapes) -> TypedRefs {
        let mut refs = Vec::new();
        let mut i = 0;
        loop {
            // tokens of no type word's shape, stepped over sixteen at a time
            i = shapes.next(i, Pass::RegionTypes.set());
            if i >= tokens.len() {
                break;
            }
            if let Some(r) = typed_ref_at(tokens, i) {
                i = r.end();
                refs.push(r);
                continue;
            }
            i += 1;
        }
        TypedRefs { refs }
    }

    /// The references, in text order.
    pub fn refs(&self) -> &[RegionRef] {
        &self.refs
    }

    /// [`typed_ref`] at token `i` of the scanned `tokens`: the scan's
    /// answer where it asked, else worked out.
    #[inline]
    pub fn at(&self, tokens: &Tokens, i: usize) -> Option<RegionRef> {
        if !tokens.shaped_in(i, &TYPE_SHAPES) {
            return None;
        }
        // the last reference starting at or before `i`
        let k = self.refs.partition_point(|r| r.first() <= i);
        match k.checked_sub(1).map(|k| &self.refs[k]) {
            Some(r) if r.first() == i => Some(r.clone()),
            // inside a reference, where the scan did not ask
            Some(r) if i < r.end() => typed_ref_at(tokens, i),
            _ => None,
        }
    }

    /// The reference the scan found starting at token `i`, if any.
    pub fn starting_at(&self, i: usize) -> Option<&RegionRef> {
        let k = self.refs.binary_search_by_key(&i, RegionRef::first).ok()?;
        Some(&self.refs[k])
    }
}

#[cfg(test)]
mod tests {
    use super::{typed_ref, RegionRef, TypedRefs, TYPE_SHAPES};
    use crate::entities::tokens::tokenize;

    #[test]
    fn a_known_regions_name_is_borrowed_and_a_villages_copied() {
        use std::borrow::Cow;
        let tokens = tokenize("Kota Padang dan Desa Sukamaju");
        let city = typed_ref(&tokens, 0).expect("a city");
        let village = typed_ref(&tokens, 3).expect("a village");
        assert!(matches!(city.name(), Cow::Borrowed("Kota Padang")));
        assert!(matches!(village.name(), Cow::Owned(ref n) if *n == village.name_ref()));
        assert_eq!(village.name(), "Desa Sukamaju");
    }

    #[test]
    fn the_scan_answers_as_typed_ref_does_at_every_token() {
        let texts = [
            "Bupati Kabupaten Tangerang membuka acara di Kecamatan Cisoka, Kota Tangerang Selatan.",
            "Pemerintah Kota (Pemkot) Padang dan Desa Sukamaju, Kab. Bogor; Kota Kota Bandung",
            "Kepala Dinas Pendidikan Provinsi Jawa Barat dan Kelurahan Cipete Utara hadir.",
            "Kota",
            "",
        ];
        let mut found = 0;
        for text in texts {
            let tokens = tokenize(text);
            let typed = TypedRefs::scan(&tokens, &crate::entities::pass_shapes(&tokens));
            found += typed.refs().len();
            for i in 0..=tokens.len() {
                assert_eq!(
                    typed.at(&tokens, i),
                    typed_ref(&tokens, i),
                    "{text:?} at {i}"
                );
            }
        }
        // the texts hold references, so the scan's answers were used
        assert!(found >= 6, "{found}");
    }

    #[test]
    fn type_words_have_a_type_words_shape() {
        // every word of the list is one `type_of` knows (`Pemerintah` and
        // `Pemda` with a type word after them)
        for &w in super::TYPE_WORDS {
            assert!(super::type_of(w, || Some("Kota")).is_some(), "{w}");
            assert!(TYPE_SHAPES.may_hold_word(w), "{w}");
        }
        for w in [
            "Wali", "Kepala", "Dinas", "Pejabat", "Kotak", "Desak", "Nagari2",
        ] {
            assert!(super::type_of(w, || Some("Kota")).is_none(), "{w}");
        }
        for w in ["Kepala", "Dinas", "Bupati", "Gubernur"] {
            assert!(!TYPE_SHAPES.may_hold_word(w), "{w}");
        }
    }

    #[test]
    fn a_reference_stays_small() {
        // An article can hold one every few bytes (issue 7): 48 bytes with
        // `usize` token indices and a `String`, 32 with a `u32` end, 24 now.
        assert!(std::mem::size_of::<RegionRef>() <= 24);
    }
}
