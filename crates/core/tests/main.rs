//! Native tests of the quiz core: one binary, one module per area, each with one `check` helper.

mod app_state;
mod embed;
mod engine;
mod i18n;
mod manifest;
mod order;
mod parse;
mod reporting;
mod review;
mod toml_doc;

/// A small valid set the tests edit. Kept in one place so each test states only what it changes.
pub const VALID: &str = include_str!("../../../tests/data/demo-set.toml");
