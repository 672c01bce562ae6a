//! "Try it": the employee's own quiz and result screens (ui::quiz, ui::result) over the draft, on a state that lives in memory only.
//!
//! The employee app records results in its root component's effects (ui::app), which this does
//! not mount: nothing here reaches web::storage, so trying a draft never touches saved scores.

use std::rc::Rc;

use yew::prelude::*;
use yew::Reducible;

use crate::core::i18n::Lang;
use crate::core::i18n_trainer::TrainerTexts;
use crate::core::parse::Parsed;
use crate::core::records::History;
use crate::ui::quiz::QuizView;
use crate::ui::result::ResultView;
use crate::core::app_state::{Action, AppState, Screen};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub parsed: Rc<Parsed>,
    pub lang: Lang,
    pub seed: u64,
    pub on_close: Callback<()>,
}

/// The employee app's state with the draft as its only set, the attempt started.
fn trial_state(parsed: Rc<Parsed>, lang: Lang, seed: u64) -> AppState {
    let file = parsed.file.clone();
    let set_id = parsed.set.as_ref().map(|s| s.id.clone()).unwrap_or_default();
    let s = Rc::new(AppState::new(lang, None, vec![]))
        .reduce(Action::ManifestLoaded { files: vec![file.clone()], problems: vec![] })
        .reduce(Action::SetLoaded { file, parsed, history: History::default(), has_attempt: false })
        .reduce(Action::Start { set_id, seed });
    (*s).clone()
}

#[function_component(TryOut)]
pub fn try_out(props: &Props) -> Html {
    let tt = TrainerTexts::get(props.lang);
    let state = {
        let (parsed, lang, seed) = (props.parsed.clone(), props.lang, props.seed);
        use_reducer(move || trial_state(parsed, lang, seed))
    };
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.lang, move |&lang| dispatch.dispatch(Action::SetLang(lang)));
    }
    // The quiz's own "back to the sets" ends the trial.
    {
        let on_close = props.on_close.clone();
        let leaving = matches!(state.screen, Screen::Sets);
        use_effect_with(leaving, move |&leaving| {
            if leaving {
                on_close.emit(());
            }
        });
    }
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let body = match &state.screen {
        Screen::Quiz => html! { <QuizView state={state.clone()} /> },
        Screen::Result { set_id, outcome, .. } => {
            html! { <ResultView state={state.clone()} set_id={set_id.clone()} outcome={outcome.clone()} /> }
        }
        _ => html! {},
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
