//! The trainer page (trainer/index.html, its own bundle): write and check a set, preview and try it, merge group results.
//!
//! Built over the same core as the employee app, and reusing its quiz and result components for
//! "try it", so a draft runs exactly as it will for employees. The employee app links none of this.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod drafts;
#[cfg(target_arch = "wasm32")]
mod drop_zone;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod form;
#[cfg(target_arch = "wasm32")]
mod group;
#[cfg(target_arch = "wasm32")]
mod preview;
#[cfg(target_arch = "wasm32")]
mod tryout;

#[cfg(target_arch = "wasm32")]
fn main() {
    credo_ui::app::mount::<app::TrainerApp>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The trainer page is a web page: build it with `trunk build trainer/index.html` (see README.md).");
}
