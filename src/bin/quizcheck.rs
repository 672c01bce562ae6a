//! quizcheck: the trainer's command line. Checks question-set files and exports them as JSON.
//!
//! Native only: the wasm32 build of the package (for browser tests) gets an empty main.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clap::{Parser, Subcommand};
    use credo_quiz::core::diagnostic::{Diagnostic, Problem};
    use credo_quiz::core::i18n::Lang;
    use credo_quiz::core::manifest::{check_set_ids, parse_manifest, MANIFEST_FILE};
    use credo_quiz::core::parse::{parse_set, unreadable, Parsed};

    #[derive(Parser)]
    #[command(name = "quizcheck", version, about = "Check and export credo-quiz question sets / 問題セットの検査と書き出し")]
    struct Cli {
        /// Message language: ja or en.
        #[arg(long, global = true, default_value = "ja")]
        lang: String,
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Print every problem as `file:line:col: message`; exit 1 if there is any.
        Check {
            /// Set files (.toml) or folders (their manifest.txt and *.toml files).
            #[arg(required = true)]
            paths: Vec<PathBuf>,
        },
        /// Print every valid set as JSON on standard output.
        Export {
            #[arg(long, required = true)]
            json: bool,
            #[arg(required = true)]
            paths: Vec<PathBuf>,
        },
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let lang = Lang::from_code(&cli.lang).unwrap_or_default();
        match cli.command {
            Command::Check { paths } => {
                let (parsed, manifest_problems) = load(&paths);
                let mut count = 0;
                for d in manifest_problems.iter().chain(parsed.iter().flat_map(|p| &p.diagnostics)) {
                    out(&d.render(lang));
                    count += 1;
                }
                let sets = parsed.iter().filter(|p| p.valid_set().is_some()).count();
                eprintln!("{} file(s), {sets} valid set(s), {count} problem(s)", parsed.len());
                if count == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
            }
            Command::Export { json: _, paths } => {
                let (parsed, _) = load(&paths);
                let sets: Vec<_> = parsed.iter().filter_map(Parsed::valid_set).collect();
                for p in parsed.iter().filter(|p| p.valid_set().is_none()) {
                    eprintln!("skipped {}: {} problem(s); run `quizcheck check`", p.file, p.diagnostics.len());
                }
                // Serialized directly (not through serde_json::Value) so fields keep the model's order.
            let json = serde_json::to_string(&Export { sets }).unwrap_or_default();
            out(&json);
                ExitCode::SUCCESS
            }
        }
    }

    #[derive(serde::Serialize)]
    struct Export<'a> {
        sets: Vec<&'a credo_quiz::core::model::QuestionSet>,
    }

    /// Prints a line; a closed pipe (`quizcheck check | head`) ends output quietly, not in a panic.
    fn out(line: &str) {
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), "{line}").is_err() {
            std::process::exit(0);
        }
    }

    /// Parses every set the paths name. A folder contributes the files its manifest lists and any
    /// other .toml file in it (so a file forgotten in the manifest is still checked), and the
    /// manifest's own problems, including names of files that do not exist.
    fn load(paths: &[PathBuf]) -> (Vec<Parsed>, Vec<Diagnostic>) {
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            if !path.is_dir() {
                files.push((path.display().to_string(), path.clone()));
                continue;
            }
            let manifest = path.join(MANIFEST_FILE);
            if let Ok(text) = std::fs::read_to_string(&manifest) {
                let (entries, mut diagnostics) = parse_manifest(&text);
                for d in &mut diagnostics {
                    d.file = display(&manifest);
                }
                problems.extend(diagnostics);
                for entry in entries {
                    let file = path.join(&entry.file);
                    if !file.is_file() {
                        problems.push(Diagnostic {
                            file: display(&manifest),
                            line: entry.line,
                            column: 1,
                            problem: Problem::Unreadable {
                                reason: format!("{} not found", display(&file)),
                            },
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
            files.extend(found.into_iter().map(|p| (display(&p), p)));
        }
        let mut parsed: Vec<Parsed> = files
            .iter()
            .map(|(name, path)| match std::fs::read(path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => parse_set(name, &text),
                    Err(_) => unreadable(name, "not UTF-8 / UTF-8 で保存してください".into()),
                },
                Err(e) => unreadable(name, e.to_string()),
            })
            .collect();
        check_set_ids(&mut parsed);
        (parsed, problems)
    }

    fn display(path: &Path) -> String {
        path.display().to_string().replace("//", "/")
    }
}
