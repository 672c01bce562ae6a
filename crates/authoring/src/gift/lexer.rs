//! GIFT's first stage: lines cut into blocks at blank lines, comment lines set aside, escapes resolved into characters that remember where they stood.

use super::NOTE_PREFIX;

// ---------------------------------------------------------------- stage 1: lines to blocks

/// One character of a block after escapes. `lit` marks an escaped character, which is never a
/// control character (Moodle swaps escapes for placeholders before it looks for `{`, `~`, …).
#[derive(Clone, Copy, Debug)]
pub(super) struct Ch {
    pub(super) c: char,
    /// Byte offset in the file, for diagnostics.
    pub(super) at: usize,
    pub(super) lit: bool,
}

/// A `// credo-quiz: key = value` line.
pub(super) struct Note {
    pub(super) key: String,
    pub(super) value: Option<String>,
    pub(super) at: usize,
    pub(super) value_at: usize,
}

/// Lines between blank lines: Moodle's unit of one question.
pub(super) struct Block {
    pub(super) chars: Vec<Ch>,
    pub(super) notes: Vec<Note>,
    /// Where its first line starts; later lines are joined to it with a newline.
    pub(super) at: usize,
}

/// PHP's trim() set, which Moodle applies to every line: full-width spaces are text to it.
pub(super) fn is_php_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\0' | '\x0B')
}

pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut offset = 0;
    for raw in text.split('\n') {
        let start = offset;
        offset += raw.len() + 1;
        let trimmed = raw.trim_matches(is_php_space);
        // PHP's empty() holds for "0" too, so Moodle ends a question at a line of a lone zero.
        if trimmed.is_empty() || trimmed == "0" {
            out.extend(current.take());
            continue;
        }
        let at = start + (raw.len() - raw.trim_start_matches(is_php_space).len());
        let block = current.get_or_insert_with(|| Block { chars: Vec::new(), notes: Vec::new(), at });
        if block.at != at {
            // Lines are joined with a newline, which stands where the previous line ended.
            block.chars.push(Ch { c: '\n', at: start.saturating_sub(1), lit: false });
        }
        if let Some(comment) = trimmed.strip_prefix("//") {
            // Moodle turns a comment line into a single space, still joined with newlines.
            block.chars.push(Ch { c: ' ', at, lit: false });
            let body = comment.trim_start();
            if let Some(note) = body.strip_prefix(NOTE_PREFIX) {
                let note_at = at + 2 + (comment.len() - body.len()) + NOTE_PREFIX.len();
                block.notes.push(read_note(note, note_at));
            }
        } else {
            cook(trimmed, at, &mut block.chars);
        }
    }
    out.extend(current);
    out
}

/// Resolves escapes as Moodle does: `\\` is a backslash, `\n` a newline, `\` before one of
/// `~ = # { } :` makes it plain text, and any other backslash stays as it is.
pub(super) fn cook(line: &str, base: usize, out: &mut Vec<Ch>) {
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            let escaped = match chars.peek() {
                Some((_, '\\')) => Some('\\'),
                Some((_, 'n')) => Some('\n'),
                Some((_, e @ ('~' | '=' | '#' | '{' | '}' | ':'))) => Some(*e),
                _ => None,
            };
            if let Some(e) = escaped {
                chars.next();
                out.push(Ch { c: e, at: base + i, lit: true });
                continue;
            }
        }
        out.push(Ch { c, at: base + i, lit: false });
    }
}

/// `key = value`, the value with `\n` and `\\` escapes so that any text fits on one line.
pub(super) fn read_note(text: &str, at: usize) -> Note {
    let lead = text.len() - text.trim_start().len();
    let Some((key, value)) = text.split_once('=') else {
        return Note { key: text.trim().to_string(), value: None, at: at + lead, value_at: at + lead };
    };
    let value_lead = value.len() - value.trim_start().len();
    let value_at = at + key.len() + 1 + value_lead;
    let value = unescape_note(value.trim());
    Note { key: key.trim().to_string(), value: Some(value.trim().to_string()), at: at + lead, value_at }
}

pub(super) fn unescape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

// ---------------------------------------------------------------- helpers on cooked text

pub(super) fn is_space(ch: &Ch) -> bool {
    !ch.lit && is_php_space(ch.c)
}

pub(super) fn trim(s: &[Ch]) -> &[Ch] {
    let start = s.iter().position(|c| !is_space(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|c| !is_space(c)).map_or(start, |e| e + 1);
    &s[start..end]
}

/// Does an unescaped `pat` start at `i`?
pub(super) fn matches_at(s: &[Ch], i: usize, pat: &str) -> bool {
    let mut k = i;
    for p in pat.chars() {
        match s.get(k) {
            Some(ch) if !ch.lit && ch.c == p => k += 1,
            _ => return false,
        }
    }
    true
}

pub(super) fn find(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).find(|&i| matches_at(s, i, pat))
}

pub(super) fn rfind(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).rev().find(|&i| matches_at(s, i, pat))
}

/// The text a run of characters stands for, trimmed as our model keeps texts.
pub(super) fn string(s: &[Ch]) -> String {
    s.iter().map(|c| c.c).collect::<String>().trim().to_string()
}

/// Moodle's `[format]` marker, which may open a text and sets how Moodle shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Moodle,
    Html,
    Plain,
    Markdown,
}

impl Format {
    pub(super) fn named(name: &str) -> Option<Format> {
        match name {
            "moodle" => Some(Format::Moodle),
            "html" => Some(Format::Html),
            "plain" => Some(Format::Plain),
            "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Format::Moodle => "moodle",
            Format::Html => "html",
            Format::Plain => "plain",
            Format::Markdown => "markdown",
        }
    }
}

/// Moodle's parse_text_with_format: a known `[name]` at the very start is the text's format;
/// anything else in brackets is text.
pub(super) fn with_format(s: &[Ch], default: Format) -> (Format, &[Ch]) {
    if s.first().is_some_and(|c| c.c == '[') {
        if let Some(end) = s.iter().position(|c| c.c == ']') {
            let name: String = s[1..end].iter().map(|c| c.c).collect();
            if let Some(format) = Format::named(&name) {
                return (format, &s[end + 1..]);
            }
        }
    }
    (default, s)
}

/// The first HTML tag or character reference, which Moodle would render and our app shows as
/// typed. Plain and Markdown texts are shown as written, so they are not searched.
pub(super) fn markup(s: &[Ch], format: Format) -> Option<usize> {
    if !matches!(format, Format::Moodle | Format::Html) {
        return None;
    }
    (0..s.len()).find(|&i| {
        let next = s.get(i + 1).map(|c| c.c);
        match s[i].c {
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!'),
            '&' => {
                let name: Vec<char> =
                    s[i + 1..].iter().map(|c| c.c).take_while(|c| c.is_ascii_alphanumeric() || *c == '#').collect();
                !name.is_empty() && s.get(i + 1 + name.len()).is_some_and(|c| c.c == ';')
            }
            _ => false,
        }
    })
}

/// Length of a partial-credit weight such as `%50%` or `%-33.3%` opening an answer, as Moodle's
/// `/^%\-*([0-9]{1,2})\.?([0-9]*)%/` matches it.
pub(super) fn weight_len(s: &[Ch]) -> Option<usize> {
    let c = |i: usize| s.get(i).map(|ch| ch.c);
    if c(0) != Some('%') {
        return None;
    }
    let mut i = 1;
    while c(i) == Some('-') {
        i += 1;
    }
    if !c(i).is_some_and(|d| d.is_ascii_digit()) {
        return None;
    }
    while c(i).is_some_and(|d| d.is_ascii_digit()) {
        i += 1;
    }
    if c(i) == Some('.') {
        i += 1;
    }
    while c(i).is_some_and(|d| d.is_ascii_digit()) {
        i += 1;
    }
    (c(i) == Some('%')).then_some(i + 1)
}
