//! Entity extraction over article bodies and resolution across the corpus.
//! Rules are driven by the gazetteers in `assets/`; nothing here knows about
//! the terminal.

pub mod gazetteer;
mod in_article;
mod index;
mod intervals;
mod merge;
mod model;
mod names;
mod officials;
mod others;
mod packed;
mod posts;
mod regions;
mod resolve;
mod tokens;

pub use index::*;
pub use model::*;
pub use packed::PackedEntities;
pub use resolve::{build_index, name_key, official_document, resolve, resolve_packed};

/// Extracts every entity from one article body.
pub fn extract(body: &str) -> ArticleEntities {
    let tokens = tokens::tokenize(body);
    let (officials, regions) = officials::find_officials(body, &tokens);
    let others = others::find_others(body, &tokens, &regions);
    ArticleEntities {
        officials,
        organizations: others.organizations,
        places: others.places,
        programs: others.programs,
        figures: others.figures,
    }
}
