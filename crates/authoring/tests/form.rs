//! The form view of a draft: edits in, the text they leave out (snapshots); random edits keep the form and the text in agreement; problems land on their fields.

use credo_authoring::form::{
    apply, fields_at, Field, FormEdit, FormUnavailable, SetForm, EMPTY_SET, PRINCIPLE_KEYS, QUESTION_KEYS, SET_KEYS,
    SOURCE_KEYS,
};
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

use crate::VALID;

/// A small set with the comments and layout a trainer's file has.
const COMMENTED: &str = r#"# 研修用のセット
id = "demo"
title = "デモ"   # 画面に出る名前
pass_mark = 60

[source]
office = "前橋市"
title = "前橋市職員クレド"

[[principles]]
id = "shimin"
label = "市民目線を追求します"
summary = "市民の立場で考える。"

[[principles]]
id = "team"
label = "チームで知恵と力を出し合います"
summary = "所管を越えて協力する。"

# 1 問目: 窓口
[[questions]]
id = "q1"
kind = "scenario"
difficulty = "初級"
text = "窓口で、制度の説明を相手の言葉に置き換えた。"
answer = "shimin"
explanation = "相手の立場に立っている。"
quote = "市民目線を問い続けましょう。"

[questions.notes]
team = "協力の場面ではない。"

# 2 問目: 知識
[[questions]]
id = "q2"
kind = "choice"
difficulty = "中級"
text = "策定はいつですか。"
options = ["令和6年12月", "令和7年2月"]
answer = "令和6年12月"
explanation = "令和6年12月に策定された。"
quote = "令和6年12月"
"#;

/// The text after the edits, as a unified view of the lines that changed.
fn check(edits: &[FormEdit], expected: Expect) {
    let mut text = COMMENTED.to_string();
    for edit in edits {
        text = apply(&text, edit).expect("the text stays TOML");
    }
    let before: Vec<&str> = COMMENTED.lines().collect();
    let after: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for line in &before {
        if !after.contains(line) {
            out += &format!("- {line}\n");
        }
    }
    for line in &after {
        if !before.contains(line) {
            out += &format!("+ {line}\n");
        }
    }
    let order: Vec<&str> = after.iter().copied().filter(|l| l.starts_with('[') || l.starts_with("id =")).collect();
    out += &format!("order: {}\n", order.join(" / "));
    expected.assert_eq(&out);
}

#[test]
fn a_field_edit_changes_its_line_only_and_keeps_its_comment() {
    check(
        &[
            FormEdit::Set(Field::Set("title"), "新しい題".into()),
            FormEdit::Set(Field::Question(1, "text"), "いつ?".into()),
        ],
        expect![[r#"
            - title = "デモ"   # 画面に出る名前
            - text = "策定はいつですか。"
            + title = "新しい題"   # 画面に出る名前
            + text = "いつ?"
            order: id = "demo" / [source] / [[principles]] / id = "shimin" / [[principles]] / id = "team" / [[questions]] / id = "q1" / [questions.notes] / [[questions]] / id = "q2"
        "#]],
    );
}

#[test]
fn numbers_stay_numbers_and_emptied_optional_fields_leave() {
    check(
        &[
            FormEdit::Set(Field::Set("pass_mark"), "080".into()),
            FormEdit::Set(Field::Set("length"), "10".into()),
            FormEdit::Set(Field::Set("length"), "".into()),
            FormEdit::Set(Field::Source("date"), "2024-12".into()),
        ],
        expect![[r#"
            - pass_mark = 60
            + pass_mark = 80
            + date = "2024-12"
            order: id = "demo" / [source] / [[principles]] / id = "shimin" / [[principles]] / id = "team" / [[questions]] / id = "q1" / [questions.notes] / [[questions]] / id = "q2"
        "#]],
    );
}

#[test]
fn questions_are_added_duplicated_moved_and_removed_with_their_notes_and_comments() {
    check(
        &[
            FormEdit::DuplicateQuestion(0),
            FormEdit::MoveQuestion(2, 0),
            FormEdit::AddQuestion,
            FormEdit::RemoveQuestion(1),
        ],
        expect![[r#"
            - id = "q1"
            + id = "q3"
            + id = "q4"
            + text = ""
            + explanation = ""
            + quote = ""
            order: id = "demo" / [source] / [[principles]] / id = "shimin" / [[principles]] / id = "team" / [[questions]] / id = "q2" / [[questions]] / id = "q3" / [questions.notes] / [[questions]] / id = "q4"
        "#]],
    );
}

#[test]
fn notes_options_and_principles() {
    check(
        &[
            FormEdit::Set(Field::Note(0, "team".into()), "".into()),
            FormEdit::Set(Field::Note(1, "令和7年2月".into()), "改定の日付です。".into()),
            FormEdit::SetOptions(1, vec!["令和6年12月".into(), "令和7年2月".into(), "令和5年4月".into()]),
            FormEdit::AddPrinciple,
            FormEdit::MovePrinciple(2, 0),
        ],
        expect![[r#"
            - team = "協力の場面ではない。"
            - options = ["令和6年12月", "令和7年2月"]
            + id = "p1"
            + label = ""
            + summary = ""
            + options = ["令和6年12月", "令和7年2月", "令和5年4月"]
            + "令和7年2月" = "改定の日付です。"
            order: id = "demo" / [source] / [[principles]] / id = "p1" / [[principles]] / id = "shimin" / [[principles]] / id = "team" / [[questions]] / id = "q1" / [[questions]] / id = "q2" / [questions.notes]
        "#]],
    );
}

/// A generator of edits from a seed (xorshift), for the property below: fields of every kind,
/// values that are good, empty, numbers, or wrong, and every structural edit.
struct Edits(u64);

impl Edits {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn edit(&mut self, form: &SetForm) -> FormEdit {
        let values = ["", "市民の立場で", "42", "007", "abc", "複数行の\n説明です。", "引用符\"と\\記号", "  空白  "];
        let v = values[self.next(values.len())].to_string();
        let principles = form.principles.len().max(1);
        let questions = form.questions.len().max(1);
        match self.next(12) {
            0 => FormEdit::Set(Field::Set(SET_KEYS[self.next(SET_KEYS.len())]), v),
            1 => FormEdit::Set(Field::Source(SOURCE_KEYS[self.next(SOURCE_KEYS.len())]), v),
            2 => FormEdit::Set(Field::Principle(self.next(principles), PRINCIPLE_KEYS[self.next(3)]), v),
            3 | 4 => {
                FormEdit::Set(Field::Question(self.next(questions), QUESTION_KEYS[self.next(QUESTION_KEYS.len())]), v)
            }
            5 => FormEdit::Set(
                Field::Note(self.next(questions), ["shimin", "team", "令和7年2月"][self.next(3)].into()),
                v,
            ),
            6 => {
                // Sometimes a list of its own, sometimes the question's list with one option rewritten.
                let i = self.next(questions);
                let mut options = form.questions.get(i).map(|q| q.options.clone()).unwrap_or_default();
                if options.is_empty() || self.next(2) == 0 {
                    options = vec![v, "別の選択肢".into()];
                } else {
                    let j = self.next(options.len());
                    options[j] = v;
                }
                FormEdit::SetOptions(i, options)
            }
            7 => [FormEdit::AddPrinciple, FormEdit::RemovePrinciple(self.next(principles))][self.next(2)].clone(),
            8 => FormEdit::MovePrinciple(self.next(principles), self.next(principles)),
            9 => FormEdit::AddQuestion,
            10 => [FormEdit::DuplicateQuestion(self.next(questions)), FormEdit::RemoveQuestion(self.next(questions))]
                [self.next(2)]
            .clone(),
            _ => FormEdit::MoveQuestion(self.next(questions), self.next(questions)),
        }
    }
}

/// The form and the text agree after any sequence of edits: the text read back shows exactly
/// what the same edits make of the form's own data, and the text stays TOML the parser reads.
#[test]
fn the_form_and_the_text_agree_after_random_edits() {
    for seed in 1..=300u64 {
        let mut edits = Edits(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut text = if seed % 2 == 0 { COMMENTED.to_string() } else { VALID.to_string() };
        let mut form = SetForm::read(&text).unwrap();
        for step in 0..25 {
            let edit = edits.edit(&form);
            text = apply(&text, &edit).unwrap_or_else(|e| panic!("seed {seed} step {step} {edit:?}: {e:?}\n{text}"));
            form.apply(&edit);
            let read = SetForm::read(&text).unwrap();
            assert_eq!(read, form, "seed {seed} step {step}: {edit:?}\n{text}");
            // The parser reads it too (its problems are the trainer's to fix, not a broken file).
            assert!(
                parse_set("t.toml", &text)
                    .diagnostics
                    .iter()
                    .all(|d| !matches!(d.problem, credo_core::diagnostic::Problem::Syntax(_))),
                "seed {seed} step {step}\n{text}"
            );
        }
    }
}

/// Writing back what a field already holds changes nothing: a round trip through the form keeps
/// the trainer's file byte for byte.
#[test]
fn an_edit_to_the_same_value_leaves_the_text_byte_for_byte() {
    let shipped = include_str!("../../../questions/maebashi-credo.toml");
    for text in [COMMENTED, VALID, shipped] {
        let form = SetForm::read(text).unwrap();
        let mut same = vec![
            FormEdit::Set(Field::Set("title"), form.title.clone()),
            FormEdit::Set(Field::Set("pass_mark"), form.pass_mark.clone()),
            FormEdit::Set(Field::Source("title"), form.source.title.clone()),
        ];
        for (i, q) in form.questions.iter().enumerate() {
            same.push(FormEdit::Set(Field::Question(i, "text"), q.text.clone()));
            same.push(FormEdit::Set(Field::Question(i, "quote"), q.quote.clone()));
            for (option, note) in &q.notes {
                same.push(FormEdit::Set(Field::Note(i, option.clone()), note.clone()));
            }
        }
        for edit in same {
            assert_eq!(apply(text, &edit).unwrap(), text, "{edit:?}");
        }
    }
}

#[test]
fn a_problem_is_shown_at_the_field_it_concerns() {
    let text = VALID.replacen("pass_mark = 60", "pass_mark = 160", 1).replacen(
        "answer = \"shimin\"",
        "answer = \"nobody\"",
        1,
    );
    let parsed = parse_set("demo.toml", &text);
    let fields: Vec<(String, Option<Field>)> = parsed
        .diagnostics
        .iter()
        .map(|d| (format!("{}:{}", d.line, d.column), fields_at(&text, &[(d.line, d.column)])[0].clone()))
        .collect();
    assert_eq!(
        fields,
        [
            ("4:13".to_string(), Some(Field::Set("pass_mark"))),
            ("25:10".to_string(), Some(Field::Question(0, "answer")))
        ]
    );
    // A line between fields belongs to the question above it.
    assert_eq!(fields_at(COMMENTED, &[(29, 1)])[0], Some(Field::Question(0, "")));
    assert_eq!(fields_at(COMMENTED, &[(28, 8)])[0], Some(Field::Question(0, "quote")));
    assert_eq!(fields_at(COMMENTED, &[(31, 3)])[0], Some(Field::Note(0, "team".into())));
    assert_eq!(fields_at(COMMENTED, &[(35, 1)])[0], Some(Field::Question(1, "id")));
    assert_eq!(fields_at(COMMENTED, &[(3, 9)])[0], Some(Field::Set("title")));
    assert_eq!(fields_at(COMMENTED, &[(12, 1)])[0], Some(Field::Principle(0, "label")));
}

#[test]
fn the_empty_set_reads_and_the_form_fills_it_into_a_valid_set() {
    let mut text = EMPTY_SET.to_string();
    let edits = [
        FormEdit::Set(Field::Set("id"), "new-set".into()),
        FormEdit::Set(Field::Set("title"), "新しいセット".into()),
        FormEdit::Set(Field::Source("office"), "前橋市".into()),
        FormEdit::Set(Field::Source("title"), "前橋市職員クレド".into()),
        FormEdit::AddPrinciple,
        FormEdit::Set(Field::Principle(0, "label"), "市民目線".into()),
        FormEdit::Set(Field::Principle(0, "summary"), "市民の立場で考える。".into()),
        FormEdit::AddPrinciple,
        FormEdit::Set(Field::Principle(1, "label"), "チーム".into()),
        FormEdit::Set(Field::Principle(1, "summary"), "協力する。".into()),
        FormEdit::AddQuestion,
        FormEdit::Set(Field::Question(0, "text"), "窓口で言葉を選んだ。".into()),
        FormEdit::Set(Field::Question(0, "explanation"), "相手の立場。".into()),
        FormEdit::Set(Field::Question(0, "quote"), "市民の立場で考える。".into()),
    ];
    for edit in &edits {
        text = apply(&text, edit).unwrap();
    }
    let parsed = parse_set("new-set.toml", &text);
    assert!(parsed.diagnostics.is_empty(), "{:?}\n{text}", parsed.diagnostics);
    expect![[r#"
        id = "new-set"
        title = "新しいセット"
        pass_mark = 70

        [source]
        office = "前橋市"
        title = "前橋市職員クレド"

        [[principles]]
        id = "p1"
        label = "市民目線"
        summary = "市民の立場で考える。"

        [[principles]]
        id = "p2"
        label = "チーム"
        summary = "協力する。"

        [[questions]]
        id = "q1"
        kind = "scenario"
        difficulty = "初級"
        text = "窓口で言葉を選んだ。"
        answer = "p1"
        explanation = "相手の立場。"
        quote = "市民の立場で考える。"
    "#]]
    .assert_eq(&text);
}

/// Review of issue 14: inline tables (`principles = [{ … }]`, `source = { … }`) were invisible
/// to the form, and 「原則を追加」 replaced them. The form now declines such a text; the text view edits it.
#[test]
fn a_set_written_with_inline_tables_is_left_to_the_text_view() {
    let inline = VALID.replace(
        "[[principles]]\nid = \"shimin\"\nlabel = \"市民目線を追求します\"\nsummary = \"市民の立場で考える。\"\n\n[[principles]]\nid = \"team\"\nlabel = \"チームで知恵と力を出し合います\"\nsummary = \"所管を越えて協力する。\"\n",
        "",
    );
    let inline = inline.replacen(
        "pass_mark = 60\n",
        "pass_mark = 60\nprinciples = [{ id = \"shimin\", label = \"市民目線\", summary = \"市民。\" }]\n",
        1,
    );
    assert!(parse_set("t.toml", &inline)
        .diagnostics
        .iter()
        .all(|d| !matches!(d.problem, credo_core::diagnostic::Problem::Syntax(_))));
    assert_eq!(SetForm::read(&inline), Err(FormUnavailable::Shape("principles")));
    assert_eq!(apply(&inline, &FormEdit::AddPrinciple), Err(FormUnavailable::Shape("principles")));
    let source = VALID.replace("[source]\noffice = \"前橋市\"\ntitle = \"前橋市職員クレド\"\n", "").replacen(
        "pass_mark = 60\n",
        "pass_mark = 60\nsource = { office = \"前橋市\", title = \"クレド\" }\n",
        1,
    );
    assert_eq!(
        apply(&source, &FormEdit::Set(Field::Source("office"), "x".into())),
        Err(FormUnavailable::Shape("source"))
    );
    assert_eq!(SetForm::read("questions = 3\n"), Err(FormUnavailable::Shape("questions")));
}

/// Review of issue 14: a set comparing documents names several source files; the form flattened
/// the list into one line and wrote it back as a string. One file a line, written as a list.
#[test]
fn several_source_files_are_one_a_line() {
    let shipped = include_str!("../../../questions/cross-offices.toml");
    let form = SetForm::read(shipped).unwrap();
    assert_eq!(form.source.file.lines().count(), 5, "{}", form.source.file);
    let same = apply(shipped, &FormEdit::Set(Field::Source("file"), form.source.file.clone())).unwrap();
    assert!(same == shipped, "writing the same files back changed the text");
    let two = apply(VALID, &FormEdit::Set(Field::Source("file"), "sources/a.txt\nsources/b.txt".into())).unwrap();
    assert!(two.contains(r#"file = ["sources/a.txt", "sources/b.txt"]"#), "{two}");
}

/// Review of issue 14: renaming an option left its note (and the answer) under the old text.
#[test]
fn a_renamed_option_takes_its_note_and_the_answer_along() {
    let text = apply(COMMENTED, &FormEdit::Set(Field::Note(1, "令和7年2月".into()), "改定の日付。".into())).unwrap();
    let text = apply(&text, &FormEdit::SetOptions(1, vec!["令和6年12月策定".into(), "令和7年2月改定".into()])).unwrap();
    let q = &SetForm::read(&text).unwrap().questions[1];
    assert_eq!(q.answer, "令和6年12月策定");
    assert_eq!(q.notes, [("令和7年2月改定".to_string(), "改定の日付。".to_string())]);
    assert!(parse_set("t.toml", &text).diagnostics.is_empty(), "{text}");
}
