//! `corpus quotes`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("corpus quotes: not built yet");
    ExitCode::FAILURE
}
