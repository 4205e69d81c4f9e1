//! Organisations, places, programmes and figures in one article.

mod figures;
mod orgs;
mod places;
mod programs;

use super::gazetteer::{Level, GAZETTEER};
use super::model::{
    FigureMention, OrganizationMention, PlaceLevel, PlaceMention, ProgramMention, Span,
};
use super::regions::{typed_ref, unambiguous_ref, RegionRef, RegionTarget};
use super::tokens::{TokenMarks, TokenShapes, Tokens, WordShapes};
use super::Pass;
use foldhash::HashMap;
use orgs::{acronym, parenthesised};
use places::{dateline_place, kecamatan_list, lokasi, parent_code, PLACE_HEADS};
use programs::{lowercase_program, named_phrase, program_phrase, training};
use std::borrow::Cow;

/// Tokens `start..end` as written, each gap between them one space.
pub(super) fn words(tokens: &Tokens, start: usize, end: usize) -> String {
    // The span's length bounds the result (a gap only shrinks to a space):
    // grown from empty, the text was reallocated two or three times.
    let room = match (
        tokens.get(start),
        end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        (Some(first), Some(last)) if end > start => last.end - first.start,
        _ => 0,
    };
    let mut out = String::with_capacity(room);
    for (k, t) in tokens.range(start..end).enumerate() {
        if k > 0 && t.start > tokens.at(start + k - 1).end {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

pub(super) fn span(tokens: &Tokens, start: usize, end: usize) -> Span {
    Span::new(tokens.at(start).start, tokens.at(end - 1).end)
}

/// Where each name sits in its list, once the list is longer than
/// [`SCAN_NAMES`]: from then on adding a mention is O(1) however often a
/// name repeats (a scan of every list made hostile articles quadratic).
/// A span added twice is removed when the lists are sorted at the end.
#[derive(Debug, Default)]
struct Seen {
    index: Option<HashMap<String, usize>>,
}

/// Up to this many names a list is searched in turn: comparing a few names
/// costs less than hashing each mention's name and copying each new one
/// into an index, and nearly every article names fewer of each kind.
const SCAN_NAMES: usize = 8;

/// A mention kept in a list by name.
trait Named {
    /// The name it is kept under.
    fn name(&self) -> &str;
    /// Where it is mentioned.
    fn spans_mut(&mut self) -> &mut Vec<Span>;
}

macro_rules! named {
    ($($mention:ty),*) => {$(
        impl Named for $mention {
            fn name(&self) -> &str {
                &self.name
            }
            fn spans_mut(&mut self) -> &mut Vec<Span> {
                &mut self.spans
            }
        }
    )*};
}

named!(OrganizationMention, PlaceMention, ProgramMention);

/// Adds a mention to a list keyed by name, keeping first-mention order;
/// `make` gets the name when it is new (a name seen before is dropped; a
/// borrowed one is copied only when new). Returns the position of the name
/// in the list.
fn add<T: Named>(
    list: &mut Vec<T>,
    seen: &mut Seen,
    name: Cow<'_, str>,
    sp: Span,
    make: impl FnOnce(String) -> T,
) -> usize {
    let found = match &seen.index {
        Some(index) => index.get(&*name).copied(),
        None => list.iter().position(|m| m.name() == name),
    };
    let at = found.unwrap_or_else(|| {
        let name = name.into_owned();
        if let Some(index) = &mut seen.index {
            index.insert(name.clone(), list.len());
        }
        list.push(make(name));
        if seen.index.is_none() && list.len() > SCAN_NAMES {
            let index = list.iter().enumerate();
            seen.index = Some(index.map(|(at, m)| (m.name().to_string(), at)).collect());
        }
        list.len() - 1
    });
    list[at].spans_mut().push(sp);
    at
}

/// Everything but officials.
#[derive(Debug, Default)]
pub struct Others {
    /// Organisations.
    pub organizations: Vec<OrganizationMention>,
    /// Places.
    pub places: Vec<PlaceMention>,
    /// Programmes.
    pub programs: Vec<ProgramMention>,
    /// Figures.
    pub figures: Vec<FigureMention>,
    /// The parent code and end byte of the last kecamatan named, for lists.
    pub(super) last_kecamatan: Option<(String, usize)>,
    seen_orgs: Seen,
    seen_places: Seen,
    seen_programs: Seen,
}

impl Others {
    pub(super) fn org(&mut self, name: String, expansion: Option<String>, sp: Span) {
        let at = add(
            &mut self.organizations,
            &mut self.seen_orgs,
            name.into(),
            sp,
            |name| OrganizationMention {
                name,
                expansion: None,
                spans: Vec::new(),
            },
        );
        // A new name takes its long form here; a known one keeps the first.
        let o = &mut self.organizations[at];
        if o.expansion.is_none() {
            o.expansion = expansion;
        }
    }

    pub(super) fn program(&mut self, name: String, expansion: Option<String>, sp: Span) {
        add(
            &mut self.programs,
            &mut self.seen_programs,
            name.into(),
            sp,
            |name| ProgramMention {
                name,
                expansion,
                spans: Vec::new(),
            },
        );
    }

    /// Adds a place: `name` is copied only when the article had no such
    /// place yet.
    pub(super) fn place<'n>(&mut self, name: impl Into<Cow<'n, str>>, level: PlaceLevel, sp: Span) {
        add(
            &mut self.places,
            &mut self.seen_places,
            name.into(),
            sp,
            |name| PlaceMention {
                name,
                level,
                spans: Vec::new(),
            },
        );
    }

    pub(super) fn place_ref(&mut self, tokens: &Tokens, r: &RegionRef) {
        let level = match &r.target {
            RegionTarget::Known(i) => match GAZETTEER.regions[*i].level {
                Level::Provinsi => PlaceLevel::Provinsi,
                Level::Kabupaten => PlaceLevel::Kabupaten,
                Level::Kota => PlaceLevel::Kota,
                Level::Kecamatan => PlaceLevel::Kecamatan,
            },
            RegionTarget::Village(_) => PlaceLevel::Desa,
        };
        let sp = span(tokens, r.first(), r.end());
        if let RegionTarget::Known(i) = r.target {
            if level == PlaceLevel::Kecamatan {
                self.last_kecamatan = Some((parent_code(i), sp.end));
            }
        }
        self.place(r.name_ref(), level, sp);
    }
}

/// The first bytes and lengths of the words a lower-case token may open
/// something with: `program` and the place heads (`gedung …`).
const LOWER_CASE_OPENERS: WordShapes = WordShapes::of(PLACE_HEADS).with("program");

/// The tokens the main loop of [`find_others`] looks at: a word that a
/// lower-case opener may be, and every token starting with a capital or a
/// non-ASCII byte; never a number or ASCII punctuation.
pub(in crate::entities) const LOOKED_AT: WordShapes = LOWER_CASE_OPENERS
    .with_initials(b'A', b'Z')
    .with_initials(0x80, 0xff);

/// Finds organisations, places, programmes and figures. `regions` are the
/// region references the officials pass found (typed and post-implied).
pub fn find_others(
    text: &str,
    tokens: &Tokens,
    shapes: &TokenShapes,
    regions: &[RegionRef],
) -> Others {
    let mut out = Others::default();
    let mut used = TokenMarks::new(tokens.len());
    dateline_place(tokens, &mut out);
    for r in regions {
        out.place_ref(tokens, r);
        if r.government {
            if let RegionTarget::Known(i) = r.target {
                let region = &GAZETTEER.regions[i];
                let short = match region.level {
                    Level::Kabupaten => "Pemkab",
                    Level::Kota => "Pemkot",
                    _ => "Pemprov",
                };
                let bare = ["Kabupaten ", "Kota ", "Provinsi "]
                    .into_iter()
                    .fold(region.name.as_str(), super::trim_prefix);
                // (concatenated: formatting took ~900 instructions a name)
                out.org(
                    [short, " ", bare].concat(),
                    Some(["Pemerintah ", &region.name].concat()),
                    span(tokens, r.first(), r.end()),
                );
            }
        }
        used.set(r.first()..r.end());
    }
    // Definitions in brackets first, so their long forms are not taken apart.
    for i in tokens.marks(b'(') {
        if !used.get(i) {
            parenthesised(tokens, i, &mut out, &mut used);
        }
    }
    let mut i = 0;
    loop {
        // Every token but the few `LOOKED_AT` holds is stepped over, sixteen
        // at a time (looking at each here took 1.5 % more of extraction's
        // instructions).
        i = shapes.next(i, Pass::Others.set());
        if i >= tokens.len() {
            break;
        }
        if used.get(i) {
            i += 1;
            continue;
        }
        // A lower-case word opens only `program …` or a place (`gedung …`):
        // every other matcher below starts at a capital (or a non-ASCII
        // first letter).
        if tokens.first_byte(i).is_some_and(|b| b.is_ascii_lowercase()) {
            let found =
                lowercase_program(tokens, i, &mut out).or_else(|| lokasi(tokens, i, &mut out));
            i = found.unwrap_or(i + 1);
            continue;
        }
        let t = tokens.at(i);
        if let Some(next) = lowercase_program(tokens, i, &mut out) {
            i = next;
            continue;
        }
        if let Some(next) = training(tokens, i, &mut out) {
            i = next;
            continue;
        }
        if let Some(next) = program_phrase(tokens, i, &mut out) {
            i = next;
            continue;
        }
        if let Some(next) = named_phrase(tokens, i, &mut out) {
            i = next;
            continue;
        }
        if let Some(next) = acronym(tokens, i, &mut out) {
            i = next;
            continue;
        }
        if t.text == "Indonesia" {
            out.place("Indonesia", PlaceLevel::Negara, span(tokens, i, i + 1));
        } else if t.text == "Pemerintah" && tokens.get(i + 1).is_some_and(|n| n.text == "Pusat") {
            out.org("Pemerintah Pusat".into(), None, span(tokens, i, i + 2));
            i += 2;
            continue;
        } else if let Some(next) = kecamatan_list(tokens, i, &mut out) {
            i = next;
            continue;
        } else if let Some(next) = lokasi(tokens, i, &mut out) {
            i = next;
            continue;
        } else if t.is_capitalized() && (i == 0 || !tokens.at(i - 1).is_capitalized()) {
            if let Some(r) = typed_ref(tokens, i).or_else(|| unambiguous_ref(tokens, i)) {
                out.place_ref(tokens, &r);
                i = r.end();
                continue;
            }
        }
        i += 1;
    }
    out.figures = figures::figures(text);
    // Regions came in from the officials pass first: restore text order.
    let tidy = |spans: &mut Vec<Span>| {
        spans.sort();
        spans.dedup();
    };
    out.organizations
        .iter_mut()
        .for_each(|o| tidy(&mut o.spans));
    out.places.iter_mut().for_each(|p| tidy(&mut p.spans));
    out.programs.iter_mut().for_each(|p| tidy(&mut p.spans));
    out.organizations
        .sort_by_key(|o| o.spans.first().map(|s| s.start));
    out.places.sort_by_key(|p| p.spans.first().map(|s| s.start));
    out.programs
        .sort_by_key(|p| p.spans.first().map(|s| s.start));
    out
}

#[cfg(test)]
mod tests;
