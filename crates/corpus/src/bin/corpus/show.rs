//! `corpus show`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("corpus show: not built yet");
    ExitCode::FAILURE
}
