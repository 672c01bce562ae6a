//! One question at a time: the situation, the options as a radio group, then feedback with the quote.



use yew::prelude::*;

use crate::core::engine::Phase;
use crate::core::model::{Question, QuestionKind, QuestionSet};
use crate::core::app_state::Action;
use crate::ui::app::StateHandle;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(QuizView)]
pub fn quiz_view(props: &Props) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    let (Some(attempt), Some(set)) = (&state.attempt, state.current_set()) else {
        return html! { <p role="status">{ t.loading }</p> };
    };
    let Some(question) = attempt.current_question_id().and_then(|id| set.question(id)) else {
        return html! {};
    };
    let total = attempt.order.len();
    let position = attempt.position();
    let quit = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ShowSets))
    };
    let answered = (attempt.phase == Phase::Feedback).then(|| attempt.last_answer()).flatten();
    html! {
        <section class="quiz" aria-labelledby="question-heading">
            <p class="set-title">{ &set.title }</p>
            <div class="progress">
                <span id="progress-label">{ format!("{} {position} / {total}", t.question_of) }</span>
                <progress max={total.to_string()} value={position.to_string()} aria-labelledby="progress-label"></progress>
            </div>
            <h1 id="question-heading" class="question-text" data-question={question.id.clone()}>{ &question.text }</h1>
            <Options key={question.id.clone()} state={state.clone()} question_id={question.id.clone()}
                chosen={answered.map(|a| a.chosen.clone())} />
            // The live region exists before the answer, so screen readers announce the verdict.
            <p class="sr-only" aria-live="polite">
                { answered.map(|a| if a.correct { t.correct } else { t.incorrect }).unwrap_or_default() }
            </p>
            if let Some(answer) = answered {
                <Feedback key={question.id.clone()} state={state.clone()} question_id={question.id.clone()}
                    chosen={answer.chosen.clone()} correct={answer.correct} last={position == total} />
            }
            if !state.embed {
                <p><button type="button" class="link-button" onclick={quit}>{ t.quit }</button></p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OptionsProps {
    state: StateHandle,
    question_id: String,
    /// Set once answered: the options lock and show the choice.
    chosen: Option<String>,
}

#[function_component(Options)]
fn options(props: &OptionsProps) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    let selected = use_state(|| None::<String>);
    let (Some(set), Some(question)) = (state.current_set(), state.current_set().and_then(|s| s.question(&props.question_id)))
    else {
        return html! {};
    };
    let locked = props.chosen.is_some();
    let submit = {
        let dispatch = state.dispatcher();
        let selected = selected.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(value) = (*selected).clone() {
                dispatch.dispatch(Action::Answer(value));
            }
        })
    };
    let legend = match question.kind {
        QuestionKind::Scenario => t.which_principle,
        QuestionKind::Choice => t.choose_one,
    };
    let items = question.options.iter().enumerate().map(|(i, value)| {
        let id = format!("option-{i}");
        let onchange = {
            let selected = selected.clone();
            let value = value.clone();
            Callback::from(move |_: Event| selected.set(Some(value.clone())))
        };
        let checked = props.chosen.as_ref().or(selected.as_ref()) == Some(value);
        let mark = match &props.chosen {
            Some(_) if *value == question.answer => "option right",
            Some(c) if c == value => "option wrong",
            _ => "option",
        };
        html! {
            <li class={mark}>
                <input type="radio" name="answer" id={id.clone()} value={value.clone()} {checked} disabled={locked} {onchange} />
                <label for={id}>{ set.option_label(question, value) }</label>
            </li>
        }
    });
    html! {
        <form class="answer-form" onsubmit={submit}>
            <fieldset>
                <legend>{ legend }</legend>
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
    state: StateHandle,
    question_id: String,
    chosen: String,
    correct: bool,
    last: bool,
}

#[function_component(Feedback)]
fn feedback(props: &FeedbackProps) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    let heading = use_node_ref();
    // Focus moves to the feedback when it appears, so keyboard users continue from here.
    {
        let heading = heading.clone();
        use_effect_with((), move |_| crate::ui::app::focus(&heading));
    }
    let Some(set) = state.current_set() else { return html! {} };
    let Some(question) = set.question(&props.question_id) else { return html! {} };
    let next = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Next))
    };
    let verdict_class = if props.correct { "feedback right" } else { "feedback wrong" };
    html! {
        <section class={verdict_class} aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" tabindex="-1" ref={heading}>
                { if props.correct { t.correct } else { t.incorrect } }
            </h2>
            <dl>
                if !props.correct {
                    <dt>{ t.your_answer }</dt>
                    <dd>{ set.option_label(question, &props.chosen) }</dd>
                }
                <dt>{ applies_label(t, question) }</dt>
                <dd class="answer">{ set.option_label(question, &question.answer) }</dd>
                <dt>{ t.why }</dt>
                <dd class="explanation">{ &question.explanation }</dd>
                <dt>{ t.source_quote }</dt>
                <dd>
                    <blockquote class="quote">{ &question.quote }</blockquote>
                    <p class="cite">{ cite(set) }</p>
                </dd>
            </dl>
            <button type="button" class="primary" onclick={next}>{ if props.last { t.see_result } else { t.next } }</button>
        </section>
    }
}

fn applies_label(t: &crate::core::i18n::Texts, question: &Question) -> &'static str {
    match question.kind {
        QuestionKind::Scenario => t.applies,
        QuestionKind::Choice => t.correct_answer,
    }
}

fn cite(set: &QuestionSet) -> String {
    let date = set.source.date.as_deref().map(|d| format!("({d})")).unwrap_or_default();
    format!("— {} {}{date}", set.source.office, set.source.title)
}
