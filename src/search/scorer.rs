//! The scoring trait and its fuzzy-matcher implementation.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// Scores one folded query word against one folded field.
pub trait Scorer: Send + Sync {
    /// The score, or `None` when the word does not match.
    fn score(&self, field: &str, word: &str) -> Option<i64>;
    /// The score's matched character positions in `field`.
    fn indices(&self, field: &str, word: &str) -> Option<Vec<usize>>;
}

/// fuzzy-matcher's skim algorithm (as the product card asks).
pub struct FuzzyScorer {
    matcher: SkimMatcherV2,
}

impl Default for FuzzyScorer {
    fn default() -> Self {
        FuzzyScorer {
            // Fields and words are already folded to lower case.
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl std::fmt::Debug for FuzzyScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FuzzyScorer")
    }
}

impl Scorer for FuzzyScorer {
    fn score(&self, field: &str, word: &str) -> Option<i64> {
        self.matcher.fuzzy_match(field, word)
    }

    fn indices(&self, field: &str, word: &str) -> Option<Vec<usize>> {
        self.matcher.fuzzy_indices(field, word).map(|(_, idx)| idx)
    }
}
