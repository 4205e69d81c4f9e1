//! Reading a [`PackedEntities`] in place: the mentions' texts borrowed
//! from the packed bytes, for the corpus-wide passes (resolution, the
//! corpus scope's index) that read every article's mentions once and keep
//! only a few of their texts.

use super::{level_of, PackedEntities, Reader};
#[cfg(doc)]
use crate::entities::model::{
    FigureMention, OfficialMention, OrganizationMention, PlaceMention, ProgramMention,
};
use crate::entities::model::{PlaceLevel, Span};

impl PackedEntities {
    /// The officials read in place, without copying their texts (what
    /// clustering and resolution walk for every mention of the corpus).
    pub fn official_refs(&self) -> impl Iterator<Item = OfficialRef<'_>> {
        let mut r = Reader::new(&self.0);
        let n = r.num();
        (0..4).for_each(|_| {
            r.num();
        });
        (0..n).map(move |_| r.official_ref())
    }

    /// The organisations, then the places, then the programmes, read in
    /// place without copying their texts (what corpus-wide resolution walks
    /// for every article).
    pub fn named_refs(&self) -> impl Iterator<Item = NamedRef<'_>> {
        let mut r = Reader::new(&self.0);
        let officials = r.num();
        let counts = [r.num(), r.num(), r.num()];
        r.num();
        (0..officials).for_each(|_| r.skip_official());
        let kinds = [
            NamedKind::Organization,
            NamedKind::Place,
            NamedKind::Program,
        ];
        kinds
            .into_iter()
            .zip(counts)
            .flat_map(|(kind, n)| std::iter::repeat_n(kind, n))
            .map(move |kind| {
                let name = r.str_ref();
                let named = match kind {
                    NamedKind::Organization => NamedRef::Organization {
                        name,
                        expansion: r.optional_ref(),
                    },
                    NamedKind::Place => NamedRef::Place {
                        name,
                        level: level_of(r.byte()),
                    },
                    NamedKind::Program => NamedRef::Program {
                        name,
                        expansion: r.optional_ref(),
                    },
                };
                r.skip_spans();
                named
            })
    }

    /// The figures read in place, without copying their texts (what the
    /// corpus's figure rows are indexed from).
    pub fn figure_refs(&self) -> impl Iterator<Item = FigureRef<'_>> {
        let mut r = Reader::new(&self.0);
        let counts: [usize; 5] = std::array::from_fn(|_| r.num());
        (0..counts[0]).for_each(|_| r.skip_official());
        (0..counts[1]).for_each(|_| r.skip_expanded());
        (0..counts[2]).for_each(|_| r.skip_place());
        (0..counts[3]).for_each(|_| r.skip_expanded());
        (0..counts[4]).map(move |_| {
            let text = r.str_ref();
            let spans = r.num();
            let mut span = Span::new(0, 0);
            for i in 0..spans {
                let start = r.num();
                let end = start + r.num();
                if i == 0 {
                    span = Span::new(start, end);
                }
            }
            FigureRef { text, span }
        })
    }
}

/// An official mention as [`PackedEntities::official_refs`] reads it: the
/// texts resolution needs, borrowed from the packed bytes, and the number
/// of spans. Titles and degrees are stepped over.
#[derive(Debug, Clone, Copy)]
pub struct OfficialRef<'a> {
    /// As [`OfficialMention::name`].
    pub name: &'a str,
    /// As [`OfficialMention::position`].
    pub position: &'a str,
    /// As [`OfficialMention::institution`].
    pub institution: Option<&'a str>,
    /// The number of [`OfficialMention::spans`].
    pub span_count: usize,
    /// The packed alias list after its count, and the count.
    pub(super) aliases: (&'a [u8], usize),
}

impl<'a> OfficialRef<'a> {
    /// As [`OfficialMention::aliases`], in order.
    pub fn aliases(&self) -> impl Iterator<Item = &'a str> {
        let mut r = Reader::new(self.aliases.0);
        (0..self.aliases.1).map(move |_| r.str_ref())
    }
}

/// An organisation, place or programme as [`PackedEntities::named_refs`]
/// reads it: the texts borrowed from the packed bytes, the spans stepped
/// over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedRef<'a> {
    /// As [`OrganizationMention`]'s name and expansion.
    Organization {
        /// The name.
        name: &'a str,
        /// The long form.
        expansion: Option<&'a str>,
    },
    /// As [`PlaceMention`]'s name and level.
    Place {
        /// The name.
        name: &'a str,
        /// The level.
        level: PlaceLevel,
    },
    /// As [`ProgramMention`]'s name and expansion.
    Program {
        /// The name.
        name: &'a str,
        /// The long form.
        expansion: Option<&'a str>,
    },
}

/// Which list a [`NamedRef`] comes from, while reading.
#[derive(Debug, Clone, Copy)]
enum NamedKind {
    Organization,
    Place,
    Program,
}

/// A figure as [`PackedEntities::figure_refs`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureRef<'a> {
    /// As [`FigureMention::text`], borrowed.
    pub text: &'a str,
    /// As [`FigureMention::span`].
    pub span: Span,
}
