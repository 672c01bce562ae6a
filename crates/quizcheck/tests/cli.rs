//! The built `quizcheck` binary: arguments in; exit code, standard output and standard error out.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use expect_test::{expect, Expect};

use crate::VALID;

/// A fresh folder under the target directory for one test's files.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs quizcheck in `dir` and shows the exit code, then standard output and standard error.
fn check(dir: &Path, args: &[&str], expected: Expect) {
    let out = Command::new(env!("CARGO_BIN_EXE_quizcheck")).current_dir(dir).args(args).output().unwrap();
    let code = out.status.code().map_or("signal".to_string(), |c| c.to_string());
    let shown = format!(
        "exit {code}\n--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    expected.assert_eq(&shown);
}

#[test]
fn a_clean_set_exits_0_and_says_so_in_japanese() {
    let dir = folder("clean");
    std::fs::write(dir.join("set.toml"), VALID).unwrap();
    check(
        &dir,
        &["check", "set.toml"],
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            1 ファイル、正しいセット 1 個、問題 0 件
        "#]],
    );
}

#[test]
fn problems_found_exit_1_with_each_located() {
    let dir = folder("problems");
    std::fs::write(dir.join("set.toml"), VALID.replacen("pass_mark = 60", "pass_mark = 160", 1)).unwrap();
    check(
        &dir,
        &["--lang", "en", "check", "set.toml"],
        expect![[r#"
            exit 1
            --- stdout
            set.toml:4:13: `pass_mark = 160` must be a whole number from 0 to 100 (percent).
            --- stderr
            1 file(s), 0 valid set(s), 1 problem(s)
        "#]],
    );
}

#[test]
fn a_missing_path_is_an_error_exit_2() {
    let dir = folder("missing");
    check(
        &dir,
        &["check", "nowhere.toml"],
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            quizcheck: nowhere.toml: ファイルまたはフォルダーが見つかりません。名前と場所を確かめてください。
        "#]],
    );
}

#[test]
fn an_unknown_language_is_an_error_exit_2() {
    let dir = folder("lang");
    std::fs::write(dir.join("set.toml"), VALID).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_quizcheck"))
        .current_dir(&dir)
        .args(["--lang", "fr", "check", "set.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: ja, en"));
}

#[test]
fn a_failed_write_is_an_error_exit_2_not_a_problem() {
    let dir = folder("write");
    std::fs::write(dir.join("set.toml"), VALID).unwrap();
    check(
        &dir,
        &["--lang", "en", "convert", "set.toml", "-o", "no-such-folder/set.csv"],
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            quizcheck: no-such-folder/set.csv: cannot write (No such file or directory (os error 2)). Check that the folder exists and may be written to.
        "#]],
    );
}

#[test]
fn convert_writes_a_clean_set_and_exits_0() {
    let dir = folder("convert");
    std::fs::write(dir.join("set.toml"), VALID).unwrap();
    check(
        &dir,
        &["--lang", "en", "convert", "set.toml", "-o", "set.gift"],
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            set.toml -> set.gift: 2 question(s) written
        "#]],
    );
    assert!(std::fs::read_to_string(dir.join("set.gift")).unwrap().contains("// credo-quiz: set.id = demo"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = folder("pipe");
    // Many problems, so quizcheck is still writing when its reader has gone.
    let broken: String = (0..2000).map(|i| format!("[[questions]]\nid = \"bad id {i}\"\n")).collect();
    std::fs::write(dir.join("set.toml"), format!("{VALID}\n{broken}")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quizcheck"))
        .current_dir(&dir)
        .args(["check", "set.toml"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// Issue 9.1: quizcheck pointed a shared set id at 1:1 instead of the id line.
#[test]
fn a_set_id_used_twice_is_reported_at_the_later_files_id_line() {
    let dir = folder("twins");
    std::fs::write(dir.join("manifest.txt"), "a.toml\nb.toml\n").unwrap();
    std::fs::write(dir.join("a.toml"), VALID).unwrap();
    std::fs::write(dir.join("b.toml"), VALID).unwrap();
    check(
        &dir,
        &["--lang", "en", "check", "."],
        expect![[r#"
            exit 1
            --- stdout
            ./b.toml:2:6: The set id `demo` is also used by ./a.toml. Change one of them.
            --- stderr
            2 file(s), 1 valid set(s), 1 problem(s)
        "#]],
    );
}

/// Issue 9.9: a TOML saved as Shift_JIS gave four different results: `check` said "not UTF-8"
/// in English, `convert` accepted it silently. One rule, in Japanese, naming Shift_JIS.
#[test]
fn a_toml_saved_as_shift_jis_is_refused_alike_by_check_and_convert() {
    let dir = folder("sjis");
    let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(VALID);
    assert!(!lossy);
    std::fs::write(dir.join("set.toml"), &bytes).unwrap();
    check(
        &dir,
        &["check", "set.toml"],
        expect![[r#"
            exit 1
            --- stdout
            set.toml:3:10: このファイルは UTF-8 ではなく Shift_JIS(ANSI)で保存されています。クイズのページは UTF-8 のファイルしか読めません。メモ帳なら「名前を付けて保存」で文字コードを「UTF-8」にして保存し直してください(研修担当者ページで開き、TOML をダウンロードしても UTF-8 になります)。
            --- stderr
            1 ファイル、正しいセット 0 個、問題 1 件
        "#]],
    );
    check(
        &dir,
        &["convert", "set.toml", "-o", "set.csv"],
        expect![[r#"
            exit 1
            --- stdout
            set.toml:3:10: このファイルは UTF-8 ではなく Shift_JIS(ANSI)で保存されています。クイズのページは UTF-8 のファイルしか読めません。メモ帳なら「名前を付けて保存」で文字コードを「UTF-8」にして保存し直してください(研修担当者ページで開き、TOML をダウンロードしても UTF-8 になります)。
            --- stderr
            set.toml: 問題が 1 件あるため、何も書き出していません。読めたところまで書き出すには --draft を付けてください。
        "#]],
    );
}

/// Issue 9.10: a missing sources/ folder showed `os error 2`.
#[test]
fn a_missing_source_text_says_where_it_should_be() {
    let dir = folder("nosources");
    let with_source = VALID.replacen(
        "title = \"前橋市職員クレド\"",
        "title = \"前橋市職員クレド\"\nfile = \"sources/maebashi-credo.txt\"",
        1,
    );
    std::fs::write(dir.join("set.toml"), with_source).unwrap();
    check(
        &dir,
        &["check", "set.toml"],
        expect![[r#"
            exit 1
            --- stdout
            set.toml:9:9: 出典ファイル `sources/maebashi-credo.txt` が見つかりません。セットのファイルから見たその場所に置いてください(作業用のフォルダーで検査するときは、sources/ フォルダーも一緒に置きます)。
            --- stderr
            1 ファイル、正しいセット 0 個、問題 1 件
        "#]],
    );
}

/// A tester's report: a source text saved in Shift_JIS made every quote "not found" (on the
/// trainer page) or gave the system's "stream did not contain valid UTF-8" (here).
#[test]
fn a_source_text_in_shift_jis_says_to_save_it_as_utf8() {
    let dir = folder("sjissource");
    let with_source =
        VALID.replacen("title = \"前橋市職員クレド\"", "title = \"前橋市職員クレド\"\nfile = \"sources/x.txt\"", 1);
    std::fs::write(dir.join("set.toml"), with_source).unwrap();
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    // 市民目線 in Shift_JIS.
    std::fs::write(dir.join("sources/x.txt"), [0x8e, 0x73, 0x96, 0xaf, 0x96, 0xda, 0x90, 0xfc]).unwrap();
    check(
        &dir,
        &["check", "set.toml"],
        expect![[r#"
        exit 1
        --- stdout
        set.toml:9:9: 出典ファイル `sources/x.txt` が UTF-8 ではありません(Shift_JIS で保存されているようです)。引用はこのファイルと一字一句照らし合わせるので、メモ帳の「名前を付けて保存」で文字コードに UTF-8 を選んで保存し直してください。
        --- stderr
        1 ファイル、正しいセット 0 個、問題 1 件
    "#]],
    );
}

/// A tester's report: a set file cut off inside a character was said to be saved in Shift_JIS.
#[test]
fn a_set_file_cut_off_inside_a_character_says_so() {
    let dir = folder("cutoff");
    let bytes = VALID.as_bytes();
    let cut = VALID.find("デモ").unwrap() + 1;
    std::fs::write(dir.join("set.toml"), &bytes[..cut]).unwrap();
    check(
        &dir,
        &["check", "set.toml"],
        expect![[r#"
            exit 1
            --- stdout
            set.toml:3:10: このファイルは文字の途中で終わっています。コピーやアップロードが途中で止まったようです。元のファイルからもう一度コピーしてください。
            --- stderr
            1 ファイル、正しいセット 0 個、問題 1 件
        "#]],
    );
}

/// Issue 9.11: `convert --draft` wrote nothing for a CSV with a missing column or a wrong answer,
/// though the guide and --help say it writes what it could read.
#[test]
fn convert_draft_writes_what_a_broken_csv_holds() {
    let dir = folder("draftcsv");
    let csv = "種別,ID,本文,正解,選択肢1,選択肢2,難易度,解説\n設定,id,demo\n設定,title,デモ\n設定,pass_mark,60\n\
               設定,office,前橋市\n設定,source_title,前橋市職員クレド\n原則,shimin,市民目線を追求します,,,,,市民の立場で考える。\n\
               原則,team,チームで知恵と力を出し合います,,,,,所管を越えて協力する。\n\
               シナリオ,q1,窓口で、制度の説明を相手の言葉に置き換えた。,kouhei,,,初級,相手の立場に立っている。\n";
    std::fs::write(dir.join("set.csv"), csv).unwrap();
    check(
        &dir,
        &["--lang", "en", "convert", "--draft", "set.csv", "-o", "draft.toml"],
        expect![[r#"
            exit 1
            --- stdout
            set.csv:1:1: The header row (row 1) has no column "引用". Add it to the header row.
            --- stderr
            set.csv -> draft.toml: what could be read was written as a draft; run `quizcheck check` on it to see the gaps.
        "#]],
    );
    let draft = std::fs::read_to_string(dir.join("draft.toml")).unwrap();
    assert!(draft.contains("answer = \"kouhei\"") && draft.contains("text = \"窓口で"), "{draft}");
    check(
        &dir,
        &["--lang", "en", "check", "draft.toml"],
        expect![[r#"
            exit 1
            --- stdout
            draft.toml:21:10: Principle `kouhei` is not defined in [[principles]]. Use a defined id.
            draft.toml:23:9: `quote` is empty. Write its text.
            --- stderr
            1 file(s), 0 valid set(s), 2 problem(s)
        "#]],
    );
}

/// Issue 12.1: `quizcheck manifest` writes each valid set's summary into its line, keeps
/// comments and a broken set's plain name; `check` then reports a summary its set has outgrown.
#[test]
fn manifest_writes_summaries_and_check_reports_a_stale_one() {
    let dir = folder("manifest");
    std::fs::write(dir.join("good.toml"), VALID).unwrap();
    std::fs::write(dir.join("broken.toml"), VALID.replacen("pass_mark = 60", "pass_mark = 160", 1)).unwrap();
    std::fs::write(dir.join("manifest.txt"), "# sets\ngood.toml\nbroken.toml | id=x\n").unwrap();
    check(
        &dir,
        &["--lang", "en", "manifest", "."],
        expect![[r#"
            exit 1
            --- stdout
            ./broken.toml:4:13: `pass_mark = 160` must be a whole number from 0 to 100 (percent).
            --- stderr
            ./manifest.txt: summaries written for 1 of 2 set(s)
        "#]],
    );
    expect![[r#"
        # sets
        good.toml | id=demo | questions=2 | asked=2 | pass=60 | office=前橋市 | source=前橋市職員クレド | title=デモ
        broken.toml
    "#]]
    .assert_eq(&std::fs::read_to_string(dir.join("manifest.txt")).unwrap());
    std::fs::write(dir.join("good.toml"), VALID.replacen("pass_mark = 60", "pass_mark = 80", 1)).unwrap();
    check(
        &dir,
        &["--lang", "en", "check", "."],
        expect![[r#"
            exit 1
            --- stdout
            ./manifest.txt:2:1: The summary of `good.toml` no longer matches the set (it was edited afterwards). Write it again with `quizcheck manifest`.
            ./broken.toml:4:13: `pass_mark = 160` must be a whole number from 0 to 100 (percent).
            --- stderr
            2 file(s), 1 valid set(s), 2 problem(s)
        "#]],
    );
}

/// The files of a zip and, for imsmanifest.xml and questions/, their text.
fn zip_contents(path: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        out += &format!("== {name}\n");
        if name == "imsmanifest.xml" || name.starts_with("questions/manifest") {
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            out += &text;
        }
    }
    out
}

#[test]
fn scorm_packages_the_built_app_and_one_set_for_an_lms() {
    let dir = folder("scorm");
    let app = dir.join("dist");
    for (name, text) in [
        ("index.html", "<!doctype html>"),
        ("boot.js", "// boot"),
        ("credo-quiz-0123_bg.wasm", "wasm"),
        ("themes/dark.css", "body{}"),
        ("questions/manifest.txt", "other.toml\n"),
        ("questions/other.toml", "id = \"other\""),
        ("trainer/index.html", "<!doctype html>"),
        ("config.toml", "[xapi]\nendpoint = \"/xAPI/\"\npassword = \"secret\"\n"),
        ("sw.js", "// worker"),
        ("embed-demo.html", "<!doctype html>"),
    ] {
        std::fs::create_dir_all(app.join(name).parent().unwrap()).unwrap();
        std::fs::write(app.join(name), text).unwrap();
    }
    std::fs::write(dir.join("demo.toml"), VALID).unwrap();
    check(
        &dir,
        &["--lang", "en", "scorm", "demo.toml", "--app", "dist", "-o", "demo-scorm.zip"],
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            demo.toml -> demo-scorm.zip: SCORM 1.2 package written (8 files), ready to import into an LMS.
        "#]],
    );
    expect![[r#"
        == imsmanifest.xml
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="credo-quiz-demo" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
          <metadata>
            <schema>ADL SCORM</schema>
            <schemaversion>1.2</schemaversion>
          </metadata>
          <organizations default="ORG-demo">
            <organization identifier="ORG-demo">
              <title>デモ</title>
              <item identifier="ITEM-demo" identifierref="RES-demo" isvisible="true">
                <title>デモ</title>
                <adlcp:masteryscore>60</adlcp:masteryscore>
              </item>
            </organization>
          </organizations>
          <resources>
            <resource identifier="RES-demo" type="webcontent" adlcp:scormtype="sco" href="index.html?set=demo&amp;embed=1">
              <file href="boot.js"/>
              <file href="config.toml"/>
              <file href="credo-quiz-0123_bg.wasm"/>
              <file href="index.html"/>
              <file href="questions/demo.toml"/>
              <file href="questions/manifest.txt"/>
              <file href="themes/dark.css"/>
            </resource>
          </resources>
        </manifest>
        == boot.js
        == config.toml
        == credo-quiz-0123_bg.wasm
        == index.html
        == questions/demo.toml
        == questions/manifest.txt
        demo.toml | id=demo | questions=2 | asked=2 | pass=60 | office=前橋市 | source=前橋市職員クレド | title=デモ
        == themes/dark.css
    "#]].assert_eq(&zip_contents(&dir.join("demo-scorm.zip")));
}

#[test]
fn scorm_refuses_a_set_with_problems_and_a_folder_that_is_not_the_app() {
    let dir = folder("scorm-refused");
    std::fs::write(dir.join("bad.toml"), VALID.replacen("pass_mark = 60", "pass_mark = 160", 1)).unwrap();
    std::fs::write(dir.join("demo.toml"), VALID).unwrap();
    check(
        &dir,
        &["--lang", "en", "scorm", "bad.toml", "--app", ".", "-o", "bad.zip"],
        expect![[r#"
            exit 1
            --- stdout
            bad.toml:4:13: `pass_mark = 160` must be a whole number from 0 to 100 (percent).
            --- stderr
            bad.toml: 1 problem(s); nothing was written.
        "#]],
    );
    check(
        &dir,
        &["--lang", "en", "scorm", "demo.toml", "--app", ".", "-o", "demo.zip"],
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            quizcheck: .: not a built quiz (no index.html). Name the output of `trunk build --release` (dist) with --app.
        "#]],
    );
    assert!(!dir.join("bad.zip").exists() && !dir.join("demo.zip").exists(), "nothing written");
}
