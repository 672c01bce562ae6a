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
