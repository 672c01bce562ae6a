//! The end of an attempt: score, pass or fail, a bar per principle (inline SVG), the questions missed, and the result file to hand in.



use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::engine::{Outcome, PrincipleScore};
use crate::core::model::QuestionSet;
use crate::core::results::{file_name, iso_local, result_json};
use crate::core::app_state::{Action, Screen};
use crate::ui::app::StateHandle;
use crate::web::storage;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub set_id: String,
    pub outcome: Outcome,
}

#[function_component(ResultView)]
pub fn result_view(props: &Props) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| crate::ui::app::focus(&heading));
    }
    let name_input = use_node_ref();
    let Some(set) = state.find_set(&props.set_id) else { return html! {} };
    let o = &props.outcome;
    let download = {
        let (state, name_input) = (state.clone(), name_input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = name_input.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            // `required` and `pattern` have the browser ask for a name first; this only guards.
            let Screen::Result { set_id, outcome, recorded } = &state.screen else { return };
            let Some(entry) = state.sets.iter().find(|e| e.set().is_some_and(|s| s.id == *set_id)) else { return };
            let Some(set) = entry.set().filter(|_| !name.trim().is_empty()) else { return };
            // The finish time is the one the history recorded for this attempt, so every download
            // of it carries the same time and the trainer's merge counts a second copy once.
            // Where nothing is recorded (a trial run on the trainer page), now stands in.
            let (ms, offset) = match entry.history.entries.last() {
                Some(h) if *recorded => (h.finished_at_ms, h.utc_offset_min),
                _ => (storage::now_ms(), storage::utc_offset_min()),
            };
            let finished_at = iso_local(ms, offset);
            let file = file_name(&set.id, &name, &finished_at);
            download(&file, "application/json", &result_json(set, outcome, &name, &finished_at));
        })
    };
    let back = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ShowSets))
    };
    let retry = {
        let dispatch = state.dispatcher();
        let set_id = set.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Start { set_id: set_id.clone(), seed: crate::ui::app::random_seed() }))
    };
    let bars = o.by_principle.iter().filter(|p| p.total > 0).map(|p| principle_bar(state, set, p));
    let missed = o.missed.iter().filter_map(|m| {
        let q = set.question(&m.question_id)?;
        Some(html! {
            <li>
                <p class="missed-text">{ &q.text }</p>
                <p>{ format!("{}: {}", t.your_answer, set.option_label(q, &m.chosen)) }</p>
                <p>{ format!("{}: {}", t.correct_answer, set.option_label(q, &q.answer)) }</p>
            </li>
        })
    });
    html! {
        <section class="result" aria-labelledby="result-heading">
            <h1 id="result-heading" tabindex="-1" ref={heading}>{ format!("{} — {}", t.result_heading, set.title) }</h1>
            <p class={if o.passed { "verdict right" } else { "verdict wrong" }}>
                <span class="score">{ format!("{} {} / {} ({}%)", t.score, o.score, o.max, o.percent) }</span>
                <strong>{ if o.passed { t.passed } else { t.failed } }</strong>
                <span class="meta">{ format!("{} {}%", t.pass_mark, set.pass_mark) }</span>
            </p>
            <h2>{ t.by_principle }</h2>
            <ul class="bars">{ for bars }</ul>
            <h2>{ t.missed_heading }</h2>
            if o.missed.is_empty() {
                <p>{ t.none_missed }</p>
            } else {
                <ul class="missed">{ for missed }</ul>
            }
            <form class="hand-in" onsubmit={download}>
                <h2>{ t.download_heading }</h2>
                <label for="result-name">{ t.name_label }</label>
                <input id="result-name" type="text" autocomplete="name" ref={name_input} required=true pattern=".*\\S.*" />
                <button type="submit">{ t.download_result }</button>
            </form>
            <div class="actions">
                <button type="button" class="primary" onclick={retry}>{ t.retry }</button>
                if !state.embed {
                    <button type="button" onclick={back}>{ t.back_to_sets }</button>
                }
            </div>
        </section>
    }
}

/// The text carries the figures; the SVG only draws them, so it is hidden from screen readers.
fn principle_bar(state: &StateHandle, set: &QuestionSet, p: &PrincipleScore) -> Html {
    let label = match &p.principle_id {
        Some(id) => set.principle(id).map_or(id.as_str(), |x| x.label.as_str()).to_string(),
        None => state.lang.texts().general.to_string(),
    };
    let width = if p.total == 0 { 0 } else { p.correct * 200 / p.total };
    html! {
        <li>
            <span class="bar-label">{ format!("{label}: {}/{}", p.correct, p.total) }</span>
            <svg class="bar" width="200" height="14" viewBox="0 0 200 14" aria-hidden="true" focusable="false">
                <rect class="bar-track" x="0" y="0" width="200" height="14" rx="3" />
                <rect class="bar-fill" x="0" y="0" width={width.to_string()} height="14" rx="3" />
            </svg>
        </li>
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
