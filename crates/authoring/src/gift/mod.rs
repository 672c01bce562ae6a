//! Moodle GIFT to a draft set and back: multiple-choice questions, with what GIFT cannot hold carried in `// credo-quiz:` comment lines.
//!
//! Import reads a file the way Moodle's own importer does (question/format/gift/format.php), in
//! two stages. First (`lexer`) the text is cut into blocks at blank lines, each line trimmed, comment lines
//! set aside, and escapes resolved into characters that remember whether they were escaped and
//! where they stood. Then (`reader`) each block is read as a category, a question or nothing, and every
//! question is checked against our model. A question Moodle would import as something other than
//! single-answer multiple choice is reported once, where it stands, and the rest of the file is
//! still read. Whatever GIFT cannot say (the set's id and source, principles, difficulty, quote,
//! scenario questions) comes from `// credo-quiz: key = value` lines, which Moodle ignores; a
//! file written for Moodle by hand has none, so each missing field is reported, and a harmless
//! default is used only where one exists (and reported too).
//!
//! Export (`writer`) writes those lines for every field, so `parse_gift(to_gift(set))` gives the set back
//! unchanged with no diagnostics.

mod lexer;
mod reader;
mod writer;

pub use reader::{parse_gift, read_gift};
pub use writer::to_gift;

/// Starts a comment line that carries one of our fields.
pub(crate) const NOTE_PREFIX: &str = "credo-quiz:";
/// Every key a note may have: first the set's fields, written once at the top (`source.file`
/// and `principle.*` may repeat), then one question's, written in its block above its `::title::`.
pub(crate) const NOTE_KEYS: &[&str] = &[
    "set.id",
    "set.title",
    "set.pass_mark",
    "set.length",
    "set.prompt",
    "source.office",
    "source.title",
    "source.date",
    "source.url",
    "source.file",
    "principle.id",
    "principle.label",
    "principle.summary",
    "kind",
    "prompt",
    "options",
    "principle",
    "difficulty",
    "quote",
];
pub(crate) const SET_KEYS: &[&str] = NOTE_KEYS.split_at(13).0;
pub(crate) const QUESTION_KEYS: &[&str] = NOTE_KEYS.split_at(13).1;
/// What a hand-written file gets for a pass mark; the shipped sets and the guide use 70.
pub(crate) const DEFAULT_PASS_MARK: u8 = 70;
