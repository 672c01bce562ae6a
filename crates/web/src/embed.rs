//! The only code that talks to the page around the app: the URL's parameters, the host page (the frame's height by
//! our protocol and H5P's resizer, events, incoming messages), its theme and the document's language.
//!
//! Messages go to the parent's exact origin, never to `*`. Height messages, which carry a number
//! and nothing else, go to whatever page frames the quiz, so `embed.js` and H5P's resizer size
//! the frame with the plain snippet. Events, which carry answers and scores, go only when that
//! origin is allowed (the app's own, config.toml's `[embed] allowed_origins`, or an `origin=`
//! parameter). Incoming messages count only from that origin and from the parent window itself.

use std::cell::RefCell;

use gloo_events::EventListener;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use credo_core::embed::{normalize_origin, HostEvent};

/// Where messages go once the config is known; until then events wait.
enum Link {
    Waiting(Vec<JsValue>),
    Open(Open),
    /// Not in a frame (or the parent's origin cannot be known): nothing is sent.
    Closed,
}

struct Open {
    parent: web_sys::Window,
    origin: String,
    /// The parent's origin is allowed to hear events; heights go to it either way.
    events: bool,
    /// The parent speaks H5P's resizer protocol (it answered our `hello`).
    h5p: bool,
    last_height: i32,
}

thread_local! {
    static LINK: RefCell<Link> = const { RefCell::new(Link::Waiting(Vec::new())) };
}

/// The parent window, when this page is framed.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!Object::is(&parent, &window)).then_some(parent)
}

pub fn is_framed() -> bool {
    parent().is_some()
}

/// The parent's origin: `location.ancestorOrigins` (Chrome, Edge), else the referrer's origin.
fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    // Not in web-sys (no standard yet), so read the property itself.
    let from_ancestors = Reflect::get(&window.location(), &JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|list| Reflect::get(&list, &JsValue::from(0)).ok())
        .and_then(|first| first.as_string());
    let from_referrer = || {
        let referrer = window.document()?.referrer();
        // No referrer is common; `new URL("")` would throw, and an error costs a stack trace.
        if referrer.is_empty() {
            return None;
        }
        web_sys::Url::new(&referrer).ok().map(|u| u.origin())
    };
    from_ancestors.or_else(from_referrer).and_then(|o: String| normalize_origin(&o))
}

/// Opens the link to the framing page (heights always; events if its origin is allowed) and
/// sends the events that waited for it.
pub fn connect(allowed: &[String]) {
    let own = web_sys::window().and_then(|w| w.location().origin().ok()).and_then(|o| normalize_origin(&o));
    let waiting = LINK.with(|l| std::mem::replace(&mut *l.borrow_mut(), Link::Closed));
    // Only a framed page has a parent origin to look for (`zip` would look for it anyway).
    let Some(parent) = parent() else { return };
    let Some(origin) = parent_origin() else { return };
    let events = Some(&origin) == own.as_ref() || allowed.contains(&origin);
    LINK.with(|l| *l.borrow_mut() = Link::Open(Open { parent, origin, events, h5p: false, last_height: -1 }));
    listen();
    if let Link::Waiting(messages) = waiting {
        messages.iter().for_each(post_event);
    }
    // H5P's resizer answers `hello` when the host page includes h5p-resizer.js.
    post(&h5p_message("hello", None));
    watch_height();
}

/// A message about the frame's height: to the framing page, allowed or not.
fn post(message: &JsValue) {
    LINK.with(|l| {
        if let Link::Open(open) = &*l.borrow() {
            let _ = open.parent.post_message(message, &open.origin);
        }
    })
}

/// An event (answers, scores): only to an allowed origin; kept until the link is known.
fn post_event(message: &JsValue) {
    LINK.with(|l| match &mut *l.borrow_mut() {
        Link::Waiting(queue) => queue.push(message.clone()),
        Link::Open(open) if open.events => {
            let _ = open.parent.post_message(message, &open.origin);
        }
        Link::Open(_) | Link::Closed => {}
    })
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn h5p_message(action: &str, height: Option<i32>) -> JsValue {
    let mut pairs = vec![("context", "h5p".into()), ("action", action.into())];
    if let Some(h) = height {
        pairs.push(("height", h.into()));
        pairs.push(("scrollHeight", h.into()));
    }
    object(&pairs)
}

/// Tells the host page about the quiz (see README: "Embedding" for the shapes).
pub fn send(event: &HostEvent) {
    let mut pairs: Vec<(&str, JsValue)> = vec![("type", "credo-quiz".into()), ("event", event.name().into())];
    match event {
        HostEvent::Started { set_id, total } => {
            pairs.extend([("set", set_id.as_str().into()), ("total", (*total as u32).into())]);
        }
        HostEvent::Answered { set_id, question_id, chosen, correct, position, total } => pairs.extend([
            ("set", set_id.as_str().into()),
            ("question", question_id.as_str().into()),
            ("chosen", chosen.as_str().into()),
            ("correct", (*correct).into()),
            ("position", (*position as u32).into()),
            ("total", (*total as u32).into()),
        ]),
        HostEvent::Completed { set_id, score, max, percent, passed, by_principle } => {
            let principles: Array = by_principle
                .iter()
                .map(|p| {
                    object(&[
                        ("principle", p.principle.as_deref().map_or(JsValue::NULL, JsValue::from_str)),
                        ("label", p.label.as_str().into()),
                        ("correct", (p.correct as u32).into()),
                        ("total", (p.total as u32).into()),
                    ])
                })
                .collect();
            pairs.extend([
                ("set", set_id.as_str().into()),
                ("score", (*score as u32).into()),
                ("max", (*max as u32).into()),
                ("percent", u32::from(*percent).into()),
                ("passed", (*passed).into()),
                ("principles", principles.into()),
            ]);
        }
    }
    post_event(&object(&pairs));
}

/// The height the frame needs: the body's box (the app, and web/report.js's box above it when
/// an LRS is in use), which does not grow with the frame.
fn content_height() -> i32 {
    let body = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body());
    body.map_or(0, |b| b.get_bounding_client_rect().height().ceil() as i32)
}

fn report_height(force: bool) {
    let height = content_height();
    let (changed, h5p) = LINK.with(|l| match &mut *l.borrow_mut() {
        Link::Open(open) if force || open.last_height != height => {
            open.last_height = height;
            (true, open.h5p)
        }
        _ => (false, false),
    });
    if changed {
        post(&object(&[("type", "credo-quiz".into()), ("event", "resize".into()), ("height", height.into())]));
        if h5p {
            // H5P's resizer first shrinks the frame, then takes the height we send back.
            post(&h5p_message("prepareResize", None));
        }
    }
}

fn watch_height() {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(|| report_height(false));
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // Lives as long as the page: the observer calls it on every change.
    callback.forget();
    report_height(true);
}

fn listen() {
    let Some(window) = web_sys::window() else { return };
    let listener = EventListener::new(&window, "message", |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
        let from_parent = LINK.with(|l| match &*l.borrow() {
            Link::Open(open) => {
                event.origin() == open.origin && event.source().is_some_and(|s| Object::is(&s, &open.parent))
            }
            _ => false,
        });
        if !from_parent {
            return;
        }
        let data = event.data();
        let field = |name: &str| Reflect::get(&data, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
        match (field("context").as_deref(), field("action").as_deref(), field("command").as_deref()) {
            (Some("h5p"), Some("hello"), _) => {
                LINK.with(|l| {
                    if let Link::Open(open) = &mut *l.borrow_mut() {
                        open.h5p = true;
                    }
                });
                report_height(true);
            }
            // The parent window was resized: go through the resize steps again.
            (Some("h5p"), Some("resize"), _) => report_height(true),
            (Some("h5p"), Some("resizePrepared"), _) => post(&h5p_message("resize", Some(content_height()))),
            (_, _, Some("height")) if field("type").as_deref() == Some("credo-quiz") => report_height(true),
            _ => {}
        }
    });
    // Listens as long as the page lives.
    listener.forget();
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

/// The page's address up to its last `/` (`https://intranet/quiz/`): where the quiz is
/// published, which its learning records name as the base of their activity ids.
pub fn page_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let (origin, path) = (location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    format!("{origin}{}", &path[..path.rfind('/').map_or(0, |i| i + 1)])
}

/// Adds an entry to the browser's history for the page as it is, so that Back returns to it
/// (`on_back` hears it) instead of leaving the app.
pub fn push_history_entry() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::from_str("credo-quiz"), "", None);
    }
}

/// Steps back over the entry `push_history_entry` added, when the app itself went back.
pub fn pop_history_entry() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Calls `back` each time the browser goes back (or forward) within this page's entries.
pub fn on_back(back: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, "popstate", move |_| back()))
}

/// Keeps `<html lang>` in step with the interface language, for screen readers and axe.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}
