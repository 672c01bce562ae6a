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

/// What a TOML syntax error most likely is, in a trainer's terms: the parser's own message
/// names a grammar rule, this names the character to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxCause {
    /// `＝` where `=` belongs (Japanese input left on).
    FullWidthEquals,
    /// `“…”` or `‘…’` around a value (copied from Word or a web page).
    CurlyQuotes,
    /// `７０` for a number.
    FullWidthDigits,
    /// An invisible control character such as NUL, by its code.
    ControlCharacter(u32),
    /// The same key twice in one table, by its name.
    DuplicateKey(String),
    /// A string whose closing quote is missing.
    UnclosedString,
    /// A key with no `=` after it.
    MissingEquals,
    /// A `[table` header without its `]`.
    UnclosedBracket,
    /// A text value without quotes.
    UnquotedText,
    /// Anything else: the parser's own message, shown in English only.
    Other(String),
}

impl SyntaxCause {
    /// Names the cause of the parser's `message` at `span` of `text`.
    pub fn of(message: &str, text: &str, span: std::ops::Range<usize>) -> SyntaxCause {
        let start = text.get(..span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let end = text.get(span.start..).and_then(|t| t.find('\n')).map_or(text.len(), |i| span.start + i);
        let line = text.get(start..end).unwrap_or_default();
        let at = text.get(span.start..).and_then(|t| t.chars().next());
        if let Some(c) = at.filter(|c| c.is_control() && *c != '\n' && *c != '\t' && *c != '\r') {
            SyntaxCause::ControlCharacter(u32::from(c))
        } else if let Some(c) = line.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\r')) {
            SyntaxCause::ControlCharacter(u32::from(c))
        } else if message.starts_with("duplicate key") {
            let key = text.get(span).unwrap_or_default().trim().trim_matches('"').to_string();
            SyntaxCause::DuplicateKey(key)
        } else if line.contains('＝') {
            SyntaxCause::FullWidthEquals
        } else if line.contains(['“', '”', '‘', '’']) {
            SyntaxCause::CurlyQuotes
        } else if message.starts_with("string values must be quoted")
            && line.split_once('=').is_some_and(|(_, v)| v.trim().chars().all(|c| ('０'..='９').contains(&c)))
        {
            SyntaxCause::FullWidthDigits
        } else if message.starts_with("string values must be quoted") {
            SyntaxCause::UnquotedText
        } else if message.starts_with("invalid basic string")
            || message.starts_with("invalid multi-line")
            || message.starts_with("invalid literal string")
        {
            SyntaxCause::UnclosedString
        } else if message.starts_with("key with no value") {
            SyntaxCause::MissingEquals
        } else if message.starts_with("unclosed table") || message.starts_with("unclosed array of tables") {
            SyntaxCause::UnclosedBracket
        } else {
            SyntaxCause::Other(message.trim().to_string())
        }
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
    /// The TOML reader's own message (English only, from `toml_doc`).
    Syntax(SyntaxCause),
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
    /// A set file the server did not serve for a reason other than its absence (a server error,
    /// a dropped line, no answer): the network's fault, not the file's name or place.
    NotServed {
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
    /// A set file saved in Shift_JIS (Notepad's or Excel's ANSI) rather than UTF-8: the browser
    /// cannot read it, so it is refused everywhere alike, with how to save it again.
    /// A text value holding an invisible control character (other than a line break or a tab),
    /// by its code: written with an escape such as `\u0001`, or pasted from another program.
    ControlCharacter {
        field: String,
        code: u32,
    },
    /// `length` that is not a whole number of 1 or more.
    LengthRange {
        value: String,
    },
    /// A `[questions.notes]` key that is not one of the question's wrong options.
    NoteNotForWrongOption {
        option: String,
    },
    NotUtf8,
    /// A file that ends in the middle of a character: cut off (a copy or an upload that stopped).
    CutOff,
    /// A source text the set names is not where the set says.
    SourceMissing {
        file: String,
    },
    /// A source text the set names is not UTF-8 (Shift_JIS, as Notepad and Word on Japanese
    /// Windows may save), so no quote can be compared with it.
    SourceNotUtf8 {
        file: String,
    },
    /// A web page (markup) came where manifest.txt's list should be.
    ManifestIsPage,
    /// A manifest line whose summary after the file name cannot be read.
    ManifestSummary {
        file: String,
    },
    /// A manifest line whose summary no longer matches its set (the set was edited afterwards).
    StaleSummary {
        file: String,
    },
}

impl Message for Problem {
    fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Problem::Syntax(cause) => syntax_message(cause, ja),
            Problem::MissingField { table, field } => {
                let table = table_words(table, ja);
                let example = field_example(field);
                if ja {
                    format!("{table}に必須の項目 `{field}` がありません。`{example}` を追加してください。")
                } else {
                    format!("{table} lacks the required field `{field}`. Add `{example}`.")
                }
            }
            Problem::UnknownField { table, field, expected } => {
                let list = expected.join(", ");
                let table = table_words(table, ja);
                if ja {
                    format!("{table}に未知の項目 `{field}` があります。使える項目: {list}。綴りを確かめてください。")
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
                    format!("ID `{id}` は使えません。半角英数字・ハイフン・下線だけで、64 文字以内で書いてください(例: team-work)。")
                } else {
                    format!(
                        "The id `{id}` is not allowed. Use ASCII letters, digits, `-` and `_` only, 64 at most (e.g. team-work)."
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
            Problem::NotServed { reason } => {
                if ja {
                    format!("ファイルを読み込めません({reason})。サーバーか回線の問題です。しばらくしてからページを再読み込みし、続くときは管理者にお知らせください。")
                } else {
                    format!("Cannot read the file ({reason}). The server or the network failed: reload the page in a while, and tell the administrator if it goes on.")
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
            Problem::ControlCharacter { field, code } => {
                if ja {
                    format!("`{field}` に目に見えない制御文字(U+{code:04X})が含まれています。ほかのソフトから貼り付けたときに入りやすい文字です。その文字を消してください。")
                } else {
                    format!("`{field}` holds an invisible control character (U+{code:04X}), often pasted in from another program. Remove it.")
                }
            }
            Problem::LengthRange { value } => {
                if ja {
                    format!("出題数 `length = {value}` は 1 以上の整数にしてください(例: length = 10)。書かないと全問を出題します。")
                } else {
                    format!("`length = {value}` must be a whole number of 1 or more (e.g. length = 10). Without it every question is asked.")
                }
            }
            Problem::NoteNotForWrongOption { option } => {
                if ja {
                    format!("`[questions.notes]` の `{option}` は、この問題の誤りの選択肢ではありません。メモは、正解以外の選択肢(シナリオ問題は原則の ID、知識問題は選択肢の文)に書いてください。")
                } else {
                    format!("`{option}` in `[questions.notes]` is not one of this question's wrong options. Write notes for options other than the answer (a principle id for a scenario, the option text for a choice question).")
                }
            }
            Problem::NotUtf8 => {
                if ja {
                    "このファイルは UTF-8 ではなく Shift_JIS(ANSI)で保存されています。クイズのページは UTF-8 のファイルしか読めません。メモ帳なら「名前を付けて保存」で文字コードを「UTF-8」にして保存し直してください(研修担当者ページで開き、TOML をダウンロードしても UTF-8 になります)。".into()
                } else {
                    "This file is saved in Shift_JIS (ANSI), not UTF-8, and the quiz page reads UTF-8 only. Save it again as UTF-8 (Notepad: Save As, Encoding UTF-8), or open it on the trainer page and download the TOML.".into()
                }
            }
            Problem::SourceMissing { file } => {
                if ja {
                    format!("出典ファイル `{file}` が見つかりません。セットのファイルから見たその場所に置いてください(作業用のフォルダーで検査するときは、sources/ フォルダーも一緒に置きます)。")
                } else {
                    format!("The source file `{file}` is not there. Put it where the set says, relative to the set's file (when checking a working copy, copy the sources/ folder beside it too).")
                }
            }
            Problem::CutOff => {
                if ja {
                    "このファイルは文字の途中で終わっています。コピーやアップロードが途中で止まったようです。元のファイルからもう一度コピーしてください。".into()
                } else {
                    "This file ends in the middle of a character: it was cut off, as by a copy or an upload that stopped. Copy it again from the original.".into()
                }
            }
            Problem::SourceNotUtf8 { file } => {
                if ja {
                    format!("出典ファイル `{file}` が UTF-8 ではありません(Shift_JIS で保存されているようです)。引用はこのファイルと一字一句照らし合わせるので、メモ帳の「名前を付けて保存」で文字コードに UTF-8 を選んで保存し直してください。")
                } else {
                    format!("The source file `{file}` is not UTF-8 (it looks saved as Shift_JIS). Quotes are compared with it character for character: save it again as UTF-8 (Notepad: Save As, Encoding UTF-8).")
                }
            }
            Problem::ManifestIsPage => {
                if ja {
                    "manifest.txt の代わりにウェブページ(サインインの画面やエラーのページなど)が届きました。ページを再読み込みし、続くときは管理者にサーバーの設定を確かめてもらってください。".into()
                } else {
                    "A web page (a sign-in or error page) came instead of manifest.txt. Reload the page, and if it goes on, ask the administrator to check the server.".into()
                }
            }
            Problem::ManifestSummary { file } => {
                if ja {
                    format!("`{file}` の行の概要(| のあと)が読めません。`quizcheck manifest` で書き直すか、ファイル名だけの行にしてください(その場合、一覧の表示にセットのファイルを読み込みます)。")
                } else {
                    format!("The summary after `{file}` (after |) cannot be read. Write it again with `quizcheck manifest`, or leave only the file name (the set list then fetches the set's file).")
                }
            }
            Problem::StaleSummary { file } => {
                if ja {
                    format!("`{file}` の行の概要が、今のセットの内容と合っていません(セットを直したあとに書き直していません)。`quizcheck manifest` で書き直してください。")
                } else {
                    format!("The summary of `{file}` no longer matches the set (it was edited afterwards). Write it again with `quizcheck manifest`.")
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

fn syntax_message(cause: &SyntaxCause, ja: bool) -> String {
    let (j, e): (String, String) = match cause {
        SyntaxCause::FullWidthEquals => (
            "全角の「＝」が使われています。半角の「=」に直してください。".into(),
            "A full-width ＝ is used. Change it to a plain =.".into(),
        ),
        SyntaxCause::CurlyQuotes => (
            "全角の引用符(“ ” ‘ ’)が使われています。文字列は半角の \" で囲んでください(Word やウェブからのコピーで入りやすい文字です)。".into(),
            "Curly quotes (“ ” ‘ ’) are used. Enclose text in plain \" (they come in when copying from Word or the web).".into(),
        ),
        SyntaxCause::FullWidthDigits => (
            "数字が全角です。pass_mark = 70 のように半角で書いてください。".into(),
            "The number is in full-width digits. Write it with plain digits, like pass_mark = 70.".into(),
        ),
        SyntaxCause::ControlCharacter(code) => (
            format!("目に見えない制御文字(U+{code:04X}、NUL など)が含まれています。この行を打ち直してください。"),
            format!("An invisible control character (U+{code:04X}, such as NUL) is in this line. Retype the line."),
        ),
        SyntaxCause::DuplicateKey(key) => (
            format!("項目 `{key}` が同じ表の中に 2 回書かれています。1 つにまとめてください。"),
            format!("The field `{key}` is written twice in the same table. Keep one."),
        ),
        SyntaxCause::UnclosedString => (
            "文字列が閉じていません。始めの \"(複数行なら \"\"\")に対応する閉じの引用符を書いてください。".into(),
            "A string is not closed. Add the closing quote that matches the opening \" (or \"\"\" for several lines).".into(),
        ),
        SyntaxCause::MissingEquals => (
            "項目名の後に「=」がありません。id = \"…\" のように書いてください。".into(),
            "There is no = after the field name. Write it like id = \"…\".".into(),
        ),
        SyntaxCause::UnclosedBracket => (
            "見出しの ] がありません。[source] や [[questions]] のように閉じてください。".into(),
            "The header has no closing ]. Write it like [source] or [[questions]].".into(),
        ),
        SyntaxCause::UnquotedText => (
            "文字の値は \" で囲んでください(例: title = \"前橋市職員クレド\")。".into(),
            "Enclose text values in \" (e.g. title = \"Maebashi staff credo\").".into(),
        ),
        SyntaxCause::Other(m) => (
            "TOML の書き方に誤りがあります。引用符・括弧・= の対応を確かめてください。".into(),
            format!("TOML syntax error ({m}). Check quotes, brackets and `=`."),
        ),
    };
    if ja {
        j
    } else {
        e
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

/// How a message names the table a field belongs to; in Japanese with the space a bracketed name
/// takes before the particle that follows (and a Japanese name none).
fn table_words(table: &str, ja: bool) -> String {
    let gap = if ja { " " } else { "" };
    match (table, ja) {
        ("root", true) => "セットの先頭部分".into(),
        ("root", false) => "The set's top level".into(),
        ("questions", _) => format!("[[questions]]{gap}"),
        ("principles", _) => format!("[[principles]]{gap}"),
        (other, _) => format!("[{other}]{gap}"),
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
