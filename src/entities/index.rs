//! The corpus-wide view of entities after resolution: one [`Official`] per
//! person with every role, and organisations, places, programmes and figures
//! with the articles that mention them.

use super::model::{ArticleEntities, PlaceLevel};
use super::packed::PackedEntities;
use serde::Serialize;

/// One post a person holds in some articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// The post (`Kepala Bappeda`).
    pub position: String,
    /// The region or body (`Kabupaten Tangerang`).
    pub institution: Option<String>,
    /// Indices into the corpus's articles where the person holds this post.
    pub articles: Vec<usize>,
}

/// A person holding public office, resolved across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Official {
    /// The fullest form of the name seen.
    pub name: String,
    /// Other names and short forms that refer to the person.
    pub aliases: Vec<String>,
    /// Every post, most mentioned first.
    pub roles: Vec<Role>,
    /// Indices of the articles that mention the person, ascending.
    pub articles: Vec<usize>,
    /// Total number of mentions across the corpus.
    pub mentions: usize,
}

impl Official {
    /// The main role: the one with the most articles.
    pub fn main_role(&self) -> Option<&Role> {
        self.roles.first()
    }
}

/// An organisation across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    /// Canonical name.
    pub name: String,
    /// Long form, when known.
    pub expansion: Option<String>,
    /// Articles that mention it, ascending.
    pub articles: Vec<usize>,
}

/// A place across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Canonical name (`Kota Tangerang Selatan`).
    pub name: String,
    /// Level, serialised as `kind` in JSON output.
    #[serde(rename = "kind")]
    pub level: PlaceLevel,
    /// Articles that mention it, ascending.
    pub articles: Vec<usize>,
}

/// A programme across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Program {
    /// Name.
    pub name: String,
    /// Long form, when known.
    pub expansion: Option<String>,
    /// Articles that mention it, ascending.
    pub articles: Vec<usize>,
}

/// A figure, which belongs to one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The text of the figure.
    pub text: String,
    /// The article it stands in.
    pub article: usize,
}

/// Everything extracted from a corpus: per-article mentions (same order as
/// the corpus's articles) and the resolved corpus-wide lists.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EntityIndex {
    /// Per-article extraction results, indexed like `Corpus::articles`,
    /// packed: [`EntityIndex::article`] unpacks one.
    #[serde(skip)]
    pub per_article: Vec<PackedEntities>,
    /// For each article, for each of its officials, the index into `officials`.
    #[serde(skip)]
    pub official_of_mention: Vec<Vec<usize>>,
    /// Resolved officials, most mentioned first.
    pub officials: Vec<Official>,
    /// Organisations, most articles first.
    pub organizations: Vec<Organization>,
    /// Places, most articles first.
    pub places: Vec<Place>,
    /// Programmes, most articles first.
    pub programs: Vec<Program>,
}

impl EntityIndex {
    /// What article `a` mentions, unpacked; `None` past the end.
    pub fn article(&self, a: usize) -> Option<ArticleEntities> {
        self.per_article.get(a).map(PackedEntities::unpack)
    }

    /// Every figure in article order, unpacked (a corpus has about ten per
    /// article, so they are not kept twice).
    pub fn figures(&self) -> Vec<Figure> {
        let mut out = Vec::new();
        for (article, packed) in self.per_article.iter().enumerate() {
            out.extend(packed.figures().into_iter().map(|f| Figure {
                text: f.text,
                article,
            }));
        }
        out
    }
}
