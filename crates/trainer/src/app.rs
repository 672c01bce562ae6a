//! The trainer page's root component: the state, the language, and two tabs (write and check a set; group results).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::drafts::use_kept_drafts;
use crate::editor::EditorPanel;
use crate::group::ResultsPanel;
use credo_authoring::i18n::TrainerTexts;
use credo_authoring::trainer_state::{Action, Tab, TrainerState};
use credo_core::i18n::Lang;
use credo_ui::app::Store;
use credo_web::{embed, storage};

/// The trainer page's state in Yew (the same store as the quiz's).
pub type Trainer = Store<TrainerState>;

/// The employee's quiz, relative to this page (dist/trainer/ beside dist/index.html).
const QUIZ_URL: &str = "../";

/// The page's `lang=`, else the language last chosen in this browser (the quiz's choice too: one
/// key for every page), else Japanese.
fn initial_state() -> Trainer {
    let lang = embed::query_pairs()
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, c)| Lang::from_code(c))
        .or_else(|| storage::load_lang().and_then(|c| Lang::from_code(&c)))
        .unwrap_or_default();
    Store::new(TrainerState::new(lang))
}

#[function_component(TrainerApp)]
pub fn trainer_app() -> Html {
    let state = use_reducer(initial_state);
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| embed::set_document_lang(lang.code()));
    }
    let t = TrainerTexts::get(state.lang);
    let other = if state.lang == Lang::Ja { Lang::En } else { Lang::Ja };
    let switch_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            storage::save_lang(other.code());
            dispatch.dispatch(Action::SetLang(other))
        })
    };
    let tabs = [
        (Tab::Editor, "tab-editor", "panel-editor", t.tab_editor),
        (Tab::Results, "tab-results", "panel-results", t.tab_results),
    ];
    // Tabs as the ARIA pattern has them: one tab stop, arrow keys move between tabs.
    let on_key = {
        let dispatch = state.dispatcher();
        let current = state.tab;
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowLeft" if current == Tab::Editor => Tab::Results,
                "ArrowRight" | "ArrowLeft" => Tab::Editor,
                "Home" => Tab::Editor,
                "End" => Tab::Results,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::ShowTab(next));
            let id = if next == Tab::Editor { "tab-editor" } else { "tab-results" };
            // The arrow keys move focus along the tabs, as a tablist should.
            let tab = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
            if let Some(tab) = tab.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = tab.focus();
            }
        })
    };
    // The panels report what happened as actions; one callback for the page's life (use_callback),
    // so it never makes a panel render again by itself.
    let on_action = {
        let dispatch = state.dispatcher();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    use_kept_drafts(&state.draft, &state.slot, on_action.clone());
    let sources = state.sources.clone();
    let tab_buttons = tabs.iter().map(|&(tab, id, panel, label)| {
        let selected = state.tab == tab;
        let dispatch = state.dispatcher();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::ShowTab(tab)));
        html! {
            <button type="button" role="tab" id={id} aria-controls={panel} aria-selected={selected.to_string()}
                tabindex={if selected { "0" } else { "-1" }} {onclick} onkeydown={on_key.clone()}>
                { label }
            </button>
        }
    });
    html! {
        <>
            <header class="app-header">
                <p class="app-title">{ t.page_title }</p>
                <nav class="header-links">
                    <a href={QUIZ_URL}>{ t.to_quiz }</a>
                    <a href="../embed-demo.html">{ t.to_snippet }</a>
                    <button type="button" class="link-button" lang={other.code()} onclick={switch_lang}>{ t.switch_language }</button>
                </nav>
            </header>
            <main id="main" class="trainer">
                <h1 class="sr-only">{ t.page_title }</h1>
                <div role="tablist" aria-label={t.tabs_label} class="tabs">{ for tab_buttons }</div>
                <div role="tabpanel" id="panel-editor" aria-labelledby="tab-editor" hidden={state.tab != Tab::Editor}>
                    <EditorPanel lang={state.lang} draft={state.draft.clone()} file_note={state.file_note.clone()}
                        trying={state.trying} view={state.view} question={state.question} sources={sources}
                        drafts={state.drafts.clone()} draft_notes={state.draft_notes.clone()} slot={state.slot.clone()}
                        removed={state.undoable()} on_action={on_action.clone()} />
                </div>
                <div role="tabpanel" id="panel-results" aria-labelledby="tab-results" hidden={state.tab != Tab::Results}>
                    <ResultsPanel lang={state.lang} merged={state.merged.clone()} files={state.result_files.len()}
                        {on_action} />
                </div>
            </main>
        </>
    }
}
