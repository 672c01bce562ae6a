//! credo-quiz's quiz core, and the project's codemap: onboarding quizzes on a municipal office's staff credo, for the intranet.
//!
//! # Bird's-eye view
//!
//! A trainer writes a question set as a TOML file (or CSV from Excel, or Moodle GIFT, converted)
//! and lists it in `questions/manifest.txt` (with its summary, which `quizcheck manifest` writes,
//! so the set list needs no set file). The web app fetches the manifest, and each set when it is
//! opened (web/boot.js starts the manifest and a deep link's set beside the wasm, which the build
//! also ships gzip-packed for servers that do not compress it (scripts/pack-wasm.mjs), and the app
//! begins from what has come, so its first screen is the one the page opens on), validates it with the same code as the `quizcheck` command line, and runs attempts: a
//! situation, "which principle applies?", feedback quoting the source document, and at the end a
//! result broken down by principle. History and the attempt in progress are kept in localStorage.
//!
//! # Codemap: the crates, in reading order (crates/, one folder each)
//!
//! - `credo-core` (this crate), pure, tested natively: `model` (`QuestionSet`, built only by its
//!   checking constructor; `Source`, `Principle`, `Question`), `diagnostic` (`Diagnostic<P>` with
//!   file, line, column; `Problem` for set files and the manifest; the `Message` trait),
//!   `paths` (the one rule for file names a manifest or a set gives), `order` (a small
//!   stable sort), `toml_doc` (TOML 1.0
//!   text to a tree with every key's and value's place, read by our own code for the download's
//!   size), `parse` (TOML text to `Parsed`: the set it could build plus every diagnostic), `review`
//!   (quotes against source texts, giveaways, counts), `manifest` (file names and `SetSummary`,
//!   only a preview: a fetched set decides), `engine` (`Attempt` changed by
//!   `Event`s; `Outcome`), `history` (`History`, dates, storage notices), `result_file` (the
//!   employee's result JSON, written by hand), `i18n` (`Lang`, every string of the quiz; web/report.js carries its own), `embed`
//!   (URL parameters, config.toml, `HostEvent`s), `app_state` (the quiz's state as plain data,
//!   changed only by `AppState::apply`), `certificate` (the completion certificate's code and the
//!   set's content hash), `xapi` (the statements an attempt's events make for an LRS, `[xapi]` in
//!   config.toml, the learner), `scorm` (the SCORM 1.2 values they make for an LMS).
//! - `credo-records`: the versioned stored forms of `Attempt` and `History` (postcard's wire
//!   format, written and read field by field: `Record`), so the engine's types are not a
//!   storage schema.
//! - `credo-authoring`, the trainer's tools: `problem` (CSV and GIFT problems; `DraftProblem`),
//!   `toml_out`, `csv`, `gift` (`lexer`, `reader`, `writer`), `draft` (one entry for the three
//!   formats), `form` (the form view of a TOML draft: fields read from the text, each edit written
//!   back with toml_edit, a problem's field), `kept_draft` (a draft as the browser keeps it),
//!   `group` (result files merged into a group view), `scorm` (a package's imsmanifest.xml),
//!   `trainer_state`, `i18n`.
//! - `credo-web`, the browser boundary: `storage` (served files, localStorage behind a probe,
//!   the clock and randomness), `embed` (the host page: height, events, H5P's resizer, theme,
//!   document language), `files` (reading chosen files, downloads), `report` (hands statements
//!   and SCORM values to web/report.js, which holds the LRS outbox and calls the LMS's API; it is
//!   loaded only where one is in use, so other employees download none of it).
//! - `credo-ui`, the employee's interface: presentational components (`set_list`, `quiz`,
//!   `result`, `history`, `notices`) that take data and callbacks, `hooks` (the effects, each
//!   named for what it does), and `app`, the root holding the state.
//! - `credo-quiz` (crates/app) and `credo-trainer` (crates/trainer): the two pages' mains; the
//!   trainer page's components (editor, form view and quote picker, kept drafts, preview,
//!   try-out, group results) live in the latter.
//! - `quizcheck`: the command line (clap), sets on disk, encodings (encoding_rs), SCORM packages.
//!
//! # Invariants, held by the crate graph (scripts/check-boundaries runs in CI)
//!
//! - `credo-core`, `credo-records` and `credo-authoring` depend on nothing of the browser (no
//!   yew, web-sys, js-sys, wasm-bindgen, gloo), do no I/O and never panic on input.
//! - The employee app (`credo-quiz`) does not depend on `credo-authoring`, csv, encoding_rs or
//!   clap, and none of its crates uses serde_json.
//! - A `QuestionSet` exists only after validation: its fields are private and `QuestionSet::new`
//!   checks that ids are unique and well formed, every principle named exists and every answer
//!   is one of its options.
//! - Author errors are collected, never thrown: every problem carries file, line and column, and
//!   every message is an exhaustive match (a new problem cannot render as an empty line).
//! - State changes only in `apply` (app and trainer), which does no I/O; hooks persist.
//! - A draft's text is the one truth on the trainer page: the form view only reads it and writes
//!   edits into it, so the two views cannot disagree.
//! - Stored records (history, attempts, the trainer's drafts) carry a schema version; what cannot
//!   be read is moved to a backup key, never dropped. (Outbox statements are xAPI's own JSON.)
//! - The app requests nothing from any host but the one serving it (and the LRS config.toml
//!   names, when it names one), and posts messages only to a parent window's exact, allowed
//!   origin (never `*`). An xAPI statement leaves the browser's outbox only when the LRS
//!   confirms it. The app's service worker (web/sw.js) keeps one whole version: a quiz page is
//!   kept only with every file it uses.

pub mod app_state;
pub mod certificate;
pub mod diagnostic;
pub mod embed;
pub mod engine;
pub mod history;
pub mod i18n;
pub mod manifest;
pub mod model;
pub mod order;
pub mod parse;
pub mod paths;
pub mod result_file;
pub mod review;
pub mod scorm;
pub mod toml_doc;
pub mod xapi;
