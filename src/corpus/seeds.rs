//! The five seed articles, compiled in: `warta` with no path opens them.

use super::load::article_from_bytes;
use super::parse::KnownFields;
use super::{Corpus, Origin};
use std::path::Path;

/// File names and contents of the embedded seeds, in id order.
const SEEDS: &[(&str, &str)] = &[
    (
        "000_bbc4bc9959b0c5c3.txt",
        include_str!("../../seeds/000_bbc4bc9959b0c5c3.txt"),
    ),
    (
        "001_ad00abfcf8fba43d.txt",
        include_str!("../../seeds/001_ad00abfcf8fba43d.txt"),
    ),
    (
        "002_68eda884bb9a4a5d.txt",
        include_str!("../../seeds/002_68eda884bb9a4a5d.txt"),
    ),
    (
        "003_8ea2b539bd739b9e.txt",
        include_str!("../../seeds/003_8ea2b539bd739b9e.txt"),
    ),
    (
        "004_77a1ede7394869c8.txt",
        include_str!("../../seeds/004_77a1ede7394869c8.txt"),
    ),
];

/// Loads the embedded seed corpus. Paths read `seeds/<file>`.
pub fn load_seeds() -> Corpus {
    let mut corpus = Corpus::default();
    for (name, text) in SEEDS {
        let id = name.trim_end_matches(".txt");
        let path = Path::new("seeds").join(name);
        corpus.bytes += text.len() as u64;
        match article_from_bytes(id, &path, text.as_bytes().to_vec(), KnownFields::default()) {
            Ok(mut a) => {
                a.origin = Origin::Seed;
                corpus.articles.push(a)
            }
            Err(reason) => corpus
                .problems
                .push(crate::corpus::LoadProblem { path, reason }),
        }
    }
    corpus
}

/// The text of the seed whose path is `seeds/<file>`.
pub(super) fn seed_text(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?;
    SEEDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
