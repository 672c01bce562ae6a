//! The web app's entry point: mounts the root component, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    // index.html holds a loading line in #app so the page is not blank while the wasm loads
    // (and the Japanese font is laid out early); the app takes its place.
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<credo_quiz::ui::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<credo_quiz::ui::app::App>::new().render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("credo-quiz is a web app: build it with `trunk build` (see README.md).");
}
