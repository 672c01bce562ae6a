//! Group results on the trainer page: many employees' result files read, merged into people, scores, a per-principle heatmap and confusions, and written as CSV for Excel.

use serde::Deserialize;

use credo_core::i18n::Lang;
use credo_core::result_file::{FORMAT, VERSION};

/// One finished attempt as the employee hands it in, read back on the trainer page
/// (`result_json` writes it).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ResultFile {
    pub set_id: String,
    pub set_title: String,
    /// Name or staff number, as the employee typed it.
    pub name: String,
    /// ISO-8601 local time with its offset, e.g. `2025-11-21T13:40:05+09:00`.
    pub finished_at: String,
    pub score: usize,
    pub max: usize,
    pub passed: bool,
    /// The set's principles in its order, so the group view can name and order them.
    #[serde(default)]
    pub principles: Vec<PrincipleName>,
    pub answers: Vec<ResultAnswer>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PrincipleName {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ResultAnswer {
    pub question_id: String,
    /// The principle the question counts towards (the answer of a scenario); none for a choice
    /// question tied to no principle.
    pub principle: Option<String>,
    /// `"scenario"` or `"choice"`; absent in a file that does not say.
    #[serde(default)]
    pub kind: Option<String>,
    /// The option chosen: a principle id (scenario) or an option text (choice).
    pub chosen: String,
    pub correct: bool,
}

/// Why a dropped file was not counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Not JSON, or not the shape of a result file: the parser's message (English, with line
    /// and column).
    Unreadable(String),
    /// JSON, but not a credo-quiz result file.
    NotAResult,
    /// Written by a newer version of the quiz.
    Newer(u64),
    /// A result of another set than the one merged.
    OtherSet { set_id: String },
    /// The score or maximum does not match the answers listed: edited by hand or cut short.
    Inconsistent,
    /// No name or staff number: the result cannot be attributed.
    NoName,
}

impl SkipReason {
    pub fn message(&self, lang: Lang, merged_set: &str) -> String {
        let ja = lang == Lang::Ja;
        match self {
            SkipReason::Unreadable(m) => {
                if ja {
                    format!("結果ファイルとして読めません({m})。壊れているか、別の種類のファイルです。")
                } else {
                    format!("Cannot be read as a result file ({m}). It is damaged or another kind of file.")
                }
            }
            SkipReason::NotAResult => {
                if ja {
                    "クレド研修クイズの結果ファイルではありません。".into()
                } else {
                    "Not a credo quiz result file.".into()
                }
            }
            SkipReason::Newer(v) => {
                if ja {
                    format!("新しい版(version {v})のクイズで作られたファイルです。このページを更新してください。")
                } else {
                    format!("Written by a newer version of the quiz (version {v}). Update this page.")
                }
            }
            SkipReason::OtherSet { set_id } => {
                if ja {
                    format!("別のセット `{set_id}` の結果です(集計中のセットは `{merged_set}`)。")
                } else {
                    format!("A result of another set, `{set_id}` (this table is for `{merged_set}`).")
                }
            }
            SkipReason::Inconsistent => {
                if ja {
                    "得点や満点が回答の内容と合いません。手で書き換えられたか、途中で切れています。".into()
                } else {
                    "The score or maximum does not match the answers. The file was edited or cut short.".into()
                }
            }
            SkipReason::NoName => {
                if ja {
                    "氏名または職員番号がありません。誰の結果かわかりません。".into()
                } else {
                    "No name or staff number: whose result it is is unknown.".into()
                }
            }
        }
    }
}

/// Reads one result file. Checks what the merge relies on: the format, the version, a name,
/// and a score and maximum that agree with the answers.
pub fn read_result(text: &str) -> Result<ResultFile, SkipReason> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(SkipReason::NotAResult);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(SkipReason::Newer(v)),
        _ => return Err(SkipReason::Unreadable("version".into())),
    }
    let file: ResultFile = serde_json::from_value(value).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if file.name.trim().is_empty() {
        return Err(SkipReason::NoName);
    }
    let correct = file.answers.iter().filter(|a| a.correct).count();
    if file.max != file.answers.len() || file.score != correct || file.max == 0 {
        return Err(SkipReason::Inconsistent);
    }
    Ok(file)
}

/// A correct-of-total count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }

    fn plus(self, other: Tally) -> Tally {
        Tally { correct: self.correct + other.correct, total: self.total + other.total }
    }

    /// Rounded down; `None` when nothing was asked.
    pub fn percent(&self) -> Option<usize> {
        (self.total > 0).then(|| self.correct * 100 / self.total)
    }
}

/// A column of the per-principle view: a principle, or (`id: None`) the questions tied to none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub id: Option<String>,
    /// The principle's label when a file named it; otherwise the UI shows the id.
    pub label: Option<String>,
}

/// One counted attempt: a row of the people-and-scores table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptRow {
    pub file: String,
    pub name: String,
    pub finished_at: String,
    pub score: usize,
    pub max: usize,
    pub passed: bool,
    /// This attempt's answers per column.
    pub cells: Vec<Tally>,
}

/// A person's answers over all their counted attempts, per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub name: String,
    pub attempts: usize,
    pub cells: Vec<Tally>,
}

/// How often the group chose `chosen` on a scenario whose answer is `answer`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confusion {
    pub answer: String,
    pub chosen: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub reason: SkipReason,
}

/// A file with the same name and finish time as one already counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub file: String,
    pub same_as: String,
}

/// The group view of many result files of one set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// The set merged: the one asked for, or else the one most files are for.
    pub set_id: String,
    pub set_title: String,
    /// Every set the readable files are for, with how many files each: (id, title, files).
    pub sets_found: Vec<(String, String, usize)>,
    pub columns: Vec<Column>,
    /// Counted attempts by name, then time.
    pub attempts: Vec<AttemptRow>,
    /// By name.
    pub people: Vec<PersonRow>,
    /// The whole group per column: the sum of `people`.
    pub group: Vec<Tally>,
    /// Wrong scenario answers, most frequent first.
    pub confusions: Vec<Confusion>,
    pub skipped: Vec<Skipped>,
    pub duplicates: Vec<Duplicate>,
}

impl Merged {
    pub fn label<'a>(&'a self, principle_id: &'a str) -> &'a str {
        self.columns
            .iter()
            .find(|c| c.id.as_deref() == Some(principle_id))
            .and_then(|c| c.label.as_deref())
            .unwrap_or(principle_id)
    }

    pub fn confusion(&self, answer: &str, chosen: &str) -> usize {
        self.confusions.iter().find(|c| c.answer == answer && c.chosen == chosen).map_or(0, |c| c.count)
    }
}

/// Merges result files given as (file name, text). Files of other sets, unreadable files and
/// duplicates are listed by file name and not counted. `set_id` picks the set; `None` takes
/// the one most readable files are for (the first seen on a tie).
pub fn merge(files: &[(String, String)], set_id: Option<&str>) -> Merged {
    let mut merged = Merged::default();
    let mut readable = Vec::new();
    for (file, text) in files {
        match read_result(text) {
            Ok(r) => {
                match merged.sets_found.iter_mut().find(|(id, _, _)| *id == r.set_id) {
                    Some(found) => found.2 += 1,
                    None => merged.sets_found.push((r.set_id.clone(), r.set_title.clone(), 1)),
                }
                readable.push((file, r));
            }
            Err(reason) => merged.skipped.push(Skipped { file: file.clone(), reason }),
        }
    }
    let chosen = match set_id {
        Some(id) => merged.sets_found.iter().find(|(s, _, _)| s == id),
        // max_by_key returns the last of equals; reversing keeps the first seen on a tie.
        None => merged.sets_found.iter().rev().max_by_key(|(_, _, n)| *n),
    };
    let (id, title) = match chosen {
        Some((id, title, _)) => (id.clone(), title.clone()),
        None => (set_id.unwrap_or_default().to_string(), String::new()),
    };
    merged.set_id = id;
    merged.set_title = title;

    let mut counted: Vec<(&String, ResultFile)> = Vec::new();
    for (file, r) in readable {
        if r.set_id != merged.set_id {
            merged.skipped.push(Skipped { file: file.clone(), reason: SkipReason::OtherSet { set_id: r.set_id } });
        } else if let Some((first, _)) =
            counted.iter().find(|(_, c)| c.name.trim() == r.name.trim() && c.finished_at == r.finished_at)
        {
            merged.duplicates.push(Duplicate { file: file.clone(), same_as: (*first).clone() });
        } else {
            counted.push((file, r));
        }
    }
    // Skipped files in the order they were given, whichever check caught them.
    let order = |f: &String| files.iter().position(|(name, _)| name == f);
    merged.skipped.sort_by_key(|s| order(&s.file));

    merged.columns = columns(counted.iter().map(|(_, r)| r));
    counted.sort_by(|(_, a), (_, b)| (a.name.trim(), &a.finished_at).cmp(&(b.name.trim(), &b.finished_at)));
    merged.group = vec![Tally::default(); merged.columns.len()];
    for (file, r) in &counted {
        let name = r.name.trim().to_string();
        let mut cells = vec![Tally::default(); merged.columns.len()];
        for a in &r.answers {
            let Some(column) = merged.columns.iter().position(|c| c.id == a.principle) else { continue };
            cells[column].add(a.correct);
            let scenario = match a.kind.as_deref() {
                Some(kind) => kind == "scenario",
                // A file that does not say: a chosen value that is a principle id of the set.
                None => merged.columns.iter().any(|c| c.id.as_deref() == Some(a.chosen.as_str())),
            };
            if let (false, true, Some(answer)) = (a.correct, scenario, &a.principle) {
                match merged.confusions.iter_mut().find(|c| c.answer == *answer && c.chosen == a.chosen) {
                    Some(c) => c.count += 1,
                    None => {
                        merged.confusions.push(Confusion { answer: answer.clone(), chosen: a.chosen.clone(), count: 1 })
                    }
                }
            }
        }
        if merged.people.last().is_none_or(|p| p.name != name) {
            merged.people.push(PersonRow {
                name: name.clone(),
                attempts: 0,
                cells: vec![Tally::default(); cells.len()],
            });
        }
        if let Some(person) = merged.people.last_mut() {
            person.attempts += 1;
            for (i, t) in cells.iter().enumerate() {
                person.cells[i] = person.cells[i].plus(*t);
                merged.group[i] = merged.group[i].plus(*t);
            }
        }
        merged.attempts.push(AttemptRow {
            file: (*file).clone(),
            name,
            finished_at: r.finished_at.clone(),
            score: r.score,
            max: r.max,
            passed: r.passed,
            cells,
        });
    }
    // Stable: equal counts stay in the order first met.
    merged.confusions.sort_by_key(|c| std::cmp::Reverse(c.count));
    merged
}

/// The set's principles in its order (from the first file that lists them), then principles
/// met only in answers, then the questions tied to no principle if there are any.
fn columns<'a>(results: impl Iterator<Item = &'a ResultFile> + Clone) -> Vec<Column> {
    let mut out: Vec<Column> = results
        .clone()
        .find(|r| !r.principles.is_empty())
        .map(|r| r.principles.iter().map(|p| Column { id: Some(p.id.clone()), label: Some(p.label.clone()) }).collect())
        .unwrap_or_default();
    let mut general = false;
    for r in results {
        for a in &r.answers {
            match &a.principle {
                Some(p) if !out.iter().any(|c| c.id.as_ref() == Some(p)) => {
                    out.push(Column { id: Some(p.clone()), label: None })
                }
                Some(_) => {}
                None => general = true,
            }
        }
    }
    if general {
        out.push(Column { id: None, label: None });
    }
    out
}

/// The words of the CSV's header and cells, in one language.
struct CsvWords {
    name: &'static str,
    date: &'static str,
    score: &'static str,
    max: &'static str,
    percent: &'static str,
    verdict: &'static str,
    right: &'static str,
    asked: &'static str,
    general: &'static str,
    passed: &'static str,
    failed: &'static str,
    file: &'static str,
}

const CSV_JA: CsvWords = CsvWords {
    name: "氏名・職員番号",
    date: "受講日時",
    score: "得点",
    max: "満点",
    percent: "正答率(%)",
    verdict: "合否",
    right: "正答",
    asked: "出題",
    general: "その他",
    passed: "合格",
    failed: "不合格",
    file: "ファイル",
};

const CSV_EN: CsvWords = CsvWords {
    name: "Name or staff number",
    date: "Finished at",
    score: "Score",
    max: "Max",
    percent: "Percent",
    verdict: "Result",
    right: "right",
    asked: "asked",
    general: "Other",
    passed: "Passed",
    failed: "Not passed",
    file: "File",
};

/// The people-and-scores table for Excel: UTF-8 with a byte-order mark and CRLF line ends,
/// which Excel opens right by double-click. One row an attempt; per principle the number
/// right and the number asked, as separate numbers (Excel would read "2/3" as a date).
pub fn to_csv(merged: &Merged, lang: Lang) -> String {
    let w = if lang == Lang::Ja { &CSV_JA } else { &CSV_EN };
    let mut header: Vec<String> =
        [w.name, w.date, w.score, w.max, w.percent, w.verdict].iter().map(|s| s.to_string()).collect();
    for c in &merged.columns {
        let label = match &c.id {
            Some(id) => merged.label(id).to_string(),
            None => w.general.to_string(),
        };
        header.push(format!("{label} {}", w.right));
        header.push(format!("{label} {}", w.asked));
    }
    header.push(w.file.to_string());
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &header);
    for a in &merged.attempts {
        let mut row = vec![
            a.name.clone(),
            a.finished_at.clone(),
            a.score.to_string(),
            a.max.to_string(),
            (a.score * 100 / a.max.max(1)).to_string(),
            (if a.passed { w.passed } else { w.failed }).to_string(),
        ];
        for t in &a.cells {
            row.push(t.correct.to_string());
            row.push(t.total.to_string());
        }
        row.push(a.file.clone());
        push_row(&mut out, &row);
    }
    out
}

fn push_row(out: &mut String, fields: &[String]) {
    let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Quotes a field when it holds a comma, quote or line break; a text starting with `=`, `+`,
/// `-` or `@` gets a leading apostrophe so Excel shows it instead of running it as a formula.
pub fn csv_field(text: &str) -> String {
    let numeric = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let text = if !numeric && text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
