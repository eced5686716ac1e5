//! Installing what a fresh machine lacks, and nothing twice.
//!
//! Versions are pinned where the toolchain needs exact matches: wasm-bindgen-cli equal to the `wasm-bindgen` in Cargo.lock, wasm-opt from the
//! npm package `binaryen` (Debian's binaryen silently corrupts the output), Chromium and
//! chromedriver from Debian. Each check costs milliseconds when the tool is already there.

use crate::proc::{output, run, version_of, Env, Result};
use crate::repo_root;
use std::path::PathBuf;
use std::process::Command;

fn home_cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| "/root".into())).join(".cargo")
        })
        .join("bin")
}

/// The environment with project tools first on PATH.
pub(crate) fn project_env() -> Env {
    let node_bin = repo_root().join("node_modules/.bin");
    let current = std::env::var("PATH").unwrap_or_default();
    Env {
        path: format!(
            "{}:{}:{current}",
            node_bin.display(),
            home_cargo_bin().display()
        ),
    }
}

/// The `wasm-bindgen` version Cargo.lock resolved (the CLI must match it exactly).
pub(crate) fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile`".into())
}

fn ensure_wasm_target(env: &Env) -> Result<()> {
    let installed =
        output(env.cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(env
        .cmd("rustup")
        .args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_tool(env: &Env, bin: &str, krate: &str, version: &str, locked: bool) -> Result<()> {
    if version_of(env, bin).is_some_and(|v| v.split_whitespace().any(|w| w == version)) {
        return Ok(());
    }
    println!("Installing {krate} {version} (a few minutes, once per machine)…");
    let mut cmd = env.cmd("cargo");
    cmd.args(["install", krate, "--version", version, "--force"]);
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd)
}

fn ensure_npm_packages(env: &Env) -> Result<()> {
    let root = repo_root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
        std::fs::metadata(&lock).and_then(|m| m.modified()),
    ) {
        (Ok(s), Ok(l)) => s >= l && root.join("node_modules/.bin/wasm-opt").exists(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if version_of(env, "npm").is_none() {
        apt_install(env, &["nodejs", "npm"])?;
    }
    run(env.cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
}

/// Debian packages, installed with apt-get (sudo when not root).
pub(crate) fn apt_install(env: &Env, packages: &[&str]) -> Result<()> {
    println!("Installing Debian packages: {}", packages.join(" "));
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut c = if is_root {
            env.cmd("apt-get")
        } else {
            let mut c = env.cmd("sudo");
            c.arg("apt-get");
            c
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q", "--no-install-recommends"]);
    install.args(packages);
    run(&mut install)
}

/// Everything the SDK build needs: the wasm target, wasm-bindgen-cli, npm's wasm-opt (the
/// split step is a library inside xtask).
pub(crate) fn ensure_build_tools() -> Result<Env> {
    let env = project_env();
    ensure_wasm_target(&env)?;
    ensure_npm_packages(&env)?;
    // Not --locked: wasm-bindgen-cli's lockfile wants a webpki-roots this registry lacks.
    ensure_cargo_tool(
        &env,
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &locked_wasm_bindgen_version()?,
        false,
    )?;
    let wasm_opt = version_of(&env, "wasm-opt").unwrap_or_default();
    if !wasm_opt.contains("132") {
        return Err(format!("wasm-opt on PATH is `{wasm_opt}`, expected version 132 from node_modules/.bin (npm ci)"));
    }
    Ok(env)
}

/// Build tools plus a browser for the wasm and end-to-end tests, and brotli for size figures.
pub(crate) fn ensure_test_tools() -> Result<Env> {
    let env = ensure_build_tools()?;
    let mut missing = Vec::new();
    if !PathBuf::from("/usr/bin/chromium").exists() {
        missing.push("chromium");
    }
    if !PathBuf::from("/usr/bin/chromedriver").exists() {
        missing.push("chromium-driver");
    }
    if version_of(&env, "brotli").is_none() {
        missing.push("brotli");
    }
    if !missing.is_empty() {
        apt_install(&env, &missing)?;
    }
    Ok(env)
}
