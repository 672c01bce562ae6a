//! The question-set model after validation: a set, its source document, its principles and its questions.

use std::collections::HashSet;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostic::{IdOf, Problem};
use crate::i18n::Lang;

/// One quiz: the principles of one document and the questions that teach them.
///
/// Built only by `QuestionSet::new`, which checks every invariant, and never changed afterwards,
/// so for any value of this type: ids are unique and well formed, every principle id a question
/// names exists, every answer is one of its question's options, and the pass mark is at most 100.
/// The data sits behind an `Rc`: a set is handed to every screen that shows it, and cloning it
/// (or comparing it with itself) costs nothing.
#[derive(Clone, Debug)]
pub struct QuestionSet(Rc<SetData>);

/// The parts of a set, before `QuestionSet::new` has checked them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SetData {
    pub id: String,
    pub title: String,
    pub source: Source,
    /// Percentage of correct answers needed to pass, 0..=100.
    pub pass_mark: u8,
    /// The question every scenario asks, when the app's own ("which principle fits best?") does
    /// not fit the set (a set whose options are documents, say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// How many questions an attempt asks by default, drawn balanced across principles; all
    /// when absent. The whole set stays one choice away, and `count=` overrides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<usize>,
    pub principles: Vec<Principle>,
    pub questions: Vec<Question>,
}

impl PartialEq for QuestionSet {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for QuestionSet {}

impl Serialize for QuestionSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The published document the questions quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub office: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The source texts beside the set (questions/sources/…), for the verbatim-quote check:
    /// one file, or several for a set that compares documents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Principle {
    pub id: String,
    pub label: String,
    pub summary: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// A workplace situation; the options are principle ids.
    Scenario,
    /// A question of fact with its own option texts.
    Choice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Difficulty {
    #[serde(rename = "初級")]
    Basic,
    #[serde(rename = "中級")]
    Intermediate,
    #[serde(rename = "上級")]
    Advanced,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Basic, Difficulty::Intermediate, Difficulty::Advanced];

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Basic => "初級",
            Difficulty::Intermediate => "中級",
            Difficulty::Advanced => "上級",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    /// This question's own question, over the set's `prompt` and the app's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Scenario: principle ids. Choice: the option texts.
    pub options: Vec<String>,
    /// One of `options`.
    pub answer: String,
    pub explanation: String,
    /// For a wrong option, why it is not the best fit here: shown beside the explanation to an
    /// employee who chose it. (option value, note), in the order written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<(String, String)>,
    /// A verbatim passage of the source document.
    pub quote: String,
    pub difficulty: Difficulty,
    /// The principle this question counts towards in the per-principle breakdown:
    /// the answer of a scenario, the optional `principle` of a choice question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principle: Option<String>,
}

impl QuestionSet {
    /// Checks every invariant of a set; the first one broken is the error. The parsers report
    /// each problem at its place before they get here, so for them this never fails; it is the
    /// guarantee that no other path (a converter, a test) builds a set that breaks them.
    pub fn new(data: SetData) -> Result<QuestionSet, Problem> {
        check(&data)?;
        Ok(QuestionSet(Rc::new(data)))
    }

    pub fn id(&self) -> &str {
        &self.0.id
    }

    pub fn title(&self) -> &str {
        &self.0.title
    }

    /// The language the set is written in, as its title shows (`Lang::of_text`).
    pub fn lang(&self) -> Lang {
        Lang::of_text(self.title())
    }

    pub fn source(&self) -> &Source {
        &self.0.source
    }

    pub fn pass_mark(&self) -> u8 {
        self.0.pass_mark
    }

    pub fn prompt(&self) -> Option<&str> {
        self.0.prompt.as_deref()
    }

    /// Questions an attempt asks by default (`length`), when fewer than all.
    pub fn length(&self) -> Option<usize> {
        self.0.length.filter(|&n| n < self.0.questions.len())
    }

    pub fn principles(&self) -> &[Principle] {
        &self.0.principles
    }

    pub fn questions(&self) -> &[Question] {
        &self.0.questions
    }

    /// The same set with another pass mark (`pass=` of an embed), capped at 100.
    pub fn with_pass_mark(&self, pass_mark: u8) -> QuestionSet {
        let mut data = (*self.0).clone();
        data.pass_mark = pass_mark.min(100);
        QuestionSet(Rc::new(data))
    }

    /// The set's parts, for a writer that needs them all (TOML, CSV, GIFT, JSON).
    pub fn data(&self) -> &SetData {
        &self.0
    }

    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.0.principle(id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.0.question(id)
    }

    /// What the employee sees for an option value: a principle's label, or the choice text itself.
    pub fn option_label<'a>(&'a self, question: &Question, value: &'a str) -> &'a str {
        self.0.option_label(question, value)
    }

    /// The question a question asks, when the set says: its own prompt, else (for a scenario) the
    /// set's. `None` leaves it to the app's words for its kind.
    pub fn prompt_of<'a>(&'a self, question: &'a Question) -> Option<&'a str> {
        self.0.prompt_of(question)
    }
}

impl Question {
    /// Why `chosen` is not the best fit here, when the question says.
    pub fn note_for(&self, chosen: &str) -> Option<&str> {
        self.notes.iter().find(|(option, _)| option == chosen).map(|(_, note)| note.as_str())
    }
}

impl SetData {
    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn prompt_of<'a>(&'a self, question: &'a Question) -> Option<&'a str> {
        match question.kind {
            QuestionKind::Scenario => question.prompt.as_deref().or(self.prompt.as_deref()),
            QuestionKind::Choice => question.prompt.as_deref(),
        }
    }

    pub fn option_label<'a>(&'a self, question: &Question, value: &'a str) -> &'a str {
        match question.kind {
            QuestionKind::Scenario => self.principle(value).map_or(value, |p| p.label.as_str()),
            QuestionKind::Choice => value,
        }
    }
}

/// The one control character a text holds that is not a line feed or a tab, if any. Sets keep
/// line breaks as LF (the parsers read CRLF as LF); anything else invisible is an accident of
/// copying, and some formats (GIFT) could not write it back.
pub fn control_character(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
}

/// Ids: ASCII letters, digits, `-` and `_`, at most 64 bytes (they become storage keys and URL parameters).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn check(data: &SetData) -> Result<(), Problem> {
    check_texts(data)?;
    let bad_id = |id: &str| (!is_valid_id(id)).then(|| Problem::BadId { id: id.to_string() });
    if let Some(p) = bad_id(&data.id) {
        return Err(p);
    }
    if data.pass_mark > 100 {
        return Err(Problem::PassMarkRange { value: data.pass_mark.to_string() });
    }
    if data.length == Some(0) {
        return Err(Problem::LengthRange { value: "0".into() });
    }
    if data.principles.is_empty() {
        return Err(Problem::NoPrinciples);
    }
    if data.questions.is_empty() {
        return Err(Problem::NoQuestions);
    }
    // `HashSet<String>`, the one set type the app links (parse.rs uses it too): a tree set's
    // code was 8 KB of the download.
    let mut principle_ids: HashSet<String> = HashSet::new();
    for p in &data.principles {
        if let Some(problem) = bad_id(&p.id) {
            return Err(problem);
        }
        if !principle_ids.insert(p.id.clone()) {
            return Err(Problem::DuplicateId { what: IdOf::Principle, id: p.id.clone(), first_line: 0 });
        }
    }
    let known = |id: &str| {
        if principle_ids.contains(id) {
            Ok(())
        } else {
            Err(Problem::UnknownPrinciple { id: id.to_string() })
        }
    };
    let mut question_ids = HashSet::new();
    for q in &data.questions {
        if let Some(problem) = bad_id(&q.id) {
            return Err(problem);
        }
        if !question_ids.insert(q.id.clone()) {
            return Err(Problem::DuplicateId { what: IdOf::Question, id: q.id.clone(), first_line: 0 });
        }
        if q.options.len() < 2 {
            return Err(Problem::TooFewOptions { count: q.options.len() });
        }
        let mut options = HashSet::new();
        for o in &q.options {
            if !options.insert(o.clone()) {
                return Err(Problem::DuplicateOption { option: o.clone() });
            }
            if q.kind == QuestionKind::Scenario {
                known(o)?;
            }
        }
        if !options.contains(&q.answer) {
            return Err(Problem::AnswerNotInOptions { answer: q.answer.clone() });
        }
        for (option, _) in &q.notes {
            if !options.contains(option) || *option == q.answer {
                return Err(Problem::NoteNotForWrongOption { option: option.clone() });
            }
        }
        match (q.kind, &q.principle) {
            (QuestionKind::Scenario, Some(p)) if *p == q.answer => {}
            (QuestionKind::Scenario, _) => return Err(Problem::UnknownPrinciple { id: q.answer.clone() }),
            (QuestionKind::Choice, Some(p)) => known(p)?,
            (QuestionKind::Choice, None) => {}
        }
    }
    Ok(())
}

/// Every text of the set, by the field that holds it, for `control_character`.
fn check_texts(data: &SetData) -> Result<(), Problem> {
    let s = &data.source;
    let mut texts: Vec<(&str, &str)> = vec![("title", &data.title), ("office", &s.office), ("title", &s.title)];
    texts.extend(data.prompt.iter().map(|p| ("prompt", p.as_str())));
    texts.extend(s.date.iter().chain(&s.url).map(|v| ("source", v.as_str())));
    texts.extend(s.files.iter().map(|f| ("file", f.as_str())));
    for p in &data.principles {
        texts.extend([("label", p.label.as_str()), ("summary", p.summary.as_str())]);
    }
    for q in &data.questions {
        texts.extend([("text", q.text.as_str()), ("explanation", q.explanation.as_str()), ("quote", q.quote.as_str())]);
        texts.extend(q.prompt.iter().map(|p| ("prompt", p.as_str())));
        texts.extend(q.options.iter().map(|o| ("options", o.as_str())));
        texts.extend(q.notes.iter().map(|(_, n)| ("notes", n.as_str())));
    }
    match texts.iter().find_map(|(field, text)| control_character(text).map(|c| (field, c))) {
        Some((field, c)) => Err(Problem::ControlCharacter { field: field.to_string(), code: u32::from(c) }),
        None => Ok(()),
    }
}
