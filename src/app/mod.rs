//! The reader's logic without a terminal: [`State`], every [`Action`], the
//! pure [`update`], and the [`keymap`] from key and mouse events to actions.

mod action;
mod filtering;
pub mod found;
pub mod keyconfig;
pub mod keymap;
pub mod library;
pub mod list;
pub mod order;
pub mod reader;
mod remember;
pub mod rows;
pub mod search;
pub mod side_layout;
pub mod sidebar;
mod state;
pub mod stored;
mod update;

pub use action::{Action, LoadProgress, Pace, Pane, RawRead};
pub use library::{figure_documents, EntityRef, EntityRow, Library};
pub use rows::Rows;
pub use state::*;
pub use update::update;
