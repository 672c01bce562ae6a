//! A set written back as a readable set file, laid out like questions/*.toml.
//!
//! What `parse_set` reads back from `to_toml(set)` is `set` again: every string is escaped
//! so that the TOML parser returns it character for character, and scenario options are
//! written only when they differ from the default (every principle, in order).

use credo_core::model::{Question, QuestionKind, SetData};

/// Arrays and prose wider than this are spread over lines of their own, as in the shipped sets.
const INLINE_WIDTH: usize = 100;

/// The set as a file in the shipped layout, which `parse_set` reads back as the same set.
pub fn to_toml(set: &SetData) -> String {
    let mut out = String::new();
    let header = format!("{}「{}」の問題セット", set.source.office, set.source.title);
    // A comment ends at the line break and TOML allows no control character in it: a title with
    // one must not break out of the comment or make the file unreadable.
    let header: String = header.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    out.push_str(&format!("# {header}\n"));
    field(&mut out, "id", &set.id);
    field(&mut out, "title", &set.title);
    out.push_str(&format!("pass_mark = {}\n", set.pass_mark));
    if let Some(length) = set.length {
        out.push_str(&format!("length = {length}\n"));
    }
    if let Some(prompt) = &set.prompt {
        field(&mut out, "prompt", prompt);
    }

    out.push_str("\n[source]\n");
    field(&mut out, "office", &set.source.office);
    field(&mut out, "title", &set.source.title);
    if let Some(date) = &set.source.date {
        field(&mut out, "date", date);
    }
    if let Some(url) = &set.source.url {
        field(&mut out, "url", url);
    }
    match set.source.files.as_slice() {
        [] => {}
        [file] => field(&mut out, "file", file),
        files => out.push_str(&format!("file = {}\n", string_array(files))),
    }

    for p in &set.principles {
        out.push_str("\n[[principles]]\n");
        field(&mut out, "id", &p.id);
        field(&mut out, "label", &p.label);
        field(&mut out, "summary", &p.summary);
    }

    for q in &set.questions {
        out.push_str("\n[[questions]]\n");
        field(&mut out, "id", &q.id);
        let kind = match q.kind {
            QuestionKind::Scenario => "scenario",
            QuestionKind::Choice => "choice",
        };
        field(&mut out, "kind", kind);
        field(&mut out, "difficulty", q.difficulty.label());
        prose(&mut out, "text", &q.text);
        if let Some(prompt) = &q.prompt {
            field(&mut out, "prompt", prompt);
        }
        if !default_options(set, q) {
            out.push_str(&format!("options = {}\n", string_array(&q.options)));
        }
        field(&mut out, "answer", &q.answer);
        if let (QuestionKind::Choice, Some(principle)) = (q.kind, &q.principle) {
            field(&mut out, "principle", principle);
        }
        prose(&mut out, "explanation", &q.explanation);
        field(&mut out, "quote", &q.quote);
        // A sub-table last: the keys after its header belong to it. Keys are option values,
        // quoted, since a choice question's options are free text.
        if !q.notes.is_empty() {
            out.push_str("\n[questions.notes]\n");
            for (option, note) in &q.notes {
                prose(&mut out, &basic_string(option), note);
            }
        }
    }
    out
}

/// A scenario without an `options` list offers every principle of the set, in order;
/// such a list is left out so that the file says only what the author chose.
pub(crate) fn default_options(set: &SetData, question: &Question) -> bool {
    question.kind == QuestionKind::Scenario
        && question.options.iter().map(String::as_str).eq(set.principles.iter().map(|p| p.id.as_str()))
}

/// `key = value`, with text of several lines as a multi-line string.
fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    if value.contains('\n') {
        out.push_str(&multiline_string(value));
    } else {
        out.push_str(&basic_string(value));
    }
    out.push('\n');
}

/// A question's text or explanation: a long one gets a block of its own, as in the shipped sets.
fn prose(out: &mut String, key: &str, value: &str) {
    if width(value) > INLINE_WIDTH {
        out.push_str(&format!("{key} = {}\n", multiline_string(value)));
    } else {
        field(out, key, value);
    }
}

fn string_array(items: &[String]) -> String {
    let inline: Vec<String> = items.iter().map(|s| basic_string(s)).collect();
    let inline = format!("[{}]", inline.join(", "));
    if width(&inline) <= INLINE_WIDTH {
        return inline;
    }
    let mut out = String::from("[\n");
    for item in items {
        out.push_str(&format!("  {},\n", basic_string(item)));
    }
    out.push(']');
    out
}

/// Width as an editor shows it: a Japanese character takes two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A one-line TOML basic string: `"…"` with every character TOML does not allow raw escaped.
pub(crate) fn basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => push_plain(&mut out, c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line basic string, opened and closed on lines of their own as in the shipped sets.
/// The parser drops the newline after the opening quotes; the one before the closing quotes stays,
/// and `parse_set` trims it, as it trims every value.
fn multiline_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str("\"\"\"\n");
    let mut quotes = 0;
    for c in s.chars() {
        if c == '"' {
            quotes += 1;
            // Three quotes in a row would close the string; escaping every third keeps each run open.
            out.push_str(if quotes % 3 == 0 { "\\\"" } else { "\"" });
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            c => push_plain(&mut out, c),
        }
    }
    out.push_str("\n\"\"\"");
    out
}

/// A character other than a quote, backslash or line feed: tabs and printable text stay as they
/// are; a carriage return and other control characters, which TOML forbids raw, are escaped.
fn push_plain(out: &mut String, c: char) {
    match c {
        '\t' => out.push('\t'),
        '\r' => out.push_str("\\r"),
        c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", c as u32)),
        c => out.push(c),
    }
}
