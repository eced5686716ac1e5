//! Running child processes with the project's PATH, with clear errors.

use std::ffi::OsStr;
use std::process::{Command, Stdio};

/// A failure with a message meant for the person at the terminal.
pub(crate) type Result<T> = std::result::Result<T, String>;

/// The environment every child gets: project tools first on PATH.
#[derive(Debug, Clone)]
pub(crate) struct Env {
    /// PATH with `node_modules/.bin` and `~/.cargo/bin` in front.
    pub path: String,
}

impl Env {
    /// A command with this environment, run from the repo root.
    pub(crate) fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut c = Command::new(program);
        c.env("PATH", &self.path).current_dir(crate::repo_root());
        c
    }
}

/// Run to completion, inheriting the terminal; error if it fails.
pub(crate) fn run(cmd: &mut Command) -> Result<()> {
    let what = describe(cmd);
    println!("$ {what}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Run and capture stdout (trimmed); `None` if it cannot start or fails.
pub(crate) fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Whether a program answers `--version`.
pub(crate) fn version_of(env: &Env, program: &str) -> Option<String> {
    output(env.cmd(program).arg("--version"))
}

/// `program args…` as one line, for logs.
pub(crate) fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}
