//! The browser boundary: the only code that calls browser APIs (besides main.rs, which mounts).

pub mod embed;
pub mod storage;
