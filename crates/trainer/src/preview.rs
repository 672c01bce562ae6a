//! Every question of the draft as an employee sees it: the quiz screen's markup, classes and strings (ui::quiz), then the feedback shown after answering.

use std::rc::Rc;

use yew::prelude::*;

use credo_authoring::i18n::{fill, TrainerTexts};
use credo_authoring::problem::DraftProblem;
use credo_core::i18n::Lang;
use credo_core::model::{Question, QuestionKind, QuestionSet};
use credo_core::parse::Parsed;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub parsed: Rc<Parsed<DraftProblem>>,
    pub lang: Lang,
}

/// Questions previewed at first, and added by each "show more": a 10,000-question set is
/// previewed a page at a time instead of building all of it after every check.
const PAGE: usize = 30;

#[function_component(Preview)]
pub fn preview(props: &Props) -> Html {
    let tt = TrainerTexts::get(props.lang);
    let shown = use_state(|| PAGE);
    let body = match &props.parsed.set {
        Some(set) => {
            let total = set.questions().len();
            let items = set
                .questions()
                .iter()
                .take(*shown)
                .enumerate()
                .map(|(i, q)| question(set, q, i + 1, total, props.lang));
            let more = (total > *shown).then(|| {
                let label = fill(tt.preview_more, &[("shown", &(*shown).min(total)), ("total", &total)]);
                let shown = shown.clone();
                let onclick = Callback::from(move |_| shown.set(*shown + PAGE));
                html! {
                    <p><button type="button" class="show-more" {onclick}>
                        { label }
                    </button></p>
                }
            });
            html! { <><ol class="preview-list">{ for items }</ol>{ for more }</> }
        }
        None => html! { <p class="meta">{ tt.preview_none }</p> },
    };
    html! {
        <section aria-labelledby="preview-heading" class="preview">
            <h2 id="preview-heading">{ tt.preview_heading }</h2>
            <p class="meta">{ tt.preview_hint }</p>
            // The version certificates name: a trainer tells which version a certificate is for.
            if let Some(set) = props.parsed.valid_set() {
                <p class="meta set-version">{ fill(tt.set_version, &[("version", &credo_core::certificate::set_version(set))]) }</p>
            }
            { body }
        </section>
    }
}

/// One question, laid out as ui::quiz lays it out: ids are prefixed with the question's id so
/// that many can share the page.
fn question(set: &QuestionSet, q: &Question, position: usize, total: usize, lang: Lang) -> Html {
    let t = lang.texts();
    let tt = TrainerTexts::get(lang);
    let prefix = format!("preview-{}", q.id);
    let heading = format!("{prefix}-heading");
    let progress = format!("{prefix}-progress");
    let legend = set.prompt_of(q).unwrap_or(match q.kind {
        QuestionKind::Scenario => t.which_principle,
        QuestionKind::Choice => t.choose_one,
    });
    let options = q.options.iter().enumerate().map(|(i, value)| {
        let id = format!("{prefix}-option-{i}");
        html! {
            <li class="option">
                <input type="radio" name={prefix.clone()} id={id.clone()} value={value.clone()} />
                <label for={id}>{ set.option_label(q, value) }</label>
            </li>
        }
    });
    let applies = match q.kind {
        QuestionKind::Scenario => t.applies,
        QuestionKind::Choice => t.correct_answer,
    };
    let date = set.source().date.as_deref().map(|d| format!("({d})")).unwrap_or_default();
    html! {
        <li class="preview-question quiz" aria-labelledby={heading.clone()} data-preview={q.id.clone()}>
            <p class="set-title">{ &set.title() }</p>
            <div class="progress">
                <span id={progress.clone()}>{ format!("{} {position} / {total}", t.question_of) }</span>
                <progress max={total.to_string()} value={position.to_string()} aria-labelledby={progress}></progress>
            </div>
            // For the trainer only: which question this is in the file.
            <p class="meta preview-id">{ format!("id: {} · {}", q.id, q.difficulty.label()) }</p>
            <h3 id={heading} class="question-text">{ &q.text }</h3>
            <form class="answer-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset>
                    <legend>{ legend }</legend>
                    <ul class="options">{ for options }</ul>
                </fieldset>
                <button type="submit" class="primary" disabled=true>{ t.submit }</button>
            </form>
            <div class="feedback right">
                <p class="preview-caption">{ tt.after_answer }</p>
                <h4 class="feedback-verdict">{ t.correct }</h4>
                <dl>
                    <dt>{ applies }</dt>
                    <dd class="answer">{ set.option_label(q, &q.answer) }</dd>
                    <dt>{ t.why }</dt>
                    <dd class="explanation">{ &q.explanation }</dd>
                    // Each wrong option's note, as an employee who chose it reads it.
                    { for q.notes.iter().map(|(option, note)| html! {
                        <>
                            <dt>{ fill(t.why_not, &[("chosen", &set.option_label(q, option))]) }</dt>
                            <dd class="explanation why-not">{ note }</dd>
                        </>
                    }) }
                    <dt>{ t.source_quote }</dt>
                    <dd>
                        <blockquote class="quote">{ &q.quote }</blockquote>
                        <p class="cite">{ format!("— {} {}{date}", set.source().office, set.source().title) }</p>
                    </dd>
                </dl>
            </div>
        </li>
    }
}
