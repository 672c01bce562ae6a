//! quizcheck's entry point: runs the command line and exits with its code (0 clean, 1 problems found, 2 an error).

fn main() -> std::process::ExitCode {
    quizcheck::cli::main()
}
