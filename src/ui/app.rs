//! The root component: holds the state, loads the served sets, persists in effects, picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::embed::{parse_config, EmbedParams, ParamProblem};
use crate::core::i18n::Lang;
use crate::core::manifest::{parse_manifest, MANIFEST_FILE};
use crate::core::parse::{parse_set, unreadable};
use crate::ui::history::HistoryView;
use crate::ui::notices::Notices;
use crate::ui::quiz::QuizView;
use crate::ui::result::ResultView;
use crate::ui::set_list::SetList;
use crate::core::app_state::{Action, AppState, Notice, Pending, Screen};
use crate::web::{embed, storage};

/// What components receive: the state and its dispatcher. Equal when it is the same state.
pub type StateHandle = UseReducerHandle<AppState>;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action)
    }
}

/// Where the question sets are served, relative to the page.
const QUESTIONS_DIR: &str = "questions/";

/// The state a page load starts from: the URL's parameters (see `core::embed`), the language,
/// notices about storage, and what to open at once: `?set=` starts that set (or resumes it);
/// otherwise the attempt last in progress is resumed. With a bad parameter nothing starts by itself: the page says what is wrong.
fn initial_state(params: &EmbedParams, problems: &[ParamProblem]) -> AppState {
    storage::set_scope(params.storage_scope(embed::host_page().as_deref()));
    let lang = params.lang.or_else(|| storage::load_lang().and_then(|c| Lang::from_code(&c))).unwrap_or_default();
    let mut notices: Vec<Notice> = storage::availability().into_iter().map(Notice::Storage).collect();
    let pending = if !problems.is_empty() {
        None
    } else if let Some(set_id) = params.set.clone() {
        // A reload of a linked or embedded quiz resumes it, as a reload of the app does.
        let (attempt, notice) = storage::load_attempt(&set_id);
        notices.extend(notice.map(Notice::Storage));
        Some(match attempt {
            Some(attempt) => Pending::Resume { set_id, attempt },
            None => Pending::Start { set_id, count: params.count, seed: params.seed.unwrap_or_else(random_seed) },
        })
    } else {
        storage::current_set().and_then(|set_id| {
            let (attempt, notice) = storage::load_attempt(&set_id);
            notices.extend(notice.map(Notice::Storage));
            attempt.map(|attempt| Pending::Resume { set_id, attempt })
        })
    };
    let mut state = AppState::new(lang, pending, notices);
    state.embed = params.embed;
    state.pass_mark = params.pass_mark;
    state.count = params.count;
    state.param_problems = problems.to_vec();
    state
}

#[function_component(App)]
pub fn app() -> Html {
    let params = use_memo((), |_| EmbedParams::from_query(&embed::query_pairs()));
    let state = {
        let params = params.clone();
        use_reducer(move || initial_state(&params.0, &params.1))
    };

    // A host page's theme, and the link to the host page when framed.
    {
        let params = params.clone();
        use_effect_with((), move |_| {
            if let Some(theme) = &params.0.theme {
                embed::add_stylesheet(&format!("themes/{theme}.css"));
            }
            if embed::is_framed() {
                let origins = params.0.origins.clone();
                wasm_bindgen_futures::spawn_local(connect_host(origins));
            } else {
                embed::connect(&[]);
            }
        });
    }
    // Tell the host page what happened since the last render.
    {
        let sent = use_mut_ref(|| 0usize);
        // The handle, not a copy of the events: this runs on every render, the effect only on news.
        let state = state.clone();
        use_effect_with(state.events.len(), move |_| {
            for event in &state.events[*sent.borrow()..] {
                embed::send(event);
            }
            *sent.borrow_mut() = state.events.len();
        });
    }

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
        let state = state.clone();
        use_effect_with(state.wants_all_sets(), move |&wanted| {
            if wanted {
                dispatch.dispatch(Action::AllRequested);
                for entry in state.sets.iter().filter(|e| e.parsed.is_none()) {
                    wasm_bindgen_futures::spawn_local(load_set(dispatch.clone(), entry.file.clone()));
                }
            }
        });
    }

    {
        // The language is the employee's choice: a page's `lang=` shows it, but is not kept.
        let from_page = params.0.lang;
        use_effect_with(state.lang, move |&lang| {
            embed::set_document_lang(lang.code());
            if from_page != Some(lang) {
                storage::save_lang(lang.code());
            }
        });
    }
    // Set aside attempts that no longer fit their set (see `AppState::stale_attempts`).
    {
        let state = state.clone();
        use_effect_with(state.stale_attempts.len(), move |_| {
            for set_id in &state.stale_attempts {
                storage::set_aside_attempt(set_id);
            }
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
    let param_problems = state.param_problems.iter().map(|p| html! { <li><code>{ p.message(state.lang) }</code></li> });
    html! {
        <>
            // Embedded, the host page is the navigation; the language comes from `lang=`.
            if !state.embed {
                <header class="app-header">
                    <p class="app-title">{ t.app_title }</p>
                    <button type="button" class="link-button" lang={other.code()} onclick={switch_lang}>
                        { t.switch_language }
                    </button>
                </header>
            }
            <main id="main" class={classes!(state.embed.then_some("embedded"))}>
                if !state.param_problems.is_empty() {
                    <div class="param-problems" role="alert">
                        <p>{ t.bad_parameters }</p>
                        <ul class="diagnostics">{ for param_problems }</ul>
                    </div>
                }
                <Notices state={state.clone()} />
                { body }
            </main>
        </>
    }
}

/// Reads config.toml for the host origins allowed to hear events, then opens the link. The
/// file is optional: without it only the app's own origin and `origin=` parameters are allowed.
async fn connect_host(mut origins: Vec<String>) {
    if let Ok(text) = storage::fetch_text("config.toml").await {
        origins.extend(parse_config(&text).0.allowed_origins);
    }
    embed::connect(&origins);
}

async fn load_manifest(dispatch: UseReducerDispatcher<AppState>) {
    match storage::fetch_text(&format!("{QUESTIONS_DIR}{MANIFEST_FILE}")).await {
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
    let parsed = match storage::fetch_text(&format!("{QUESTIONS_DIR}{file}")).await {
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

/// A shuffle seed for a new attempt (the browser's own randomness).
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// Moves focus to a rendered element, as screens do with their heading when they appear.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
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
