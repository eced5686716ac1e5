//! `cargo xtask demo | test | bench | build | cluster`: the README's commands.
//!
//! Each command first installs whatever this machine is missing (so a fresh machine needs
//! nothing but Rust and Node), then does its job. Everything is plain std + processes, so the
//! xtask itself compiles in seconds.

mod bench;
mod bench_report;
mod bundle;
mod cluster;
mod cluster_check;
mod contract;
mod demo;
mod e2e;
mod load;
mod load_ladder;
mod load_matrix;
mod load_report;
mod postgres;
mod proc;
mod sdk;
mod server;
mod smtp;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

/// Where the repository lives (the xtask crate's parent).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repo")
        .to_path_buf()
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: cargo xtask <command>\n\n  demo    install what is missing, build the widgets, seed SQLite and serve the demo storefront\n  test    install what is missing and run every test suite (native, wasm in Chromium, Playwright on SQLite and through the cluster)\n  contract  the OpenAPI linter and Schemathesis against a seeded server (part of test)\n  bench   build in release mode and write size / render / latency / load figures to target/bench/\n          (--load-only: only the load ladders, no widgets, into target/bench/load.md)\n  build   build the widget bundle into dist/ only\n  cluster PostgreSQL + two server instances behind nginx on one port (--check: prove it, then stop;\n          --e2e: the Playwright suite through it, then stop)"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("contract") => contract::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("cluster") => cluster::run(&args[1..]),
        Some("build") => {
            tools::ensure_build_tools().and_then(|env| bundle::build(&env).map(|_| ()))
        }
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
