//! Result files out and back in, and many of them merged into a group view: people, principles, confusions, skipped files.

use credo_authoring::group::{merge, read_result, to_csv, Merged, Tally};
use credo_core::engine::{Attempt, Event, Outcome};
use credo_core::history::{History, HistoryEntry};
use credo_core::i18n::Lang;
use credo_core::model::QuestionSet;
use credo_core::parse::parse_set;
use credo_core::result_file::{file_name, iso_local, result_json, string};
use credo_records::{decode, encode, Decoded};
use expect_test::{expect, Expect};

/// Three principles, three scenarios and a choice question tied to no principle.
const SET: &str = r#"
id = "demo"
title = "デモ"
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

[[principles]]
id = "kaizen"
label = "前例にとらわれず改善します"
summary = "やり方を見直す。"

[[questions]]
id = "s1"
kind = "scenario"
difficulty = "初級"
text = "窓口で説明を相手の言葉に置き換えた。"
answer = "shimin"
explanation = "相手の立場。"
quote = "市民目線"

[[questions]]
id = "s2"
kind = "scenario"
difficulty = "初級"
text = "他課と調査票を作った。"
answer = "team"
explanation = "所管を越えた。"
quote = "チーム"

[[questions]]
id = "s3"
kind = "scenario"
difficulty = "初級"
text = "毎年の手順を見直した。"
answer = "kaizen"
explanation = "やり方を変えた。"
quote = "改善"

[[questions]]
id = "c1"
kind = "choice"
difficulty = "中級"
text = "策定はいつですか。"
options = ["令和6年12月", "令和7年2月"]
answer = "令和6年12月"
explanation = "令和6年12月。"
quote = "令和6年12月"
"#;

fn set() -> QuestionSet {
    let parsed = parse_set("demo.toml", SET);
    assert_eq!(parsed.diagnostics, vec![]);
    parsed.set.unwrap()
}

/// 2025-11-21 13:40:05 in Japan.
const MS: f64 = 1_763_700_005_000.0;

/// The file of an attempt answering question ids with the given options, finished `minutes` after MS.
fn result(set: &QuestionSet, name: &str, minutes: f64, answers: &[(&str, &str)]) -> String {
    let mut attempt = Attempt::start(set, None, 1);
    while let Some(id) = attempt.current_question_id().map(str::to_string) {
        let chosen = answers.iter().find(|(q, _)| *q == id).map_or("?", |(_, a)| a);
        assert!(attempt.apply(set, Event::Answer(chosen.to_string())), "{id} <- {chosen}");
        attempt.apply(set, Event::Next);
    }
    result_json(set, &attempt.outcome(set), name, &iso_local(MS + minutes * 60_000.0, 540))
}

fn check_string(input: &str, expected: Expect) {
    let written = string(input);
    let back: String = serde_json::from_str(&written).expect("valid JSON");
    assert_eq!(back, input, "reads back as written");
    expected.assert_eq(&written);
}

#[test]
fn json_strings_escape_quotes_backslashes_and_control_characters_and_keep_japanese() {
    check_string(r#"山田 "ヤマ" 太郎"#, expect![[r#""山田 \"ヤマ\" 太郎""#]]);
    check_string(r"C:\職員\001", expect![[r#""C:\\職員\\001""#]]);
    check_string("一行目\n二行目\r\n\tタブ", expect![[r#""一行目\n二行目\r\n\tタブ""#]]);
    check_string("\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}", expect![[r#""\u0000\u0001\u0008\u000c\u001f\u007f""#]]);
    check_string("区切り\u{2028}段落\u{2029}", expect![[r#""区切り\u2028段落\u2029""#]]);
    check_string("絵文字 🙂 と ｶﾅ と ①", expect![[r#""絵文字 🙂 と ｶﾅ と ①""#]]);
    check_string("", expect![[r#""""#]]);
}

#[test]
fn dates_and_file_names_in_local_time() {
    assert_eq!(iso_local(MS, 540), "2025-11-21T13:40:05+09:00");
    assert_eq!(iso_local(MS, 0), "2025-11-21T04:40:05+00:00");
    assert_eq!(iso_local(MS, -330), "2025-11-20T23:10:05-05:30");
    assert_eq!(iso_local(999.0, 0), "1970-01-01T00:00:00+00:00");
    assert_eq!(iso_local(-1000.0, 600), "1970-01-01T09:59:59+10:00");
    assert_eq!(
        file_name("maebashi-credo", "前橋 太郎", &iso_local(MS, 540)),
        "credo-quiz-maebashi-credo-前橋_太郎-20251121-1340.json"
    );
    assert_eq!(file_name("demo", " a/b:c*? ", &iso_local(MS, -330)), "credo-quiz-demo-abc-20251120-2310.json");
    assert_eq!(file_name("demo", "", &iso_local(MS, -330)), "credo-quiz-demo-20251120-2310.json");
}

#[test]
fn a_written_file_reads_back_as_it_was() {
    let set = set();
    let json = result(
        &set,
        "  山田 \"ヤマ\" 太郎\\01\n\u{1} ",
        0.0,
        &[("s1", "team"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和7年2月")],
    );
    expect![[r#"
        {
          "format": "credo-quiz-result",
          "version": 1,
          "set_id": "demo",
          "set_title": "デモ",
          "name": "山田 \"ヤマ\" 太郎\\01\n\u0001",
          "finished_at": "2025-11-21T13:40:05+09:00",
          "score": 2,
          "max": 4,
          "passed": false,
          "principles": [
            {"id": "shimin", "label": "市民目線を追求します"},
            {"id": "team", "label": "チームで知恵と力を出し合います"},
            {"id": "kaizen", "label": "前例にとらわれず改善します"}
          ],
          "answers": [
            {"question_id": "s3", "principle": "kaizen", "kind": "scenario", "chosen": "kaizen", "correct": true},
            {"question_id": "s1", "principle": "shimin", "kind": "scenario", "chosen": "team", "correct": false},
            {"question_id": "c1", "principle": null, "kind": "choice", "chosen": "令和7年2月", "correct": false},
            {"question_id": "s2", "principle": "team", "kind": "scenario", "chosen": "team", "correct": true}
          ]
        }
    "#]]
    .assert_eq(&json);
    let file = read_result(&json).expect("reads back");
    assert_eq!(file.name, "山田 \"ヤマ\" 太郎\\01\n\u{1}", "escapes read back as the characters typed, trimmed");
    assert_eq!(
        (file.set_id.as_str(), file.set_title.as_str(), file.score, file.max, file.passed),
        ("demo", "デモ", 2, 4, false)
    );
    assert_eq!(
        file.principles.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(),
        ["市民目線を追求します", "チームで知恵と力を出し合います", "前例にとらわれず改善します"]
    );
    let answers: Vec<String> = file
        .answers
        .iter()
        .map(|a| format!("{} {:?} {:?} {} {}", a.question_id, a.principle, a.kind, a.chosen, a.correct))
        .collect();
    assert_eq!(
        answers,
        [
            "s3 Some(\"kaizen\") Some(\"scenario\") kaizen true",
            "s1 Some(\"shimin\") Some(\"scenario\") team false",
            "c1 None Some(\"choice\") 令和7年2月 false",
            "s2 Some(\"team\") Some(\"scenario\") team true",
        ]
    );
    assert_eq!(read_result(&format!("\u{feff}{json}")), Ok(file), "a byte-order mark is ignored");
}

/// The merge as the trainer sees it: counts, the table, the heatmap, confusions, skipped files.
fn render(m: &Merged) -> String {
    let cell = |t: &Tally| match t.percent() {
        Some(p) => format!("{}/{} {p}%", t.correct, t.total),
        None => "-".into(),
    };
    let columns: Vec<String> = m.columns.iter().map(|c| c.id.clone().unwrap_or("(other)".into())).collect();
    let mut out = format!("set {} {} | found {:?}\n", m.set_id, m.set_title, m.sets_found);
    out += "attempts:\n";
    for a in &m.attempts {
        out += &format!(
            "  {} {} {}/{} {} [{}]\n",
            a.name,
            a.finished_at,
            a.score,
            a.max,
            if a.passed { "passed" } else { "failed" },
            a.file
        );
    }
    out += &format!("heatmap: {}\n", columns.join(" | "));
    for p in &m.people {
        out +=
            &format!("  {} (x{}): {}\n", p.name, p.attempts, p.cells.iter().map(cell).collect::<Vec<_>>().join(" | "));
    }
    out += &format!("  group: {}\n", m.group.iter().map(cell).collect::<Vec<_>>().join(" | "));
    out += "confusions:\n";
    for c in &m.confusions {
        out += &format!("  {} -> {}: {}\n", c.answer, c.chosen, c.count);
    }
    for s in &m.skipped {
        out += &format!("skipped {}: {}\n", s.file, s.reason.message(Lang::En, &m.set_id));
    }
    for d in &m.duplicates {
        out += &format!("duplicate {} of {}\n", d.file, d.same_as);
    }
    out
}

fn check_merge(files: &[(&str, String)], set_id: Option<&str>, expected: Expect) -> Merged {
    let files: Vec<(String, String)> = files.iter().map(|(n, t)| (n.to_string(), t.clone())).collect();
    let merged = merge(&files, set_id);
    expected.assert_eq(&render(&merged));
    // The sums add up: every file is counted, skipped or a duplicate; each column of the group
    // is the sum of the people; every answer of a counted attempt is in exactly one cell.
    assert_eq!(merged.attempts.len() + merged.skipped.len() + merged.duplicates.len(), files.len());
    assert_eq!(merged.people.iter().map(|p| p.attempts).sum::<usize>(), merged.attempts.len());
    for (i, g) in merged.group.iter().enumerate() {
        let sum = merged.people.iter().fold(Tally::default(), |s, p| Tally {
            correct: s.correct + p.cells[i].correct,
            total: s.total + p.cells[i].total,
        });
        assert_eq!(*g, sum, "column {i}");
    }
    assert_eq!(
        merged.group.iter().map(|t| t.total).sum::<usize>(),
        merged.attempts.iter().map(|a| a.max).sum::<usize>()
    );
    assert_eq!(
        merged.group.iter().map(|t| t.correct).sum::<usize>(),
        merged.attempts.iter().map(|a| a.score).sum::<usize>()
    );
    for a in &merged.attempts {
        assert_eq!(a.cells.iter().map(|t| t.total).sum::<usize>(), a.max, "{}", a.file);
    }
    merged
}

fn other_set_file() -> String {
    let mut other = set().data().clone();
    other.id = "other".into();
    other.title = "別のセット".into();
    other.questions.truncate(1);
    let other = QuestionSet::new(other).expect("still a valid set");
    result(&other, "佐藤", 0.0, &[("s1", "shimin")])
}

#[test]
fn three_files_merge_and_another_set_and_a_broken_file_are_skipped_by_name() {
    let set = set();
    let yamada = result(&set, "山田", 0.0, &[("s1", "team"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    let suzuki = result(&set, "鈴木", 1.0, &[("s1", "shimin"), ("s2", "shimin"), ("s3", "team"), ("c1", "令和7年2月")]);
    let tanaka = result(&set, "E1234", 2.0, &[("s1", "team"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    let merged = check_merge(
        &[
            ("yamada.json", yamada.clone()),
            ("broken.json", yamada[..120].to_string()),
            ("suzuki.json", suzuki),
            ("other.json", other_set_file()),
            ("tanaka.json", tanaka),
        ],
        None,
        expect![[r#"
            set demo デモ | found [("demo", "デモ", 3), ("other", "別のセット", 1)]
            attempts:
              E1234 2025-11-21T13:42:05+09:00 3/4 passed [tanaka.json]
              山田 2025-11-21T13:40:05+09:00 3/4 passed [yamada.json]
              鈴木 2025-11-21T13:41:05+09:00 1/4 failed [suzuki.json]
            heatmap: shimin | team | kaizen | (other)
              E1234 (x1): 0/1 0% | 1/1 100% | 1/1 100% | 1/1 100%
              山田 (x1): 0/1 0% | 1/1 100% | 1/1 100% | 1/1 100%
              鈴木 (x1): 1/1 100% | 0/1 0% | 0/1 0% | 0/1 0%
              group: 1/3 33% | 2/3 66% | 2/3 66% | 2/3 66%
            confusions:
              shimin -> team: 2
              kaizen -> team: 1
              team -> shimin: 1
            skipped broken.json: Cannot be read as a result file (EOF while parsing a string at line 7 column 4). It is damaged or another kind of file.
            skipped other.json: A result of another set, `other` (this table is for `demo`).
        "#]],
    );
    assert_eq!(merged.label("team"), "チームで知恵と力を出し合います");
    assert_eq!(merged.confusion("shimin", "team"), 2);
    assert_eq!(merged.confusion("team", "kaizen"), 0);
}

#[test]
fn duplicates_count_once_and_a_retry_is_a_second_attempt_of_the_same_person() {
    let set = set();
    let first = result(&set, "山田", 0.0, &[("s1", "team"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    let retry =
        result(&set, "山田 ", 30.0, &[("s1", "shimin"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    check_merge(
        &[("a.json", first.clone()), ("a (1).json", first), ("b.json", retry)],
        None,
        expect![[r#"
            set demo デモ | found [("demo", "デモ", 3)]
            attempts:
              山田 2025-11-21T13:40:05+09:00 3/4 passed [a.json]
              山田 2025-11-21T14:10:05+09:00 4/4 passed [b.json]
            heatmap: shimin | team | kaizen | (other)
              山田 (x2): 1/2 50% | 2/2 100% | 2/2 100% | 2/2 100%
              group: 1/2 50% | 2/2 100% | 2/2 100% | 2/2 100%
            confusions:
              shimin -> team: 1
            duplicate a (1).json of a.json
        "#]],
    );
}

#[test]
fn every_kind_of_bad_file_is_named_with_its_reason() {
    let set = set();
    let good = result(&set, "山田", 0.0, &[("s1", "shimin"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    let unnamed = result(&set, "  ", 0.0, &[("s1", "shimin"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    check_merge(
        &[
            ("good.json", good.clone()),
            ("questions.toml", SET.to_string()),
            ("empty.json", String::new()),
            ("package.json", r#"{"name": "credo-quiz", "version": "1.0.0"}"#.into()),
            ("newer.json", good.replace("\"version\": 1", "\"version\": 2")),
            ("edited.json", good.replace("\"score\": 4", "\"score\": 5")),
            (
                "no-answers.json",
                good.replace("\"score\": 4", "\"score\": 0")
                    .replace("\"max\": 4", "\"max\": 0")
                    .split("\"answers\"")
                    .next()
                    .unwrap()
                    .to_string()
                    + "\"answers\": []}",
            ),
            ("unnamed.json", unnamed),
            ("missing-field.json", good.replace("\"passed\": true,", "")),
        ],
        None,
        expect![[r#"
            set demo デモ | found [("demo", "デモ", 1)]
            attempts:
              山田 2025-11-21T13:40:05+09:00 4/4 passed [good.json]
            heatmap: shimin | team | kaizen | (other)
              山田 (x1): 1/1 100% | 1/1 100% | 1/1 100% | 1/1 100%
              group: 1/1 100% | 1/1 100% | 1/1 100% | 1/1 100%
            confusions:
            skipped questions.toml: Cannot be read as a result file (expected value at line 2 column 1). It is damaged or another kind of file.
            skipped empty.json: Cannot be read as a result file (EOF while parsing a value at line 1 column 0). It is damaged or another kind of file.
            skipped package.json: Not a credo quiz result file.
            skipped newer.json: Written by a newer version of the quiz (version 2). Update this page.
            skipped edited.json: The score or maximum does not match the answers. The file was edited or cut short.
            skipped no-answers.json: The score or maximum does not match the answers. The file was edited or cut short.
            skipped unnamed.json: No name or staff number: whose result it is is unknown.
            skipped missing-field.json: Cannot be read as a result file (missing field `passed`). It is damaged or another kind of file.
        "#]],
    );
}

#[test]
fn the_set_can_be_chosen_and_nothing_readable_gives_an_empty_view() {
    let set = set();
    let demo = result(&set, "山田", 0.0, &[("s1", "shimin"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    check_merge(
        &[("demo.json", demo), ("other.json", other_set_file())],
        Some("other"),
        expect![[r#"
        set other 別のセット | found [("demo", "デモ", 1), ("other", "別のセット", 1)]
        attempts:
          佐藤 2025-11-21T13:40:05+09:00 1/1 passed [other.json]
        heatmap: shimin | team | kaizen
          佐藤 (x1): 1/1 100% | - | -
          group: 1/1 100% | - | -
        confusions:
        skipped demo.json: A result of another set, `demo` (this table is for `other`).
    "#]],
    );
    check_merge(
        &[("x.json", "{".into())],
        None,
        expect![[r#"
        set   | found []
        attempts:
        heatmap: 
          group: 
        confusions:
        skipped x.json: Cannot be read as a result file (EOF while parsing an object at line 1 column 1). It is damaged or another kind of file.
    "#]],
    );
}

#[test]
fn csv_for_excel_has_a_bom_crlf_quoting_and_no_formulas() {
    let set = set();
    let a =
        result(&set, "山田, \"ヤマ\"", 0.0, &[("s1", "team"), ("s2", "team"), ("s3", "kaizen"), ("c1", "令和6年12月")]);
    let b = result(
        &set,
        "=HYPERLINK(\"x\")",
        1.0,
        &[("s1", "shimin"), ("s2", "shimin"), ("s3", "team"), ("c1", "令和7年2月")],
    );
    let files = vec![("a.json".to_string(), a), ("b,1.json".to_string(), b)];
    let merged = merge(&files, None);
    let csv = to_csv(&merged, Lang::Ja);
    assert!(csv.starts_with('\u{feff}'), "byte-order mark");
    assert!(!csv.replace("\r\n", "").contains('\n'), "CRLF line ends only");
    expect![[r#"
        氏名・職員番号,受講日時,得点,満点,正答率(%),合否,市民目線を追求します 正答,市民目線を追求します 出題,チームで知恵と力を出し合います 正答,チームで知恵と力を出し合います 出題,前例にとらわれず改善します 正答,前例にとらわれず改善します 出題,その他 正答,その他 出題,ファイル
        "'=HYPERLINK(""x"")",2025-11-21T13:41:05+09:00,1,4,25,不合格,1,1,0,1,0,1,0,1,"b,1.json"
        "山田, ""ヤマ""",2025-11-21T13:40:05+09:00,3,4,75,合格,0,1,1,1,1,1,1,1,a.json
    "#]]
    .assert_eq(&csv.trim_start_matches('\u{feff}').replace("\r\n", "\n"));
    expect![[r#"
        Name or staff number,Finished at,Score,Max,Percent,Result,市民目線を追求します right,市民目線を追求します asked,チームで知恵と力を出し合います right,チームで知恵と力を出し合います asked,前例にとらわれず改善します right,前例にとらわれず改善します asked,Other right,Other asked,File
    "#]]
    .assert_eq(&format!("{}\n", to_csv(&merged, Lang::En).trim_start_matches('\u{feff}').lines().next().unwrap_or_default()));
}

#[test]
fn the_answers_ride_along_for_the_file_but_are_never_stored() {
    let set = set();
    let mut attempt = Attempt::start(&set, None, 1);
    while let Some(id) = attempt.current_question_id().map(str::to_string) {
        let answer = set.question(&id).unwrap().answer.clone();
        attempt.apply(&set, Event::Answer(answer));
        attempt.apply(&set, Event::Next);
    }
    let outcome = attempt.outcome(&set);
    assert_eq!(outcome.answers.len(), 4);
    let entry = |outcome: Outcome| HistoryEntry { finished_at_ms: 0.0, utc_offset_min: 540, outcome };
    let history = History { entries: vec![entry(outcome.clone())], ..Default::default() };
    let mut without = outcome;
    without.answers.clear();
    let stored = History { entries: vec![entry(without)], ..Default::default() };
    // Stored histories keep their shape (schema 1): the answers are not in the record, and what
    // is read back is the outcome without them.
    assert_eq!(encode(&history), encode(&stored));
    assert_eq!(decode::<History>(&encode(&history)), Decoded::Ok(stored));
}
