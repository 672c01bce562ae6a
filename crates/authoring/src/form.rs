//! The form view of a TOML draft: the fields a trainer fills in, read from the text, and each edit written back into the text (toml_edit), so comments, order and every line not edited stay as they were.
//!
//! The text stays the one truth: the form reads it (`SetForm::read`), an edit rewrites it
//! (`apply`), and the check (`draft::check`) runs on the result as for typing. So the two views
//! can never disagree, and every rule lives once, in the parser. The form shows values as text;
//! one the parser would refuse (`pass_mark = "abc"`) is kept as the trainer wrote it, and the
//! check says what is wrong at its field (`fields_at`).

use credo_core::diagnostic::LineIndex;
use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table, Value};

/// What the form shows of a set: every field as the text has it (empty when absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetForm {
    pub id: String,
    pub title: String,
    pub pass_mark: String,
    pub length: String,
    pub prompt: String,
    pub source: SourceForm,
    pub principles: Vec<PrincipleForm>,
    pub questions: Vec<QuestionForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceForm {
    pub office: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub file: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrincipleForm {
    pub id: String,
    pub label: String,
    pub summary: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionForm {
    pub id: String,
    pub kind: String,
    pub difficulty: String,
    pub text: String,
    pub prompt: String,
    /// Written options (a scenario without them offers every principle).
    pub options: Vec<String>,
    pub answer: String,
    /// A choice question's principle, for the per-principle breakdown.
    pub principle: String,
    pub explanation: String,
    pub quote: String,
    /// (option, why it is not the best fit), in the order written.
    pub notes: Vec<(String, String)>,
}

/// A field of the form: where an edit goes, and where a problem is shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `id`, `title`, `pass_mark`, `length`, `prompt`.
    Set(&'static str),
    /// `office`, `title`, `date`, `url`, `file`.
    Source(&'static str),
    /// A principle's `id`, `label`, `summary`; `""` for the principle as a whole.
    Principle(usize, &'static str),
    /// A question's field; `""` for the question as a whole.
    Question(usize, &'static str),
    /// The note for an option of a question.
    Note(usize, String),
}

pub const SET_KEYS: [&str; 5] = ["id", "title", "pass_mark", "length", "prompt"];
pub const SOURCE_KEYS: [&str; 5] = ["office", "title", "date", "url", "file"];
pub const PRINCIPLE_KEYS: [&str; 3] = ["id", "label", "summary"];
pub const QUESTION_KEYS: [&str; 10] =
    ["id", "kind", "difficulty", "text", "prompt", "options", "answer", "principle", "explanation", "quote"];

/// Fields whose absence is fine: emptied in the form, they leave the text.
const OPTIONAL: [&str; 7] = ["length", "prompt", "date", "url", "file", "principle", "options"];
/// Fields that take several lines as a list (`file = ["a.txt", "b.txt"]`).
const LISTS: [&str; 1] = ["file"];
/// Fields that are whole numbers when the trainer writes digits.
const NUMBERS: [&str; 2] = ["pass_mark", "length"];

/// An edit made in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormEdit {
    /// A field's new text (not `Field::Note` with an empty option).
    Set(Field, String),
    SetOptions(usize, Vec<String>),
    AddPrinciple,
    RemovePrinciple(usize),
    /// Moves a principle from one place to another (the others close up).
    MovePrinciple(usize, usize),
    AddQuestion,
    DuplicateQuestion(usize),
    RemoveQuestion(usize),
    MoveQuestion(usize, usize),
}

/// Why the form cannot show the text (the text view can).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormUnavailable {
    /// Not TOML as it stands: the text view says where.
    NotToml { line: usize, column: usize },
    /// `principles` or `questions` written other than as `[[…]]` tables, or `source` other than
    /// as a table (inline tables, a number): valid TOML the form could only overwrite.
    Shape(&'static str),
}

/// A new, empty set: what 「新しいセット」 starts from, for the form to fill in.
pub const EMPTY_SET: &str = r#"id = ""
title = ""
pass_mark = 70

[source]
office = ""
title = ""
"#;

fn parse(text: &str) -> Result<DocumentMut, FormUnavailable> {
    let doc = text.parse::<DocumentMut>().map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| LineIndex::new(text).position(span.start));
        FormUnavailable::NotToml { line, column }
    })?;
    for key in ["principles", "questions"] {
        if doc.get(key).is_some_and(|item| !item.is_array_of_tables()) {
            return Err(FormUnavailable::Shape(key));
        }
    }
    if doc.get("source").is_some_and(|item| !item.is_table()) {
        return Err(FormUnavailable::Shape("source"));
    }
    Ok(doc)
}

/// A value as the form shows it: a string as it is, a list of strings one a line (the source
/// files of a set that compares documents), anything else as TOML writes it (without comments).
fn shown(item: Option<&Item>) -> String {
    match item.and_then(Item::as_value) {
        Some(Value::String(s)) => s.value().clone(),
        Some(Value::Integer(i)) => i.value().to_string(),
        Some(Value::Array(a)) if a.iter().all(Value::is_str) => {
            a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n")
        }
        Some(other) => other.clone().decorated("", "").to_string(),
        None => String::new(),
    }
}

fn strings(item: Option<&Item>) -> Vec<String> {
    match item.and_then(Item::as_array) {
        Some(array) => {
            array.iter().map(|v| v.as_str().map_or_else(|| v.to_string().trim().to_string(), str::to_string)).collect()
        }
        None => Vec::new(),
    }
}

fn tables<'d>(doc: &'d DocumentMut, key: &str) -> Vec<&'d Table> {
    doc.get(key).and_then(Item::as_array_of_tables).map(|a| a.iter().collect()).unwrap_or_default()
}

impl SetForm {
    pub fn read(text: &str) -> Result<SetForm, FormUnavailable> {
        let doc = parse(text)?;
        let get = |key| shown(doc.get(key));
        let source = doc.get("source").and_then(Item::as_table_like);
        let from_source = |key| shown(source.and_then(|s| s.get(key)));
        Ok(SetForm {
            id: get("id"),
            title: get("title"),
            pass_mark: get("pass_mark"),
            length: get("length"),
            prompt: get("prompt"),
            source: SourceForm {
                office: from_source("office"),
                title: from_source("title"),
                date: from_source("date"),
                url: from_source("url"),
                file: from_source("file"),
            },
            principles: tables(&doc, "principles")
                .into_iter()
                .map(|t| PrincipleForm {
                    id: shown(t.get("id")),
                    label: shown(t.get("label")),
                    summary: shown(t.get("summary")),
                })
                .collect(),
            questions: tables(&doc, "questions").into_iter().map(question_of).collect(),
        })
    }

    /// The same edit on the form's own data: what the text, read back after `apply`, must show.
    /// The model the property test (tests/form.rs) holds `apply` to; the page itself always reads
    /// the form back from the text.
    pub fn apply(&mut self, edit: &FormEdit) {
        match edit {
            FormEdit::Set(field, _) if !editable(field) => {}
            FormEdit::Set(field, text) => {
                let text = normalized(field, text);
                let slot = match field {
                    Field::Set(key) => self.set_slot(key),
                    Field::Source(key) => self.source.slot(key),
                    Field::Principle(i, key) => self.principles.get_mut(*i).and_then(|p| p.slot(key)),
                    Field::Question(i, key) => self.questions.get_mut(*i).and_then(|q| q.slot(key)),
                    Field::Note(..) => None,
                };
                if let Some(slot) = slot {
                    *slot = text;
                } else if let Field::Note(i, option) = field {
                    if let Some(q) = self.questions.get_mut(*i) {
                        match (q.notes.iter().position(|(o, _)| o == option), text.is_empty()) {
                            (Some(at), true) => {
                                q.notes.remove(at);
                            }
                            (Some(at), false) => q.notes[at].1 = text,
                            (None, true) => {}
                            (None, false) => q.notes.push((option.clone(), text)),
                        }
                    }
                }
            }
            FormEdit::SetOptions(i, options) => {
                if let Some(q) = self.questions.get_mut(*i) {
                    // A renamed option takes its note and, if it was the answer, the answer along.
                    for (old, new) in renamed(&q.options, options) {
                        if q.answer == old {
                            q.answer = new.clone();
                        }
                        let free = !q.notes.iter().any(|(o, _)| *o == new);
                        if let Some(at) = q.notes.iter().position(|(o, _)| *o == old).filter(|_| free) {
                            let (_, note) = q.notes.remove(at);
                            q.notes.push((new, note));
                        }
                    }
                    q.options = options.clone();
                }
            }
            FormEdit::AddPrinciple => {
                let id = fresh_id("p", self.principles.iter().map(|p| p.id.as_str()));
                self.principles.push(PrincipleForm { id, ..PrincipleForm::default() });
            }
            FormEdit::RemovePrinciple(i) => {
                if *i < self.principles.len() {
                    self.principles.remove(*i);
                }
            }
            FormEdit::MovePrinciple(from, to) => move_in(&mut self.principles, *from, *to),
            FormEdit::AddQuestion => {
                let question = new_question(
                    self.questions.iter().map(|q| q.id.as_str()),
                    self.principles.first().map(|p| p.id.as_str()),
                );
                self.questions.push(question_of(&question));
            }
            FormEdit::DuplicateQuestion(i) => {
                if let Some(q) = self.questions.get(*i) {
                    let mut copy = q.clone();
                    copy.id = fresh_id("q", self.questions.iter().map(|q| q.id.as_str()));
                    self.questions.insert(i + 1, copy);
                }
            }
            FormEdit::RemoveQuestion(i) => {
                if *i < self.questions.len() {
                    self.questions.remove(*i);
                }
            }
            FormEdit::MoveQuestion(from, to) => move_in(&mut self.questions, *from, *to),
        }
    }

    fn set_slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "id" => &mut self.id,
            "title" => &mut self.title,
            "pass_mark" => &mut self.pass_mark,
            "length" => &mut self.length,
            "prompt" => &mut self.prompt,
            _ => return None,
        })
    }
}

impl SourceForm {
    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "office" => &mut self.office,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "file" => &mut self.file,
            _ => return None,
        })
    }
}

impl PrincipleForm {
    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "id" => &mut self.id,
            "label" => &mut self.label,
            "summary" => &mut self.summary,
            _ => return None,
        })
    }
}

impl QuestionForm {
    /// The text fields (`options` is a list: `FormEdit::SetOptions`).
    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "id" => &mut self.id,
            "kind" => &mut self.kind,
            "difficulty" => &mut self.difficulty,
            "text" => &mut self.text,
            "prompt" => &mut self.prompt,
            "answer" => &mut self.answer,
            "principle" => &mut self.principle,
            "explanation" => &mut self.explanation,
            "quote" => &mut self.quote,
            _ => return None,
        })
    }
}

fn question_of(t: &Table) -> QuestionForm {
    let notes = t
        .get("notes")
        .and_then(Item::as_table_like)
        .map(|n| n.iter().map(|(k, v)| (k.to_string(), shown(Some(v)))).collect())
        .unwrap_or_default();
    QuestionForm {
        id: shown(t.get("id")),
        kind: shown(t.get("kind")),
        difficulty: shown(t.get("difficulty")),
        text: shown(t.get("text")),
        prompt: shown(t.get("prompt")),
        options: strings(t.get("options")),
        answer: shown(t.get("answer")),
        principle: shown(t.get("principle")),
        explanation: shown(t.get("explanation")),
        quote: shown(t.get("quote")),
        notes,
    }
}

/// A number field's digits as the number they write (`007` is 7); anything else stays text, for
/// the check to report.
fn as_number(key: &str, text: &str) -> Option<i64> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    NUMBERS.contains(&key).then_some(()).filter(|_| digits).and_then(|_| text.parse().ok())
}

/// What a field holds after the form wrote `text` into it, as the text reads back.
fn normalized(field: &Field, text: &str) -> String {
    match field {
        Field::Set(key) => as_number(key, text).map_or_else(|| text.to_string(), |n| n.to_string()),
        _ => text.to_string(),
    }
}

/// The options an edit of the list renamed, by position: the same number of options, some
/// rewritten. (An option added or removed renames nothing: the others only move up or down.)
fn renamed(old: &[String], new: &[String]) -> Vec<(String, String)> {
    if old.len() != new.len() {
        return Vec::new();
    }
    old.iter().zip(new).filter(|(o, n)| o != n && !o.is_empty()).map(|(o, n)| (o.clone(), n.clone())).collect()
}

/// Whether the form edits this field as text (`options` is a list, edited as one).
fn editable(field: &Field) -> bool {
    match field {
        Field::Set(key) => SET_KEYS.contains(key),
        Field::Source(key) => SOURCE_KEYS.contains(key),
        Field::Principle(_, key) => PRINCIPLE_KEYS.contains(key),
        Field::Question(_, key) => QUESTION_KEYS.contains(key) && *key != "options",
        Field::Note(_, option) => !option.is_empty(),
    }
}

fn move_in<T>(items: &mut Vec<T>, from: usize, to: usize) {
    if from < items.len() && to < items.len() {
        let item = items.remove(from);
        items.insert(to, item);
    }
}

/// `q1`, `q2`, … (or `p…`): the first not yet taken.
fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.clone().any(|t| t == id)).unwrap_or_default()
}

/// A new scenario question to fill in, answered by the first principle until the trainer picks.
fn new_question<'a>(taken: impl Iterator<Item = &'a str> + Clone, first_principle: Option<&str>) -> Table {
    let mut t = Table::new();
    t.insert("id", value(fresh_id("q", taken)));
    t.insert("kind", value("scenario"));
    t.insert("difficulty", value("初級"));
    t.insert("text", value(""));
    t.insert("answer", value(first_principle.unwrap_or_default()));
    t.insert("explanation", value(""));
    t.insert("quote", value(""));
    t
}

/// How many questions the text holds (0 when it is not TOML).
pub fn question_count(text: &str) -> usize {
    parse(text).map_or(0, |doc| tables(&doc, "questions").len())
}

/// `text` with `edit` made: only the lines it concerns change.
pub fn apply(text: &str, edit: &FormEdit) -> Result<String, FormUnavailable> {
    let mut doc = parse(text)?;
    let mut structure_changed = true;
    match edit {
        FormEdit::Set(field, _) if !editable(field) => structure_changed = false,
        FormEdit::Set(field, value) => {
            structure_changed = false;
            match field {
                Field::Set(key) => write(doc.as_table_mut(), key, value),
                Field::Source(key) => {
                    if !doc.contains_key("source") {
                        doc.insert("source", Item::Table(Table::new()));
                        structure_changed = true;
                    }
                    if let Some(source) = doc.get_mut("source").and_then(Item::as_table_mut) {
                        write(source, key, value);
                    }
                }
                Field::Principle(i, key) => {
                    if let Some(t) = array(&mut doc, "principles").and_then(|a| a.get_mut(*i)) {
                        write(t, key, value);
                    }
                }
                Field::Question(i, key) => {
                    if let Some(t) = array(&mut doc, "questions").and_then(|a| a.get_mut(*i)) {
                        write(t, key, value);
                    }
                }
                Field::Note(i, option) => {
                    if let Some(t) = array(&mut doc, "questions").and_then(|a| a.get_mut(*i)) {
                        structure_changed = write_note(t, option, value);
                    }
                }
            }
        }
        FormEdit::SetOptions(i, options) => {
            structure_changed = false;
            if let Some(t) = array(&mut doc, "questions").and_then(|a| a.get_mut(*i)) {
                let old = strings(t.get("options"));
                if options.is_empty() {
                    t.remove("options");
                } else {
                    let list: Array = options.iter().map(String::as_str).collect();
                    keep_decor(t, "options", Value::Array(list));
                }
                // A renamed option takes its note and, if it was the answer, the answer along.
                for (old, new) in renamed(&old, options) {
                    if t.get("answer").and_then(Item::as_str) == Some(old.as_str()) {
                        keep_decor(t, "answer", Value::from(new.as_str()));
                    }
                    if let Some(notes) = t.get_mut("notes").and_then(Item::as_table_like_mut) {
                        if !notes.contains_key(&new) {
                            if let Some(note) = notes.remove(&old) {
                                notes.insert(&new, note);
                            }
                        }
                    }
                }
            }
        }
        FormEdit::AddPrinciple => {
            let id = fresh_id(
                "p",
                tables(&doc, "principles").iter().map(|t| t.get("id").and_then(Item::as_str).unwrap_or_default()),
            );
            let mut t = Table::new();
            t.insert("id", value(id));
            t.insert("label", value(""));
            t.insert("summary", value(""));
            array_or_new(&mut doc, "principles").push(t);
        }
        FormEdit::RemovePrinciple(i) => remove_at(&mut doc, "principles", *i),
        FormEdit::MovePrinciple(from, to) => move_table(&mut doc, "principles", *from, *to),
        FormEdit::AddQuestion => {
            let taken: Vec<String> = tables(&doc, "questions").iter().map(|t| shown(t.get("id"))).collect();
            let first = tables(&doc, "principles").first().map(|t| shown(t.get("id")));
            let question = new_question(taken.iter().map(String::as_str), first.as_deref());
            array_or_new(&mut doc, "questions").push(question);
        }
        FormEdit::DuplicateQuestion(i) => {
            let taken: Vec<String> = tables(&doc, "questions").iter().map(|t| shown(t.get("id"))).collect();
            if let Some(questions) = array(&mut doc, "questions") {
                if let Some(original) = questions.get(*i) {
                    let mut copy = original.clone();
                    copy.insert("id", value(fresh_id("q", taken.iter().map(String::as_str))));
                    questions.insert(i + 1, copy);
                }
            }
        }
        FormEdit::RemoveQuestion(i) => remove_at(&mut doc, "questions", *i),
        FormEdit::MoveQuestion(from, to) => move_table(&mut doc, "questions", *from, *to),
    }
    if structure_changed {
        renumber(&mut doc);
    }
    Ok(doc.to_string())
}

fn array<'d>(doc: &'d mut DocumentMut, key: &str) -> Option<&'d mut ArrayOfTables> {
    doc.get_mut(key).and_then(Item::as_array_of_tables_mut)
}

fn array_or_new<'d>(doc: &'d mut DocumentMut, key: &str) -> &'d mut ArrayOfTables {
    if array(doc, key).is_none() {
        doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    doc.get_mut(key).and_then(Item::as_array_of_tables_mut).expect("just inserted")
}

fn remove_at(doc: &mut DocumentMut, key: &str, i: usize) {
    if let Some(a) = array(doc, key).filter(|a| i < a.len()) {
        a.remove(i);
    }
}

fn move_table(doc: &mut DocumentMut, key: &str, from: usize, to: usize) {
    if let Some(a) = array(doc, key).filter(|a| from < a.len() && to < a.len()) {
        let table = a.remove(from);
        a.insert(to, table);
    }
}

/// Writes a field: a whole number for digits in a number field, a string otherwise; an emptied
/// optional field leaves the text. The old value's surroundings (a comment after it) stay.
fn write(table: &mut Table, key: &str, text: &str) {
    // The value as it stands: the text keeps its own spelling (a list's layout, an escape).
    if table.get(key).is_some() && shown(table.get(key)) == text {
        return;
    }
    if text.is_empty() && OPTIONAL.contains(&key) {
        table.remove(key);
        return;
    }
    let new = match as_number(key, text) {
        Some(n) => Value::from(n),
        None if LISTS.contains(&key) && text.contains('\n') => Value::Array(text.split('\n').collect()),
        None => Value::from(text),
    };
    keep_decor(table, key, new);
}

fn keep_decor(table: &mut Table, key: &str, new: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => replace_keeping_decor(old, new),
        None => {
            table.insert(key, Item::Value(new));
        }
    }
}

/// A value replaced, its surroundings (a comment after it) kept.
fn replace_keeping_decor(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

/// Writes a note under `[questions.notes]` (made when missing, removed when emptied); whether
/// tables were added or removed.
fn write_note(question: &mut Table, option: &str, text: &str) -> bool {
    let had = question.contains_key("notes");
    if !had {
        if text.is_empty() {
            return false;
        }
        question.insert("notes", Item::Table(Table::new()));
    }
    let Some(notes) = question.get_mut("notes").and_then(Item::as_table_like_mut) else { return false };
    if text.is_empty() {
        notes.remove(option);
    } else {
        match notes.get_mut(option).and_then(Item::as_value_mut) {
            Some(old) => replace_keeping_decor(old, Value::from(text)),
            None => {
                notes.insert(option, value(text));
            }
        }
    }
    let empty = notes.is_empty();
    if empty {
        question.remove("notes");
    }
    !had || empty
}

/// Gives every table its place in the order the set has them, after tables were added, removed
/// or moved: toml_edit writes tables by their place in the original text, so a moved question
/// (or its `[questions.notes]`) would otherwise stay where it was written.
fn renumber(doc: &mut DocumentMut) {
    fn visit(table: &mut Table, next: &mut isize) {
        for (_, item) in table.iter_mut() {
            match item {
                Item::Table(t) if !t.is_dotted() => {
                    t.set_position(Some(*next));
                    *next += 1;
                    visit(t, next);
                }
                Item::ArrayOfTables(a) => {
                    for t in a.iter_mut() {
                        t.set_position(Some(*next));
                        *next += 1;
                        visit(t, next);
                    }
                }
                _ => {}
            }
        }
    }
    let mut next = 1;
    visit(doc.as_table_mut(), &mut next);
}

/// The field each problem at (`line`, `column`) (from 1, columns in characters) concerns: the
/// value or key it points into, else the principle or question whose lines hold it. The text is
/// read once for all of them (a check's problems, on every check).
pub fn fields_at(text: &str, places: &[(usize, usize)]) -> Vec<Option<Field>> {
    let Ok(doc) = toml_edit::Document::parse(text) else { return vec![None; places.len()] };
    places.iter().map(|&(line, column)| offset_of(text, line, column).and_then(|at| field_in(&doc, at))).collect()
}

fn field_in(doc: &toml_edit::Document<&str>, offset: usize) -> Option<Field> {
    let root = doc.as_table();
    let within = |key: &str, t: &Table| {
        let (k, v) = t.get_key_value(key)?;
        let start = k.span()?.start;
        let end = v.span().map_or(start, |s| s.end);
        (start..end.max(start + 1)).contains(&offset).then_some(())
    };
    for key in SET_KEYS {
        if within(key, root).is_some() {
            return Some(Field::Set(key));
        }
    }
    if let Some(source) = root.get("source").and_then(Item::as_table) {
        if let Some(key) = SOURCE_KEYS.into_iter().find(|k| within(k, source).is_some()) {
            return Some(Field::Source(key));
        }
    }
    // The tables' headers in the text, in order: a problem belongs to the last one before it.
    let mut headers: Vec<(usize, Field)> = Vec::new();
    for (name, keys) in [("principles", &PRINCIPLE_KEYS[..]), ("questions", &QUESTION_KEYS[..])] {
        let Some(list) = root.get(name).and_then(Item::as_array_of_tables) else { continue };
        for (i, t) in list.iter().enumerate() {
            if let Some(key) = keys.iter().find(|k| within(k, t).is_some()) {
                return Some(if name == "principles" { Field::Principle(i, key) } else { Field::Question(i, key) });
            }
            if let Some(notes) = t.get("notes").and_then(Item::as_table) {
                if let Some((option, _)) = notes.iter().find(|(k, _)| within(k, notes).is_some()) {
                    return Some(Field::Note(i, option.to_string()));
                }
            }
            let whole = if name == "principles" { Field::Principle(i, "") } else { Field::Question(i, "") };
            if let Some(span) = t.span() {
                headers.push((span.start, whole));
            }
        }
    }
    headers.sort_by_key(|(start, _)| *start);
    headers.into_iter().rev().find(|(start, _)| *start <= offset).map(|(_, field)| field)
}

fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start: usize = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum();
    let rest = text.get(start..)?;
    let within: usize = rest.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    Some(start + within)
}
