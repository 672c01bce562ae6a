//! credo-quiz: onboarding quizzes on a municipal office's staff credo.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
