//! The end of an attempt: score, pass or fail, a bar per principle (inline SVG) and the questions missed.



use yew::prelude::*;

use crate::core::engine::{Outcome, PrincipleScore};
use crate::core::model::QuestionSet;
use crate::ui::state::{Action, StateHandle};
use crate::web::platform;

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
        use_effect_with((), move |_| platform::focus(&heading));
    }
    let Some(set) = state.find_set(&props.set_id) else { return html! {} };
    let o = &props.outcome;
    let back = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ShowSets))
    };
    let retry = {
        let dispatch = state.dispatcher();
        let set_id = set.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Start { set_id: set_id.clone(), seed: platform::random_seed() }))
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
