//! "Try it": the employee's own quiz and result screens (credo_ui::quiz, credo_ui::result) over the draft, driven by the engine in memory only.
//!
//! The employee app records results in its root component's hooks, which this does not use:
//! nothing here reaches credo_web::storage, so trying a draft never touches saved scores.

use yew::prelude::*;

use credo_authoring::i18n::TrainerTexts;
use credo_core::engine::{Attempt, Event, Phase};
use credo_core::i18n::Lang;
use credo_core::model::QuestionSet;
use credo_ui::quiz::QuizView;
use credo_ui::result::ResultView;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The draft, valid (the page offers "try it" only then).
    pub set: QuestionSet,
    pub lang: Lang,
    pub seed: u64,
    pub on_close: Callback<()>,
}

#[function_component(TryOut)]
pub fn try_out(props: &Props) -> Html {
    let tt = TrainerTexts::get(props.lang);
    let attempt = {
        let (set, seed) = (props.set.clone(), props.seed);
        use_state(move || Attempt::start(&set, None, seed))
    };
    // The engine changes the attempt; an event that does not fit the phase changes nothing.
    let apply = {
        let (attempt, set) = (attempt.clone(), props.set.clone());
        move |event: Event| {
            let mut next = (*attempt).clone();
            if next.apply(&set, event) {
                attempt.set(next);
            }
        }
    };
    let on_answer = {
        let apply = apply.clone();
        Callback::from(move |chosen: String| apply(Event::Answer(chosen)))
    };
    let on_next = Callback::from(move |()| apply(Event::Next));
    let restart = {
        let (attempt, set, seed) = (attempt.clone(), props.set.clone(), props.seed);
        Callback::from(move |()| attempt.set(Attempt::start(&set, None, seed.wrapping_add(1))))
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let body = if attempt.phase == Phase::Finished {
        html! {
            <ResultView lang={props.lang} set={props.set.clone()} outcome={attempt.outcome(&props.set)} recorded_at={None}
                embed=false on_retry={restart} on_back={props.on_close.clone()} />
        }
    } else {
        html! {
            <QuizView lang={props.lang} set={props.set.clone()} attempt={(*attempt).clone()} embed=false keeps_progress=false
                {on_answer} {on_next} on_quit={props.on_close.clone()} />
        }
    };
    html! {
        <section class="tryout" aria-label={tt.try_it}>
            <div class="notice tryout-note">
                <span>{ tt.trying_note }</span>
                <button type="button" class="link-button" onclick={close}>{ tt.stop_trying }</button>
            </div>
            { body }
        </section>
    }
}
