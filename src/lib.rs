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
//! The pure core (`core`), natively tested:
//! - `core::model`: `QuestionSet`, `Source`, `Principle`, `Question`: the validated model.
//! - `core::diagnostic`: `Diagnostic` (file, line, column in characters) and `Problem`, rendered in
//!   Japanese or English; `set_file_message` is the part the employee's app links.
//! - `core::parse`: TOML text to `Parsed` (the set it could build plus every diagnostic).
//! - `core::review`: quotes against the source texts, giveaway labels, counts per principle.
//! - `core::manifest`: the manifest's lines; set ids unique across files.
//! - `core::engine`: `Attempt`, changed by `Event`s; `Outcome` with per-principle scores.
//! - `core::records`: `History` and the stored attempt as versioned postcard; dates.
//! - `core::i18n`: `Lang` and every interface string of the quiz.
//! - `core::embed`: the iframe URL's parameters, config.toml, and `HostEvent`s for the host page.
//! - `core::results`: an employee's result file (written by hand, without serde_json, in the
//!   employee's bundle) and the merge of many into a group view; CSV of it for Excel.
//! - `core::toml_out`, `core::csv`, `core::gift`: a set written as TOML, Excel CSV (rows become TOML
//!   lines checked by `parse_set`, problems at row and column header) and Moodle GIFT (what GIFT
//!   cannot hold rides in `// credo-quiz:` comments, so an export reads back unchanged).
//! - `core::app_state`, `core::trainer_state`: the quiz's and the trainer page's state as plain
//!   data, changed only by `apply(action)`; the components wrap them in Yew's `Reducible`.
//! - `core::draft`: one entry for all three formats: detect, parse, `check` (parse + review
//!   against whichever source texts are at hand), write, point into the text.
//!   `core::i18n_trainer`: the trainer page's strings.
//!
//! Native only: `files` (sets, manifests and source texts on disk, for quizcheck and the tests) and
//! `encoding` (bytes to text: UTF-8 with or without BOM, else Shift_JIS/CP932).
//!
//! The browser boundary (`web`), two modules: `web::storage`, the only code that reads and keeps
//! data (the served files by fetch; localStorage, with keys scoped per embed; the clock that dates
//! records), and `web::embed`, the only code that talks to the page around the app (URL parameters,
//! the host page's height, events and H5P's resizer, theme stylesheet, document language).
//!
//! The interfaces, components only: `ui::app` (the root, with `mount`, `focus` and the seed) and one
//! component per screen: the employee's quiz (`main.rs` mounts it). `trainer` (mounted by `bin/trainer.rs`,
//! its own page and bundle, trainer/index.html): editor with located problems, preview and try-out
//! with the quiz's own components, group results, and `DropZone`, which also reads files as text. `bin/quizcheck.rs`: the trainer's command line.
//!
//! # Invariants
//!
//! - `core` imports nothing from yew, web_sys, gloo or wasm_bindgen, does no I/O and never
//!   panics on input; it is tested natively.
//! - yew, web_sys, js_sys and wasm_bindgen appear only in components (`ui`, `trainer`), in
//!   `web::storage`, `web::embed` and the two entry points. State changes only in the core's
//!   `apply`, which does no I/O; effects persist.
//! - The employee's bundle links no trainer tool: no CSV, GIFT, editor, serde_json or their
//!   messages (an end-to-end test checks the built wasm).
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
