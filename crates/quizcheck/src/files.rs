//! Question sets on disk, for the command line and the native tests: folders, manifests, source texts.

use std::path::{Path, PathBuf};

use credo_authoring::draft::{self, Format, SourceError};
use credo_authoring::problem::DraftProblem;
use credo_core::diagnostic::{Diagnostic, Problem};
use credo_core::manifest::{check_set_ids, parse_manifest, SetSummary, MANIFEST_FILE};
use credo_core::parse::{unreadable, Parsed};

use crate::encoding::decode_text;

/// Everything read from some paths: each set file parsed and reviewed against its source
/// texts, and the problems of the manifests themselves.
pub struct Loaded {
    pub sets: Vec<Parsed<DraftProblem>>,
    pub manifest_problems: Vec<Diagnostic<DraftProblem>>,
}

impl Loaded {
    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic<DraftProblem>> {
        self.manifest_problems.iter().chain(self.sets.iter().flat_map(|p| &p.diagnostics))
    }
}

/// Reads set files (TOML, CSV or GIFT) and folders. A folder contributes the files its manifest
/// lists (sub-folders included) and any other .toml file in it (so a file forgotten in the
/// manifest is still checked), and the manifest's own problems, including missing files.
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut manifest_problems = Vec::new();
    // Summaries in the manifests, to compare with their sets once those are read.
    let mut summaries = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let manifest = path.join(MANIFEST_FILE);
        if let Ok(text) = std::fs::read_to_string(&manifest) {
            let (entries, diagnostics) = parse_manifest(&text);
            manifest_problems.extend(
                diagnostics.into_iter().map(|d| Diagnostic { file: display(&manifest), ..d.map(DraftProblem::from) }),
            );
            for entry in entries {
                let file = path.join(&entry.file);
                if file.is_file() {
                    if let Some(summary) = entry.summary {
                        summaries.push((display(&manifest), entry.line, entry.file, file.clone(), summary));
                    }
                    files.push(file);
                } else {
                    manifest_problems.push(Diagnostic {
                        file: display(&manifest),
                        line: entry.line,
                        column: 1,
                        problem: Problem::Unreadable { reason: format!("{} not found", entry.file) }.into(),
                    });
                }
            }
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        found.sort();
        for file in found {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    let mut sets: Vec<Parsed<DraftProblem>> = files.iter().map(|path| load_set(path)).collect();
    check_set_ids(&mut sets);
    for (manifest, line, name, file, summary) in summaries {
        let set = files.iter().position(|f| *f == file).and_then(|i| sets[i].set.as_ref());
        if set.is_some_and(|set| SetSummary::of(set) != summary) {
            let problem = Problem::StaleSummary { file: name }.into();
            manifest_problems.push(Diagnostic { file: manifest, line, column: 1, problem });
        }
    }
    Loaded { sets, manifest_problems }
}

/// One set file of any format, with its quotes checked against its source texts beside it.
fn load_set(path: &Path) -> Parsed<DraftProblem> {
    let name = display(path);
    let Some(format) = format_of(path) else { return read_set_file(path) };
    let text = match std::fs::read(path) {
        Ok(bytes) => as_read(format, &bytes),
        Err(e) => return unreadable(&name, e.to_string()).map(DraftProblem::from),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    draft::check(format, &name, &text, |file| {
        // Read as the page reads a fetched text: what is not UTF-8 becomes U+FFFD, which the check
        // reports as a source not saved in UTF-8.
        Some(std::fs::read(dir.join(file)).map(|b| String::from_utf8_lossy(&b).into_owned()).map_err(
            |e| match e.kind() {
                std::io::ErrorKind::NotFound => SourceError::Missing,
                _ => SourceError::Unreadable(e.to_string()),
            },
        ))
    })
}

/// A set file's bytes as text. TOML is UTF-8 by definition, and is read as a browser reads it:
/// what is not UTF-8 becomes U+FFFD, so `parse_set` gives the app's own problem (Shift_JIS, or a
/// file cut off inside a character) at the app's place. Only Excel's and Moodle's files need
/// their encoding guessed.
fn as_read(format: Format, bytes: &[u8]) -> String {
    match format {
        Format::Toml => String::from_utf8_lossy(bytes).into_owned(),
        Format::Csv | Format::Gift => decode_text(bytes),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string().replace("//", "/")
}

/// The format a path names by its extension alone (`.txt` is GIFT as Moodle saves it), so that
/// `quizcheck convert` never guesses what to write.
pub fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "toml" => Some(Format::Toml),
        "csv" => Some(Format::Csv),
        "gift" | "txt" => Some(Format::Gift),
        _ => None,
    }
}

/// Reads one set file of any format, whatever encoding Excel or an editor saved it in, and
/// checks its form (not its quotes, which `load` checks against the source texts).
pub fn read_set_file(path: &Path) -> Parsed<DraftProblem> {
    let name = display(path);
    let Some(format) = format_of(path) else {
        return unreadable(
            &name,
            "use .toml, .csv, .gift or .txt / 拡張子は .toml・.csv・.gift・.txt にしてください".into(),
        )
        .map(DraftProblem::from);
    };
    match std::fs::read(path) {
        Ok(bytes) => draft::parse(format, &name, &as_read(format, &bytes)),
        Err(e) => unreadable(&name, e.to_string()).map(DraftProblem::from),
    }
}
