//! Entity extraction and resolution.

mod model;

pub use model::*;
