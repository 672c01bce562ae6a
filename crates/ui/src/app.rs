//! The root component: holds the state, runs the effects (hooks), and gives each screen the data it shows and callbacks for what the employee does.

use std::rc::Rc;

use yew::prelude::*;

use credo_core::app_state::{Action, AppState, Apply, Notice, Pending, Screen};
use credo_core::embed::{EmbedParams, ParamProblem};
use credo_core::history::day_of;
use credo_core::i18n::Lang;
use credo_web::{embed, report, storage};

use crate::certificate::CertificateView;
use crate::history::{history_view, Props as HistoryProps};
use crate::hooks::{
    use_back_to_sets, use_config, use_document_lang, use_heading_focus, use_host_events, use_lms_records,
    use_lrs_statements, use_recorded_finish, use_saved_attempt, use_set_aside_stale, use_set_loading, with_arrived,
};
use crate::notices::{notices, Props as NoticesProps};
use crate::quiz::{quiz, Props as QuizProps};
use crate::result::ResultView;
use crate::set_list::{set_list, Props as SetListProps};
use crate::study::StudyView;

/// Yew's reducer over a plain-data state (the quiz's, or the trainer page's): `apply` does the
/// work and never does I/O; the same `Rc` back means nothing changed, and Yew skips the render.
pub struct Store<T>(Rc<T>);

impl<T: Apply> Reducible for Store<T> {
    type Action = T::Action;

    fn reduce(self: Rc<Self>, action: T::Action) -> Rc<Self> {
        let next = self.0.clone().apply(action);
        if Rc::ptr_eq(&next, &self.0) {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

impl<T> Store<T> {
    pub fn new(state: T) -> Self {
        Store(Rc::new(state))
    }
}

/// The same state is the same `Rc`.
impl<T> PartialEq for Store<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Store<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The quiz's state in Yew.
pub type State = Store<AppState>;

/// The state a page load starts from: the URL's parameters (see `credo_core::embed`), the
/// language, notices about storage, and what to open at once: `?set=` starts that set (or
/// resumes it); otherwise the attempt last in progress is resumed. With a bad parameter nothing
/// starts by itself: the page says what is wrong.
fn initial_state(params: &EmbedParams, problems: &[ParamProblem], in_lms: bool) -> State {
    storage::set_scope(params.storage_scope(embed::host_page().as_deref()));
    let lang = params.lang.or_else(|| storage::load_lang().and_then(|c| Lang::from_code(&c))).unwrap_or_default();
    let mut notices: Vec<Notice> = storage::availability().into_iter().map(Notice::Storage).collect();
    let pending = if !problems.is_empty() {
        None
    } else if let Some(set_id) = params.set.clone() {
        // A reload of a linked or embedded quiz resumes it, as a reload of the app does. In an LMS
        // the LMS decides: it launches a resume (with the attempt it kept, from any computer) or
        // a new attempt; what this browser holds may be another learner's on a shared PC.
        let (attempt, notice) = storage::load_attempt(&set_id);
        notices.extend(notice.map(Notice::Storage));
        let attempt = if in_lms { report::lms_suspended().filter(|a| a.set_id == set_id) } else { attempt };
        Some(match attempt {
            Some(attempt) => Pending::Resume { set_id, attempt },
            None => {
                Pending::Start { set_id, count: params.count, seed: params.seed.unwrap_or_else(storage::random_seed) }
            }
        })
    } else {
        storage::current_set().and_then(|set_id| {
            let (attempt, notice) = storage::load_attempt(&set_id);
            notices.extend(notice.map(Notice::Storage));
            attempt.map(|attempt| Pending::Resume { set_id, attempt })
        })
    };
    let mut state = AppState::new(lang, pending, notices);
    state.embed = params.embed;
    state.pass_mark = params.pass_mark;
    state.count = params.count;
    state.param_problems = problems.to_vec();
    Store(with_arrived(state))
}

/// What the employee can do, as callbacks made once: the dispatcher never changes, so the
/// screens' props stay equal and a screen re-renders only when its data does.
struct Handlers {
    start: Callback<String>,
    start_all: Callback<String>,
    study: Callback<String>,
    retry_missed: Callback<()>,
    review: Callback<String>,
    certificate: Callback<()>,
    back_to_result: Callback<()>,
    name: Callback<String>,
    print: Callback<()>,
    resume: Callback<String>,
    history: Callback<String>,
    answer: Callback<String>,
    next: Callback<()>,
    show_sets: Callback<()>,
    dismiss: Callback<usize>,
    switch_lang: Callback<Lang>,
}

impl Handlers {
    fn new(dispatch: UseReducerDispatcher<State>) -> Self {
        // One way to make every callback: what the employee did becomes an action.
        let act = |action: Box<dyn Fn(String) -> Action>| {
            let dispatch = dispatch.clone();
            Callback::from(move |value: String| dispatch.dispatch(action(value)))
        };
        let fixed = |action: Action| {
            let dispatch = dispatch.clone();
            Callback::from(move |()| dispatch.dispatch(action.clone()))
        };
        let resume = {
            let dispatch = dispatch.clone();
            // Read at click time: the stored attempt is the truth, the card only says one exists.
            Callback::from(move |set_id: String| {
                if let (Some(attempt), _) = storage::load_attempt(&set_id) {
                    dispatch.dispatch(Action::Resume { set_id, attempt });
                }
            })
        };
        Handlers {
            start: act(Box::new(|set_id| Action::Start { set_id, seed: storage::random_seed() })),
            start_all: act(Box::new(|set_id| Action::StartAll { set_id, seed: storage::random_seed() })),
            study: act(Box::new(Action::ShowStudy)),
            review: act(Box::new(|set_id| Action::StartReview {
                set_id,
                today: day_of(storage::now_ms(), storage::utc_offset_min()),
                seed: storage::random_seed(),
            })),
            retry_missed: {
                let dispatch = dispatch.clone();
                Callback::from(move |()| dispatch.dispatch(Action::RetryMissed { seed: storage::random_seed() }))
            },
            resume,
            history: act(Box::new(Action::ShowHistory)),
            answer: act(Box::new(Action::Answer)),
            next: fixed(Action::Next),
            certificate: fixed(Action::ShowCertificate),
            back_to_result: fixed(Action::BackToResult),
            name: Callback::from(|name: String| storage::save_name(&name)),
            print: Callback::from(|()| storage::print()),
            show_sets: fixed(Action::ShowSets),
            dismiss: {
                let dispatch = dispatch.clone();
                Callback::from(move |i| dispatch.dispatch(Action::Dismiss(i)))
            },
            switch_lang: {
                let dispatch = dispatch.clone();
                Callback::from(move |lang| dispatch.dispatch(Action::SetLang(lang)))
            },
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let params = use_memo((), |_| EmbedParams::from_query(&embed::query_pairs()));
    // report.js opened the LMS session before the app started (boot.js loads it first), so its
    // kept attempt may be the first; a global read, cheaper than a memo's code.
    let in_lms = report::in_lms();
    let state = {
        let params = params.clone();
        use_reducer(move || initial_state(&params.0, &params.1, in_lms))
    };
    let handlers = use_memo((), {
        let dispatch = state.dispatcher();
        move |_| Handlers::new(dispatch)
    });

    use_config(params.clone(), state.dispatcher());
    use_host_events(&state);
    use_lrs_statements(&state);
    use_lms_records(&state, in_lms);
    use_set_loading(&state);
    use_document_lang(state.lang, params.0.lang);
    use_set_aside_stale(&state.stale_attempts);
    use_saved_attempt(state.attempt.clone(), in_lms, state.dispatcher());
    use_recorded_finish(state.screen.clone(), state.dispatcher());
    use_heading_focus(&state.screen, state.attempt.as_ref().and_then(|a| a.current_question_id()));
    use_back_to_sets(&state.screen, state.embed, state.dispatcher());

    let lang = state.lang;
    let t = lang.texts();
    let other = if lang == Lang::Ja { Lang::En } else { Lang::Ja };
    let body = screen(&state, &handlers);
    let other_tab = other_tab_choices(&state, &handlers, state.dispatcher());
    let param_problems = state.param_problems.iter().map(|p| html! { <li><code>{ p.message(lang) }</code></li> });
    html! {
        <>
            // Embedded, the host page is the navigation; the language comes from `lang=`.
            if !state.embed {
                <header class="app-header">
                    <p class="app-title">{ t.app_title }</p>
                    <button type="button" class="link-button" lang={other.code()}
                        onclick={handlers.switch_lang.reform(move |_: MouseEvent| other)}>
                        { t.switch_language }
                    </button>
                </header>
            }
            <main id="main" data-embedded={state.embed.then_some("true")}>
                if !state.param_problems.is_empty() {
                    <div class="param-problems" role="alert">
                        <p>{ t.bad_parameters }</p>
                        <ul class="diagnostics">{ for param_problems }</ul>
                    </div>
                }
                { notices(&NoticesProps { lang, notices: &state.notices, on_dismiss: handlers.dismiss.clone(),
                    on_continue_other_tab: other_tab.0, on_keep_this_tab: other_tab.1 }) }
                { body }
            </main>
        </>
    }
}

/// What the employee can do when another tab saved an attempt on this set: continue that one
/// (read back from storage, as a resume), or keep this tab's (the other's is moved aside).
fn other_tab_choices(
    state: &State,
    h: &Handlers,
    dispatch: UseReducerDispatcher<State>,
) -> (Callback<usize>, Callback<usize>) {
    let set_id = state.attempt.as_ref().map(|a| a.set_id.clone());
    let theirs = {
        let (resume, dispatch, set_id) = (h.resume.clone(), dispatch.clone(), set_id);
        Callback::from(move |i| {
            dispatch.dispatch(Action::Dismiss(i));
            if let Some(set_id) = &set_id {
                resume.emit(set_id.clone());
            }
        })
    };
    let mine = {
        let attempt = state.attempt.clone();
        Callback::from(move |i| {
            dispatch.dispatch(Action::Dismiss(i));
            if let Some(Err(notice)) = attempt.as_ref().map(storage::take_over_attempt) {
                dispatch.dispatch(Action::Notify(Notice::Storage(notice)));
            }
        })
    };
    (theirs, mine)
}

/// The screen the state is on, with only the data it shows. The set list, the quiz, the history
/// and the notices are plain functions rather than components: they keep no state, and each
/// component's machinery cost the download almost 1 KB gzip.
fn screen(state: &State, h: &Handlers) -> Html {
    let (lang, embed) = (state.lang, state.embed);
    match &state.screen {
        Screen::Sets => set_list(&SetListProps {
            lang,
            manifest: &state.manifest,
            sets: &state.sets,
            embed,
            opening: state.pending.as_ref().map(|p| p.set_id()),
            today: day_of(storage::now_ms(), storage::utc_offset_min()),
            on_review: h.review.clone(),
            on_start: h.start.clone(),
            on_start_all: h.start_all.clone(),
            on_resume: h.resume.clone(),
            on_history: h.history.clone(),
            on_study: h.study.clone(),
        }),
        Screen::Quiz => match (&state.attempt, state.current_set()) {
            (Some(attempt), Some(set)) => quiz(&QuizProps {
                lang,
                set: set.clone(),
                attempt: attempt.clone(),
                embed,
                keeps_progress: true,
                on_answer: h.answer.clone(),
                on_next: h.next.clone(),
                on_quit: h.show_sets.clone(),
            }),
            _ => html! { <p role="status">{ lang.texts().loading }</p> },
        },
        Screen::Result { set_id, outcome, recorded } => {
            let Some(entry) = state.entry(set_id) else { return html! {} };
            let Some(set) = entry.set() else { return html! {} };
            let recorded_at =
                entry.history.entries.last().filter(|_| *recorded).map(|h| (h.finished_at_ms, h.utc_offset_min));
            let retry = {
                let (start, set_id) = (h.start.clone(), set_id.clone());
                Callback::from(move |()| start.emit(set_id.clone()))
            };
            let study = {
                let (show, set_id) = (h.study.clone(), set_id.clone());
                Callback::from(move |()| show.emit(set_id.clone()))
            };
            html! {
                <ResultView {lang} set={set.clone()} outcome={outcome.clone()} {recorded_at} {embed}
                    on_retry={retry} on_retry_missed={Some(h.retry_missed.clone())} on_study={Some(study)}
                    on_certificate={Some(h.certificate.clone())} on_back={h.show_sets.clone()}
                    name={storage::load_name()} on_name={Some(h.name.clone())} />
            }
        }
        Screen::Certificate { set_id, outcome, recorded } => {
            let Some(entry) = state.entry(set_id) else { return html! {} };
            let Some(set) = entry.set() else { return html! {} };
            // The time the history recorded, as the result file has it; now, if none was.
            let finished_at = entry.history.entries.last().filter(|_| *recorded).map_or_else(
                || (storage::now_ms(), storage::utc_offset_min()),
                |e| (e.finished_at_ms, e.utc_offset_min),
            );
            html! {
                <CertificateView {lang} set={set.clone()} outcome={outcome.clone()} {finished_at}
                    name={storage::load_name()} on_name={h.name.clone()} on_print={h.print.clone()}
                    on_back={h.back_to_result.clone()} />
            }
        }
        Screen::Study { set_id } => {
            let Some(set) = state.find_set(set_id) else { return html! {} };
            let start = {
                let (start, set_id) = (h.start.clone(), set_id.clone());
                Callback::from(move |()| start.emit(set_id.clone()))
            };
            html! { <StudyView {lang} set={set.clone()} {embed} on_start={start} on_back={h.show_sets.clone()} /> }
        }
        Screen::History { set_id } => {
            let Some(entry) = state.entry(set_id) else { return html! {} };
            let title = entry.set().map_or("", |s| s.title());
            history_view(&HistoryProps { lang, title, history: &entry.history, on_back: h.show_sets.clone() })
        }
    }
}

/// Mounts a page's root component in `#app`, replacing the loading line the HTML shows there
/// while the wasm loads (so the page is never blank); without `#app`, in the body.
pub fn mount<C>()
where
    C: yew::BaseComponent,
    C::Properties: Default,
{
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}
