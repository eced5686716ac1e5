//! A throwaway PostgreSQL cluster for the native tests, so both database engines are tested
//! on every run. Installed from Debian when missing; stopped and removed when dropped.

use crate::proc::{output, Env, Result};
use crate::repo_root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster; `url` is what `AFTERCARE_TEST_POSTGRES_URL` expects.
pub(crate) struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    as_postgres_user: bool,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`.
    pub url: String,
}

fn bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    dirs.sort();
    dirs.pop()
}

fn pg(bin: &Path, as_postgres_user: bool, tool: &str, args: &[&str]) -> Command {
    let program = bin.join(tool);
    if as_postgres_user {
        // initdb and postgres refuse to run as root.
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program).args(args);
        c
    } else {
        let mut c = Command::new(program);
        c.args(args);
        c
    }
}

/// Start a fresh cluster on a free port (installing PostgreSQL first if needed).
pub(crate) fn start(env: &Env) -> Result<Cluster> {
    start_in(env, &repo_root().join("target/pg"), None)
}

/// Start a fresh cluster with its data in `data` (emptied first), on `port` or a free one.
pub(crate) fn start_in(env: &Env, data: &Path, port: Option<u16>) -> Result<Cluster> {
    if bin_dir().is_none() {
        crate::tools::apt_install(env, &["postgresql"])?;
    }
    let bin = bin_dir()
        .ok_or("PostgreSQL is installed but no initdb was found under /usr/lib/postgresql")?;
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    let data = data.to_path_buf();
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    if is_root {
        crate::proc::run(
            Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&data),
        )?;
    }
    let data_s = data.to_string_lossy().into_owned();
    let quiet = |mut c: Command| {
        c.stdout(std::process::Stdio::null())
            .status()
            .map_err(|e| e.to_string())
            .and_then(|s| {
                if s.success() {
                    Ok(())
                } else {
                    Err(format!("{s}"))
                }
            })
    };
    quiet(pg(
        &bin,
        is_root,
        "initdb",
        &["-D", &data_s, "-A", "trust", "-U", "postgres", "--no-sync"],
    ))
    .map_err(|e| format!("initdb failed: {e}"))?;
    let port = match port {
        Some(p) => p,
        None => crate::server::free_port()?,
    };
    let opts = format!("-p {port} -k {data_s} -c listen_addresses=127.0.0.1 -c fsync=off");
    let log = format!("{data_s}/server.log");
    quiet(pg(
        &bin,
        is_root,
        "pg_ctl",
        &["-D", &data_s, "-l", &log, "-o", &opts, "-w", "start"],
    ))
    .map_err(|e| format!("pg_ctl start failed: {e} (see {log})"))?;
    Ok(Cluster {
        bin,
        data,
        as_postgres_user: is_root,
        url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
    })
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

impl Cluster {
    /// A watchdog that stops and removes this cluster once process `pid` is gone, for when
    /// that process dies without running `Drop` (Ctrl-C kills `cargo xtask` at once, while
    /// the postmaster, in its own session, would keep running). It ignores Ctrl-C itself;
    /// kill it before dropping the cluster normally.
    pub(crate) fn watchdog(&self, pid: u32) -> Result<std::process::Child> {
        let data = self.data.to_string_lossy();
        let mut stop = vec![
            self.bin.join("pg_ctl").to_string_lossy().into_owned(),
            "-D".into(),
            data.clone().into_owned(),
            "-m".into(),
            "fast".into(),
            "-w".into(),
            "stop".into(),
        ];
        if self.as_postgres_user {
            let mut r = vec![
                "runuser".into(),
                "-u".into(),
                "postgres".into(),
                "--".into(),
            ];
            r.append(&mut stop);
            stop = r;
        }
        let stop: Vec<String> = stop.iter().map(|a| sh_quote(a)).collect();
        let script = format!(
            "trap '' INT HUP; while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
             {} >/dev/null 2>&1; rm -rf {}",
            stop.join(" "),
            sh_quote(&data)
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the PostgreSQL watchdog: {e}"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data.to_string_lossy().into_owned();
        let _ = pg(
            &self.bin,
            self.as_postgres_user,
            "pg_ctl",
            &["-D", &data, "-m", "fast", "-w", "stop"],
        )
        .stdout(std::process::Stdio::null())
        .status();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}
