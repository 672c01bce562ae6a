//! Located problems in author input: what is wrong, where (file, line, column in characters), in Japanese and English.

use crate::core::i18n::Lang;

/// One problem found in a question-set file or the manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters so that Japanese text points right.
    pub column: usize,
    pub problem: Problem,
}

/// What is wrong. Kept as data so that the UI and the command line render the same text,
/// and tests can compare structure rather than wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The TOML parser's own message (English only, from the toml crate).
    Syntax(String),
    MissingField { table: String, field: &'static str },
    UnknownField { table: String, field: String, expected: &'static [&'static str] },
    WrongType { field: String, expected: &'static str },
    EmptyText { field: String },
    BadId { id: String },
    DuplicateId { what: &'static str, id: String, first_line: usize },
    UnknownPrinciple { id: String },
    UnknownKind { kind: String },
    UnknownDifficulty { value: String },
    PassMarkRange { value: String },
    TooFewOptions { count: usize },
    DuplicateOption { option: String },
    AnswerNotInOptions { answer: String },
    NoPrinciples,
    NoQuestions,
    /// A set file named in the manifest could not be read or fetched.
    Unreadable { reason: String },
    /// A quote that is not, character for character, in the set's source texts.
    QuoteNotInSource { files: String },
    /// A scenario whose text contains the label of its own answer.
    Giveaway { label: String },
    /// Two files declare the same set id.
    DuplicateSetId { id: String, other_file: String },
    /// A problem in one cell of a CSV file, named by the row as Excel numbers it and the column's header.
    CsvCell { row: usize, header: String, inner: Box<Problem> },
    /// A column every CSV file needs is not in its header row.
    CsvMissingHeader { header: &'static str },
    CsvUnknownHeader { header: String, expected: &'static [&'static str] },
    CsvDuplicateHeader { header: String },
    /// A row whose 種別 is none of the kinds of row the layout has.
    CsvUnknownRowKind { kind: String, expected: &'static [&'static str] },
    CsvUnknownSetting { key: String, expected: &'static [&'static str] },
    CsvDuplicateSetting { key: String, first_row: usize },
    /// A row the set needs is missing: a setting (by its key), or every 原則 or every question.
    CsvMissingRow { what: String },
    /// A value in a column that rows of this kind do not use (it would otherwise be dropped).
    CsvUnusedCell { kind: String },
    /// A scenario's 原則 that differs from its answer, the principle it counts towards.
    CsvScenarioPrinciple { principle: String, answer: String },
    /// A value in a column without a header.
    CsvExtraCell { row: usize, column: usize },
    /// The csv reader's own message.
    CsvSyntax(String),
    /// A GIFT construct our model cannot hold (true/false, matching, partial credit, per-answer
    /// feedback, HTML…), named by `what`; reported where it stands, never silently dropped.
    GiftUnsupported { what: &'static str },
    /// GIFT that Moodle itself would misread: unpaired braces, a question glued to `$CATEGORY:`.
    GiftSyntax { what: &'static str },
    /// A field GIFT has no place for, filled with a harmless default the trainer should check.
    GiftDefaulted { field: &'static str, value: String },
    /// A field GIFT has no place for and we do not invent (a quote, the source, principles…).
    GiftMissing { field: &'static str },
    /// A `// credo-quiz:` line that cannot be used as it stands; `what` says why.
    GiftComment { key: String, what: &'static str },
}

impl Diagnostic {
    /// `file:line:col: message`, the form editors and CI logs understand.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}:{}:{}: {}", self.file, self.line, self.column, self.problem.message(lang))
    }

    /// The same for the employee's app, which only ever loads TOML sets and the manifest
    /// (see `Problem::set_file_message`); any other problem shows its location alone.
    pub fn render_set_file(&self, lang: Lang) -> String {
        let message = self.problem.set_file_message(lang).unwrap_or_default();
        format!("{}:{}:{}: {message}", self.file, self.line, self.column)
    }
}

impl Problem {
    /// The message for any problem, as the command line and the trainer page show it.
    pub fn message(&self, lang: Lang) -> String {
        self.set_file_message(lang).unwrap_or_else(|| self.format_message(lang))
    }

    /// Messages for the problems a set file, the manifest or loading can have: all the employee's
    /// app ever shows. Kept apart from the CSV and GIFT messages, which would otherwise ride along
    /// in its download (about 3 KB gzip).
    pub fn set_file_message(&self, lang: Lang) -> Option<String> {
        let ja = lang == Lang::Ja;
        Some(match self {
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
                let (ja_t, en_t) = type_words(expected);
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
                    format!("The id `{id}` is not allowed. Use ASCII letters, digits, `-` and `_` only (e.g. team-work).")
                }
            }
            Problem::DuplicateId { what, id, first_line } => {
                let (ja_w, en_w) = what_words(what);
                if ja {
                    format!("{ja_w}の ID `{id}` が重複しています({first_line} 行目で定義済み)。別の ID にしてください。")
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
                    format!("This question's quote is not found verbatim in {files}. Copy and paste it from the source.")
                }
            }
            Problem::Giveaway { label } => {
                if ja {
                    format!("場面の文に正解の原則名「{label}」が含まれています。言葉で答えがわかってしまうので、言い換えてください。")
                } else {
                    format!("The situation contains its own answer's label 「{label}」, which gives the answer away. Rephrase it.")
                }
            }
            Problem::DuplicateSetId { id, other_file } => {
                if ja {
                    format!("セット ID `{id}` は {other_file} と重複しています。どちらかの id を変えてください。")
                } else {
                    format!("The set id `{id}` is also used by {other_file}. Change one of them.")
                }
            }
            _ => return None,
        })
    }

    /// Messages for problems only CSV and GIFT files have.
    fn format_message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Problem::CsvCell { row, header, inner } => {
                let inner = inner.message(lang);
                if ja {
                    format!("{row}行目「{header}」列: {inner}")
                } else {
                    format!("row {row}, column \"{header}\": {inner}")
                }
            }
            Problem::CsvMissingHeader { header } => {
                if ja {
                    format!("見出しの行(1 行目)に「{header}」列がありません。見出しの行に「{header}」を追加してください。")
                } else {
                    format!("The header row (row 1) has no column \"{header}\". Add it to the header row.")
                }
            }
            Problem::CsvUnknownHeader { header, expected } => {
                let list = expected.join(", ");
                if ja {
                    format!("見出し「{header}」は使えません。使える見出し: {list}。綴りを確かめてください。")
                } else {
                    format!("Unknown column header \"{header}\". Known headers: {list}. Check the spelling.")
                }
            }
            Problem::CsvDuplicateHeader { header } => {
                if ja {
                    format!("見出し「{header}」の列が 2 つあります。1 列だけにしてください。")
                } else {
                    format!("There are two columns headed \"{header}\". Keep one.")
                }
            }
            Problem::CsvUnknownRowKind { kind, expected } => {
                let list = expected.join("・");
                if ja {
                    format!("種別「{kind}」は使えません。{list} のいずれかにしてください。")
                } else {
                    format!("Unknown row type \"{kind}\". Use one of {list} (setting, principle, scenario, choice).")
                }
            }
            Problem::CsvUnknownSetting { key, expected } => {
                let list = expected.join(", ");
                if ja {
                    format!("設定「{key}」は使えません。使える設定: {list}。綴りを確かめてください。")
                } else {
                    format!("Unknown setting \"{key}\". Known settings: {list}. Check the spelling.")
                }
            }
            Problem::CsvDuplicateSetting { key, first_row } => {
                if ja {
                    format!("設定「{key}」は {first_row} 行目にもあります。1 行だけにしてください。")
                } else {
                    format!("The setting \"{key}\" is also given on row {first_row}. Keep one row.")
                }
            }
            Problem::CsvMissingRow { what } => match (what.as_str(), ja) {
                ("原則", true) => "原則の行が 1 つもありません。種別を「原則」にした行を追加してください。".into(),
                ("原則", false) => "No principles. Add rows whose type (種別) is 原則.".into(),
                ("問題", true) => "問題の行が 1 つもありません。種別を「シナリオ」か「選択」にした行を追加してください。".into(),
                ("問題", false) => "No questions. Add rows whose type (種別) is シナリオ or 選択.".into(),
                (key, true) => format!("設定「{key}」の行がありません。種別「設定」、ID「{key}」、本文にその値を書いた行を追加してください。"),
                (key, false) => format!("No row for the setting \"{key}\". Add a row with 種別 設定, ID {key} and its value in 本文."),
            },
            Problem::CsvUnusedCell { kind } => {
                if ja {
                    format!("種別「{kind}」の行ではこの列を使いません。値を消すか、正しい列に移してください。")
                } else {
                    format!("Rows of type \"{kind}\" do not use this column. Clear it or move the value to the right column.")
                }
            }
            Problem::CsvScenarioPrinciple { principle, answer } => {
                if ja {
                    format!("シナリオは正解の原則 `{answer}` に数えます。「原則」列(今は `{principle}`)は空にするか `{answer}` にしてください。")
                } else {
                    format!("A scenario counts towards its answer `{answer}`. Leave 原則 (now `{principle}`) empty or write `{answer}`.")
                }
            }
            Problem::CsvExtraCell { row, column } => {
                if ja {
                    format!("{row}行目 {column}列目: 見出しのない列に値があります。見出しを付けるか、値を消してください。")
                } else {
                    format!("row {row}, column {column}: a value in a column without a header. Add a header or clear the value.")
                }
            }
            Problem::CsvSyntax(m) => {
                if ja {
                    format!("CSV として読めません({m})。Excel で CSV 形式として保存し直してください。")
                } else {
                    format!("Cannot read the file as CSV ({m}). Save it again from Excel as CSV.")
                }
            }
            Problem::GiftUnsupported { what } | Problem::GiftSyntax { what } => {
                let (ja_m, en_m) = gift_words(what);
                (if ja { ja_m } else { en_m }).into()
            }
            Problem::GiftDefaulted { field: "id", value } => {
                if ja {
                    format!("問題名(::…::)がないか、ID に使えない文字を含むため、ID を `{value}` にしました。別の ID にするなら ::{value}:: のように半角英数字・-・_ で書いてください。")
                } else {
                    format!("The question has no title usable as an id, so its id is `{value}`. To choose another, write ::{value}:: with ASCII letters, digits, - and _.")
                }
            }
            Problem::GiftDefaulted { field, value } => {
                let (ja_p, en_p) = gift_place(field);
                if ja {
                    format!("`{field}` は GIFT に書けないため `{value}` にしました。違う場合は{ja_p}`// credo-quiz: {field} = …` の行を書くか、TOML に変換してから直してください。")
                } else {
                    format!("GIFT has no `{field}`, so `{value}` was used. If that is wrong, add a line `// credo-quiz: {field} = …` {en_p}, or fix it after converting to TOML.")
                }
            }
            Problem::GiftMissing { field: "explanation" } => {
                if ja {
                    "解説がありません。閉じる } の直前に ####解説 を書いてください。".into()
                } else {
                    "No explanation. Write ####explanation just before the closing }.".into()
                }
            }
            Problem::GiftMissing { field: "principles" } => {
                if ja {
                    "原則がありません。ファイルの先頭に `// credo-quiz: principle.id = …` と principle.label・principle.summary の行を書くか、TOML に変換してから [[principles]] を追加してください。".into()
                } else {
                    "No principles. Add `// credo-quiz: principle.id = …` lines with principle.label and principle.summary at the top of the file, or add [[principles]] after converting to TOML.".into()
                }
            }
            Problem::GiftMissing { field } => {
                let (ja_p, en_p) = gift_place(field);
                let (ja_h, en_h) = if *field == "quote" { ("(出典の一節をそのまま)", " (a passage copied verbatim from the source)") } else { ("", "") };
                if ja {
                    format!("`{field}`{ja_h}がありません(GIFT には書く場所がありません)。{ja_p}`// credo-quiz: {field} = …` の行を書くか、TOML に変換してから追加してください。")
                } else {
                    format!("No `{field}`{en_h}: GIFT has no place for it. Add a line `// credo-quiz: {field} = …` {en_p}, or add it after converting to TOML.")
                }
            }
            Problem::GiftComment { key, what } => match (*what, ja) {
                ("outside", true) => format!("`{key}` は問題ごとの項目ですが、問題の外にあります。空行を入れずに、問題(::名前::)のすぐ上の行に書いてください。"),
                ("outside", false) => format!("`{key}` belongs to a question but stands outside one. Write it right above the question's ::title::, with no blank line between."),
                ("no-value", true) => format!("`// credo-quiz: {key}` に値がありません。`// credo-quiz: 項目 = 値` の形で書いてください。"),
                ("no-value", false) => format!("`// credo-quiz: {key}` has no value. Write it as `// credo-quiz: key = value`."),
                ("repeated", true) => format!("`// credo-quiz: {key}` が 2 回以上あります。1 回だけにしてください(2 回目からは使われません)。"),
                ("repeated", false) => format!("`// credo-quiz: {key}` is given more than once. Keep one (only the first is used)."),
                ("no-principle", true) => format!("`{key}` の前に `// credo-quiz: principle.id = …` がありません。原則ごとに principle.id の行から書いてください。"),
                ("no-principle", false) => format!("`{key}` comes before any `// credo-quiz: principle.id = …`. Start each principle with its principle.id line."),
                ("options", true) => "答えの選択肢が `// credo-quiz: options` の原則と合いません。原則ごとに 1 つ、同じ順番で、その原則の名前(label)と同じ文字で書いてください。".into(),
                ("options", false) => "The answers do not match `// credo-quiz: options`: one answer per listed principle, in the same order, each written exactly as that principle's label.".into(),
                ("choice-options", true) => "`options` はシナリオ問題(kind = scenario)だけに使います。この行を消すか、`// credo-quiz: kind = scenario` を書いてください。".into(),
                ("choice-options", false) => "`options` is only for scenarios. Remove the line, or add `// credo-quiz: kind = scenario`.".into(),
                (_, true) => format!("シナリオ問題は正解の原則に数えるため `{key}` は使いません。この行を消してください。"),
                (_, false) => format!("A scenario counts towards its answer; `{key}` is only for choice questions. Remove the line."),
            },
            _ => String::new(),
        }
    }
}

fn type_words(expected: &str) -> (&'static str, &'static str) {
    match expected {
        "string" => ("文字列(\"…\")", "a string (\"…\")"),
        "integer" => ("整数", "a whole number"),
        "array" => ("配列([\"…\", \"…\"])", "an array ([\"…\", \"…\"])"),
        "table" => ("表([…] の見出し)", "a table ([…] header)"),
        "array of tables" => ("表の配列([[…]] の見出し)", "an array of tables ([[…]] headers)"),
        _ => ("正しい型", "of the right type"),
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

fn what_words(what: &str) -> (&'static str, &'static str) {
    match what {
        "principle" => ("原則", "principle"),
        "question" => ("問題", "question"),
        _ => ("項目", "item"),
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
        let column = self.text[start..]
            .char_indices()
            .take_while(|(i, _)| start + i < byte)
            .count();
        (line + 1, column + 1)
    }
}

/// What a GIFT construct is and what to write instead, for `GiftUnsupported` and `GiftSyntax`.
fn gift_words(what: &str) -> (&'static str, &'static str) {
    match what {
        "truefalse" => (
            "正誤問題({T}・{F})は取り込めません。{=正しい ~誤り} のような選択肢問題に書き換えてください。",
            "True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.",
        ),
        "shortanswer" => (
            "記述式(短答)の問題(~ のない {=答え})は取り込めません。~ で誤りの選択肢を加えて選択肢問題にしてください。",
            "Short-answer questions ({=answer} with no ~) cannot be imported. Add wrong options with ~ to make it multiple choice.",
        ),
        "matching" => (
            "組み合わせ問題(->)は取り込めません。組み合わせごとの選択肢問題に分けてください。",
            "Matching questions (->) cannot be imported. Split it into one multiple-choice question per pair.",
        ),
        "numerical" => (
            "数値問題({#…})は取り込めません。数値を選択肢にした選択肢問題にしてください。",
            "Numerical questions ({#…}) cannot be imported. Make it multiple choice with the numbers as options.",
        ),
        "essay" => (
            "論述問題(空の {})は取り込めません。{=正解 ~誤り} の形で選択肢を書いてください。",
            "Essay questions (empty {}) cannot be imported. Write options as {=right ~wrong}.",
        ),
        "description" => (
            "答えの {…} がない文(説明)は問題として取り込めません。{=正解 ~誤り} を加えるか、行頭に // を付けてコメントにしてください。",
            "Text without an answer block {…} is a description, not a question. Add {=right ~wrong}, or start its lines with // to make them comments.",
        ),
        "weight" => (
            "部分点(~%50% など)は使えません。正解 1 つを = で、ほかを ~ で書いてください。",
            "Partial credit (~%50% and the like) is not supported. Mark one right answer with = and the others with ~.",
        ),
        "no-right" => (
            "正解(=)がありません。正解の選択肢の前の ~ を = にしてください。",
            "No right answer (=). Change the ~ before the right option to =.",
        ),
        "multiple-right" => (
            "正解(=)が 2 つ以上あります。正解は 1 つにして、ほかは ~ にしてください。",
            "More than one right answer (=). Keep one = and make the others ~.",
        ),
        "feedback" => (
            "選択肢ごとのフィードバック(#…)は取り込めず、この文は使われません。必要なら解説(####…)に書き移してください。",
            "Per-answer feedback (#…) cannot be kept and is left out. Move what matters into the general feedback (####…).",
        ),
        "html" => (
            "HTML のタグや文字参照(<b>・&amp; など)は、そのままの文字で表示されます。タグを使わない文に書き直してください。",
            "HTML tags and entities (<b>, &amp; …) are shown as typed. Rewrite the text without them.",
        ),
        "category" => (
            "$CATEGORY: の行のすぐ下の行は、Moodle ではカテゴリ名の一部として読まれ、問題になりません。$CATEGORY: の行の後に空行を入れてください。",
            "Moodle reads the lines right below $CATEGORY: as part of the category name, not as a question. Put a blank line after the $CATEGORY: line.",
        ),
        _ => (
            "{ と } の対応がとれていません。答えを { } で囲み、文中の { } は \\{ \\} と書いてください。",
            "Unpaired { or }. Enclose the answers in { }, and write a brace in the text as \\{ or \\}.",
        ),
    }
}

/// Where a `// credo-quiz:` line for a field goes: set fields at the top, question fields above it.
fn gift_place(field: &str) -> (&'static str, &'static str) {
    if field.contains('.') {
        ("ファイルの先頭に", "at the top of the file")
    } else {
        ("問題のすぐ上に", "right above the question")
    }
}
