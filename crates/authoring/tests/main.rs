//! Native tests of the trainer's tools: one binary, one module per area, each with one `check` helper.
//! (CSV and GIFT, which read files from disk and run the command line, are tested in crates/quizcheck/tests.)

mod cues;
mod draft;
mod form;
mod results;
mod toml_out;
mod trainer_state;

/// A small valid set the tests edit (the same file the core's tests and the trainer page's tests use).
pub const VALID: &str = include_str!("../../../tests/data/demo-set.toml");
