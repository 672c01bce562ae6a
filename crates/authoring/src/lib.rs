//! The trainer's tools, over the quiz core: never linked by the employee's app (CI checks the crate graph).
//!
//! - `problem`: what only CSV and GIFT files can have wrong, and `DraftProblem` for any draft.
//! - `toml_out`: a set written as TOML that `parse_set` reads back unchanged.
//! - `csv`: Excel CSV in and out; rows become TOML lines checked by `parse_set`, so every rule lives once.
//! - `cues`: the cue report: how far a set can be answered by its words alone, and the words.
//! - `gift`: Moodle GIFT, as `lexer` (characters, escapes, blocks, comments), `reader` (questions
//!   and `// credo-quiz:` notes into a set) and `writer`.
//! - `draft`: one entry for all three formats: detect, parse, check against source texts, write.
//! - `form`: the form view of a TOML draft: its fields read from the text, each edit written back
//!   with toml_edit (comments and order kept), and the field a problem concerns.
//! - `kept_draft`: a draft as the trainer page keeps it in the browser (a versioned record).
//! - `group`: employees' result files merged into a group view, and its CSV.
//! - `scorm`: a SCORM 1.2 package's imsmanifest.xml for one set (`quizcheck scorm` zips it).
//! - `trainer_state`: the trainer page's state as plain data, changed only by `apply`.
//! - `i18n`: the trainer page's strings.

pub mod csv;
pub mod cues;
pub mod draft;
pub mod form;
pub mod gift;
pub mod group;
pub mod i18n;
pub mod kept_draft;
pub mod problem;
pub mod scorm;
pub mod toml_out;
pub mod trainer_state;
