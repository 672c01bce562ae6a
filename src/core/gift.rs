//! Moodle GIFT to a draft `QuestionSet` and back: multiple-choice questions, with what GIFT cannot hold carried in `// credo-quiz:` comment lines.
//!
//! Import reads a file the way Moodle's own importer does (question/format/gift/format.php), in
//! two stages. First the text is cut into blocks at blank lines, each line trimmed, comment lines
//! set aside, and escapes resolved into characters that remember whether they were escaped and
//! where they stood. Then each block is read as a category, a question or nothing, and every
//! question is checked against our model. A question Moodle would import as something other than
//! single-answer multiple choice is reported once, where it stands, and the rest of the file is
//! still read. Whatever GIFT cannot say (the set's id and source, principles, difficulty, quote,
//! scenario questions) comes from `// credo-quiz: key = value` lines, which Moodle ignores; a
//! file written for Moodle by hand has none, so each missing field is reported, and a harmless
//! default is used only where one exists (and reported too).
//!
//! Export writes those lines for every field, so `parse_gift(to_gift(set))` gives the set back
//! unchanged with no diagnostics.

use crate::core::diagnostic::{Diagnostic, LineIndex, Problem};
use crate::core::model::{Difficulty, Principle, Question, QuestionKind, QuestionSet, Source};
use crate::core::parse::{is_valid_id, Parsed};

/// Starts a comment line that carries one of our fields.
const NOTE_PREFIX: &str = "credo-quiz:";
/// Every key a note may have: first the set's fields, written once at the top (`source.file`
/// and `principle.*` may repeat), then one question's, written in its block above its `::title::`.
const NOTE_KEYS: &[&str] = &[
    "set.id",
    "set.title",
    "set.pass_mark",
    "source.office",
    "source.title",
    "source.date",
    "source.url",
    "source.file",
    "principle.id",
    "principle.label",
    "principle.summary",
    "kind",
    "options",
    "principle",
    "difficulty",
    "quote",
];
const SET_KEYS: &[&str] = NOTE_KEYS.split_at(11).0;
const QUESTION_KEYS: &[&str] = NOTE_KEYS.split_at(11).1;
/// What a hand-written file gets for a pass mark; the shipped sets and the guide use 70.
const DEFAULT_PASS_MARK: u8 = 70;

// ---------------------------------------------------------------- stage 1: lines to blocks

/// One character of a block after escapes. `lit` marks an escaped character, which is never a
/// control character (Moodle swaps escapes for placeholders before it looks for `{`, `~`, …).
#[derive(Clone, Copy, Debug)]
struct Ch {
    c: char,
    /// Byte offset in the file, for diagnostics.
    at: usize,
    lit: bool,
}

/// A `// credo-quiz: key = value` line.
struct Note {
    key: String,
    value: Option<String>,
    at: usize,
    value_at: usize,
}

/// Lines between blank lines: Moodle's unit of one question.
struct Block {
    chars: Vec<Ch>,
    notes: Vec<Note>,
    /// Where its first line starts; later lines are joined to it with a newline.
    at: usize,
}

/// PHP's trim() set, which Moodle applies to every line: full-width spaces are text to it.
fn is_php_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\0' | '\x0B')
}

fn blocks(text: &str) -> Vec<Block> {
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
fn cook(line: &str, base: usize, out: &mut Vec<Ch>) {
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
fn read_note(text: &str, at: usize) -> Note {
    let lead = text.len() - text.trim_start().len();
    let Some((key, value)) = text.split_once('=') else {
        return Note { key: text.trim().to_string(), value: None, at: at + lead, value_at: at + lead };
    };
    let value_lead = value.len() - value.trim_start().len();
    let value_at = at + key.len() + 1 + value_lead;
    let value = unescape_note(value.trim());
    Note { key: key.trim().to_string(), value: Some(value.trim().to_string()), at: at + lead, value_at }
}

fn unescape_note(s: &str) -> String {
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

fn is_space(ch: &Ch) -> bool {
    !ch.lit && is_php_space(ch.c)
}

fn trim(s: &[Ch]) -> &[Ch] {
    let start = s.iter().position(|c| !is_space(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|c| !is_space(c)).map_or(start, |e| e + 1);
    &s[start..end]
}

/// Does an unescaped `pat` start at `i`?
fn matches_at(s: &[Ch], i: usize, pat: &str) -> bool {
    let mut k = i;
    for p in pat.chars() {
        match s.get(k) {
            Some(ch) if !ch.lit && ch.c == p => k += 1,
            _ => return false,
        }
    }
    true
}

fn find(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).find(|&i| matches_at(s, i, pat))
}

fn rfind(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).rev().find(|&i| matches_at(s, i, pat))
}

/// The text a run of characters stands for, trimmed as our model keeps texts.
fn string(s: &[Ch]) -> String {
    s.iter().map(|c| c.c).collect::<String>().trim().to_string()
}

/// Moodle's `[format]` marker, which may open a text and sets how Moodle shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Moodle,
    Html,
    Plain,
    Markdown,
}

impl Format {
    fn named(name: &str) -> Option<Format> {
        match name {
            "moodle" => Some(Format::Moodle),
            "html" => Some(Format::Html),
            "plain" => Some(Format::Plain),
            "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
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
fn with_format(s: &[Ch], default: Format) -> (Format, &[Ch]) {
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
fn markup(s: &[Ch], format: Format) -> Option<usize> {
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
fn weight_len(s: &[Ch]) -> Option<usize> {
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

// ---------------------------------------------------------------- stage 2: blocks to a set

/// Parses a GIFT file into a draft set. `file` is the name diagnostics carry; its stem is the
/// fallback set id and title. A set is returned whenever the file has any shape, so a preview can
/// show it; it is usable only when `diagnostics` is empty.
pub fn parse_gift(file: &str, text: &str) -> Parsed {
    // Moodle drops the byte-order mark Windows Notepad writes; editors do not count it as a column.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cx = Cx { file, index: LineIndex::new(text), diagnostics: Vec::new() };
    let mut set_notes: Vec<Note> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut category: Option<String> = None;
    for block in blocks(text) {
        let Block { chars, notes, .. } = block;
        let body = trim(&chars);
        let (mut question_notes, others): (Vec<Note>, Vec<Note>) =
            notes.into_iter().partition(|n| QUESTION_KEYS.contains(&n.key.as_str()));
        for note in others {
            if SET_KEYS.contains(&note.key.as_str()) {
                set_notes.push(note);
            } else {
                let unknown =
                    Problem::UnknownField { table: "credo-quiz".into(), field: note.key, expected: NOTE_KEYS };
                cx.report(note.at, unknown);
            }
        }
        if body.is_empty() {
            // Only comment lines: nothing for Moodle, and no question for these fields.
            for note in question_notes {
                cx.report(note.at, Problem::GiftComment { key: note.key, what: "outside" });
            }
            continue;
        }
        if matches_at(body, 0, "$CATEGORY:") {
            let rest = trim(&body["$CATEGORY:".len()..]);
            let line_end = rest.iter().position(|c| c.c == '\n' && !c.lit).unwrap_or(rest.len());
            if let Some(next) = rest[line_end..].iter().find(|c| !is_space(c)) {
                cx.report(next.at, Problem::GiftSyntax { what: "category" });
            }
            if category.is_none() {
                category = Some(string(&rest[..line_end]));
            }
            for note in question_notes {
                cx.report(note.at, Problem::GiftComment { key: note.key, what: "outside" });
            }
            continue;
        }
        question_notes.retain(|n| {
            if n.value.is_none() {
                cx.report(n.at, Problem::GiftComment { key: n.key.clone(), what: "no-value" });
            }
            n.value.is_some()
        });
        if let Some(draft) = read_question(&mut cx, body) {
            drafts.push(Draft { notes: question_notes, ..draft });
        }
    }
    let header = read_header(&mut cx, &set_notes, category, file);
    let questions = resolve_questions(&mut cx, drafts, &header.principles);
    if header.principles.is_empty() {
        cx.report(0, Problem::GiftMissing { field: "principles" });
    }
    if questions.is_empty() {
        cx.report(0, Problem::NoQuestions);
    }
    let set = QuestionSet {
        id: header.id,
        title: header.title,
        source: header.source,
        pass_mark: header.pass_mark,
        principles: header.principles,
        questions,
    };
    cx.diagnostics.sort_by_key(|d| (d.line, d.column));
    Parsed { file: file.to_string(), set: Some(set), diagnostics: cx.diagnostics }
}

struct Cx<'t> {
    file: &'t str,
    index: LineIndex<'t>,
    diagnostics: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn report(&mut self, at: usize, problem: Problem) {
        let (line, column) = self.index.position(at);
        self.diagnostics.push(Diagnostic { file: self.file.to_string(), line, column, problem });
    }

    fn line(&self, at: usize) -> usize {
        self.index.position(at).0
    }
}

/// One answer of a multiple-choice question, as Moodle splits them.
struct Answer {
    /// `=`, `~`, or none for text before the first marker (which Moodle takes as a wrong answer).
    mark: Option<Ch>,
    text: String,
    at: usize,
    /// What the answer had that our model cannot keep (HTML, its own feedback), reported only if
    /// the question is imported.
    lost: Vec<(usize, &'static str)>,
}

/// A multiple-choice question as GIFT gives it, before its notes and ids are resolved.
struct Draft {
    /// The `::title::`, if any, and where it stands.
    name: Option<(String, usize)>,
    /// Where the question starts: its problems about missing fields point here.
    at: usize,
    text: String,
    answers: Vec<Answer>,
    /// Index of the one `=` answer.
    right: usize,
    explanation: String,
    notes: Vec<Note>,
}

/// Reads one question block the way Moodle's readquestion does. Anything Moodle would import as
/// another question type, or as a multiple-choice question our model cannot hold, is reported
/// once and gives no draft.
fn read_question(cx: &mut Cx, body: &[Ch]) -> Option<Draft> {
    let at = body.first().map_or(0, |c| c.at);
    let (name, rest) = if matches_at(body, 0, "::") {
        match find(&body[2..], "::") {
            Some(end) => (Some((string(&body[2..2 + end]), body[2].at)), trim(&body[2 + end + 2..])),
            // Moodle names an unclosed title from the text instead, and reads on.
            None => (None, &body[2..]),
        }
    } else {
        (None, body)
    };
    let (open, close) = (find(rest, "{"), find(rest, "}"));
    let (open, close) = match (open, close) {
        (None, None) => {
            cx.report(at, Problem::GiftUnsupported { what: "description" });
            return None;
        }
        (Some(open), Some(close)) if open < close => (open, close),
        (open, close) => {
            let stray = close.filter(|c| open.is_none_or(|o| *c < o)).or(open).unwrap_or(0);
            cx.report(rest.get(stray).map_or(at, |c| c.at), Problem::GiftSyntax { what: "braces" });
            return None;
        }
    };
    // Answers at the very end leave the text as it is; answers inside it leave a blank to fill.
    let mut text: Vec<Ch> = rest[..open].to_vec();
    if !rest.last().is_some_and(|c| c.c == '}' && !c.lit) {
        text.extend("_____".chars().map(|c| Ch { c, at: rest[open].at, lit: true }));
        text.extend_from_slice(&rest[close + 1..]);
    }
    let mut answers = trim(&rest[open + 1..close]);
    let mut feedback: &[Ch] = &[];
    if let Some(g) = rfind(answers, "####") {
        feedback = &answers[g + 4..];
        answers = trim(&answers[..g]);
    }
    let (format, text) = with_format(&text, Format::Moodle);
    let (feedback_format, feedback) = with_format(feedback, format);
    if let Some(what) = other_question_type(answers) {
        let where_ = if answers.is_empty() { rest[open].at } else { answers[0].at };
        cx.report(where_, Problem::GiftUnsupported { what });
        return None;
    }
    let answers = read_answers(cx, answers, format)?;
    let rights: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].mark.is_some_and(|m| m.c == '=')).collect();
    let structural = match rights.as_slice() {
        [] => Some((rest[open].at, Problem::GiftUnsupported { what: "no-right" })),
        [_] => None,
        [_, second, ..] => Some((answers[*second].at, Problem::GiftUnsupported { what: "multiple-right" })),
    };
    let structural = structural
        .or_else(|| (answers.len() < 2).then(|| (rest[open].at, Problem::TooFewOptions { count: answers.len() })))
        .or_else(|| {
            answers.iter().find(|a| a.text.is_empty()).map(|a| (a.at, Problem::EmptyText { field: "options".into() }))
        })
        .or_else(|| {
            let dup = (0..answers.len()).find(|&i| answers[..i].iter().any(|b| b.text == answers[i].text))?;
            Some((answers[dup].at, Problem::DuplicateOption { option: answers[dup].text.clone() }))
        });
    if let Some((at, problem)) = structural {
        cx.report(at, problem);
        return None;
    }
    // Only a question that stands has its smaller losses reported: one problem for one that does not.
    for (s, f) in [(text, format), (feedback, feedback_format)] {
        if let Some(i) = markup(s, f) {
            cx.report(s[i].at, Problem::GiftUnsupported { what: "html" });
        }
    }
    for (at, what) in answers.iter().flat_map(|a| &a.lost) {
        cx.report(*at, Problem::GiftUnsupported { what });
    }
    let text_string = string(text);
    if text_string.is_empty() {
        cx.report(at, Problem::EmptyText { field: "text".into() });
    }
    let explanation = string(feedback);
    if explanation.is_empty() {
        cx.report(rest[close].at, Problem::GiftMissing { field: "explanation" });
    }
    Some(Draft { name, at, text: text_string, right: rights[0], answers, explanation, notes: Vec::new() })
}

/// Moodle's choice of question type from the answer block, for every type but single-answer
/// multiple choice (`None`). The order of the tests is Moodle's.
fn other_question_type(answers: &[Ch]) -> Option<&'static str> {
    if answers.is_empty() {
        return Some("essay");
    }
    if matches_at(answers, 0, "#") {
        return Some("numerical");
    }
    if find(answers, "~").is_some() {
        return None;
    }
    if find(answers, "=").is_some() && find(answers, "->").is_some() {
        return Some("matching");
    }
    let before_feedback = find(answers, "#").map_or(answers, |h| &answers[..h]);
    let word: String = trim(before_feedback).iter().map(|c| c.c).collect();
    if matches!(word.as_str(), "T" | "TRUE" | "F" | "FALSE") {
        Some("truefalse")
    } else {
        Some("shortanswer")
    }
}

/// Splits a multiple-choice answer block as Moodle does (at every `~` and before every `=`),
/// reports partial credit, and notes per-answer feedback and HTML, which our model cannot keep.
fn read_answers(cx: &mut Cx, answers: &[Ch], format: Format) -> Option<Vec<Answer>> {
    let mut pieces: Vec<(Option<Ch>, &[Ch])> = Vec::new();
    let mut start = 0;
    let mut mark = None;
    for i in 0..=answers.len() {
        let boundary = answers.get(i).filter(|c| !c.lit && (c.c == '~' || c.c == '='));
        if i == answers.len() || boundary.is_some() {
            let piece = trim(&answers[start..i]);
            // Text before the first marker is an answer only when there is some.
            if mark.is_some() || !piece.is_empty() {
                pieces.push((mark, piece));
            }
            mark = boundary.copied();
            start = i + 1;
        }
    }
    if let Some(weight) = pieces.iter().find(|(m, p)| m.is_none_or(|m| m.c == '~') && weight_len(p).is_some()) {
        cx.report(weight.1[0].at, Problem::GiftUnsupported { what: "weight" });
        return None;
    }
    let mut out = Vec::new();
    for (mark, piece) in pieces {
        let (answer, feedback) = match find(piece, "#") {
            Some(h) => (trim(&piece[..h]), Some(&piece[h..])),
            None => (piece, None),
        };
        let (answer_format, answer) = with_format(answer, format);
        let mut lost = Vec::new();
        if let Some(i) = markup(answer, answer_format) {
            lost.push((answer[i].at, "html"));
        }
        if let Some(feedback) = feedback.filter(|f| !string(&f[1..]).is_empty()) {
            lost.push((feedback[0].at, "feedback"));
        }
        let at = mark.map_or_else(|| answer.first().map_or(0, |c| c.at), |m| m.at);
        out.push(Answer { mark, text: string(answer), at, lost });
    }
    Some(out)
}

/// The set's own fields, from the notes or from defaults.
struct Header {
    id: String,
    title: String,
    source: Source,
    pass_mark: u8,
    principles: Vec<Principle>,
}

fn read_header(cx: &mut Cx, notes: &[Note], category: Option<String>, file: &str) -> Header {
    let one = |cx: &mut Cx, key: &str| single(cx, notes, key);
    for note in notes.iter().filter(|n| n.value.is_none()) {
        cx.report(note.at, Problem::GiftComment { key: note.key.clone(), what: "no-value" });
    }
    // Moodle writes a category path with `/` between levels and `//` for a slash in a name.
    let category_name = category.as_ref().map(|path| {
        let last = path.replace("//", "\u{0}").rsplit('/').next().unwrap_or("").replace('\u{0}', "/");
        last.trim().to_string()
    });
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).split('.').next().unwrap_or("").trim().to_string();

    let id = match one(cx, "set.id") {
        Some(note) if is_valid_id(value(note)) => value(note).to_string(),
        found => {
            if let Some(note) = found {
                cx.report(note.value_at, Problem::BadId { id: value(note).to_string() });
            }
            let id = [category_name.as_deref(), Some(stem.as_str())]
                .into_iter()
                .flatten()
                .find(|c| is_valid_id(c))
                .unwrap_or("gift")
                .to_string();
            cx.report(0, Problem::GiftDefaulted { field: "set.id", value: id.clone() });
            id
        }
    };
    let title = match nonempty(one(cx, "set.title")) {
        Some(note) => value(note).to_string(),
        None => {
            let title = category_name.clone().filter(|c| !c.is_empty()).unwrap_or_else(|| stem.clone());
            let title = if title.is_empty() { id.clone() } else { title };
            cx.report(0, Problem::GiftDefaulted { field: "set.title", value: title.clone() });
            title
        }
    };
    let pass_mark = match one(cx, "set.pass_mark") {
        Some(note) => match value(note).parse::<u8>() {
            Ok(mark @ 0..=100) => mark,
            _ => {
                cx.report(note.value_at, Problem::PassMarkRange { value: value(note).to_string() });
                DEFAULT_PASS_MARK
            }
        },
        None => {
            cx.report(0, Problem::GiftDefaulted { field: "set.pass_mark", value: DEFAULT_PASS_MARK.to_string() });
            DEFAULT_PASS_MARK
        }
    };
    let required = |cx: &mut Cx, key: &'static str| match nonempty(one(cx, key)) {
        Some(note) => value(note).to_string(),
        None => {
            cx.report(0, Problem::GiftMissing { field: key });
            String::new()
        }
    };
    let office = required(cx, "source.office");
    let source_title = required(cx, "source.title");
    let date = nonempty(one(cx, "source.date")).map(|n| value(n).to_string());
    let url = nonempty(one(cx, "source.url")).map(|n| value(n).to_string());
    let files =
        notes.iter().filter(|n| n.key == "source.file").filter_map(|n| n.value.clone()).filter(|v| !v.is_empty());
    let source = Source { office, title: source_title, date, url, files: files.collect() };
    let principles = read_principles(cx, notes);
    Header { id, title, source, pass_mark, principles }
}

/// The first note with a value for `key`; any later one is reported, not silently ignored.
fn single<'n>(cx: &mut Cx, notes: &'n [Note], key: &str) -> Option<&'n Note> {
    let mut found = notes.iter().filter(|n| n.key == key && n.value.is_some());
    let first = found.next();
    for again in found {
        cx.report(again.at, Problem::GiftComment { key: again.key.clone(), what: "repeated" });
    }
    first
}

fn value(note: &Note) -> &str {
    note.value.as_deref().unwrap_or("")
}

fn nonempty(note: Option<&Note>) -> Option<&Note> {
    note.filter(|n| !value(n).is_empty())
}

/// Principles from `principle.id` lines, each followed by its `principle.label` and
/// `principle.summary`.
fn read_principles(cx: &mut Cx, notes: &[Note]) -> Vec<Principle> {
    struct Pending {
        principle: Principle,
        at: usize,
        /// A bad or repeated id is reported once; its label and summary are then still its own,
        /// not the previous principle's, and go with it.
        ok: bool,
    }
    let mut read: Vec<Pending> = Vec::new();
    for note in notes.iter().filter(|n| n.key.starts_with("principle.")) {
        let Some(v) = note.value.clone() else { continue };
        if note.key == "principle.id" {
            let first = read.iter().find(|p| p.ok && p.principle.id == v).map(|p| p.at);
            let ok = match first {
                _ if !is_valid_id(&v) => {
                    cx.report(note.value_at, Problem::BadId { id: v.clone() });
                    false
                }
                Some(first) => {
                    let first_line = cx.line(first);
                    cx.report(note.value_at, Problem::DuplicateId { what: "principle", id: v.clone(), first_line });
                    false
                }
                None => true,
            };
            let principle = Principle { id: v, label: String::new(), summary: String::new() };
            read.push(Pending { principle, at: note.at, ok });
            continue;
        }
        let Some(pending) = read.last_mut() else {
            cx.report(note.at, Problem::GiftComment { key: note.key.clone(), what: "no-principle" });
            continue;
        };
        let slot =
            if note.key == "principle.label" { &mut pending.principle.label } else { &mut pending.principle.summary };
        if slot.is_empty() {
            *slot = v;
        } else if pending.ok {
            cx.report(note.at, Problem::GiftComment { key: note.key.clone(), what: "repeated" });
        }
    }
    let mut principles = Vec::new();
    for Pending { principle, at, ok } in read {
        if !ok {
            continue;
        }
        if principle.label.is_empty() {
            cx.report(at, Problem::GiftMissing { field: "principle.label" });
        }
        if principle.summary.is_empty() {
            cx.report(at, Problem::GiftMissing { field: "principle.summary" });
        }
        principles.push(principle);
    }
    principles
}

/// Turns drafts into questions: notes applied, scenario options mapped to principle ids, and
/// ids taken from titles or made up, unique across the set.
fn resolve_questions(cx: &mut Cx, drafts: Vec<Draft>, principles: &[Principle]) -> Vec<Question> {
    let mut resolved: Vec<(Question, Draft)> = Vec::new();
    for draft in drafts {
        if let Some(q) = resolve_question(cx, &draft, principles) {
            resolved.push((q, draft));
        }
    }
    // Titles that are ids first, so that a made-up id never takes one a later title names.
    let mut taken: Vec<(String, usize)> = Vec::new();
    for (q, draft) in &mut resolved {
        let Some((id, at)) = draft.name.as_ref().filter(|(n, _)| is_valid_id(n)) else { continue };
        match taken.iter().find(|(t, _)| t == id) {
            Some((_, first)) => {
                let first_line = cx.line(*first);
                cx.report(*at, Problem::DuplicateId { what: "question", id: id.clone(), first_line });
            }
            None => {
                taken.push((id.clone(), *at));
                q.id = id.clone();
            }
        }
    }
    for (number, (q, draft)) in resolved.iter_mut().enumerate() {
        if !q.id.is_empty() {
            continue;
        }
        let id = (number + 1..)
            .map(|n| format!("q{n:02}"))
            .find(|id| taken.iter().all(|(t, _)| t != id))
            .unwrap_or_default();
        // A duplicate title was reported as such; a title that is no id, or none, is reported here.
        if !draft.name.as_ref().is_some_and(|(n, _)| is_valid_id(n)) {
            let at = draft.name.as_ref().map_or(draft.at, |(_, at)| *at);
            cx.report(at, Problem::GiftDefaulted { field: "id", value: id.clone() });
        }
        taken.push((id.clone(), draft.at));
        q.id = id;
    }
    resolved.into_iter().map(|(q, _)| q).collect()
}

fn resolve_question(cx: &mut Cx, draft: &Draft, principles: &[Principle]) -> Option<Question> {
    let one = |cx: &mut Cx, key: &str| single(cx, &draft.notes, key);
    let kind = match one(cx, "kind") {
        None => QuestionKind::Choice,
        Some(note) => match value(note) {
            "scenario" => QuestionKind::Scenario,
            "choice" => QuestionKind::Choice,
            other => {
                // The GIFT itself is a choice question; keep it as one.
                cx.report(note.value_at, Problem::UnknownKind { kind: other.to_string() });
                QuestionKind::Choice
            }
        },
    };
    let principle_note = one(cx, "principle");
    let options_note = one(cx, "options");
    let exists = |id: &str| principles.iter().find(|p| p.id == id);
    let texts: Vec<String> = draft.answers.iter().map(|a| a.text.clone()).collect();
    let (options, principle) = match kind {
        QuestionKind::Choice => {
            if let Some(note) = options_note {
                cx.report(note.at, Problem::GiftComment { key: note.key.clone(), what: "choice-options" });
            }
            let principle = principle_note.and_then(|note| {
                let found = exists(value(note)).is_some();
                if !found {
                    cx.report(note.value_at, Problem::UnknownPrinciple { id: value(note).to_string() });
                }
                found.then(|| value(note).to_string())
            });
            (texts, principle)
        }
        QuestionKind::Scenario => {
            if let Some(note) = principle_note {
                cx.report(note.at, Problem::GiftComment { key: note.key.clone(), what: "scenario-principle" });
            }
            let ids = match options_note {
                Some(note) => {
                    let ids: Vec<String> =
                        value(note).split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                    if let Some(unknown) = ids.iter().find(|id| exists(id).is_none()) {
                        cx.report(note.value_at, Problem::UnknownPrinciple { id: unknown.clone() });
                        return None;
                    }
                    let labels_match = ids.len() == texts.len()
                        && ids.iter().zip(&texts).all(|(id, text)| exists(id).is_some_and(|p| &p.label == text));
                    if !labels_match {
                        cx.report(note.value_at, Problem::GiftComment { key: note.key.clone(), what: "options" });
                        return None;
                    }
                    ids
                }
                // Written by hand: each answer names a principle by its label.
                None => {
                    let mut ids = Vec::new();
                    for answer in &draft.answers {
                        match principles.iter().find(|p| p.label == answer.text) {
                            Some(p) => ids.push(p.id.clone()),
                            None => {
                                cx.report(answer.at, Problem::UnknownPrinciple { id: answer.text.clone() });
                                return None;
                            }
                        }
                    }
                    ids
                }
            };
            let answer = ids[draft.right].clone();
            if let Some(dup) = (0..ids.len()).find(|&i| ids[..i].contains(&ids[i])) {
                cx.report(draft.answers[dup].at, Problem::DuplicateOption { option: ids[dup].clone() });
                return None;
            }
            (ids, Some(answer))
        }
    };
    // Only a question that stands gets its missing fields reported.
    let difficulty = match one(cx, "difficulty") {
        Some(note) => match Difficulty::ALL.into_iter().find(|d| d.label() == value(note)) {
            Some(d) => d,
            None => {
                cx.report(note.value_at, Problem::UnknownDifficulty { value: value(note).to_string() });
                Difficulty::Basic
            }
        },
        None => {
            cx.report(
                draft.at,
                Problem::GiftDefaulted { field: "difficulty", value: Difficulty::Basic.label().into() },
            );
            Difficulty::Basic
        }
    };
    let quote = match nonempty(one(cx, "quote")) {
        Some(note) => value(note).to_string(),
        None => {
            cx.report(draft.at, Problem::GiftMissing { field: "quote" });
            String::new()
        }
    };
    let answer = options[draft.right].clone();
    Some(Question {
        id: String::new(),
        kind,
        text: draft.text.clone(),
        options,
        answer,
        explanation: draft.explanation.clone(),
        quote,
        difficulty,
        principle,
    })
}

// ---------------------------------------------------------------- export

/// Writes a set as GIFT that Moodle imports as multiple-choice questions, one per question; the
/// fields GIFT has no place for go in `// credo-quiz:` lines, so `parse_gift` gives the set back.
/// A scenario's options are its principles' labels, as the employee sees them.
pub fn to_gift(set: &QuestionSet) -> String {
    let mut out = String::new();
    out.push_str("// GIFT for Moodle, written by credo-quiz. Moodle ignores lines starting with //;\n");
    out.push_str("// credo-quiz reads the `// credo-quiz:` ones back (set, source, principles, and per question\n");
    out.push_str(
        "// its kind, difficulty and quote; a scenario's answers are principle labels, `options` their ids).\n",
    );
    note(&mut out, "set.id", &set.id);
    note(&mut out, "set.title", &set.title);
    note(&mut out, "set.pass_mark", &set.pass_mark.to_string());
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
        note(&mut out, "difficulty", q.difficulty.label());
        note(&mut out, "quote", &q.quote);
        let labels: Vec<&str> = q.options.iter().map(|o| set.option_label(q, o)).collect();
        // Moodle's default format renders HTML; a text with `<` or `&` is marked plain so that
        // Moodle shows what our app shows. Answers and feedback inherit the question's format.
        let format = if [q.text.as_str(), q.explanation.as_str()].iter().chain(&labels).any(|t| t.contains(['<', '&']))
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
