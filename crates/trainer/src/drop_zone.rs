//! The drop zone: a part of the trainer page that takes dropped files (read by `credo_web::files`).

use credo_web::files;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Gets what was dropped (never an empty list).
    pub on_files: Callback<Vec<web_sys::File>>,
    pub children: Html,
}

/// A part of the page that takes dropped files; it shows itself active while files are over it.
#[function_component(DropZone)]
pub fn drop_zone(props: &DropZoneProps) -> Html {
    let dragging = use_state(|| false);
    let over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if drags_files(&e) {
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let drop = {
        let dragging = dragging.clone();
        let on_files = props.on_files.clone();
        Callback::from(move |e: DragEvent| {
            let files = files::list(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                e.prevent_default();
                on_files.emit(files);
            }
            dragging.set(false);
        })
    };
    html! {
        <div class={classes!("drop-zone", dragging.then_some("dragging"))} ondragover={over} ondragleave={leave} ondrop={drop}>
            { props.children.clone() }
        </div>
    }
}

/// Whether a drag carries files: only then does the page take the drop instead of the browser
/// (which would open the file and leave the page).
fn drags_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}
