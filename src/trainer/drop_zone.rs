//! Files on the trainer page: the drop zone component, the file chooser's files, and reading them as text
//! (decoded by the browser's TextDecoder, so the bundle carries no encoder).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
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
            let files = list(e.data_transfer().and_then(|d| d.files()));
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

/// A file read as text.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    pub name: String,
    pub text: String,
    /// Not valid UTF-8, so read as Shift_JIS (CP932), as Japanese Excel saves "CSV (コンマ区切り)".
    pub shift_jis: bool,
}

/// The files chosen in a file input; the input is emptied so the same file can be chosen again.
pub fn input_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = list(input.files());
    input.set_value("");
    files
}

/// Whether a drag carries files: only then does the page take the drop instead of the browser
/// (which would open the file and leave the page).
fn drags_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads a file's bytes and decodes them: UTF-8 (a byte-order mark is dropped) when they are
/// valid UTF-8, else Shift_JIS. The browser's decoders cost the bundle nothing.
pub async fn read_file(file: web_sys::File) -> Result<OpenedFile, String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| describe(&e))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    let strict = web_sys::TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = web_sys::TextDecoder::new_with_label_and_options("utf-8", &strict).map_err(|e| describe(&e))?;
    if let Ok(text) = utf8.decode_with_js_u8_array(&bytes) {
        return Ok(OpenedFile { name, text, shift_jis: false });
    }
    let sjis = web_sys::TextDecoder::new_with_label("shift_jis").map_err(|e| describe(&e))?;
    let text = sjis.decode_with_js_u8_array(&bytes).map_err(|e| describe(&e))?;
    Ok(OpenedFile { name, text, shift_jis: true })
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

