//! The root component's effects, each a hook named for what it does; they are the only place the app's state meets storage, the network and the host page.

use std::rc::Rc;

use web_sys::wasm_bindgen::JsCast;
use yew::prelude::*;

use credo_core::app_state::{Action, AppState, Apply, Manifest, Notice, Screen, SetEntry};
use credo_core::embed::{parse_config, EmbedParams, HostEvent, ParamProblem};
use credo_core::engine::Attempt;
use credo_core::history::History;
use credo_core::i18n::Lang;
use credo_core::manifest::{parse_manifest, Entry, MANIFEST_FILE};
use credo_core::model::QuestionSet;
use credo_core::parse::{not_fetched, parse_set};
use credo_core::result_file::iso_local;
use credo_core::scorm;
use credo_core::xapi::{self, uuid_v4, Occasion};
use credo_web::{embed, report, storage};

use crate::app::State;

/// Where the question sets are served, relative to the page.
const QUESTIONS_DIR: &str = "questions/";

type Dispatch = UseReducerDispatcher<State>;

/// A node that takes the focus once, when it first renders: a screen's heading or the feedback,
/// so keyboard and screen-reader users continue from there.
#[hook]
pub fn use_focus_on_mount() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    node
}

/// When the screen, or the question on it, changes and the change left the focus nowhere (the
/// control that led there is gone), the new screen's heading takes it, so keyboard and
/// screen-reader users go on from there; a screen whose heading takes the focus itself
/// (`use_focus_on_mount`) keeps it. Not as the page opens: a deep link, or a quiz embedded in a
/// portal page, leaves the focus where the browser put it.
#[hook]
pub fn use_heading_focus(screen: &Screen, question: Option<&str>) {
    let opened = use_mut_ref(|| false);
    let place = (std::mem::discriminant(screen), question.map(str::to_string));
    use_effect_with(place, move |_| {
        if !std::mem::replace(&mut *opened.borrow_mut(), true) {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        if document.active_element().is_some_and(|e| e.tag_name() != "BODY") {
            return;
        }
        if let Some(heading) = document.query_selector("main h1").ok().flatten() {
            let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// The browser's Back button as a visitor expects it: leaving the set list for a set (a quiz, its
/// study screen, its history) adds one history entry, and Back returns to the list (the attempt
/// is kept, as the app's own button keeps it). Going back by the app's own button steps over that
/// entry too, so the next Back leaves the app at once. Not in a frame.
#[hook]
pub fn use_back_to_sets(screen: &Screen, embed: bool, dispatch: Dispatch) {
    let pushed = use_mut_ref(|| false);
    {
        let pushed = pushed.clone();
        use_effect_with((), move |_| {
            let listener = embed::on_back(move || {
                if std::mem::take(&mut *pushed.borrow_mut()) {
                    dispatch.dispatch(Action::ShowSets);
                }
            });
            move || drop(listener)
        });
    }
    // Whether the screen was the set list, after the first render: a page opened on a set (a deep
    // link from a portal) adds nothing, and Back returns to the portal.
    let was_on_sets = use_mut_ref(|| None::<bool>);
    let on_sets = *screen == Screen::Sets;
    use_effect_with(on_sets, move |&on_sets| {
        let left_the_list = was_on_sets.borrow_mut().replace(on_sets) == Some(true) && !on_sets;
        // In a frame (an embed, an LMS's player) the entries would be the host page's history.
        if left_the_list && !embed && !embed::is_framed() && !*pushed.borrow() {
            embed::push_history_entry();
            *pushed.borrow_mut() = true;
        } else if on_sets && std::mem::take(&mut *pushed.borrow_mut()) {
            embed::pop_history_entry();
        }
    });
}

/// The host page's theme (`theme=`); config.toml, read once: the link to the host page when
/// framed (height, events, H5P's resizer; its allowed origins join the `origin=` parameters) and
/// the learning record store, when it names one.
#[hook]
pub fn use_config(params: Rc<(EmbedParams, Vec<ParamProblem>)>, dispatch: Dispatch) {
    use_effect_with((), move |_| {
        if let Some(theme) = &params.0.theme {
            embed::add_stylesheet(&format!("themes/{theme}.css"));
        }
        let origins = params.0.origins.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // The file is optional: without it only the app's own origin and `origin=` are
            // allowed, and nothing is sent to an LRS.
            let (config, problems) = match storage::fetch_text("config.toml").await {
                Ok(text) => parse_config(&text),
                Err(_) => Default::default(),
            };
            if !problems.is_empty() {
                dispatch.dispatch(Action::Notify(Notice::Config(problems.join(" / "))));
            }
            let mut origins = origins;
            origins.extend(config.allowed_origins);
            embed::connect(if embed::is_framed() { &origins } else { &[] });
            if let Some(lrs) = config.xapi {
                report::start_lrs(&lrs, params.0.learner.as_ref());
                dispatch.dispatch(Action::LrsConfigured);
            }
        });
    });
}

/// An event as it is delivered: with its set (when loaded), the language shown and when it
/// happened (ms).
type Deliver = fn(&HostEvent, Option<&QuestionSet>, Lang, f64);

/// Calls `deliver` once for each event the state records, in order, from when `ready` is true
/// (the events before it wait, with the time they happened): the host page, the LRS and the LMS
/// each hear every event once.
#[hook]
fn use_each_event(state: &AppState, ready: bool, deliver: Deliver) {
    let done = use_mut_ref(|| 0usize);
    let happened = use_mut_ref(Vec::<f64>::new);
    {
        // The render right after the action that recorded an event: its time, even if it waits.
        let mut happened = happened.borrow_mut();
        let now = storage::now_ms();
        let missing = state.events.len().saturating_sub(happened.len());
        happened.extend(std::iter::repeat_n(now, missing));
    }
    // Only the new events are copied into the effect, and only when there are some.
    let new: Vec<(HostEvent, Option<QuestionSet>, f64)> = if ready {
        let from = *done.borrow();
        let events = state.events.get(from..).unwrap_or_default();
        let times = happened.borrow();
        let at = |i: usize| times.get(from + i).copied().unwrap_or_default();
        events.iter().enumerate().map(|(i, e)| (e.clone(), state.find_set(e.set_id()).cloned(), at(i))).collect()
    } else {
        Vec::new()
    };
    let lang = state.lang;
    use_effect_with((state.events.len(), ready), move |&(len, ready)| {
        if ready {
            for (event, set, at) in &new {
                deliver(event, set.as_ref(), lang, *at);
            }
            *done.borrow_mut() = len;
        }
    });
}

/// Tells the host page each event once, in order, as the state records them.
#[hook]
pub fn use_host_events(state: &AppState) {
    use_each_event(state, true, |event, _, _, _| embed::send(event));
}

/// Turns each event into xAPI statements in the outbox, once config.toml has named an LRS;
/// web/report.js sends them from there.
#[hook]
pub fn use_lrs_statements(state: &AppState) {
    use_each_event(state, state.lrs_configured, |event, set, lang, now| {
        let Some(set) = set else { return };
        let new_id = || uuid_v4(storage::random_bytes());
        let fresh = matches!(event, HostEvent::Started { .. });
        let registration = storage::registration(set.id(), fresh, new_id);
        let timestamp = iso_local(now, storage::utc_offset_min());
        let base = embed::page_base();
        let at = Occasion { activity_base: &base, registration: &registration, lang, timestamp: &timestamp };
        for statement in xapi::statements(event, set, &at, &mut || new_id()) {
            report::queue_statement(now, &statement.id, &statement.body);
        }
        if matches!(event, HostEvent::Completed { .. }) {
            storage::end_registration(set.id());
        }
    });
}

/// Inside an LMS (a SCORM 1.2 API in a parent frame): each answer as an interaction, the score
/// and status at the end, then the session finished (the attempt in progress is kept for a resume
/// by `use_saved_attempt`).
#[hook]
pub fn use_lms_records(state: &AppState, in_lms: bool) {
    use_each_event(state, in_lms, |event, set, _, at| {
        let Some(set) = set else { return };
        let time = scorm::time_of_day(at, storage::utc_offset_min());
        let next = if matches!(event, HostEvent::Answered { .. }) { report::lms_next_interaction() } else { 0 };
        let values = scorm::values(event, set, next, &time);
        // A start writes nothing (report.js marked the launch as it opened the session), so it needs
        // no commit either.
        if !values.is_empty() {
            report::lms_record(&values, matches!(event, HostEvent::Completed { .. }));
        }
    });
}

/// Loads the manifest; then the pending set's file first, on its own (a deep link, a resume, or a
/// card shown by its summary that the employee opened); then, when the set list is shown, the
/// other sets it needs side by side (`AppState::files_for_list`).
#[hook]
pub fn use_set_loading(state: &UseReducerHandle<State>) {
    {
        // Not when the state began with it (`with_arrived`).
        let dispatch = state.dispatcher();
        let wanted = matches!(state.manifest, Manifest::Loading);
        use_effect_with((), move |_| {
            if wanted {
                wasm_bindgen_futures::spawn_local(load_manifest(dispatch));
            }
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.pending_file().map(str::to_string), move |first| {
            if let Some(file) = first {
                wasm_bindgen_futures::spawn_local(load_set(dispatch, file.clone()));
            }
        });
    }
    {
        let dispatch = state.dispatcher();
        let waiting = state.files_for_list();
        use_effect_with(state.wants_all_sets(), move |&wanted| {
            if wanted {
                dispatch.dispatch(Action::AllRequested);
                for file in waiting {
                    wasm_bindgen_futures::spawn_local(load_set(dispatch.clone(), file));
                }
            }
        });
    }
}

/// Keeps `<html lang>` in step, and keeps the employee's own choice of language (a page's
/// `lang=` shows it, but is not kept).
#[hook]
pub fn use_document_lang(lang: Lang, from_page: Option<Lang>) {
    use_effect_with(lang, move |&lang| {
        embed::set_document_lang(lang.code());
        if from_page != Some(lang) {
            storage::save_lang(lang.code());
        }
    });
}

/// Sets aside stored attempts that no longer fit their set (see `AppState::stale_attempts`).
#[hook]
pub fn use_set_aside_stale(stale: &[String]) {
    let stale = stale.to_vec();
    use_effect_with(stale.len(), move |_| {
        for set_id in &stale {
            storage::set_aside_attempt(set_id);
        }
    });
}

/// Persists the attempt in progress after every change (in this browser, and inside an LMS also
/// for `cmi.suspend_data`); a failed write becomes a notice.
#[hook]
pub fn use_saved_attempt(attempt: Option<Attempt>, in_lms: bool, dispatch: Dispatch) {
    use_effect_with(attempt, move |attempt| {
        if in_lms {
            report::lms_keep(attempt.as_ref());
        }
        if let Some(attempt) = attempt {
            if let Err(notice) = storage::save_attempt(attempt) {
                dispatch.dispatch(Action::Notify(Notice::Storage(notice)));
            }
        }
    });
}

/// Records a finished attempt in its set's history exactly once.
#[hook]
pub fn use_recorded_finish(screen: Screen, dispatch: Dispatch) {
    use_effect_with(screen, move |screen| {
        if let Screen::Result { set_id, outcome, recorded: false } = screen {
            let (history, notices) = storage::finish(set_id, outcome.clone());
            for notice in notices {
                dispatch.dispatch(Action::Notify(Notice::Storage(notice)));
            }
            dispatch.dispatch(Action::Recorded { set_id: set_id.clone(), history });
        }
    });
}

/// Where the app gets the manifest and a set's file.
fn manifest_url() -> String {
    format!("{QUESTIONS_DIR}{MANIFEST_FILE}")
}

fn set_url(file: &str) -> String {
    format!("{QUESTIONS_DIR}{file}")
}

async fn load_manifest(dispatch: Dispatch) {
    let fetched = storage::fetch_text(&manifest_url()).await;
    read_manifest(fetched, &mut |action| dispatch.dispatch(action));
}

/// Fetches and parses one set, with what storage holds for it.
async fn load_set(dispatch: Dispatch, file: String) {
    let fetched = storage::fetch_text(&set_url(&file)).await;
    read_set(file, fetched, &mut |action| dispatch.dispatch(action));
}

/// The state the page starts from, moved on by what boot.js had before the app started: the
/// manifest, and then the set the page opens (`AppState::pending_file`). The first render is then
/// the screen the page opens on; what has not come yet is loaded by `use_set_loading`.
pub fn with_arrived(state: AppState) -> Rc<AppState> {
    let mut state = Rc::new(state);
    let Some(manifest) = storage::arrived_text(&manifest_url()) else { return state };
    read_manifest(Ok(manifest), &mut |action| state = state.clone().apply(action));
    let Some(file) = state.pending_file().map(str::to_string) else { return state };
    let Some(text) = storage::arrived_text(&set_url(&file)) else { return state };
    read_set(file, Ok(text), &mut |action| state = state.clone().apply(action));
    state
}

/// What the manifest's text (or the failure to get it) makes of the state, as actions.
fn read_manifest(fetched: Result<String, String>, act: &mut dyn FnMut(Action)) {
    match fetched {
        Ok(text) => {
            if storage::served_from_cache() {
                act(Action::Notify(Notice::FromCache));
            }
            let (entries, problems) = parse_manifest(&text);
            let sets = entries.into_iter().map(|e| listed(act, e)).collect();
            act(Action::ManifestLoaded { sets, problems });
        }
        Err(reason) => act(Action::ManifestFailed(reason)),
    }
}

/// A manifest line as the set list starts with it: with the set's stored history when the line's
/// summary names the set.
fn listed(act: &mut dyn FnMut(Action), entry: Entry) -> SetEntry {
    let (history, has_attempt) = entry.summary.as_ref().map_or_else(Default::default, |s| stored(act, &s.id));
    SetEntry::listed(entry.file, entry.summary, history, has_attempt)
}

/// What storage holds for a set: its history, and whether an attempt is in progress.
fn stored(act: &mut dyn FnMut(Action), set_id: &str) -> (History, bool) {
    let (history, n1) = storage::load_history(set_id);
    let (attempt, n2) = storage::load_attempt(set_id);
    for notice in [n1, n2].into_iter().flatten() {
        act(Action::Notify(Notice::Storage(notice)));
    }
    (history, attempt.is_some())
}

/// One set's text (or the failure to get it), parsed, with what storage holds for it.
fn read_set(file: String, fetched: Result<String, String>, act: &mut dyn FnMut(Action)) {
    let parsed = match fetched {
        Ok(text) => parse_set(&file, &text),
        Err(reason) => not_fetched(&file, reason),
    };
    let (history, has_attempt) = parsed.valid_set().map_or_else(Default::default, |set| stored(act, set.id()));
    act(Action::SetLoaded { file, parsed: Rc::new(parsed), history, has_attempt });
}
