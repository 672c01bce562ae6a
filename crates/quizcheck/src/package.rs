//! `quizcheck scorm`: one set and the built app, zipped as a SCORM 1.2 package an LMS imports (Moodle's SCORM activity and the like).
//!
//! The package holds the app as trunk built it (less what an LMS course has no use for: `LEFT_OUT`),
//! `questions/` with only this set and a manifest line summarizing it, and imsmanifest.xml
//! (`credo_authoring::scorm`) listing every file. Entries are written in sorted order, so the
//! same inputs make the same package.

use std::io::Write;
use std::path::{Path, PathBuf};

use credo_authoring::draft::{self, Format};
use credo_authoring::scorm::imsmanifest;
use credo_core::manifest::{SetSummary, MANIFEST_FILE};
use credo_core::model::QuestionSet;
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

/// What of the built app does not go into a package: the sets it was built with, the trainer's
/// page, the office's config.toml (its LRS credentials and portals are not the LMS's business),
/// the service worker (an LMS serves the course; a worker per package revision would pile up)
/// and the embedding files.
const LEFT_OUT: [&str; 8] =
    ["questions", "trainer", "config.toml", "sw.js", "embed.js", "embed-demo.html", "embed-demo.js", "embed-demo.css"];

/// The package's own config.toml: none of the office's settings, so the quiz asks for no file
/// the package lacks.
const PACKAGE_CONFIG: &str = "# credo-quiz as a SCORM 1.2 package: results go to the LMS (docs/learning-records.md).\n";

/// Why a package could not be written, with the path concerned.
pub enum PackageError {
    NotAnApp(PathBuf),
    Read(PathBuf, std::io::Error),
    Write(PathBuf, std::io::Error),
}

/// Writes the package of `set` (from `set_file`, whose text is kept as it is when it is TOML) to
/// `output`; returns how many files it holds.
pub fn write_package(set: &QuestionSet, set_file: &Path, app: &Path, output: &Path) -> Result<usize, PackageError> {
    if !app.join("index.html").is_file() {
        return Err(PackageError::NotAnApp(app.to_path_buf()));
    }
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    collect(app, app, &mut entries)?;
    let set_name = format!("{}.toml", set.id());
    let set_text = match crate::files::format_of(set_file) {
        Some(Format::Toml) => std::fs::read(set_file).map_err(|e| PackageError::Read(set_file.to_path_buf(), e))?,
        _ => draft::write(Format::Toml, set.data()).into_bytes(),
    };
    entries.push((format!("questions/{set_name}"), set_text));
    entries.push((format!("questions/{MANIFEST_FILE}"), (SetSummary::of(set).line(&set_name) + "\n").into_bytes()));
    entries.push(("config.toml".into(), PACKAGE_CONFIG.as_bytes().to_vec()));
    entries.sort();
    let names: Vec<String> = entries.iter().map(|(name, _)| name.clone()).collect();
    entries.insert(0, ("imsmanifest.xml".into(), imsmanifest(set, &names).into_bytes()));

    let write_error = |e: std::io::Error| PackageError::Write(output.to_path_buf(), e);
    let file = std::fs::File::create(output).map_err(write_error)?;
    let mut zip = ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in &entries {
        zip.start_file(name.as_str(), options).map_err(|e| write_error(e.into()))?;
        zip.write_all(bytes).map_err(write_error)?;
    }
    zip.finish().map_err(|e| write_error(e.into()))?;
    Ok(entries.len())
}

/// Every file under `dir`, by its path from `root` with `/`, except what `LEFT_OUT` names.
fn collect(root: &Path, dir: &Path, entries: &mut Vec<(String, Vec<u8>)>) -> Result<(), PackageError> {
    let read_error = |e| PackageError::Read(dir.to_path_buf(), e);
    for item in std::fs::read_dir(dir).map_err(read_error)? {
        let path = item.map_err(read_error)?.path();
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let name: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        if name.len() == 1 && LEFT_OUT.contains(&name[0].as_str()) {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, entries)?;
        } else {
            let bytes = std::fs::read(&path).map_err(|e| PackageError::Read(path.clone(), e))?;
            entries.push((name.join("/"), bytes));
        }
    }
    Ok(())
}
