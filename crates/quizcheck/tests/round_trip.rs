//! A property over generated sets: what an export writes, its import reads back unchanged, in TOML, CSV and GIFT.
//!
//! Issue 9.8: a control character in `[source] title` made a TOML comment the file could not
//! load; a one-principle set's GIFT was refused on import; GIFT dropped NUL; CSV turned CRLF
//! inside a text into LF. The generator reaches for exactly such values: every ASCII control
//! character, the characters each format escapes, CRLF, full-width spaces, long runs.

use credo_authoring::draft::{self, Format};
use credo_core::model::{Difficulty, Principle, Question, QuestionKind, QuestionSet, SetData, Source};

/// SplitMix64: small, deterministic, the same sets on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Text as authors (and fuzzers) write it: trimmed and not empty, as the parsers keep it, with no
    /// control character but line feed and tab (the model's rule; the importers refuse the others
    /// where they stand, which `control_characters_are_refused_where_they_stand` tests).
    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "市民",
            "の立場で",
            "考える",
            "。",
            "窓口",
            "A",
            "z",
            "0",
            " ",
            "\u{3000}",
            "\"",
            "\\",
            "{",
            "}",
            "~",
            "=",
            "#",
            ":",
            "[",
            "]",
            "//",
            "::",
            "$CATEGORY:",
            "%50%",
            "<b>",
            "&amp;",
            "'",
            "\"\"\"",
            "\n",
            "\n\n",
            "\t",
            " \n ",
            "0\n",
            "\u{2028}",
            "→",
            "髙",
            "①",
            "[html]",
            "\\n",
        ];
        let n = 1 + self.below(8);
        let mut s: String = (0..n).map(|_| PIECES[self.below(PIECES.len())]).collect();
        if self.below(20) == 0 {
            s += &"長".repeat(300);
        }
        let s = s.trim().to_string();
        if s.is_empty() {
            "文".into()
        } else {
            s
        }
    }

    /// Notes for some of the wrong options.
    fn notes(&mut self, options: &[String], answer: &str) -> Vec<(String, String)> {
        let mut notes = Vec::new();
        for option in options.iter().filter(|o| *o != answer) {
            if self.below(2) == 0 {
                notes.push((option.clone(), self.text()));
            }
        }
        notes
    }

    fn id(&mut self, prefix: &str, i: usize) -> String {
        format!("{prefix}{i}{}", ["", "-x", "_y"][self.below(3)])
    }
}

fn generated(seed: u64) -> QuestionSet {
    let mut r = Rng(seed);
    let principles: Vec<Principle> = (0..1 + r.below(4))
        .map(|i| Principle { id: r.id("p", i), label: format!("{}{i}", r.text()), summary: r.text() })
        .collect();
    let mut questions = Vec::new();
    for i in 0..1 + r.below(5) {
        let difficulty = Difficulty::ALL[r.below(3)];
        // A scenario needs two principles to choose from.
        if principles.len() >= 2 && r.below(2) == 0 {
            let answer = principles[r.below(principles.len())].id.clone();
            let mut options: Vec<String> = principles.iter().map(|p| p.id.clone()).collect();
            if r.below(2) == 0 {
                options.reverse();
            }
            let notes = r.notes(&options, &answer);
            questions.push(Question {
                id: r.id("q", i),
                kind: QuestionKind::Scenario,
                text: r.text(),
                prompt: (r.below(3) == 0).then(|| r.text()),
                options,
                answer: answer.clone(),
                explanation: r.text(),
                notes,
                quote: r.text(),
                difficulty,
                principle: Some(answer),
            });
        } else {
            let options: Vec<String> = (0..2 + r.below(3)).map(|k| format!("{}{k}", r.text())).collect();
            let answer = options[r.below(options.len())].clone();
            let principle = (r.below(2) == 0).then(|| principles[r.below(principles.len())].id.clone());
            let notes = r.notes(&options, &answer);
            questions.push(Question {
                id: r.id("f", i),
                kind: QuestionKind::Choice,
                text: r.text(),
                prompt: (r.below(3) == 0).then(|| r.text()),
                options,
                answer,
                explanation: r.text(),
                notes,
                quote: r.text(),
                difficulty,
                principle,
            });
        }
    }
    let source = Source {
        office: r.text(),
        title: r.text(),
        date: (r.below(2) == 0).then(|| r.text()),
        url: (r.below(2) == 0).then(|| r.text()),
        files: Vec::new(),
    };
    let data = SetData {
        id: r.id("set", 0),
        title: r.text(),
        source,
        pass_mark: r.below(101) as u8,
        length: (r.below(3) == 0).then(|| 1 + r.below(9)),
        prompt: (r.below(3) == 0).then(|| r.text()),
        principles,
        questions,
    };
    QuestionSet::new(data).expect("the generator makes valid sets")
}

#[test]
fn every_export_reads_back_unchanged() {
    let mut failures = Vec::new();
    for seed in 0..400 {
        let set = generated(seed);
        for format in Format::ALL {
            let file = draft::file_name(Some(set.id()), "x", format);
            let text = draft::write(format, set.data());
            let back = draft::parse(format, &file, &text);
            if back.set.as_ref() != Some(&set) || !back.diagnostics.is_empty() {
                let problems: Vec<String> =
                    back.diagnostics.iter().map(|d| d.render(credo_core::i18n::Lang::En)).collect();
                let diff = back.set.as_ref().map(|b| first_difference(b.data(), set.data())).unwrap_or_default();
                failures.push(format!("seed {seed} {format:?}: {problems:?} {diff}\n{text}"));
            }
        }
    }
    let shown: Vec<String> = failures.iter().take(3).cloned().collect();
    assert!(failures.is_empty(), "{} failures, the first: {}", failures.len(), shown.join("\n----\n"));
}

/// The first field where two sets differ, for a failure message.
fn first_difference(a: &SetData, b: &SetData) -> String {
    let (a, b) = (format!("{a:#?}"), format!("{b:#?}"));
    a.lines().zip(b.lines()).find(|(x, y)| x != y).map(|(x, y)| format!("read {x:?} wrote {y:?}")).unwrap_or_default()
}

/// The model's rule, at every importer: an invisible control character is refused where it
/// stands (GIFT used to drop a NUL; a TOML comment took a raw one), and CRLF reads as LF.
#[test]
fn control_characters_are_refused_where_they_stand_and_crlf_reads_as_lf() {
    let lang = credo_core::i18n::Lang::En;
    let toml = crate::VALID.replacen("text = \"策定はいつですか。\"", "text = \"策定は\\u0000いつですか。\"", 1);
    let crlf = crate::VALID.replace('\n', "\r\n");
    assert_eq!(
        draft::parse(Format::Toml, "crlf.toml", &crlf).set,
        draft::parse(Format::Toml, "lf.toml", crate::VALID).set
    );
    let set = draft::parse(Format::Toml, "set.toml", crate::VALID).set.unwrap();
    let gift = draft::write(Format::Gift, set.data()).replacen("策定は", "策定は\u{0}", 1);
    let csv = draft::write(Format::Csv, set.data()).replacen("策定は", "策定は\u{1}", 1);
    let shown: Vec<String> =
        [(Format::Toml, "set.toml", toml), (Format::Gift, "set.gift", gift), (Format::Csv, "set.csv", csv)]
            .into_iter()
            .flat_map(|(format, file, text)| {
                let parsed = draft::parse(format, file, &text);
                assert!(parsed.valid_set().is_none(), "{format:?}");
                parsed.diagnostics.iter().map(|d| d.render(lang)).collect::<Vec<_>>()
            })
            .collect();
    expect_test::expect![[r#"
        [
            "set.toml:33:8: `text` holds an invisible control character (U+0000), often pasted in from another program. Remove it.",
            "set.gift:30:10: `text` holds an invisible control character (U+0000), often pasted in from another program. Remove it.",
            "set.csv:10:3: row 10, column \"本文\": `text` holds an invisible control character (U+0001), often pasted in from another program. Remove it.",
        ]
    "#]]
    .assert_debug_eq(&shown);
}
