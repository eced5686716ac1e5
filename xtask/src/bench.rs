//! `cargo xtask bench`: figures, never pass/fail. Writes `target/bench/report.{md,json}`.
//!
//! - Per demo page (`tests/bench/pages.mjs`): files and bytes from `/sdk/` as the server sends
//!   them (brotli), requests, first widget painted, main-thread time per widget, layout shift,
//!   and the same order rendered by a plain-JavaScript reference page as the physical limit.
//! - The SDK's files: the core and each widget kind's chunks (raw and brotli as served).
//! - Tracking reads under load, and a 500-event timeline.
//! - Load ladders per deployment shape against static nginx ([`crate::load_matrix`]);
//!   `--load-only` measures just those, without building the widgets.

use crate::proc::{output, Result};
use crate::{bundle, load, repo_root, server, tools};

const LOAD_SECONDS: u32 = 10;
const TIMELINE_EVENTS: usize = 500;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// Create (or replace) order 9500 for Ana with one parcel of `n` checkpoints, through the
/// admin API: the long-timeline render benchmark opens it.
fn create_long_order(port: u16, n: usize) -> Result<()> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_millis() as i64;
    let at = |hours_ago: i64| {
        aftercare_shared::Timestamp::from_utc_ms(now - hours_ago * 3_600_000, 60).to_string()
    };
    let cities = [
        "Madrid",
        "Zaragoza",
        "Barcelona",
        "Valencia",
        "Sevilla",
        "Bilbao",
    ];
    let events: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "carrier_event_id": format!("bench-{i}"),
                "status": if i == 0 { "info_received" } else { "in_transit" },
                "description": format!("Processed at sorting facility {i}"),
                "location": { "city": cities[i % cities.len()], "country": "ES" },
                "occurred_at": at((n - i) as i64),
            })
        })
        .collect();
    let order = json!({
        "order_number": "9500", "email": "ana@example.com",
        "customer": { "external_id": "cus_ana", "email": "ana@example.com", "name": "Ana López" },
        "currency": "EUR", "placed_at": at(n as i64 + 2),
        "items": [{ "sku": "BENCH-1", "title": "Benchmark parcel", "quantity": 1, "unit_price_minor": 1000 }],
        "shipments": [{ "carrier_code": "dhl", "carrier_name": "DHL", "tracking_number": "BENCH500", "shipped_at": at(n as i64 + 1),
                        "items": [{ "sku": "BENCH-1", "quantity": 1 }], "events": events }],
    });
    let auth = "Bearer sk_demo_aurora_secret";
    let (status, body) = server::http(
        port,
        "PUT",
        "/v1/admin/orders/9500",
        &[
            ("Authorization", auth),
            ("Content-Type", "application/json"),
        ],
        &order.to_string(),
    )
    .ok_or("the admin API did not answer")?;
    if !(200..300).contains(&status) {
        return Err(format!(
            "creating the {n}-event order failed: {status} {body}"
        ));
    }
    Ok(())
}

/// Raw and brotli (the `.br` twin the server sends) sizes of one SDK file.
fn sdk_file(dist: &Path, name: &str) -> Result<Value> {
    let raw = std::fs::metadata(dist.join(name))
        .map_err(|e| format!("{name}: {e}"))?
        .len();
    let br = std::fs::metadata(dist.join(format!("{name}.br")))
        .map(|m| m.len())
        .unwrap_or(raw);
    Ok(json!({ "file": name, "raw": raw, "brotli": br }))
}

/// The core and every widget kind's own files, with sizes and totals.
fn sdk_sizes(dist: &Path, m: &crate::sdk::Manifest) -> Result<Value> {
    let mut core = vec![sdk_file(dist, "aftercare.js")?];
    for f in [&m.core_glue, &m.core_link, &m.core_wasm] {
        core.push(sdk_file(dist, f)?);
    }
    let sum = |files: &[Value]| {
        files
            .iter()
            .filter_map(|f| f["brotli"].as_u64())
            .sum::<u64>()
    };
    let mut widgets = serde_json::Map::new();
    for (tag, files) in &m.widgets {
        let files = files
            .iter()
            .map(|f| sdk_file(dist, f))
            .collect::<Result<Vec<_>>>()?;
        widgets.insert(
            tag.clone(),
            json!({ "files": files, "brotli": sum(&files) }),
        );
    }
    let suite: u64 = m
        .all_files()
        .iter()
        .map(|f| sdk_file(dist, f).map(|v| v["brotli"].as_u64().unwrap_or(0)))
        .sum::<Result<u64>>()?
        + sdk_file(dist, "aftercare.js")?["brotli"]
            .as_u64()
            .unwrap_or(0);
    Ok(
        json!({ "core": core, "core_brotli": sum(&core), "widgets": widgets, "suite_brotli": suite }),
    )
}

fn median(v: &mut [f64]) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    (!v.is_empty()).then(|| v[v.len() / 2])
}

const USAGE: &str = "usage: cargo xtask bench [--runs N] | cargo xtask bench --load-only";

/// `--load-only`: the load ladders alone, to iterate on them in minutes. No widgets are
/// built: the servers serve `AFTERCARE_SDK_DIR` if set, else an empty directory. Written to
/// `target/bench/load.{md,json}` so the full report is left as it was.
fn load_only() -> Result<()> {
    let env = tools::project_env();
    let bin = server::build(&env, server::Profile::Fast)?;
    let dir = repo_root().join("target/bench");
    let sdk = match std::env::var_os("AFTERCARE_SDK_DIR") {
        Some(d) => std::path::PathBuf::from(d),
        None => dir.join("empty-sdk"),
    };
    std::fs::create_dir_all(&sdk).map_err(|e| e.to_string())?;
    let load = crate::load_matrix::run(&env, &bin, &sdk)?;
    let mut md = String::from("# Aftercare load figures\n");
    crate::load_report::section(&mut md, &load);
    md.push_str(
        "\nReproduce: `cargo xtask bench --load-only` (figures vary with the machine's load).\n",
    );
    std::fs::write(
        dir.join("load.json"),
        serde_json::to_string_pretty(&load).expect("json"),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(dir.join("load.md"), &md).map_err(|e| e.to_string())?;
    println!("{md}\nWritten to {}", dir.join("load.md").display());
    Ok(())
}

/// Build, measure, write the report, print it.
pub(crate) fn run(args: &[String]) -> Result<()> {
    let runs: usize = match args {
        [flag, n] if flag == "--runs" => n.parse().map_err(|_| "--runs takes a number")?,
        [flag] if flag == "--load-only" => return load_only(),
        [] => 7,
        _ => return Err(USAGE.into()),
    };
    let env = tools::ensure_test_tools()?;
    let b = bundle::build(&env)?;
    let dist = b.loader.parent().ok_or("no dist/")?.to_path_buf();
    let sdk = sdk_sizes(&dist, &b.manifest)?;

    let bin = server::build(&env, server::Profile::Fast)?;
    let dir = repo_root().join("target/bench");
    let _ = std::fs::remove_file(dir.join("bench.db"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let db = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
    let port = server::free_port()?;
    server::seed(&bin, &db, &format!("http://127.0.0.1:{port}"))?;
    let running = server::start(
        &bin,
        &db,
        port,
        &[
            ("AFTERCARE_LOOKUP_PER_MINUTE", "100000"),
            ("AFTERCARE_LOOKUP_PER_ORDER", "100000"),
        ],
    )?;
    let token = server::http_get(port, "/demo/customer-token?customer=cus_ana")
        .and_then(|(_, body)| serde_json::from_str::<Value>(&body).ok())
        .and_then(|v| v["token"].as_str().map(str::to_owned))
        .ok_or("could not mint a demo customer token")?;
    let headers = [
        ("Aftercare-Key", crate::demo::DEMO_KEY.to_owned()),
        ("Authorization", format!("Bearer {token}")),
    ];
    let mut latency = Vec::new();
    for rate in [250u32, 1000] {
        println!("Loading GET /v1/orders/1002 at {rate} req/s for {LOAD_SECONDS} s…");
        let s = load::run(port, "/v1/orders/1002", &headers, rate, LOAD_SECONDS, 32);
        latency.push(json!({ "rate": rate, "seconds": LOAD_SECONDS, "sent": s.sent, "errors": s.errors, "achieved_rps": s.achieved_rps, "p50_ms": s.p50_ms, "p90_ms": s.p90_ms, "p99_ms": s.p99_ms, "max_ms": s.max_ms }));
    }
    create_long_order(port, TIMELINE_EVENTS)?;
    let timeline = output(
        Command::new("node")
            .env("PATH", &env.path)
            .current_dir(repo_root())
            .args([
                "tests/bench/timeline.mjs",
                &running.url,
                &token,
                &runs.to_string(),
            ]),
    )
    .ok_or("tests/bench/timeline.mjs failed")?;
    let timeline: Value = serde_json::from_str(&timeline)
        .map_err(|e| format!("timeline.mjs printed no JSON: {e}"))?;
    let mut first: Vec<f64> = timeline["first_render_ms"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let mut render: Vec<f64> = timeline["render_ms"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let mut frames: Vec<f64> = timeline["frames"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let pages = output(
        Command::new("node")
            .env("PATH", &env.path)
            .current_dir(repo_root())
            .args([
                "tests/bench/pages.mjs",
                &running.url,
                &runs.to_string(),
                &token,
            ]),
    )
    .ok_or("tests/bench/pages.mjs failed")?;
    let console = output(
        Command::new("node")
            .env("PATH", &env.path)
            .current_dir(repo_root())
            .args([
                "tests/bench/console.mjs",
                &running.url,
                &runs.to_string(),
                crate::demo::CONSOLE_OWNER,
                crate::demo::CONSOLE_PASSWORD,
            ]),
    )
    .ok_or("tests/bench/console.mjs failed")?;
    drop(running);
    let console: Value =
        serde_json::from_str(&console).map_err(|e| format!("console.mjs printed no JSON: {e}"))?;
    let pages: Value =
        serde_json::from_str(&pages).map_err(|e| format!("pages.mjs printed no JSON: {e}"))?;
    let load = crate::load_matrix::run(&env, &bin, &dist)?;

    let report = json!({
        "sdk": sdk,
        "pages": pages,
        "console": console,
        "tracking_get_latency": latency,
        "load": load,
        "timeline_500": { "events": TIMELINE_EVENTS, "first_render_ms_median": median(&mut first), "first_render_ms": first, "render_ms_median": median(&mut render), "render_ms": render, "frames_median": median(&mut frames), "frames": frames },
    });
    let md = crate::bench_report::markdown(&report);
    std::fs::write(
        dir.join("report.json"),
        serde_json::to_string_pretty(&report).expect("json"),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(dir.join("report.md"), &md).map_err(|e| e.to_string())?;
    println!("{md}\nWritten to {}", dir.join("report.md").display());
    Ok(())
}
