//! The question-set model after validation: a set, its source document, its principles and its questions.

use serde::Serialize;

/// One quiz: the principles of one document and the questions that teach them.
/// Only ever built by `parse`, so every invariant below holds for a value of this type:
/// ids are unique and well formed, every principle id a question names exists,
/// and every answer is one of its question's options.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionSet {
    pub id: String,
    pub title: String,
    pub source: Source,
    /// Percentage of correct answers needed to pass, 0..=100.
    pub pass_mark: u8,
    pub principles: Vec<Principle>,
    pub questions: Vec<Question>,
}

/// The published document the questions quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    /// Scenario: principle ids. Choice: the option texts.
    pub options: Vec<String>,
    /// One of `options`.
    pub answer: String,
    pub explanation: String,
    /// A verbatim passage of the source document.
    pub quote: String,
    pub difficulty: Difficulty,
    /// The principle this question counts towards in the per-principle breakdown:
    /// the answer of a scenario, the optional `principle` of a choice question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principle: Option<String>,
}

impl QuestionSet {
    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// What the employee sees for an option value: a principle's label, or the choice text itself.
    pub fn option_label<'a>(&'a self, question: &Question, value: &'a str) -> &'a str {
        match question.kind {
            QuestionKind::Scenario => self.principle(value).map_or(value, |p| p.label.as_str()),
            QuestionKind::Choice => value,
        }
    }
}
