//! The web app's entry point: mounts the root component, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    credo_quiz::ui::app::mount::<credo_quiz::ui::app::App>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("credo-quiz is a web app: build it with `trunk build` (see README.md).");
}
