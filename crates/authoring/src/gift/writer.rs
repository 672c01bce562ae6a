//! A set written as GIFT that Moodle imports as multiple choice, with every field GIFT cannot hold in `// credo-quiz:` lines, so `read_gift` gives the set back.

use credo_core::model::{QuestionKind, SetData};

use super::lexer::*;
use super::NOTE_PREFIX;

// ---------------------------------------------------------------- export

/// Writes a set as GIFT that Moodle imports as multiple-choice questions, one per question; the
/// fields GIFT has no place for go in `// credo-quiz:` lines, so `parse_gift` gives the set back.
/// A scenario's options are its principles' labels, as the employee sees them.
pub fn to_gift(set: &SetData) -> String {
    let mut out = String::new();
    out.push_str("// GIFT for Moodle, written by credo-quiz. Moodle ignores lines starting with //;\n");
    out.push_str("// credo-quiz reads the `// credo-quiz:` ones back (set, source, principles, and per question\n");
    out.push_str(
        "// its kind, difficulty and quote; a scenario's answers are principle labels, `options` their ids).\n",
    );
    note(&mut out, "set.id", &set.id);
    note(&mut out, "set.title", &set.title);
    note(&mut out, "set.pass_mark", &set.pass_mark.to_string());
    if let Some(length) = set.length {
        note(&mut out, "set.length", &length.to_string());
    }
    if let Some(prompt) = &set.prompt {
        note(&mut out, "set.prompt", prompt);
    }
    note(&mut out, "source.office", &set.source.office);
    note(&mut out, "source.title", &set.source.title);
    if let Some(date) = &set.source.date {
        note(&mut out, "source.date", date);
    }
    if let Some(url) = &set.source.url {
        note(&mut out, "source.url", url);
    }
    for file in &set.source.files {
        note(&mut out, "source.file", file);
    }
    for p in &set.principles {
        note(&mut out, "principle.id", &p.id);
        note(&mut out, "principle.label", &p.label);
        note(&mut out, "principle.summary", &p.summary);
    }
    // Moodle takes the rest of a category block, escapes included, as the name: keep it to one
    // plain line, with `//` for a slash inside the name.
    let category = set.title.replace('/', "//").replace(['\n', '\r'], " ");
    out.push_str(&format!("\n$CATEGORY: {category}\n"));
    for q in &set.questions {
        out.push('\n');
        if q.kind == QuestionKind::Scenario {
            note(&mut out, "kind", "scenario");
            note(&mut out, "options", &q.options.join(", "));
        }
        if let (QuestionKind::Choice, Some(p)) = (q.kind, &q.principle) {
            note(&mut out, "principle", p);
        }
        if let Some(prompt) = &q.prompt {
            note(&mut out, "prompt", prompt);
        }
        note(&mut out, "difficulty", q.difficulty.label());
        note(&mut out, "quote", &q.quote);
        let labels: Vec<&str> = q.options.iter().map(|o| set.option_label(q, o)).collect();
        // Moodle's default format renders HTML; a text with `<` or `&` is marked plain so that
        // Moodle shows what our app shows. Answers and feedback inherit the question's format.
        let notes = q.notes.iter().map(|(_, n)| n.as_str());
        let format = if [q.text.as_str(), q.explanation.as_str()]
            .into_iter()
            .chain(labels.iter().copied())
            .chain(notes)
            .any(|t| t.contains(['<', '&']))
        {
            Format::Plain
        } else {
            Format::Moodle
        };
        out.push_str(&format!("::{}::", escape(&q.id)));
        if format == Format::Plain || opens_with_format(&q.text) {
            out.push_str(&format!("[{}]", format.name()));
        }
        out.push_str(&gift_text(&q.text));
        out.push_str("{\n");
        for (option, label) in q.options.iter().zip(&labels) {
            let right = *option == q.answer;
            out.push_str(if right { "\t=" } else { "\t~" });
            // A wrong answer opening with `%50%` would read as partial credit, and any text
            // opening with `[plain]` as a format: a format marker of its own keeps them text.
            let weight_like = !right && weight_len(&plain_chars(label)).is_some();
            if weight_like || opens_with_format(label) {
                out.push_str(&format!("[{}]", format.name()));
            }
            out.push_str(&gift_text(label));
            // Moodle's feedback for this answer: why this principle is not the best fit here.
            if let Some(note) = q.note_for(option) {
                out.push('#');
                if opens_with_format(note) {
                    out.push_str(&format!("[{}]", format.name()));
                }
                out.push_str(&gift_text(note));
            }
            out.push('\n');
        }
        out.push_str("\t####");
        if opens_with_format(&q.explanation) {
            out.push_str(&format!("[{}]", format.name()));
        }
        out.push_str(&gift_text(&q.explanation));
        out.push_str("\n}\n");
    }
    out
}

fn note(out: &mut String, key: &str, value: &str) {
    let value = value.replace('\\', "\\\\").replace('\n', "\\n");
    out.push_str(&format!("// {NOTE_PREFIX} {key} = {value}\n"));
}

fn plain_chars(s: &str) -> Vec<Ch> {
    s.chars().map(|c| Ch { c, at: 0, lit: false }).collect()
}

fn opens_with_format(s: &str) -> bool {
    s.strip_prefix('[').and_then(|r| r.split_once(']')).is_some_and(|(name, _)| Format::named(name).is_some())
}

/// GIFT's escapes for its control characters (a newline is handled by `gift_text`).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '~' | '=' | '#' | '{' | '}' | ':') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A text escaped for GIFT, its line breaks kept as real ones where Moodle reads them back
/// exactly and written `\n` where not: Moodle trims every line, ends a question at a blank line
/// (or a lone `0`) and skips a line that starts with `//`.
fn gift_text(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').map(escape).enumerate() {
        if i > 0 {
            let line_ends_clean = out.chars().last().is_some_and(|c| !c.is_whitespace());
            let next_starts_clean = line.chars().next().is_some_and(|c| !c.is_whitespace())
                && !line.starts_with("//")
                && line.trim_end() != "0";
            out.push_str(if line_ends_clean && next_starts_clean { "\n" } else { "\\n" });
        }
        out.push_str(&line);
    }
    out
}
