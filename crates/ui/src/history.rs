//! A set's history: every finished attempt with its date and score, and the best.

use yew::prelude::*;

use credo_core::history::{format_date, History};
use credo_core::i18n::Lang;

pub struct Props<'a> {
    pub lang: Lang,
    /// The set's title.
    pub title: &'a str,
    pub history: &'a History,
    pub on_back: Callback<()>,
}

pub fn history_view(props: &Props) -> Html {
    let (t, title, history) = (props.lang.texts(), props.title, props.history);
    let back = props.on_back.reform(|_: MouseEvent| ());
    // Newest first: the attempt just taken is what the employee looks for.
    let rows = history.entries.iter().rev().map(|h| {
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
            <h1 id="history-heading" tabindex="-1">{ format!("{} — {title}", t.history_heading) }</h1>
            if let Some(best) = history.best() {
                <p class="best">{ format!("{}: {} / {}", t.best, best.outcome.score, best.outcome.max) }</p>
            }
            if history.entries.is_empty() {
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
