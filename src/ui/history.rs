//! A set's history: every finished attempt with its date and score, and the best.



use yew::prelude::*;

use crate::core::records::format_date;
use crate::core::app_state::Action;
use crate::ui::app::StateHandle;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub set_id: String,
}

#[function_component(HistoryView)]
pub fn history_view(props: &Props) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    let Some(entry) = state.sets.iter().find(|e| e.set().is_some_and(|s| s.id == props.set_id)) else {
        return html! {};
    };
    let title = entry.set().map(|s| s.title.clone()).unwrap_or_default();
    let back = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ShowSets))
    };
    // Newest first: the attempt just taken is what the employee looks for.
    let rows = entry.history.entries.iter().rev().map(|h| {
        html! {
            <tr>
                <td>{ format_date(h.finished_at_ms, h.utc_offset_min) }</td>
                <td>{ format!("{} / {} ({}%)", h.outcome.score, h.outcome.max, h.outcome.percent) }</td>
                <td>{ if h.outcome.passed { t.passed } else { t.failed } }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="history-heading">
            <h1 id="history-heading">{ format!("{} — {title}", t.history_heading) }</h1>
            if let Some(best) = entry.history.best() {
                <p class="best">{ format!("{}: {} / {}", t.best, best.outcome.score, best.outcome.max) }</p>
            }
            if entry.history.entries.is_empty() {
                <p>{ t.no_history }</p>
            } else {
                <table class="history">
                    <thead><tr><th scope="col">{ t.date }</th><th scope="col">{ t.score }</th><th scope="col">{ t.result_heading }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            <button type="button" onclick={back}>{ t.back_to_sets }</button>
        </section>
    }
}
