//! `corpus entities`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("corpus entities: not built yet");
    ExitCode::FAILURE
}
