//! Manifest text in, entries and diagnostics out; duplicate set ids across files.

use credo_core::i18n::Lang;
use credo_core::manifest::{check_set_ids, parse_manifest, SetSummary};
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

use crate::VALID;

fn check(input: &str, expected: Expect) {
    let (entries, diagnostics) = parse_manifest(input);
    let mut out: String = entries
        .iter()
        .map(|e| match &e.summary {
            None => format!("{}: {}\n", e.line, e.file),
            Some(s) => format!("{}: {} {s:?}\n", e.line, e.file),
        })
        .collect();
    out.extend(diagnostics.iter().map(|d| d.render(Lang::En) + "\n"));
    expected.assert_eq(&out);
}

#[test]
fn names_comments_and_refused_paths() {
    check(
        "# 一覧\n\nmaebashi-credo.toml\n  sub/extra.toml\nhttp://evil.example/x.toml\n../secret.toml\nnotes.txt\n",
        expect![[r#"
            3: maebashi-credo.toml
            4: sub/extra.toml
            manifest.txt:5:1: `http://evil.example/x.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
            manifest.txt:6:1: `../secret.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
            manifest.txt:7:1: `notes.txt` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
        "#]],
    );
}

#[test]
fn a_second_file_with_the_same_set_id_is_flagged() {
    let mut parsed = vec![parse_set("a.toml", VALID), parse_set("b.toml", VALID)];
    check_set_ids(&mut parsed);
    assert!(parsed[0].diagnostics.is_empty());
    expect!["b.toml:2:6: The set id `demo` is also used by a.toml. Change one of them."]
        .assert_eq(&parsed[1].diagnostics[0].render(Lang::En));
}

/// Issue 9.7: `%2e%2e/escape.toml` passed the check and the browser fetched a file above questions/.
#[test]
fn an_encoded_dot_dot_cannot_leave_the_folder() {
    check(
        "%2e%2e/escape.toml\nsub/%2E%2E/%2E%2E/x.toml\nsub/./a.toml\nsub//a.toml\nC:/sets/a.toml\nok/日本語.toml\n",
        expect![[r#"
            6: ok/日本語.toml
            manifest.txt:1:1: `%2e%2e/escape.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
            manifest.txt:2:1: `sub/%2E%2E/%2E%2E/x.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
            manifest.txt:3:1: `sub/./a.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
            manifest.txt:4:1: `sub//a.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
            manifest.txt:5:1: `C:/sets/a.toml` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\`, `%` or spaces).
        "#]],
    );
}

/// Issue 12.1: a line may carry its set's summary, so the set list shows the set without fetching
/// it; a summary that cannot be read is reported where it goes wrong and the file is fetched instead.
#[test]
fn a_line_may_carry_its_sets_summary() {
    check(
        concat!(
            "a.toml | id=a | questions=24 | asked=10 | pass=70 | office=前橋市 | source=信条 | title=前橋市 職員信条\n",
            "b.toml | id=b | questions=x | asked=1 | pass=70 | office=o | source=s | title=t\n",
            "c.toml | id=c | questions=3 | asked=3 | pass=70 | office=o | source=s\n",
            "d.toml | id=d | questions=3 | asked=3 | pass=70 | office=o | source=s | title=t | colour=red\n",
            "e.toml | id=e | questions=3 | asked=4 | pass=70 | office=o | source=s | title=t\n",
            "g.toml |\u{3000}id=g | questions=3 | asked=3 | pass=101 | office=o | source=s | title=t\n",
            "f.toml\n",
        ),
        expect![[r#"
            1: a.toml SetSummary { id: "a", title: "前橋市 職員信条", office: "前橋市", source: "信条", questions: 24, asked: 10, pass_mark: 70 }
            2: b.toml
            3: c.toml
            4: d.toml
            5: e.toml
            6: g.toml
            7: f.toml
            manifest.txt:2:17: The summary after `b.toml` (after |) cannot be read. Write it again with `quizcheck manifest`, or leave only the file name (the set list then fetches the set's file).
            manifest.txt:3:10: The summary after `c.toml` (after |) cannot be read. Write it again with `quizcheck manifest`, or leave only the file name (the set list then fetches the set's file).
            manifest.txt:4:83: The summary after `d.toml` (after |) cannot be read. Write it again with `quizcheck manifest`, or leave only the file name (the set list then fetches the set's file).
            manifest.txt:5:10: The summary after `e.toml` (after |) cannot be read. Write it again with `quizcheck manifest`, or leave only the file name (the set list then fetches the set's file).
            manifest.txt:6:41: The summary after `g.toml` (after |) cannot be read. Write it again with `quizcheck manifest`, or leave only the file name (the set list then fetches the set's file).
        "#]],
    );
}

/// What `quizcheck manifest` writes reads back as the same summary, and a value that would not
/// read back (it holds the separator) leaves the line at its file name.
#[test]
fn a_written_summary_reads_back_the_same() {
    let set = parse_set("demo.toml", VALID).set.unwrap();
    let summary = SetSummary::of(&set);
    let (entries, diagnostics) = parse_manifest(&summary.line("sub/demo.toml"));
    assert_eq!(diagnostics, []);
    assert_eq!(entries[0].summary.as_ref(), Some(&summary));
    let piped = SetSummary { title: "A | B".into(), ..summary };
    assert_eq!(piped.line("demo.toml"), "demo.toml");
}

/// A tester's report: a sign-in page served in place of manifest.txt (a portal's session ran
/// out) was read line by line, each line "cannot name a set file". It is one problem: a page.
#[test]
fn a_web_page_in_place_of_the_manifest_is_one_problem() {
    check(
        "\n  <!DOCTYPE html>\n<html lang=\"ja\"><head><title>サインイン</title></head>\n<body>…</body></html>\n",
        expect![[r#"
            manifest.txt:2:1: A web page (a sign-in or error page) came instead of manifest.txt. Reload the page, and if it goes on, ask the administrator to check the server.
        "#]],
    );
}
