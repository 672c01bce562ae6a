//! Question-set TOML to a validated `QuestionSet`, collecting every problem with its file, line and column.
//!
//! Two stages, as in cargo's manifest reading: the spanned document tree (`toml_doc`, close to
//! the text) is walked into the model, and every check reports against the span of the
//! value it looked at. Nothing here panics on any input; the fuzz-like tests in tests/ feed it garbage.

use std::collections::HashSet;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, IdOf, LineIndex, PathOf, Problem, SyntaxCause, ValueType};
use crate::model::{
    control_character, is_valid_id, Difficulty, Principle, Question, QuestionKind, QuestionSet, SetData, Source,
};
use crate::paths::is_plain_relative;
use crate::toml_doc::{self, Spanned, Table as DocTable, Value};

/// What a parse could build, plus every problem found. The set is usable only when
/// `diagnostics` is empty; it is still returned otherwise so a preview can show what is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed<P = Problem> {
    pub file: String,
    pub set: Option<QuestionSet>,
    pub diagnostics: Vec<Diagnostic<P>>,
    /// Where the set's id is written (line, column), for a problem about the id as a whole:
    /// another file with the same id. 1:1 when the file has none.
    pub id_at: (usize, usize),
}

impl<P> Parsed<P> {
    /// The same parse with its problems turned into another kind (a draft's).
    pub fn map<Q>(self, f: impl Fn(P) -> Q) -> Parsed<Q> {
        let diagnostics = self.diagnostics.into_iter().map(|d| d.map(&f)).collect();
        Parsed { file: self.file, set: self.set, diagnostics, id_at: self.id_at }
    }

    pub fn valid_set(&self) -> Option<&QuestionSet> {
        if self.diagnostics.is_empty() {
            self.set.as_ref()
        } else {
            None
        }
    }
}

const SET_FIELDS: &[&str] = &["id", "title", "pass_mark", "length", "prompt", "source", "principles", "questions"];
const SOURCE_FIELDS: &[&str] = &["office", "title", "date", "url", "file"];
const PRINCIPLE_FIELDS: &[&str] = &["id", "label", "summary"];
const SCENARIO_FIELDS: &[&str] =
    &["id", "kind", "difficulty", "text", "prompt", "options", "answer", "explanation", "notes", "quote"];
const CHOICE_FIELDS: &[&str] =
    &["id", "kind", "difficulty", "text", "prompt", "options", "answer", "principle", "explanation", "notes", "quote"];

/// Parses one question-set file. `file` is the name diagnostics carry.
pub fn parse_set(file: &str, text: &str) -> Parsed {
    // Windows Notepad writes UTF-8 with a byte-order mark; editors do not count it as a column.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A set keeps line breaks as LF: a file saved with CRLF (Notepad) gives the same texts. Lines
    // and columns are unchanged, as the CR stood at each line's end.
    let unix;
    let text = if text.contains('\r') {
        unix = text.replace("\r\n", "\n");
        unix.as_str()
    } else {
        text
    };
    let mut cx = Cx { file, index: LineIndex::new(text), diagnostics: Vec::new(), id_at: (1, 1) };
    // Text a browser decoded as UTF-8 from Shift_JIS bytes: every later message would be about
    // the damage (backslashes, quotes), not the cause.
    if let Some(at) = text.find('\u{fffd}') {
        // One replaced character at the very end is a character cut in two, not an encoding.
        let cut_off = at + '\u{fffd}'.len_utf8() == text.len();
        cx.report(at..at, if cut_off { Problem::CutOff } else { Problem::NotUtf8 });
        return cx.finish(None);
    }
    let (root, errors) = toml_doc::parse(text);
    if !errors.is_empty() {
        // Later checks on a half-parsed tree would report fields as missing that are only
        // unreadable; the author fixes the syntax first and then sees the rest.
        for e in errors {
            let cause = SyntaxCause::of(e.message, text, e.span.clone());
            cx.report(e.span, Problem::Syntax(cause));
        }
        return cx.finish(None);
    }
    let root_span = root.span();
    let set =
        read_set(&mut cx, &Table { name: "root", fields: root.get_ref(), span: root_span.start..root_span.start });
    cx.finish(set)
}

struct Cx<'t> {
    file: &'t str,
    index: LineIndex<'t>,
    diagnostics: Vec<Diagnostic>,
    id_at: (usize, usize),
}

impl Cx<'_> {
    fn report(&mut self, span: Range<usize>, problem: Problem) {
        let (line, column) = self.index.position(span.start);
        self.diagnostics.push(Diagnostic { file: self.file.to_string(), line, column, problem });
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.index.position(span.start).0
    }

    fn finish(mut self, set: Option<QuestionSet>) -> Parsed {
        crate::order::sort_by_key(&mut self.diagnostics, |d| (d.line, d.column));
        Parsed { file: self.file.to_string(), set, diagnostics: self.diagnostics, id_at: self.id_at }
    }
}

/// A TOML table being read, with the name messages use for it.
struct Table<'a> {
    name: &'static str,
    fields: &'a DocTable,
    /// Where a missing field is reported: the table's header.
    span: Range<usize>,
}

impl<'a> Table<'a> {
    fn get(&self, key: &str) -> Option<&'a Spanned<Value>> {
        self.fields.get(key)
    }

    fn check_known(&self, cx: &mut Cx, expected: &'static [&'static str]) {
        for key in self.fields.keys() {
            if !expected.contains(&key.get_ref().as_ref()) {
                cx.report(
                    key.span(),
                    Problem::UnknownField { table: self.name.into(), field: key.get_ref().to_string(), expected },
                );
            }
        }
    }

    /// A required, non-empty string, trimmed (multi-line strings end with a newline).
    fn text(&self, cx: &mut Cx, key: &'static str) -> Option<Spanned<String>> {
        let found = self.optional_text(cx, key);
        if found.is_none() && self.get(key).is_none() {
            cx.report(self.span.clone(), Problem::MissingField { table: self.name.into(), field: key });
        }
        found
    }

    fn optional_text(&self, cx: &mut Cx, key: &'static str) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        let Value::String(s) = value.get_ref() else {
            cx.report(value.span(), Problem::WrongType { field: key.into(), expected: ValueType::String });
            return None;
        };
        let s = s.trim();
        if let Some(c) = control_character(s) {
            cx.report(value.span(), Problem::ControlCharacter { field: key.into(), code: u32::from(c) });
            return None;
        }
        if s.is_empty() {
            cx.report(value.span(), Problem::EmptyText { field: key.into() });
            return None;
        }
        Some(Spanned::new(value.span(), s.to_string()))
    }

    /// An id: required, and safe to put in storage keys and URLs.
    fn id(&self, cx: &mut Cx, key: &'static str) -> Option<Spanned<String>> {
        let id = self.text(cx, key)?;
        if !is_valid_id(id.get_ref()) {
            cx.report(id.span(), Problem::BadId { id: id.get_ref().clone() });
            return None;
        }
        Some(id)
    }

    fn text_list(&self, cx: &mut Cx, key: &'static str) -> Option<Spanned<Vec<Spanned<String>>>> {
        let value = self.get(key)?;
        let Value::Array(items, _) = value.get_ref() else {
            cx.report(value.span(), Problem::WrongType { field: key.into(), expected: ValueType::Array });
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                Value::String(s) if control_character(s.trim()).is_some() => {
                    let code = control_character(s.trim()).map_or(0, u32::from);
                    cx.report(item.span(), Problem::ControlCharacter { field: key.into(), code });
                }
                Value::String(s) if !s.trim().is_empty() => out.push(Spanned::new(item.span(), s.trim().to_string())),
                Value::String(_) => cx.report(item.span(), Problem::EmptyText { field: key.into() }),
                _ => cx.report(item.span(), Problem::WrongType { field: key.into(), expected: ValueType::String }),
            }
        }
        Some(Spanned::new(value.span(), out))
    }

    /// The tables of an array of tables (`[[key]]`), each with its header span.
    fn tables(&self, cx: &mut Cx, key: &'static str) -> Option<Vec<Table<'a>>> {
        let Some(value) = self.get(key) else {
            return Some(Vec::new());
        };
        let Value::Array(items, _) = value.get_ref() else {
            cx.report(value.span(), Problem::WrongType { field: key.into(), expected: ValueType::ArrayOfTables });
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                Value::Table(fields) => out.push(Table { name: key, fields, span: item.span() }),
                _ => {
                    cx.report(item.span(), Problem::WrongType { field: key.into(), expected: ValueType::ArrayOfTables })
                }
            }
        }
        Some(out)
    }
}

/// A set file that could not be read at all: one diagnostic, no set.
pub fn unreadable(file: &str, reason: String) -> Parsed {
    not_read(file, Problem::Unreadable { reason })
}

/// A set file that could not be fetched, said as the page says it: a file that is not there
/// (HTTP 404) is its name or place to check; any other failure is the server's or the line's.
pub fn not_fetched(file: &str, reason: String) -> Parsed {
    if reason == "HTTP 404" {
        unreadable(file, reason)
    } else {
        not_read(file, Problem::NotServed { reason })
    }
}

fn not_read(file: &str, problem: Problem) -> Parsed {
    Parsed {
        file: file.to_string(),
        set: None,
        diagnostics: vec![Diagnostic { file: file.to_string(), line: 1, column: 1, problem }],
        id_at: (1, 1),
    }
}

fn read_set(cx: &mut Cx, root: &Table) -> Option<QuestionSet> {
    root.check_known(cx, SET_FIELDS);
    let id = root.id(cx, "id");
    if let Some(id) = &id {
        cx.id_at = cx.index.position(id.span().start);
    }
    let title = root.text(cx, "title");
    let pass_mark = read_pass_mark(cx, root);
    let prompt = root.optional_text(cx, "prompt").map(Spanned::into_inner);
    let length = read_length(cx, root);
    let source = read_source(cx, root);
    let (principles, complete) = read_principles(cx, root).map_or((None, false), |(p, c)| (Some(p), c));
    let questions = read_questions(cx, root, principles.as_deref().unwrap_or(&[]));
    if principles.as_ref().is_some_and(|p| p.is_empty()) {
        cx.report(root.span.clone(), Problem::NoPrinciples);
    }
    if questions.as_ref().is_some_and(|q| q.is_empty()) {
        cx.report(root.span.clone(), Problem::NoQuestions);
    }
    let data = SetData {
        id: id?.into_inner(),
        title: title?.into_inner(),
        source: source?,
        pass_mark: pass_mark?,
        prompt,
        length: length.ok()?,
        principles: principles.filter(|_| complete)?,
        questions: questions?,
    };
    // Every invariant has been checked above, at its place; this only fails if a check is missing.
    QuestionSet::new(data).map_err(|problem| cx.report(root.span.clone(), problem)).ok()
}

fn read_pass_mark(cx: &mut Cx, root: &Table) -> Option<u8> {
    let Some(value) = root.get("pass_mark") else {
        cx.report(root.span.clone(), Problem::MissingField { table: root.name.into(), field: "pass_mark" });
        return None;
    };
    let Value::Integer(n) = value.get_ref() else {
        cx.report(value.span(), Problem::WrongType { field: "pass_mark".into(), expected: ValueType::Integer });
        return None;
    };
    match *n {
        v @ 0..=100 => Some(v as u8),
        _ => {
            cx.report(value.span(), Problem::PassMarkRange { value: n.to_string() });
            None
        }
    }
}

/// `length`: optional; a whole number of 1 or more. `Err(())` when written but unusable.
fn read_length(cx: &mut Cx, root: &Table) -> Result<Option<usize>, ()> {
    let Some(value) = root.get("length") else { return Ok(None) };
    let Value::Integer(n) = value.get_ref() else {
        cx.report(value.span(), Problem::WrongType { field: "length".into(), expected: ValueType::Integer });
        return Err(());
    };
    match *n {
        v @ 1.. => Ok(Some(v as usize)),
        _ => {
            cx.report(value.span(), Problem::LengthRange { value: n.to_string() });
            Err(())
        }
    }
}

fn read_source(cx: &mut Cx, root: &Table) -> Option<Source> {
    let Some(value) = root.get("source") else {
        cx.report(root.span.clone(), Problem::MissingField { table: root.name.into(), field: "source" });
        return None;
    };
    let Value::Table(fields) = value.get_ref() else {
        cx.report(value.span(), Problem::WrongType { field: "source".into(), expected: ValueType::Table });
        return None;
    };
    let table = Table { name: "source", fields, span: value.span() };
    table.check_known(cx, SOURCE_FIELDS);
    let office = table.text(cx, "office");
    let title = table.text(cx, "title");
    let date = table.optional_text(cx, "date");
    let url = table.optional_text(cx, "url");
    // `file` names one source text, or a list of them for a set that compares documents.
    let files: Option<Vec<Spanned<String>>> = match table.get("file").map(|v| v.get_ref()) {
        Some(Value::Array(..)) => table.text_list(cx, "file").map(Spanned::into_inner),
        _ => table.optional_text(cx, "file").map(|f| vec![f]),
    };
    // Read from disk by quizcheck and fetched by the trainer page: never outside the sets' folder.
    let files = files.map(|files| {
        let mut plain = Vec::new();
        for f in files {
            if is_plain_relative(f.get_ref()) {
                plain.push(f.into_inner());
            } else {
                cx.report(f.span(), Problem::BadPath { path: f.get_ref().clone(), what: PathOf::SourceFile });
            }
        }
        plain
    });
    Some(Source {
        office: office?.into_inner(),
        title: title?.into_inner(),
        date: date.map(Spanned::into_inner),
        url: url.map(Spanned::into_inner),
        files: files.unwrap_or_default(),
    })
}

/// The principles, each with an id (a label or summary still missing is empty), and whether all
/// are complete: the questions are checked against every id written, so a principle being
/// written is its own problem and not every answer's; a set is built only from complete ones.
fn read_principles(cx: &mut Cx, root: &Table) -> Option<(Vec<Principle>, bool)> {
    let tables = root.tables(cx, "principles")?;
    let mut seen = Seen::default();
    let mut out = Vec::new();
    let mut complete = true;
    for t in tables {
        t.check_known(cx, PRINCIPLE_FIELDS);
        let id = t.id(cx, "id");
        let label = t.text(cx, "label");
        let summary = t.text(cx, "summary");
        if let Some(id) = &id {
            complete &= check_unique(cx, &mut seen, IdOf::Principle, id);
        }
        complete &= label.is_some() && summary.is_some();
        if let Some(id) = id {
            let text = |t: Option<Spanned<String>>| t.map(Spanned::into_inner).unwrap_or_default();
            out.push(Principle { id: id.into_inner(), label: text(label), summary: text(summary) });
        } else {
            complete = false;
        }
    }
    Some((out, complete))
}

/// The ids seen so far: a set for the lookup, so a file of 100,000 questions is checked in
/// linear time, and a list for the rare duplicate to name the first one's line.
/// (`HashSet<String>` is the set type `QuestionSet::new` links already.)
#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    lines: Vec<(String, usize)>,
}

/// Whether `id` is new; a repeat is reported at its place (and the set's own final check, which
/// knows no places, is then not reached).
fn check_unique(cx: &mut Cx, seen: &mut Seen, what: IdOf, id: &Spanned<String>) -> bool {
    let line = cx.line_of(&id.span());
    if seen.ids.insert(id.get_ref().clone()) {
        seen.lines.push((id.get_ref().clone(), line));
        true
    } else {
        let first_line = seen.lines.iter().find(|(seen, _)| seen == id.get_ref()).map_or(line, |(_, l)| *l);
        cx.report(id.span(), Problem::DuplicateId { what, id: id.get_ref().clone(), first_line });
        false
    }
}

fn read_questions(cx: &mut Cx, root: &Table, principles: &[Principle]) -> Option<Vec<Question>> {
    let tables = root.tables(cx, "questions")?;
    let mut seen = Seen::default();
    let mut out = Vec::new();
    let mut complete = true;
    for t in tables {
        let id = t.id(cx, "id");
        if let Some(id) = &id {
            complete &= check_unique(cx, &mut seen, IdOf::Question, id);
        }
        match (id, read_question_body(cx, &t, principles)) {
            (Some(id), Some(mut q)) => {
                q.id = id.into_inner();
                out.push(q);
            }
            _ => complete = false,
        }
    }
    complete.then_some(out)
}

/// Everything of a question but its id (read by the caller, which checks uniqueness).
fn read_question_body(cx: &mut Cx, t: &Table, principles: &[Principle]) -> Option<Question> {
    let kind = match t.text(cx, "kind") {
        Some(k) => match k.get_ref().as_str() {
            "scenario" => Some(QuestionKind::Scenario),
            "choice" => Some(QuestionKind::Choice),
            other => {
                cx.report(k.span(), Problem::UnknownKind { kind: other.to_string() });
                None
            }
        },
        None => None,
    };
    // Without a known kind the allowed fields are unclear; only flag what no kind allows.
    t.check_known(cx, if kind == Some(QuestionKind::Scenario) { SCENARIO_FIELDS } else { CHOICE_FIELDS });
    let difficulty = t.text(cx, "difficulty").and_then(|d| match d.get_ref().as_str() {
        "初級" => Some(Difficulty::Basic),
        "中級" => Some(Difficulty::Intermediate),
        "上級" => Some(Difficulty::Advanced),
        other => {
            cx.report(d.span(), Problem::UnknownDifficulty { value: other.to_string() });
            None
        }
    });
    let text = t.text(cx, "text");
    let prompt = t.optional_text(cx, "prompt").map(Spanned::into_inner);
    let explanation = t.text(cx, "explanation");
    let notes = read_notes(cx, t);
    let quote = t.text(cx, "quote");
    let answer = t.text(cx, "answer");
    let principle_exists = |cx: &mut Cx, id: &Spanned<String>| {
        let ok = principles.iter().any(|p| &p.id == id.get_ref());
        if !ok {
            cx.report(id.span(), Problem::UnknownPrinciple { id: id.get_ref().clone() });
        }
        ok
    };
    let (options, principle) = match kind? {
        QuestionKind::Scenario => {
            let answer_ok = answer.as_ref().is_some_and(|a| principle_exists(cx, a));
            let options = match t.text_list(cx, "options") {
                Some(list) => {
                    // Every unknown id is reported, not only the first: no short-circuit.
                    let unknown = list.get_ref().iter().filter(|o| !principle_exists(cx, o)).count();
                    let all_known = unknown == 0;
                    check_options(cx, &list, answer.as_ref().filter(|_| answer_ok)).filter(|_| all_known)
                }
                None if t.get("options").is_some() => None,
                // No list: every principle of the set is an option.
                None => Some(principles.iter().map(|p| p.id.clone()).collect()),
            };
            (options, answer.as_ref().filter(|_| answer_ok).map(|a| a.get_ref().clone()))
        }
        QuestionKind::Choice => {
            let options = match t.text_list(cx, "options") {
                Some(list) => check_options(cx, &list, answer.as_ref()),
                None => {
                    if t.get("options").is_none() {
                        cx.report(t.span.clone(), Problem::MissingField { table: t.name.into(), field: "options" });
                    }
                    None
                }
            };
            let principle = t.optional_text(cx, "principle");
            if let Some(p) = &principle {
                if !principle_exists(cx, p) {
                    return None;
                }
            }
            (options, principle.map(Spanned::into_inner))
        }
    };
    if kind == Some(QuestionKind::Scenario) && principle.is_none() {
        return None;
    }
    // A note is for a wrong option: said where the key is written, not only by the set's check.
    if let (Some(options), Some(answer), Some(Value::Table(fields))) =
        (&options, &answer, t.get("notes").map(|v| v.get_ref()))
    {
        let mut wrong = false;
        for key in fields.keys() {
            let option = key.get_ref().to_string();
            if !options.contains(&option) || option == *answer.get_ref() {
                cx.report(key.span(), Problem::NoteNotForWrongOption { option });
                wrong = true;
            }
        }
        if wrong {
            return None;
        }
    }
    // In the options' order, whatever the order written (a TOML table's keys have none).
    let notes = notes.map(|mut notes| {
        if let Some(options) = &options {
            crate::order::sort_by_key(&mut notes, |(option, _)| options.iter().position(|o| o == option));
        }
        notes
    });
    Some(Question {
        id: String::new(),
        kind: kind?,
        text: text?.into_inner(),
        prompt,
        options: options?,
        answer: answer?.into_inner(),
        explanation: explanation?.into_inner(),
        notes: notes?,
        quote: quote?.into_inner(),
        difficulty: difficulty?,
        principle,
    })
}

/// `[questions.notes]`: option value = note, each for a wrong option (checked once the options are
/// known, in `QuestionSet::new`; here where each is written). Absent means none.
fn read_notes(cx: &mut Cx, t: &Table) -> Option<Vec<(String, String)>> {
    let Some(value) = t.get("notes") else { return Some(Vec::new()) };
    let Value::Table(fields) = value.get_ref() else {
        cx.report(value.span(), Problem::WrongType { field: "notes".into(), expected: ValueType::Table });
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (key, note) in fields.iter() {
        let field = format!("notes.{}", key.get_ref());
        let text = match note.get_ref() {
            Value::String(text) => text.trim(),
            _ => {
                cx.report(note.span(), Problem::WrongType { field, expected: ValueType::String });
                ok = false;
                continue;
            }
        };
        if let Some(c) = control_character(text) {
            cx.report(note.span(), Problem::ControlCharacter { field, code: u32::from(c) });
            ok = false;
        } else if text.is_empty() {
            cx.report(note.span(), Problem::EmptyText { field });
            ok = false;
        } else {
            out.push((key.get_ref().to_string(), text.to_string()));
        }
    }
    ok.then_some(out)
}

/// At least two options, none twice, and the answer among them.
fn check_options(
    cx: &mut Cx,
    list: &Spanned<Vec<Spanned<String>>>,
    answer: Option<&Spanned<String>>,
) -> Option<Vec<String>> {
    let items = list.get_ref();
    let mut ok = true;
    if items.len() < 2 {
        cx.report(list.span(), Problem::TooFewOptions { count: items.len() });
        ok = false;
    }
    for (i, o) in items.iter().enumerate() {
        if items[..i].iter().any(|p| p.get_ref() == o.get_ref()) {
            cx.report(o.span(), Problem::DuplicateOption { option: o.get_ref().clone() });
            ok = false;
        }
    }
    if let Some(a) = answer {
        if !items.iter().any(|o| o.get_ref() == a.get_ref()) {
            cx.report(a.span(), Problem::AnswerNotInOptions { answer: a.get_ref().clone() });
            ok = false;
        }
    }
    ok.then(|| items.iter().map(|o| o.get_ref().clone()).collect())
}
