//! What CLI tests share: the `rutin` binary started so that its output does
//! not depend on the machine (English texts whatever the locale, no colour).
//! Each test file uses its part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The workspace root, where routines, templates and fixtures are named from.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `rutin` from the workspace root, in English (`LC_ALL` and `LC_MESSAGES`
/// removed, `LANG=C`) and without colour.
pub fn rutin() -> Command {
    Command::from_std(rutin_process())
}

/// [`rutin`] as a plain process, for a test that spawns, pipes or kills it.
pub fn rutin_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rutin"));
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .current_dir(root());
    cmd
}

/// Runs `rutin ARGS` on the SQLite store in the folder `store`: the exit
/// code, stdout and stderr.
pub fn run_in_store(store: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = rutin();
    cmd.env(
        "RUTIN_DATABASE_URL",
        format!("sqlite:{}", store.join("rutin.db").display()),
    )
    .args(args);
    outcome(&mut cmd)
}

/// Runs `cmd` to its end: the exit code, stdout and stderr.
pub fn outcome(cmd: &mut Command) -> (i32, String, String) {
    parts(cmd.output().expect("rutin runs"))
}

/// A finished process's exit code (−1 when a signal ended it), stdout and
/// stderr, for a test that starts it as a plain process.
pub fn parts(output: std::process::Output) -> (i32, String, String) {
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
