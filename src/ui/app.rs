//! The root component: holds the state, loads the served sets, persists in effects, picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::i18n::Lang;
use crate::core::manifest::{parse_manifest, MANIFEST_FILE};
use crate::core::parse::{parse_set, unreadable};
use crate::ui::history::HistoryView;
use crate::ui::notices::Notices;
use crate::ui::quiz::QuizView;
use crate::ui::result::ResultView;
use crate::ui::set_list::SetList;
use crate::ui::state::{Action, AppState, Notice, Pending, Screen};
use crate::web::{platform, storage};

/// Where the question sets are served, relative to the page.
const QUESTIONS_DIR: &str = "questions/";

/// The state a page load starts from: language, notices about storage, and what to open at once
/// (`?set=<id>[&count=<n>]` starts a set; otherwise an attempt in progress is resumed).
fn initial_state() -> AppState {
    let lang = platform::query_param("lang")
        .or_else(storage::load_lang)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
    let mut notices: Vec<Notice> = storage::availability().into_iter().map(Notice::Storage).collect();
    let pending = if let Some(set_id) = platform::query_param("set") {
        let count = platform::query_param("count").and_then(|c| c.parse().ok());
        Some(Pending::Start { set_id, count, seed: platform::random_seed() })
    } else {
        storage::current_set().and_then(|set_id| {
            let (attempt, notice) = storage::load_attempt(&set_id);
            notices.extend(notice.map(Notice::Storage));
            attempt.map(|attempt| Pending::Resume { set_id, attempt })
        })
    };
    AppState::new(lang, pending, notices)
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);

    // Load the manifest; a set to open at once is loaded first, on its own.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(load_manifest(dispatch));
        });
    }
    {
        let dispatch = state.dispatcher();
        let first = state.pending_file().map(str::to_string);
        use_effect_with(first, move |first| {
            if let Some(file) = first {
                wasm_bindgen_futures::spawn_local(load_set(dispatch, file.clone()));
            }
        });
    }
    // The set list shows every set: load the ones not yet there, side by side.
    {
        let dispatch = state.dispatcher();
        let unloaded: Vec<String> = state.sets.iter().filter(|e| e.parsed.is_none()).map(|e| e.file.clone()).collect();
        use_effect_with(state.wants_all_sets(), move |&wanted| {
            if wanted {
                dispatch.dispatch(Action::AllRequested);
                for file in unloaded {
                    wasm_bindgen_futures::spawn_local(load_set(dispatch.clone(), file));
                }
            }
        });
    }

    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            platform::set_document_lang(lang.code());
            storage::save_lang(lang.code());
        });
    }

    // Persist the attempt in progress after every change.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.attempt.clone(), move |attempt| {
            if let Some(attempt) = attempt {
                if let Err(notice) = storage::save_attempt(attempt) {
                    dispatch.dispatch(Action::Notify(Notice::Storage(notice)));
                }
            }
        });
    }

    // Record a finished attempt in its set's history exactly once.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.screen.clone(), move |screen| {
            if let Screen::Result { set_id, outcome, recorded: false } = screen {
                let (history, notice) = storage::finish(set_id, outcome.clone());
                if let Some(notice) = notice {
                    dispatch.dispatch(Action::Notify(Notice::Storage(notice)));
                }
                dispatch.dispatch(Action::Recorded { set_id: set_id.clone(), history });
            }
        });
    }

    let t = state.lang.texts();
    let other = if state.lang == Lang::Ja { Lang::En } else { Lang::Ja };
    let switch_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::SetLang(other)))
    };
    let body = match &state.screen {
        Screen::Sets => html! { <SetList state={state.clone()} /> },
        Screen::Quiz => html! { <QuizView state={state.clone()} /> },
        Screen::Result { set_id, outcome, .. } => {
            html! { <ResultView state={state.clone()} set_id={set_id.clone()} outcome={outcome.clone()} /> }
        }
        Screen::History { set_id } => html! { <HistoryView state={state.clone()} set_id={set_id.clone()} /> },
    };
    html! {
        <>
            <header class="app-header">
                <p class="app-title">{ t.app_title }</p>
                <button type="button" class="link-button" lang={other.code()} onclick={switch_lang}>
                    { t.switch_language }
                </button>
            </header>
            <main id="main">
                <Notices state={state.clone()} />
                { body }
            </main>
        </>
    }
}

async fn load_manifest(dispatch: UseReducerDispatcher<AppState>) {
    match platform::fetch_text(&format!("{QUESTIONS_DIR}{MANIFEST_FILE}")).await {
        Ok(text) => {
            let (entries, problems) = parse_manifest(&text);
            let files = entries.into_iter().map(|e| e.file).collect();
            dispatch.dispatch(Action::ManifestLoaded { files, problems });
        }
        Err(reason) => dispatch.dispatch(Action::ManifestFailed(reason)),
    }
}

/// Fetches and parses one set, with what storage holds for it.
async fn load_set(dispatch: UseReducerDispatcher<AppState>, file: String) {
    let parsed = match platform::fetch_text(&format!("{QUESTIONS_DIR}{file}")).await {
        Ok(text) => parse_set(&file, &text),
        Err(reason) => unreadable(&file, reason),
    };
    let (history, has_attempt) = match parsed.valid_set() {
        Some(set) => {
            let (history, n1) = storage::load_history(&set.id);
            let (attempt, n2) = storage::load_attempt(&set.id);
            for notice in [n1, n2].into_iter().flatten() {
                dispatch.dispatch(Action::Notify(Notice::Storage(notice)));
            }
            (history, attempt.is_some())
        }
        None => (Default::default(), false),
    };
    dispatch.dispatch(Action::SetLoaded { file, parsed: Rc::new(parsed), history, has_attempt });
}
