//! A real SMTP server for the native tests (aiosmtpd from PyPI, `tests/smtp/server.py`), so
//! the server's emails are sent over SMTP with authentication, not only written to a folder.
//! Installed once per machine into a virtual environment; stopped when dropped.

use crate::proc::{output, Env, Result};
use crate::{repo_root, tools};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// A running server: `url` is what `AFTERCARE_TEST_SMTP_URL` expects, `maildir` where the
/// messages it accepts are written (`AFTERCARE_TEST_SMTP_DIR`).
pub(crate) struct Smtp {
    child: Child,
    /// `smtp://aftercare:test-secret@127.0.0.1:PORT`.
    pub url: String,
    /// The Maildir.
    pub maildir: PathBuf,
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn venv() -> PathBuf {
    repo_root().join("target/tools/aiosmtpd")
}

/// The pinned aiosmtpd's Python, installed once per machine.
fn ensure(env: &Env) -> Result<PathBuf> {
    let requirements = repo_root().join("tests/smtp/requirements.txt");
    let pinned = std::fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let want = pinned
        .lines()
        .find_map(|l| l.trim().strip_prefix("aiosmtpd=="))
        .ok_or("tests/smtp/requirements.txt pins no aiosmtpd version")?
        .to_owned();
    let python = venv().join("bin/python");
    let check = "import importlib.metadata as m; print(m.version('aiosmtpd'))";
    if output(Command::new(&python).args(["-c", check])).is_some_and(|v| v.trim() == want) {
        return Ok(python);
    }
    println!("Installing aiosmtpd {want} (once per machine)…");
    if output(env.cmd("python3").args(["-c", "import venv, ensurepip"])).is_none() {
        tools::apt_install(env, &["python3", "python3-venv"])?;
    }
    let _ = std::fs::remove_dir_all(venv());
    crate::proc::run(env.cmd("python3").arg("-m").arg("venv").arg(venv()))?;
    crate::proc::run(
        Command::new(venv().join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    Ok(python)
}

/// Start the server on a free port with an empty Maildir, and wait until it listens.
pub(crate) fn start(env: &Env) -> Result<Smtp> {
    let python = ensure(env)?;
    let port = crate::server::free_port()?;
    let maildir = repo_root().join("target/smtp-maildir");
    let _ = std::fs::remove_dir_all(&maildir);
    let mut child = Command::new(python)
        .arg(repo_root().join("tests/smtp/server.py"))
        .arg(port.to_string())
        .arg(&maildir)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start aiosmtpd: {e}"))?;
    let mut first = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut first);
    }
    if !first.starts_with("listening") {
        let _ = child.kill();
        return Err(format!("aiosmtpd did not start: {first:?}"));
    }
    Ok(Smtp {
        child,
        url: format!("smtp://aftercare:test-secret@127.0.0.1:{port}"),
        maildir,
    })
}
