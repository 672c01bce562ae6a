//! The employee's interface: presentational Yew components that render the data they are given and report what the employee did through callbacks, the hooks that connect them to the browser, and the root that holds the state.
//!
//! Natively this crate is empty: it is built for wasm32 only.

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod certificate;
#[cfg(target_arch = "wasm32")]
pub mod history;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod quiz;
#[cfg(target_arch = "wasm32")]
pub mod result;
#[cfg(target_arch = "wasm32")]
pub mod set_list;
#[cfg(target_arch = "wasm32")]
pub mod study;

/// The `data-verdict` a right or wrong answer or result is styled by (style/main.css), beside its
/// word and sign. States are attributes, not classes: a computed `class` goes through Yew's
/// `Classes` set, whose code was 3 KB of the employee's download.
#[cfg(target_arch = "wasm32")]
fn verdict(right: bool) -> &'static str {
    if right {
        "right"
    } else {
        "wrong"
    }
}
