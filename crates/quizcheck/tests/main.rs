//! Tests over files on disk: the shipped sets' content rules, Excel CSV and Moodle GIFT read from real files, and the built `quizcheck` binary's output and exit codes.

mod cli;
mod content;
mod csv;
mod gift;
mod round_trip;

/// A small valid set the tests edit (the same file the core's and the trainer page's tests use).
pub const VALID: &str = include_str!("../../../tests/data/demo-set.toml");

/// The repository's root, where questions/ and tests/data/ are.
pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
