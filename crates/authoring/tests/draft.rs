//! The trainer page's draft: format detection, where each diagnostic points in the text, caret offsets.

use credo_authoring::draft::{
    detect, file_name, not_text, parse, text_position, utf16_offset, where_and_what, write, Format, NotText,
};
use credo_core::diagnostic::Message;
use credo_core::i18n::Lang;
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

use crate::VALID;

/// Parses `text` in `format` and prints each diagnostic with the text line it points at and a
/// caret under its column, as the trainer page marks it.
fn check(format: Format, text: &str, expected: Expect) {
    let parsed = parse(format, "draft", text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for d in &parsed.diagnostics {
        let (line, column) = text_position(format, text, d);
        let shown = lines.get(line - 1).copied().unwrap_or("<past the end>").trim_end_matches('\r');
        out += &format!(
            "{}:{} -> {line}:{column} {}\n  |{shown}\n  |{}^\n",
            d.line,
            d.column,
            d.problem.message(Lang::En),
            " ".repeat(column - 1)
        );
    }
    if parsed.diagnostics.is_empty() {
        out += "no problems\n";
    }
    expected.assert_eq(&out);
}

#[test]
fn formats_are_told_by_extension_then_by_content() {
    let csv = "種別,ID,本文\n設定,id,demo\n";
    let gift = "::q1:: 策定はいつですか。{=令和6年12月 ~令和7年2月}\n";
    let found: Vec<&str> = [
        ("set.toml", VALID),
        ("SET.CSV", VALID),
        ("set.gift", VALID),
        ("set.txt", gift),
        ("set.txt", csv),
        ("\u{feff}set.txt", "\u{feff}種別,ID\n"),
        ("set.txt", "$CATEGORY: demo\n\n::q:: x {=a ~b}\n"),
        ("set.txt", VALID),
        ("draft", ""),
        // Issue 9.12: Moodle's own examples.txt opened as TOML (144 syntax errors): it starts
        // with comments, and its questions carry no title.
        (
            "examples.txt",
            "// question: 1 name: Grant's tomb\n// [html]\nWho is buried in Grant's tomb?{~Grant =Nobody}\n",
        ),
        ("moodle.txt", "Grant is buried in Grant's tomb.{FALSE}\n\n// a comment\n"),
    ]
    .iter()
    .map(|(name, text)| detect(name, text).code())
    .collect();
    assert_eq!(found, ["toml", "csv", "gift", "gift", "csv", "csv", "gift", "toml", "toml", "gift", "gift"]);
}

#[test]
fn toml_problems_point_where_they_are() {
    check(
        Format::Toml,
        &VALID.replacen("answer = \"shimin\"", "answer = \"kouhei\"", 1),
        expect![[r#"
        25:10 -> 25:10 Principle `kouhei` is not defined in [[principles]]. Use a defined id.
          |answer = "kouhei"
          |         ^
    "#]],
    );
}

#[test]
fn csv_problems_point_at_their_cell_even_after_a_cell_with_line_breaks() {
    let set = parse_set("demo.toml", VALID).set.unwrap();
    let mut q1 = set.data().clone();
    q1.questions[0].text = "一行目\n二行目, \"引用\"".into();
    let csv = write(Format::Csv, &q1);
    let broken = csv.replacen("令和6年12月,令和6年12月,令和7年2月", "令和6年12月,令和6年12月,令和6年12月", 1);
    assert_ne!(csv, broken, "the anchor is in the CSV");
    check(
        Format::Csv,
        &broken,
        expect![[r#"
        10:6 -> 11:33 row 10, column "選択肢2": The option `令和6年12月` is listed twice. List it once.
          |選択,q2,策定はいつですか。,令和6年12月,令和6年12月,令和6年12月,,,,,中級,令和6年12月に策定された。,令和6年12月
          |                                ^
    "#]],
    );
    check(
        Format::Csv,
        &csv,
        expect![[r#"
        no problems
    "#]],
    );
}

#[test]
fn the_csv_header_row_is_row_one() {
    check(
        Format::Csv,
        "種別,ID,本文,正解,難易度,解説\n",
        expect![[r#"
        1:1 -> 1:1 The header row (row 1) has no column "引用". Add it to the header row.
          |種別,ID,本文,正解,難易度,解説
          |^
    "#]],
    );
}

#[test]
fn every_format_writes_a_set_that_reads_back() {
    let set = parse_set("demo.toml", VALID).set.unwrap();
    for format in Format::ALL {
        let text = write(format, set.data());
        let back = parse(format, &file_name(Some(set.id()), "x", format), &text);
        assert_eq!(back.diagnostics, vec![], "{format:?}");
        assert_eq!(back.set.as_ref(), Some(&set), "{format:?}");
        assert_eq!(detect("dropped", &text), format, "{format:?}");
    }
    assert_eq!(file_name(Some("demo"), "x.csv", Format::Gift), "demo.gift");
    assert_eq!(file_name(None, "下書き.csv", Format::Toml), "下書き.toml");
    assert_eq!(file_name(None, "", Format::Toml), "question-set.toml");
}

#[test]
fn caret_offsets_count_utf16_units_like_a_browser() {
    let text = "ab\n前橋🙂市\n\nend";
    assert_eq!(utf16_offset(text, 1, 1), 0);
    assert_eq!(utf16_offset(text, 2, 1), 3);
    assert_eq!(utf16_offset(text, 2, 4), 7, "the emoji is two units");
    assert_eq!(utf16_offset(text, 2, 99), 8, "past the end of a line stops there");
    assert_eq!(utf16_offset(text, 3, 1), 9);
    assert_eq!(utf16_offset(text, 4, 3), 12);
    assert_eq!(utf16_offset(text, 9, 1), 13, "past the end of the text stops there");
}

/// Issue 9.13: a CSV problem on the trainer page showed two row numbers (「16 行 94 列」 beside
/// 「16行目 13列目」): it is placed by the CSV's own row and column header, said once.
#[test]
fn a_csv_problem_is_placed_by_its_row_and_header_once() {
    let set = parse_set("demo.toml", VALID).set.unwrap();
    let csv = write(Format::Csv, set.data()).replacen(",初級,", ",とても易しい,", 1);
    let parsed = parse(Format::Csv, "demo.csv", &csv);
    let shown: Vec<(String, String)> =
        parsed.diagnostics.iter().map(|d| where_and_what(Format::Csv, d, Lang::Ja)).collect();
    expect![[r#"
        [
            (
                "9行目「難易度」列",
                "難易度 `とても易しい` は使えません。\"初級\"・\"中級\"・\"上級\" のいずれかにしてください。",
            ),
        ]
    "#]]
    .assert_debug_eq(&shown);
}

/// A tester's report: an Excel workbook, a UTF-16 "Unicode text" file or random bytes were read as
/// Shift_JIS, put garbled into the editor, and the trainer was told to save the file as UTF-8 in
/// Notepad. Their first bytes now say what they are; text stays text, a stray NUL included (the
/// checker shows it at its place).
#[test]
fn files_that_cannot_be_a_sets_text_are_told_apart_by_their_first_bytes() {
    let cases: [(&[u8], Option<NotText>); 9] = [
        (b"PK\x03\x04\x14\x00\x06\x00", Some(NotText::Workbook)),
        (&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], Some(NotText::Workbook)),
        (&[0xFF, 0xFE, 0x2E, 0x7A, 0x09, 0x00], Some(NotText::Utf16)),
        (&[0xFE, 0xFF, 0x7A, 0x2E], Some(NotText::Utf16)),
        (&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], Some(NotText::Binary)),
        ("種別,ID,本文".as_bytes(), None),
        (&[0x8E, 0xED, 0x95, 0xCA, b',', b'I', b'D'], None), // 種別 in Shift_JIS
        ("id = \"x\"\u{0}\n".as_bytes(), None),
        (&"title = \"前橋\"".as_bytes()[..10], None), // cut inside a character
    ];
    for (bytes, expected) in cases {
        assert_eq!(not_text(bytes), expected, "{bytes:02x?}");
    }
    assert!(NotText::Workbook.message(Lang::Ja).contains("CSV UTF-8"));
    assert!(NotText::Utf16.message(Lang::En).contains("CSV UTF-8"));
}
