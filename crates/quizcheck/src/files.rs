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
        // TOML is UTF-8 by definition; only Excel's and Moodle's files need guessing.
        Ok(bytes) if format == Format::Toml => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => return not_utf8(&name, e.utf8_error()),
        },
        Ok(bytes) => decode_text(&bytes),
        Err(e) => return unreadable(&name, e.to_string()).map(DraftProblem::from),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    draft::check(format, &name, &text, |file| {
        Some(std::fs::read_to_string(dir.join(file)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SourceError::Missing,
            std::io::ErrorKind::InvalidData => SourceError::NotUtf8,
            _ => SourceError::Unreadable(e.to_string()),
        }))
    })
}

/// A TOML set saved in Shift_JIS, or cut off inside a character (its bytes end in the middle of
/// one): the one problem the app, the trainer page and quizcheck all give.
fn not_utf8(name: &str, error: std::str::Utf8Error) -> Parsed<DraftProblem> {
    let problem = if error.error_len().is_none() { Problem::CutOff } else { Problem::NotUtf8 }.into();
    Parsed {
        file: name.to_string(),
        set: None,
        diagnostics: vec![Diagnostic { file: name.into(), line: 1, column: 1, problem }],
        id_at: (1, 1),
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
        // A set file is read by browsers as UTF-8: the same rule here as in the app.
        Ok(bytes) if format == Format::Toml => match std::str::from_utf8(&bytes) {
            Ok(text) => draft::parse(format, &name, text),
            Err(e) => not_utf8(&name, e),
        },
        Ok(bytes) => draft::parse(format, &name, &decode_text(&bytes)),
        Err(e) => unreadable(&name, e.to_string()).map(DraftProblem::from),
    }
}
