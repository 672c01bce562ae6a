//! The Yew interface: components render `state::AppState` and dispatch its actions.

pub mod app;
pub mod history;
pub mod notices;
pub mod quiz;
pub mod result;
pub mod set_list;
