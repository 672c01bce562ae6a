//! Moodle GIFT in and out: Moodle's own examples, escapes, comments, categories, feedback, export, and the round trip of every shipped set.

use std::fmt::Write;

use credo_authoring::gift::{parse_gift, read_gift, to_gift};
use credo_authoring::problem::{DraftProblem, GiftProblem};
use credo_core::diagnostic::Diagnostic;
use credo_core::i18n::Lang;
use credo_core::model::QuestionSet;
use credo_core::model::SetData;
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};
use quizcheck::files::load;

use crate::VALID;

/// The draft set, one line a question, then every diagnostic.
fn check(input: &str, expected: Expect) {
    let (draft, diagnostics) = read_gift("quiz.gift", input);
    expected.assert_eq(&render(&draft, &diagnostics, true));
}

/// As `check`, but the fields a hand-written file cannot give (defaulted or missing, reported
/// in full by `hand_written_moodle_file_imports_as_a_draft_with_every_gap_located`) are only
/// counted, so that each test shows what it is about.
fn check_constructs(input: &str, expected: Expect) {
    let (draft, diagnostics) = read_gift("quiz.gift", input);
    expected.assert_eq(&render(&draft, &diagnostics, false));
}

/// The draft as read, whether or not it makes a valid set, then its problems.
fn render(set: &SetData, diagnostics: &[Diagnostic<DraftProblem>], all: bool) -> String {
    let mut out = String::new();
    {
        let principles: Vec<&str> = set.principles.iter().map(|p| p.id.as_str()).collect();
        writeln!(out, "set {} {:?} pass {} principles [{}]", set.id, set.title, set.pass_mark, principles.join(" "))
            .unwrap();
        for q in &set.questions {
            let options: Vec<String> =
                q.options.iter().map(|o| format!("{}{o}", if *o == q.answer { '=' } else { '~' })).collect();
            let principle = q.principle.as_deref().map(|p| format!(" principle {p}")).unwrap_or_default();
            writeln!(
                out,
                "{} {:?} {}{principle}: {:?} {{{}}} #### {:?} quote {:?}",
                q.id,
                q.kind,
                q.difficulty.label(),
                q.text,
                options.join(" "),
                q.explanation,
                q.quote
            )
            .unwrap();
        }
    }
    let mut gaps = 0;
    for d in diagnostics {
        if !all
            && matches!(
                d.problem,
                DraftProblem::Gift(
                    GiftProblem::Defaulted { .. }
                        | GiftProblem::DefaultedId { .. }
                        | GiftProblem::Missing { .. }
                        | GiftProblem::MissingExplanation
                        | GiftProblem::MissingPrinciples
                )
            )
        {
            gaps += 1;
        } else {
            writeln!(out, "{}", d.render(Lang::En)).unwrap();
        }
    }
    if gaps > 0 {
        writeln!(out, "({gaps} defaulted or missing fields)").unwrap();
    }
    out
}

/// The fields GIFT has no place for, as our export writes them, for tests about questions.
const HEADER: &str = "\
// credo-quiz: set.id = demo
// credo-quiz: set.title = デモ
// credo-quiz: set.pass_mark = 60
// credo-quiz: source.office = 前橋市
// credo-quiz: source.title = 前橋市職員クレド
// credo-quiz: principle.id = shimin
// credo-quiz: principle.label = 市民目線を追求します
// credo-quiz: principle.summary = 市民の立場で考える。
// credo-quiz: principle.id = team
// credo-quiz: principle.label = チームで知恵と力を出し合います
// credo-quiz: principle.summary = 所管を越えて協力する。
";

fn valid_set() -> credo_core::model::QuestionSet {
    parse_set("set.toml", VALID).set.expect("VALID parses")
}

// ---------------------------------------------------------------- Moodle's examples

/// The multiple-choice examples of Moodle's question/format/gift/examples.txt, as Moodle reads
/// them: answers inside the text leave a blank, lines are joined, feedback is reported.
#[test]
fn moodle_multiple_choice_examples_import() {
    check_constructs(
        r#"//  EXAMPLE QUESTIONS for the GIFT import filter

Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

Grant is {~buried =entombed ~living} in Grant's tomb.

The American holiday of Thanksgiving is celebrated on the {
    ~second
    ~third
    =fourth
} Thursday of November.

Japanese characters originally came from what country? {
    ~India
    =China
    ~Korea
    ~Egypt}

::Thanksgiving Date::The American holiday of Thanksgiving is
celebrated on the {~second ~third =fourth} Thursday of November.

What's the answer to this multiple-choice question?{
~wrong answer#feedback comment on the wrong answer
~another wrong answer#feedback comment on this wrong answer
=right answer#Very good!}

// ===Special Characters===
Which answer equals 5? {
     ~ \= 2 + 2
     = \= 2 + 3
     ~ \= 2 + 4  }

::GIFT Control Characters::
Which of the following is NOT a control character for the GIFT import format? {
   ~ \~     # \~ is a control character.
   ~ \=     # \= is a control character.
   ~ \#     # \# is a control character.
   ~ \{     # \{ is a control character.
   ~ \}     # \} is a control character.
   = \\     # Correct! \\ (backslash) is not a control character. BUT,
              it is used to escape the control characters. So, to specify
              a literal backslash, you must escape it with a backslash
              (as shown in this example).
}

::Grant's Tomb::Grant is {
      ~buried#No one is buried there.
      =entombed#Right answer!
      ~living#We hope not!
} in Grant's tomb.
"#,
        expect![[r#"
            set quiz "quiz" pass 70 principles []
            q01 Choice 初級: "Who's buried in Grant's tomb?" {~Grant ~Jefferson =no one} #### "" quote ""
            q02 Choice 初級: "Grant is _____ in Grant's tomb." {~buried =entombed ~living} #### "" quote ""
            q03 Choice 初級: "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November." {~second ~third =fourth} #### "" quote ""
            q04 Choice 初級: "Japanese characters originally came from what country?" {~India =China ~Korea ~Egypt} #### "" quote ""
            q05 Choice 初級: "The American holiday of Thanksgiving is\ncelebrated on the _____ Thursday of November." {~second ~third =fourth} #### "" quote ""
            q06 Choice 初級: "What's the answer to this multiple-choice question?" {~wrong answer ~another wrong answer =right answer} #### "" quote ""
            q07 Choice 初級: "Which answer equals 5?" {~= 2 + 2 == 2 + 3 ~= 2 + 4} #### "" quote ""
            q08 Choice 初級: "Which of the following is NOT a control character for the GIFT import format?" {~~ ~= ~# ~{ ~} =\} #### "" quote ""
            q09 Choice 初級: "Grant is _____ in Grant's tomb." {~buried =entombed ~living} #### "" quote ""
            quiz.gift:25:15: The right answer's own feedback (=…#…) cannot be kept and is left out. Say why it is right in the general feedback (####…); a wrong answer's feedback is kept as its note.
            quiz.gift:40:15: The right answer's own feedback (=…#…) cannot be kept and is left out. Say why it is right in the general feedback (####…); a wrong answer's feedback is kept as its note.
            quiz.gift:48:17: The right answer's own feedback (=…#…) cannot be kept and is left out. Say why it is right in the general feedback (####…); a wrong answer's feedback is kept as its note.
            (42 defaulted or missing fields)
        "#]],
    );
}

/// Every other example of examples.txt is a question type we cannot hold: one located
/// diagnostic each, and the questions around them still import.
#[test]
fn moodle_other_question_types_each_give_one_located_diagnostic() {
    check_constructs(
        r#"Grant is buried in Grant's tomb.{FALSE}

Who's buried in Grant's tomb?{=no one =nobody}

When was Ulysses S. Grant born?{#1822:1}

Grant is buried in Grant's tomb.{F}

The sun rises in the east.{T}

Matching Question. {
    =subquestion1 -> subanswer1
    =subquestion2 -> subanswer2
    }

Match the following countries with their corresponding
capitals.{=Canada->Ottawa =Italy->Rome =Japan->Tokyo}

What is the value of pi (to 3 decimal places)? {#3.141..3.142}.

::Kanji Origins::Japanese characters originally
came from what country? {=China}

Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}

Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}

::Jesus' hometown::Jesus Christ was from {
    ~Jerusalem#This was an important city, but the wrong answer.
    ~%25%Bethlehem#He was born here, but not raised here.
    ~%50%Galilee#You need to be more specific.
    =Nazareth#Yes! That's right!}.

What two people are entombed in Grant's tomb? {
    ~No one
    ~%50%Grant
    ~%50%Grant's wife
    ~Grant's father }

Write a short biography of Dag Hammarskjöld. {}

Two right answers.{=one =two ~three}

Nothing right.{~one ~two}

Only one.{=one ~}

This is a description: it has no answers.

<b>HTML</b> in a true/false question gives one diagnostic, for the question type.{T#<i>Right</i>}
"#,
        expect![[r#"
            set quiz "quiz" pass 70 principles []
            q01 Choice 初級: "Who's buried in Grant's tomb?" {~Grant ~Jefferson =no one} #### "" quote ""
            quiz.gift:1:34: True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.
            quiz.gift:3:31: Short-answer questions ({=answer} with no ~) cannot be imported. Add wrong options with ~ to make it multiple choice.
            quiz.gift:5:33: Numerical questions ({#…}) cannot be imported. Make it multiple choice with the numbers as options.
            quiz.gift:7:34: True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.
            quiz.gift:9:28: True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.
            quiz.gift:12:5: Matching questions (->) cannot be imported. Split it into one multiple-choice question per pair.
            quiz.gift:17:11: Matching questions (->) cannot be imported. Split it into one multiple-choice question per pair.
            quiz.gift:19:49: Numerical questions ({#…}) cannot be imported. Make it multiple choice with the numbers as options.
            quiz.gift:22:26: Short-answer questions ({=answer} with no ~) cannot be imported. Add wrong options with ~ to make it multiple choice.
            quiz.gift:26:34: True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.
            quiz.gift:28:36: Partial credit (~%50% and the like) is not supported. Mark one right answer with = and the others with ~.
            quiz.gift:32:6: Partial credit (~%50% and the like) is not supported. Mark one right answer with = and the others with ~.
            quiz.gift:38:6: Partial credit (~%50% and the like) is not supported. Mark one right answer with = and the others with ~.
            quiz.gift:42:46: Essay questions (empty {}) cannot be imported. Write options as {=right ~wrong}.
            quiz.gift:44:25: More than one right answer (=). Keep one = and make the others ~.
            quiz.gift:46:15: No right answer (=). Change the ~ before the right option to =.
            quiz.gift:48:16: `options` is empty. Write its text.
            quiz.gift:50:1: Text without an answer block {…} is a description, not a question. Add {=right ~wrong}, or start its lines with // to make them comments.
            quiz.gift:52:83: True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.
            (10 defaulted or missing fields)
        "#]],
    );
}

// ---------------------------------------------------------------- reading GIFT

#[test]
fn escapes_are_text_and_control_characters_are_not() {
    check_constructs(
        &format!(
            "{HEADER}
::q1::A \\{{brace\\}} a\\: colon, \\~tilde, \\= equals, \\# hash\\nand a second line, \\\\ backslash, \\x kept.{{
=right \\#1
~wrong \\~ 2
####Because\\: \\{{this\\}}.
}}
"
        ),
        expect![[r#"
            set demo "デモ" pass 60 principles [shimin team]
            q1 Choice 初級: "A {brace} a: colon, ~tilde, = equals, # hash\nand a second line, \\ backslash, \\x kept." {=right #1 ~wrong ~ 2} #### "Because: {this}." quote ""
            (2 defaulted or missing fields)
        "#]],
    );
}

#[test]
fn comments_blank_lines_and_multi_line_questions() {
    // A comment line inside a question is a space to Moodle, between newlines; a blank line ends a question.
    check_constructs(
        "// A comment before anything.
  // An indented comment.

::first::  First line,
   second line indented,
// a comment in the middle
third line. {
  =yes
  // a comment among answers
  ~no
}

::second::Two {=a ~b}
::not-a-third::Without a blank line this is part of the second question's text.
0
::third::A line of a lone zero is blank to Moodle (PHP's empty()).{=a ~b}
",
        expect![[r#"
            set quiz "quiz" pass 70 principles []
            first Choice 初級: "First line,\nsecond line indented,\n \nthird line." {=yes ~no} #### "" quote ""
            second Choice 初級: "Two _____\n::not-a-third::Without a blank line this is part of the second question's text." {=a ~b} #### "" quote ""
            third Choice 初級: "A line of a lone zero is blank to Moodle (PHP's empty())." {=a ~b} #### "" quote ""
            (15 defaulted or missing fields)
        "#]],
    );
}

#[test]
fn category_names_the_set_when_no_note_does() {
    check(
        "$CATEGORY: $course$/top/Default for 研修/credo-2025

::q1::問い{=はい ~いいえ####解説。}
",
        expect![[r#"
            set credo-2025 "credo-2025" pass 70 principles []
            q1 Choice 初級: "問い" {=はい ~いいえ} #### "解説。" quote ""
            quiz.gift:1:1: GIFT has no `set.id`, so `credo-2025` was used. If that is wrong, add a line `// credo-quiz: set.id = …` at the top of the file, or fix it after converting to TOML.
            quiz.gift:1:1: GIFT has no `set.title`, so `credo-2025` was used. If that is wrong, add a line `// credo-quiz: set.title = …` at the top of the file, or fix it after converting to TOML.
            quiz.gift:1:1: GIFT has no `set.pass_mark`, so `70` was used. If that is wrong, add a line `// credo-quiz: set.pass_mark = …` at the top of the file, or fix it after converting to TOML.
            quiz.gift:1:1: No `source.office`: GIFT has no place for it. Add a line `// credo-quiz: source.office = …` at the top of the file, or add it after converting to TOML.
            quiz.gift:1:1: No `source.title`: GIFT has no place for it. Add a line `// credo-quiz: source.title = …` at the top of the file, or add it after converting to TOML.
            quiz.gift:1:1: No principles. Add `// credo-quiz: principle.id = …` lines with principle.label and principle.summary at the top of the file, or add [[principles]] after converting to TOML.
            quiz.gift:3:1: GIFT has no `difficulty`, so `初級` was used. If that is wrong, add a line `// credo-quiz: difficulty = …` right above the question, or fix it after converting to TOML.
            quiz.gift:3:1: No `quote` (a passage copied verbatim from the source): GIFT has no place for it. Add a line `// credo-quiz: quote = …` right above the question, or add it after converting to TOML.
        "#]],
    );
}

#[test]
fn a_question_glued_to_its_category_is_reported() {
    // Moodle would take the question for part of the category's name.
    check_constructs(
        "$CATEGORY: 研修
::q1::問い{=はい ~いいえ}
",
        expect![[r#"
            set quiz "研修" pass 70 principles []
            quiz.gift:1:1: No questions. Add at least one [[questions]] table.
            quiz.gift:2:1: Moodle reads the lines right below $CATEGORY: as part of the category name, not as a question. Put a blank line after the $CATEGORY: line.
            (6 defaulted or missing fields)
        "#]],
    );
}

#[test]
fn formats_plain_and_markdown_are_kept_and_html_is_reported() {
    check_constructs(
        "[markdown]Who's buried in **Grant's tomb**?{=no one ~Grant}

::q2::[plain]Is <b> shown as typed?{=yes ~no}

::q3::[html]Is <b>this</b> bold?{=yes ~[plain]<i>no</i> ####[html]It &amp; that.}

::q4::Moodle's default format renders <br/> too.{=yes ~no}

::q5::[unknown]An unknown marker is text. [html] Only at the start counts.{=yes ~no}
",
        expect![[r#"
            set quiz "quiz" pass 70 principles []
            q01 Choice 初級: "Who's buried in **Grant's tomb**?" {=no one ~Grant} #### "" quote ""
            q2 Choice 初級: "Is <b> shown as typed?" {=yes ~no} #### "" quote ""
            q3 Choice 初級: "Is <b>this</b> bold?" {=yes ~<i>no</i>} #### "It &amp; that." quote ""
            q4 Choice 初級: "Moodle's default format renders <br/> too." {=yes ~no} #### "" quote ""
            q5 Choice 初級: "[unknown]An unknown marker is text. [html] Only at the start counts." {=yes ~no} #### "" quote ""
            quiz.gift:5:16: HTML tags and entities (<b>, &amp; …) are shown as typed. Rewrite the text without them.
            quiz.gift:5:70: HTML tags and entities (<b>, &amp; …) are shown as typed. Rewrite the text without them.
            quiz.gift:7:39: HTML tags and entities (<b>, &amp; …) are shown as typed. Rewrite the text without them.
            (21 defaulted or missing fields)
        "#]],
    );
}

#[test]
fn braces_that_do_not_pair_are_located() {
    check_constructs(
        "::q1::Open {=a ~b

::q2::Close =a ~b}

::q3::Backwards } and {=a ~b

::q4::Escaped \\{=a ~b\\} is a description.

::q5::Fine.{=a ~b}
",
        expect![[r#"
            set quiz "quiz" pass 70 principles []
            q5 Choice 初級: "Fine." {=a ~b} #### "" quote ""
            quiz.gift:1:12: Unpaired { or }. Enclose the answers in { }, and write a brace in the text as \{ or \}.
            quiz.gift:3:18: Unpaired { or }. Enclose the answers in { }, and write a brace in the text as \{ or \}.
            quiz.gift:5:17: Unpaired { or }. Enclose the answers in { }, and write a brace in the text as \{ or \}.
            quiz.gift:7:1: Text without an answer block {…} is a description, not a question. Add {=right ~wrong}, or start its lines with // to make them comments.
            (9 defaulted or missing fields)
        "#]],
    );
}

#[test]
fn titles_become_ids_when_they_can_and_ids_never_collide() {
    check(
        &format!(
            "{HEADER}
// credo-quiz: difficulty = 中級
// credo-quiz: quote = q
::Kanji Origins::A{{=a ~b####x}}

// credo-quiz: difficulty = 中級
// credo-quiz: quote = q
B{{=a ~b####x}}

// credo-quiz: difficulty = 中級
// credo-quiz: quote = q
::q01::C{{=a ~b####x}}

// credo-quiz: difficulty = 中級
// credo-quiz: quote = q
::q01::D{{=a ~b####x}}
"
        ),
        expect![[r#"
            set demo "デモ" pass 60 principles [shimin team]
            q02 Choice 中級: "A" {=a ~b} #### "x" quote "q"
            q03 Choice 中級: "B" {=a ~b} #### "x" quote "q"
            q01 Choice 中級: "C" {=a ~b} #### "x" quote "q"
            q04 Choice 中級: "D" {=a ~b} #### "x" quote "q"
            quiz.gift:15:3: The question has no title usable as an id, so its id is `q02`. To choose another, write ::q02:: with ASCII letters, digits, - and _.
            quiz.gift:19:1: The question has no title usable as an id, so its id is `q03`. To choose another, write ::q03:: with ASCII letters, digits, - and _.
            quiz.gift:27:3: Duplicate question id `q01` (first defined on line 23). Choose another id.
        "#]],
    );
}

// ---------------------------------------------------------------- the notes

#[test]
fn notes_give_scenarios_principles_difficulty_and_quote() {
    check(
        &format!(
            "{HEADER}
// credo-quiz: kind = scenario
// credo-quiz: options = team, shimin
// credo-quiz: difficulty = 上級
// credo-quiz: quote = 市民目線を問い続けましょう。
::s1::窓口で、説明を相手の言葉に置き換えた。{{
~チームで知恵と力を出し合います
=市民目線を追求します
####相手の立場に立っている。
}}

// Written by hand: the answers are labels, mapped to their principles.
// credo-quiz: kind = scenario
// credo-quiz: difficulty = 初級
// credo-quiz: quote = q
::s2::場面{{=チームで知恵と力を出し合います ~市民目線を追求します####解説}}

// credo-quiz: principle = team
// credo-quiz: difficulty = 中級
// credo-quiz: quote = 令和6年12月
::c1::策定はいつですか。{{=令和6年12月 ~令和7年2月####令和6年12月に策定された。}}
"
        ),
        expect![[r#"
            set demo "デモ" pass 60 principles [shimin team]
            s1 Scenario 上級 principle shimin: "窓口で、説明を相手の言葉に置き換えた。" {~team =shimin} #### "相手の立場に立っている。" quote "市民目線を問い続けましょう。"
            s2 Scenario 初級 principle team: "場面" {=team ~shimin} #### "解説" quote "q"
            c1 Choice 中級 principle team: "策定はいつですか。" {=令和6年12月 ~令和7年2月} #### "令和6年12月に策定された。" quote "令和6年12月"
        "#]],
    );
}

#[test]
fn notes_that_cannot_be_used_are_reported_where_they_stand() {
    check_constructs(
        "// credo-quiz: set.id = デモ
// credo-quiz: set.pass_mark = 170
// credo-quiz: set.title = A
// credo-quiz: set.title = B
// credo-quiz: principle.label = before any id
// credo-quiz: principle.id = shimin
// credo-quiz: principle.label = 市民目線
// credo-quiz: principle.summary = 要約
// credo-quiz: principle.id = shimin
// credo-quiz: principle.label = 重複した原則の名前も、前の原則のものにはならない
// credo-quiz: colour = blue
// credo-quiz: quote = outside any question
// credo-quiz: source.office

// credo-quiz: kind = scenario
// credo-quiz: options = shimin, team
::s1::場面{=市民目線 ~チーム####x}

// credo-quiz: kind = scenario
// credo-quiz: options = shimin
::s2::場面{=市民目線 ~チーム####x}

// credo-quiz: kind = scenario
::s3::場面{=市民目線 ~チーム####x}

// credo-quiz: kind = quiz
// credo-quiz: difficulty = 難しい
// credo-quiz: principle = nobody
// credo-quiz: options = a, b
::c1::問い{=a ~b####x}
",
        expect![[r#"
            set quiz "A" pass 70 principles [shimin]
            c1 Choice 初級: "問い" {=a ~b} #### "x" quote ""
            quiz.gift:1:25: The id `デモ` is not allowed. Use ASCII letters, digits, `-` and `_` only, 64 at most (e.g. team-work).
            quiz.gift:2:32: `pass_mark = 170` must be a whole number from 0 to 100 (percent).
            quiz.gift:4:16: `// credo-quiz: set.title` is given more than once. Keep one (only the first is used).
            quiz.gift:5:16: `principle.label` comes before any `// credo-quiz: principle.id = …`. Start each principle with its principle.id line.
            quiz.gift:9:31: Duplicate principle id `shimin` (first defined on line 6). Choose another id.
            quiz.gift:11:16: [credo-quiz] has an unknown field `colour`. Known fields: set.id, set.title, set.pass_mark, set.length, set.prompt, source.office, source.title, source.date, source.url, source.file, principle.id, principle.label, principle.summary, kind, prompt, options, principle, difficulty, quote. Check the spelling.
            quiz.gift:12:16: `quote` belongs to a question but stands outside one. Write it right above the question's ::title::, with no blank line between.
            quiz.gift:13:16: `// credo-quiz: source.office` has no value. Write it as `// credo-quiz: key = value`.
            quiz.gift:16:26: Principle `team` is not defined in [[principles]]. Use a defined id.
            quiz.gift:20:26: The answers do not match `// credo-quiz: options`: one answer per listed principle, in the same order, each written exactly as that principle's label.
            quiz.gift:24:16: Principle `チーム` is not defined in [[principles]]. Use a defined id.
            quiz.gift:26:23: Unknown question kind `quiz`. Use "scenario" or "choice".
            quiz.gift:27:29: Unknown difficulty `難しい`. Use "初級", "中級" or "上級".
            quiz.gift:28:28: Principle `nobody` is not defined in [[principles]]. Use a defined id.
            quiz.gift:29:16: `options` is only for scenarios. Remove the line, or add `// credo-quiz: kind = scenario`.
            (4 defaulted or missing fields)
        "#]],
    );
}

/// A file written for Moodle by hand imports as a draft: the questions are there, and every
/// field GIFT could not give is reported where the trainer would add it.
#[test]
fn hand_written_moodle_file_imports_as_a_draft_with_every_gap_located() {
    check(
        "// 研修用の問題
::クレド1::前橋市職員クレドの策定はいつですか。{
  =令和6年12月
  ~令和7年2月#一年違います。
  ####令和6年12月に策定されました。
}

::q2::クレドの使命は?{=今と未来の市民を笑顔にする ~前例を守る}
",
        expect![[r#"
            set quiz "quiz" pass 70 principles []
            q01 Choice 初級: "前橋市職員クレドの策定はいつですか。" {=令和6年12月 ~令和7年2月} #### "令和6年12月に策定されました。" quote ""
            q2 Choice 初級: "クレドの使命は?" {=今と未来の市民を笑顔にする ~前例を守る} #### "" quote ""
            quiz.gift:1:1: GIFT has no `set.id`, so `quiz` was used. If that is wrong, add a line `// credo-quiz: set.id = …` at the top of the file, or fix it after converting to TOML.
            quiz.gift:1:1: GIFT has no `set.title`, so `quiz` was used. If that is wrong, add a line `// credo-quiz: set.title = …` at the top of the file, or fix it after converting to TOML.
            quiz.gift:1:1: GIFT has no `set.pass_mark`, so `70` was used. If that is wrong, add a line `// credo-quiz: set.pass_mark = …` at the top of the file, or fix it after converting to TOML.
            quiz.gift:1:1: No `source.office`: GIFT has no place for it. Add a line `// credo-quiz: source.office = …` at the top of the file, or add it after converting to TOML.
            quiz.gift:1:1: No `source.title`: GIFT has no place for it. Add a line `// credo-quiz: source.title = …` at the top of the file, or add it after converting to TOML.
            quiz.gift:1:1: No principles. Add `// credo-quiz: principle.id = …` lines with principle.label and principle.summary at the top of the file, or add [[principles]] after converting to TOML.
            quiz.gift:2:1: GIFT has no `difficulty`, so `初級` was used. If that is wrong, add a line `// credo-quiz: difficulty = …` right above the question, or fix it after converting to TOML.
            quiz.gift:2:1: No `quote` (a passage copied verbatim from the source): GIFT has no place for it. Add a line `// credo-quiz: quote = …` right above the question, or add it after converting to TOML.
            quiz.gift:2:3: The question has no title usable as an id, so its id is `q01`. To choose another, write ::q01:: with ASCII letters, digits, - and _.
            quiz.gift:8:1: GIFT has no `difficulty`, so `初級` was used. If that is wrong, add a line `// credo-quiz: difficulty = …` right above the question, or fix it after converting to TOML.
            quiz.gift:8:1: No `quote` (a passage copied verbatim from the source): GIFT has no place for it. Add a line `// credo-quiz: quote = …` right above the question, or add it after converting to TOML.
            quiz.gift:8:37: No explanation. Write ####explanation just before the closing }.
        "#]],
    );
}

#[test]
fn messages_are_in_japanese_too() {
    let parsed = parse_gift("quiz.gift", "::q1::正誤{T}\n\n::q2::問い{=a ~b#違う}\n");
    let ja: String = parsed.diagnostics.iter().map(|d| d.render(Lang::Ja) + "\n").collect();
    expect![[r#"
        quiz.gift:1:1: `set.id` は GIFT に書けないため `quiz` にしました。違う場合はファイルの先頭に`// credo-quiz: set.id = …` の行を書くか、TOML に変換してから直してください。
        quiz.gift:1:1: `set.title` は GIFT に書けないため `quiz` にしました。違う場合はファイルの先頭に`// credo-quiz: set.title = …` の行を書くか、TOML に変換してから直してください。
        quiz.gift:1:1: `set.pass_mark` は GIFT に書けないため `70` にしました。違う場合はファイルの先頭に`// credo-quiz: set.pass_mark = …` の行を書くか、TOML に変換してから直してください。
        quiz.gift:1:1: `source.office`がありません(GIFT には書く場所がありません)。ファイルの先頭に`// credo-quiz: source.office = …` の行を書くか、TOML に変換してから追加してください。
        quiz.gift:1:1: `source.title`がありません(GIFT には書く場所がありません)。ファイルの先頭に`// credo-quiz: source.title = …` の行を書くか、TOML に変換してから追加してください。
        quiz.gift:1:1: 原則がありません。ファイルの先頭に `// credo-quiz: principle.id = …` と principle.label・principle.summary の行を書くか、TOML に変換してから [[principles]] を追加してください。
        quiz.gift:1:10: 正誤問題({T}・{F})は取り込めません。{=正しい ~誤り} のような選択肢問題に書き換えてください。
        quiz.gift:3:1: `difficulty` は GIFT に書けないため `初級` にしました。違う場合は問題のすぐ上に`// credo-quiz: difficulty = …` の行を書くか、TOML に変換してから直してください。
        quiz.gift:3:1: `quote`(出典の一節をそのまま)がありません(GIFT には書く場所がありません)。問題のすぐ上に`// credo-quiz: quote = …` の行を書くか、TOML に変換してから追加してください。
        quiz.gift:3:18: 解説がありません。閉じる } の直前に ####解説 を書いてください。
    "#]]
    .assert_eq(&ja);
}

// ---------------------------------------------------------------- export and round trip

#[test]
fn export_of_a_small_set() {
    expect![[r#"
        // GIFT for Moodle, written by credo-quiz. Moodle ignores lines starting with //;
        // credo-quiz reads the `// credo-quiz:` ones back (set, source, principles, and per question
        // its kind, difficulty and quote; a scenario's answers are principle labels, `options` their ids).
        // credo-quiz: set.id = demo
        // credo-quiz: set.title = デモ
        // credo-quiz: set.pass_mark = 60
        // credo-quiz: source.office = 前橋市
        // credo-quiz: source.title = 前橋市職員クレド
        // credo-quiz: principle.id = shimin
        // credo-quiz: principle.label = 市民目線を追求します
        // credo-quiz: principle.summary = 市民の立場で考える。
        // credo-quiz: principle.id = team
        // credo-quiz: principle.label = チームで知恵と力を出し合います
        // credo-quiz: principle.summary = 所管を越えて協力する。

        $CATEGORY: デモ

        // credo-quiz: kind = scenario
        // credo-quiz: options = shimin, team
        // credo-quiz: difficulty = 初級
        // credo-quiz: quote = 市民目線を問い続けましょう。
        ::q1::窓口で、制度の説明を相手の言葉に置き換えた。{
        	=市民目線を追求します
        	~チームで知恵と力を出し合います
        	####相手の立場に立っている。
        }

        // credo-quiz: difficulty = 中級
        // credo-quiz: quote = 令和6年12月
        ::q2::策定はいつですか。{
        	=令和6年12月
        	~令和7年2月
        	####令和6年12月に策定された。
        }
    "#]]
    .assert_eq(&to_gift(valid_set().data()));
}

/// Texts that need GIFT's escapes, line breaks Moodle would trim or take for a blank line (PHP
/// counts a lone `0` as one) or a comment, and texts that would read as HTML, partial credit or a
/// format marker.
#[test]
fn export_escapes_what_moodle_would_misread_and_round_trips() {
    let mut data = valid_set().data().clone();
    let q = &mut data.questions[1];
    q.text = "A ~ = # { } : \\ text\nwith a line\n\nafter a blank line\n// not a comment\n0\n  indented\ntrailing  \nend <b>".into();
    q.options = vec!["%50%以上".into(), "[plain]そのまま".into(), "a=b".into()];
    q.answer = "a=b".into();
    q.explanation = "[html]x\n\u{3000}全角の空白で始まる行".into();
    data.title = "研修/2025".into();
    let set = QuestionSet::new(data).expect("still valid");
    let gift = to_gift(set.data());
    let question = gift.split("\n\n").last().unwrap();
    expect![[r#"
        // credo-quiz: difficulty = 中級
        // credo-quiz: quote = 令和6年12月
        ::q2::[plain]A \~ \= \# \{ \} \: \\ text
        with a line\n
        after a blank line\n// not a comment\n0\n  indented
        trailing  \nend <b>{
        	~[plain]%50%以上
        	~[plain][plain]そのまま
        	=a\=b
        	####[plain][html]x\n　全角の空白で始まる行
        }
    "#]]
    .assert_eq(question);
    assert!(gift.contains("\n$CATEGORY: 研修//2025\n"), "a slash in a category name is doubled");
    let back = parse_gift("set.gift", &gift);
    assert_eq!(back.diagnostics, vec![]);
    assert_eq!(back.set.as_ref(), Some(&set));
}

/// Every shipped set goes out as GIFT and comes back unchanged, with no diagnostic.
#[test]
fn every_shipped_set_round_trips() {
    let loaded = load(&[crate::root().join("questions")]);
    let mut count = 0;
    for parsed in &loaded.sets {
        let set = parsed.valid_set().unwrap_or_else(|| panic!("{} is valid", parsed.file));
        let back = parse_gift("set.gift", &to_gift(set.data()));
        assert_eq!(back.diagnostics, vec![], "{}", parsed.file);
        assert_eq!(back.set.as_ref(), Some(set), "{}", parsed.file);
        count += 1;
    }
    assert!(count >= 6, "found {count} sets");
}

/// Never a panic: every prefix of an exported file, and the file with each line dropped, gives
/// a set or diagnostics; the whole file gives the set back.
#[test]
fn truncated_and_mangled_input_never_panics() {
    let mut set = valid_set().data().clone();
    set.questions[1].text = "改行\nと \\{ 記号 } と # ~ =\n\nを含む".into();
    let gift = format!("\u{feff}{}", to_gift(&set).replace('\n', "\r\n"));
    let chars: Vec<char> = gift.chars().collect();
    for n in 0..chars.len() {
        let prefix: String = chars[..n].iter().collect();
        let parsed = parse_gift("cut.gift", &prefix);
        assert!(parsed.valid_set().is_some() || !parsed.diagnostics.is_empty(), "prefix {n}");
    }
    let lines: Vec<&str> = gift.lines().collect();
    for skip in 0..lines.len() {
        let text: String =
            lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| format!("{l}\n")).collect();
        let parsed = parse_gift("drop.gift", &text);
        assert!(parsed.valid_set().is_some() || !parsed.diagnostics.is_empty(), "line {skip}");
    }
    for garbage in [
        "{",
        "}",
        "::",
        "::a",
        "{}",
        "~",
        "=",
        "#",
        "####",
        "\\",
        "$CATEGORY:",
        "// credo-quiz:",
        "{=a ~b#",
        "[html",
        "{~%",
        "::x::{=a~b}",
    ] {
        let parsed = parse_gift("garbage.gift", garbage);
        assert!(!parsed.diagnostics.is_empty(), "{garbage:?}");
    }
    assert_eq!(parse_gift("crlf.gift", &gift).set.map(|s| s.data().clone()), Some(set));
}
