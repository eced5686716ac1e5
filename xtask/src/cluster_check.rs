//! `cargo xtask cluster --check`: a few requests through the real nginx proving that both
//! instances answer and that what they must agree on is shared: the guest-lookup limit, an
//! `Idempotency-Key` and the demo clock. The thorough versions (races, both engines) are
//! `server/tests/it/cluster.rs`; this proves the proxy path (round-robin, `X-Forwarded-For`).

use crate::cluster::{Running, INSTANCES};
use crate::demo::DEMO_KEY;
use crate::proc::Result;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One answer: status, headers (lower-case names) and body.
struct Answer {
    status: u16,
    headers: BTreeMap<String, String>,
    body: String,
}

impl Answer {
    fn instance(&self) -> &str {
        self.headers
            .get("x-aftercare-instance")
            .map(String::as_str)
            .unwrap_or("?")
    }

    fn json(&self) -> Result<Value> {
        serde_json::from_str(&self.body).map_err(|e| format!("not JSON ({e}): {}", self.body))
    }
}

/// An HTTP/1.0 request (so nginx answers unchunked and closes) to `127.0.0.1:port`.
fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<Answer> {
    let addr = ([127, 0, 0, 1], port).into();
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))
        .map_err(|e| format!("cannot connect to port {port}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let mut head = format!(
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    write!(s, "{head}\r\n{body}").map_err(|e| e.to_string())?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).map_err(|e| e.to_string())?;
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status line from {method} {path}"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok(Answer {
        status,
        headers,
        body: body.to_owned(),
    })
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(format!("cluster check failed: {}", what()))
    }
}

fn port_of(url: &str) -> Result<u16> {
    url.rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| format!("no port in {url}"))
}

/// Both instances answer through nginx, alternately.
fn round_robin(port: u16) -> Result<()> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for _ in 0..10 {
        let a = request(port, "GET", "/healthz", &[], "")?;
        ensure(a.status == 200, || {
            format!("/healthz answered {}", a.status)
        })?;
        *seen.entry(a.instance().to_owned()).or_default() += 1;
    }
    println!("  round-robin: 10 × /healthz answered by {seen:?}");
    ensure(INSTANCES.iter().all(|i| seen.get(*i) == Some(&5)), || {
        format!("expected 5 answers from each instance, got {seen:?}")
    })
}

/// Wrong-email lookups of one order through nginx: the sixth is refused although no
/// instance saw more than three.
fn shared_lookup_limit(port: u16) -> Result<()> {
    let body = json!({"order_number": "1006", "email": "nobody@example.com"}).to_string();
    let headers = [
        ("aftercare-key", DEMO_KEY),
        ("content-type", "application/json"),
    ];
    let mut by = Vec::new();
    for i in 1..=6 {
        let a = request(port, "POST", "/v1/orders/lookup", &headers, &body)?;
        by.push(format!("{}:{}", a.instance(), a.status));
        let want = if i <= 5 { 404 } else { 429 };
        ensure(a.status == want, || {
            format!("lookup {i} answered {} (want {want}): {}", a.status, a.body)
        })?;
        if i == 6 {
            let retry = a.headers.get("retry-after").cloned().unwrap_or_default();
            println!("  per-order limit shared: lookups answered {by:?}, Retry-After {retry} s");
        }
    }
    Ok(())
}

/// One `Idempotency-Key`, sent through nginx twice in a row (so to both instances), then
/// twice at once: one dismissal is recorded, the others replay it (or get 409 in flight).
fn shared_idempotency(port: u16) -> Result<()> {
    let t = request(
        port,
        "GET",
        "/demo/customer-token?customer=cus_cluster_check",
        &[],
        "",
    )?;
    let token = t.json()?["token"]
        .as_str()
        .ok_or("no token from /demo/customer-token")?
        .to_owned();
    let auth = format!("Bearer {token}");
    let send = |key: &str| {
        request(
            port,
            "POST",
            "/v1/surveys/nps/dismissals",
            &[
                ("aftercare-key", DEMO_KEY),
                ("authorization", &auth),
                ("content-type", "application/json"),
                ("idempotency-key", key),
            ],
            &json!({"visit_id": format!("visit-{key}")}).to_string(),
        )
    };
    let first = send("cluster-check-1")?;
    let second = send("cluster-check-1")?;
    ensure(
        first.status == 200 && !first.headers.contains_key("idempotent-replayed"),
        || format!("first dismissal answered {}: {}", first.status, first.body),
    )?;
    ensure(
        second.status == 200
            && second
                .headers
                .get("idempotent-replayed")
                .map(String::as_str)
                == Some("true")
            && second.body == first.body
            && second.instance() != first.instance(),
        || {
            format!(
                "the repeat on the other instance should replay: {} {} {:?}",
                second.instance(),
                second.status,
                second.headers
            )
        },
    )?;
    let answers: Vec<Result<Answer>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| send("cluster-check-2")))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("thread panicked".into())))
            .collect()
    });
    let mut fresh = 0;
    let mut outcomes = Vec::new();
    for a in answers {
        let a = a?;
        let replayed = a.headers.contains_key("idempotent-replayed");
        outcomes.push(format!(
            "{}:{}{}",
            a.instance(),
            a.status,
            if replayed { " replay" } else { "" }
        ));
        match a.status {
            200 if !replayed => fresh += 1,
            200 | 409 => {}
            other => return Err(format!("concurrent dismissal answered {other}: {}", a.body)),
        }
    }
    ensure(fresh == 1, || {
        format!("one of two concurrent requests must run: {outcomes:?}")
    })?;
    println!(
        "  idempotency shared: repeat on the other instance replayed; concurrent pair {outcomes:?}"
    );
    Ok(())
}

/// The demo clock moved through one instance continues on the other.
fn shared_demo_clock(port: u16) -> Result<()> {
    let body = json!({"customer": "cus_cluster_check", "advance_days": 3}).to_string();
    let h = [("content-type", "application/json")];
    let one = request(port, "POST", "/demo/clock", &h, &body)?;
    let two = request(port, "POST", "/demo/clock", &h, &body)?;
    let days = two.json()?["offset_days"].as_i64();
    ensure(days == Some(6) && one.instance() != two.instance(), || {
        format!(
            "clock answers {}: {} then {}: {}",
            one.instance(),
            one.body,
            two.instance(),
            two.body
        )
    })?;
    println!(
        "  demo clock shared: +3 days on {}, +3 on {} → 6",
        one.instance(),
        two.instance()
    );
    Ok(())
}

/// Run every check against a started cluster.
pub(crate) fn run(cluster: &Running) -> Result<()> {
    let port = port_of(&cluster.url)?;
    println!("\nChecking the cluster through nginx on {}:", cluster.url);
    round_robin(port)?;
    shared_lookup_limit(port)?;
    shared_idempotency(port)?;
    shared_demo_clock(port)?;
    Ok(())
}
