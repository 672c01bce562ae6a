//! Native tests of the pure core: one binary, one module per area, each with one `check` helper.

mod content;
mod draft;
mod csv;
mod embed;
mod engine;
mod gift;
mod manifest;
mod parse;
mod records;
mod results;
mod review;
mod toml_out;

/// A small valid set the tests edit. Kept in one place so each test states only what it changes.
pub const VALID: &str = include_str!("../data/demo-set.toml");
