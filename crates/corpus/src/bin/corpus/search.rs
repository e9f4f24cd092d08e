//! `corpus search`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("corpus search: not built yet");
    ExitCode::FAILURE
}
