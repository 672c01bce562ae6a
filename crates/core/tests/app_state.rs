//! The quiz app's state: a start (URL parameters, stored attempt) and a sequence of actions in; the screen, the attempt, notices, host events and what the effects must do out.

use std::rc::Rc;

use credo_core::app_state::{Action, AppState, Apply, Manifest, Notice, Pending, Screen, SetEntry};
use credo_core::engine::{Attempt, Event};
use credo_core::history::{History, StorageNotice};
use credo_core::i18n::Lang;
use credo_core::manifest::SetSummary;
use credo_core::parse::{parse_set, unreadable};
use expect_test::{expect, Expect};

use crate::VALID;

const FILE: &str = "demo.toml";

/// The demo set as the app loads it from the server.
fn loaded(file: &str, text: &str) -> Action {
    Action::SetLoaded {
        file: file.into(),
        parsed: Rc::new(parse_set(file, text)),
        history: History::default(),
        has_attempt: false,
    }
}

fn manifest(files: &[&str]) -> Action {
    let sets = files.iter().map(|f| SetEntry::listed(f.to_string(), None, History::default(), false)).collect();
    Action::ManifestLoaded { sets, problems: vec![] }
}

/// Which option of the current question: the right one, or another.
fn answer(state: &AppState, right: bool) -> Action {
    let set = state.current_set().expect("a set in play");
    let question = set.question(state.attempt.as_ref().unwrap().current_question_id().unwrap()).unwrap();
    let chosen = question.options.iter().find(|o| (**o == question.answer) == right).unwrap().clone();
    Action::Answer(chosen)
}

/// A step: an action, or one computed from the state reached (answers depend on the shuffle).
enum Step {
    Do(Action),
    Right,
    Wrong,
}

use Step::{Do, Right, Wrong};

/// Applies the steps to `start`, and shows after each one what changed that a user or an
/// effect would see; "(unchanged)" when `apply` returned the very same state, so Yew skips the render.
fn check(start: AppState, steps: Vec<Step>, expected: Expect) {
    let mut state = Rc::new(start);
    let mut out = String::new();
    for step in steps {
        let action = match step {
            Do(action) => action,
            Right => answer(&state, true),
            Wrong => answer(&state, false),
        };
        let label = match &action {
            Action::ManifestLoaded { sets, .. } => {
                let lines: Vec<String> = sets
                    .iter()
                    .map(|e| e.summary.as_ref().map_or(e.file.clone(), |s| format!("{} | id={}", e.file, s.id)))
                    .collect();
                format!("ManifestLoaded {lines:?}")
            }
            _ => format!("{action:?}").chars().take(60).collect::<String>(),
        };
        let next = state.clone().apply(action);
        if Rc::ptr_eq(&next, &state) {
            out += &format!("{label}\n  (unchanged)\n");
            continue;
        }
        out += &format!("{label}\n  {}\n", describe(&next));
        state = next;
    }
    expected.assert_eq(&out);
}

fn describe(s: &AppState) -> String {
    let screen = match &s.screen {
        Screen::Sets => "sets".to_string(),
        Screen::Quiz => {
            let a = s.attempt.as_ref().unwrap();
            format!("quiz {} {}/{} {:?}", a.set_id, a.position(), a.order.len(), a.phase)
        }
        Screen::Result { set_id, outcome, recorded } => format!(
            "result {set_id} {}/{} {} pass {}{}",
            outcome.score,
            outcome.max,
            if outcome.passed { "passed" } else { "failed" },
            s.find_set(set_id).map_or(0, |set| set.pass_mark()),
            if *recorded { " recorded" } else { "" }
        ),
        Screen::History { set_id } => format!("history {set_id}"),
        Screen::Study { set_id } => format!("study {set_id}"),
        Screen::Certificate { set_id, outcome, .. } => {
            format!("certificate {set_id} {}/{}", outcome.score, outcome.max)
        }
    };
    let manifest = match &s.manifest {
        Manifest::Loading => "loading",
        Manifest::Failed(_) => "failed",
        Manifest::Loaded(_) => "loaded",
    };
    let mut parts = vec![screen, format!("manifest {manifest}")];
    if let Some(p) = &s.pending {
        parts.push(format!("pending {}", p.set_id()));
    }
    if !s.notices.is_empty() {
        parts.push(format!("notices {:?}", s.notices));
    }
    if !s.stale_attempts.is_empty() {
        parts.push(format!("set aside {:?}", s.stale_attempts));
    }
    let events: Vec<String> = s.events.iter().map(|e| e.name().to_string()).collect();
    if !events.is_empty() {
        parts.push(format!("events [{}]", events.join(" ")));
    }
    if s.wants_all_sets() {
        parts.push(format!("fetch for the list {:?}", s.files_for_list()));
    }
    if let Some(file) = s.pending_file().filter(|f| s.sets.iter().any(|e| e.file == *f && e.parsed.is_none())) {
        parts.push(format!("fetch {file}"));
    }
    parts.join("; ")
}

fn start(pending: Option<Pending>) -> AppState {
    AppState::new(Lang::Ja, pending, vec![])
}

#[test]
fn a_deep_link_starts_its_set_once_loaded_and_the_host_hears_each_step() {
    let pending = Pending::Start { set_id: "demo".into(), count: None, seed: 1 };
    check(
        start(Some(pending)),
        vec![
            Do(manifest(&[FILE, "other.toml"])),
            Do(loaded(FILE, VALID)),
            Right,
            Do(Action::Next),
            Wrong,
            Do(Action::Next),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml", "other.toml"]
              sets; manifest loaded; pending demo; fetch demo.toml
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              quiz demo 1/2 Asking; manifest loaded; events [started]
            Answer("shimin")
              quiz demo 1/2 Feedback; manifest loaded; events [started answered]
            Next
              quiz demo 2/2 Asking; manifest loaded; events [started answered]
            Answer("令和7年2月")
              quiz demo 2/2 Feedback; manifest loaded; events [started answered answered]
            Next
              result demo 1/2 failed pass 60; manifest loaded; events [started answered answered completed]
        "#]],
    );
}

#[test]
fn a_stale_stored_attempt_is_set_aside_with_a_notice_not_resumed() {
    let set = parse_set(FILE, VALID).set.unwrap();
    let mut attempt = Attempt::start(&set, None, 1);
    attempt.order = vec!["q1".into(), "gone".into()];
    check(
        start(Some(Pending::Resume { set_id: "demo".into(), attempt })),
        vec![Do(manifest(&[FILE])), Do(loaded(FILE, VALID))],
        expect![[r#"
            ManifestLoaded ["demo.toml"]
              sets; manifest loaded; pending demo; fetch demo.toml
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; notices [AttemptStale]; set aside ["demo"]; fetch for the list []
        "#]],
    );
}

#[test]
fn pass_overrides_the_sets_own_pass_mark() {
    let mut state = start(None);
    state.pass_mark = Some(100);
    check(
        state,
        vec![
            Do(manifest(&[FILE])),
            Do(loaded(FILE, VALID)),
            Do(Action::Start { set_id: "demo".into(), seed: 2 }),
            Right,
            Do(Action::Next),
            Wrong,
            Do(Action::Next),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml"]
              sets; manifest loaded; fetch for the list ["demo.toml"]
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; fetch for the list []
            Start { set_id: "demo", seed: 2 }
              quiz demo 1/2 Asking; manifest loaded; events [started]
            Answer("令和6年12月")
              quiz demo 1/2 Feedback; manifest loaded; events [started answered]
            Next
              quiz demo 2/2 Asking; manifest loaded; events [started answered]
            Answer("team")
              quiz demo 2/2 Feedback; manifest loaded; events [started answered answered]
            Next
              result demo 1/2 failed pass 100; manifest loaded; events [started answered answered completed]
        "#]],
    );
}

#[test]
fn count_holds_for_a_retry_too() {
    let mut state = start(None);
    state.count = Some(1);
    check(
        state,
        vec![
            Do(manifest(&[FILE])),
            Do(loaded(FILE, VALID)),
            Do(Action::Start { set_id: "demo".into(), seed: 3 }),
            Right,
            Do(Action::Next),
            Do(Action::Start { set_id: "demo".into(), seed: 4 }),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml"]
              sets; manifest loaded; fetch for the list ["demo.toml"]
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; fetch for the list []
            Start { set_id: "demo", seed: 3 }
              quiz demo 1/1 Asking; manifest loaded; events [started]
            Answer("shimin")
              quiz demo 1/1 Feedback; manifest loaded; events [started answered]
            Next
              result demo 1/1 passed pass 60; manifest loaded; events [started answered completed]
            Start { set_id: "demo", seed: 4 }
              quiz demo 1/1 Asking; manifest loaded; events [started answered completed started]
        "#]],
    );
}

#[test]
fn a_linked_set_that_never_appears_is_named_once_everything_has_loaded() {
    let pending = Pending::Start { set_id: "nowhere".into(), count: None, seed: 1 };
    check(
        start(Some(pending)),
        vec![
            Do(manifest(&[FILE, "broken.toml"])),
            Do(loaded(FILE, VALID)),
            Do(Action::SetLoaded {
                file: "broken.toml".into(),
                parsed: Rc::new(unreadable("broken.toml", "HTTP 404".into())),
                history: History::default(),
                has_attempt: false,
            }),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml", "broken.toml"]
              sets; manifest loaded; pending nowhere; fetch for the list ["demo.toml", "broken.toml"]
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; pending nowhere; fetch for the list ["broken.toml"]
            SetLoaded { file: "broken.toml", parsed: Parsed { file: "bro
              sets; manifest loaded; notices [UnknownSet("nowhere")]; fetch for the list []
        "#]],
    );
}

#[test]
fn the_employees_choice_wins_over_a_set_still_loading_for_a_link() {
    let pending = Pending::Start { set_id: "other".into(), count: None, seed: 1 };
    check(
        start(Some(pending)),
        vec![
            Do(manifest(&[FILE, "other.toml"])),
            Do(loaded(FILE, VALID)),
            Do(Action::Start { set_id: "demo".into(), seed: 5 }),
            Do(loaded("other.toml", &VALID.replacen("id = \"demo\"", "id = \"other\"", 1))),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml", "other.toml"]
              sets; manifest loaded; pending other; fetch other.toml
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; pending other; fetch other.toml
            Start { set_id: "demo", seed: 5 }
              quiz demo 1/2 Asking; manifest loaded; events [started]
            SetLoaded { file: "other.toml", parsed: Parsed { file: "othe
              quiz demo 1/2 Asking; manifest loaded; events [started]
        "#]],
    );
}

#[test]
fn a_finish_is_recorded_once_and_storage_trouble_is_said_once() {
    check(
        start(None),
        vec![
            Do(manifest(&[FILE])),
            Do(loaded(FILE, VALID)),
            Do(Action::Start { set_id: "demo".into(), seed: 6 }),
            Right,
            Do(Action::Next),
            Right,
            Do(Action::Next),
            Do(Action::Notify(Notice::Storage(StorageNotice::WriteFailed))),
            Do(Action::Notify(Notice::Storage(StorageNotice::WriteFailed))),
            Do(Action::Recorded { set_id: "demo".into(), history: History::default() }),
            Do(Action::Dismiss(0)),
            Do(Action::ShowSets),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml"]
              sets; manifest loaded; fetch for the list ["demo.toml"]
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; fetch for the list []
            Start { set_id: "demo", seed: 6 }
              quiz demo 1/2 Asking; manifest loaded; events [started]
            Answer("令和6年12月")
              quiz demo 1/2 Feedback; manifest loaded; events [started answered]
            Next
              quiz demo 2/2 Asking; manifest loaded; events [started answered]
            Answer("shimin")
              quiz demo 2/2 Feedback; manifest loaded; events [started answered answered]
            Next
              result demo 2/2 passed pass 60; manifest loaded; events [started answered answered completed]
            Notify(Storage(WriteFailed))
              result demo 2/2 passed pass 60; manifest loaded; notices [Storage(WriteFailed)]; events [started answered answered completed]
            Notify(Storage(WriteFailed))
              (unchanged)
            Recorded { set_id: "demo", history: History { entries: [], r
              result demo 2/2 passed pass 60 recorded; manifest loaded; notices [Storage(WriteFailed)]; events [started answered answered completed]
            Dismiss(0)
              result demo 2/2 passed pass 60 recorded; manifest loaded; events [started answered answered completed]
            ShowSets
              sets; manifest loaded; events [started answered answered completed]; fetch for the list []
        "#]],
    );
}

#[test]
fn events_that_do_not_fit_the_moment_change_nothing() {
    check(
        start(None),
        vec![
            Do(Action::Next),
            Do(Action::Answer("shimin".into())),
            Do(Action::Start { set_id: "demo".into(), seed: 1 }),
            Do(Action::Dismiss(3)),
        ],
        expect![[r#"
            Next
              (unchanged)
            Answer("shimin")
              (unchanged)
            Start { set_id: "demo", seed: 1 }
              (unchanged)
            Dismiss(3)
              (unchanged)
        "#]],
    );
    // The engine agrees: Next while asking is refused.
    let set = parse_set(FILE, VALID).set.unwrap();
    let mut attempt = Attempt::start(&set, None, 1);
    assert!(!attempt.apply(&set, Event::Next));
}

/// Issue 9.1: two set files with the same id were both listed as normal sets, and starting one
/// overwrote the other's saved progress.
#[test]
fn a_second_file_with_the_same_set_id_is_a_located_problem_and_does_not_start() {
    let twin = VALID.replacen("title = \"デモ\"", "title = \"デモの写し\"", 1);
    for order in [["a.toml", "b.toml"], ["b.toml", "a.toml"]] {
        let mut state = Rc::new(start(None)).apply(manifest(&["a.toml", "b.toml"]));
        for file in order {
            let text = if file == "a.toml" { VALID.to_string() } else { twin.clone() };
            state = state.apply(loaded(file, &text));
        }
        let broken: Vec<String> = state
            .sets
            .iter()
            .flat_map(|e| e.parsed.iter().flat_map(|p| p.diagnostics.iter().map(|d| d.render(Lang::En))))
            .collect();
        assert_eq!(
            broken,
            ["b.toml:2:6: The set id `demo` is also used by a.toml. Change one of them."],
            "loaded in the order {order:?}"
        );
        let state = state.apply(Action::Start { set_id: "demo".into(), seed: 1 });
        assert_eq!(state.current_set().map(|s| s.title()), Some("デモ"), "the first file's set starts");
    }
}

/// A tester's report: a second file with the id of a set the list showed by its manifest summary
/// (not fetched, or fetched and broken) was not flagged: both cards started and shared one
/// attempt and history, and a deep link started the second when the first would not load.
#[test]
fn a_second_file_with_the_id_of_a_summarized_set_is_flagged_too() {
    let twin = VALID.replacen("title = \"デモ\"", "title = \"デモの写し\"", 1);
    for first_broken in [false, true] {
        let mut state = Rc::new(start(None)).apply(manifest_of(vec![
            summarized("a.toml", "demo"),
            SetEntry::listed("b.toml".into(), None, History::default(), false),
        ]));
        if first_broken {
            state = state.apply(loaded("a.toml", "id = "));
        }
        state = state.apply(loaded("b.toml", &twin));
        let b = state.sets.iter().find(|e| e.file == "b.toml").unwrap();
        let problems: Vec<String> =
            b.parsed.iter().flat_map(|p| p.diagnostics.iter().map(|d| d.render(Lang::En))).collect();
        assert_eq!(
            problems,
            ["b.toml:2:6: The set id `demo` is also used by a.toml. Change one of them."],
            "the first file broken: {first_broken}"
        );
    }
}

/// Issue 11: the missed questions again, the whole set on request, and the study screen.
#[test]
fn retry_the_missed_questions_the_whole_set_or_study() {
    let short = VALID.replacen("pass_mark = 60", "pass_mark = 60\nlength = 1", 1);
    check(
        start(None),
        vec![
            Do(manifest(&[FILE])),
            Do(loaded(FILE, &short)),
            Do(Action::ShowStudy("demo".into())),
            Do(Action::ShowStudy("nowhere".into())),
            Do(Action::Start { set_id: "demo".into(), seed: 6 }),
            Wrong,
            Do(Action::Next),
            Do(Action::RetryMissed { seed: 1 }),
            Right,
            Do(Action::Next),
            Do(Action::RetryMissed { seed: 1 }),
            Do(Action::StartAll { set_id: "demo".into(), seed: 2 }),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml"]
              sets; manifest loaded; fetch for the list ["demo.toml"]
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; fetch for the list []
            ShowStudy("demo")
              study demo; manifest loaded
            ShowStudy("nowhere")
              (unchanged)
            Start { set_id: "demo", seed: 6 }
              quiz demo 1/1 Asking; manifest loaded; events [started]
            Answer("team")
              quiz demo 1/1 Feedback; manifest loaded; events [started answered]
            Next
              result demo 0/1 failed pass 60; manifest loaded; events [started answered completed]
            RetryMissed { seed: 1 }
              quiz demo 1/1 Asking; manifest loaded; events [started answered completed started]
            Answer("shimin")
              quiz demo 1/1 Feedback; manifest loaded; events [started answered completed started answered]
            Next
              result demo 1/1 passed pass 60; manifest loaded; events [started answered completed started answered completed]
            RetryMissed { seed: 1 }
              (unchanged)
            StartAll { set_id: "demo", seed: 2 }
              quiz demo 1/2 Asking; manifest loaded; events [started answered completed started answered completed started]
        "#]],
    );
}

/// The manifest's line for `file` with a summary of the set `id`.
fn summarized(file: &str, id: &str) -> SetEntry {
    let set = parse_set(FILE, VALID).set.unwrap();
    let summary = SetSummary { id: id.into(), ..SetSummary::of(&set) };
    SetEntry::listed(file.into(), Some(summary), History::default(), false)
}

fn manifest_of(sets: Vec<SetEntry>) -> Action {
    Action::ManifestLoaded { sets, problems: vec![] }
}

/// Issue 12.1: sets the manifest summarizes are listed without fetching them; the one the
/// employee opens is fetched then, and what was chosen happens once it is in. A line without a
/// summary is fetched for the list as before.
#[test]
fn a_summarized_set_is_fetched_only_when_the_employee_opens_it() {
    check(
        start(None),
        vec![
            Do(manifest_of(vec![
                summarized(FILE, "demo"),
                summarized("other.toml", "other"),
                summarized("p.toml", "p"),
            ])),
            Do(Action::StartAll { set_id: "demo".into(), seed: 1 }),
            Do(loaded(FILE, VALID)),
            Do(Action::ShowSets),
            Do(Action::ShowStudy("other".into())),
            Do(loaded("other.toml", &VALID.replacen("id = \"demo\"", "id = \"other\"", 1))),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml | id=demo", "other.toml | id=other", "p.toml | id=p"]
              sets; manifest loaded; fetch for the list []
            StartAll { set_id: "demo", seed: 1 }
              sets; manifest loaded; pending demo; fetch demo.toml
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              quiz demo 1/2 Asking; manifest loaded; events [started]
            ShowSets
              sets; manifest loaded; events [started]; fetch for the list []
            ShowStudy("other")
              sets; manifest loaded; pending other; events [started]; fetch other.toml
            SetLoaded { file: "other.toml", parsed: Parsed { file: "othe
              study other; manifest loaded; events [started]
        "#]],
    );
}

/// A summary is only a promise: a file that turns out broken (or to hold another id) drops what
/// was chosen with a notice that the set could not be opened (a click never ends in nothing; a
/// tester found "no such set" misleading for a set the list shows), and the card shows the file's problems; a deep link to an id no line promises is
/// unknown once the lines without a summary are in, without fetching the summarized sets.
#[test]
fn a_summary_the_file_does_not_keep_drops_the_choice_and_an_unknown_link_fetches_no_summarized_set() {
    check(
        start(None),
        vec![
            Do(manifest_of(vec![summarized(FILE, "demo")])),
            Do(Action::Start { set_id: "demo".into(), seed: 1 }),
            Do(loaded(FILE, "id = \"demo\"\n")),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml | id=demo"]
              sets; manifest loaded; fetch for the list []
            Start { set_id: "demo", seed: 1 }
              sets; manifest loaded; pending demo; fetch demo.toml
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              sets; manifest loaded; notices [SetUnusable("demo")]; fetch for the list []
        "#]],
    );
    let pending = Pending::Start { set_id: "nowhere".into(), count: None, seed: 1 };
    check(
        start(Some(pending)),
        vec![
            Do(manifest_of(vec![
                summarized(FILE, "demo"),
                SetEntry::listed("plain.toml".into(), None, History::default(), false),
            ])),
            Do(loaded("plain.toml", VALID)),
        ],
        expect![[r#"
            ManifestLoaded ["demo.toml | id=demo", "plain.toml"]
              sets; manifest loaded; pending nowhere; fetch for the list ["plain.toml"]
            SetLoaded { file: "plain.toml", parsed: Parsed { file: "plai
              sets; manifest loaded; notices [UnknownSet("nowhere")]; fetch for the list []
        "#]],
    );
}

/// Review of issue 13: a reload before the first answer resumed the attempt and told the host
/// page (and the LRS) `started` a second time, as a new attempt.
#[test]
fn resuming_an_attempt_with_no_answers_is_not_a_new_start() {
    let parsed = parse_set(FILE, VALID);
    let set = parsed.valid_set().unwrap().clone();
    let attempt = Attempt::start(&set, None, 3);
    let pending = Pending::Resume { set_id: "demo".into(), attempt };
    check(
        start(Some(pending)),
        vec![Do(manifest(&[FILE])), Do(loaded(FILE, VALID))],
        expect![[r#"
            ManifestLoaded ["demo.toml"]
              sets; manifest loaded; pending demo; fetch demo.toml
            SetLoaded { file: "demo.toml", parsed: Parsed { file: "demo.
              quiz demo 1/2 Asking; manifest loaded
        "#]],
    );
}
