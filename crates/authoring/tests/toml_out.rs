//! A set written back as TOML: the text it gives, and that reading it back gives the same set.

use std::path::PathBuf;

use credo_authoring::toml_out::to_toml;
use credo_core::i18n::Lang;
use credo_core::model::QuestionSet;
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

use crate::VALID;

/// Parses `input`, writes it, checks the round trip and compares the written tables (the
/// paragraphs between blank lines) that contain one of `show`; `""` shows them all.
fn check(input: &str, show: &[&str], expected: Expect) {
    let written = round_trip("set.toml", input);
    let tables: Vec<&str> = written.split("\n\n").filter(|t| show.iter().any(|s| t.contains(s))).collect();
    expected.assert_eq(&(tables.join("\n\n").trim_end().to_string() + "\n"));
}

const Q2: &str = "id = \"q2\"";

/// `to_toml` of the set in `input`, after asserting that it reads back as the same set.
fn round_trip(file: &str, input: &str) -> String {
    let set = valid_set(file, input);
    let written = to_toml(set.data());
    assert_eq!(valid_set("written.toml", &written), set, "the written file must read back as the same set");
    written
}

/// The set in `text`, asserting that it has no problem.
fn valid_set(file: &str, text: &str) -> QuestionSet {
    let parsed = parse_set(file, text);
    let problems: Vec<String> = parsed.diagnostics.iter().map(|d| d.render(Lang::En)).collect();
    assert_eq!(problems, Vec::<String>::new(), "{file} must be a valid set:\n{text}");
    parsed.set.expect("no problem means a set")
}

fn edit(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "anchor {from:?} not in VALID");
    VALID.replacen(from, to, 1)
}

#[test]
fn a_set_already_in_the_shipped_layout_is_written_back_as_it_was() {
    // VALID (tests/data/demo-set.toml) follows the layout exactly: the writer's own header comment
    // takes the place of the file's.
    let written = round_trip("set.toml", VALID);
    let (_, body) = VALID.split_once('\n').unwrap();
    assert_eq!(written, format!("# 前橋市「前橋市職員クレド」の問題セット\n{body}"));
}

#[test]
/// Other control characters are refused by the model (quizcheck's round_trip tests).
fn quotes_backslashes_and_tabs_are_escaped() {
    let input = edit(r#"text = "策定はいつですか。""#, r#"text = "「\"引用\"」と C:\\path\\ とタブ\tと記号""#)
        .replacen(
            r#"options = ["令和6年12月", "令和7年2月"]"#,
            r#"options = ["令和6年12月", "\"\"\"三つの引用符\"\"\"", "末尾の\\"]"#,
            1,
        );
    check(
        &input,
        &[Q2],
        expect![[r#"
            [[questions]]
            id = "q2"
            kind = "choice"
            difficulty = "中級"
            text = "「\"引用\"」と C:\\path\\ とタブ	と記号"
            options = ["令和6年12月", "\"\"\"三つの引用符\"\"\"", "末尾の\\"]
            answer = "令和6年12月"
            explanation = "令和6年12月に策定された。"
            quote = "令和6年12月"
        "#]],
    );
}

#[test]
fn text_with_line_breaks_becomes_a_multiline_string_that_survives_quote_runs() {
    // Runs of one to seven quotes, a backslash at a line end, a quote last.
    let explanation = r#"explanation = "一行目\n\"二行目\"の\"\"引用\"\"\"\"\"\"\"\n行末の\\\n復帰\n最後が引用符\"""#;
    let input = edit(r#"explanation = "令和6年12月に策定された。""#, explanation).replacen(
        "summary = \"市民の立場で考える。\"",
        "summary = \"\"\"\n市民の立場で\n考える。\n\"\"\"",
        1,
    );
    check(
        &input,
        &["id = \"shimin\"", Q2],
        expect![[r#"
            [[principles]]
            id = "shimin"
            label = "市民目線を追求します"
            summary = """
            市民の立場で
            考える。
            """

            [[questions]]
            id = "q2"
            kind = "choice"
            difficulty = "中級"
            text = "策定はいつですか。"
            options = ["令和6年12月", "令和7年2月"]
            answer = "令和6年12月"
            explanation = """
            一行目
            "二行目"の""引用""\"""\""
            行末の\\
            復帰
            最後が引用符"
            """
            quote = "令和6年12月"
        "#]],
    );
}

#[test]
fn source_lists_long_options_and_chosen_scenario_options_are_kept() {
    let input = edit("title = \"前橋市職員クレド\"\n", "title = \"前橋市職員クレド\"\ndate = \"2024-12\"\nurl = \"https://example.jp/credo\"\nfile = [\"a.txt\", \"b.txt\"]\n")
        .replacen("answer = \"shimin\"", "options = [\"team\", \"shimin\"]\nanswer = \"shimin\"", 1)
        .replacen("[\"令和6年12月\", \"令和7年2月\"]", "[\"令和6年12月に策定され、同時に職員の行動の指針として示された\", \"令和7年2月に策定され、翌年度から職員研修に取り入れられた\"]", 1)
        .replacen("answer = \"令和6年12月\"", "answer = \"令和6年12月に策定され、同時に職員の行動の指針として示された\"\nprinciple = \"team\"", 1);
    check(
        &input,
        &["[source]", "id = \"q1\"", Q2],
        expect![[r#"
            [source]
            office = "前橋市"
            title = "前橋市職員クレド"
            date = "2024-12"
            url = "https://example.jp/credo"
            file = ["a.txt", "b.txt"]

            [[questions]]
            id = "q1"
            kind = "scenario"
            difficulty = "初級"
            text = "窓口で、制度の説明を相手の言葉に置き換えた。"
            options = ["team", "shimin"]
            answer = "shimin"
            explanation = "相手の立場に立っている。"
            quote = "市民目線を問い続けましょう。"

            [[questions]]
            id = "q2"
            kind = "choice"
            difficulty = "中級"
            text = "策定はいつですか。"
            options = [
              "令和6年12月に策定され、同時に職員の行動の指針として示された",
              "令和7年2月に策定され、翌年度から職員研修に取り入れられた",
            ]
            answer = "令和6年12月に策定され、同時に職員の行動の指針として示された"
            principle = "team"
            explanation = "令和6年12月に策定された。"
            quote = "令和6年12月"
        "#]],
    );
}

#[test]
fn every_shipped_set_round_trips() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../questions"));
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            round_trip(&path.display().to_string(), &std::fs::read_to_string(&path).unwrap());
            count += 1;
        }
    }
    assert!(count >= 6, "expected the shipped sets in {}", dir.display());
}
