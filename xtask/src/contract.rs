//! The API contract suite: the served OpenAPI document must pass the Redocly linter
//! (`tests/contract/redocly.yaml`: the recommended rules, warnings counted as errors) and
//! the server must keep every promise the document makes under Schemathesis (every check,
//! every phase including stateful), against a freshly seeded demo server.
//!
//! Schemathesis is pinned in `tests/contract/requirements.txt` and installed into its own
//! virtual environment under `target/tools/` on first use; Redocly comes with `npm ci`.
//! Failures already known are listed in `tests/contract/baseline.json`: a run fails on any
//! other, and the file must only shrink (see `docs/CONTRACT.md`).

use crate::proc::{self, describe, output, Env, Result};
use crate::test::Counts;
use crate::{repo_root, server, tools};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `/metrics` token of the server under test (the route is off without one).
const METRICS_TOKEN: &str = "contract-suite-metrics";

/// How long the fuzzing and stateful phases may run at most, in seconds (CI's budget).
const FUZZ_SECONDS: &str = "540";

/// Generated cases per operation and phase: a fixed amount of work, so that with [`SEED`]
/// two runs on a fresh database ask the same questions.
const EXAMPLES: &str = "12";

/// Schemathesis's random seed (change it to explore; the baseline is recorded with it).
const SEED: &str = "15";

fn venv() -> PathBuf {
    repo_root().join("target/tools/schemathesis")
}

/// The pinned Schemathesis, installed once per machine (a virtual environment, so nothing
/// touches the system's Python).
fn ensure_schemathesis(env: &Env) -> Result<PathBuf> {
    let root = repo_root();
    let requirements = root.join("tests/contract/requirements.txt");
    let pinned = std::fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let want = pinned
        .lines()
        .find_map(|l| l.trim().strip_prefix("schemathesis=="))
        .ok_or("tests/contract/requirements.txt pins no schemathesis version")?
        .to_owned();
    let st = venv().join("bin/st");
    if output(Command::new(&st).arg("--version")).is_some_and(|v| v.contains(&want)) {
        return Ok(st);
    }
    println!("Installing Schemathesis {want} (a minute, once per machine)…");
    if output(env.cmd("python3").args(["-c", "import venv, ensurepip"])).is_none() {
        tools::apt_install(env, &["python3", "python3-venv"])?;
    }
    let _ = std::fs::remove_dir_all(venv());
    proc::run(env.cmd("python3").arg("-m").arg("venv").arg(venv()))?;
    proc::run(
        Command::new(venv().join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    Ok(st)
}

/// JUnit counts: (test cases, failed or errored test cases).
pub(crate) fn parse_junit(xml: &str) -> (u64, u64) {
    let cases: Vec<&str> = xml.split("<testcase").skip(1).collect();
    let failed = cases
        .iter()
        .filter(|c| {
            let body = c.split("</testcase>").next().unwrap_or_default();
            body.contains("<failure") || body.contains("<error")
        })
        .count();
    (cases.len() as u64, failed as u64)
}

fn lint(env: &Env, document: &Path) -> bool {
    let mut cmd = env.cmd("npx");
    cmd.args(["redocly", "lint", "--config", "tests/contract/redocly.yaml"])
        .arg(document)
        .current_dir(repo_root());
    println!("$ {}", describe(&cmd));
    cmd.status().is_ok_and(|s| s.success())
}

fn fuzz(st: &Path, base: &str, token: &str, report: &Path, update_baseline: bool) -> bool {
    let dir = repo_root().join("tests/contract");
    let mut cmd = Command::new(st);
    cmd.current_dir(&dir)
        .args(["run", &format!("{base}/v1/openapi.json")])
        .args(["--phases", "examples,coverage,fuzzing,stateful"])
        .args(["--max-examples", EXAMPLES, "--seed", SEED, "--workers", "2"])
        .args(["--max-time", FUZZ_SECONDS])
        .args(["--baseline", "baseline.json"])
        .args(if update_baseline {
            &["--baseline-update"][..]
        } else {
            &[]
        })
        .args(["--report", "junit", "--report-junit-path"])
        .arg(report)
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("PYTHONPATH", &dir)
        .env("AFTERCARE_BASE_URL", base)
        .env("AFTERCARE_PK", "pk_demo_aurora")
        .env("AFTERCARE_SK", "sk_demo_aurora_secret")
        .env("AFTERCARE_TOKEN", token)
        .env("AFTERCARE_METRICS_TOKEN", METRICS_TOKEN);
    println!("$ {}", describe(&cmd));
    cmd.status().is_ok_and(|s| s.success())
}

/// Run both tools against a fresh seeded server: (ok, counts). The lint counts as one test;
/// each operation Schemathesis tested counts as one.
pub(crate) fn run_suite(env: &Env, update_baseline: bool) -> Result<(bool, Counts)> {
    let st = ensure_schemathesis(env)?;
    let bin = server::build(env, server::Profile::Dev)?;
    let dir = repo_root().join("target/contract");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let db = format!("sqlite://{}?mode=rwc", dir.join("contract.db").display());
    let port = server::free_port()?;
    let base = format!("http://127.0.0.1:{port}");
    server::seed(&bin, &db, &base)?;
    let token = output(server::command(&bin, &db).args([
        "token",
        "--customer",
        "cus_ana",
        "--ttl",
        "86400",
    ]))
    .map(|t| t.trim().to_owned())
    .ok_or("could not mint a customer token")?;
    // Limits high enough for a fuzzer on one loopback address; their 429s are tested elsewhere.
    let running = server::start(
        &bin,
        &db,
        port,
        &[
            ("AFTERCARE_LOOKUP_PER_MINUTE", "1000000"),
            ("AFTERCARE_LOOKUP_PER_ORDER", "1000000"),
            ("AFTERCARE_VOTES_PER_MINUTE", "1000000"),
            ("AFTERCARE_METRICS_TOKEN", METRICS_TOKEN),
        ],
    )?;
    let document = dir.join("openapi.json");
    let (status, body) = server::http_get(port, "/v1/openapi.json")
        .ok_or("the server did not serve /v1/openapi.json")?;
    if status != 200 {
        return Err(format!("/v1/openapi.json answered {status}"));
    }
    std::fs::write(&document, body).map_err(|e| e.to_string())?;
    let linted = lint(env, &document);
    if update_baseline {
        println!("Schemathesis will add this run's failures to tests/contract/baseline.json");
    }
    let report = dir.join("schemathesis.xml");
    let fuzzed = fuzz(&st, &base, &token, &report, update_baseline);
    drop(running);
    let (cases, failed) = std::fs::read_to_string(&report)
        .map(|x| parse_junit(&x))
        .unwrap_or((0, 0));
    let failed = if fuzzed { 0 } else { failed.max(1) };
    let counts = Counts {
        passed: u64::from(linted) + cases.saturating_sub(failed),
        failed: u64::from(!linted) + failed,
    };
    Ok((linted && fuzzed, counts))
}

/// `cargo xtask contract [--update-baseline]`: this suite alone (tools installed as for
/// `test`); `--update-baseline` records this run's failures as known.
pub(crate) fn run(args: &[String]) -> Result<()> {
    let update = match args {
        [] => false,
        [a] if a == "--update-baseline" => true,
        _ => return Err("usage: cargo xtask contract [--update-baseline]".into()),
    };
    let env = tools::ensure_build_tools()?;
    let (ok, counts) = run_suite(&env, update)?;
    println!("{} passed, {} failed", counts.passed, counts.failed);
    if ok {
        Ok(())
    } else {
        Err("the API contract suite failed".into())
    }
}

#[cfg(test)]
mod tests {
    use super::parse_junit;

    #[test]
    fn counts_junit_cases() {
        let xml = r#"<testsuite><testcase name="GET /a"></testcase><testcase name="POST /b"><failure message="x"/></testcase><testcase name="PUT /c"><error message="y"/></testcase></testsuite>"#;
        assert_eq!(parse_junit(xml), (3, 2));
        assert_eq!(parse_junit(""), (0, 0));
    }
}
