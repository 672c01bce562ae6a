//! The app's side of web/report.js, which sends learning records to the organisation's LRS (xAPI) and its LMS (SCORM 1.2): loaded only when config.toml names an LRS or boot.js found an LMS, so everyone else downloads none of it.
//!
//! What is sent is made by the core (`credo_core::xapi`, `credo_core::scorm`); here it is only
//! handed over. Calls made before report.js has loaded wait in `credoQuizReportQueue`.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use credo_core::engine::Attempt;
use credo_core::xapi::{Learner, LrsConfig};
use credo_records::{decode, encode, Decoded};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `credoQuizReport[name](...args)`, or queues the call until report.js has loaded.
fn call(name: &str, args: Array) {
    let Some(window) = window() else { return };
    let function =
        get(&window, "credoQuizReport").and_then(|r| get(&r, name)).and_then(|f| f.dyn_into::<Function>().ok());
    match function {
        Some(f) => {
            let _ = f.apply(&JsValue::NULL, &args);
        }
        None => {
            let queue = get(&window, "credoQuizReportQueue").unwrap_or_else(|| {
                let queue: JsValue = Array::new().into();
                let _ = Reflect::set(&window, &"credoQuizReportQueue".into(), &queue);
                queue
            });
            queue.unchecked_ref::<Array>().push(&Array::of2(&name.into(), &args));
        }
    }
}

/// Adds report.js to the page once (boot.js added it already inside an LMS).
fn load_script() {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    if document.query_selector("script[src='report.js']").ok().flatten().is_some() {
        return;
    }
    if let Ok(script) = document.create_element("script") {
        let _ = script.set_attribute("src", "report.js");
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
    }
}

/// Starts report.js's sending to the LRS: statements wait under `<scope>.xapi.` keys; the learner
/// is `learner=`'s, else the one report.js asks the employee for once. `account_home` defaults
/// to the quiz's own origin.
pub fn start_lrs(config: &LrsConfig, learner: Option<&Learner>) {
    let Some(window) = window() else { return };
    let home = match config.account_home.as_str() {
        "" => window.location().origin().unwrap_or_default(),
        home => home.to_string(),
    };
    let settings = js_sys::Object::new();
    let put = |name: &str, value: JsValue| Reflect::set(&settings, &name.into(), &value).ok();
    put("endpoint", config.endpoint.as_str().into());
    put("authorization", config.authorization.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    put("accountHome", home.into());
    put("learner", learner.map_or(JsValue::NULL, |l| l.as_str().into()));
    put("prefix", outbox_prefix().into());
    call("startLrs", Array::of1(&settings));
    load_script();
}

fn outbox_prefix() -> String {
    format!("{}.xapi.", crate::storage::scope())
}

thread_local! {
    /// Statements this page made, so two in the same millisecond (`completed` and `passed`) keep
    /// their order in the outbox's keys.
    static MADE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The next `cmi.interactions.n`: counted here, from what the LMS held at launch, because the
    /// values may still wait for report.js when the next answer comes.
    static INTERACTIONS: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Puts a statement (its JSON without the actor) in the outbox under
/// `<scope>.xapi.<made at>.<sequence>.<id>`; report.js adds the actor and sends it from there.
/// Written to storage here too, so it is not lost if report.js never loads on this page (offline
/// before it was ever fetched); such a statement has no actor, and stays in the outbox unsent
/// rather than go out under a later page's learner.
pub fn queue_statement(made_at_ms: f64, id: &str, body: &str) {
    let seq = MADE.with(|m| m.replace(m.get() + 1));
    let key = format!("{}{:013}.{seq:06}.{id}", outbox_prefix(), made_at_ms as u64);
    let _ = crate::storage::keep_record(&key, body.to_string());
    call("queue", Array::of2(&key.into(), &body.into()));
}

/// The LMS session report.js opened (boot.js loads it before the app), if the quiz runs inside an LMS.
fn lms() -> Option<JsValue> {
    get(&window()?.into(), "credoQuizLms")
}

pub fn in_lms() -> bool {
    lms().is_some()
}

/// Where the next answer's interaction goes (`cmi.interactions.n`), counting it.
pub fn lms_next_interaction() -> usize {
    INTERACTIONS.with(|n| {
        let next = n.get().unwrap_or_else(|| {
            // What the LMS held when the session opened.
            lms().and_then(|l| get(&l, "count")).and_then(|c| c.as_f64()).unwrap_or(0.0) as usize
        });
        n.set(Some(next + 1));
        next
    })
}

/// Sets each value and commits; `finish` ends the session (the attempt is over).
pub fn lms_record(values: &[(String, String)], finish: bool) {
    let flat: Array = values.iter().flat_map(|(e, v)| [JsValue::from_str(e), JsValue::from_str(v)]).collect();
    call("lmsRecord", Array::of2(&flat, &finish.into()));
}

/// SCORM 1.2 allows 4,096 characters of suspend data; a longer attempt is kept in this browser's
/// storage only.
const SUSPEND_DATA_LIMIT: usize = 4096;

/// Keeps the attempt in progress in `cmi.suspend_data` (none: the last one kept stays until the
/// attempt ends, as it does in this browser's storage).
pub fn lms_keep(attempt: Option<&Attempt>) {
    if let Some(data) = attempt.map(encode).filter(|s| s.len() <= SUSPEND_DATA_LIMIT) {
        call("lmsKeep", Array::of1(&data.into()));
    }
}

/// The attempt the LMS kept from an earlier launch, when it launched this one as its resume
/// (`cmi.core.entry` = resume) and the record is readable.
pub fn lms_suspended() -> Option<Attempt> {
    let lms = lms()?;
    if get(&lms, "entry")?.as_string()? != "resume" {
        return None;
    }
    let text = get(&lms, "suspend")?.as_string()?;
    match decode::<Attempt>(&text) {
        Decoded::Ok(attempt) => Some(attempt),
        _ => None,
    }
}
