//! [`ArticleEntities`] packed into one byte buffer per article: the corpus
//! keeps every article's mentions for the reader, and as structs with a
//! `String` or `Vec` per name and span list they weigh more than the text.
//! Packed they take a few hundred bytes; the reader unpacks the open one.
//!
//! Layout: the five list lengths, then each list in order. Numbers are
//! LEB128 varints; a string is its length then its bytes; an optional
//! string is 0, or its length plus one then its bytes; a span list is its
//! length then each span's start and length.

use super::model::{
    ArticleEntities, FigureMention, OfficialMention, OrganizationMention, PlaceLevel, PlaceMention,
    ProgramMention, Span,
};

mod check;
mod refs;

pub use refs::{NamedRef, OfficialRef};

/// One article's entities, packed. [`PackedEntities::unpack`] gives back
/// exactly what [`PackedEntities::pack`] was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedEntities(Box<[u8]>);

impl PackedEntities {
    /// Packs one article's entities.
    pub fn pack(e: &ArticleEntities) -> PackedEntities {
        let mut w = Vec::with_capacity(64);
        for n in [
            e.officials.len(),
            e.organizations.len(),
            e.places.len(),
            e.programs.len(),
            e.figures.len(),
        ] {
            put(&mut w, n);
        }
        for o in &e.officials {
            put_str(&mut w, &o.name);
            put_str(&mut w, &o.position);
            put_opt(&mut w, o.institution.as_deref());
            for list in [&o.titles, &o.degrees, &o.aliases] {
                put(&mut w, list.len());
                list.iter().for_each(|s| put_str(&mut w, s));
            }
            put_spans(&mut w, &o.spans);
        }
        for o in &e.organizations {
            put_str(&mut w, &o.name);
            put_opt(&mut w, o.expansion.as_deref());
            put_spans(&mut w, &o.spans);
        }
        for p in &e.places {
            put_str(&mut w, &p.name);
            w.push(level_code(p.level));
            put_spans(&mut w, &p.spans);
        }
        for p in &e.programs {
            put_str(&mut w, &p.name);
            put_opt(&mut w, p.expansion.as_deref());
            put_spans(&mut w, &p.spans);
        }
        for f in &e.figures {
            put_str(&mut w, &f.text);
            put_spans(&mut w, std::slice::from_ref(&f.span));
        }
        PackedEntities(w.into_boxed_slice())
    }

    /// The packed bytes, as [`PackedEntities::from_bytes`] takes them back.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Bytes read from elsewhere (the entity cache), when they have the
    /// shape [`PackedEntities::pack`] gives: every list no longer than the
    /// bytes left, every string valid UTF-8, nothing after the end. Unpacking
    /// them then allocates only what the bytes hold.
    pub fn from_bytes(bytes: &[u8]) -> Option<PackedEntities> {
        check::well_formed(bytes).then(|| PackedEntities(bytes.into()))
    }

    /// The bytes this article's entities take.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True for an article packed from nothing at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many officials the article mentions.
    pub fn official_count(&self) -> usize {
        Reader::new(&self.0).num()
    }

    /// How many figures the article holds.
    pub fn figure_count(&self) -> usize {
        let mut r = Reader::new(&self.0);
        (0..4).for_each(|_| {
            r.num();
        });
        r.num()
    }

    /// Unpacks everything.
    pub fn unpack(&self) -> ArticleEntities {
        let mut r = Reader::new(&self.0);
        let counts: [usize; 5] = std::array::from_fn(|_| r.num());
        ArticleEntities {
            officials: (0..counts[0]).map(|_| r.official()).collect(),
            organizations: (0..counts[1])
                .map(|_| {
                    let (name, expansion, spans) = r.expanded();
                    OrganizationMention {
                        name,
                        expansion,
                        spans,
                    }
                })
                .collect(),
            places: (0..counts[2])
                .map(|_| PlaceMention {
                    name: r.string(),
                    level: level_of(r.byte()),
                    spans: r.spans(),
                })
                .collect(),
            programs: (0..counts[3])
                .map(|_| {
                    let (name, expansion, spans) = r.expanded();
                    ProgramMention {
                        name,
                        expansion,
                        spans,
                    }
                })
                .collect(),
            figures: (0..counts[4])
                .map(|_| FigureMention {
                    text: r.string(),
                    span: r.spans().first().copied().unwrap_or(Span::new(0, 0)),
                })
                .collect(),
        }
    }

    /// The figures only, as their own mentions (what the reader's figure
    /// rows and the JSON output need; see [`PackedEntities::figure_refs`]).
    pub fn figures(&self) -> Vec<FigureMention> {
        self.figure_refs()
            .map(|f| FigureMention {
                text: f.text.to_string(),
                span: f.span,
            })
            .collect()
    }
}

/// Place levels by their one-byte code.
pub(super) const LEVELS: [PlaceLevel; 7] = [
    PlaceLevel::Negara,
    PlaceLevel::Provinsi,
    PlaceLevel::Kabupaten,
    PlaceLevel::Kota,
    PlaceLevel::Kecamatan,
    PlaceLevel::Desa,
    PlaceLevel::Lokasi,
];

/// The one-byte code of a place level.
pub(super) fn level_code(level: PlaceLevel) -> u8 {
    LEVELS.iter().position(|&l| l == level).unwrap_or(0) as u8
}

fn level_of(code: u8) -> PlaceLevel {
    LEVELS
        .get(code as usize)
        .copied()
        .unwrap_or(PlaceLevel::Lokasi)
}

fn put(w: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        w.push((n as u8) | 0x80);
        n >>= 7;
    }
    w.push(n as u8);
}

fn put_str(w: &mut Vec<u8>, s: &str) {
    put(w, s.len());
    w.extend_from_slice(s.as_bytes());
}

fn put_opt(w: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => put(w, 0),
        Some(s) => {
            put(w, s.len() + 1);
            w.extend_from_slice(s.as_bytes());
        }
    }
}

fn put_spans(w: &mut Vec<u8>, spans: &[Span]) {
    put(w, spans.len());
    for s in spans {
        put(w, s.start);
        put(w, s.end - s.start);
    }
}

/// Reads back what the `put` functions wrote (the buffer is always one
/// [`PackedEntities::pack`] made).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn num(&mut self) -> usize {
        let mut n = 0usize;
        let mut shift = 0;
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 || shift > 56 {
                return n;
            }
            shift += 7;
        }
    }

    /// The next `len` bytes (fewer at the end), stepped over.
    fn take(&mut self, len: usize) -> &'a [u8] {
        let end = (self.at + len).min(self.bytes.len());
        let bytes = &self.bytes[self.at.min(end)..end];
        self.at = end;
        bytes
    }

    fn text(&mut self, len: usize) -> String {
        let bytes = self.take(len);
        // Always UTF-8 (see `well_formed`); `from_utf8` checks it much faster
        // than the lossy conversion walks it.
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        }
    }

    /// `len` bytes of text in place. Packed texts are UTF-8 (see
    /// `well_formed`); were one not, it reads as empty rather than failing.
    fn text_ref(&mut self, len: usize) -> &'a str {
        std::str::from_utf8(self.take(len)).unwrap_or_default()
    }

    /// What [`Reader::string`] reads, in place.
    fn str_ref(&mut self) -> &'a str {
        let len = self.num();
        self.text_ref(len)
    }

    /// What [`Reader::optional`] reads, in place.
    fn optional_ref(&mut self) -> Option<&'a str> {
        match self.num() {
            0 => None,
            n => Some(self.text_ref(n - 1)),
        }
    }

    fn string(&mut self) -> String {
        let len = self.num();
        self.text(len)
    }

    fn optional(&mut self) -> Option<String> {
        match self.num() {
            0 => None,
            n => Some(self.text(n - 1)),
        }
    }

    fn strings(&mut self) -> Vec<String> {
        let n = self.num();
        (0..n).map(|_| self.string()).collect()
    }

    fn spans(&mut self) -> Vec<Span> {
        let n = self.num();
        (0..n)
            .map(|_| {
                let start = self.num();
                Span::new(start, start + self.num())
            })
            .collect()
    }

    /// A name, its optional expansion and its spans (organisations,
    /// programmes).
    fn expanded(&mut self) -> (String, Option<String>, Vec<Span>) {
        (self.string(), self.optional(), self.spans())
    }

    /// Steps over what [`Reader::expanded`] reads.
    fn skip_expanded(&mut self) {
        self.skip_text();
        self.skip_optional();
        self.skip_spans();
    }

    /// Steps over a place: name, level, spans.
    fn skip_place(&mut self) {
        self.skip_text();
        self.byte();
        self.skip_spans();
    }

    /// Steps over what [`Reader::string`] reads.
    fn skip_text(&mut self) {
        let len = self.num();
        self.take(len);
    }

    /// Steps over what [`Reader::optional`] reads.
    fn skip_optional(&mut self) {
        let len = self.num().saturating_sub(1);
        self.take(len);
    }

    /// Steps over what [`Reader::spans`] reads.
    fn skip_spans(&mut self) {
        (0..self.num() * 2).for_each(|_| {
            self.num();
        });
    }

    /// Steps over what [`Reader::official`] reads.
    fn skip_official(&mut self) {
        self.skip_text(); // name
        self.skip_text(); // position
        self.skip_optional(); // institution
        for _ in 0..3 {
            // titles, degrees, aliases
            (0..self.num()).for_each(|_| self.skip_text());
        }
        self.skip_spans();
    }

    fn official_ref(&mut self) -> OfficialRef<'a> {
        let name = self.str_ref();
        let position = self.str_ref();
        let institution = match self.num() {
            0 => None,
            n => Some(self.text_ref(n - 1)),
        };
        for _ in 0..2 {
            // titles, degrees
            (0..self.num()).for_each(|_| self.skip_text());
        }
        let count = self.num();
        let from = self.at;
        (0..count).for_each(|_| self.skip_text());
        let end = self.at.min(self.bytes.len());
        let aliases = (&self.bytes[from.min(end)..end], count);
        let span_count = self.num();
        (0..span_count * 2).for_each(|_| {
            self.num();
        });
        OfficialRef {
            name,
            position,
            institution,
            span_count,
            aliases,
        }
    }

    fn official(&mut self) -> OfficialMention {
        OfficialMention {
            name: self.string(),
            position: self.string(),
            institution: self.optional(),
            titles: self.strings(),
            degrees: self.strings(),
            aliases: self.strings(),
            spans: self.spans(),
        }
    }
}

#[cfg(test)]
mod tests;
