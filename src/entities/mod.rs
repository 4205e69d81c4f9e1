//! Entity extraction over article bodies and resolution across the corpus.
//! Rules are driven by the gazetteers in `assets/`; nothing here knows about
//! the terminal.

mod cluster;
mod fast_hash;
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
mod people;
mod posts;
mod regions;
mod resolve;
pub mod stored;
mod tokens;

use std::sync::LazyLock;
use tokens::{ShapeTable, TokenShapes};

pub use index::*;
pub use model::*;
pub use packed::PackedEntities;
pub use resolve::{
    build_index, extract_article, extract_packed, name_key, official_document, resolve,
    resolve_packed, resolve_packed_beside, EXTRACTION_RUN,
};

/// Extracts every entity from one article body. Token offsets are 32-bit,
/// so a body of 4 GiB or more is read only up to its first 4 GiB (cut back
/// to a character boundary); spans still point into the whole body.
pub fn extract(body: &str) -> ArticleEntities {
    let body = &body[..readable_len(body, tokens::MAX_TEXT)];
    let tokens = tokens::tokenize(body);
    let shapes = pass_shapes(&tokens);
    let (officials, regions) = officials::find_officials(body, &tokens, &shapes);
    let others = others::find_others(body, &tokens, &shapes, &regions);
    ArticleEntities {
        officials,
        organizations: others.organizations,
        places: others.places,
        programs: others.programs,
        figures: others.figures,
    }
}

/// A pass over a body's tokens that stops only at words of its own
/// shapes: its bit in [`PASS_SHAPES`] and in [`pass_shapes`]' answer.
#[derive(Debug, Clone, Copy)]
enum Pass {
    /// Posts and `pejabat` ([`posts::official_openers`]).
    Officials,
    /// Region type words ([`regions::TypedRefs::scan`]).
    RegionTypes,
    /// Organisations, places and programmes ([`others::find_others`]).
    Others,
}

impl Pass {
    /// Its set in [`PASS_SHAPES`].
    const fn set(self) -> usize {
        self as usize
    }
}

/// The shapes every [`Pass`] stops at, in one table.
static PASS_SHAPES: LazyLock<ShapeTable> = LazyLock::new(|| {
    ShapeTable::new(&[
        posts::official_openers(),
        &regions::TYPE_SHAPES,
        &others::LOOKED_AT,
    ])
});

/// Which passes stop at each of `tokens`: worked out once for all three.
fn pass_shapes(tokens: &tokens::Tokens) -> TokenShapes {
    TokenShapes::new(tokens, &PASS_SHAPES)
}

/// `text` without every leading `prefix`, as `trim_start_matches` gives it
/// (without building a substring searcher per call).
fn trim_prefix<'t>(mut text: &'t str, prefix: &str) -> &'t str {
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

/// How much of `body` the extractor reads: all of it when at most `max`
/// bytes, else its first `max` bytes cut back to a character boundary.
fn readable_len(body: &str, max: usize) -> usize {
    if body.len() <= max {
        return body.len();
    }
    let mut n = max;
    while !body.is_char_boundary(n) {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::readable_len;

    #[test]
    fn bodies_over_the_limit_are_cut_on_a_char_boundary() {
        assert_eq!(readable_len("abc", 3), 3);
        assert_eq!(readable_len("abcdef", 4), 4);
        // `é` takes bytes 1 and 2: a cut at 2 falls back to 1.
        assert_eq!(readable_len("aéb", 2), 1);
        assert_eq!(readable_len("", 0), 0);
    }
}
