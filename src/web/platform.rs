//! Browser services other than storage: fetching the served files, the page URL, the clock, focus.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::NodeRef;

/// Fetches a file relative to the page, so the app works from any sub-path of the server.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| describe(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?).await.map_err(|e| describe(&e))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// The page's query string as decoded (name, value) pairs, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return Vec::new() };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    // URLSearchParams is iterable as [name, value] arrays.
    js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// The page that frames this one (its address without query or fragment), if the browser says.
pub fn host_page() -> Option<String> {
    let referrer = web_sys::window()?.document()?.referrer();
    let page = referrer.split(['?', '#']).next().unwrap_or_default();
    (!page.is_empty()).then(|| page.to_string())
}

/// Adds a stylesheet after the app's own, e.g. a theme from themes/.
pub fn add_stylesheet(href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(head) = document.head() else { return };
    if let Ok(link) = document.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let _ = head.append_child(&link);
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Minutes east of UTC now (JavaScript counts the other way).
pub fn utc_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A shuffle seed for a new attempt.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// Keeps `<html lang>` in step with the interface language, for screen readers and axe.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Offers `text` as a file to save (a Blob behind an object URL, clicked through `<a download>`):
/// the file never leaves the browser. Strings become UTF-8, so a leading U+FEFF is the BOM Excel
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

/// Mounts a page's root component in `#app`, replacing the loading line the HTML shows there
/// while the wasm loads (so the page is never blank); without `#app`, in the body.
pub fn mount<C>()
where
    C: yew::BaseComponent,
    C::Properties: Default,
{
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}
