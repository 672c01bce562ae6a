//! The browser boundary: the only code that calls browser APIs (besides main.rs, which mounts).

pub mod platform;
pub mod embed;
pub mod storage;
pub mod trainer_io;
