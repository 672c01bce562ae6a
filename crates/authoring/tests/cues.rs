//! The cue report: scenario texts in; the guess rate and the cue words out.

use credo_authoring::cues::cue_report;
use credo_core::i18n::Lang;
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

/// A set of two principles whose scenarios are the given texts, keyed in order.
fn set(scenarios: &[(&str, &str)]) -> String {
    let mut text = String::from(
        "id = \"cues\"\ntitle = \"t\"\npass_mark = 60\n[source]\noffice = \"o\"\ntitle = \"s\"\n\
         [[principles]]\nid = \"a\"\nlabel = \"A\"\nsummary = \"a\"\n[[principles]]\nid = \"b\"\nlabel = \"B\"\nsummary = \"b\"\n",
    );
    for (i, (answer, scene)) in scenarios.iter().enumerate() {
        text += &format!(
            "[[questions]]\nid = \"q{i}\"\nkind = \"scenario\"\ndifficulty = \"初級\"\ntext = \"{scene}\"\nanswer = \"{answer}\"\nexplanation = \"e\"\nquote = \"q\"\n"
        );
    }
    text
}

fn check(scenarios: &[(&str, &str)], expected: Expect) {
    let parsed = parse_set("cues.toml", &set(scenarios));
    let set = parsed.set.unwrap_or_else(|| panic!("{:?}", parsed.diagnostics));
    let shown: String = cue_report(&set).render(Lang::En).lines().map(|l| format!("{}\n", l.trim_start())).collect();
    expected.assert_eq(&shown);
}

#[test]
fn a_word_only_one_principle_uses_is_named_and_makes_the_set_guessable() {
    check(
        &[
            ("a", "窓口で自動の受付機を案内した"),
            ("a", "自動で届く通知を見直した"),
            ("a", "自動の集計表を使って報告した"),
            ("b", "会議で同僚の話を最後まで聞いた"),
            ("b", "電話で相手の事情を丁寧に聞いた"),
            ("b", "係の打合せで後輩の意見を聞いた"),
        ],
        expect![[r#"
              guessed from the words alone 100% (6/6 scenarios), chance 50%, 2.00x
              cue 「自動」 → a: q0, q1, q2
              cue 「聞いた」 → b: q3, q4, q5
        "#]],
    );
}

#[test]
fn the_same_words_under_both_answers_give_nothing_away() {
    check(
        &[
            ("a", "窓口で自動の受付機を案内した"),
            ("b", "窓口で自動の受付機の使い方を聞いた"),
            ("a", "会議で同僚の話を最後まで聞いた"),
            ("b", "会議で同僚の話を要約して案内した"),
            ("a", "電話で相手の事情を丁寧に聞いた"),
            ("b", "電話で相手の事情を記録して案内した"),
        ],
        expect![[r#"
              guessed from the words alone 0% (0/6 scenarios), chance 50%, 0.00x
        "#]],
    );
}
