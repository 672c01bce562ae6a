//! Interface strings: templates filled with values, in one pass.

use credo_core::i18n::fill;

/// A template, its values and what it reads filled.
type Case<'a> = (&'a str, &'a [(&'a str, &'a dyn std::fmt::Display)], &'a str);

/// Found while rewriting the diagnostics' messages: `fill` replaced placeholders one after the
/// other in the growing text, so a value that itself read `{n}` (a principle's label, an option)
/// had it replaced by the next value.
#[test]
fn a_value_that_reads_like_a_placeholder_is_shown_as_written() {
    let cases: [Case; 4] = [
        ("{label}: {n} / {total}", &[("label", &"原則 {n}"), ("n", &3), ("total", &4)], "原則 {n}: 3 / 4"),
        ("{a}{b}", &[("a", &"{b}"), ("b", &"x")], "{b}x"),
        ("{unknown} {n} {", &[("n", &1)], "{unknown} 1 {"),
        ("", &[("n", &1)], ""),
    ];
    for (template, values, expected) in cases {
        assert_eq!(fill(template, values), expected, "{template}");
    }
}

/// A tester's report: with the interface in English, the sets' Japanese text had no `lang` of its
/// own, so a screen reader read it in an English voice. A set's language comes from its text.
#[test]
fn a_sets_text_is_marked_with_its_language_only_where_the_interface_differs() {
    use credo_core::i18n::Lang;
    let cases = [
        ("前橋市職員クレド", Lang::Ja),
        ("ｸﾚﾄﾞ", Lang::Ja),
        ("みらい", Lang::Ja),
        ("Staff credo of Maebashi", Lang::En),
        ("", Lang::En),
    ];
    for (sample, expected) in cases {
        assert_eq!(Lang::of_text(sample), expected, "{sample:?}");
    }
    assert_eq!(Lang::En.for_content(Lang::Ja), Some("ja"));
    assert_eq!(Lang::Ja.for_content(Lang::Ja), None);
    assert_eq!(Lang::Ja.for_content(Lang::En), Some("en"));
}
