//! Files the user hands to the page and files the page hands back: chosen or dropped files read as text, and downloads.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file read as text.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    pub name: String,
    pub text: String,
    /// Not valid UTF-8, so read as Shift_JIS (CP932), as Japanese Excel saves "CSV (コンマ区切り)".
    pub shift_jis: bool,
    /// The first bytes (4 KB at most) of a file that was not UTF-8, for the caller to tell what it
    /// is (a workbook opened by mistake); empty for UTF-8.
    pub head: Vec<u8>,
}

/// The files chosen in a file input; the input is emptied so the same file can be chosen again.
pub fn input_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = list(input.files());
    input.set_value("");
    files
}

pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads a file's bytes and decodes them: UTF-8 (a byte-order mark is dropped) when they are
/// valid UTF-8, else Shift_JIS. The browser's decoders cost the bundle nothing, and decode the
/// ArrayBuffer where it is (gloo-file's `read_as_bytes` would copy it into wasm memory first).
pub async fn read_file(file: web_sys::File) -> Result<OpenedFile, String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| describe(&e))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    let strict = web_sys::TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = web_sys::TextDecoder::new_with_label_and_options("utf-8", &strict).map_err(|e| describe(&e))?;
    if let Ok(text) = utf8.decode_with_js_u8_array(&bytes) {
        return Ok(OpenedFile { name, text, shift_jis: false, head: Vec::new() });
    }
    let sjis = web_sys::TextDecoder::new_with_label("shift_jis").map_err(|e| describe(&e))?;
    let text = sjis.decode_with_js_u8_array(&bytes).map_err(|e| describe(&e))?;
    let head = bytes.subarray(0, bytes.length().min(4096)).to_vec();
    Ok(OpenedFile { name, text, shift_jis: true, head })
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// wants. A browser that refuses (no document, a blocked download) simply saves nothing.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(link) = document.create_element("a") {
        // Chromium (Chrome, Edge) and Firefox follow a link that is not in the document.
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    // The click has taken its own reference to the blob; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
}
