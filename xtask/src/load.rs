//! An open-loop, fixed-rate HTTP/1.1 load generator for loopback benchmarks.
//!
//! Requests are scheduled at exact intervals and latency is measured from the *scheduled*
//! send time, so a server that falls behind shows it in the tail (no coordinated omission).
//! Bounded by count and time, and only ever aimed at 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// What one run measured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stats {
    /// Requests sent.
    pub sent: usize,
    /// Non-2xx answers or I/O failures.
    pub errors: usize,
    /// Requests per second actually completed.
    pub achieved_rps: f64,
    /// Latency percentiles in milliseconds: p50, p90, p99, max.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest request.
    pub max_ms: f64,
}

fn read_response(reader: &mut BufReader<TcpStream>) -> std::io::Result<u16> {
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (mut length, mut chunked) = (0usize, false);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        } else if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size)?;
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            let mut buf = vec![0; n + 2];
            reader.read_exact(&mut buf)?;
            if n == 0 {
                break;
            }
        }
    } else {
        let mut buf = vec![0; length];
        reader.read_exact(&mut buf)?;
    }
    Ok(status)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

/// Send `rate` GET requests per second to `path` on loopback `port` for `seconds`, over
/// `connections` keep-alive connections.
pub(crate) fn run(
    port: u16,
    path: &str,
    headers: &[(&str, String)],
    rate: u32,
    seconds: u32,
    connections: usize,
) -> Stats {
    let total = (rate * seconds) as usize;
    let interval = Duration::from_secs_f64(1.0 / f64::from(rate));
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    let start = Instant::now() + Duration::from_millis(100);
    let workers: Vec<_> = (0..connections)
        .map(|w| {
            let request = request.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = 0;
                let connect = || {
                    TcpStream::connect(("127.0.0.1", port)).inspect(|s| {
                        let _ = s.set_nodelay(true);
                        let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
                    })
                };
                let mut conn = connect()
                    .ok()
                    .and_then(|s| Some((s.try_clone().ok()?, BufReader::new(s))));
                for i in (w..total).step_by(connections) {
                    let scheduled = start + interval * i as u32;
                    if let Some(wait) = scheduled.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    if conn.is_none() {
                        conn = connect()
                            .ok()
                            .and_then(|s| Some((s.try_clone().ok()?, BufReader::new(s))));
                    }
                    let ok = match conn.as_mut() {
                        Some((writer, reader)) => writer
                            .write_all(request.as_bytes())
                            .and_then(|_| read_response(reader))
                            .map(|s| (200..300).contains(&s))
                            .unwrap_or(false),
                        None => false,
                    };
                    if ok {
                        latencies.push(scheduled.elapsed().as_secs_f64() * 1000.0);
                    } else {
                        errors += 1;
                        conn = None;
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut all = Vec::with_capacity(total);
    let mut errors = 0;
    for w in workers {
        let (l, e) = w.join().unwrap_or_default();
        all.extend(l);
        errors += e;
    }
    let elapsed = start.elapsed().as_secs_f64().max(1e-9);
    all.sort_by(f64::total_cmp);
    Stats {
        sent: total,
        errors,
        achieved_rps: all.len() as f64 / elapsed,
        p50_ms: percentile(&all, 0.50),
        p90_ms: percentile(&all, 0.90),
        p99_ms: percentile(&all, 0.99),
        max_ms: all.last().copied().unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_ranks() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 51.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
        assert_eq!(percentile(&[], 0.99), 0.0);
    }

    #[test]
    fn measures_a_tiny_server() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut writer = stream;
                    loop {
                        let mut line = String::new();
                        let mut headers_done = false;
                        while !headers_done {
                            line.clear();
                            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                                return;
                            }
                            headers_done = line == "\r\n";
                        }
                        let _ = writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                    }
                });
            }
        });
        let stats = run(port, "/", &[("X-Test", "1".into())], 200, 1, 2);
        assert_eq!(stats.sent, 200);
        assert_eq!(stats.errors, 0);
        assert!(stats.p50_ms <= stats.p99_ms && stats.p99_ms <= stats.max_ms);
    }
}
