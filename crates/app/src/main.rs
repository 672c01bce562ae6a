//! The employee's quiz app (index.html): mounts the root component, nothing else.

/// Talc instead of the default dlmalloc: the same job in a smaller part of the download.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    credo_ui::app::mount::<credo_ui::app::App>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("credo-quiz is a web app: build it with `trunk build` (see README.md).");
}
