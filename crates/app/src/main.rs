//! The employee's quiz app (index.html): mounts the root component, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    credo_ui::app::mount::<credo_ui::app::App>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("credo-quiz is a web app: build it with `trunk build` (see README.md).");
}
