//! Group results: drop many employees' result files, see people and scores, a per-principle heatmap, the confusions, and what was skipped; export CSV.

use std::rc::Rc;

use yew::prelude::*;

use crate::drop_zone::DropZone;

use credo_authoring::group::{self, Column, Merged, Tally};
use credo_authoring::i18n::{fill, TrainerTexts};
use credo_authoring::trainer_state::Action;
use credo_core::i18n::Lang;
use credo_web::files::{input_files, read_file};

/// The merged results and how many files went into them; what the trainer does comes back as actions.
#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    pub merged: Rc<Merged>,
    pub files: usize,
    pub on_action: Callback<Action>,
}

/// A new merge is a new `Rc`: compared by pointer, not over every attempt.
impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.merged, &other.merged)
            && (self.lang, self.files) == (other.lang, other.files)
            && self.on_action == other.on_action
    }
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &Props) -> Html {
    let t = TrainerTexts::get(props.lang);
    let m: &Merged = &props.merged;

    let add = {
        let dispatch = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            wasm_bindgen_futures::spawn_local(read_all(dispatch.clone(), input_files(&input)));
        })
    };
    let on_files = {
        let dispatch = props.on_action.clone();
        Callback::from(move |files| wasm_bindgen_futures::spawn_local(read_all(dispatch.clone(), files)))
    };
    let clear = {
        let dispatch = props.on_action.clone();
        Callback::from(move |_| dispatch.emit(Action::ResultsCleared))
    };
    let choose_set = {
        let dispatch = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatch.emit(Action::ChooseResultSet(select.value()));
        })
    };
    let export = {
        let (merged, lang) = (props.merged.clone(), props.lang);
        Callback::from(move |_| {
            let name =
                format!("credo-quiz-results-{}.csv", if merged.set_id.is_empty() { "group" } else { &merged.set_id });
            credo_web::files::download(&name, "text/csv;charset=utf-8", &group::to_csv(&merged, lang));
        })
    };
    let people: std::collections::BTreeSet<&str> = m.attempts.iter().map(|a| a.name.as_str()).collect();
    let summary = fill(
        t.results_summary,
        &[
            ("files", &props.files),
            ("counted", &m.attempts.len()),
            ("people", &people.len()),
            ("duplicates", &m.duplicates.len()),
            ("skipped", &m.skipped.len()),
        ],
    );
    let sets = m.sets_found.iter().map(|(id, title, n)| {
        html! { <option value={id.clone()} selected={*id == m.set_id}>{ format!("{title} ({id}): {n}") }</option> }
    });
    html! {
        <DropZone {on_files}>
            <section aria-labelledby="results-heading">
                <h2 id="results-heading">{ t.tab_results }</h2>
                <p class="meta">{ t.results_intro }</p>
                <div class="file-row">
                    <label for="result-files">{ t.choose_results }</label>
                    <input type="file" id="result-files" multiple=true accept=".json,application/json" onchange={add} />
                    if props.files > 0 {
                        <button type="button" onclick={clear}>{ t.clear_results }</button>
                    }
                </div>
                <p role="status" class="results-summary">
                    { if props.files == 0 { t.no_results.to_string() } else { summary } }
                </p>
                if m.sets_found.len() > 1 {
                    <p>
                        <label for="result-set">{ t.set_to_merge }</label>{ " " }
                        <select id="result-set" onchange={choose_set}>{ for sets }</select>
                    </p>
                }
            </section>
            if !m.attempts.is_empty() {
                { people_table(props.lang, m) }
                { heatmap(props.lang, m) }
                { confusions(props.lang, m) }
                <p><button type="button" id="export-results" class="primary" onclick={export}>{ t.download_results }</button></p>
            }
            if !m.skipped.is_empty() || !m.duplicates.is_empty() {
                { skipped(props.lang, m) }
            }
        </DropZone>
    }
}

async fn read_all(dispatch: Callback<Action>, files: Vec<web_sys::File>) {
    let mut read = Vec::new();
    for file in files {
        let name = file.name();
        // An unreadable file is still listed: the merge reports it by name.
        let text = read_file(file).await.map(|f| f.text).unwrap_or_default();
        read.push((name, text));
    }
    if !read.is_empty() {
        dispatch.emit(Action::ResultsAdded(read));
    }
}

fn column_label(t: &TrainerTexts, m: &Merged, c: &Column) -> String {
    match &c.id {
        Some(id) => m.label(id).to_string(),
        None => t.other_principle.to_string(),
    }
}

/// `2025-11-21T13:40:05+09:00` as `2025-11-21 13:40`, the time the employee saw.
fn short_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) if iso.as_bytes().get(10) == Some(&b'T') => format!("{day} {time}"),
        _ => iso.to_string(),
    }
}

fn people_table(lang: Lang, m: &Merged) -> Html {
    let t = TrainerTexts::get(lang);
    let rows = m.attempts.iter().map(|a| {
        html! {
            <tr>
                <th scope="row">{ &a.name }</th>
                <td>{ short_time(&a.finished_at) }</td>
                <td class="num">{ format!("{} / {} ({}%)", a.score, a.max, a.score * 100 / a.max.max(1)) }</td>
                <td class={if a.passed { "verdict-cell right" } else { "verdict-cell wrong" }}>{ if a.passed { t.passed } else { t.failed } }</td>
                <td class="file-name">{ &a.file }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{ t.people_heading }</h2>
            <div class="table-scroll">
                <table class="data people">
                    <thead><tr>
                        <th scope="col">{ t.col_name }</th>
                        <th scope="col">{ t.col_finished }</th>
                        <th scope="col">{ t.col_score }</th>
                        <th scope="col">{ t.col_result }</th>
                        <th scope="col">{ t.col_file }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// A heatmap cell: the figures as text, and a colour class by the share right (heat-0 lowest).
fn heat_cell(t: &TrainerTexts, tally: &Tally) -> Html {
    match tally.percent() {
        Some(p) => {
            let class = format!("heat heat-{}", (p / 20).min(4));
            html! { <td class={class}>{ format!("{}/{} ", tally.correct, tally.total) }<br />{ format!("{p}%") }</td> }
        }
        None => html! { <td class="heat heat-none">{ "—" }<span class="sr-only">{ t.not_asked }</span></td> },
    }
}

fn heatmap(lang: Lang, m: &Merged) -> Html {
    let t = TrainerTexts::get(lang);
    let headers = m.columns.iter().map(|c| html! { <th scope="col">{ column_label(t, m, c) }</th> });
    let rows = m.people.iter().map(|p| {
        html! {
            <tr>
                <th scope="row">{ &p.name }</th>
                { for p.cells.iter().map(|c| heat_cell(t, c)) }
            </tr>
        }
    });
    html! {
        <section aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{ t.heatmap_heading }</h2>
            <p class="meta" id="heatmap-caption">{ t.heatmap_caption }</p>
            <div class="table-scroll">
                <table class="data heatmap" aria-describedby="heatmap-caption">
                    <thead><tr><th scope="col">{ t.col_name }</th>{ for headers }</tr></thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot>
                        <tr class="group-row">
                            <th scope="row">{ t.whole_group }</th>
                            { for m.group.iter().map(|c| heat_cell(t, c)) }
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

fn confusions(lang: Lang, m: &Merged) -> Html {
    let t = TrainerTexts::get(lang);
    let principles: Vec<&Column> = m.columns.iter().filter(|c| c.id.is_some()).collect();
    let id = |c: &Column| c.id.clone().unwrap_or_default();
    let headers = principles.iter().map(|c| html! { <th scope="col">{ column_label(t, m, c) }</th> });
    let rows = principles.iter().map(|row| {
        let cells = principles.iter().map(|col| {
            if id(row) == id(col) {
                html! { <td class="num diagonal">{ "—" }</td> }
            } else {
                let n = m.confusion(&id(row), &id(col));
                html! { <td class={classes!("num", (n > 0).then_some("confused"))}>{ n }</td> }
            }
        });
        html! { <tr><th scope="row">{ column_label(t, m, row) }</th>{ for cells }</tr> }
    });
    let top = m.confusions.iter().take(5).map(|c| {
        html! {
            <li>{ fill(t.confusion_item, &[("answer", &m.label(&c.answer)), ("chosen", &m.label(&c.chosen)), ("count", &c.count)]) }</li>
        }
    });
    html! {
        <section aria-labelledby="confusion-heading">
            <h2 id="confusion-heading">{ t.confusion_heading }</h2>
            if m.confusions.is_empty() {
                <p>{ t.no_confusions }</p>
            } else {
                <ul class="confusion-top">{ for top }</ul>
                <p class="meta" id="confusion-caption">{ t.confusion_caption }</p>
                <div class="table-scroll">
                    <table class="data confusion" aria-describedby="confusion-caption">
                        <thead><tr><th scope="col">{ t.confusion_corner }</th>{ for headers }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn skipped(lang: Lang, m: &Merged) -> Html {
    let t = TrainerTexts::get(lang);
    let skipped = m.skipped.iter().map(|s| {
        html! { <li><strong class="file-name">{ &s.file }</strong>{ ": " }{ s.reason.message(lang, &m.set_id) }</li> }
    });
    let duplicates = m.duplicates.iter().map(|d| {
        html! { <li><strong class="file-name">{ &d.file }</strong>{ ": " }{ fill(t.duplicate_of, &[("file", &d.same_as)]) }</li> }
    });
    html! {
        <section aria-labelledby="skipped-heading" class="skipped">
            <h2 id="skipped-heading">{ t.skipped_heading }</h2>
            <ul>{ for skipped }{ for duplicates }</ul>
        </section>
    }
}
