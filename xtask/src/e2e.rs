//! The Playwright end-to-end suite (`tests/e2e`), run twice by `cargo xtask test`: against one
//! server on a fresh SQLite database, then through the cluster (a fresh PostgreSQL, two
//! instances, nginx round-robin: [`crate::cluster`]), so everything a shopper does is proven
//! to work when consecutive requests land on different instances.

use crate::proc::{Env, Result};
use crate::test::{parse_playwright, run_captured, suite_counts, Counts};
use crate::{bundle, cluster, repo_root, server};
use std::path::Path;
use std::time::Instant;

/// The SQLite suite's name in the summary.
pub(crate) const SQLITE: &str = "Playwright end-to-end (Chromium)";
/// The cluster suite's name in the summary.
pub(crate) const CLUSTER: &str =
    "Playwright end-to-end through the cluster (PostgreSQL, 2 instances, nginx)";

/// Generous guest-lookup and console sign-in limits: every test looks orders up (and signs
/// the demo users in) from the same loopback address, and a rerun within 15 minutes reuses
/// the database. Given to every instance, since each one enforces the (shared) limit it was
/// started with.
const LIMITS: [(&str, &str); 3] = [
    ("AFTERCARE_LOOKUP_PER_MINUTE", "10000"),
    ("AFTERCARE_LOOKUP_PER_ORDER", "10000"),
    ("AFTERCARE_CONSOLE_SIGN_INS", "10000"),
];

/// Run the suite against `url`, with its report and failure screenshots under `dir`.
fn playwright(env: &Env, url: &str, dir: &Path) -> (bool, Counts) {
    let report = dir.join("playwright.json");
    let mut cmd = env.cmd("npx");
    cmd.args([
        "playwright",
        "test",
        "--config",
        "tests/playwright.config.js",
    ])
    .env("AFTERCARE_BASE_URL", url)
    .env("AFTERCARE_ADMIN_KEY", "sk_demo_aurora_secret")
    .env("AFTERCARE_E2E_RESULTS", dir.join("results"))
    .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report);
    let (ok, _) = run_captured(&mut cmd);
    let counts = std::fs::read_to_string(&report)
        .ok()
        .and_then(|j| parse_playwright(&j))
        .unwrap_or_default();
    (ok, counts)
}

/// An emptied directory under `target/`.
fn fresh_dir(name: &str) -> Result<std::path::PathBuf> {
    let dir = repo_root().join("target").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// The suite against one `serve --demo` on a fresh SQLite database (builds the SDK if stale).
pub(crate) fn sqlite(env: &Env) -> Result<Counts> {
    bundle::build(env)?;
    let bin = server::build(env, server::Profile::Dev)?;
    let dir = fresh_dir("e2e")?;
    let db = format!("sqlite://{}?mode=rwc", dir.join("e2e.db").display());
    let port = server::free_port()?;
    server::seed(&bin, &db, &format!("http://127.0.0.1:{port}"))?;
    let running = server::start(&bin, &db, port, &LIMITS)?;
    let (ok, counts) = playwright(env, &running.url, &dir);
    drop(running);
    Ok(suite_counts(SQLITE, ok, counts))
}

/// The suite through a fresh cluster serving `sdk`, on `port` (nginx; the next three for the
/// instances and PostgreSQL) or free ones. The cluster is stopped before this returns, the
/// tests' outcome whatever it is (its processes stop when `Running` drops, on a panic too).
pub(crate) fn cluster(env: &Env, bin: &Path, sdk: &Path, port: Option<u16>) -> Result<Counts> {
    let started = Instant::now();
    let dir = fresh_dir("e2e-cluster")?;
    let port = match port {
        Some(p) => p,
        None => server::free_ports(4)?,
    };
    let spec = cluster::Spec {
        port,
        work: dir.clone(),
        sdk_dir: sdk,
        env: &LIMITS,
    };
    let running = cluster::start(env, bin, &spec)?;
    let ready = started.elapsed().as_secs_f64();
    let (ok, mut counts) = playwright(env, &running.url, &dir);
    let served = running.requests_per_instance();
    drop(running);
    println!("nginx passed the suite's requests to the instances: {served:?}");
    if served.iter().any(|(_, n)| *n == 0) {
        eprintln!("the suite did not go through both instances: {served:?}");
        counts.failed += 1;
    }
    println!(
        "The cluster suite took {:.0} s ({ready:.0} s to start PostgreSQL, seed it and start \
         both instances and nginx; stopped after the tests).",
        started.elapsed().as_secs_f64()
    );
    Ok(suite_counts(CLUSTER, ok, counts))
}
