//! A trainer's draft on the trainer page: which format a text is in, reading it, pointing into it, and writing a set out in each format.

use credo_core::diagnostic::{Diagnostic, Problem};
use credo_core::model::SetData;
use credo_core::parse::{parse_set, Parsed};
use credo_core::review::review;

use crate::i18n::{fill, TrainerTexts};
use crate::problem::{CsvProblem, DraftProblem};
use credo_core::diagnostic::Message;
use credo_core::i18n::Lang;

/// The formats a set can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    /// Excel CSV (`crate::csv`); diagnostics name Excel rows and column numbers.
    Csv,
    /// Moodle GIFT (`crate::gift`).
    Gift,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Toml, Format::Csv, Format::Gift];

    pub fn code(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Csv => "csv",
            Format::Gift => "gift",
        }
    }

    pub fn from_code(code: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Toml => "TOML",
            Format::Csv => "CSV (Excel)",
            Format::Gift => "GIFT (Moodle)",
        }
    }

    /// The type a download of this format is offered as.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Toml => "application/toml;charset=utf-8",
            Format::Csv => "text/csv;charset=utf-8",
            Format::Gift => "text/plain;charset=utf-8",
        }
    }
}

/// A file that cannot be a set's text at all, told by its first bytes: the trainer is told what to
/// save instead, where its bytes read as Shift_JIS would fill the editor with garbage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// An Excel (or Word) file: .xlsx is a zip, .xls an OLE compound file.
    Workbook,
    /// UTF-16 with its mark, as Excel's "Unicode テキスト" (tab-separated) saves.
    Utf16,
    /// Neither UTF-8 nor Shift_JIS text: NUL bytes among bytes that are not UTF-8.
    Binary,
}

/// What `head` (a file's first bytes, a few KB) says the file is, when it is not text.
pub fn not_text(head: &[u8]) -> Option<NotText> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some(NotText::Workbook);
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Some(NotText::Utf16);
    }
    // A NUL in UTF-8 text is a typing slip the checker shows at its place; only the end of `head`
    // may cut a character.
    let not_utf8 = std::str::from_utf8(head).is_err_and(|e| e.error_len().is_some());
    (not_utf8 && head.contains(&0)).then_some(NotText::Binary)
}

impl NotText {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NotText::Workbook, Lang::Ja) => "Excel のブックはそのまま開けません。Excel の「名前を付けて保存」で「CSV UTF-8 (コンマ区切り)」を選んで保存し、そのファイルを開いてください。",
            (NotText::Workbook, Lang::En) => "An Excel workbook cannot be opened as it is. In Excel, use Save As, choose \"CSV UTF-8 (Comma delimited)\", and open that file.",
            (NotText::Utf16, Lang::Ja) => "このファイルは「Unicode テキスト」(UTF-16、タブ区切り)です。Excel で「CSV UTF-8 (コンマ区切り)」として保存し直して開いてください。",
            (NotText::Utf16, Lang::En) => "This file is \"Unicode Text\" (UTF-16, tab-separated). Save it again from Excel as \"CSV UTF-8 (Comma delimited)\" and open that.",
            (NotText::Binary, Lang::Ja) => "このファイルはテキストではありません。問題セットは TOML・CSV・GIFT のテキストファイルです。開くファイルを確かめてください。",
            (NotText::Binary, Lang::En) => "This file is not text. A question set is a TOML, CSV or GIFT text file: check which file you opened.",
        }
    }
}

/// The format of an opened file: by its extension, else by its content.
pub fn detect(file_name: &str, text: &str) -> Format {
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "toml" => return Format::Toml,
        "csv" => return Format::Csv,
        "gift" => return Format::Gift,
        _ => {}
    }
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    if first.starts_with(crate::csv::KIND) && first.contains(',') {
        return Format::Csv;
    }
    // TOML is `key = value` lines and `[table]` headers; GIFT is questions with an answer block
    // in braces, `::titles::`, `$CATEGORY:` and `//` comment lines, which TOML has none of.
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let toml_line = |l: &str| {
        l.starts_with('[')
            || l.split_once('=').is_some_and(|(key, _)| {
                let key = key.trim();
                !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "_-.\"".contains(c))
            })
    };
    let gift_line =
        |l: &str| l.starts_with("::") || l.starts_with("$CATEGORY") || l.starts_with("//") || l.contains('{');
    let (toml, gift) = lines().fold((0, 0), |(t, g), l| (t + usize::from(toml_line(l)), g + usize::from(gift_line(l))));
    if gift > toml {
        Format::Gift
    } else {
        Format::Toml
    }
}

/// Reads a draft in its format; `file` is the name diagnostics carry.
pub fn parse(format: Format, file: &str, text: &str) -> Parsed<DraftProblem> {
    match format {
        Format::Toml => parse_set(file, text).map(DraftProblem::from),
        Format::Csv => crate::csv::parse_csv(file, text),
        Format::Gift => crate::gift::parse_gift(file, text),
    }
}

/// Why a source text the set names could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// Not where the set says (no such file; HTTP 404).
    Missing,
    /// There, but not readable: the reason as the system gave it.
    Unreadable(String),
}

/// Reads a draft and reviews it as `quizcheck check` does: the scenarios for giveaways always,
/// the quotes once every source text the set names is at hand. `source` gives a named text:
/// `None` while it is not known yet, `Err` when it cannot be had (a problem too).
pub fn check(
    format: Format,
    file: &str,
    text: &str,
    source: impl Fn(&str) -> Option<Result<String, SourceError>>,
) -> Parsed<DraftProblem> {
    let mut parsed = parse(format, file, text);
    let Some(set) = parsed.valid_set() else { return parsed };
    let index = credo_core::diagnostic::LineIndex::new(text);
    let mut found = Vec::new();
    let mut texts = Vec::new();
    for name in &set.source().files {
        let problem = match source(name) {
            None => continue,
            // What is not UTF-8 is read as U+FFFD (a browser's fetch, quizcheck's read), which
            // no source text holds.
            Some(Ok(t)) if t.contains('\u{fffd}') => Problem::SourceNotUtf8 { file: name.clone() },
            Some(Ok(t)) => {
                texts.push((name.clone(), t));
                continue;
            }
            Some(Err(SourceError::Missing)) => Problem::SourceMissing { file: name.clone() },
            Some(Err(SourceError::Unreadable(reason))) => {
                Problem::Unreadable { reason: format!("[source] file {name}: {reason}") }
            }
        };
        let (line, column) = index.position(text.find(name).unwrap_or(0));
        found.push(Diagnostic { file: file.to_string(), line, column, problem: problem.into() });
    }
    let all_at_hand = texts.len() == set.source().files.len();
    found.extend(
        review(set, file, text, if all_at_hand { &texts } else { &[] }).into_iter().map(|d| d.map(DraftProblem::from)),
    );
    parsed.diagnostics.extend(found);
    parsed
}

/// A set written in `format`: what the trainer downloads. Every valid set can be written in
/// every format so that its import reads it back unchanged (a property test over generated sets
/// holds all three to it; the model's rule of no control characters but LF and tab is what lets
/// GIFT and CSV keep every text).
pub fn write(format: Format, set: &SetData) -> String {
    match format {
        Format::Toml => crate::toml_out::to_toml(set),
        Format::Csv => crate::csv::to_csv(set),
        Format::Gift => crate::gift::to_gift(set),
    }
}

/// `<set id>.<extension>`, or the draft's own name when the set has no id yet.
pub fn file_name(set_id: Option<&str>, draft_file: &str, format: Format) -> String {
    let stem = set_id.unwrap_or_else(|| draft_file.rsplit_once('.').map_or(draft_file, |(s, _)| s));
    let stem = if stem.is_empty() { "question-set" } else { stem };
    format!("{stem}.{}", format.code())
}

/// Where a diagnostic points in the text as a text editor counts: 1-based line and character
/// column. TOML and GIFT diagnostics already do; a CSV diagnostic names the Excel row and the
/// column's number, and a row can span several text lines when a cell holds line breaks.
pub fn text_position<P>(format: Format, text: &str, d: &Diagnostic<P>) -> (usize, usize) {
    match format {
        Format::Toml | Format::Gift => (d.line, d.column),
        Format::Csv => csv_cell_position(text, d.line, d.column).unwrap_or((d.line, 1)),
    }
}

/// The text position of a CSV cell (Excel row and column number), counting rows as Excel does
/// (and as `crate::csv` numbers them): a quoted line break stays inside its row. Only locates;
/// the csv crate does the reading.
fn csv_cell_position(text: &str, row: usize, column: usize) -> Option<(usize, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut current_row, mut line, mut col, mut field) = (1, 1, 1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    if row == 1 && column <= 1 {
        return Some((1, 1));
    }
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                col += 1;
            }
            '"' => quoted = !quoted,
            ',' if !quoted => field += 1,
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' if !quoted => {
                current_row += 1;
                field = 1;
            }
            '\r' if !quoted => {
                current_row += 1;
                field = 1;
            }
            _ => {}
        }
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
        // Just past a separator: the start of `field` of `current_row`.
        if current_row == row && field == column.max(1) && (c == ',' || c == '\n' || c == '\r') && !quoted {
            return Some((line, col));
        }
        if current_row > row {
            return None;
        }
    }
    None
}

/// The offset of a 1-based (line, character column) in UTF-16 code units, as a browser's text
/// area counts for its selection. Past the end of a line (or the text) it stops there.
pub fn utf16_offset(text: &str, line: usize, column: usize) -> u32 {
    let mut offset = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            let within: u32 = l.chars().take(column.saturating_sub(1)).map(|c| c.len_utf16() as u32).sum();
            return offset + within;
        }
        offset += l.chars().map(|c| c.len_utf16() as u32).sum::<u32>() + 1;
    }
    offset.saturating_sub(1)
}

/// Where a problem is and what it is, as the trainer page lists it: a TOML or GIFT problem at
/// its line and column; a CSV problem at the row and column header Excel shows, said once (the
/// message of a cell's problem carries them too, so they are not repeated).
pub fn where_and_what(format: Format, d: &Diagnostic<DraftProblem>, lang: Lang) -> (String, String) {
    let t = TrainerTexts::get(lang);
    match (format, &d.problem) {
        (Format::Csv, DraftProblem::Csv(CsvProblem::Cell { row, header, inner })) => {
            (fill(t.at_cell, &[("row", row), ("header", header)]), inner.message(lang))
        }
        (Format::Csv, problem) => (fill(t.at_row, &[("row", &d.line)]), problem.message(lang)),
        (Format::Toml | Format::Gift, problem) => {
            (fill(t.at_line, &[("line", &d.line), ("column", &d.column)]), problem.message(lang))
        }
    }
}
