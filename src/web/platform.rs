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
