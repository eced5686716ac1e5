//! `cargo xtask bench`: figures, never pass/fail. Writes `target/bench/report.{md,json}`.
//!
//! - Bundle sizes (loader, glue, wasm; raw / gzip -9 / brotli -q 11).
//! - Time from navigation to the first tracking widget painted, and layout shift, in headless
//!   Chromium against the real server (median of several runs; `tests/bench/paint.mjs`).

use crate::proc::{output, Env, Result};
use crate::{bundle, load, repo_root, server, tools};

const LOAD_SECONDS: u32 = 10;
const TIMELINE_EVENTS: usize = 500;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

fn compressed_len(env: &Env, program: &str, args: &[&str], file: &Path) -> Result<u64> {
    let out = env
        .cmd(program)
        .args(args)
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{program} failed on {}", file.display()));
    }
    Ok(out.stdout.len() as u64)
}

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

/// Raw, gzip and brotli sizes of one file.
fn sizes(env: &Env, file: &Path) -> Result<Value> {
    let raw = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    let gzip = compressed_len(env, "gzip", &["-9", "-c"], file)?;
    let brotli = compressed_len(env, "brotli", &["-q", "11", "-c"], file)?;
    Ok(
        json!({ "file": file.file_name().map(|n| n.to_string_lossy().into_owned()), "raw": raw, "gzip": gzip, "brotli": brotli }),
    )
}

fn median(v: &mut [f64]) -> Option<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    (!v.is_empty()).then(|| v[v.len() / 2])
}

/// Build, measure, write the report, print it.
pub fn run(args: &[String]) -> Result<()> {
    let runs: usize = match args {
        [flag, n] if flag == "--runs" => n.parse().map_err(|_| "--runs takes a number")?,
        [] => 7,
        _ => return Err("usage: cargo xtask bench [--runs N]".into()),
    };
    let env = tools::ensure_test_tools()?;
    let b = bundle::build(&env)?;
    let dist = b.loader.parent().ok_or("no dist/")?.to_path_buf();
    let (loader, glue, wasm) = (
        sizes(&env, &b.loader)?,
        sizes(&env, &dist.join(&b.manifest.core_glue))?,
        sizes(&env, &dist.join(&b.manifest.core_wasm))?,
    );
    let widgets_br = glue["brotli"].as_u64().unwrap_or(0) + wasm["brotli"].as_u64().unwrap_or(0);

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
    let paint = output(
        Command::new("node")
            .env("PATH", &env.path)
            .current_dir(repo_root())
            .args(["tests/bench/paint.mjs", &running.url, &runs.to_string()]),
    )
    .ok_or("tests/bench/paint.mjs failed")?;
    drop(running);
    let paint: Value =
        serde_json::from_str(&paint).map_err(|e| format!("paint.mjs printed no JSON: {e}"))?;
    let mut ready: Vec<f64> = paint["ready_ms"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let mut cls: Vec<f64> = paint["cls"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();

    let report = json!({
        "sizes": { "loader": loader, "glue": glue, "wasm": wasm, "widgets_brotli_total": widgets_br },
        "first_widget_paint_ms": { "runs": ready.len(), "median": median(&mut ready), "all": ready },
        "layout_shift": { "median": median(&mut cls), "all": cls },
        "tracking_get_latency": latency,
        "timeline_500": { "events": TIMELINE_EVENTS, "first_render_ms_median": median(&mut first), "first_render_ms": first, "render_ms_median": median(&mut render), "render_ms": render, "frames_median": median(&mut frames), "frames": frames },
    });
    let latency_rows: String = report["tracking_get_latency"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            format!(
                "| {} | {} | {:.0} | {} | {:.2} | {:.2} | {:.2} | {:.2} |\n",
                r["rate"],
                r["sent"],
                r["achieved_rps"].as_f64().unwrap_or(0.0),
                r["errors"],
                r["p50_ms"].as_f64().unwrap_or(0.0),
                r["p90_ms"].as_f64().unwrap_or(0.0),
                r["p99_ms"].as_f64().unwrap_or(0.0),
                r["max_ms"].as_f64().unwrap_or(0.0)
            )
        })
        .collect();
    let row = |name: &str, v: &Value| {
        format!(
            "| {name} | `{}` | {} | {} | {} |",
            v["file"].as_str().unwrap_or("?"),
            v["raw"],
            v["gzip"],
            v["brotli"]
        )
    };
    let md = format!(
        "# Aftercare benchmark report\n\nTargets: loader ≤ 1 KB brotli; all widgets ≤ 100 KB brotli (wasm + glue); zero layout shift.\n\n## Bundle sizes (bytes)\n| part | file | raw | gzip -9 | brotli -q 11 |\n|---|---|---|---|---|\n{}\n{}\n{}\n\nWidgets (wasm + glue), brotli: **{widgets_br} bytes**.\n\n## First tracking widget painted (headless Chromium, loopback)\nMedian of {} runs: **{} ms** from navigation start to the widget's `aftercare:ready`. All: {}.\n\nCumulative layout shift, median: **{}**.\n\n## Tracking reads under load (loopback, 2 cores shared with the load generator)\n`GET /v1/orders/1002` with a customer token, open-loop at a fixed rate over 32 keep-alive connections; latency from the scheduled send time (server built with the `native-release` profile, SQLite).\n\n| target req/s | sent | achieved req/s | errors | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n{latency_rows}\n## A {}-event timeline\nOrder 9500 (one parcel, {} checkpoints, created through the admin API), opened with a customer token.\n- First render, from the end of the order's HTTP response to the painted frame showing the latest 3 checkpoints (JSON decode + view build + layout; the older ones are built on \"Show all\"): median **{} ms**.\n- \"Show all\": from the click until all checkpoints are visible and painted: median **{} ms**, **{} frame(s)**. All runs (ms): {}.\n\nReproduce: `cargo xtask bench`.\n",
        row("loader", &loader), row("glue", &glue), row("wasm", &wasm),
        report["first_widget_paint_ms"]["runs"], report["first_widget_paint_ms"]["median"], report["first_widget_paint_ms"]["all"], report["layout_shift"]["median"],
        TIMELINE_EVENTS,
        TIMELINE_EVENTS,
        report["timeline_500"]["first_render_ms_median"],
        report["timeline_500"]["render_ms_median"],
        report["timeline_500"]["frames_median"],
        report["timeline_500"]["render_ms"],
    );
    std::fs::write(
        dir.join("report.json"),
        serde_json::to_string_pretty(&report).expect("json"),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(dir.join("report.md"), &md).map_err(|e| e.to_string())?;
    println!("{md}\nWritten to {}", dir.join("report.md").display());
    Ok(())
}
