use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hedge::cli::Cli::parse();
    let stdout_is_tty = std::io::stdout().is_terminal();
    let term = hedge::app::Terminal {
        stdout_is_tty,
        stdout_columns: hedge::app::terminal_columns(stdout_is_tty),
        stderr_is_tty: std::io::stderr().is_terminal(),
        lang: hedge::report::Lang::from_env(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let code = hedge::app::run(cli, term, &mut out, &mut err).and_then(|c| out.flush().map(|_| c));
    match code {
        Ok(c) => ExitCode::from(c),
        // A closed pipe (`hedge … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "hedge: {e}");
            ExitCode::from(1)
        }
    }
}
