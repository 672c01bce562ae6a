//! The only code that reads and keeps data in the browser: the files served beside the app (fetch), and
//! localStorage for history per set, the unfinished attempt, the language, the xAPI outbox and registrations,
//! and the trainer page's drafts (with the clock that dates them and the randomness that names them).
//!
//! localStorage can be missing, blocked by policy (SecurityError on access) or full (QuotaExceeded
//! on write). Then values live in memory for this page and the caller is told once. Data that
//! cannot be read is copied to a backup key before anything overwrites it: never silently lost.

use std::cell::RefCell;

use credo_core::engine::{Attempt, Outcome};
use credo_core::history::History;
pub use credo_core::history::StorageNotice;
use credo_records::{decode, encode, Decoded, Record};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The language choice is the employee's, not the page's: one key for every page and embed.
const LANG_KEY: &str = "credo-quiz.lang";

struct Store {
    local: Option<web_sys::Storage>,
    /// Values for keys localStorage could not take; reads look here first.
    memory: Values,
    /// Keys whose stored value could not be set aside: never written to localStorage again
    /// this page, so the unreadable original is still there for someone to recover.
    pinned: Vec<String>,
    /// The attempt records as this page last read or wrote them: a stored value that differs was
    /// written by another tab, and is not overwritten without the employee's say.
    seen: Values,
}

/// A page's few values by key, in a list: a map type's code (a `BTreeMap<String, String>`) cost
/// the download more than these handful of keys ever cost a lookup.
#[derive(Default)]
struct Values(Vec<(String, String)>);

impl Values {
    fn get(&self, key: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn insert(&mut self, key: &str, value: String) {
        self.remove(key);
        self.0.push((key.to_string(), value));
    }

    fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

thread_local! {
    /// The prefix of every record's key: `credo-quiz` for the app itself, one per embed
    /// (see `credo_core::embed::EmbedParams::storage_scope`), so embeds never share progress.
    static SCOPE: RefCell<String> = RefCell::new("credo-quiz".into());
    static STORE: RefCell<Store> = RefCell::new(Store { local: probe(), memory: Values::default(), pinned: Vec::new(), seen: Values::default() });
}

/// Asks for localStorage and checks it answers. gloo-storage would throw a JS exception here,
/// and it stores JSON through serde_json, which records avoid (18 KB gzip when they used it).
fn probe() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.length().ok()?;
    Some(storage)
}

/// Whether records survive a reload; `Some(Unavailable)` when they do not.
pub fn availability() -> Option<StorageNotice> {
    STORE.with(|s| s.borrow().local.is_none()).then_some(StorageNotice::Unavailable)
}

fn get(key: &str) -> Option<String> {
    STORE.with(|s| {
        let s = s.borrow();
        // An empty value in memory hides a local value that could not be set aside.
        match s.memory.get(key) {
            Some(v) => Some(v.clone()).filter(|v| !v.is_empty()),
            None => s.local.as_ref()?.get_item(key).ok()?,
        }
    })
}

/// Writes through to localStorage; on failure keeps the value in memory and says so.
fn set(key: &str, value: String) -> Result<(), StorageNotice> {
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        let written = if s.pinned.iter().any(|p| p == key) {
            Some(false)
        } else {
            s.local.as_ref().map(|l| l.set_item(key, &value).is_ok())
        };
        match written {
            Some(true) => {
                s.memory.remove(key);
                Ok(())
            }
            Some(false) => {
                s.memory.insert(key, value);
                Err(StorageNotice::WriteFailed)
            }
            None => {
                s.memory.insert(key, value);
                Ok(())
            }
        }
    })
}

fn remove(key: &str) {
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.memory.remove(key);
        if s.pinned.iter().any(|p| p == key) {
            return;
        }
        if let Some(l) = &s.local {
            let _ = l.remove_item(key);
        }
    })
}

/// Sets the key prefix; called once, before anything is read.
pub fn set_scope(scope: String) {
    SCOPE.with(|s| *s.borrow_mut() = scope);
}

/// The key prefix of this page's records.
pub fn scope() -> String {
    SCOPE.with(|s| s.borrow().clone())
}

fn key(kind: &str, set_id: &str) -> String {
    SCOPE.with(|s| format!("{}.{kind}.{set_id}", s.borrow()))
}

fn current_key() -> String {
    SCOPE.with(|s| format!("{}.current", s.borrow()))
}

/// Where a record that cannot be read is set aside: `<key>.backup.<time>`.
fn backup_key(key: &str) -> String {
    format!("{key}.backup.{}", now_ms() as u64)
}

/// Reads a record; unreadable or newer data is copied to `<key>.backup.<time>` and reported.
/// If even the backup cannot be written, the original stays where it is and the key is pinned
/// to memory for this page, so that nothing overwrites it.
fn load<T: Record>(key: &str) -> (Option<T>, Option<StorageNotice>) {
    let Some(text) = get(key) else { return (None, None) };
    match decode::<T>(&text) {
        Decoded::Ok(value) => (Some(value), None),
        Decoded::Newer(_) | Decoded::Unreadable => {
            let backup = backup_key(key);
            if set(&backup, text).is_ok() && get(&backup).is_some() {
                remove(key);
                (None, Some(StorageNotice::Recovered))
            } else {
                STORE.with(|s| {
                    let mut s = s.borrow_mut();
                    s.pinned.push(key.to_string());
                    s.memory.insert(key, String::new());
                });
                // Left where it is: saying it was moved aside would be untrue.
                (None, Some(StorageNotice::UnreadableKept))
            }
        }
    }
}

fn save<T: Record>(key: &str, value: &T) -> Result<(), StorageNotice> {
    set(key, encode(value))
}

pub fn load_history(set_id: &str) -> (History, Option<StorageNotice>) {
    let (history, notice) = load::<History>(&key("history", set_id));
    (history.unwrap_or_default(), notice)
}

pub fn load_attempt(set_id: &str) -> (Option<Attempt>, Option<StorageNotice>) {
    let k = key("attempt", set_id);
    let loaded = load(&k);
    remember(&k, get(&k));
    loaded
}

fn remember(key: &str, value: Option<String>) {
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        match value {
            Some(v) => s.seen.insert(key, v),
            None => s.seen.remove(key),
        }
    });
}

/// Keeps the attempt in progress, and remembers its set as the one to resume on reload. Another
/// tab's attempt on the same set (stored since this page last saw the record) is never
/// overwritten: `Err(OtherTab)`, and the employee chooses (`take_over_attempt` or a resume).
pub fn save_attempt(attempt: &Attempt) -> Result<(), StorageNotice> {
    let k = key("attempt", &attempt.set_id);
    if written_by_another_tab(&k) {
        return Err(StorageNotice::OtherTab);
    }
    let text = encode(attempt);
    let written = set(&k, text.clone());
    // This page's own record, also when only its memory took it (storage full): the next save
    // must not take it for another tab's.
    remember(&k, Some(text));
    written?;
    set(&current_key(), attempt.set_id.clone())
}

/// Whether the attempt record at `k` differs from what this page last read or wrote there.
fn written_by_another_tab(k: &str) -> bool {
    let stored = get(k);
    stored.is_some() && stored != STORE.with(|s| s.borrow().seen.get(k).cloned())
}

/// Continues this tab's attempt over another tab's: theirs is copied to a backup key first (never
/// lost), then this one is saved.
pub fn take_over_attempt(attempt: &Attempt) -> Result<(), StorageNotice> {
    let k = key("attempt", &attempt.set_id);
    if let Some(theirs) = get(&k) {
        let backup = backup_key(&k);
        set(&backup, theirs)?;
    }
    remember(&k, get(&k));
    save_attempt(attempt)
}

/// Sets an attempt that no longer fits its set aside, like unreadable data, and forgets it as
/// the one to resume.
pub fn set_aside_attempt(set_id: &str) {
    set_aside_record(&key("attempt", set_id));
    if current_set().as_deref() == Some(set_id) {
        remove(&current_key());
    }
}

/// The set of the attempt last in progress, if any.
pub fn current_set() -> Option<String> {
    get(&current_key()).filter(|s| !s.is_empty())
}

/// Records a finished attempt in the set's history, stamped with the time, and drops the
/// unfinished attempt. Returns the history to show, also when it could not be written.
///
/// The finish is never undone: the attempt in progress is dropped first, whatever happens to
/// the history (which also frees its space for the history), so a reload cannot resume a
/// finished attempt. If the history still cannot be written, the employee is told that this
/// result was not kept. An attempt another tab has stored on the set since is theirs: it stays,
/// and so does the mark that resumes it.
pub fn finish(set_id: &str, outcome: Outcome) -> (History, Vec<StorageNotice>) {
    let k = key("attempt", set_id);
    if !written_by_another_tab(&k) {
        remove(&k);
        remember(&k, None);
        if current_set().as_deref() == Some(set_id) {
            remove(&current_key());
        }
    }
    let (mut history, notice) = load_history(set_id);
    history.record(now_ms(), utc_offset_min(), outcome);
    let written = save(&key("history", set_id), &history).map_err(|_| StorageNotice::FinishNotKept);
    (history, notice.into_iter().chain(written.err()).collect())
}

/// The name the employee types for certificates: theirs, kept in this browser only.
const NAME_KEY: &str = "credo-quiz.name";

pub fn load_name() -> String {
    get(NAME_KEY).unwrap_or_default()
}

pub fn save_name(name: &str) {
    // A convenience, like the language: a failed write needs no notice of its own.
    let _ = set(NAME_KEY, name.to_string());
}

/// Opens the browser's print dialog (A4 by the print style sheet; "Save as PDF" is one of its printers).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

pub fn load_lang() -> Option<String> {
    get(LANG_KEY)
}

pub fn save_lang(code: &str) {
    // The language is a convenience; a failed write needs no notice of its own.
    let _ = set(LANG_KEY, code.to_string());
}

/// The header web/sw.js puts on a response it answers from its kept copy, and the flag on
/// `window` that says one was seen (boot.js sets it too, for what it fetched).
const FROM_CACHE: &str = "x-credo-quiz-from-cache";
const FROM_CACHE_FLAG: &str = "credoQuizFromCache";

/// Whether some file came from the service worker's kept copy because the network did not answer.
pub fn served_from_cache() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &FROM_CACHE_FLAG.into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Fetches a file relative to the page, so the app works from any sub-path of the server.
/// Hand-written rather than gloo-net's `Request`: gloo-net (http only) adds 4.1 KB gzip to the
/// employee's wasm and 0.3 KB to its JS glue (measured with scripts/bench's build).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    // Started by boot.js beside the wasm (a deep link's set, the manifest): taken once.
    if let Some(started) = prefetched(&window, url) {
        let text = JsFuture::from(started).await.map_err(|e| fetch_failure(&e))?;
        return text.as_string().ok_or_else(|| "not text".to_string());
    }
    // Revalidated with the server every time: a set a trainer re-publishes must be the one the
    // next visit runs (a heuristic cache would serve the old file for a while, and a stored
    // attempt would resume on questions that changed).
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    // A server that never answers is an error the page can show, not an endless loading line
    // (boot.js gives its own fetches the same patience).
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(FETCH_PATIENCE_MS)));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|e| fetch_failure(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    if response.headers().has(FROM_CACHE).unwrap_or(false) {
        let _ = js_sys::Reflect::set(&window, &FROM_CACHE_FLAG.into(), &true.into());
    }
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?).await.map_err(|e| fetch_failure(&e))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// How long a file fetched for the page may take, its body included: minutes on the slowest
/// office line for the largest set, and an answer before an employee gives up.
const FETCH_PATIENCE_MS: u32 = 30_000;

/// Why a fetch failed, in the words the page shows: a timeout says how long it waited.
fn fetch_failure(error: &wasm_bindgen::JsValue) -> String {
    let timed_out = error.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "TimeoutError");
    if timed_out {
        format!("no answer in {} s", FETCH_PATIENCE_MS / 1000)
    } else {
        describe(error)
    }
}

/// The fetch boot.js started for `url`, removed so that a later fetch (a reload of the set list)
/// asks the server again.
fn prefetched(window: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    let _ = take(window, ARRIVED, url);
    take(window, PREFETCH, url)?.dyn_into::<js_sys::Promise>().ok()
}

/// What boot.js fetched for `url` and had before the app started, taken once (with its fetch,
/// which `fetch_text` would otherwise take): the app reads it before its first render, so that
/// render is the screen the page opens on, not a loading line (see web/boot.js).
pub fn arrived_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    // Only with its text: a fetch still under way is the one `fetch_text` must take.
    let text = take(&window, ARRIVED, url)?.as_string()?;
    let _ = take(&window, PREFETCH, url);
    Some(text)
}

/// boot.js's objects keyed by URL: the fetches it started, and the texts that came before the app.
const PREFETCH: &str = "credoQuizPrefetch";
const ARRIVED: &str = "credoQuizArrived";

/// Takes `url` out of boot.js's `window[holder]`.
fn take(window: &web_sys::Window, holder: &str, url: &str) -> Option<wasm_bindgen::JsValue> {
    let all = js_sys::Reflect::get(window, &holder.into()).ok().filter(|v| v.is_object())?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let value = js_sys::Reflect::get(&all, &key).ok().filter(|v| !v.is_undefined())?;
    let _ = js_sys::Reflect::delete_property(all.unchecked_ref::<js_sys::Object>(), &key);
    Some(value)
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// A shuffle seed for a new attempt (the browser's own randomness).
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Minutes east of UTC now (JavaScript counts the other way).
pub fn utc_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Records whose keys start with `prefix` (the trainer page's drafts): (key, value), in key order.
pub fn records_under(prefix: &str) -> Vec<(String, String)> {
    let mut keys: Vec<String> = STORE.with(|s| {
        let s = s.borrow();
        let local = s.local.as_ref().map(|l| {
            let n = l.length().unwrap_or(0);
            (0..n).filter_map(|i| l.key(i).ok().flatten()).collect::<Vec<_>>()
        });
        local.unwrap_or_default().into_iter().chain(s.memory.keys().cloned()).collect()
    });
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter().filter(|k| k.starts_with(prefix)).filter_map(|k| get(&k).map(|v| (k, v))).collect()
}

pub fn record(key: &str) -> Option<String> {
    get(key)
}

/// Keeps a record under `key`; a full or blocked storage keeps it in memory and says so.
pub fn keep_record(key: &str, value: String) -> Result<(), StorageNotice> {
    set(key, value)
}

pub fn remove_record(key: &str) {
    remove(key);
}

/// Moves a record that cannot be read to `<key>.backup.<time>`: kept for someone to recover.
pub fn set_aside_record(key: &str) {
    if let Some(value) = get(key) {
        if set(&backup_key(key), value).is_ok() {
            remove(key);
        }
    }
}

/// Where an attempt's xAPI registration is kept, per set.
const REGISTRATION: &str = "xapi-registration";

/// The attempt's registration: made new when an attempt starts (`fresh`), kept until it ends, so
/// a resumed attempt's statements belong to the same registration.
pub fn registration(set_id: &str, fresh: bool, new: impl FnOnce() -> String) -> String {
    let k = key(REGISTRATION, set_id);
    match get(&k).filter(|_| !fresh) {
        Some(id) => id,
        None => {
            let id = new();
            let _ = set(&k, id.clone());
            id
        }
    }
}

pub fn end_registration(set_id: &str) {
    remove(&key(REGISTRATION, set_id));
}

/// 16 bytes from the browser's cryptographic randomness (for UUIDs).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}
