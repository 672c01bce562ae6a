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
