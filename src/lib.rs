//! credo-quiz: onboarding quizzes on a municipal office's staff credo, for the intranet.
//!
//! # Bird's-eye view
//!
//! A trainer writes a question set as a TOML file and lists it in `questions/manifest.txt`.
//! The web app fetches the manifest and the sets at run time, validates them with the same code
//! as the `quizcheck` command line, and runs attempts: a situation, "which principle applies?",
//! feedback quoting the source document, and at the end a result broken down by principle.
//! History and the attempt in progress are kept in localStorage.
//!
//! # Codemap, in reading order
//!
//! - `core::model`: `QuestionSet`, `Source`, `Principle`, `Question`: the validated model.
//! - `core::diagnostic`: `Diagnostic` (file, line, column in characters) and `Problem`,
//!   rendered in Japanese or English.
//! - `core::parse`: TOML text to `Parsed` (the set it could build plus every diagnostic).
//! - `core::manifest`: the manifest's lines; set ids unique across files.
//! - `core::engine`: `Attempt`, changed by `Event`s; `Outcome` with per-principle scores.
//! - `core::records`: versioned JSON for `History` and the stored attempt; dates.
//! - `core::i18n`: `Lang` and every interface string.
//! - `core::embed`: the iframe URL's parameters, config.toml, and `HostEvent`s for the host page.
//! - `web::storage`: the only code touching localStorage (keys scoped per embed);
//!   `web::embed`: the only code talking to a host page (height, events, H5P's resizer);
//!   `web::platform`: fetch, URL, clock, focus, stylesheets.
//! - `ui::state`: `AppState` and `Action` (the reducer); `ui::app` and one component per screen.
//! - `core::review`: quotes against the source texts, giveaway labels, counts per principle.
//! - `core::toml_out`: a `QuestionSet` written back as a readable set file (reads back unchanged).
//! - `core::csv`: Excel CSV in and out, one row a question; rows become TOML lines checked by
//!   `parse_set`, and each problem is reported at its row and column header.
//! - `core::gift`: Moodle GIFT in and out (multiple choice); what GIFT cannot hold rides in
//!   `// credo-quiz:` comment lines, so an export reads back unchanged.
//! - `files` (native only): sets, manifests and source texts on disk, for the CLI and tests;
//!   `read_set_file` reads a TOML, CSV or GIFT set by its extension for `quizcheck convert`.
//! - `encoding` (native only): file bytes to text: UTF-8 with or without a BOM, else Shift_JIS (CP932).
//! - `bin/quizcheck.rs`: the trainer's command line over the same core.
//! - `core::results`: an employee's result file (written by hand, without serde_json, in the
//!   employee's bundle) and the merge of many into a group view; CSV of it for Excel.
//! - `core::draft`: the trainer page's draft: format detection, parsing, where a problem is in the
//!   text, writing a set out in each format. `core::i18n_trainer`: the trainer page's strings.
//! - `trainer` + `bin/trainer.rs`: the trainer page, its own bundle (trainer/index.html): editor with
//!   located problems, preview and trial run (the employee's own components, in memory only), group
//!   results. `web::trainer_io`: its browser calls (files via TextDecoder, a timer, the caret).
//!
//! # Invariants
//!
//! - `core` imports nothing from yew, web_sys, gloo or wasm_bindgen, does no I/O and never
//!   panics on input; it is tested natively.
//! - Browser APIs are called only in `web` and `main.rs`. Components render state and dispatch
//!   actions; the reducer does no I/O; effects persist.
//! - A `QuestionSet` exists only after validation: ids are unique, every principle id named
//!   exists, every answer is one of its options.
//! - Author errors are collected, never thrown: every problem carries file, line and column.
//! - Stored data carries a schema version; what cannot be read is moved to a backup key, never
//!   dropped.
//! - The app requests nothing from any host but the one serving it, and posts messages only to a
//!   parent window's exact, allowed origin (never `*`).

pub mod core;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
#[cfg(not(target_arch = "wasm32"))]
pub mod encoding;
#[cfg(target_arch = "wasm32")]
pub mod trainer;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
