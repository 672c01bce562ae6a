//! Problems only the trainer's formats have (Excel CSV, Moodle GIFT), and `DraftProblem`, any problem a draft in any format can have.

use credo_core::diagnostic::{Message, Problem};
use credo_core::i18n::Lang;

/// Any problem of a draft: one of a set file's, or one only its format has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    Set(Problem),
    Csv(CsvProblem),
    Gift(GiftProblem),
}

impl From<Problem> for DraftProblem {
    fn from(p: Problem) -> Self {
        DraftProblem::Set(p)
    }
}

impl From<CsvProblem> for DraftProblem {
    fn from(p: CsvProblem) -> Self {
        DraftProblem::Csv(p)
    }
}

impl From<GiftProblem> for DraftProblem {
    fn from(p: GiftProblem) -> Self {
        DraftProblem::Gift(p)
    }
}

impl Message for DraftProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            DraftProblem::Set(p) => p.message(lang),
            DraftProblem::Csv(p) => p.message(lang),
            DraftProblem::Gift(p) => p.message(lang),
        }
    }
}

/// What is wrong in an Excel CSV file, named by the row as Excel numbers it and the column's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    /// A problem in one cell of a CSV file, named by the row as Excel numbers it and the column's header.
    Cell {
        row: usize,
        header: String,
        inner: Box<DraftProblem>,
    },
    /// A column every CSV file needs is not in its header row.
    MissingHeader {
        header: &'static str,
    },
    UnknownHeader {
        header: String,
        expected: &'static [&'static str],
    },
    DuplicateHeader {
        header: String,
    },
    /// A row whose 種別 is none of the kinds of row the layout has.
    UnknownRowKind {
        kind: String,
        expected: &'static [&'static str],
    },
    UnknownSetting {
        key: String,
        expected: &'static [&'static str],
    },
    DuplicateSetting {
        key: String,
        first_row: usize,
    },
    /// No row of type 原則.
    MissingPrinciples,
    /// No question rows.
    MissingQuestions,
    /// A setting every set needs (by its key) has no row.
    MissingSetting {
        key: String,
    },
    /// A value in a column that rows of this kind do not use (it would otherwise be dropped).
    UnusedCell {
        kind: String,
    },
    /// A scenario's 原則 that differs from its answer, the principle it counts towards.
    ScenarioPrinciple {
        principle: String,
        answer: String,
    },
    /// A value in a column without a header.
    ExtraCell {
        row: usize,
        column: usize,
    },
    /// The csv reader's own message.
    Syntax(String),
}

/// What is wrong in a Moodle GIFT file, or what the reader had to fill in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GiftProblem {
    /// A GIFT construct our model cannot hold; reported where it stands, never silently dropped.
    Unsupported(GiftConstruct),
    /// GIFT that Moodle itself would misread: unpaired braces, a question glued to `$CATEGORY:`.
    Syntax(GiftSyntax),
    /// A question without a title usable as an id: this id was made up.
    DefaultedId { value: String },
    /// A field GIFT has no place for, filled with a harmless default the trainer should check.
    Defaulted { field: &'static str, value: String },
    /// A question without `####` general feedback, our explanation.
    MissingExplanation,
    /// No `// credo-quiz: principle.…` lines: the set has no principles.
    MissingPrinciples,
    /// A field GIFT has no place for and we do not invent (a quote, the source…).
    Missing { field: &'static str },
    /// A `// credo-quiz:` line that cannot be used as it stands.
    Comment { key: String, issue: CommentIssue },
}

/// GIFT question types and features our model has no place for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiftConstruct {
    TrueFalse,
    ShortAnswer,
    Matching,
    Numerical,
    Essay,
    /// Text with no answer block: Moodle's "description".
    Description,
    /// Partial credit (`~%50%`).
    Weight,
    NoRight,
    MultipleRight,
    /// Per-answer feedback (`#…` after an answer).
    Feedback,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiftSyntax {
    /// A question right below `$CATEGORY:`, which Moodle reads as part of the category name.
    Category,
    Braces,
}

/// Why a `// credo-quiz:` line cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentIssue {
    /// A question's field outside any question.
    Outside,
    NoValue,
    Repeated,
    /// A `principle.label` or `.summary` before any `principle.id`.
    NoPrinciple,
    /// The answers do not match the listed `options`.
    Options,
    /// `options` on a choice question.
    ChoiceOptions,
    /// `principle` on a scenario, which counts towards its answer.
    ScenarioPrinciple,
}

impl Message for CsvProblem {
    fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            CsvProblem::Cell { row, header, inner } => {
                let inner = inner.message(lang);
                if ja {
                    format!("{row}行目「{header}」列: {inner}")
                } else {
                    format!("row {row}, column \"{header}\": {inner}")
                }
            }
            CsvProblem::MissingHeader { header } => {
                if ja {
                    format!(
                        "見出しの行(1 行目)に「{header}」列がありません。見出しの行に「{header}」を追加してください。"
                    )
                } else {
                    format!("The header row (row 1) has no column \"{header}\". Add it to the header row.")
                }
            }
            CsvProblem::UnknownHeader { header, expected } => {
                let list = expected.join(", ");
                if ja {
                    format!("見出し「{header}」は使えません。使える見出し: {list}。綴りを確かめてください。")
                } else {
                    format!("Unknown column header \"{header}\". Known headers: {list}. Check the spelling.")
                }
            }
            CsvProblem::DuplicateHeader { header } => {
                if ja {
                    format!("見出し「{header}」の列が 2 つあります。1 列だけにしてください。")
                } else {
                    format!("There are two columns headed \"{header}\". Keep one.")
                }
            }
            CsvProblem::UnknownRowKind { kind, expected } => {
                let list = expected.join("・");
                if ja {
                    format!("種別「{kind}」は使えません。{list} のいずれかにしてください。")
                } else {
                    format!("Unknown row type \"{kind}\". Use one of {list} (setting, principle, scenario, choice).")
                }
            }
            CsvProblem::UnknownSetting { key, expected } => {
                let list = expected.join(", ");
                if ja {
                    format!("設定「{key}」は使えません。使える設定: {list}。綴りを確かめてください。")
                } else {
                    format!("Unknown setting \"{key}\". Known settings: {list}. Check the spelling.")
                }
            }
            CsvProblem::DuplicateSetting { key, first_row } => {
                if ja {
                    format!("設定「{key}」は {first_row} 行目にもあります。1 行だけにしてください。")
                } else {
                    format!("The setting \"{key}\" is also given on row {first_row}. Keep one row.")
                }
            }
            CsvProblem::MissingPrinciples if ja => {
                "原則の行が 1 つもありません。種別を「原則」にした行を追加してください。".into()
            }
            CsvProblem::MissingPrinciples => "No principles. Add rows whose type (種別) is 原則.".into(),
            CsvProblem::MissingQuestions if ja => {
                "問題の行が 1 つもありません。種別を「シナリオ」か「選択」にした行を追加してください。".into()
            }
            CsvProblem::MissingQuestions => "No questions. Add rows whose type (種別) is シナリオ or 選択.".into(),
            CsvProblem::MissingSetting { key } if ja => format!(
                "設定「{key}」の行がありません。種別「設定」、ID「{key}」、本文にその値を書いた行を追加してください。"
            ),
            CsvProblem::MissingSetting { key } => {
                format!("No row for the setting \"{key}\". Add a row with 種別 設定, ID {key} and its value in 本文.")
            }
            CsvProblem::UnusedCell { kind } => {
                if ja {
                    format!("種別「{kind}」の行ではこの列を使いません。値を消すか、正しい列に移してください。")
                } else {
                    format!("Rows of type \"{kind}\" do not use this column. Clear it or move the value to the right column.")
                }
            }
            CsvProblem::ScenarioPrinciple { principle, answer } => {
                if ja {
                    format!("シナリオは正解の原則 `{answer}` に数えます。「原則」列(今は `{principle}`)は空にするか `{answer}` にしてください。")
                } else {
                    format!("A scenario counts towards its answer `{answer}`. Leave 原則 (now `{principle}`) empty or write `{answer}`.")
                }
            }
            CsvProblem::ExtraCell { row, column } => {
                if ja {
                    format!(
                        "{row}行目 {column}列目: 見出しのない列に値があります。見出しを付けるか、値を消してください。"
                    )
                } else {
                    format!("row {row}, column {column}: a value in a column without a header. Add a header or clear the value.")
                }
            }
            CsvProblem::Syntax(m) => {
                if ja {
                    format!("CSV として読めません({m})。Excel で CSV 形式として保存し直してください。")
                } else {
                    format!("Cannot read the file as CSV ({m}). Save it again from Excel as CSV.")
                }
            }
        }
    }
}

impl Message for GiftProblem {
    fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            GiftProblem::Unsupported(what) => {
                let (ja_m, en_m) = construct_words(*what);
                (if ja { ja_m } else { en_m }).into()
            }
            GiftProblem::Syntax(what) => {
                let (ja_m, en_m) = syntax_words(*what);
                (if ja { ja_m } else { en_m }).into()
            }
            GiftProblem::DefaultedId { value } => {
                if ja {
                    format!("問題名(::…::)がないか、ID に使えない文字を含むため、ID を `{value}` にしました。別の ID にするなら ::{value}:: のように半角英数字・-・_ で書いてください。")
                } else {
                    format!("The question has no title usable as an id, so its id is `{value}`. To choose another, write ::{value}:: with ASCII letters, digits, - and _.")
                }
            }
            GiftProblem::Defaulted { field, value } => {
                let (ja_p, en_p) = gift_place(field);
                if ja {
                    format!("`{field}` は GIFT に書けないため `{value}` にしました。違う場合は{ja_p}`// credo-quiz: {field} = …` の行を書くか、TOML に変換してから直してください。")
                } else {
                    format!("GIFT has no `{field}`, so `{value}` was used. If that is wrong, add a line `// credo-quiz: {field} = …` {en_p}, or fix it after converting to TOML.")
                }
            }
            GiftProblem::MissingExplanation => {
                if ja {
                    "解説がありません。閉じる } の直前に ####解説 を書いてください。".into()
                } else {
                    "No explanation. Write ####explanation just before the closing }.".into()
                }
            }
            GiftProblem::MissingPrinciples => {
                if ja {
                    "原則がありません。ファイルの先頭に `// credo-quiz: principle.id = …` と principle.label・principle.summary の行を書くか、TOML に変換してから [[principles]] を追加してください。".into()
                } else {
                    "No principles. Add `// credo-quiz: principle.id = …` lines with principle.label and principle.summary at the top of the file, or add [[principles]] after converting to TOML.".into()
                }
            }
            GiftProblem::Missing { field } => {
                let (ja_p, en_p) = gift_place(field);
                let (ja_h, en_h) = if *field == "quote" { ("(出典の一節をそのまま)", " (a passage copied verbatim from the source)") } else { ("", "") };
                if ja {
                    format!("`{field}`{ja_h}がありません(GIFT には書く場所がありません)。{ja_p}`// credo-quiz: {field} = …` の行を書くか、TOML に変換してから追加してください。")
                } else {
                    format!("No `{field}`{en_h}: GIFT has no place for it. Add a line `// credo-quiz: {field} = …` {en_p}, or add it after converting to TOML.")
                }
            }
            GiftProblem::Comment { key, issue } => match (*issue, ja) {
                (CommentIssue::Outside, true) => format!("`{key}` は問題ごとの項目ですが、問題の外にあります。空行を入れずに、問題(::名前::)のすぐ上の行に書いてください。"),
                (CommentIssue::Outside, false) => format!("`{key}` belongs to a question but stands outside one. Write it right above the question's ::title::, with no blank line between."),
                (CommentIssue::NoValue, true) => format!("`// credo-quiz: {key}` に値がありません。`// credo-quiz: 項目 = 値` の形で書いてください。"),
                (CommentIssue::NoValue, false) => format!("`// credo-quiz: {key}` has no value. Write it as `// credo-quiz: key = value`."),
                (CommentIssue::Repeated, true) => format!("`// credo-quiz: {key}` が 2 回以上あります。1 回だけにしてください(2 回目からは使われません)。"),
                (CommentIssue::Repeated, false) => format!("`// credo-quiz: {key}` is given more than once. Keep one (only the first is used)."),
                (CommentIssue::NoPrinciple, true) => format!("`{key}` の前に `// credo-quiz: principle.id = …` がありません。原則ごとに principle.id の行から書いてください。"),
                (CommentIssue::NoPrinciple, false) => format!("`{key}` comes before any `// credo-quiz: principle.id = …`. Start each principle with its principle.id line."),
                (CommentIssue::Options, true) => "答えの選択肢が `// credo-quiz: options` の原則と合いません。原則ごとに 1 つ、同じ順番で、その原則の名前(label)と同じ文字で書いてください。".into(),
                (CommentIssue::Options, false) => "The answers do not match `// credo-quiz: options`: one answer per listed principle, in the same order, each written exactly as that principle's label.".into(),
                (CommentIssue::ChoiceOptions, true) => "`options` はシナリオ問題(kind = scenario)だけに使います。この行を消すか、`// credo-quiz: kind = scenario` を書いてください。".into(),
                (CommentIssue::ChoiceOptions, false) => "`options` is only for scenarios. Remove the line, or add `// credo-quiz: kind = scenario`.".into(),
                (CommentIssue::ScenarioPrinciple, true) => format!("シナリオ問題は正解の原則に数えるため `{key}` は使いません。この行を消してください。"),
                (CommentIssue::ScenarioPrinciple, false) => format!("A scenario counts towards its answer; `{key}` is only for choice questions. Remove the line."),
            },
        }
    }
}

/// What a GIFT construct is and what to write instead, for `GiftUnsupported` and `GiftSyntax`.
fn construct_words(what: GiftConstruct) -> (&'static str, &'static str) {
    match what {
        GiftConstruct::TrueFalse => (
            "正誤問題({T}・{F})は取り込めません。{=正しい ~誤り} のような選択肢問題に書き換えてください。",
            "True/false questions ({T}, {F}) cannot be imported. Rewrite it as multiple choice, e.g. {=True ~False}.",
        ),
        GiftConstruct::ShortAnswer => (
            "記述式(短答)の問題(~ のない {=答え})は取り込めません。~ で誤りの選択肢を加えて選択肢問題にしてください。",
            "Short-answer questions ({=answer} with no ~) cannot be imported. Add wrong options with ~ to make it multiple choice.",
        ),
        GiftConstruct::Matching => (
            "組み合わせ問題(->)は取り込めません。組み合わせごとの選択肢問題に分けてください。",
            "Matching questions (->) cannot be imported. Split it into one multiple-choice question per pair.",
        ),
        GiftConstruct::Numerical => (
            "数値問題({#…})は取り込めません。数値を選択肢にした選択肢問題にしてください。",
            "Numerical questions ({#…}) cannot be imported. Make it multiple choice with the numbers as options.",
        ),
        GiftConstruct::Essay => (
            "論述問題(空の {})は取り込めません。{=正解 ~誤り} の形で選択肢を書いてください。",
            "Essay questions (empty {}) cannot be imported. Write options as {=right ~wrong}.",
        ),
        GiftConstruct::Description => (
            "答えの {…} がない文(説明)は問題として取り込めません。{=正解 ~誤り} を加えるか、行頭に // を付けてコメントにしてください。",
            "Text without an answer block {…} is a description, not a question. Add {=right ~wrong}, or start its lines with // to make them comments.",
        ),
        GiftConstruct::Weight => (
            "部分点(~%50% など)は使えません。正解 1 つを = で、ほかを ~ で書いてください。",
            "Partial credit (~%50% and the like) is not supported. Mark one right answer with = and the others with ~.",
        ),
        GiftConstruct::NoRight => (
            "正解(=)がありません。正解の選択肢の前の ~ を = にしてください。",
            "No right answer (=). Change the ~ before the right option to =.",
        ),
        GiftConstruct::MultipleRight => (
            "正解(=)が 2 つ以上あります。正解は 1 つにして、ほかは ~ にしてください。",
            "More than one right answer (=). Keep one = and make the others ~.",
        ),
        GiftConstruct::Feedback => (
            "正解の選択肢のフィードバック(=…#…)は取り込めず、この文は使われません。正解の理由は解説(####…)に書いてください(誤りの選択肢のフィードバックは、その選択肢のメモとして取り込みます)。",
            "The right answer's own feedback (=…#…) cannot be kept and is left out. Say why it is right in the general feedback (####…); a wrong answer's feedback is kept as its note.",
        ),
        GiftConstruct::Html => (
            "HTML のタグや文字参照(<b>・&amp; など)は、そのままの文字で表示されます。タグを使わない文に書き直してください。",
            "HTML tags and entities (<b>, &amp; …) are shown as typed. Rewrite the text without them.",
        ),
    }
}

/// What a GIFT syntax problem is and how to fix it.
fn syntax_words(what: GiftSyntax) -> (&'static str, &'static str) {
    match what {
        GiftSyntax::Category => (
            "$CATEGORY: の行のすぐ下の行は、Moodle ではカテゴリ名の一部として読まれ、問題になりません。$CATEGORY: の行の後に空行を入れてください。",
            "Moodle reads the lines right below $CATEGORY: as part of the category name, not as a question. Put a blank line after the $CATEGORY: line.",
        ),
        GiftSyntax::Braces => (
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
