//! The end of an attempt: score, pass or fail, a bar per principle (inline SVG), the questions missed, and the result file to hand in.

use yew::prelude::*;

use credo_core::engine::{Outcome, PrincipleScore};
use credo_core::i18n::{fill, Lang};
use credo_core::model::QuestionSet;
use credo_core::result_file::{file_name, iso_local, result_json};
use credo_web::{files, storage};

use crate::hooks::use_focus_on_mount;
use crate::verdict;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub set: QuestionSet,
    pub outcome: Outcome,
    /// When the history recorded this attempt (ms since the epoch, minutes east of UTC), so
    /// every download of it carries the same time and the trainer's merge counts a second copy
    /// once. `None` where nothing is recorded (a trial run on the trainer page): now stands in.
    pub recorded_at: Option<(f64, i32)>,
    pub embed: bool,
    /// A new draw of the set.
    pub on_retry: Callback<()>,
    /// The missed questions again; `None` where the screen offers no such thing (a trial run).
    #[prop_or_default]
    pub on_retry_missed: Option<Callback<()>>,
    #[prop_or_default]
    pub on_study: Option<Callback<()>>,
    /// The certificate of a pass; `None` where there is none to give (a trial run).
    #[prop_or_default]
    pub on_certificate: Option<Callback<()>>,
    /// The name last typed for a result file or a certificate (one name, kept in this browser),
    /// and where a new one goes; none in a trial run.
    #[prop_or_default]
    pub name: String,
    #[prop_or_default]
    pub on_name: Option<Callback<String>>,
    pub on_back: Callback<()>,
}

#[function_component(ResultView)]
pub fn result_view(props: &Props) -> Html {
    let (set, o, t) = (&props.set, &props.outcome, props.lang.texts());
    let heading = use_focus_on_mount();
    let name_input = use_node_ref();
    let keep_name = props.on_name.clone().map(|keep| {
        Callback::from(move |e: InputEvent| keep.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    });
    let download = {
        let (set, outcome, recorded_at, name_input) = (set.clone(), o.clone(), props.recorded_at, name_input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = name_input.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            // `required` and `pattern` have the browser ask for a name first; this only guards.
            if name.trim().is_empty() {
                return;
            }
            let (ms, offset) = recorded_at.unwrap_or_else(|| (storage::now_ms(), storage::utc_offset_min()));
            let finished_at = iso_local(ms, offset);
            let file = file_name(set.id(), &name, &finished_at);
            files::download(&file, "application/json", &result_json(&set, &outcome, &name, &finished_at));
        })
    };
    let back = props.on_back.reform(|_: MouseEvent| ());
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    let bars = o.by_principle.iter().filter(|p| p.total > 0).map(|p| principle_bar(props.lang, set, p));
    let label = |id: &str| set.principle(id).map_or(id.to_string(), |p| p.label.clone());
    let confused = o.confusions(set);
    let confusions = confused.iter().map(|c| {
        let line = fill(
            t.confusion_line,
            &[("expected", &label(&c.expected)), ("chosen", &label(&c.chosen)), ("n", &c.count)],
        );
        html! { <li>{ line }</li> }
    });
    // Collapsed, each its own disclosure: the screen shows the score and what to do first, and a
    // keyboard or screen-reader user opens the questions one by one.
    let missed = o.missed.iter().filter_map(|m| {
        let q = set.question(&m.question_id)?;
        Some(html! {
            <li>
                <details>
                    <summary class="missed-text">{ &q.text }</summary>
                    <p>{ format!("{}: {}", t.your_answer, set.option_label(q, &m.chosen)) }</p>
                    <p>{ format!("{}: {}", t.correct_answer, set.option_label(q, &q.answer)) }</p>
                    <p class="explanation">{ &q.explanation }</p>
                </details>
            </li>
        })
    });
    let retry_missed = props.on_retry_missed.as_ref().filter(|_| !o.missed.is_empty()).map(|cb| {
        let label = fill(t.retry_missed, &[("n", &o.missed.len())]);
        html! { <button type="button" class="primary" onclick={cb.reform(|_: MouseEvent| ())}>{ label }</button> }
    });
    let certificate = props.on_certificate.as_ref().filter(|_| o.passed).map(|cb| {
        html! { <button type="button" onclick={cb.reform(|_: MouseEvent| ())}>{ t.certificate }</button> }
    });
    let study = props.on_study.as_ref().map(|cb| {
        html! { <button type="button" onclick={cb.reform(|_: MouseEvent| ())}>{ t.study }</button> }
    });
    html! {
        <section class="result" aria-labelledby="result-heading">
            <h1 id="result-heading" tabindex="-1" ref={heading}>{ t.result_heading }{ " — " }<span lang={props.lang.for_content(set.lang())}>{ set.title() }</span></h1>
            <p class="verdict" data-verdict={verdict(o.passed)}>
                <span class="score">{ format!("{} {} / {} ({}%)", t.score, o.score, o.max, o.percent) }</span>
                <strong>{ if o.passed { t.passed } else { t.failed } }</strong>
                <span class="meta">{ format!("{} {}%", t.pass_mark, set.pass_mark()) }</span>
            </p>
            <div class="actions">
                { for retry_missed }
                if o.missed.is_empty() {
                    <button type="button" class="primary" onclick={retry}>{ t.new_draw }</button>
                } else {
                    <button type="button" onclick={retry}>{ t.new_draw }</button>
                }
                { for certificate }
                { for study }
                if !props.embed {
                    <button type="button" onclick={back}>{ t.back_to_sets }</button>
                }
            </div>
            <h2>{ t.by_principle }</h2>
            <ul class="bars">{ for bars }</ul>
            if !confused.is_empty() {
                <h2>{ t.confusion_heading }</h2>
                <ul class="confusions">{ for confusions }</ul>
            }
            <form class="hand-in" onsubmit={download}>
                <h2>{ t.download_heading }</h2>
                <label for="result-name">{ t.name_label }</label>
                <input id="result-name" type="text" autocomplete="name" ref={name_input} required=true pattern=".*\\S.*"
                    value={props.name.clone()} oninput={keep_name} />
                <button type="submit">{ t.download_result }</button>
            </form>
            <h2>{ t.missed_heading }</h2>
            if o.missed.is_empty() {
                <p>{ t.none_missed }</p>
            } else {
                <p class="meta">{ t.missed_hint }</p>
                <ul class="missed">{ for missed }</ul>
            }
        </section>
    }
}

/// The text carries the figures; the SVG only draws them, so it is hidden from screen readers.
fn principle_bar(lang: Lang, set: &QuestionSet, p: &PrincipleScore) -> Html {
    let (label, label_lang) = match &p.principle_id {
        Some(id) => {
            (set.principle(id).map_or(id.as_str(), |x| x.label.as_str()).to_string(), lang.for_content(set.lang()))
        }
        None => (lang.texts().general.to_string(), None),
    };
    let width = (p.correct * 200).checked_div(p.total).unwrap_or(0);
    html! {
        <li>
            <span class="bar-label"><span lang={label_lang}>{ label }</span>{ format!(": {}/{}", p.correct, p.total) }</span>
            <svg class="bar" width="200" height="14" viewBox="0 0 200 14" aria-hidden="true" focusable="false">
                <rect class="bar-track" x="0" y="0" width="200" height="14" rx="3" />
                <rect class="bar-fill" x="0" y="0" width={width.to_string()} height="14" rx="3" />
            </svg>
        </li>
    }
}
