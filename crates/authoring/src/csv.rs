//! Question sets as Excel CSV: one row a question, plus rows for the set's settings and principles.
//!
//! # Layout
//!
//! The first row holds the headers; columns may come in any order, and those marked optional
//! may be left out.
//!
//! | 見出し | 設定 rows | 原則 rows | シナリオ rows | 選択 rows |
//! | --- | --- | --- | --- | --- |
//! | 種別 | `設定` | `原則` | `シナリオ` | `選択` |
//! | ID | the setting's key | principle id | question id | question id |
//! | 本文 | the setting's value | label | situation | question |
//! | 正解 | | | principle id | the right option's text |
//! | 選択肢1, 選択肢2, … (optional) | | | principle ids offered (all if empty) | option texts |
//! | 原則 (optional) | | | empty, or the answer | principle counted (optional) |
//! | 難易度 | | | 初級・中級・上級 | 初級・中級・上級 |
//! | 解説 | | summary | explanation | explanation |
//! | 引用 | | | verbatim quote | verbatim quote |
//!
//! Setting keys: `id`, `title`, `pass_mark`, `office`, `source_title` (required) and `date`,
//! `url`, `file` (optional; one `file` row per source text). Empty rows are skipped; quoted
//! cells may hold commas and line breaks.
//!
//! # Checks
//!
//! The rows are written out as a TOML set file, one value a line, and read back with
//! `parse_set`, so a CSV file obeys exactly the rules of a TOML file. Each generated line
//! remembers the cell it came from, and every problem is reported at that cell, by Excel row
//! number and column header. Only what TOML cannot express (headers, kinds of row, settings
//! given twice, stray cells) is checked here.

use credo_core::diagnostic::{Diagnostic, Problem};

use crate::problem::{CsvProblem, DraftProblem};
use crate::toml_out::{basic_string, default_options};
use credo_core::model::{QuestionKind, QuestionSet, SetData};
use credo_core::parse::{parse_set, Parsed};

pub const KIND: &str = "種別";
pub const ID: &str = "ID";
pub const TEXT: &str = "本文";
pub const ANSWER: &str = "正解";
/// Followed by 1, 2, 3…: one column an option.
pub const OPTION: &str = "選択肢";
pub const PRINCIPLE: &str = "原則";
pub const DIFFICULTY: &str = "難易度";
pub const EXPLANATION: &str = "解説";
pub const QUOTE: &str = "引用";
/// A question's own prompt (`prompt`); optional, written only when some question has one.
pub const PROMPT: &str = "問い";
/// Followed by 1, 2, 3…: why that option is not the best fit (`[questions.notes]`); optional.
pub const NOTE: &str = "メモ";

const REQUIRED_HEADERS: [&str; 7] = [KIND, ID, TEXT, ANSWER, DIFFICULTY, EXPLANATION, QUOTE];
const KNOWN_HEADERS: &[&str] = &[
    KIND,
    ID,
    TEXT,
    ANSWER,
    "選択肢1, 選択肢2, …",
    PRINCIPLE,
    DIFFICULTY,
    EXPLANATION,
    QUOTE,
    PROMPT,
    "メモ1, メモ2, …",
];

pub const SETTING_ROW: &str = "設定";
pub const PRINCIPLE_ROW: &str = "原則";
pub const SCENARIO_ROW: &str = "シナリオ";
pub const CHOICE_ROW: &str = "選択";
const ROW_KINDS: &[&str] = &[SETTING_ROW, PRINCIPLE_ROW, SCENARIO_ROW, CHOICE_ROW];

/// The setting keys; `source_title` is `[source] title` of a TOML file.
const SETTINGS: &[&str] =
    &["id", "title", "pass_mark", "length", "prompt", "office", "source_title", "date", "url", "file"];

/// Option columns written even when no question has that many, so a trainer has room to add.
const MIN_OPTION_COLUMNS: usize = 5;

/// Writes a set as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads
/// Shift_JIS) and CRLF line ends.
pub fn to_csv(set: &SetData) -> String {
    // Options are written when chosen, or when a note needs the column of its option.
    let explicit = |q: &&credo_core::model::Question| !default_options(set, q) || !q.notes.is_empty();
    let option_count = set.questions.iter().filter(explicit).map(|q| q.options.len()).max().unwrap_or(0);
    let option_count = option_count.max(MIN_OPTION_COLUMNS);
    let mut headers: Vec<String> = [KIND, ID, TEXT, ANSWER].map(String::from).to_vec();
    headers.extend((1..=option_count).map(|n| format!("{OPTION}{n}")));
    headers.extend([PRINCIPLE, DIFFICULTY, EXPLANATION, QUOTE].map(String::from));
    if set.questions.iter().any(|q| q.prompt.is_some()) {
        headers.push(PROMPT.into());
    }
    let note_count = set.questions.iter().filter(|q| !q.notes.is_empty()).map(|q| q.options.len()).max().unwrap_or(0);
    headers.extend((1..=note_count).map(|n| format!("{NOTE}{n}")));
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or(0);
    let (principle_col, difficulty_col, explanation_col, quote_col) =
        (column(PRINCIPLE), column(DIFFICULTY), column(EXPLANATION), column(QUOTE));

    let mut rows = vec![headers.clone()];
    let blank = || vec![String::new(); headers.len()];
    let setting = |key: &str, value: &str| {
        let mut row = blank();
        row[0] = SETTING_ROW.into();
        row[1] = key.into();
        row[2] = value.into();
        row
    };
    rows.push(setting("id", &set.id));
    rows.push(setting("title", &set.title));
    rows.push(setting("pass_mark", &set.pass_mark.to_string()));
    rows.extend(set.length.iter().map(|n| setting("length", &n.to_string())));
    rows.extend(set.prompt.iter().map(|p| setting("prompt", p)));
    rows.push(setting("office", &set.source.office));
    rows.push(setting("source_title", &set.source.title));
    rows.extend(set.source.date.iter().map(|d| setting("date", d)));
    rows.extend(set.source.url.iter().map(|u| setting("url", u)));
    rows.extend(set.source.files.iter().map(|f| setting("file", f)));
    for p in &set.principles {
        let mut row = blank();
        row[0] = PRINCIPLE_ROW.into();
        row[1] = p.id.clone();
        row[2] = p.label.clone();
        row[explanation_col] = p.summary.clone();
        rows.push(row);
    }
    for q in &set.questions {
        let mut row = blank();
        row[0] = match q.kind {
            QuestionKind::Scenario => SCENARIO_ROW,
            QuestionKind::Choice => CHOICE_ROW,
        }
        .into();
        row[1] = q.id.clone();
        row[2] = q.text.clone();
        row[3] = q.answer.clone();
        if explicit(&q) {
            row[4..4 + q.options.len()].clone_from_slice(&q.options);
        }
        // A scenario's principle is its answer; written anyway so that Excel can filter by it.
        row[principle_col] = q.principle.clone().unwrap_or_default();
        row[difficulty_col] = q.difficulty.label().into();
        row[explanation_col] = q.explanation.clone();
        row[quote_col] = q.quote.clone();
        if let Some(prompt) = &q.prompt {
            row[column(PROMPT)] = prompt.clone();
        }
        for (i, option) in q.options.iter().enumerate() {
            if let Some(note) = q.note_for(option) {
                row[column(&format!("{NOTE}{}", i + 1))] = note.to_string();
            }
        }
        rows.push(row);
    }

    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for row in &rows {
        // Writing into memory cannot fail.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error()).unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// What `quizcheck convert --draft` writes for a CSV file with problems: the set file its rows
/// make, as far as they could be read (a missing column reads as empty cells), for the trainer to
/// complete; `check` then shows each gap at its line. `None` when not even a header row is there.
pub fn draft_toml(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cx = Cx { file: "", diagnostics: Vec::new() };
    let rows = read_rows(&mut cx, text);
    let (header_row, body) = rows.split_first()?;
    let columns = read_headers(&mut cx, header_row, true)?;
    let draft = read_body(&mut cx, &columns, body).to_draft();
    Some(draft.text.replacen(
        "# rows of a CSV file",
        "# CSV から読み取れたところまでの下書き(quizcheck check で足りない所がわかります)",
        1,
    ))
}

/// Reads a CSV set file (already decoded to text; a byte-order mark is skipped).
/// `file` is the name diagnostics carry; their line is the Excel row, their column the column's number.
pub fn parse_csv(file: &str, text: &str) -> Parsed<DraftProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cx = Cx { file, diagnostics: Vec::new() };
    let rows = read_rows(&mut cx, text);
    let Some((header_row, body)) = rows.split_first() else {
        for header in REQUIRED_HEADERS {
            cx.at(1, 1, CsvProblem::MissingHeader { header });
        }
        return cx.finish(None);
    };
    let Some(columns) = read_headers(&mut cx, header_row, false) else {
        // Without its columns no row can be read; the author fixes the header row first.
        return cx.finish(None);
    };
    let choice_row = body.iter().any(|r| columns.cell(r, columns.kind).value == CHOICE_ROW);
    if choice_row && columns.options.is_empty() {
        cx.at(header_row.number, 1, CsvProblem::MissingHeader { header: "選択肢1" });
        return cx.finish(None);
    }
    let draft = read_body(&mut cx, &columns, body).to_draft();
    let parsed = parse_set(file, &draft.text);
    for d in parsed.diagnostics {
        let origin = draft.origin(d.line);
        let problem = translate(d.problem, origin, &draft);
        match origin {
            Some(o) => {
                let inner = Box::new(problem);
                cx.at(o.row, o.column, CsvProblem::Cell { row: o.row, header: o.header.clone(), inner })
            }
            None => cx.at(header_row.number, 1, problem),
        }
    }
    let id_at = draft.origin(parsed.id_at.0).map_or((1, 1), |o| (o.row, o.column));
    Parsed { id_at, ..cx.finish(parsed.set) }
}

struct Cx<'f> {
    file: &'f str,
    diagnostics: Vec<Diagnostic<DraftProblem>>,
}

impl Cx<'_> {
    fn at(&mut self, line: usize, column: usize, problem: impl Into<DraftProblem>) {
        self.diagnostics.push(Diagnostic { file: self.file.to_string(), line, column, problem: problem.into() });
    }

    fn cell(&mut self, cell: &Cell, inner: impl Into<DraftProblem>) {
        let problem = CsvProblem::Cell { row: cell.row, header: cell.header.clone(), inner: Box::new(inner.into()) };
        self.at(cell.row, cell.column, problem);
    }

    fn finish(mut self, set: Option<QuestionSet>) -> Parsed<DraftProblem> {
        self.diagnostics.sort_by_key(|d| (d.line, d.column));
        Parsed { file: self.file.to_string(), set, diagnostics: self.diagnostics, id_at: (1, 1) }
    }
}

/// One record of the file, numbered as Excel numbers its rows.
struct Row {
    number: usize,
    cells: Vec<String>,
}

impl Row {
    fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

fn read_rows(cx: &mut Cx, text: &str) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Excel numbers rows, not text lines: a cell with line breaks is still one row, and the
    // blank lines the reader skips are rows of their own.
    let mut previous: Option<(usize, usize, usize)> = None; // (row, first line, line breaks inside)
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                cx.at(line, 1, CsvProblem::Syntax(e.to_string()));
                break;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let number = match previous {
            Some((row, first_line, breaks)) => row + line.saturating_sub(first_line + breaks).max(1),
            None => line,
        };
        let breaks = record.iter().map(|c| c.matches('\n').count()).sum();
        previous = Some((number, line, breaks));
        // Cells typed in Excel break lines with LF; files from other editors may use CRLF, and old
        // Mac Excel ("CSV (Macintosh)") a CR alone.
        let cells = record.iter().map(|c| c.replace("\r\n", "\n").replace('\r', "\n")).collect();
        rows.push(Row { number, cells });
    }
    rows
}

/// Where each header is: indexes into a row's cells.
struct Columns {
    /// The header of each column, empty for a column without one (or an unknown one).
    names: Vec<String>,
    kind: usize,
    id: usize,
    text: usize,
    answer: usize,
    difficulty: usize,
    explanation: usize,
    quote: usize,
    principle: Option<usize>,
    prompt: Option<usize>,
    options: Vec<usize>,
    /// For each option column, its note column (メモn), if the file has one.
    notes: Vec<Option<usize>>,
}

/// The columns of the header row. A missing required column is a problem; with `tolerant` its
/// cells read as empty (for a draft), without it no row is read.
fn read_headers(cx: &mut Cx, row: &Row, tolerant: bool) -> Option<Columns> {
    let mut names: Vec<String> = Vec::new();
    for (i, raw) in row.cells.iter().enumerate() {
        let name = normalize_header(raw);
        let cell =
            Cell { row: row.number, column: i + 1, header: name.clone(), value: String::new(), name: String::new() };
        let known = [KIND, ID, TEXT, ANSWER, PRINCIPLE, DIFFICULTY, EXPLANATION, QUOTE, PROMPT]
            .contains(&name.as_str())
            || option_number(&name).is_some()
            || note_number(&name).is_some();
        if name.is_empty() {
            names.push(String::new());
        } else if !known {
            cx.cell(&cell, CsvProblem::UnknownHeader { header: name, expected: KNOWN_HEADERS });
            names.push(String::new());
        } else if names.contains(&name) {
            cx.cell(&cell, CsvProblem::DuplicateHeader { header: name });
            names.push(String::new());
        } else {
            names.push(name);
        }
    }
    let find = |name: &str| names.iter().position(|n| n == name);
    let mut ok = true;
    for header in REQUIRED_HEADERS {
        if find(header).is_none() {
            cx.at(row.number, 1, CsvProblem::MissingHeader { header });
            ok = false;
        }
    }
    if !ok && !tolerant {
        return None;
    }
    // A column that is not there: an index past every row, whose cells read as empty.
    let required = |name| find(name).unwrap_or(usize::MAX);
    let mut options: Vec<usize> = (0..names.len()).filter(|&i| option_number(&names[i]).is_some()).collect();
    options.sort_by_key(|&i| option_number(&names[i]));
    // The note for option n, where the row has that column.
    let notes: Vec<Option<usize>> = options
        .iter()
        .map(|&o| option_number(&names[o]).and_then(|n| (0..names.len()).find(|&i| note_number(&names[i]) == Some(n))))
        .collect();
    Some(Columns {
        kind: required(KIND),
        id: required(ID),
        text: required(TEXT),
        answer: required(ANSWER),
        difficulty: required(DIFFICULTY),
        explanation: required(EXPLANATION),
        quote: required(QUOTE),
        principle: find(PRINCIPLE),
        prompt: find(PROMPT),
        options,
        notes,
        names,
    })
}

/// Headers as typed: surrounding spaces dropped, full-width digits (選択肢１) and a lower-case `id` accepted.
fn normalize_header(raw: &str) -> String {
    let name = half_width_digits(raw.trim());
    if name.eq_ignore_ascii_case(ID) {
        ID.to_string()
    } else {
        name
    }
}

fn note_number(name: &str) -> Option<u32> {
    name.strip_prefix(NOTE)?.parse().ok().filter(|&n| n >= 1)
}

fn option_number(name: &str) -> Option<u32> {
    name.strip_prefix(OPTION)?.parse().ok()
}

/// Japanese input methods often type digits full-width; they mean the same number.
fn half_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect()
}

/// One cell of a data row, with what a problem about it needs.
#[derive(Clone, Debug)]
struct Cell {
    row: usize,
    /// 1-based.
    column: usize,
    header: String,
    /// The cell's text, trimmed.
    value: String,
    /// What a message calls the value: the header, or the key of a setting row.
    name: String,
}

impl Columns {
    fn cell(&self, row: &Row, index: usize) -> Cell {
        let header = self.names.get(index).cloned().unwrap_or_default();
        Cell {
            row: row.number,
            column: index.saturating_add(1),
            value: row.cells.get(index).map_or("", |v| v.trim()).to_string(),
            name: header.clone(),
            header,
        }
    }
}

/// The TOML text built from the rows, and for each of its lines the cell it came from.
struct Draft {
    text: String,
    origins: Vec<Option<Cell>>,
}

impl Draft {
    fn line(&mut self, text: &str, origin: Option<&Cell>) {
        self.text.push_str(text);
        self.text.push('\n');
        self.origins.push(origin.cloned());
    }

    fn field(&mut self, key: &str, cell: &Cell) {
        self.line(&format!("{key} = {}", basic_string(&cell.value)), Some(cell));
    }

    /// An array, one item a line; a problem about the whole list is put at `first`.
    fn list(&mut self, key: &str, first: &Cell, cells: &[&Cell]) {
        self.line(&format!("{key} = ["), Some(first));
        for cell in cells {
            self.line(&format!("  {},", basic_string(&cell.value)), Some(cell));
        }
        self.line("]", None);
    }

    fn origin(&self, line: usize) -> Option<&Cell> {
        self.origins.get(line.checked_sub(1)?)?.as_ref()
    }
}

/// The data rows sorted by kind, each value still knowing its cell.
#[derive(Default)]
struct SetRows {
    settings: Vec<(&'static str, Cell)>,
    /// 種別, ID, 本文 (label) and 解説 (summary).
    principles: Vec<[Cell; 4]>,
    questions: Vec<QuestionRow>,
}

struct QuestionRow {
    kind: Cell,
    scenario: bool,
    id: Cell,
    text: Cell,
    answer: Cell,
    /// The filled option cells, and the first option column for a problem about none.
    options: Vec<Cell>,
    first_option: Cell,
    principle: Option<Cell>,
    prompt: Option<Cell>,
    /// (option cell, note cell) for each note written.
    notes: Vec<(Cell, Cell)>,
    difficulty: Cell,
    explanation: Cell,
    quote: Cell,
}

fn read_body(cx: &mut Cx, columns: &Columns, body: &[Row]) -> SetRows {
    let mut rows = SetRows::default();
    for row in body.iter().filter(|r| !r.is_empty()) {
        for (i, value) in row.cells.iter().enumerate() {
            if columns.names.get(i).is_none_or(|n| n.is_empty()) && !value.trim().is_empty() {
                cx.at(row.number, i + 1, CsvProblem::ExtraCell { row: row.number, column: i + 1 });
            }
        }
        let kind = columns.cell(row, columns.kind);
        match kind.value.as_str() {
            SETTING_ROW => {
                check_unused(cx, columns, row, &kind, &[columns.kind, columns.id, columns.text]);
                read_setting(cx, columns, row, &mut rows.settings);
            }
            PRINCIPLE_ROW => {
                check_unused(cx, columns, row, &kind, &[columns.kind, columns.id, columns.text, columns.explanation]);
                let [id, label, summary] =
                    [columns.id, columns.text, columns.explanation].map(|i| columns.cell(row, i));
                rows.principles.push([kind, id, label, summary]);
            }
            SCENARIO_ROW | CHOICE_ROW => rows.questions.push(read_question(cx, columns, row, kind)),
            "" => cx.cell(&kind, Problem::EmptyText { field: KIND.into() }),
            other => cx.cell(&kind, CsvProblem::UnknownRowKind { kind: other.into(), expected: ROW_KINDS }),
        }
    }
    rows
}

/// A value in a column this kind of row does not read would be lost without a word.
fn check_unused(cx: &mut Cx, columns: &Columns, row: &Row, kind: &Cell, used: &[usize]) {
    for i in (0..columns.names.len()).filter(|i| !used.contains(i) && !columns.names[*i].is_empty()) {
        let cell = columns.cell(row, i);
        if !cell.value.is_empty() {
            cx.cell(&cell, CsvProblem::UnusedCell { kind: kind.value.clone() });
        }
    }
}

impl SetRows {
    /// The set file these rows make, one value a line so that each line has one cell.
    fn to_draft(&self) -> Draft {
        let mut draft = Draft { text: String::new(), origins: Vec::new() };
        // Problems about the whole set are reported at the top of the document: a line of no cell.
        draft.line("# rows of a CSV file", None);
        let setting = |key: &'static str| self.settings.iter().filter(move |(k, _)| *k == key).map(|(_, c)| c);
        for key in ["id", "title"] {
            if let Some(cell) = setting(key).next() {
                draft.field(key, cell);
            }
        }
        for key in ["pass_mark", "length"] {
            if let Some(cell) = setting(key).next() {
                // A number becomes a TOML integer, written from its value since TOML refuses the
                // leading zero of a typed "070"; anything else stays text, refused by name.
                let value = match half_width_digits(&cell.value).parse::<i64>() {
                    Ok(n) => n.to_string(),
                    Err(_) => basic_string(&cell.value),
                };
                draft.line(&format!("{key} = {value}"), Some(cell));
            }
        }
        if let Some(cell) = setting("prompt").next() {
            draft.field("prompt", cell);
        }
        draft.line("[source]", None);
        for (key, toml_key) in [("office", "office"), ("source_title", "title"), ("date", "date"), ("url", "url")] {
            if let Some(cell) = setting(key).next() {
                draft.field(toml_key, cell);
            }
        }
        let files: Vec<&Cell> = setting("file").collect();
        if let Some(first) = files.first() {
            draft.list("file", first, &files);
        }
        for [kind, id, label, summary] in &self.principles {
            draft.line("[[principles]]", Some(kind));
            draft.field("id", id);
            draft.field("label", label);
            draft.field("summary", summary);
        }
        for q in &self.questions {
            draft.line("[[questions]]", Some(&q.kind));
            draft.field("id", &q.id);
            draft.line(if q.scenario { "kind = \"scenario\"" } else { "kind = \"choice\"" }, Some(&q.kind));
            draft.field("difficulty", &q.difficulty);
            draft.field("text", &q.text);
            if let Some(prompt) = &q.prompt {
                draft.field("prompt", prompt);
            }
            // A scenario without options offers every principle; a choice question always has its list.
            if !q.scenario || !q.options.is_empty() {
                let options: Vec<&Cell> = q.options.iter().collect();
                draft.list("options", options.first().copied().unwrap_or(&q.first_option), &options);
            }
            draft.field("answer", &q.answer);
            if let (false, Some(principle)) = (q.scenario, &q.principle) {
                draft.field("principle", principle);
            }
            draft.field("explanation", &q.explanation);
            draft.field("quote", &q.quote);
            // A sub-table last: every key after its header belongs to it.
            if !q.notes.is_empty() {
                draft.line("[questions.notes]", None);
                for (option, note) in &q.notes {
                    draft.line(&format!("{} = {}", basic_string(&option.value), basic_string(&note.value)), Some(note));
                }
            }
        }
        draft
    }
}

fn read_setting(cx: &mut Cx, columns: &Columns, row: &Row, settings: &mut Vec<(&'static str, Cell)>) {
    let key_cell = columns.cell(row, columns.id);
    let Some(key) = SETTINGS.iter().copied().find(|k| *k == key_cell.value) else {
        let problem = if key_cell.value.is_empty() {
            DraftProblem::from(Problem::EmptyText { field: ID.into() })
        } else {
            CsvProblem::UnknownSetting { key: key_cell.value.clone(), expected: SETTINGS }.into()
        };
        cx.cell(&key_cell, problem);
        return;
    };
    if key != "file" {
        if let Some((_, first)) = settings.iter().find(|(k, _)| *k == key) {
            cx.cell(&key_cell, CsvProblem::DuplicateSetting { key: key.into(), first_row: first.row });
            return;
        }
    }
    let mut value = columns.cell(row, columns.text);
    // Messages about a setting's value name the setting (`pass_mark`), not the column (本文).
    value.name = key.into();
    settings.push((key, value));
}

fn read_question(cx: &mut Cx, columns: &Columns, row: &Row, kind: Cell) -> QuestionRow {
    let scenario = kind.value == SCENARIO_ROW;
    let answer = columns.cell(row, columns.answer);
    let principle = columns.principle.map(|i| columns.cell(row, i)).filter(|c| !c.value.is_empty());
    if let (true, Some(p)) = (scenario, &principle) {
        // With no answer the empty 正解 is the problem to report, not this.
        if p.value != answer.value && !answer.value.is_empty() {
            let problem = CsvProblem::ScenarioPrinciple { principle: p.value.clone(), answer: answer.value.clone() };
            cx.cell(p, problem);
        }
    }
    let all_options: Vec<Cell> = columns.options.iter().map(|&i| columns.cell(row, i)).collect();
    let notes = all_options
        .iter()
        .zip(&columns.notes)
        .filter_map(|(option, note)| Some((option.clone(), columns.cell(row, (*note)?))))
        .filter(|(_, note)| !note.value.is_empty())
        .collect();
    QuestionRow {
        scenario,
        id: columns.cell(row, columns.id),
        text: columns.cell(row, columns.text),
        answer,
        first_option: all_options.first().cloned().unwrap_or_else(|| kind.clone()),
        options: all_options.into_iter().filter(|c| !c.value.is_empty()).collect(),
        principle,
        prompt: columns.prompt.map(|i| columns.cell(row, i)).filter(|c| !c.value.is_empty()),
        notes,
        difficulty: columns.cell(row, columns.difficulty),
        explanation: columns.cell(row, columns.explanation),
        quote: columns.cell(row, columns.quote),
        kind,
    }
}

/// A problem `parse_set` found in the generated TOML, said in the CSV's words: fields by their
/// column header or setting key, lines by row, and missing TOML fields as missing rows.
fn translate(problem: Problem, origin: Option<&Cell>, draft: &Draft) -> DraftProblem {
    let name = |field: String| origin.map_or(field, |o| o.name.clone());
    match problem {
        Problem::EmptyText { field } => Problem::EmptyText { field: name(field) }.into(),
        Problem::WrongType { field, expected } => Problem::WrongType { field: name(field), expected }.into(),
        Problem::DuplicateId { what, id, first_line } => {
            let first_line = draft.origin(first_line).map_or(first_line, |o| o.row);
            Problem::DuplicateId { what, id, first_line }.into()
        }
        Problem::MissingField { table, field } if origin.is_none() => {
            let key = if table == "source" && field == "title" { "source_title" } else { field };
            CsvProblem::MissingSetting { key: key.into() }.into()
        }
        Problem::NoPrinciples => CsvProblem::MissingPrinciples.into(),
        Problem::NoQuestions => CsvProblem::MissingQuestions.into(),
        other => other.into(),
    }
}
