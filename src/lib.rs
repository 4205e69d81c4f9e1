//! warta: a terminal reader for Indonesian regional-government news.
//!
//! The crate is split by concern: [`corpus`] loads and parses articles,
//! [`entities`] extracts and resolves officials and other entities,
//! [`search`] filters them, [`store`] keeps config and state, [`cli`] is the headless command line, and
//! [`app`], [`ui`] and [`tui`] are the interactive reader.

pub mod app;
pub mod byte_group;
pub mod cli;
pub mod codec;
pub mod corpus;
pub mod entities;
pub mod malloc;
pub mod search;
pub mod store;
pub mod tui;
pub mod ui;
pub mod watch;
