//! One question at a time: the situation, the options as a radio group, then feedback with the quote.

use yew::prelude::*;

use credo_core::engine::{Attempt, Phase};
use credo_core::i18n::{fill, Lang, Texts};
use credo_core::model::{Question, QuestionKind, QuestionSet};

use crate::hooks::use_focus_on_mount;
use crate::verdict;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub set: QuestionSet,
    pub attempt: Attempt,
    /// Embedded in a host page: no way back to the app's own set list.
    pub embed: bool,
    /// Whether progress is kept (the app) or not (a trial on the trainer page): the way out says which.
    #[prop_or(true)]
    pub keeps_progress: bool,
    /// The option value chosen.
    pub on_answer: Callback<String>,
    pub on_next: Callback<()>,
    pub on_quit: Callback<()>,
}

/// The quiz screen as a component, for a page that mounts it on its own (the trainer's try-out,
/// the browser tests); the app calls `quiz` from its root and links no component for it.
#[function_component(QuizView)]
pub fn quiz_view(props: &Props) -> Html {
    quiz(props)
}

pub fn quiz(props: &Props) -> Html {
    let (set, attempt) = (&props.set, &props.attempt);
    let t = props.lang.texts();
    let Some(question) = attempt.current_question_id().and_then(|id| set.question(id)) else {
        return html! {};
    };
    let total = attempt.order.len();
    let position = attempt.position();
    let quit = props.on_quit.reform(|_: MouseEvent| ());
    let answered = (attempt.phase == Phase::Feedback).then(|| attempt.last_answer()).flatten();
    // The set's own text keeps its language inside an interface in the other one.
    let content = props.lang.for_content(set.lang());
    html! {
        <section class="quiz" aria-labelledby="question-heading">
            <p class="set-title" lang={content}>{ set.title() }</p>
            <div class="progress">
                <span id="progress-label">{ format!("{} {position} / {total}", t.question_of) }</span>
                <progress max={total.to_string()} value={position.to_string()} aria-labelledby="progress-label"></progress>
            </div>
            <h1 id="question-heading" tabindex="-1" class="question-text" data-question={question.id.clone()} lang={content}>{ &question.text }</h1>
            <Options key={question.id.clone()} lang={props.lang} set={set.clone()} question_id={question.id.clone()}
                chosen={answered.map(|a| a.chosen.clone())} on_answer={props.on_answer.clone()} />
            // The live region exists before the answer, so screen readers announce the verdict.
            <p class="sr-only" aria-live="polite">
                { answered.map(|a| if a.correct { t.correct } else { t.incorrect }).unwrap_or_default() }
            </p>
            if let Some(answer) = answered {
                <Feedback key={question.id.clone()} lang={props.lang} set={set.clone()} question_id={question.id.clone()}
                    chosen={answer.chosen.clone()} correct={answer.correct} last={position == total}
                    on_next={props.on_next.clone()} />
            }
            if !props.embed {
                <p><button type="button" class="link-button" onclick={quit}>
                    { if props.keeps_progress { t.quit } else { t.quit_trial } }
                </button></p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OptionsProps {
    lang: Lang,
    set: QuestionSet,
    question_id: String,
    /// Set once answered: the options lock and show the choice.
    chosen: Option<String>,
    on_answer: Callback<String>,
}

#[function_component(Options)]
fn options(props: &OptionsProps) -> Html {
    let (set, t) = (&props.set, props.lang.texts());
    let selected = use_state(|| None::<String>);
    let Some(question) = set.question(&props.question_id) else { return html! {} };
    let locked = props.chosen.is_some();
    let submit = {
        let (on_answer, selected) = (props.on_answer.clone(), selected.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(value) = (*selected).clone() {
                on_answer.emit(value);
            }
        })
    };
    let content = props.lang.for_content(set.lang());
    let legend_lang = set.prompt_of(question).and(content);
    let legend = set.prompt_of(question).unwrap_or(match question.kind {
        QuestionKind::Scenario => t.which_principle,
        QuestionKind::Choice => t.choose_one,
    });
    let items = question.options.iter().enumerate().map(|(i, value)| {
        let id = format!("option-{i}");
        let onchange = {
            let selected = selected.clone();
            let value = value.clone();
            Callback::from(move |_: Event| selected.set(Some(value.clone())))
        };
        let checked = props.chosen.as_ref().or(selected.as_ref()) == Some(value);
        // Marked by a sign and a word as well as a colour (JIS X 8341-3 / WCAG 1.4.1).
        let (mark, tag) = match &props.chosen {
            Some(_) if *value == question.answer => (Some("right"), Some(("✔", t.tag_correct))),
            Some(c) if c == value => (Some("wrong"), Some(("✘", t.tag_your_answer))),
            _ => (None, None),
        };
        html! {
            <li class="option" data-mark={mark}>
                <input type="radio" name="answer" id={id.clone()} value={value.clone()} {checked} disabled={locked} {onchange} />
                <label for={id}>
                    <span lang={content}>{ set.option_label(question, value) }</span>
                    if let Some((sign, word)) = tag {
                        <span class="option-tag"><span aria-hidden="true">{ sign }</span>{ word }</span>
                    }
                </label>
            </li>
        }
    });
    html! {
        <form class="answer-form" onsubmit={submit}>
            <fieldset>
                <legend lang={legend_lang}>{ legend }</legend>
                <ul class="options">{ for items }</ul>
            </fieldset>
            if !locked {
                <button type="submit" class="primary" disabled={selected.is_none()}>{ t.submit }</button>
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct FeedbackProps {
    lang: Lang,
    set: QuestionSet,
    question_id: String,
    chosen: String,
    correct: bool,
    last: bool,
    on_next: Callback<()>,
}

#[function_component(Feedback)]
fn feedback(props: &FeedbackProps) -> Html {
    let (set, t) = (&props.set, props.lang.texts());
    // Focus moves to the feedback when it appears, so keyboard users continue from here.
    let heading = use_focus_on_mount();
    let Some(question) = set.question(&props.question_id) else { return html! {} };
    let next = props.on_next.reform(|_: MouseEvent| ());
    let content = props.lang.for_content(set.lang());
    html! {
        <section class="feedback" data-verdict={verdict(props.correct)} aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" tabindex="-1" ref={heading}>
                { if props.correct { t.correct } else { t.incorrect } }
            </h2>
            <dl>
                if !props.correct {
                    <dt>{ t.your_answer }</dt>
                    <dd lang={content}>{ set.option_label(question, &props.chosen) }</dd>
                }
                <dt>{ applies_label(t, question) }</dt>
                <dd class="answer" lang={content}>{ set.option_label(question, &question.answer) }</dd>
                <dt>{ t.why }</dt>
                <dd class="explanation" lang={content}>{ &question.explanation }</dd>
                // Why the option chosen is not the best fit here, when the question says.
                if let Some(note) = (!props.correct).then(|| question.note_for(&props.chosen)).flatten() {
                    <dt>{ fill(t.why_not, &[("chosen", &set.option_label(question, &props.chosen))]) }</dt>
                    <dd class="explanation why-not" lang={content}>{ note }</dd>
                }
                <dt>{ t.source_quote }</dt>
                <dd lang={content}>
                    <blockquote class="quote">{ &question.quote }</blockquote>
                    <p class="cite">{ cite(set) }</p>
                </dd>
            </dl>
            <button type="button" class="primary" onclick={next}>{ if props.last { t.see_result } else { t.next } }</button>
        </section>
    }
}

fn applies_label(t: &Texts, question: &Question) -> &'static str {
    match question.kind {
        QuestionKind::Scenario => t.applies,
        QuestionKind::Choice => t.correct_answer,
    }
}

fn cite(set: &QuestionSet) -> String {
    let source = set.source();
    let date = source.date.as_deref().map(|d| format!("({d})")).unwrap_or_default();
    format!("— {} {}{date}", source.office, source.title)
}
