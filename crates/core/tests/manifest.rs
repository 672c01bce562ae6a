//! Manifest text in, entries and diagnostics out; duplicate set ids across files.

use credo_core::i18n::Lang;
use credo_core::manifest::{check_set_ids, parse_manifest};
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

use crate::VALID;

fn check(input: &str, expected: Expect) {
    let (entries, diagnostics) = parse_manifest(input);
    let mut out: String = entries.iter().map(|e| format!("{}: {}\n", e.line, e.file)).collect();
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
        manifest.txt:5:1: Cannot read the file (`http://evil.example/x.toml`: *.toml / 相対パス only). Check its name and location.
        manifest.txt:6:1: Cannot read the file (`../secret.toml`: *.toml / 相対パス only). Check its name and location.
        manifest.txt:7:1: Cannot read the file (`notes.txt`: *.toml / 相対パス only). Check its name and location.
    "#]],
    );
}

#[test]
fn a_second_file_with_the_same_set_id_is_flagged() {
    let mut parsed = vec![parse_set("a.toml", VALID), parse_set("b.toml", VALID)];
    check_set_ids(&mut parsed);
    assert!(parsed[0].diagnostics.is_empty());
    expect![[r#"b.toml:1:1: The set id `demo` is also used by a.toml. Change one of them."#]]
        .assert_eq(&parsed[1].diagnostics[0].render(Lang::En));
}
