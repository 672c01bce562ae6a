//! The pure core: no browser, no I/O. Everything here is tested natively.

pub mod diagnostic;
pub mod i18n;
pub mod model;
pub mod parse;
pub mod engine;
pub mod manifest;
pub mod records;
pub mod review;
pub mod embed;
pub mod results;
pub mod toml_out;
pub mod csv;
pub mod gift;
pub mod i18n_trainer;
pub mod draft;
pub mod app_state;
pub mod trainer_state;
