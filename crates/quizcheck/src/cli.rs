//! The commands, their messages in the trainer's language, and exit codes as ripgrep has them:
//! 0 nothing wrong, 1 problems found in the sets, 2 an error (bad arguments, a path that cannot
//! be read, a file that cannot be written). A closed pipe (`quizcheck check | head`) ends quietly.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use credo_authoring::cues::cue_report;
use credo_authoring::draft;
use credo_authoring::gift::read_gift;
use credo_authoring::problem::DraftProblem;
use credo_core::diagnostic::Problem;
use credo_core::i18n::Lang;
use credo_core::manifest::{parse_manifest, SetSummary, MANIFEST_FILE};
use credo_core::model::SetData;
use credo_core::parse::Parsed;
use credo_core::review::SetStats;

use crate::files::{format_of, load, read_set_file};
use crate::package::{write_package, PackageError};

#[derive(Parser)]
#[command(
    name = "quizcheck",
    version,
    about = "Check and export credo-quiz question sets / 問題セットの検査と書き出し"
)]
struct Cli {
    /// Message language.
    #[arg(long, global = true, value_enum, default_value = "ja")]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Print every problem as `file:line:col: message`; exit 1 if there is any.
    Check {
        /// Set files (.toml, .csv, .gift, .txt) or folders (their manifest.txt and *.toml files).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Per set: questions per principle, kind and difficulty, and the cue report (how far the words
    /// alone give the answer); exit 1 if a principle is answered by fewer than 4.
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
    /// Write each set's summary (title, counts, pass mark) into the folder's manifest.txt, so the
    /// set list shows the sets without downloading them. A set with problems keeps only its file
    /// name (and is listed as before); its problems are printed as by `check`.
    Manifest {
        /// The folder that holds manifest.txt, like questions/.
        folder: PathBuf,
    },
    /// Convert a set between TOML, CSV (Excel) and GIFT (Moodle), by the files' extensions.
    /// A file with problems is reported and nothing is written (see --draft).
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
    /// Write a SCORM 1.2 package of one set for an LMS (Moodle's SCORM activity and others): the
    /// built app, the set and imsmanifest.xml in one zip. A set with problems is reported and
    /// nothing is written.
    Scorm {
        /// The set (.toml, .csv, .gift or .txt).
        set: PathBuf,
        /// The built quiz: the folder `trunk build --release` writes.
        #[arg(long, default_value = "dist")]
        app: PathBuf,
        /// The package to write (.zip).
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Why a run stopped early.
enum Stop {
    /// Standard output was closed by its reader: nothing more to say.
    ClosedPipe,
    /// Something the trainer must hear about, already worded.
    Error(String),
}

type Run = Result<Found, Stop>;

/// What a run that finished found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    Nothing,
    Problems,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Ja => Lang::Ja,
        LangArg::En => Lang::En,
    };
    let say = Say { lang };
    match run(cli.command, say) {
        Ok(Found::Nothing) => ExitCode::SUCCESS,
        Ok(Found::Problems) => ExitCode::from(1),
        Err(Stop::ClosedPipe) => ExitCode::SUCCESS,
        Err(Stop::Error(message)) => {
            eprintln!("quizcheck: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, say: Say) -> Run {
    match command {
        Command::Check { paths } => {
            say.paths_exist(&paths)?;
            let loaded = load(&paths);
            let mut count = 0;
            for d in loaded.problems() {
                out(&d.render(say.lang))?;
                count += 1;
            }
            let sets = loaded.sets.iter().filter(|p| p.valid_set().is_some()).count();
            eprintln!("{}", say.check_summary(loaded.sets.len(), sets, count));
            Ok(if count == 0 { Found::Nothing } else { Found::Problems })
        }
        Command::Stats { paths } => {
            say.paths_exist(&paths)?;
            let loaded = load(&paths);
            let mut thin = 0;
            for set in say.valid_sets(&loaded.sets) {
                let stats = SetStats::of(set);
                thin += stats.thin_principles().len();
                out(stats.render().trim_end())?;
                out(&cue_report(set).render(say.lang))?;
            }
            Ok(if thin == 0 { Found::Nothing } else { Found::Problems })
        }
        Command::Export { json: _, paths } => {
            say.paths_exist(&paths)?;
            let loaded = load(&paths);
            let sets = say.valid_sets(&loaded.sets);
            let skipped = sets.len() < loaded.sets.len();
            // Serialized directly (not through serde_json::Value) so fields keep the model's order.
            let json = serde_json::to_string(&Export { sets }).map_err(|e| Stop::Error(e.to_string()))?;
            out(&json)?;
            Ok(if skipped { Found::Problems } else { Found::Nothing })
        }
        Command::Manifest { folder } => write_manifest(&folder, say),
        Command::Convert { input, output, draft } => convert(&input, &output, draft, say),
        Command::Scorm { set, app, output } => scorm(&set, &app, &output, say),
    }
}

/// Packages a valid set with the built app for an LMS.
fn scorm(set_file: &Path, app: &Path, output: &Path, say: Say) -> Run {
    say.paths_exist(&[set_file.to_path_buf()])?;
    let parsed = read_set_file(set_file);
    for d in &parsed.diagnostics {
        out(&d.render(say.lang))?;
    }
    let Some(set) = parsed.valid_set() else {
        eprintln!("{}", say.nothing_written(&parsed.file, parsed.diagnostics.len(), true));
        return Ok(Found::Problems);
    };
    match write_package(set, set_file, app, output) {
        Ok(files) => {
            eprintln!(
                "{}",
                say.pick(
                    format!("{} → {}: SCORM 1.2 パッケージ({files} ファイル)を書き出しました。LMS にそのまま取り込めます。", parsed.file, output.display()),
                    format!("{} -> {}: SCORM 1.2 package written ({files} files), ready to import into an LMS.", parsed.file, output.display()),
                )
            );
            Ok(Found::Nothing)
        }
        Err(PackageError::NotAnApp(dir)) => Err(Stop::Error(say.pick(
            format!("{}: 組み立て済みのクイズ(index.html のあるフォルダー)ではありません。`trunk build --release` の出力(dist)を --app で指定してください。", dir.display()),
            format!("{}: not a built quiz (no index.html). Name the output of `trunk build --release` (dist) with --app.", dir.display()),
        ))),
        Err(PackageError::Read(path, e)) => Err(Stop::Error(say.pick(
            format!("{}: 読めません({e})。", path.display()),
            format!("{}: cannot read ({e}).", path.display()),
        ))),
        Err(PackageError::Write(path, e)) => Err(Stop::Error(say.cannot_write(&path, &e))),
    }
}

/// Rewrites `folder`'s manifest with each valid set's summary, keeping its comments, its order
/// and any line it cannot use as they are.
fn write_manifest(folder: &Path, say: Say) -> Run {
    let path = folder.join(MANIFEST_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| Stop::Error(say.cannot_read(&path, &e)))?;
    let loaded = load(&[folder.to_path_buf()]);
    let mut count = 0;
    // The summaries this run writes are its own: the old ones' problems are what it mends.
    for d in loaded.problems().filter(|d| {
        !matches!(d.problem, DraftProblem::Set(Problem::StaleSummary { .. } | Problem::ManifestSummary { .. }))
    }) {
        out(&d.render(say.lang))?;
        count += 1;
    }
    let (entries, _) = parse_manifest(&text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut written = 0;
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, raw)| {
            let Some(entry) = entries.iter().find(|e| e.line == i + 1) else { return raw.to_string() };
            let file = folder.join(&entry.file);
            let parsed = loaded.sets.iter().find(|p| Path::new(&p.file) == file);
            match parsed.and_then(|p| p.valid_set()) {
                Some(set) => {
                    written += 1;
                    SetSummary::of(set).line(&entry.file)
                }
                None => entry.file.clone(),
            }
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").map_err(|e| Stop::Error(say.cannot_write(&path, &e)))?;
    eprintln!("{}", say.manifest_written(&path, written, entries.len()));
    Ok(if count == 0 { Found::Nothing } else { Found::Problems })
}

/// Reads `input`, and writes `output` if the set has no problems (or, as a draft, whatever
/// could be read). Problems make the exit status 1; a file that cannot be read or written, 2.
fn convert(input: &Path, output: &Path, as_draft: bool, say: Say) -> Run {
    let Some(format) = format_of(output) else {
        return Err(Stop::Error(say.pick(
            format!(
                "{}: 書き出す形式は拡張子で決めます。.toml・.csv・.gift・.txt のどれかにしてください。",
                output.display()
            ),
            format!("{}: the output's extension decides its format; use .toml, .csv, .gift or .txt.", output.display()),
        )));
    };
    say.paths_exist(&[input.to_path_buf()])?;
    if input.canonicalize().ok().is_some_and(|i| output.canonicalize().is_ok_and(|o| o == i)) {
        return Err(Stop::Error(say.pick(
            format!("{}: 入力と同じファイルには書き出せません。別の名前にしてください。", output.display()),
            format!("{}: the output would overwrite the input; choose another name.", output.display()),
        )));
    }
    let parsed = read_set_file(input);
    for d in &parsed.diagnostics {
        out(&d.render(say.lang))?;
    }
    let input_text = || std::fs::read(input).ok().map(|bytes| crate::encoding::decode_text(&bytes));
    let data: Option<SetData> = match (&parsed.set, as_draft) {
        (Some(set), _) if as_draft || parsed.diagnostics.is_empty() => Some(set.data().clone()),
        // A Moodle file with gaps makes no valid set, but its draft is what `--draft` is for.
        (None, true) if format_of(input) == Some(draft::Format::Gift) => {
            input_text().map(|text| read_gift(&parsed.file, &text).0)
        }
        // Excel rows with gaps: the set file they make, as far as they go, when TOML is wanted.
        (None, true) if format_of(input) == Some(draft::Format::Csv) && format == draft::Format::Toml => {
            let Some(toml) = input_text().and_then(|text| credo_authoring::csv::draft_toml(&text)) else {
                eprintln!("{}", say.nothing_written(&parsed.file, parsed.diagnostics.len(), true));
                return Ok(Found::Problems);
            };
            std::fs::write(output, toml).map_err(|e| Stop::Error(say.cannot_write(output, &e)))?;
            eprintln!("{}", say.draft_written(&parsed.file, output));
            return Ok(Found::Problems);
        }
        _ => None,
    };
    let Some(data) = data else {
        eprintln!("{}", say.nothing_written(&parsed.file, parsed.diagnostics.len(), as_draft));
        return Ok(Found::Problems);
    };
    std::fs::write(output, draft::write(format, &data)).map_err(|e| Stop::Error(say.cannot_write(output, &e)))?;
    eprintln!("{}", say.written(&parsed.file, output, data.questions.len()));
    Ok(if parsed.diagnostics.is_empty() { Found::Nothing } else { Found::Problems })
}

#[derive(serde::Serialize)]
struct Export<'a> {
    sets: Vec<&'a credo_core::model::QuestionSet>,
}

/// Prints a line on standard output. A closed pipe stops the run quietly; any other failure to
/// write is an error (a full disk must not look like a clean check).
fn out(line: &str) -> Result<(), Stop> {
    match writeln!(std::io::stdout().lock(), "{line}") {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stop::ClosedPipe),
        Err(e) => Err(Stop::Error(format!("standard output: {e}"))),
    }
}

/// The command line's own sentences, in the language asked for.
#[derive(Clone, Copy)]
struct Say {
    lang: Lang,
}

impl Say {
    fn pick(self, ja: String, en: String) -> String {
        match self.lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// Every path named must be there: a typo is an error, not a set with a problem.
    fn paths_exist(self, paths: &[PathBuf]) -> Result<(), Stop> {
        match paths.iter().find(|p| !p.exists()) {
            None => Ok(()),
            Some(p) => Err(Stop::Error(self.pick(
                format!("{}: ファイルまたはフォルダーが見つかりません。名前と場所を確かめてください。", p.display()),
                format!("{}: no such file or folder. Check the name and where it is.", p.display()),
            ))),
        }
    }

    fn check_summary(self, files: usize, valid: usize, problems: usize) -> String {
        self.pick(
            format!("{files} ファイル、正しいセット {valid} 個、問題 {problems} 件"),
            format!("{files} file(s), {valid} valid set(s), {problems} problem(s)"),
        )
    }

    /// The sets without problems; the others are named on standard error.
    fn valid_sets(self, parsed: &[Parsed<DraftProblem>]) -> Vec<&credo_core::model::QuestionSet> {
        for p in parsed.iter().filter(|p| p.valid_set().is_none()) {
            let n = p.diagnostics.len();
            eprintln!(
                "{}",
                self.pick(
                    format!(
                        "{}: 問題が {n} 件あるため飛ばしました。`quizcheck check` で場所と直し方を確かめてください。",
                        p.file
                    ),
                    format!("skipped {}: {n} problem(s); run `quizcheck check` to see where and what to do.", p.file),
                )
            );
        }
        parsed.iter().filter_map(Parsed::valid_set).collect()
    }

    fn nothing_written(self, file: &str, problems: usize, as_draft: bool) -> String {
        let (hint_ja, hint_en) = if as_draft {
            ("", "")
        } else {
            ("読めたところまで書き出すには --draft を付けてください。", " Add --draft to write what could be read.")
        };
        self.pick(
            format!("{file}: 問題が {problems} 件あるため、何も書き出していません。{hint_ja}"),
            format!("{file}: {problems} problem(s); nothing was written.{hint_en}"),
        )
    }

    fn draft_written(self, file: &str, output: &Path) -> String {
        self.pick(
            format!("{file} → {}: 読み取れたところまでを下書きとして書き出しました。`quizcheck check` で足りない所を確かめてください。", output.display()),
            format!("{file} -> {}: what could be read was written as a draft; run `quizcheck check` on it to see the gaps.", output.display()),
        )
    }

    fn manifest_written(self, path: &Path, summarized: usize, listed: usize) -> String {
        self.pick(
            format!("{}: {listed} セットのうち {summarized} セットの概要を書きました", path.display()),
            format!("{}: summaries written for {summarized} of {listed} set(s)", path.display()),
        )
    }

    fn written(self, file: &str, output: &Path, questions: usize) -> String {
        self.pick(
            format!("{file} → {}: {questions} 問を書き出しました", output.display()),
            format!("{file} -> {}: {questions} question(s) written", output.display()),
        )
    }

    fn cannot_read(self, path: &Path, e: &std::io::Error) -> String {
        self.pick(
            format!(
                "{}: 読めません({e})。問題セットのフォルダー(manifest.txt のあるフォルダー)を指定してください。",
                path.display()
            ),
            format!(
                "{}: cannot read ({e}). Name the question sets' folder (the one holding manifest.txt).",
                path.display()
            ),
        )
    }

    fn cannot_write(self, output: &Path, e: &std::io::Error) -> String {
        self.pick(
            format!(
                "{}: 書き込めません({e})。フォルダーがあるか、書き込みが許されているかを確かめてください。",
                output.display()
            ),
            format!("{}: cannot write ({e}). Check that the folder exists and may be written to.", output.display()),
        )
    }
}
