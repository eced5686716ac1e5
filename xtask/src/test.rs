//! `cargo xtask test`: every suite, one exit code, one closing `N passed, N failed` line.
//!
//! Suites: the code's habits (clippy with `-D warnings` on the whole workspace and on the
//! widgets' wasm build, `cargo fmt --check`), native `cargo test` (shared, server, xtask),
//! the API contract (the OpenAPI linter and Schemathesis against a seeded server:
//! [`contract`]), `wasm-bindgen-test` for the widgets in headless Chromium, and the Playwright
//! end-to-end tests against the real server serving the demo storefront ([`e2e`]): on a fresh
//! SQLite database, then again through the cluster (PostgreSQL, two instances, nginx).

use crate::proc::{describe, Env, Result};
use crate::{contract, e2e, postgres, repo_root, server, smtp, tools};

/// The contract suite's name in the summary.
const CONTRACT: &str = "API contract (Redocly lint, Schemathesis)";
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Counts from one suite.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed (a suite that could not run counts as one failure).
    pub failed: u64,
}

/// Sum cargo / wasm-bindgen-test-runner `test result:` lines.
pub(crate) fn parse_cargo(output: &str) -> Counts {
    let mut c = Counts::default();
    for line in output
        .lines()
        .filter(|l| l.trim_start().starts_with("test result:"))
    {
        let num_before = |word: &str| {
            line.split(';')
                .find(|p| p.trim().ends_with(word))
                .and_then(|p| p.split_whitespace().rev().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        };
        c.passed += num_before("passed");
        c.failed += num_before("failed");
    }
    c
}

/// Playwright JSON reporter stats: expected + flaky count as passed, unexpected as failed.
pub(crate) fn parse_playwright(json: &str) -> Option<Counts> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    let stats = v.get("stats")?;
    let n = |k: &str| {
        stats
            .get(k)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    Some(Counts {
        passed: n("expected") + n("flaky"),
        failed: n("unexpected"),
    })
}

/// Run a command streaming its output, and return it for parsing.
pub(crate) fn run_captured(cmd: &mut Command) -> (bool, String) {
    println!("$ {}", describe(cmd));
    let mut child = match cmd.stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn() {
        Ok(c) => c,
        Err(e) => return (false, format!("could not start: {e}")),
    };
    let mut all = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            all.push_str(&line);
            all.push('\n');
        }
    }
    let ok = child.wait().is_ok_and(|s| s.success());
    (ok, all)
}

/// Print a suite's line of the summary and return its counts (what the total adds up).
pub(crate) fn suite_counts(name: &str, ok: bool, counts: Counts) -> Counts {
    // A suite that failed without reporting a failed test (build error, crash) still fails.
    let counts = if !ok && counts.failed == 0 {
        Counts {
            failed: 1,
            ..counts
        }
    } else {
        counts
    };
    println!(
        "== {name}: {} passed, {} failed\n",
        counts.passed, counts.failed
    );
    counts
}

/// Each habit check counts as one test: clippy (native, whole workspace), clippy (the widgets'
/// wasm build with the split points), rustfmt, and the composition example building for the
/// browser as a Rust developer would build it.
fn habits(env: &Env) -> Counts {
    let checks: [(&str, &[&str]); 4] = [
        (
            "clippy --workspace",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "clippy widgets (wasm, split)",
            &[
                "clippy",
                "-p",
                "aftercare-widgets",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--features",
                "split",
                "--",
                "-D",
                "warnings",
            ],
        ),
        ("rustfmt", &["fmt", "--all", "--check"]),
        (
            "example: two widgets in one Leptos app (wasm)",
            &[
                "build",
                "-p",
                "aftercare-example-compose",
                "--target",
                "wasm32-unknown-unknown",
            ],
        ),
    ];
    let mut counts = Counts::default();
    for (name, args) in checks {
        let (ok, _) = run_captured(env.cmd("cargo").args(args));
        if ok {
            counts.passed += 1;
        } else {
            eprintln!("{name} failed: see its output above");
            counts.failed += 1;
        }
    }
    suite_counts("clippy, rustfmt and the example", true, counts)
}

fn native(env: &Env) -> Counts {
    let mut cmd = env.cmd("cargo");
    cmd.args(["test", "--workspace", "--exclude", "aftercare-widgets"]);
    // Each server test seeds its own SQLite database, which commits with `synchronous = FULL`:
    // on a RAM-backed folder those fsyncs cost nothing (a quarter of the suite's time on disk).
    if let Some(dir) = ram_tmp() {
        cmd.env("TMPDIR", dir);
    }
    // The server's tests run on SQLite always, and on PostgreSQL too when a cluster is given.
    let cluster = postgres::start(env)
        .map_err(|e| eprintln!("PostgreSQL unavailable, its tests run on SQLite only: {e}"))
        .ok();
    if let Some(c) = &cluster {
        cmd.env("AFTERCARE_TEST_POSTGRES_URL", &c.url);
    }
    // Emails go through a real SMTP server too; without one that test fails, saying why.
    let smtp = smtp::start(env)
        .map_err(|e| eprintln!("the SMTP test server did not start: {e}"))
        .ok();
    if let Some(s) = &smtp {
        cmd.env("AFTERCARE_TEST_SMTP_URL", &s.url)
            .env("AFTERCARE_TEST_SMTP_DIR", &s.maildir);
    } else {
        cmd.env("AFTERCARE_TEST_SMTP_URL", "unavailable");
    }
    let (ok, out) = run_captured(&mut cmd);
    drop(cluster);
    drop(smtp);
    // The translation tables and their rules are tested in the shared crate; the widgets'
    // own tests need a browser and run in the wasm suite.
    suite_counts("native cargo test", ok, parse_cargo(&out))
}

/// A folder on `/dev/shm` for the tests' temporary files, when it is a RAM disk with at least
/// 2 GB free; `None` (the system's temporary folder) otherwise.
fn ram_tmp() -> Option<std::path::PathBuf> {
    let out = Command::new("df")
        .args(["--output=fstype,avail", "-k", "/dev/shm"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut fields = text.lines().nth(1)?.split_whitespace();
    let (fstype, avail_kb) = (fields.next()?, fields.next()?.parse::<u64>().ok()?);
    if fstype != "tmpfs" || avail_kb < 2 * 1024 * 1024 {
        return None;
    }
    let dir = std::path::PathBuf::from("/dev/shm/aftercare-tests");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

fn wasm(env: &Env) -> Counts {
    let mut cmd = env.cmd("cargo");
    cmd.args([
        "test",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "aftercare-widgets",
    ])
    .env("CHROMEDRIVER", "/usr/bin/chromedriver")
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    let (ok, out) = run_captured(&mut cmd);
    suite_counts("wasm-bindgen-test (Chromium)", ok, parse_cargo(&out))
}

/// Install, run every suite, print the total; Err when anything failed.
pub(crate) fn run(args: &[String]) -> Result<()> {
    if !args.is_empty() {
        return Err("usage: cargo xtask test".into());
    }
    let started = std::time::Instant::now();
    let env = tools::ensure_test_tools()?;
    let mut total = Counts::default();
    let habits = habits(&env);
    let native = native(&env);
    let contract = contract::run_suite(&env, false).map_or_else(
        |e| {
            eprintln!("the API contract suite could not run: {e}");
            suite_counts(CONTRACT, false, Counts::default())
        },
        |(ok, counts)| suite_counts(CONTRACT, ok, counts),
    );
    let wasm = wasm(&env);
    let e2e = e2e::sqlite(&env).unwrap_or_else(|e| {
        eprintln!("end-to-end suite could not run: {e}");
        suite_counts(e2e::SQLITE, false, Counts::default())
    });
    // The same suite through the cluster, on the SDK the SQLite suite built.
    let e2e_cluster = server::build(&env, server::Profile::Dev)
        .and_then(|bin| e2e::cluster(&env, &bin, &repo_root().join("dist"), None))
        .unwrap_or_else(|e| {
            eprintln!("the end-to-end suite through the cluster could not run: {e}");
            suite_counts(e2e::CLUSTER, false, Counts::default())
        });
    for c in [habits, native, contract, wasm, e2e, e2e_cluster] {
        total.passed += c.passed;
        total.failed += c.failed;
    }
    println!(
        "All suites finished in {:.0} s.",
        started.elapsed().as_secs_f64()
    );
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} test(s) failed", total.failed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_cargo_result_lines() {
        let out = "test result: ok. 23 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.03s\n\
                   noise\n  test result: FAILED. 4 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out\n";
        assert_eq!(
            parse_cargo(out),
            Counts {
                passed: 27,
                failed: 2
            }
        );
        assert_eq!(parse_cargo("nothing"), Counts::default());
    }

    #[test]
    fn reads_playwright_stats() {
        let j = r#"{"stats":{"expected":9,"unexpected":1,"flaky":2,"skipped":0}}"#;
        assert_eq!(
            parse_playwright(j),
            Some(Counts {
                passed: 11,
                failed: 1
            })
        );
        assert_eq!(parse_playwright("{}"), None);
    }

    #[test]
    fn a_crashed_suite_fails() {
        assert_eq!(
            suite_counts(
                "x",
                false,
                Counts {
                    passed: 3,
                    failed: 0
                }
            ),
            Counts {
                passed: 3,
                failed: 1
            }
        );
        assert_eq!(
            suite_counts(
                "x",
                true,
                Counts {
                    passed: 3,
                    failed: 0
                }
            ),
            Counts {
                passed: 3,
                failed: 0
            }
        );
    }
}
