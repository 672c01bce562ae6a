//! Excel CSV in (UTF-8, BOM, CP932; quoted commas and line breaks; broken rows) and out, and `quizcheck convert`.

use std::path::{Path, PathBuf};
use std::process::Command;

use credo_authoring::csv::{parse_csv, to_csv};
use credo_authoring::problem::DraftProblem;
use credo_core::i18n::Lang;
use credo_core::parse::{parse_set, Parsed};
use expect_test::{expect, Expect};
use quizcheck::encoding::decode_text;

use crate::VALID;

/// The set of `VALID` (tests/data/demo-set.toml) as a trainer would type it in Excel. Columns:
/// 1 種別, 2 ID, 3 本文, 4 正解, 5-7 選択肢1-3, 8 原則, 9 難易度, 10 解説, 11 引用.
/// Setting and principle rows stop after their last value, as Excel allows.
const VALID_CSV: &str = "\
種別,ID,本文,正解,選択肢1,選択肢2,選択肢3,原則,難易度,解説,引用
設定,id,demo
設定,title,デモ
設定,pass_mark,60
設定,office,前橋市
設定,source_title,前橋市職員クレド
原則,shimin,市民目線を追求します,,,,,,,市民の立場で考える。
原則,team,チームで知恵と力を出し合います,,,,,,,所管を越えて協力する。
シナリオ,q1,窓口で、制度の説明を相手の言葉に置き換えた。,shimin,,,,,初級,相手の立場に立っている。,市民目線を問い続けましょう。
選択,q2,策定はいつですか。,令和6年12月,令和6年12月,令和7年2月,,,中級,令和6年12月に策定された。,令和6年12月
";

/// The set read from `input`, in a line per question, or every problem in Japanese.
fn check(input: &str, expected: Expect) {
    expected.assert_eq(&describe(&parse_csv("set.csv", input), Lang::Ja));
}

/// As `check`, from bytes as Excel saved them.
fn check_bytes(bytes: &[u8], expected: Expect) {
    check(&decode_text(bytes), expected);
}

fn describe(parsed: &Parsed<DraftProblem>, lang: Lang) -> String {
    if !parsed.diagnostics.is_empty() {
        return parsed.diagnostics.iter().map(|d| d.render(lang) + "\n").collect();
    }
    let Some(set) = &parsed.set else {
        return "no set and no problem\n".into();
    };
    let mut out = format!(
        "ok {} {:?} pass {} from {} {:?}\n",
        set.id(),
        set.title(),
        set.pass_mark(),
        set.source().office,
        set.source().title
    );
    for p in set.principles() {
        out += &format!("principle {} {:?} {:?}\n", p.id, p.label, p.summary);
    }
    for q in set.questions() {
        out += &format!(
            "{} {:?} {} {:?} options {:?} answer {:?} principle {:?}\n  explanation {:?} quote {:?}\n",
            q.id,
            q.kind,
            q.difficulty.label(),
            q.text,
            q.options,
            q.answer,
            q.principle,
            q.explanation,
            q.quote
        );
    }
    out
}

fn edit(from: &str, to: &str) -> String {
    assert!(VALID_CSV.contains(from), "anchor {from:?} not in VALID_CSV");
    VALID_CSV.replacen(from, to, 1)
}

fn data(name: &str) -> PathBuf {
    crate::root().join("tests/data/csv").join(name)
}

#[test]
fn a_csv_set_is_the_same_set_as_its_toml() {
    let from_csv = parse_csv("set.csv", VALID_CSV);
    assert_eq!(from_csv.diagnostics, vec![]);
    assert_eq!(from_csv.set, parse_set("set.toml", VALID).set);
    check(
        VALID_CSV,
        expect![[r#"
        ok demo "デモ" pass 60 from 前橋市 "前橋市職員クレド"
        principle shimin "市民目線を追求します" "市民の立場で考える。"
        principle team "チームで知恵と力を出し合います" "所管を越えて協力する。"
        q1 Scenario 初級 "窓口で、制度の説明を相手の言葉に置き換えた。" options ["shimin", "team"] answer "shimin" principle Some("shimin")
          explanation "相手の立場に立っている。" quote "市民目線を問い続けましょう。"
        q2 Choice 中級 "策定はいつですか。" options ["令和6年12月", "令和7年2月"] answer "令和6年12月" principle None
          explanation "令和6年12月に策定された。" quote "令和6年12月"
    "#]],
    );
}

#[test]
fn excel_utf8_with_bom_crlf_quoted_commas_quotes_and_line_breaks() {
    let bytes = std::fs::read(data("excel-utf8-bom.csv")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf") && bytes.windows(2).any(|w| w == b"\r\n"));
    check_bytes(
        &bytes,
        expect![[r#"
        ok utf8-bom "クレド, 研修用" pass 60 from 前橋市 "前橋市職員クレド"
        principle shimin "市民目線を追求します" "市民の立場で、考え続ける。"
        principle team "チームで知恵と力を出し合います" "所管を越えて、協力する。"
        q1 Scenario 初級 "窓口で、制度の説明を\n相手の言葉に置き換えた。" options ["shimin", "team"] answer "shimin" principle Some("shimin")
          explanation "相手の立場に立っている。\n「チーム」ではない。" quote "市民目線を問い続けましょう。"
        q2 Choice 中級 "「\"クレド\"」の策定は、いつですか。" options ["令和6年12月, 前橋市", "令和7年2月, 前橋市", "令和8年4月"] answer "令和6年12月, 前橋市" principle Some("team")
          explanation "令和6年12月に策定された。" quote "令和6年12月"
    "#]],
    );
}

#[test]
fn excel_shift_jis_cp932_with_machine_dependent_characters() {
    // Written by Python's cp932 codec, not by encoding_rs, so the decoder is checked against another encoder.
    let bytes = std::fs::read(data("excel-cp932.csv")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must not be UTF-8");
    check_bytes(
        &bytes,
        expect![[r#"
        ok kanri-kihon "髙崎市 窓口対応の基本①" pass 70 from 髙崎市役所 "窓口対応の手引き～基本編～"
        principle teinei "丁寧に説明します" "相手の言葉で、要点を先に、短く説明する。"
        principle kakunin "確かめてから動きます" "記録と規程を確かめてから答える。"
        q1 Scenario 初級 "窓口で「申請書の書き方が分からない」と言われた。職員は記入例を示し、相手の言葉に置き換えて、要点を先に伝えた。" options ["teinei", "kakunin"] answer "teinei" principle Some("teinei")
          explanation "相手の理解を確かめながら、要点から説明している。\n「確かめてから動きます」は規程の確認が中心で、この場面には当たらない。" quote "相手の言葉で、要点を先に、短く説明する。"
        q2 Choice 中級 "手引きの副題はどれですか。" options ["～基本編～", "～応用編～", "～実践編～"] answer "～基本編～" principle Some("kakunin")
          explanation "副題は「～基本編～」です。㈱などの機種依存文字も読めます。" quote "窓口対応の手引き～基本編～"
    "#]],
    );
}

#[test]
fn decoding_tells_utf8_bom_utf8_and_shift_jis_apart() {
    let text = "種別,ID\n設定,髙崎①～\n";
    let (sjis, _, lossy) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!lossy);
    let with_bom = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
    // Excel's "Unicode text"; encoding_rs encodes only to byte encodings, so it is built by hand.
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    for (name, bytes) in
        [("cp932", &sjis[..]), ("utf-8", text.as_bytes()), ("utf-8 bom", &with_bom), ("utf-16le bom", &utf16)]
    {
        assert_eq!(decode_text(bytes), text, "{name}");
    }
}

#[test]
fn a_problem_names_the_excel_row_and_the_column_header() {
    check(
        &edit("令和6年12月,令和6年12月,令和7年2月", "xyz,令和6年12月,令和7年2月"),
        expect![[r#"
        set.csv:10:4: 10行目「正解」列: 正解 `xyz` が選択肢の中にありません。選択肢と同じ文字で書いてください。
    "#]],
    );
}

#[test]
fn every_broken_cell_is_reported_in_row_order() {
    let input = edit("設定,pass_mark,60", "設定,pass_mark,160")
        .replacen("原則,team,", "原則,shimin,", 1)
        .replacen(",shimin,,,,,初級,", ",kouhei,,,,,初級,", 1)
        .replacen(",,中級,", ",,難しい,", 1)
        .replacen(",市民目線を問い続けましょう。", ",", 1)
        .replacen("選択,q2,", "選択,q1,", 1);
    check(
        &input,
        expect![[r#"
        set.csv:4:3: 4行目「本文」列: 合格ライン `pass_mark = 160` は 0 から 100 までの整数(%)にしてください。
        set.csv:8:2: 8行目「ID」列: 原則の ID `shimin` が重複しています(7 行目で定義済み)。別の ID にしてください。
        set.csv:9:4: 9行目「正解」列: 原則 `kouhei` は [[principles]] に定義されていません。定義済みの ID を使ってください。
        set.csv:9:11: 9行目「引用」列: `引用` が空です。内容を書いてください。
        set.csv:10:2: 10行目「ID」列: 問題の ID `q1` が重複しています(9 行目で定義済み)。別の ID にしてください。
        set.csv:10:9: 10行目「難易度」列: 難易度 `難しい` は使えません。"初級"・"中級"・"上級" のいずれかにしてください。
    "#]],
    );
}

#[test]
fn problems_are_also_said_in_english() {
    let parsed = parse_csv("set.csv", &edit(",shimin,,,,,初級,", ",shimin,,,,team,初級,"));
    expect![[r#"
        set.csv:9:8: row 9, column "原則": A scenario counts towards its answer `shimin`. Leave 原則 (now `team`) empty or write `shimin`.
    "#]]
    .assert_eq(&describe(&parsed, Lang::En));
}

#[test]
fn scenario_options_and_choice_options_are_checked_by_cell() {
    let input = edit(",shimin,,,,,初級,", ",shimin,shimin,mirai,,,初級,").replacen(
        ",令和6年12月,令和6年12月,令和7年2月,,",
        ",令和6年12月,令和6年12月,,令和6年12月,",
        1,
    );
    check(
        &input,
        expect![[r#"
        set.csv:9:6: 9行目「選択肢2」列: 原則 `mirai` は [[principles]] に定義されていません。定義済みの ID を使ってください。
        set.csv:10:7: 10行目「選択肢3」列: 選択肢 `令和6年12月` が重複しています。1 回だけにしてください。
    "#]],
    );
    check(
        &edit(",令和6年12月,令和6年12月,令和7年2月,,", ",令和6年12月,,,,"),
        expect![[r#"
        set.csv:10:4: 10行目「正解」列: 正解 `令和6年12月` が選択肢の中にありません。選択肢と同じ文字で書いてください。
        set.csv:10:5: 10行目「選択肢1」列: 選択肢が 0 個しかありません。2 個以上にしてください。
    "#]],
    );
}

#[test]
fn rows_are_counted_as_excel_shows_them_across_line_breaks_and_blank_lines() {
    // Row 7's summary spans three text lines and a blank line follows it: q1 is still row 10.
    let input = edit("市民の立場で考える。", "\"市民の立場で\n考える、\n続ける。\"\n").replacen(
        ",市民目線を問い続けましょう。",
        ",",
        1,
    );
    check(
        &input,
        expect![[r#"
        set.csv:10:11: 10行目「引用」列: `引用` が空です。内容を書いてください。
    "#]],
    );
}

#[test]
fn unknown_row_kinds_settings_and_stray_cells_are_located() {
    let input = edit("設定,title,デモ", "設定,titel,デモ")
        .replacen("設定,office,前橋市", "設定,office,前橋市\n設定,office,高崎市\n問題,q9,何か\n,q10,何か", 1)
        .replacen("原則,team,チームで知恵と力を出し合います,", "原則,team,チームで知恵と力を出し合います,team", 1)
        .replacen(",市民目線を問い続けましょう。", ",市民目線を問い続けましょう。,メモ", 1);
    check(
        &input,
        expect![[r#"
            set.csv:1:1: 設定「title」の行がありません。種別「設定」、ID「title」、本文にその値を書いた行を追加してください。
            set.csv:3:2: 3行目「ID」列: 設定「titel」は使えません。使える設定: id, title, pass_mark, length, prompt, office, source_title, date, url, file。綴りを確かめてください。
            set.csv:6:2: 6行目「ID」列: 設定「office」は 5 行目にもあります。1 行だけにしてください。
            set.csv:7:1: 7行目「種別」列: 種別「問題」は使えません。設定・原則・シナリオ・選択 のいずれかにしてください。
            set.csv:8:1: 8行目「種別」列: `種別` が空です。内容を書いてください。
            set.csv:11:4: 11行目「正解」列: 種別「原則」の行ではこの列を使いません。値を消すか、正しい列に移してください。
            set.csv:12:12: 12行目 12列目: 見出しのない列に値があります。見出しを付けるか、値を消してください。
        "#]],
    );
}

#[test]
fn short_rows_read_as_empty_cells_and_name_what_is_missing() {
    check(&edit("シナリオ,q1,窓口で、制度の説明を相手の言葉に置き換えた。,shimin,,,,,初級,相手の立場に立っている。,市民目線を問い続けましょう。", "シナリオ,q1,窓口で、制度の説明を相手の言葉に置き換えた。,shimin"), expect![[r#"
        set.csv:9:9: 9行目「難易度」列: `難易度` が空です。内容を書いてください。
        set.csv:9:10: 9行目「解説」列: `解説` が空です。内容を書いてください。
        set.csv:9:11: 9行目「引用」列: `引用` が空です。内容を書いてください。
    "#]]);
}

#[test]
fn settings_values_are_checked_by_their_key() {
    check(
        &edit("設定,pass_mark,60", "設定,pass_mark,七十").replacen("設定,id,demo", "設定,id,デモ", 1),
        expect![[r#"
            set.csv:2:3: 2行目「本文」列: ID `デモ` は使えません。半角英数字・ハイフン・下線だけで、64 文字以内で書いてください(例: team-work)。
            set.csv:4:3: 4行目「本文」列: `pass_mark` は整数で書いてください。
        "#]],
    );
    // Full-width digits, typed by a Japanese input method, are a number.
    let parsed = parse_csv("set.csv", &edit("設定,pass_mark,60", "設定,pass_mark,６５"));
    assert_eq!(parsed.valid_set().map(|s| s.pass_mark()), Some(65));
    // A leading zero, which TOML would refuse, is still the number.
    let parsed = parse_csv("set.csv", &edit("設定,pass_mark,60", "設定,pass_mark,070"));
    assert_eq!(parsed.valid_set().map(|s| s.pass_mark()), Some(70));
}

#[test]
fn missing_rows_are_reported_at_the_header_row() {
    let settings_only =
        VALID_CSV.lines().filter(|l| l.starts_with("種別") || l.starts_with("設定,id")).collect::<Vec<_>>().join("\n");
    check(
        &settings_only,
        expect![[r#"
        set.csv:1:1: 設定「title」の行がありません。種別「設定」、ID「title」、本文にその値を書いた行を追加してください。
        set.csv:1:1: 設定「pass_mark」の行がありません。種別「設定」、ID「pass_mark」、本文にその値を書いた行を追加してください。
        set.csv:1:1: 原則の行が 1 つもありません。種別を「原則」にした行を追加してください。
        set.csv:1:1: 問題の行が 1 つもありません。種別を「シナリオ」か「選択」にした行を追加してください。
        set.csv:1:1: 設定「office」の行がありません。種別「設定」、ID「office」、本文にその値を書いた行を追加してください。
        set.csv:1:1: 設定「source_title」の行がありません。種別「設定」、ID「source_title」、本文にその値を書いた行を追加してください。
    "#]],
    );
}

#[test]
fn headers_missing_unknown_or_twice_stop_the_reading() {
    check(
        &edit(
            "種別,ID,本文,正解,選択肢1,選択肢2,選択肢3,原則,難易度,解説,引用",
            "種別,ID,本文,答え,選択肢1,選択肢1,選択肢3,原則,難易度,解説,",
        ),
        expect![[r#"
            set.csv:1:1: 見出しの行(1 行目)に「正解」列がありません。見出しの行に「正解」を追加してください。
            set.csv:1:1: 見出しの行(1 行目)に「引用」列がありません。見出しの行に「引用」を追加してください。
            set.csv:1:4: 1行目「答え」列: 見出し「答え」は使えません。使える見出し: 種別, ID, 本文, 正解, 選択肢1, 選択肢2, …, 原則, 難易度, 解説, 引用, 問い, メモ1, メモ2, …。綴りを確かめてください。
            set.csv:1:6: 1行目「選択肢1」列: 見出し「選択肢1」の列が 2 つあります。1 列だけにしてください。
        "#]],
    );
    check(
        "",
        expect![[r#"
        set.csv:1:1: 見出しの行(1 行目)に「種別」列がありません。見出しの行に「種別」を追加してください。
        set.csv:1:1: 見出しの行(1 行目)に「ID」列がありません。見出しの行に「ID」を追加してください。
        set.csv:1:1: 見出しの行(1 行目)に「本文」列がありません。見出しの行に「本文」を追加してください。
        set.csv:1:1: 見出しの行(1 行目)に「正解」列がありません。見出しの行に「正解」を追加してください。
        set.csv:1:1: 見出しの行(1 行目)に「難易度」列がありません。見出しの行に「難易度」を追加してください。
        set.csv:1:1: 見出しの行(1 行目)に「解説」列がありません。見出しの行に「解説」を追加してください。
        set.csv:1:1: 見出しの行(1 行目)に「引用」列がありません。見出しの行に「引用」を追加してください。
    "#]],
    );
}

#[test]
fn choice_rows_need_option_columns() {
    check(
        "種別,ID,本文,正解,難易度,解説,引用\n選択,q1,いつ?,令和6年,初級,解説,引用\n",
        expect![[r#"
        set.csv:1:1: 見出しの行(1 行目)に「選択肢1」列がありません。見出しの行に「選択肢1」を追加してください。
    "#]],
    );
}

#[test]
fn columns_may_come_in_any_order_with_typed_variants_of_their_headers() {
    let reordered = "\
引用 ,解説,難易度,原則,選択肢２,選択肢１,正解,本文,id,種別
,,,,,,,demo,id,設定
,,,,,,,デモ,title,設定
,,,,,,,60,pass_mark,設定
,,,,,,,前橋市,office,設定
,,,,,,,前橋市職員クレド,source_title,設定
,市民の立場で考える。,,,,,,市民目線を追求します,shimin,原則
,所管を越えて協力する。,,,,,,チームで知恵と力を出し合います,team,原則
市民目線を問い続けましょう。,相手の立場に立っている。,初級,,,,shimin,窓口で、制度の説明を相手の言葉に置き換えた。,q1,シナリオ
令和6年12月,令和6年12月に策定された。,中級,,令和7年2月,令和6年12月,令和6年12月,策定はいつですか。,q2,選択
";
    let parsed = parse_csv("set.csv", reordered);
    assert_eq!(parsed.diagnostics, vec![]);
    assert_eq!(parsed.set, parse_set("set.toml", VALID).set);
}

#[test]
fn written_csv_has_a_bom_crlf_and_one_row_a_question() {
    let set = parse_set("set.toml", VALID).set.unwrap();
    let written = to_csv(set.data());
    assert!(written.starts_with('\u{feff}'));
    assert_eq!(written.matches('\n').count(), written.matches("\r\n").count(), "every line ends in CRLF");
    expect![[r#"
        ﻿種別,ID,本文,正解,選択肢1,選択肢2,選択肢3,選択肢4,選択肢5,原則,難易度,解説,引用
        設定,id,demo,,,,,,,,,,
        設定,title,デモ,,,,,,,,,,
        設定,pass_mark,60,,,,,,,,,,
        設定,office,前橋市,,,,,,,,,,
        設定,source_title,前橋市職員クレド,,,,,,,,,,
        原則,shimin,市民目線を追求します,,,,,,,,,市民の立場で考える。,
        原則,team,チームで知恵と力を出し合います,,,,,,,,,所管を越えて協力する。,
        シナリオ,q1,窓口で、制度の説明を相手の言葉に置き換えた。,shimin,,,,,,shimin,初級,相手の立場に立っている。,市民目線を問い続けましょう。
        選択,q2,策定はいつですか。,令和6年12月,令和6年12月,令和7年2月,,,,,中級,令和6年12月に策定された。,令和6年12月
    "#]]
    .assert_eq(&written.replace("\r\n", "\n"));
}

#[test]
fn tricky_text_round_trips_through_csv() {
    let input = VALID
        .replacen("text = \"策定はいつですか。\"", "text = \"\"\"\n「\"クレド\"」は, いつ?\n二行目, \\\\ と \"\"\\\"三つ\n\"\"\"", 1)
        .replacen("title = \"前橋市職員クレド\"", "title = \"前橋市職員クレド\"\ndate = \"2024-12\"\nurl = \"https://example.jp/a,b\"\nfile = [\"a.txt\", \"b.txt\"]", 1)
        .replacen("answer = \"shimin\"", "options = [\"team\", \"shimin\"]\nanswer = \"shimin\"", 1)
        .replacen("answer = \"令和6年12月\"", "answer = \"令和6年12月\"\nprinciple = \"team\"", 1);
    let set = parse_set("set.toml", &input).set.expect("a valid set");
    assert!(set.questions()[1].text.contains("\"\"\"三つ"));
    let again = parse_csv("written.csv", &to_csv(set.data()));
    assert_eq!(again.diagnostics, vec![]);
    assert_eq!(again.set, Some(set));
}

#[test]
fn every_shipped_set_round_trips_through_csv_and_through_shift_jis() {
    let dir = crate::root().join("questions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let set = parse_set("set.toml", &std::fs::read_to_string(&path).unwrap()).set.expect("shipped sets are valid");
        let written = to_csv(set.data());
        let again = parse_csv("set.csv", &written);
        assert_eq!(again.diagnostics, vec![], "{}", path.display());
        assert_eq!(again.set.as_ref(), Some(&set), "{}", path.display());
        // As Excel would save it again as "CSV (コンマ区切り)", where the text fits in CP932.
        let (sjis, _, lossy) = encoding_rs::SHIFT_JIS.encode(written.trim_start_matches('\u{feff}'));
        if !lossy {
            assert_eq!(parse_csv("set.csv", &decode_text(&sjis)).set.as_ref(), Some(&set), "{}", path.display());
        }
        count += 1;
    }
    assert!(count >= 6);
}

#[test]
fn quizcheck_converts_toml_to_csv_and_back_to_a_file_check_accepts() {
    let root = crate::root();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("convert");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    // `check` verifies quotes against the source text named in the set, relative to the set file.
    std::fs::copy(root.join("questions/sources/maebashi-credo.txt"), dir.join("sources/maebashi-credo.txt")).unwrap();
    let quizcheck = |args: &[&Path]| {
        let out = Command::new(env!("CARGO_BIN_EXE_quizcheck")).args(args).output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let csv = dir.join("x.csv");
    let toml = dir.join("y.toml");
    let (ok, _) =
        quizcheck(&[Path::new("convert"), &root.join("questions/maebashi-credo.toml"), Path::new("-o"), &csv]);
    assert!(ok);
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xef\xbb\xbf"));
    let (ok, _) = quizcheck(&[Path::new("convert"), &csv, Path::new("-o"), &toml]);
    assert!(ok);
    let (ok, stdout) = quizcheck(&[Path::new("check"), &toml]);
    assert!(ok, "{stdout}");

    // A broken file: its problems are printed, located, and nothing is written.
    let broken = dir.join("broken.csv");
    let text = std::fs::read_to_string(&csv).unwrap().replacen(",初級,", ",とても易しい,", 1);
    std::fs::write(&broken, text).unwrap();
    let out = dir.join("broken.toml");
    let (ok, stdout) =
        quizcheck(&[Path::new("--lang"), Path::new("en"), Path::new("convert"), &broken, Path::new("-o"), &out]);
    assert!(!ok && !out.exists());
    let stdout = stdout.replace(&dir.display().to_string(), "DIR");
    expect![[r#"
        DIR/broken.csv:14:11: row 14, column "難易度": Unknown difficulty `とても易しい`. Use "初級", "中級" or "上級".
    "#]]
    .assert_eq(&stdout);
}

/// A tester's report: old Mac Excel's "CSV (Macintosh)" ends lines with CR alone, and a line
/// break inside a cell was then a control character U+000D. It is a line break, as CRLF is.
#[test]
fn a_cell_broken_by_cr_alone_holds_a_line_break() {
    let mac = VALID_CSV.replace("相手の立場に立っている。", "\"相手の立場に\n立っている。\"").replace('\n', "\r");
    check(
        &mac,
        expect![[r#"
        ok demo "デモ" pass 60 from 前橋市 "前橋市職員クレド"
        principle shimin "市民目線を追求します" "市民の立場で考える。"
        principle team "チームで知恵と力を出し合います" "所管を越えて協力する。"
        q1 Scenario 初級 "窓口で、制度の説明を相手の言葉に置き換えた。" options ["shimin", "team"] answer "shimin" principle Some("shimin")
          explanation "相手の立場に\n立っている。" quote "市民目線を問い続けましょう。"
        q2 Choice 中級 "策定はいつですか。" options ["令和6年12月", "令和7年2月"] answer "令和6年12月" principle None
          explanation "令和6年12月に策定された。" quote "令和6年12月"
    "#]],
    );
}
