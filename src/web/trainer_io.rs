//! Browser calls of the trainer page: reading opened or dropped files (decoded by the browser's TextDecoder), a cancellable timer, moving the caret.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::NodeRef;

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

/// The files of a drop, if it carries any (text dragged inside the page carries none).
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    list(event.data_transfer().and_then(|d| d.files()))
}

/// Whether a drag carries files: only then does the page take the drop instead of the browser
/// (which would open the file and leave the page).
pub fn drags_files(event: &web_sys::DragEvent) -> bool {
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

/// A callback due after a delay; dropping it cancels it. Used to check a draft once typing pauses.
pub struct Timeout {
    id: Option<i32>,
    // Kept alive until it runs or is cancelled.
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    pub fn new(ms: i32, run: impl FnOnce() + 'static) -> Timeout {
        let mut run = Some(run);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(run) = run.take() {
                run();
            }
        });
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms).ok()
        });
        Timeout { id, _callback: callback }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(id), Some(window)) = (self.id, web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
    }
}

/// Puts the caret of a text area at `offset` (UTF-16 units) and focuses it.
pub fn place_caret(textarea: &NodeRef, offset: u32) {
    if let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(offset, offset);
    }
}

/// Scrolls the element with `id` into the middle of its scrolling box, if it is not in view.
pub fn reveal(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Moves focus to the element with `id` (a tab the arrow keys moved to).
pub fn focus_by_id(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
