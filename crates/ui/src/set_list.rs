//! The list of question sets: start, resume or see history; a broken set shows its located problems.

use yew::prelude::*;

use credo_core::app_state::{Manifest, SetEntry};
use credo_core::i18n::{fill, Lang};
use credo_core::manifest::SetSummary;

pub struct Props<'a> {
    pub lang: Lang,
    pub manifest: &'a Manifest,
    pub sets: &'a [SetEntry],
    /// Embedded in a host page: no link to the trainer's page.
    pub embed: bool,
    /// The set being fetched to open it (`AppState::pending`): its card says it is loading.
    pub opening: Option<&'a str>,
    /// The employee's local day (`credo_core::history::day_of`), for what is due for review.
    pub today: i64,
    /// Each gets the id of the set the employee chose.
    pub on_start: Callback<String>,
    /// Every question of a set that draws fewer (`length`).
    pub on_start_all: Callback<String>,
    pub on_resume: Callback<String>,
    pub on_history: Callback<String>,
    pub on_study: Callback<String>,
    /// The set's questions due for review today.
    pub on_review: Callback<String>,
}

pub fn set_list(props: &Props) -> Html {
    let (lang, t) = (props.lang, props.lang.texts());
    let manifest_problems = match props.manifest {
        Manifest::Loading => return html! { <p role="status">{ t.loading }</p> },
        Manifest::Failed(reason) => {
            return html! { <p class="error" role="alert">{ format!("{} ({reason})", t.manifest_failed) }</p> }
        }
        Manifest::Loaded(problems) => problems,
    };
    let cards = props.sets.iter().map(|entry| set_card(props, entry));
    let due: usize = props.sets.iter().filter(|e| e.shown().is_some()).map(|e| e.history.due(props.today).len()).sum();
    let manifest_problems = manifest_problems.iter().map(|d| html! { <li><code>{ d.render(lang) }</code></li> });
    html! {
        <section aria-labelledby="sets-heading">
            <h1 id="sets-heading" tabindex="-1">{ t.sets_heading }</h1>
            if due > 0 {
                <p class="review-total">{ fill(t.review_total, &[("n", &due)]) }</p>
            }
            <ul class="diagnostics">{ for manifest_problems }</ul>
            <ul class="set-list">{ for cards }</ul>
            // Trainers find their page from the app; an embedded quiz shows no such link.
            if !props.embed {
                <p class="for-trainers"><a href="trainer/">{ t.for_trainers }</a></p>
            }
        </section>
    }
}

/// A set's card: from the set once fetched, else from the manifest's summary of it, so the list
/// needs no set file; mastery by principle needs the set's labels, so it shows once fetched.
fn set_card(props: &Props, entry: &SetEntry) -> Html {
    let t = props.lang.texts();
    if let Some(shown) = entry.shown() {
        return summary_card(props, entry, shown);
    }
    let Some(parsed) = &entry.parsed else {
        return html! { <li class="set-card"><p>{ format!("{} {}", entry.file, t.loading) }</p></li> };
    };
    let problems = parsed.diagnostics.iter().map(|d| html! { <li><code>{ d.render(props.lang) }</code></li> });
    let title = parsed.set.as_ref().map_or(entry.file.clone(), |s| s.title().to_string());
    html! {
        <li class="set-card broken">
            <h2>{ title }</h2>
            <p>{ t.broken_set }</p>
            <ul class="diagnostics">{ for problems }</ul>
        </li>
    }
}

fn summary_card(props: &Props, entry: &SetEntry, set: &SetSummary) -> Html {
    let t = props.lang.texts();
    let heading_id = format!("set-{}", set.id);
    // The set's own text keeps its language inside an interface in the other one.
    let content = props.lang.for_content(Lang::of_text(&set.title));
    let for_set = |callback: &Callback<String>| {
        let set_id = set.id.clone();
        callback.reform(move |_: MouseEvent| set_id.clone())
    };
    let (start, show_history, study) = (for_set(&props.on_start), for_set(&props.on_history), for_set(&props.on_study));
    let all = (set.asked < set.questions)
        .then(|| (for_set(&props.on_start_all), fill(t.start_all, &[("n", &set.questions)])));
    let due = entry.history.due(props.today).len();
    let review = (due > 0).then(|| (for_set(&props.on_review), fill(t.review_today, &[("n", &due)])));
    let mastery = entry.history.mastery();
    let mastery = entry.set().map(|loaded| {
        let items = mastery.iter().map(|m| {
            let label = match &m.principle_id {
                Some(id) => loaded.principle(id).map_or(id.clone(), |p| p.label.clone()),
                None => t.general.to_string(),
            };
            html! { <li>{ format!("{label}: {}/{}", m.correct, m.total) }</li> }
        });
        html! { <ul>{ for items }</ul> }
    });
    let resume = entry.has_attempt.then(|| for_set(&props.on_resume));
    let best = entry.history.best().map(|b| format!(" · {} {}/{}", t.best, b.outcome.score, b.outcome.max));
    html! {
        <li class="set-card" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} lang={content}>{ &set.title }</h2>
            <p class="meta">
                { t.source_label }{ ": " }<span lang={content}>{ format!("{} {}", set.office, set.source) }</span><br/>
                { format!("{} {} · {} {}%", set.asked, t.questions_count, t.pass_mark, set.pass_mark) }
                { best.unwrap_or_default() }
            </p>
            if let Some(mastery) = mastery.filter(|_| !entry.history.entries.is_empty()) {
                <details class="mastery">
                    <summary>{ t.mastery }</summary>
                    { mastery }
                </details>
            }
            if props.opening == Some(set.id.as_str()) {
                <p class="opening" role="status">{ t.loading }</p>
            }
            <div class="actions">
                if let Some((review, label)) = review {
                    <button type="button" class="primary review" onclick={review}>{ label }</button>
                }
                if let Some(resume) = resume {
                    <button type="button" class="primary" onclick={resume}>{ t.resume }</button>
                    <button type="button" onclick={start}>{ t.start_over }</button>
                } else {
                    <button type="button" class="primary" onclick={start}>{ t.start }</button>
                }
                if let Some((start_all, label)) = all {
                    <button type="button" onclick={start_all}>{ label }</button>
                }
                <button type="button" onclick={study}>{ t.study }</button>
                <button type="button" onclick={show_history}>{ t.history }</button>
            </div>
        </li>
    }
}
