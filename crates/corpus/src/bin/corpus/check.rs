//! `corpus check`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("corpus check: not built yet");
    ExitCode::FAILURE
}
