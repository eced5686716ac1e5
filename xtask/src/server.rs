//! Building and running `aftercare-server` for the demo, the end-to-end tests and the benchmarks.

use crate::proc::{run, Env, Result};
use crate::repo_root;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// Cargo profile the server is built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Profile {
    /// Shares artifacts with `cargo test` (demo, end-to-end tests).
    Dev,
    /// Optimised for the load benchmark.
    Fast,
}

/// Build the server binary and return its path.
pub(crate) fn build(env: &Env, profile: Profile) -> Result<PathBuf> {
    let (args, dir): (&[&str], &str) = match profile {
        Profile::Dev => (&["build", "-p", "aftercare-server"], "debug"),
        Profile::Fast => (
            &[
                "build",
                "-p",
                "aftercare-server",
                "--profile",
                "native-release",
            ],
            "native-release",
        ),
    };
    run(env.cmd("cargo").args(args))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    Ok(target.join(dir).join("aftercare-server"))
}

/// A free loopback port.
pub(crate) fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

/// The first of `n` consecutive free loopback ports, for a cluster started where nothing
/// else listens (a fixed port would collide with a demo or another checkout's tests).
pub(crate) fn free_ports(n: u16) -> Result<u16> {
    for _ in 0..100 {
        let first = free_port()?;
        let all_free = (1..n).all(|i| {
            first
                .checked_add(i)
                .is_some_and(|p| TcpListener::bind(("127.0.0.1", p)).is_ok())
        });
        if all_free {
            return Ok(first);
        }
    }
    Err(format!("no {n} consecutive free ports on 127.0.0.1"))
}

/// A running server that is stopped when dropped.
pub(crate) struct Running {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl Running {
    /// Wait for the process (the demo runs until Ctrl-C).
    pub(crate) fn wait(mut self) -> Result<()> {
        let status = self.child.wait().map_err(|e| e.to_string())?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("the server exited with {status}"))
        }
    }
}

impl Running {
    /// The exit status if the server has stopped (the cluster watches its instances).
    pub(crate) fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A command for the server binary with the database and directories set.
pub(crate) fn command(bin: &Path, database_url: &str) -> Command {
    let root = repo_root();
    let mut c = Command::new(bin);
    c.current_dir(&root)
        .env("DATABASE_URL", database_url)
        .env("AFTERCARE_SDK_DIR", root.join("dist"))
        .env("AFTERCARE_DEMO_DIR", root.join("demo-site"))
        // Emails as `.eml` files, kept out of the work tree (`/.aftercare` is ignored).
        .env("AFTERCARE_MAIL_DIR", root.join(".aftercare").join("outbox"));
    if std::env::var_os("RUST_LOG").is_none() {
        // Per-request access lines (`http::telemetry`) would drown the demo's terminal.
        c.env(
            "RUST_LOG",
            "warn,aftercare_server=info,aftercare_server::http::telemetry=warn",
        );
    }
    c
}

/// Migrate and seed the demo store (idempotent); product images point at `public_url`.
pub(crate) fn seed(bin: &Path, database_url: &str, public_url: &str) -> Result<()> {
    run(command(bin, database_url)
        .arg("seed-demo")
        .env("AFTERCARE_PUBLIC_URL", public_url))
}

/// Start `serve --demo` on `port` and wait until `/readyz` answers (database up, migrated).
pub(crate) fn start(
    bin: &Path,
    database_url: &str,
    port: u16,
    extra_env: &[(&str, &str)],
) -> Result<Running> {
    let mut c = command(bin, database_url);
    c.args(["serve", "--demo"])
        .env("AFTERCARE_ADDR", format!("127.0.0.1:{port}"));
    for (k, v) in extra_env {
        c.env(k, v);
    }
    let child = c
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let mut running = Running {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = running.child.try_wait() {
            return Err(format!(
                "the server exited before answering ({status}); is port {port} already in use?"
            ));
        }
        if http_get(port, "/readyz").is_some_and(|(status, _)| status == 200) {
            return Ok(running);
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    Err(format!(
        "the server was not ready (/readyz) on port {port} within 60 s"
    ))
}

/// A minimal HTTP/1.1 GET on loopback: (status, body).
pub(crate) fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    http(port, "GET", path, &[], "")
}

/// A minimal HTTP/1.1 request on loopback: (status, body). Bodies are read to the end of
/// the connection, so chunked answers come back with their chunk framing (JSON tools below
/// only read small, length-delimited answers).
pub(crate) fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<(u16, String)> {
    let mut s =
        TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    write!(s, "{head}\r\n{body}").ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    let status = buf.split_whitespace().nth(1)?.parse().ok()?;
    let body = buf
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Some((status, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_ports_are_consecutive_and_free() {
        let first = free_ports(4).unwrap();
        for p in first..first + 4 {
            assert!(TcpListener::bind(("127.0.0.1", p)).is_ok(), "port {p}");
        }
    }
}
