//! The trainer page's state: a sequence of actions in; the draft (format, checked or not, its problems), the try-out and the group view out.

use std::rc::Rc;

use credo_authoring::draft::{Format, SourceError};
use credo_authoring::form::{Field, FormEdit};
use credo_authoring::kept_draft::KeptDraft;
use credo_authoring::trainer_state::{Action, DraftListing, Tab, TrainerState, View};
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
    if s.view == View::Form {
        out += &format!(" form q{}", s.question);
    }
    if !s.slot.is_empty() {
        out += &format!(" slot {}", s.slot);
    }
    if !s.drafts.is_empty() {
        let kept: Vec<String> = s.drafts.iter().map(|d| format!("{}={}", d.slot, d.title)).collect();
        out += &format!(" kept [{}]", kept.join(", "));
    }
    if !s.draft_notes.is_empty() {
        out += &format!(" notes {:?}", s.draft_notes);
    }
    if let Some(removed) = s.undoable() {
        out += &format!(" undo {removed:?}");
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
                2:1 TOML syntax error (invalid unquoted key, expected letters, numbers, `-`, `_`). Check quotes, brackets and `=`.
            FileFailed { name: "big.xlsx", reason: "not text" 
              Editor set.csv Toml checked note Failed { name: "big.xlsx", reason: "not text" }
                1:1 TOML syntax error (invalid unquoted key, expected letters, numbers, `-`, `_`). Check quotes, brackets and `=`.
                2:1 TOML syntax error (invalid unquoted key, expected letters, numbers, `-`, `_`). Check quotes, brackets and `=`.
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
            // A tester's report: a source text saved in Shift_JIS, which the browser reads as UTF-8
            // with U+FFFD for what it cannot, made every quote "not found", with no word of why.
            Action::SourceLoaded {
                name: "sources/x.txt".into(),
                text: Ok("\u{fffd}s\u{fffd}\u{fffd}ڐ\u{fffd}".into()),
            },
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
            SourceLoaded { name: "sources/x.txt", text: Ok("�s
              Editor demo.toml Toml checked note Opened { name: "demo.toml", shift_jis: false }
                9:9 The source file `sources/x.txt` is not UTF-8 (it looks saved as Shift_JIS). Quotes are compared with it character for character: save it again as UTF-8 (Notepad: Save As, Encoding UTF-8).
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

/// Issue 14: a set made from nothing in the form; the question shown follows what was added.
#[test]
fn a_new_set_filled_in_by_the_form_becomes_valid() {
    let set = |field, value: &str| Action::FormEdit(FormEdit::Set(field, value.into()));
    check(
        vec![
            Action::NewSet { slot: "s1".into() },
            set(Field::Set("id"), "new-set"),
            set(Field::Set("title"), "新しいセット"),
            set(Field::Source("office"), "前橋市"),
            set(Field::Source("title"), "クレド"),
            Action::FormEdit(FormEdit::AddPrinciple),
            set(Field::Principle(0, "label"), "市民目線"),
            set(Field::Principle(0, "summary"), "市民の立場で考える。"),
            Action::FormEdit(FormEdit::AddPrinciple),
            set(Field::Principle(1, "label"), "チーム"),
            set(Field::Principle(1, "summary"), "協力する。"),
            Action::FormEdit(FormEdit::AddQuestion),
            Action::FormEdit(FormEdit::AddQuestion),
            Action::FormEdit(FormEdit::DuplicateQuestion(0)),
            Action::FormEdit(FormEdit::RemoveQuestion(2)),
            Action::FormEdit(FormEdit::RemoveQuestion(1)),
            set(Field::Question(0, "text"), "窓口で言葉を選んだ。"),
            set(Field::Question(0, "explanation"), "相手の立場。"),
            set(Field::Question(0, "quote"), "市民の立場で考える。"),
            Action::Check { edits: 18 },
            Action::SelectQuestion(0),
        ],
        expect![[r#"
            NewSet { slot: "s1" }
              Editor question-set.toml Toml checked form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Set("id"), "new-set"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Set("title"), "新しいセット"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Source("office"), "前橋市"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Source("title"), "クレド"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(AddPrinciple)
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Principle(0, "label"), "市民目線"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Principle(0, "summary"), "市民の立場で考える。"
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(AddPrinciple)
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Principle(1, "label"), "チーム"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Principle(1, "summary"), "協力する。"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(AddQuestion)
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(AddQuestion)
              Editor question-set.toml Toml typing form q1 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(DuplicateQuestion(0))
              Editor question-set.toml Toml typing form q1 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(RemoveQuestion(2))
              Editor question-set.toml Toml typing form q1 slot s1 undo Question(3)
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(RemoveQuestion(1))
              Editor question-set.toml Toml typing form q0 slot s1 undo Question(2)
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Question(0, "text"), "窓口で言葉を選んだ。"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Question(0, "explanation"), "相手の立場。")
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            FormEdit(Set(Question(0, "quote"), "市民の立場で考える。"))
              Editor question-set.toml Toml typing form q0 slot s1
                1:1 No principles. Add at least one [[principles]] table.
                1:1 No questions. Add at least one [[questions]] table.
                1:6 `id` is empty. Write its text.
                2:9 `title` is empty. Write its text.
                6:10 `office` is empty. Write its text.
                7:9 `title` is empty. Write its text.
            Check { edits: 18 }
              Editor question-set.toml Toml checked valid new-set form q0 slot s1
            SelectQuestion(0)
              (unchanged)
        "#]],
    );
}

/// Issue 14: drafts kept in the browser come back when the page opens (the newest, with a
/// note), are listed, opened and deleted; a CSV draft is converted for the form.
#[test]
fn kept_drafts_are_restored_listed_opened_and_deleted() {
    let kept = |slot: &str, title: &str, saved_ms: f64| KeptDraft {
        slot: slot.into(),
        file: format!("{slot}.toml"),
        format: Format::Toml,
        title: title.into(),
        saved_ms,
        text: VALID.replace("title = \"デモ\"", &format!("title = \"{title}\"")),
    };
    let csv = credo_authoring::draft::write(
        Format::Csv,
        credo_core::parse::parse_set("demo.toml", VALID).valid_set().unwrap().data(),
    );
    check(
        vec![
            Action::DraftsFound {
                drafts: vec![kept("old", "古い", 1.0), kept("new", "新しい", 2.0)], notes: vec![]
            },
            Action::DraftKept {
                listing: DraftListing { slot: "new".into(), title: "新しい".into(), saved_ms: 2.0 },
                forked: false,
                shown: true,
            },
            Action::DraftKept {
                listing: DraftListing { slot: "new".into(), title: "新しい題".into(), saved_ms: 3.0 },
                forked: false,
                shown: true,
            },
            // Another tab changed "new" meanwhile: this tab's work goes on under a slot of its own.
            Action::DraftKept {
                listing: DraftListing { slot: "fork".into(), title: "新しい題".into(), saved_ms: 4.0 },
                forked: true,
                shown: true,
            },
            Action::OpenDraft(kept("old", "古い", 1.0)),
            Action::DraftDeleted("fork".into()),
            // Deleting the draft on screen: it stays on screen, and typing on keeps it anew.
            Action::DraftDeleted("old".into()),
            Action::DismissDraftNote(0),
            Action::DraftNotKept,
            Action::DismissDraftNote(1),
            Action::DraftNotKept,
            opened("rows.csv", &csv),
            // The typing in the draft just left, kept as the file opened: the file does not take
            // its slot, or its first edit would write over that draft.
            Action::DraftKept {
                listing: DraftListing { slot: "old".into(), title: "打ちかけ".into(), saved_ms: 5.0 },
                forked: false,
                shown: false,
            },
            Action::ConvertToToml,
            Action::ShowView(View::Form),
            Action::FormEdit(FormEdit::AddQuestion),
        ],
        expect![[r#"
            DraftsFound { drafts: [KeptDraft { slot: "old", fi
              Editor new.toml Toml checked valid demo slot new kept [new=新しい, old=古い] notes [Restored { title: "新しい", saved_ms: 2.0 }]
            DraftKept { listing: DraftListing { slot: "new", t
              (unchanged)
            DraftKept { listing: DraftListing { slot: "new", t
              Editor new.toml Toml checked valid demo slot new kept [new=新しい題, old=古い] notes [Restored { title: "新しい", saved_ms: 2.0 }]
            DraftKept { listing: DraftListing { slot: "fork", 
              Editor new.toml Toml checked valid demo slot fork kept [fork=新しい題, new=新しい題, old=古い] notes [Restored { title: "新しい", saved_ms: 2.0 }, Forked]
            OpenDraft(KeptDraft { slot: "old", file: "old.toml
              Editor old.toml Toml checked valid demo slot old kept [fork=新しい題, new=新しい題, old=古い] notes [Restored { title: "新しい", saved_ms: 2.0 }, Forked]
            DraftDeleted("fork")
              Editor old.toml Toml checked valid demo slot old kept [new=新しい題, old=古い] notes [Restored { title: "新しい", saved_ms: 2.0 }, Forked]
            DraftDeleted("old")
              Editor old.toml Toml checked valid demo kept [new=新しい題] notes [Restored { title: "新しい", saved_ms: 2.0 }, Forked]
            DismissDraftNote(0)
              Editor old.toml Toml checked valid demo kept [new=新しい題] notes [Forked]
            DraftNotKept
              Editor old.toml Toml checked valid demo kept [new=新しい題] notes [Forked, NotKept]
            DismissDraftNote(1)
              Editor old.toml Toml checked valid demo kept [new=新しい題] notes [Forked]
            DraftNotKept
              (unchanged)
            Opened { name: "rows.csv", text: "\u{feff}種別,ID,本文
              Editor rows.csv Csv checked valid demo note Opened { name: "rows.csv", shift_jis: false } kept [new=新しい題] notes [Forked]
            DraftKept { listing: DraftListing { slot: "old", t
              Editor rows.csv Csv checked valid demo note Opened { name: "rows.csv", shift_jis: false } kept [old=打ちかけ, new=新しい題] notes [Forked]
            ConvertToToml
              Editor demo.toml Toml checked valid demo note Opened { name: "rows.csv", shift_jis: false } kept [old=打ちかけ, new=新しい題] notes [Forked]
            ShowView(Form)
              Editor demo.toml Toml checked valid demo note Opened { name: "rows.csv", shift_jis: false } form q0 kept [old=打ちかけ, new=新しい題] notes [Forked]
            FormEdit(AddQuestion)
              Editor demo.toml Toml typing valid demo note Opened { name: "rows.csv", shift_jis: false } form q2 kept [old=打ちかけ, new=新しい題] notes [Forked]
        "#]],
    );
}

/// A tester's report: a CSV saved by old Mac Excel ("CSV (Macintosh)", CR alone ending its lines)
/// was reported as holding a control character U+000D that the editor did not show, since a text
/// area turns every CR into LF. The draft does the same, so the lines are the ones on screen.
#[test]
fn a_csv_whose_lines_end_in_cr_alone_opens_as_its_lines() {
    // An explanation of two lines: a quoted cell with a line break in it.
    let two_lines =
        VALID.replace("explanation = \"相手の立場に立っている。\"", "explanation = \"相手の立場。\\n立っている。\"");
    let csv = credo_authoring::draft::write(
        Format::Csv,
        credo_core::parse::parse_set("demo.toml", &two_lines).valid_set().unwrap().data(),
    )
    .replace("\r\n", "\r")
    .replace('\n', "\r");
    check(
        vec![opened("mac.csv", &csv)],
        expect![[r#"
        Opened { name: "mac.csv", text: "\u{feff}種別,ID,本文,
          Editor mac.csv Csv checked valid demo note Opened { name: "mac.csv", shift_jis: false }
    "#]],
    );
}

/// A tester's report: 「削除」 on a question or a principle took effect at once, and nothing
/// brought it back (Ctrl+Z in neither view), while the draft was kept over. A removal can now be
/// undone while the text is the one it left; any other change to the text ends that.
#[test]
fn a_removal_in_the_form_can_be_undone_until_the_text_changes_again() {
    check(
        vec![
            opened("demo.toml", VALID),
            Action::ShowView(View::Form),
            Action::SelectQuestion(1),
            Action::FormEdit(FormEdit::RemoveQuestion(1)),
            Action::Check { edits: 1 },
            Action::UndoRemoval,
            Action::UndoRemoval,
            Action::FormEdit(FormEdit::RemovePrinciple(0)),
            Action::FormEdit(FormEdit::AddQuestion),
            Action::UndoRemoval,
        ],
        expect![[r##"
            Opened { name: "demo.toml", text: "# A small valid
              Editor demo.toml Toml checked valid demo note Opened { name: "demo.toml", shift_jis: false }
            ShowView(Form)
              Editor demo.toml Toml checked valid demo note Opened { name: "demo.toml", shift_jis: false } form q0
            SelectQuestion(1)
              Editor demo.toml Toml checked valid demo note Opened { name: "demo.toml", shift_jis: false } form q1
            FormEdit(RemoveQuestion(1))
              Editor demo.toml Toml typing valid demo note Opened { name: "demo.toml", shift_jis: false } form q0 undo Question(2)
            Check { edits: 1 }
              Editor demo.toml Toml checked valid demo note Opened { name: "demo.toml", shift_jis: false } form q0 undo Question(2)
            UndoRemoval
              Editor demo.toml Toml typing valid demo note Opened { name: "demo.toml", shift_jis: false } form q1
            UndoRemoval
              (unchanged)
            FormEdit(RemovePrinciple(0))
              Editor demo.toml Toml typing valid demo note Opened { name: "demo.toml", shift_jis: false } form q1 undo Principle(1)
            FormEdit(AddQuestion)
              Editor demo.toml Toml typing valid demo note Opened { name: "demo.toml", shift_jis: false } form q2
            UndoRemoval
              (unchanged)
        "##]],
    );
    // What the undo puts back is the text before the removal, to the character.
    let state = Rc::new(TrainerState::new(Lang::En)).apply(opened("demo.toml", VALID));
    let removed = state.clone().apply(Action::FormEdit(FormEdit::RemoveQuestion(0)));
    assert_ne!(*removed.draft.text, *state.draft.text);
    assert_eq!(*removed.apply(Action::UndoRemoval).draft.text, *state.draft.text);
}
