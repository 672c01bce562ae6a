//! Located problems in author input: what is wrong, where (file, line, column in characters), in Japanese and English.
//!
//! `Problem` covers what a set file (TOML) and the manifest can have: all the employee's app
//! ever shows. The trainer's formats add their own problems in `credo_authoring::problem`, and
//! `Diagnostic` carries either kind; every message is an exhaustive match, so a new problem
//! cannot render as an empty line.

use crate::i18n::Lang;

/// A problem that can say what is wrong in the reader's language.
pub trait Message {
    fn message(&self, lang: Lang) -> String;
}

/// One problem found in a file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic<P = Problem> {
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters so that Japanese text points right.
    pub column: usize,
    pub problem: P,
}

impl<P: Message> Diagnostic<P> {
    /// `file:line:col: message`, the form editors and CI logs understand.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}:{}:{}: {}", self.file, self.line, self.column, self.problem.message(lang))
    }
}

impl<P> Diagnostic<P> {
    /// The same place with the problem turned into another kind (a set problem inside a draft's).
    pub fn map<Q>(self, f: impl FnOnce(P) -> Q) -> Diagnostic<Q> {
        Diagnostic { file: self.file, line: self.line, column: self.column, problem: f(self.problem) }
    }
}

/// Which kind of id a `DuplicateId` is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOf {
    Principle,
    Question,
}

/// Where a file name is written, for `BadPath`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathOf {
    /// A line of manifest.txt: a set file.
    ManifestEntry,
    /// `[source] file`: a source text beside the set.
    SourceFile,
}

/// The type a field must have, for `WrongType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    String,
    Integer,
    Array,
    Table,
    ArrayOfTables,
}

/// What is wrong with a set file or the manifest. Kept as data so that the UI and the command line render the same text,
/// and tests can compare structure rather than wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The TOML parser's own message (English only, from the toml crate).
    Syntax(String),
    MissingField {
        table: String,
        field: &'static str,
    },
    UnknownField {
        table: String,
        field: String,
        expected: &'static [&'static str],
    },
    WrongType {
        field: String,
        expected: ValueType,
    },
    EmptyText {
        field: String,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        what: IdOf,
        id: String,
        first_line: usize,
    },
    UnknownPrinciple {
        id: String,
    },
    UnknownKind {
        kind: String,
    },
    UnknownDifficulty {
        value: String,
    },
    PassMarkRange {
        value: String,
    },
    TooFewOptions {
        count: usize,
    },
    DuplicateOption {
        option: String,
    },
    AnswerNotInOptions {
        answer: String,
    },
    NoPrinciples,
    NoQuestions,
    /// A set file named in the manifest could not be read or fetched.
    Unreadable {
        reason: String,
    },
    /// A quote that is not, character for character, in the set's source texts.
    QuoteNotInSource {
        files: String,
    },
    /// A scenario whose text contains the label of its own answer.
    Giveaway {
        label: String,
    },
    /// Two files declare the same set id.
    DuplicateSetId {
        id: String,
        other_file: String,
    },
    /// A file name that would reach outside its folder, or that the browser would read otherwise.
    BadPath {
        path: String,
        what: PathOf,
    },
}

impl Message for Problem {
    fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Problem::Syntax(m) => {
                let m = m.trim();
                if ja {
                    format!("TOML の書き方に誤りがあります({m})。引用符・括弧・= の対応を確かめてください。")
                } else {
                    format!("TOML syntax error ({m}). Check quotes, brackets and `=`.")
                }
            }
            Problem::MissingField { table, field } => {
                let table = table_words(table, ja);
                let example = field_example(field);
                if ja {
                    format!("{table} に必須の項目 `{field}` がありません。`{example}` を追加してください。")
                } else {
                    format!("{table} lacks the required field `{field}`. Add `{example}`.")
                }
            }
            Problem::UnknownField { table, field, expected } => {
                let list = expected.join(", ");
                let table = table_words(table, ja);
                if ja {
                    format!("{table} に未知の項目 `{field}` があります。使える項目: {list}。綴りを確かめてください。")
                } else {
                    format!("{table} has an unknown field `{field}`. Known fields: {list}. Check the spelling.")
                }
            }
            Problem::WrongType { field, expected } => {
                let (ja_t, en_t) = type_words(*expected);
                if ja {
                    format!("`{field}` は{ja_t}で書いてください。")
                } else {
                    format!("`{field}` must be {en_t}.")
                }
            }
            Problem::EmptyText { field } => {
                if ja {
                    format!("`{field}` が空です。内容を書いてください。")
                } else {
                    format!("`{field}` is empty. Write its text.")
                }
            }
            Problem::BadId { id } => {
                if ja {
                    format!("ID `{id}` は使えません。半角英数字・ハイフン・下線だけで書いてください(例: team-work)。")
                } else {
                    format!(
                        "The id `{id}` is not allowed. Use ASCII letters, digits, `-` and `_` only (e.g. team-work)."
                    )
                }
            }
            Problem::DuplicateId { what, id, first_line } => {
                let (ja_w, en_w) = what_words(*what);
                if ja {
                    format!(
                        "{ja_w}の ID `{id}` が重複しています({first_line} 行目で定義済み)。別の ID にしてください。"
                    )
                } else {
                    format!("Duplicate {en_w} id `{id}` (first defined on line {first_line}). Choose another id.")
                }
            }
            Problem::UnknownPrinciple { id } => {
                if ja {
                    format!("原則 `{id}` は [[principles]] に定義されていません。定義済みの ID を使ってください。")
                } else {
                    format!("Principle `{id}` is not defined in [[principles]]. Use a defined id.")
                }
            }
            Problem::UnknownKind { kind } => {
                if ja {
                    format!("問題の種類 `{kind}` は使えません。\"scenario\" か \"choice\" にしてください。")
                } else {
                    format!("Unknown question kind `{kind}`. Use \"scenario\" or \"choice\".")
                }
            }
            Problem::UnknownDifficulty { value } => {
                if ja {
                    format!("難易度 `{value}` は使えません。\"初級\"・\"中級\"・\"上級\" のいずれかにしてください。")
                } else {
                    format!("Unknown difficulty `{value}`. Use \"初級\", \"中級\" or \"上級\".")
                }
            }
            Problem::PassMarkRange { value } => {
                if ja {
                    format!("合格ライン `pass_mark = {value}` は 0 から 100 までの整数(%)にしてください。")
                } else {
                    format!("`pass_mark = {value}` must be a whole number from 0 to 100 (percent).")
                }
            }
            Problem::TooFewOptions { count } => {
                if ja {
                    format!("選択肢が {count} 個しかありません。2 個以上にしてください。")
                } else {
                    format!("Only {count} option(s). Give at least 2.")
                }
            }
            Problem::DuplicateOption { option } => {
                if ja {
                    format!("選択肢 `{option}` が重複しています。1 回だけにしてください。")
                } else {
                    format!("The option `{option}` is listed twice. List it once.")
                }
            }
            Problem::AnswerNotInOptions { answer } => {
                if ja {
                    format!("正解 `{answer}` が選択肢の中にありません。選択肢と同じ文字で書いてください。")
                } else {
                    format!("The answer `{answer}` is not among the options. Write it exactly as one of them.")
                }
            }
            Problem::NoPrinciples => {
                if ja {
                    "原則が 1 つもありません。[[principles]] を追加してください。".into()
                } else {
                    "No principles. Add at least one [[principles]] table.".into()
                }
            }
            Problem::NoQuestions => {
                if ja {
                    "問題が 1 つもありません。[[questions]] を追加してください。".into()
                } else {
                    "No questions. Add at least one [[questions]] table.".into()
                }
            }
            Problem::Unreadable { reason } => {
                if ja {
                    format!("ファイルを読み込めません({reason})。ファイル名と置き場所を確かめてください。")
                } else {
                    format!("Cannot read the file ({reason}). Check its name and location.")
                }
            }
            Problem::QuoteNotInSource { files } => {
                if ja {
                    format!("この問題の quote が出典 {files} に一字一句そのままでは見つかりません。出典からコピーして貼り付けてください。")
                } else {
                    format!(
                        "This question's quote is not found verbatim in {files}. Copy and paste it from the source."
                    )
                }
            }
            Problem::Giveaway { label } => {
                if ja {
                    format!("場面の文に正解の原則名「{label}」が含まれています。言葉で答えがわかってしまうので、言い換えてください。")
                } else {
                    format!("The situation contains its own answer's label 「{label}」, which gives the answer away. Rephrase it.")
                }
            }
            Problem::BadPath { path, what: PathOf::ManifestEntry } => {
                if ja {
                    format!("`{path}` はセットのファイル名として使えません。manifest.txt と同じフォルダー(またはその下のフォルダー)の .toml ファイルを、`sets/maebashi.toml` のように書いてください(.. ・ / で始まる場所・\\ ・ % ・ 空白は使えません)。")
                } else {
                    format!("`{path}` cannot name a set file. Write a .toml file in manifest.txt's folder or below it, like `sets/maebashi.toml` (no `..`, leading `/`, `\\`, `%` or spaces).")
                }
            }
            Problem::BadPath { path, what: PathOf::SourceFile } => {
                if ja {
                    format!("出典ファイル `{path}` の場所は使えません。セットのファイルから見た場所を `sources/maebashi-credo.txt` のように書いてください(.. ・ / で始まる場所・\\ ・ % ・ 空白は使えません)。")
                } else {
                    format!("The source file `{path}` cannot be used. Write where it is from the set's file, like `sources/maebashi-credo.txt` (no `..`, leading `/`, `\\`, `%` or spaces).")
                }
            }
            Problem::DuplicateSetId { id, other_file } => {
                if ja {
                    format!("セット ID `{id}` は {other_file} と重複しています。どちらかの id を変えてください。")
                } else {
                    format!("The set id `{id}` is also used by {other_file}. Change one of them.")
                }
            }
        }
    }
}

fn type_words(expected: ValueType) -> (&'static str, &'static str) {
    match expected {
        ValueType::String => ("文字列(\"…\")", "a string (\"…\")"),
        ValueType::Integer => ("整数", "a whole number"),
        ValueType::Array => ("配列([\"…\", \"…\"])", "an array ([\"…\", \"…\"])"),
        ValueType::Table => ("表([…] の見出し)", "a table ([…] header)"),
        ValueType::ArrayOfTables => ("表の配列([[…]] の見出し)", "an array of tables ([[…]] headers)"),
    }
}

/// What a missing field looks like when written, for the message that asks for it.
fn field_example(field: &str) -> String {
    match field {
        "pass_mark" => "pass_mark = 70".into(),
        "source" => "[source]".into(),
        "options" => "options = [\"…\", \"…\"]".into(),
        "kind" => "kind = \"scenario\"".into(),
        "difficulty" => "difficulty = \"初級\"".into(),
        other => format!("{other} = \"…\""),
    }
}

/// How a message names the table a field belongs to.
fn table_words(table: &str, ja: bool) -> String {
    match (table, ja) {
        ("root", true) => "セットの先頭部分".into(),
        ("root", false) => "The set's top level".into(),
        ("questions", _) => "[[questions]]".into(),
        ("principles", _) => "[[principles]]".into(),
        (other, _) => format!("[{other}]"),
    }
}

fn what_words(what: IdOf) -> (&'static str, &'static str) {
    match what {
        IdOf::Principle => ("原則", "principle"),
        IdOf::Question => ("問題", "question"),
    }
}

/// Maps byte offsets of one text to 1-based (line, character column).
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
    }

    pub fn position(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= byte) - 1;
        let start = self.line_starts[line];
        // A span may start inside a multi-byte character only if the text was cut; clamp to a boundary.
        let column = self.text[start..].char_indices().take_while(|(i, _)| start + i < byte).count();
        (line + 1, column + 1)
    }
}
