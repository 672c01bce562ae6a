//! credo-quiz: onboarding quizzes on a municipal office's staff credo.

pub mod core;
