//! The trainer page's state: a sequence of actions in; the draft (format, checked or not, its problems), the try-out and the group view out.

use std::rc::Rc;

use credo_authoring::draft::{Format, SourceError};
use credo_authoring::trainer_state::{Action, Tab, TrainerState};
use credo_core::app_state::Apply;
use credo_core::diagnostic::Message;
use credo_core::i18n::Lang;
use expect_test::{expect, Expect};

use crate::VALID;

/// Applies the actions to a fresh page and shows, after each, what the page would show;
/// "(unchanged)" when `apply` returned the same state, so Yew skips the render.
fn check(actions: Vec<Action>, expected: Expect) {
    let mut state = Rc::new(TrainerState::new(Lang::En));
    let mut out = String::new();
    for action in actions {
        let label: String = format!("{action:?}").chars().take(50).collect();
        let next = state.clone().apply(action);
        if Rc::ptr_eq(&next, &state) {
            out += &format!("{label}\n  (unchanged)\n");
            continue;
        }
        state = next;
        out += &format!("{label}\n{}", describe(&state));
    }
    expected.assert_eq(&out);
}

fn describe(s: &TrainerState) -> String {
    let d = &s.draft;
    let mut out =
        format!("  {:?} {} {:?} {}", s.tab, d.file, d.format, if d.is_checked() { "checked" } else { "typing" });
    if let Some(set) = d.parsed.valid_set() {
        out += &format!(" valid {}", set.id());
    }
    if let Some(report) = &d.cues {
        out += &format!(" cues {}/{}", report.guessed, report.scenarios);
    }
    if let Some(seed) = s.trying {
        out += &format!(" trying {seed}");
    }
    if let Some(note) = &s.file_note {
        out += &format!(" note {note:?}");
    }
    if !s.result_files.is_empty() {
        out += &format!(" results {} counted {}", s.result_files.len(), s.merged.attempts.len());
    }
    out += "\n";
    for p in &d.parsed.diagnostics {
        out += &format!("    {}:{} {}\n", p.line, p.column, p.problem.message(Lang::En));
    }
    out
}

fn opened(name: &str, text: &str) -> Action {
    Action::Opened { name: name.into(), text: text.into(), shift_jis: false }
}

#[test]
fn typing_is_checked_only_once_it_pauses_and_only_a_valid_draft_is_tried() {
    let broken = VALID.replacen("answer = \"shimin\"", "answer = \"nobody\"", 1);
    check(
        vec![
            opened("demo.toml", VALID),
            Action::ReportCues { edits: 0 },
            Action::ReportCues { edits: 0 },
            Action::TryIt { seed: 7 },
            Action::StopTrying,
            Action::Edited(broken.clone()),
            Action::Edited(broken.clone()),
            Action::TryIt { seed: 8 },
            Action::Check { edits: 0 },
            Action::Check { edits: 1 },
            Action::TryIt { seed: 9 },
            Action::ShowTab(Tab::Results),
        ],
        expect![[r##"
            Opened { name: "demo.toml", text: "# A small valid
              Editor demo.toml Toml checked valid demo note Opened { name: "demo.toml", shift_jis: false }
            ReportCues { edits: 0 }
              Editor demo.toml Toml checked valid demo cues 0/1 note Opened { name: "demo.toml", shift_jis: false }
            ReportCues { edits: 0 }
              (unchanged)
            TryIt { seed: 7 }
              Editor demo.toml Toml checked valid demo cues 0/1 trying 7 note Opened { name: "demo.toml", shift_jis: false }
            StopTrying
              Editor demo.toml Toml checked valid demo cues 0/1 note Opened { name: "demo.toml", shift_jis: false }
            Edited("# A small valid set the tests edit: each c
              Editor demo.toml Toml typing valid demo cues 0/1 note Opened { name: "demo.toml", shift_jis: false }
            Edited("# A small valid set the tests edit: each c
              (unchanged)
            TryIt { seed: 8 }
              (unchanged)
            Check { edits: 0 }
              (unchanged)
            Check { edits: 1 }
              Editor demo.toml Toml checked note Opened { name: "demo.toml", shift_jis: false }
                25:10 Principle `nobody` is not defined in [[principles]]. Use a defined id.
            TryIt { seed: 9 }
              (unchanged)
            ShowTab(Results)
              Results demo.toml Toml checked note Opened { name: "demo.toml", shift_jis: false }
                25:10 Principle `nobody` is not defined in [[principles]]. Use a defined id.
        "##]],
    );
}

#[test]
fn a_file_is_read_in_the_format_its_name_and_content_say_and_the_format_can_be_switched() {
    let csv = "種別,ID,本文\n設定,id,demo\n";
    check(
        vec![
            opened("set.csv", csv),
            Action::SetFormat(Format::Csv),
            Action::SetFormat(Format::Toml),
            Action::FileFailed { name: "big.xlsx".into(), reason: "not text".into() },
        ],
        expect![[r#"
            Opened { name: "set.csv", text: "種別,ID,本文\n設定,id,d
              Editor set.csv Csv checked note Opened { name: "set.csv", shift_jis: false }
                1:1 The header row (row 1) has no column "正解". Add it to the header row.
                1:1 The header row (row 1) has no column "難易度". Add it to the header row.
                1:1 The header row (row 1) has no column "解説". Add it to the header row.
                1:1 The header row (row 1) has no column "引用". Add it to the header row.
            SetFormat(Csv)
              (unchanged)
            SetFormat(Toml)
              Editor set.csv Toml checked note Opened { name: "set.csv", shift_jis: false }
                1:1 TOML syntax error (invalid unquoted key, expected letters, numbers, `-`, `_`). Check quotes, brackets and `=`.
                1:3 There is no = after the field name. Write it like id = "…".
                2:3 There is no = after the field name. Write it like id = "…".
            FileFailed { name: "big.xlsx", reason: "not text" 
              Editor set.csv Toml checked note Failed { name: "big.xlsx", reason: "not text" }
                1:1 TOML syntax error (invalid unquoted key, expected letters, numbers, `-`, `_`). Check quotes, brackets and `=`.
                1:3 There is no = after the field name. Write it like id = "…".
                2:3 There is no = after the field name. Write it like id = "…".
        "#]],
    );
}

#[test]
fn quotes_are_checked_once_the_source_text_arrives() {
    let with_source =
        VALID.replacen("title = \"前橋市職員クレド\"", "title = \"前橋市職員クレド\"\nfile = \"sources/x.txt\"", 1);
    check(
        vec![
            opened("demo.toml", &with_source),
            Action::SourceLoaded {
                name: "sources/x.txt".into(), text: Ok("市民目線を問い続けましょう。".into())
            },
            Action::SourceLoaded { name: "sources/x.txt".into(), text: Err(SourceError::Missing) },
        ],
        expect![[r##"
            Opened { name: "demo.toml", text: "# A small valid
              Editor demo.toml Toml checked valid demo note Opened { name: "demo.toml", shift_jis: false }
            SourceLoaded { name: "sources/x.txt", text: Ok("市民
              Editor demo.toml Toml checked note Opened { name: "demo.toml", shift_jis: false }
                35:13 This question's quote is not found verbatim in sources/x.txt. Copy and paste it from the source.
            SourceLoaded { name: "sources/x.txt", text: Err(Mi
              Editor demo.toml Toml checked note Opened { name: "demo.toml", shift_jis: false }
                9:9 The source file `sources/x.txt` is not there. Put it where the set says, relative to the set's file (when checking a working copy, copy the sources/ folder beside it too).
        "##]],
    );
}

#[test]
fn result_files_merge_as_they_are_added_and_clear_together() {
    let result = r#"{"format":"credo-quiz-result","version":1,"set_id":"demo","set_title":"デモ","name":"山田","finished_at":"2025-11-21T13:40:05+09:00","score":1,"max":2,"passed":false,"answers":[{"question_id":"q1","principle":"shimin","chosen":"team","correct":false},{"question_id":"q2","principle":null,"chosen":"令和6年12月","correct":true}]}"#;
    check(
        vec![
            Action::ResultsAdded(vec![("a.json".into(), result.into()), ("b.txt".into(), "not json".into())]),
            Action::ResultsCleared,
        ],
        expect![[r#"
            ResultsAdded([("a.json", "{\"format\":\"credo-quiz
              Editor question-set.toml Toml checked valid my-credo results 2 counted 1
            ResultsCleared
              Editor question-set.toml Toml checked valid my-credo
        "#]],
    );
}
