//! Dropping files on a part of the trainer page: the three drag events, shared by the editor and the results tab.

use yew::prelude::*;

use crate::web::trainer_io;

/// dragover, dragleave and drop handlers: `dragging` shows the zone as active while files are
/// over it, and `on_files` gets what was dropped (never an empty list).
pub struct DropZone {
    pub over: Callback<DragEvent>,
    pub leave: Callback<DragEvent>,
    pub drop: Callback<DragEvent>,
}

impl DropZone {
    pub fn new(dragging: &UseStateHandle<bool>, on_files: Callback<Vec<web_sys::File>>) -> DropZone {
        let over = {
            let dragging = dragging.clone();
            Callback::from(move |e: DragEvent| {
                if trainer_io::drags_files(&e) {
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
            Callback::from(move |e: DragEvent| {
                let files = trainer_io::dropped_files(&e);
                if !files.is_empty() {
                    e.prevent_default();
                    on_files.emit(files);
                }
                dragging.set(false);
            })
        };
        DropZone { over, leave, drop }
    }
}
