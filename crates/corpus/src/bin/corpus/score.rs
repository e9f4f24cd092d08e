//! `corpus score`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("corpus score: not built yet");
    ExitCode::FAILURE
}
