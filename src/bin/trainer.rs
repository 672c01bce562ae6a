//! The trainer page's entry point (trainer/index.html): mounts the trainer's root component, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    credo_quiz::ui::app::mount::<credo_quiz::trainer::app::TrainerApp>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The trainer page is a web page: build it with `trunk build trainer/index.html` (see README.md).");
}
