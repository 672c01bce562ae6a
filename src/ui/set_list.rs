//! The list of question sets: start, resume or see history; a broken set shows its located problems.



use yew::prelude::*;

use crate::core::app_state::{Action, Manifest, SetEntry};
use crate::ui::app::StateHandle;
use crate::web::storage;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(SetList)]
pub fn set_list(props: &Props) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    let manifest_problems = match &state.manifest {
        Manifest::Loading => return html! { <p role="status">{ t.loading }</p> },
        Manifest::Failed(reason) => {
            return html! { <p class="error" role="alert">{ format!("{} ({reason})", t.manifest_failed) }</p> }
        }
        Manifest::Loaded(problems) => problems,
    };
    let cards = state.sets.iter().map(|entry| set_card(state, entry));
    let manifest_problems = manifest_problems.iter().map(|d| html! { <li><code>{ d.render_set_file(state.lang) }</code></li> });
    html! {
        <section aria-labelledby="sets-heading">
            <h1 id="sets-heading">{ t.sets_heading }</h1>
            <ul class="diagnostics">{ for manifest_problems }</ul>
            <ul class="set-list">{ for cards }</ul>
            // Trainers find their page from the app; an embedded quiz shows no such link.
            if !state.embed {
                <p class="for-trainers"><a href="trainer/">{ t.for_trainers }</a></p>
            }
        </section>
    }
}

fn set_card(state: &StateHandle, entry: &SetEntry) -> Html {
    let t = state.lang.texts();
    let Some(parsed) = &entry.parsed else {
        return html! { <li class="set-card"><p>{ format!("{} {}", entry.file, t.loading) }</p></li> };
    };
    let Some(set) = parsed.valid_set() else {
        let problems = parsed.diagnostics.iter().map(|d| html! { <li><code>{ d.render_set_file(state.lang) }</code></li> });
        let title = parsed.set.as_ref().map_or(entry.file.clone(), |s| s.title.clone());
        return html! {
            <li class="set-card broken">
                <h2>{ title }</h2>
                <p>{ t.broken_set }</p>
                <ul class="diagnostics">{ for problems }</ul>
            </li>
        };
    };
    let heading_id = format!("set-{}", set.id);
    let start = {
        let dispatch = state.dispatcher();
        let set_id = set.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Start { set_id: set_id.clone(), seed: crate::ui::app::random_seed() }))
    };
    let resume = entry.has_attempt.then(|| {
        let dispatch = state.dispatcher();
        let set_id = set.id.clone();
        Callback::from(move |_| {
            // Read at click time: the stored attempt is the truth, the card only says one exists.
            if let (Some(attempt), _) = storage::load_attempt(&set_id) {
                dispatch.dispatch(Action::Resume { set_id: set_id.clone(), attempt });
            }
        })
    });
    let show_history = {
        let dispatch = state.dispatcher();
        let set_id = set.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ShowHistory(set_id.clone())))
    };
    let best = entry.history.best().map(|b| format!(" · {} {}/{}", t.best, b.outcome.score, b.outcome.max));
    html! {
        <li class="set-card" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ &set.title }</h2>
            <p class="meta">
                { format!("{}: {} {}", t.source_label, set.source.office, set.source.title) }<br/>
                { format!("{} {} · {} {}%", set.questions.len(), t.questions_count, t.pass_mark, set.pass_mark) }
                { best.unwrap_or_default() }
            </p>
            <div class="actions">
                if let Some(resume) = resume {
                    <button type="button" class="primary" onclick={resume}>{ t.resume }</button>
                    <button type="button" onclick={start}>{ t.start }</button>
                } else {
                    <button type="button" class="primary" onclick={start}>{ t.start }</button>
                }
                <button type="button" onclick={show_history}>{ t.history }</button>
            </div>
        </li>
    }
}
