//! The trainer page (its own bundle, src/bin/trainer.rs): write and check a set, preview and try it, merge group results.
//!
//! Built over the same core as the employee app, and reusing its quiz and result components for
//! "try it", so a draft runs exactly as it will for employees. The employee bundle links none of this.

pub mod app;
pub mod drop_zone;
pub mod editor;
pub mod group;
pub mod preview;
pub mod tryout;
