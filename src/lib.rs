//! warta: a terminal reader for Indonesian regional-government news.
//!
//! The crate is split by concern: [`corpus`] loads and parses articles,
//! [`entities`] extracts and resolves officials and other entities, and
//! [`cli`] is the headless command line.

pub mod cli;
pub mod corpus;
pub mod entities;
pub mod search;
