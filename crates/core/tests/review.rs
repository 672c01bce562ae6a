//! Set text and source texts in, content problems out.

use credo_core::i18n::Lang;
use credo_core::parse::parse_set;
use credo_core::review::{review, similarity, SetStats};
use expect_test::{expect, Expect};

use crate::VALID;

fn check(set_text: &str, source: &str, expected: Expect) {
    let set = parse_set("set.toml", set_text).set.unwrap();
    let sources = [("sources/credo.txt".to_string(), source.to_string())];
    let out: String = review(&set, "set.toml", set_text, &sources).iter().map(|d| d.render(Lang::En) + "\n").collect();
    expected.assert_eq(&out);
}

const SOURCE: &str = "個人で、そしてチームで市民目線を問い続けましょう。\n令和6年12月 前橋市職員クレド策定\n";

#[test]
fn quotes_found_verbatim_pass() {
    check(VALID, SOURCE, expect![[""]]);
}

#[test]
fn a_quote_retyped_with_other_punctuation_is_located() {
    check(
        &VALID.replace("市民目線を問い続けましょう。", "市民目線を問い続けましょう!"),
        SOURCE,
        expect![[r#"
        set.toml:27:10: This question's quote is not found verbatim in sources/credo.txt. Copy and paste it from the source.
    "#]],
    );
}

#[test]
fn a_scenario_naming_its_own_answer_is_a_giveaway() {
    check(
        &VALID.replace("窓口で、制度の説明", "市民目線を追求しますと考え、窓口で、制度の説明"),
        SOURCE,
        expect![[r#"
        set.toml:24:9: The situation contains its own answer's label 「市民目線を追求します」, which gives the answer away. Rephrase it.
    "#]],
    );
}

#[test]
fn stats_count_and_flag_thin_principles() {
    let set = parse_set("set.toml", VALID).set.unwrap();
    expect![[r#"
        demo: 2 問 (scenario 1 / choice 1; 初級 1 / 中級 1 / 上級 0) 版 / version FUP9
          shimin         1 問 (関連  1) 市民目線を追求します  ← 4 問未満 / under 4
          team           0 問 (関連  0) チームで知恵と力を出し合います  ← 4 問未満 / under 4
    "#]]
    .assert_eq(&SetStats::of(&set).render());
}

#[test]
fn similarity_of_reworded_and_unrelated_situations() {
    let a = "窓口で、制度の説明を相手の言葉に置き換えた。";
    assert_eq!(similarity(a, a), 1.0);
    assert!(similarity(a, "窓口で、制度の説明を相手の言葉に言い換えた。") > 0.8);
    assert!(similarity(a, "災害対応の会議で、他課と避難所の運営を分担した。") < 0.3);
    assert_eq!(similarity("", a), 0.0);
}

/// Review of issue 14: a quote that is also a principle's summary was located at the summary
/// (the first place the text occurs), so the form showed the problem under the principle.
#[test]
fn a_quote_not_in_the_source_is_located_at_the_question_quoting_it() {
    let set = VALID.replacen("quote = \"市民目線を問い続けましょう。\"", "quote = \"市民の立場で考える。\"", 1);
    check(
        &set,
        "市民目線を問い続けましょう。令和6年12月",
        expect![[r#"
        set.toml:27:10: This question's quote is not found verbatim in sources/credo.txt. Copy and paste it from the source.
    "#]],
    );
}
