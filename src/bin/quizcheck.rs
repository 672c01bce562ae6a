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
    use std::path::PathBuf;
    use std::process::ExitCode;

    use clap::{Parser, Subcommand};
    use credo_quiz::core::i18n::Lang;
    use credo_quiz::core::parse::Parsed;
    use credo_quiz::core::review::SetStats;
    use credo_quiz::files::load;

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
