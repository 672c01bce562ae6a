//! The manifest questions/manifest.txt: one set file name a line, so a trainer adds a set by adding a line.

use crate::diagnostic::{Diagnostic, PathOf, Problem};
use crate::parse::Parsed;
use crate::paths::is_plain_relative;

pub const MANIFEST_FILE: &str = "manifest.txt";

/// A set file the manifest names, with the line that names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub line: usize,
}

/// Reads the manifest. Blank lines and lines starting with `#` are comments. A name must be a
/// plain relative path ending in .toml (`paths`): the app fetches it from the same folder, and a
/// URL or `..` (written, or encoded as `%2e%2e`) would let the manifest send the browser elsewhere.
pub fn parse_manifest(text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let name = raw.trim();
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        let column = raw.chars().take_while(|c| c.is_whitespace()).count() + 1;
        if name.ends_with(".toml") && is_plain_relative(name) {
            entries.push(Entry { file: name.to_string(), line });
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
