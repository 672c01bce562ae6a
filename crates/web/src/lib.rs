//! The browser boundary: the only code besides the components that calls browser APIs.
//!
//! `storage` reads and keeps data (the served files by fetch; localStorage behind a probe, with
//! keys scoped per embed; the clock and randomness), `embed` talks to the page around the app
//! (URL parameters, height, events, H5P's resizer, theme, document language), and `files` reads
//! the files a user hands to the page and offers downloads, `report` hands learning records to
//! web/report.js (an xAPI LRS's outbox, an LMS's SCORM 1.2 API). Natively this crate is empty.

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod storage;
