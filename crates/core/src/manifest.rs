//! The manifest questions/manifest.txt: one set file name a line, so a trainer adds a set by adding a line;
//! `quizcheck manifest` adds each set's summary to its line, so the set list needs no set file.

use crate::diagnostic::{Diagnostic, PathOf, Problem};
use crate::model::QuestionSet;
use crate::parse::Parsed;
use crate::paths::is_plain_relative;

pub const MANIFEST_FILE: &str = "manifest.txt";

/// Between a line's file name and its summary fields, and between the fields (written with a
/// space either side, for reading).
const SEPARATOR: char = '|';

/// A set file the manifest names, with the line that names it and, when the line carries one,
/// the set's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub line: usize,
    pub summary: Option<SetSummary>,
}

/// What the set list shows of a set before (or without) fetching its file. Only a preview: once
/// the file is fetched, the set itself decides, and `quizcheck check` reports a summary that no
/// longer matches its set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetSummary {
    pub id: String,
    pub title: String,
    pub office: String,
    pub source: String,
    /// Questions in the set.
    pub questions: usize,
    /// Questions one attempt asks (the set's `length`, or all of them).
    pub asked: usize,
    pub pass_mark: u8,
}

impl SetSummary {
    pub fn of(set: &QuestionSet) -> Self {
        SetSummary {
            id: set.id().to_string(),
            title: set.title().to_string(),
            office: set.source().office.clone(),
            source: set.source().title.clone(),
            questions: set.questions().len(),
            asked: set.length().unwrap_or(set.questions().len()),
            pass_mark: set.pass_mark(),
        }
    }

    /// The manifest line for `file` with this summary; only the file name when a value holds the
    /// separator or a line break, so that what is written always reads back the same.
    pub fn line(&self, file: &str) -> String {
        let fields = [
            ("id", self.id.clone()),
            ("questions", self.questions.to_string()),
            ("asked", self.asked.to_string()),
            ("pass", self.pass_mark.to_string()),
            ("office", self.office.clone()),
            ("source", self.source.clone()),
            ("title", self.title.clone()),
        ];
        if fields.iter().any(|(_, v)| v.contains(SEPARATOR) || v.contains(['\n', '\r']) || v.trim() != v) {
            return file.to_string();
        }
        let mut line = file.to_string();
        for (key, value) in fields {
            line.push_str(&format!(" {SEPARATOR} {key}={value}"));
        }
        line
    }

    /// Reads the fields after a file name; on failure, the column (from 1, in characters, within
    /// `fields`) of the field that could not be read.
    fn read(fields: &str) -> Result<Self, usize> {
        let mut summary = SetSummary {
            id: String::new(),
            title: String::new(),
            office: String::new(),
            source: String::new(),
            questions: 0,
            asked: 0,
            pass_mark: 0,
        };
        let mut seen = 0u8;
        let mut at = 0;
        for field in fields.split(SEPARATOR) {
            let column = fields[..at].chars().count() + 1 + leading_spaces(field);
            at += field.len() + 1;
            let (key, value) = field.trim().split_once('=').ok_or(column)?;
            let number = || value.parse::<usize>().map_err(|_| column);
            let bit = match key {
                "id" => {
                    summary.id = value.to_string();
                    1
                }
                "questions" => {
                    summary.questions = number()?;
                    2
                }
                "asked" => {
                    summary.asked = number()?;
                    4
                }
                "pass" => {
                    summary.pass_mark = value.parse().ok().filter(|&p| p <= 100).ok_or(column)?;
                    8
                }
                "office" => {
                    summary.office = value.to_string();
                    16
                }
                "source" => {
                    summary.source = value.to_string();
                    32
                }
                "title" => {
                    summary.title = value.to_string();
                    64
                }
                _ => return Err(column),
            };
            seen |= bit;
        }
        let whole = seen == 127 && !summary.id.is_empty() && summary.asked <= summary.questions && summary.asked > 0;
        whole.then_some(summary).ok_or(1 + leading_spaces(fields))
    }
}

/// White space before a field, in characters (a full-width space is one column, as an editor counts).
fn leading_spaces(field: &str) -> usize {
    field.chars().take_while(|c| c.is_whitespace()).count()
}

/// Reads the manifest. Blank lines and lines starting with `#` are comments. A name must be a
/// plain relative path ending in .toml (`paths`): the app fetches it from the same folder, and a
/// URL or `..` (written, or encoded as `%2e%2e`) would let the manifest send the browser elsewhere.
/// A summary that cannot be read is reported and left out: the set's file is fetched instead.
pub fn parse_manifest(text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    let mut diagnostics = Vec::new();
    // A web page where the list should be (a sign-in page after a portal's session ran out, a
    // server's error page) is one problem, not a problem per line of markup.
    let start = text.trim_start();
    if start.starts_with('<') {
        let line = text[..text.len() - start.len()].matches('\n').count() + 1;
        diagnostics.push(Diagnostic { file: MANIFEST_FILE.into(), line, column: 1, problem: Problem::ManifestIsPage });
        return (entries, diagnostics);
    }
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let (name, fields) = raw.split_once(SEPARATOR).map_or((raw, None), |(n, f)| (n, Some(f)));
        let name = name.trim();
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        let column = raw.chars().take_while(|c| c.is_whitespace()).count() + 1;
        if name.ends_with(".toml") && is_plain_relative(name) {
            let summary = fields.and_then(|fields| match SetSummary::read(fields) {
                Ok(summary) => Some(summary),
                Err(at) => {
                    let column = raw.chars().count() - fields.chars().count() + at;
                    let problem = Problem::ManifestSummary { file: name.to_string() };
                    diagnostics.push(Diagnostic { file: MANIFEST_FILE.into(), line, column, problem });
                    None
                }
            });
            entries.push(Entry { file: name.to_string(), line, summary });
        } else {
            diagnostics.push(Diagnostic {
                file: MANIFEST_FILE.into(),
                line,
                column,
                problem: Problem::BadPath { path: name.to_string(), what: PathOf::ManifestEntry },
            });
        }
    }
    (entries, diagnostics)
}

/// Flags sets that share an id across files, on the later file: storage keys and links
/// use the id, so two sets with one id would mix their records.
pub fn check_set_ids<P: From<Problem>>(parsed: &mut [Parsed<P>]) {
    for i in 0..parsed.len() {
        let Some(id) = parsed[i].set.as_ref().map(|s| s.id().to_string()) else { continue };
        let earlier = parsed[..i].iter().find(|p| p.valid_set().is_some_and(|s| s.id() == id)).map(|p| p.file.clone());
        if let Some(other_file) = earlier {
            let file = parsed[i].file.clone();
            let (line, column) = parsed[i].id_at;
            parsed[i].diagnostics.push(Diagnostic {
                file,
                line,
                column,
                problem: Problem::DuplicateSetId { id, other_file }.into(),
            });
        }
    }
}
