//! quizcheck: the trainer's command line over the quiz core and the authoring tools.
//!
//! - `cli`: the commands (check, stats, export, manifest, convert, scorm), their messages and exit codes.
//! - `files`: sets, manifests and source texts on disk (also used by the native content tests).
//! - `package`: a set and the built app zipped as a SCORM 1.2 package.
//! - `encoding`: bytes to text: UTF-8 with or without BOM, else Shift_JIS (CP932).

pub mod cli;
pub mod encoding;
pub mod files;
pub mod package;
