//! Browser tests in headless Chromium (wasm-bindgen-test): real localStorage, a real DOM.
#![cfg(target_arch = "wasm32")]

use credo_core::engine::{Attempt, Event};
use credo_core::history::{History, StorageNotice};
use credo_core::parse::parse_set;
use credo_ui::quiz::QuizView;
use credo_web::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const SET: &str = include_str!("../../../questions/maebashi-credo.toml");

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew's scheduler and the browser run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn click(selector: &str) {
    let element = document().query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    element.dyn_into::<web_sys::HtmlElement>().unwrap().click();
}

fn text(selector: &str) -> String {
    document().query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
fn attempt_and_history_round_trip_through_local_storage() {
    local().clear().unwrap();
    let set = parse_set("maebashi-credo.toml", SET).set.unwrap();
    let mut attempt = Attempt::start(&set, Some(3), 11);
    let first = set.question(attempt.current_question_id().unwrap()).unwrap().answer.clone();
    attempt.apply(&set, Event::Answer(first));
    storage::save_attempt(&attempt).unwrap();
    assert!(local().get_item("credo-quiz.attempt.maebashi-credo").unwrap().unwrap().starts_with("2:"));
    assert_eq!(storage::current_set().as_deref(), Some("maebashi-credo"));
    assert_eq!(storage::load_attempt("maebashi-credo"), (Some(attempt.clone()), None));

    let (history, notices) = storage::finish("maebashi-credo", attempt.outcome(&set));
    assert_eq!((history.entries.len(), notices), (1, vec![]));
    assert_eq!(storage::load_history("maebashi-credo").0, history);
    assert_eq!(storage::load_attempt("maebashi-credo"), (None, None), "a finished attempt is no longer in progress");
    assert_eq!(storage::current_set(), None);
}

#[wasm_bindgen_test]
fn unreadable_data_is_moved_to_a_backup_key_not_deleted() {
    local().clear().unwrap();
    local().set_item("credo-quiz.history.maebashi-credo", "{broken").unwrap();
    let (history, notice) = storage::load_history("maebashi-credo");
    assert_eq!((history, notice), (History::default(), Some(StorageNotice::Recovered)));
    let keys: Vec<String> = (0..local().length().unwrap()).filter_map(|i| local().key(i).unwrap()).collect();
    let backup =
        keys.iter().find(|k| k.starts_with("credo-quiz.history.maebashi-credo.backup.")).expect("a backup key");
    assert_eq!(local().get_item(backup).unwrap().as_deref(), Some("{broken"));
    assert_eq!(local().get_item("credo-quiz.history.maebashi-credo").unwrap(), None);
}

/// A full localStorage (Chromium's real quota) refuses the write: the module says so and the
/// page keeps the attempt in memory.
#[wasm_bindgen_test]
fn a_full_storage_falls_back_to_memory_and_says_so() {
    local().clear().unwrap();
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    while local().set_item(&format!("filler{filled}"), &chunk).is_ok() {
        filled += 1;
        assert!(filled < 100, "quota never reached");
    }
    // Fill the remainder in smaller pieces so no write of an attempt can fit.
    let small = "y".repeat(1024);
    let mut extra = 0;
    while local().set_item(&format!("small{extra}"), &small).is_ok() {
        extra += 1;
    }
    let set = parse_set("maebashi-credo.toml", SET).set.unwrap();
    let attempt = Attempt::start(&set, None, 5);
    assert_eq!(storage::save_attempt(&attempt), Err(StorageNotice::WriteFailed));
    assert_eq!(storage::load_attempt("maebashi-credo").0, Some(attempt), "kept in memory for this page");
    local().clear().unwrap();
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    seed: u64,
}

/// Mounts the quiz screen over the shipped 前橋市 set, driven by the engine as the app drives it.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let set = use_memo((), |_| parse_set("maebashi-credo.toml", SET).set.unwrap());
    let attempt = {
        let (set, seed) = (set.clone(), props.seed);
        use_state(move || Attempt::start(&set, None, seed))
    };
    let apply = {
        let (set, attempt) = (set.clone(), attempt.clone());
        move |event: Event| {
            let mut next = (*attempt).clone();
            next.apply(&set, event);
            attempt.set(next);
        }
    };
    let on_answer = {
        let apply = apply.clone();
        Callback::from(move |chosen: String| apply(Event::Answer(chosen)))
    };
    let on_next = Callback::from(move |()| apply(Event::Next));
    html! {
        <QuizView lang={credo_core::i18n::Lang::Ja} set={(*set).clone()} attempt={(*attempt).clone()} embed=false
            {on_answer} {on_next} on_quit={Callback::noop()} />
    }
}

#[wasm_bindgen_test]
async fn answering_shows_feedback_with_the_quote_and_moves_focus_to_it() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { seed: 3 }).render();
    tick().await;

    let set = parse_set("maebashi-credo.toml", SET).set.unwrap();
    let question_id =
        document().query_selector("[data-question]").unwrap().unwrap().get_attribute("data-question").unwrap();
    let question = set.question(&question_id).unwrap();
    // The set draws its `length`.
    let asked = set.length().unwrap_or(set.questions().len());
    assert!(text("#progress-label").ends_with(&format!("1 / {asked}")));
    assert_eq!(
        document().query_selector_all("fieldset input[type=radio]").unwrap().length() as usize,
        question.options.len()
    );
    assert!(document().query_selector("button[type=submit][disabled]").unwrap().is_some(), "nothing chosen yet");

    // Choose the right option by its label and submit.
    let right = question.options.iter().position(|o| *o == question.answer).unwrap();
    click(&format!("#option-{right}"));
    tick().await;
    click("button[type=submit]");
    tick().await;

    assert_eq!(text("#feedback-heading"), "正解です");
    assert_eq!(text(".quote"), question.quote);
    assert_eq!(text("[aria-live=polite]"), "正解です");
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("feedback-heading"));
    click(".feedback button");
    tick().await;
    assert!(text("#progress-label").starts_with("問題 2 /"));
    root.remove();
}

/// Unreadable data that cannot even be copied aside (the store is full) stays where it is:
/// a later save of the same record goes to memory instead of over it.
#[wasm_bindgen_test]
fn unreadable_data_that_cannot_be_set_aside_is_never_overwritten() {
    local().clear().unwrap();
    local().set_item("credo-quiz.history.pinned-set", "{broken").unwrap();
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler{n}"), &chunk).is_ok() {
        n += 1;
    }
    let small = "y".repeat(64);
    while local().set_item(&format!("small{n}"), &small).is_ok() {
        n += 1;
    }
    // Issue 9.4: the notice said "moved aside" though the data was left in place.
    assert_eq!(storage::load_history("pinned-set"), (History::default(), Some(StorageNotice::UnreadableKept)));
    // Make room: a save would now succeed if the module tried localStorage.
    for i in 0..4 {
        local().remove_item(&format!("filler{i}")).unwrap();
    }
    let set = parse_set("maebashi-credo.toml", SET).set.unwrap();
    let mut outcome = Attempt::start(&set, Some(1), 1).outcome(&set);
    outcome.score = 0;
    let (history, _) = storage::finish("pinned-set", outcome);
    assert_eq!(history.entries.len(), 1, "the page still shows the attempt");
    assert_eq!(local().get_item("credo-quiz.history.pinned-set").unwrap().as_deref(), Some("{broken"));
    local().clear().unwrap();
}

/// Fills localStorage until nothing more fits, so the next write of any record fails.
fn fill_storage() {
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler{n}"), &chunk).is_ok() {
        n += 1;
    }
    for size in [4096, 64, 1] {
        let piece = "y".repeat(size);
        while local().set_item(&format!("small{n}"), &piece).is_ok() {
            n += 1;
        }
    }
}

/// The shipped set under an id of the test's own: the storage module's memory of what it wrote
/// lives as long as the page, which all these tests share.
fn set_named(id: &str) -> credo_core::model::QuestionSet {
    parse_set("set.toml", &SET.replacen("id = \"maebashi-credo\"", &format!("id = \"{id}\""), 1)).set.unwrap()
}

fn answer_one(set: &credo_core::model::QuestionSet, attempt: &mut Attempt) {
    let answer = set.question(attempt.current_question_id().unwrap()).unwrap().answer.clone();
    attempt.apply(set, Event::Answer(answer));
}

/// A tester's report: with storage full, every answer after the first said another tab had newer
/// progress, and "continue the other tab's" threw the answer away.
#[wasm_bindgen_test]
fn a_full_storage_is_not_taken_for_another_tab() {
    local().clear().unwrap();
    let set = set_named("full-storage");
    let mut attempt = Attempt::start(&set, None, 6);
    fill_storage();
    assert_eq!(storage::save_attempt(&attempt), Err(StorageNotice::WriteFailed));
    answer_one(&set, &mut attempt);
    assert_eq!(storage::save_attempt(&attempt), Err(StorageNotice::WriteFailed), "this tab's own answer");
    assert_eq!(storage::load_attempt("full-storage").0, Some(attempt), "kept in memory for this page");
    local().clear().unwrap();
}

/// A tester's report: finishing in one tab deleted the attempt another tab had started on the same
/// set since, with no notice; a reload of that tab found nothing to resume.
#[wasm_bindgen_test]
fn a_finish_leaves_another_tabs_newer_attempt_alone() {
    local().clear().unwrap();
    let set = set_named("two-tabs");
    let key = "credo-quiz.attempt.two-tabs";
    // The other tab's attempt, as it would write it.
    let mut theirs = Attempt::start(&set, None, 8);
    answer_one(&set, &mut theirs);
    storage::save_attempt(&theirs).unwrap();
    let their_text = local().get_item(key).unwrap().unwrap();
    local().clear().unwrap();
    // This tab's attempt, answered to the end while the other tab starts its own and saves it.
    let _ = storage::load_attempt("two-tabs");
    let mut ours = Attempt::start(&set, Some(1), 9);
    storage::save_attempt(&ours).unwrap();
    local().set_item(key, &their_text).unwrap();
    answer_one(&set, &mut ours);
    ours.apply(&set, Event::Next);
    let (history, notices) = storage::finish("two-tabs", ours.outcome(&set));
    assert_eq!((history.entries.len(), notices), (1, vec![]));
    assert_eq!(local().get_item(key).unwrap(), Some(their_text), "the other tab's attempt is still there");
    assert_eq!(storage::current_set().as_deref(), Some("two-tabs"), "and a reload there resumes it");
    assert_eq!(storage::load_attempt("two-tabs").0, Some(theirs));
    local().clear().unwrap();
}

/// Issue 9.3: after a finish that could not be saved (quota full), a reload resumed the
/// finished attempt from its last saved state, with no notice.
#[wasm_bindgen_test]
fn a_finish_that_cannot_be_saved_is_never_undone_and_says_so() {
    local().clear().unwrap();
    let set = parse_set("maebashi-credo.toml", SET).set.unwrap();
    let mut attempt = Attempt::start(&set, Some(1), 4);
    storage::save_attempt(&attempt).unwrap();
    // A history that cannot be read, in a storage too full to move it aside: it is kept, and no
    // history can be written over it, whatever the attempt's removal frees.
    // Larger than anything the attempt's removal frees, so it cannot be copied aside either.
    let broken = format!("{{broken{}", "x".repeat(10_000));
    local().set_item("credo-quiz.history.maebashi-credo", &broken).unwrap();
    fill_storage();
    let answer = set.question(attempt.current_question_id().unwrap()).unwrap().answer.clone();
    attempt.apply(&set, Event::Answer(answer));
    attempt.apply(&set, Event::Next);
    let (history, notices) = storage::finish("maebashi-credo", attempt.outcome(&set));
    assert_eq!(history.entries.len(), 1, "the screen still shows the result");
    assert_eq!(notices, [StorageNotice::UnreadableKept, StorageNotice::FinishNotKept]);
    // A reload does not resume it.
    assert_eq!(local().get_item("credo-quiz.attempt.maebashi-credo").unwrap(), None);
    assert_eq!(storage::current_set(), None);
    assert_eq!(local().get_item("credo-quiz.history.maebashi-credo").unwrap(), Some(broken));
    local().clear().unwrap();
}
