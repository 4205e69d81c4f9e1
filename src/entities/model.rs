//! The entity data model: what one article mentions ([`ArticleEntities`]) and
//! what the whole corpus knows after resolution ([`EntityIndex`]).

use serde::Serialize;

/// A byte range into an article body. Always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's invariant.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// The kinds of entity warta extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person holding a public post.
    Official,
    /// An institution, agency or body (`Bappeda Kabupaten Tangerang`).
    Organization,
    /// A region or named place (`Kota Tangerang Selatan`).
    Place,
    /// A programme or innovation (`P3KE`, `Si Praja`).
    Program,
    /// A number with its unit (`1,61 %`, `Rp300 milliar`, `30 orang`).
    Figure,
}

/// An official as found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficialMention {
    /// The person's name without honorifics, ranks or degrees; initials kept
    /// as written (`Arief R. Wismansyah`, `AM Iskandar Nasution`).
    pub name: String,
    /// The post (jabatan) with its unit but without its region:
    /// `Kepala Bappeda`, `Pj. Bupati`, `Sekretaris Daerah`. Abbreviated posts
    /// are expanded (`Sekda` → `Sekretaris Daerah`, `Wabup` → `Wakil Bupati`).
    pub position: String,
    /// The region or body the post belongs to, as stated or as the article
    /// makes plain: `Kota Tangerang`, `Provinsi Jambi`, `Kemensos RI`.
    pub institution: Option<String>,
    /// Honorifics and ranks found before the name (`H.`, `Drs.`, `AKBP`).
    pub titles: Vec<String>,
    /// Degree suffixes found after the name (`S.Sos`, `M.Si`).
    pub degrees: Vec<String>,
    /// Other forms that refer to this person in the article (`Arief`, `Sekda`).
    pub aliases: Vec<String>,
    /// Every mention of the person (full and short forms), sorted.
    pub spans: Vec<Span>,
}

/// An organisation as found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganizationMention {
    /// Canonical short name: `Bappeda Kabupaten Tangerang`, `Pemkab Tangerang`, `OPD`.
    pub name: String,
    /// The long form, when known (`Badan Perencanaan Pembangunan Daerah`).
    pub expansion: Option<String>,
    /// Every mention, sorted.
    pub spans: Vec<Span>,
}

/// The administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// The country.
    Negara,
    /// A province.
    Provinsi,
    /// A regency.
    Kabupaten,
    /// A city.
    Kota,
    /// A district.
    Kecamatan,
    /// A village or urban village.
    Desa,
    /// A named building, lake or other place below the region levels.
    Lokasi,
}

/// A place as found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceMention {
    /// Canonical name as Kemendagri writes it (`Kota Tangerang Selatan`).
    pub name: String,
    /// Its level.
    pub level: PlaceLevel,
    /// Every mention, sorted.
    pub spans: Vec<Span>,
}

/// A programme or innovation as found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramMention {
    /// The name as written, acronym preferred (`P3KE`, `bedah rumah`).
    pub name: String,
    /// The long form, when given (`Usaha Peningkatan Pendapatan Keluarga`).
    pub expansion: Option<String>,
    /// Every mention, sorted.
    pub spans: Vec<Span>,
}

/// A figure: a number with its unit, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureMention {
    /// The text of the figure (`1,61 %`, `8.182 rumah`, `Rp300 milliar`).
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// Everything extracted from one article body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleEntities {
    /// Officials in order of first mention.
    pub officials: Vec<OfficialMention>,
    /// Organisations in order of first mention.
    pub organizations: Vec<OrganizationMention>,
    /// Places in order of first mention.
    pub places: Vec<PlaceMention>,
    /// Programmes in order of first mention.
    pub programs: Vec<ProgramMention>,
    /// Figures in text order.
    pub figures: Vec<FigureMention>,
}
