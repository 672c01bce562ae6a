//! quizcheck: the trainer's command line. Checks question-set files, exports them as JSON and
//! converts them between TOML, Excel CSV and Moodle GIFT.
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
    use std::path::PathBuf;
    use std::process::ExitCode;

    use clap::{Parser, Subcommand};
    use credo_quiz::core::i18n::Lang;
    use credo_quiz::core::parse::Parsed;
    use credo_quiz::core::review::SetStats;
    use credo_quiz::core::draft;
    use credo_quiz::files::{format_of, load, read_set_file};

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
        /// Per set: questions per principle, kind and difficulty; flags a principle answered by fewer than 4.
        Stats {
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
        /// Convert a set between TOML, CSV (Excel) and GIFT (Moodle), by the files' extensions.
        /// A file with problems is reported and nothing is written.
        Convert {
            /// The set to read: .toml, .csv (UTF-8, with or without BOM, or Shift_JIS), .gift or .txt.
            input: PathBuf,
            /// The file to write; CSV is written as UTF-8 with a BOM for Excel.
            #[arg(short, long)]
            output: PathBuf,
            /// Write what could be read even when there are problems (a Moodle file has no quotes
            /// or principles): a draft to complete, whose gaps `check` then shows in place.
            #[arg(long)]
            draft: bool,
        },
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let lang = Lang::from_code(&cli.lang).unwrap_or_default();
        match cli.command {
            Command::Check { paths } => {
                let loaded = load(&paths);
                let mut count = 0;
                for d in loaded.problems() {
                    out(&d.render(lang));
                    count += 1;
                }
                let sets = loaded.sets.iter().filter(|p| p.valid_set().is_some()).count();
                eprintln!("{} file(s), {sets} valid set(s), {count} problem(s)", loaded.sets.len());
                if count == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
            }
            Command::Stats { paths } => {
                let loaded = load(&paths);
                let mut thin = 0;
                for set in valid_sets(&loaded.sets) {
                    let stats = SetStats::of(set);
                    thin += stats.thin_principles().len();
                    out(&stats.render());
                }
                if thin == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
            }
            Command::Export { json: _, paths } => {
                let loaded = load(&paths);
                let sets = valid_sets(&loaded.sets);
                // Serialized directly (not through serde_json::Value) so fields keep the model's order.
                out(&serde_json::to_string(&Export { sets }).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Command::Convert { input, output, draft } => convert(&input, &output, draft, lang),
        }
    }

    /// Reads `input`, and writes `output` if the set has no problems (or, as a draft, whatever
    /// could be read). Problems always make the exit status 1.
    fn convert(input: &std::path::Path, output: &std::path::Path, as_draft: bool, lang: Lang) -> ExitCode {
        let Some(format) = format_of(output) else {
            eprintln!("{}: use .toml, .csv, .gift or .txt / 拡張子は .toml・.csv・.gift・.txt にしてください", output.display());
            return ExitCode::FAILURE;
        };
        if input.canonicalize().ok().is_some_and(|i| output.canonicalize().is_ok_and(|o| o == i)) {
            eprintln!("{}: the output would overwrite the input / 入力と同じファイルには書き出せません", output.display());
            return ExitCode::FAILURE;
        }
        let parsed = read_set_file(input);
        for d in &parsed.diagnostics {
            out(&d.render(lang));
        }
        let set = if as_draft { parsed.set.as_ref() } else { parsed.valid_set() };
        let Some(set) = set else {
            let hint = if as_draft { "" } else { " (--draft writes what could be read)" };
            eprintln!("{}: {} problem(s); nothing written{hint}", parsed.file, parsed.diagnostics.len());
            return ExitCode::FAILURE;
        };
        match std::fs::write(output, draft::write(format, set)) {
            Ok(()) => {
                eprintln!("{} -> {}: {} question(s)", parsed.file, output.display(), set.questions.len());
                if parsed.diagnostics.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
            }
            Err(e) => {
                eprintln!("{}: {e}", output.display());
                ExitCode::FAILURE
            }
        }
    }

    /// The sets without problems; the others are named on standard error.
    fn valid_sets(parsed: &[Parsed]) -> Vec<&credo_quiz::core::model::QuestionSet> {
        for p in parsed.iter().filter(|p| p.valid_set().is_none()) {
            eprintln!("skipped {}: {} problem(s); run `quizcheck check`", p.file, p.diagnostics.len());
        }
        parsed.iter().filter_map(Parsed::valid_set).collect()
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

}
