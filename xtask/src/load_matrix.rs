//! The load section of `cargo xtask bench`: tracking reads and survey-response writes at a
//! ladder of fixed rates ([`crate::load_ladder`]) on each deployment shape, in one run, on
//! the release-built server:
//!
//! - SQLite, one instance;
//! - PostgreSQL, one instance (instance `a` of the cluster, addressed directly);
//! - PostgreSQL, two instances behind nginx ([`crate::cluster`]);
//! - nginx serving the same tracking JSON as a static file: the practical ceiling of an HTTP
//!   server on this machine, which every other figure is divided by.
//!
//! The write is `PUT /v1/survey-responses/{id}` with a fresh id per request: a real widget
//! write (customer lookup, order check, one insert), idempotent by design.
//!
//! The load generator runs on the same cores as the servers; the figures say so.

use crate::cluster;
use crate::load::{self, Fill};
use crate::load_ladder::{self as ladder, Step, RATES, STEP_SECONDS};
use crate::proc::{Env, Result};
use crate::{repo_root, server};
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;

/// Keep-alive connections the generator opens, as for the older 1k req/s figure.
const CONNECTIONS: usize = 32;
/// The SQLite server's port.
const PORT_SQLITE: u16 = 18610;
/// The cluster's nginx; its instances take the next two ports and PostgreSQL the third.
const PORT_CLUSTER: u16 = 18620;
/// The static-file nginx.
const PORT_STATIC: u16 = 18630;
/// The tracking read the widgets make (Ana's order, with a customer token).
const ORDER_PATH: &str = "/v1/orders/1002";
/// The read's name in the report.
const READ: &str = "GET /v1/orders/1002";
/// The write's name in the report.
const WRITE: &str = "PUT /v1/survey-responses/{id}";

/// A shopper's headers for one deployment: the demo store's key and a fresh customer token
/// for Ana, minted by that deployment (each cluster instance verifies it against the shared
/// store secret).
fn shopper(port: u16) -> Result<Vec<(&'static str, String)>> {
    let token = server::http_get(port, "/demo/customer-token?customer=cus_ana")
        .and_then(|(_, body)| serde_json::from_str::<Value>(&body).ok())
        .and_then(|v| v["token"].as_str().map(str::to_owned))
        .ok_or_else(|| format!("could not mint a demo customer token on port {port}"))?;
    Ok(vec![
        ("Aftercare-Key", crate::demo::DEMO_KEY.to_owned()),
        ("Authorization", format!("Bearer {token}")),
    ])
}

/// The tracking JSON exactly as the server sends it, for nginx to serve as a file.
fn tracking_body(port: u16, headers: &[(&'static str, String)]) -> Result<String> {
    let h: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match server::http(port, "GET", ORDER_PATH, &h, "") {
        Some((200, body)) if serde_json::from_str::<Value>(&body).is_ok() => Ok(body),
        other => Err(format!("{READ} did not answer JSON: {other:?}")),
    }
}

/// The 1-, 5- and 15-minute load averages: the figures are only as quiet as the machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// A survey response id unique across the whole run: 8–64 of `[A-Za-z0-9_-]`, as the API
/// requires, from the deployment's tag, the rung's rate and the request's index.
fn survey_id(tag: &str, rate: u32, i: usize) -> String {
    format!("{tag}-{rate}-{i:07}")
}

/// Request `i` of the write at `rate`: a promoter's NPS answer about order 1002, under a
/// fresh id so every request inserts a row (a repeated id would be a cheaper no-op update).
fn write_fill(port: u16, headers: &[(&'static str, String)], tag: &str, rate: u32) -> Fill {
    let headers: Vec<(&str, String)> = headers.to_vec();
    let tag = tag.to_owned();
    let body = r#"{"kind":"nps","score":9,"order_number":"1002","visit_id":"loadbench-visit"}"#;
    Arc::new(move |i, buf: &mut Vec<u8>| {
        let path = format!("/v1/survey-responses/{}", survey_id(&tag, rate, i));
        buf.extend(load::request_bytes(port, "PUT", &path, &headers, body));
    })
}

/// One second at the lowest rate, not reported: connections, pools and caches warm.
fn warm_up(port: u16, fill: Fill) {
    load::run_with(port, fill, RATES[0], 1, CONNECTIONS);
}

/// The read ladder on `port`.
fn read_ladder(port: u16, headers: &[(&'static str, String)]) -> Vec<Step> {
    let req: Arc<[u8]> = load::request_bytes(port, "GET", ORDER_PATH, headers, "").into();
    let fill = || -> Fill {
        let req = req.clone();
        Arc::new(move |_, buf: &mut Vec<u8>| buf.extend_from_slice(&req))
    };
    warm_up(port, fill());
    ladder::ladder(&RATES, |rate| {
        println!("  {READ} at {rate} req/s for {STEP_SECONDS} s…");
        load::run_with(port, fill(), rate, STEP_SECONDS, CONNECTIONS)
    })
}

/// The write ladder on `port`; `tag` keeps this deployment's ids apart from the others'.
fn write_ladder(port: u16, headers: &[(&'static str, String)], tag: &str) -> Vec<Step> {
    warm_up(port, write_fill(port, headers, &format!("{tag}w"), 0));
    ladder::ladder(&RATES, |rate| {
        println!("  {WRITE} at {rate} req/s for {STEP_SECONDS} s…");
        load::run_with(
            port,
            write_fill(port, headers, tag, rate),
            rate,
            STEP_SECONDS,
            CONNECTIONS,
        )
    })
}

/// One deployment's ladders, measured before the ceiling is known.
struct Measured {
    /// Its name in the report.
    name: &'static str,
    /// The load average when its ladders finished.
    load_average: String,
    /// `(request, rungs)` per request kind.
    ladders: Vec<(&'static str, Vec<Step>)>,
}

/// Read and write ladders on `port`, announced under `name`.
fn both(name: &'static str, port: u16, tag: &str) -> Result<Measured> {
    println!("Load: {name} (load average {})", load_average());
    let headers = shopper(port)?;
    let reads = read_ladder(port, &headers);
    let writes = write_ladder(port, &headers, tag);
    Ok(Measured {
        name,
        load_average: load_average(),
        ladders: vec![(READ, reads), (WRITE, writes)],
    })
}

/// nginx serving the tracking JSON at the API's own path: same request bytes, same answer
/// bytes, no application behind it. One worker and an access log, like the cluster's proxy;
/// `/healthz` for the start-up probe.
pub(crate) fn static_conf(prefix: &Path, port: u16) -> String {
    let p = prefix.display();
    format!(
        "{}
    default_type application/json;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {p}/root;
        location = /healthz {{ return 200 \"ok\"; }}
    }}
}}
",
        cluster::nginx_preamble(prefix)
    )
}

/// The ceiling: nginx serving `body` as `ORDER_PATH`, under `dir`.
fn ceiling(env: &Env, dir: &Path, body: &str) -> Result<Measured> {
    cluster::ensure_nginx(env)?;
    let prefix = dir.join("nginx");
    let _ = std::fs::remove_dir_all(&prefix);
    let file = prefix.join("root").join(ORDER_PATH.trim_start_matches('/'));
    std::fs::create_dir_all(file.parent().ok_or("no parent")?).map_err(|e| e.to_string())?;
    std::fs::write(&file, body).map_err(|e| e.to_string())?;
    let nginx = cluster::spawn_nginx(&prefix, &static_conf(&prefix, PORT_STATIC), PORT_STATIC)?;
    let name = "nginx, static file (ceiling)";
    println!("Load: {name} (load average {})", load_average());
    let reads = read_ladder(PORT_STATIC, &[]);
    drop(nginx);
    Ok(Measured {
        name,
        load_average: load_average(),
        ladders: vec![(READ, reads)],
    })
}

/// Measure every deployment with the server binary `bin` (serving `sdk` under `/sdk/`) and
/// return the report's `load` section.
pub(crate) fn run(env: &Env, bin: &Path, sdk: &Path) -> Result<Value> {
    let dir = repo_root().join("target/bench/load");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let before = load_average();
    let started = std::time::Instant::now();
    let mut measured = Vec::new();

    let db = format!("sqlite://{}?mode=rwc", dir.join("load.db").display());
    server::seed(bin, &db, &format!("http://127.0.0.1:{PORT_SQLITE}"))?;
    let sdk_s = sdk.to_string_lossy().into_owned();
    let sqlite = server::start(bin, &db, PORT_SQLITE, &[("AFTERCARE_SDK_DIR", &sdk_s)])?;
    let body = tracking_body(PORT_SQLITE, &shopper(PORT_SQLITE)?)?;
    measured.push(both("SQLite, 1 instance", PORT_SQLITE, "sq")?);
    drop(sqlite);

    let c = cluster::start(env, bin, &cluster::Spec::new(PORT_CLUSTER, sdk))?;
    measured.push(both(
        "PostgreSQL, 1 instance (direct)",
        PORT_CLUSTER + 1,
        "p1",
    )?);
    measured.push(both(
        "PostgreSQL, 2 instances behind nginx",
        PORT_CLUSTER,
        "p2",
    )?);
    drop(c);

    let top = ceiling(env, &dir, &body)?;
    let ceiling_held = ladder::highest_held(&top.ladders[0].1);
    let ceiling_at_top = ladder::at_top(&top.ladders[0].1, &RATES);
    measured.push(top);

    let configs: Vec<Value> = measured
        .iter()
        .map(|m| {
            let ladders: Vec<Value> = m
                .ladders
                .iter()
                .map(|(request, steps)| ladder::ladder_json(request, steps, ceiling_held))
                .collect();
            json!({ "name": m.name, "load_average": m.load_average, "ladders": ladders })
        })
        .collect();
    Ok(json!({
        "rates": RATES, "step_seconds": STEP_SECONDS, "connections": CONNECTIONS,
        "p99_target_ms": ladder::P99_TARGET_MS,
        "cpus": std::thread::available_parallelism().map(usize::from).unwrap_or(0),
        "tracking_body_bytes": body.len(), "ceiling_at_top_of_ladder": ceiling_at_top,
        "load_average_before": before, "load_average_after": load_average(),
        "seconds": started.elapsed().as_secs(),
        "configs": configs,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survey_ids_are_valid_and_unique_across_the_run() {
        let ok = |id: &str| {
            (8..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        for id in [
            survey_id("sq", 250, 0),
            survey_id("p2w", 0, 0),
            survey_id("p2", 16000, 9_999_999),
        ] {
            assert!(ok(&id), "{id}");
        }
        assert_ne!(survey_id("p1", 250, 1), survey_id("p2", 250, 1));
        assert_ne!(survey_id("p1", 250, 1), survey_id("p1", 500, 1));
    }

    #[test]
    fn writes_put_a_fresh_id_with_the_shoppers_headers() {
        let fill = write_fill(7, &[("Authorization", "Bearer t".into())], "sq", 500);
        let mut buf = Vec::new();
        fill(42, &mut buf);
        let req = String::from_utf8(buf).unwrap();
        assert!(req.starts_with("PUT /v1/survey-responses/sq-500-0000042 HTTP/1.1\r\n"));
        assert!(req.contains("Authorization: Bearer t\r\n"));
        assert!(req.ends_with(r#""visit_id":"loadbench-visit"}"#));
    }

    #[test]
    fn the_static_ceiling_serves_json_from_its_own_prefix() {
        let conf = static_conf(Path::new("/tmp/s"), 18630);
        assert!(conf.contains("listen 127.0.0.1:18630;"));
        assert!(conf.contains("root /tmp/s/root;"));
        assert!(conf.contains("default_type application/json;"));
        assert!(conf.contains("location = /healthz"));
        assert!(!conf.contains("proxy_pass"));
    }
}
