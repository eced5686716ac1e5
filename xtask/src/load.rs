//! An open-loop, fixed-rate HTTP/1.1 load generator for loopback benchmarks.
//!
//! Requests are scheduled at exact intervals and latency is measured from the *scheduled*
//! send time, so a server that falls behind shows it in the tail (no coordinated omission).
//! Bounded by count and time, and only ever aimed at 127.0.0.1. Reads send one fixed GET
//! ([`run`]); writes build each request from its index ([`run_with`]), so every one can carry
//! a fresh id.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Appends request number `i` of a run (head and body) to the buffer: a write needs a fresh
/// id per request, and reusing one buffer keeps the generator's own cost off the figures.
pub(crate) type Fill = Arc<dyn Fn(usize, &mut Vec<u8>) + Send + Sync>;

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
    /// The first failure, to tell a refused request (its status) from an overloaded server.
    pub first_error: Option<String>,
    /// Cores this process (the generator) kept busy during the run: its share of the machine
    /// is not the servers'.
    pub generator_cores: f64,
}

/// User + system CPU seconds from a `/proc/<pid>/stat` line (fields 14 and 15, in clock
/// ticks of 1/100 s on Linux); the command name in parentheses may hold spaces.
fn cpu_seconds(stat: &str) -> Option<f64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// This process's CPU seconds so far (0 where `/proc` is missing).
fn own_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| cpu_seconds(&s))
        .unwrap_or(0.0)
}

/// What one answer said: its status, and whether the server closes the connection after it
/// (nginx does after `keepalive_requests`; the next request then needs a new connection
/// rather than counting as an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer {
    status: u16,
    close: bool,
}

/// The bytes of one HTTP/1.1 request to loopback `port`; a body is sent as JSON.
pub(crate) fn request_bytes(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &str,
) -> Vec<u8> {
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() {
        request.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(body);
    request.into_bytes()
}

/// Read one answer to its end (length-delimited or chunked), keeping only what [`Answer`] needs.
fn read_response(reader: &mut impl BufRead) -> std::io::Result<Answer> {
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (mut length, mut chunked, mut close) = (0usize, false, false);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let Some((name, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse().unwrap_or(0);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            close = value.eq_ignore_ascii_case("close");
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
    Ok(Answer { status, close })
}

/// The value at rank `p` (0–1) of sorted latencies; 0 for none, so a failed run still prints.
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
    let request = request_bytes(port, "GET", path, headers, "");
    let fill: Fill = Arc::new(move |_, buf: &mut Vec<u8>| buf.extend_from_slice(&request));
    run_with(port, fill, rate, seconds, connections)
}

/// Send `rate` requests per second, request `i` built by `fill`, to loopback `port` for
/// `seconds` over `connections` keep-alive connections (request `i` goes on connection
/// `i % connections`). A connection that fails is replaced for the next request.
pub(crate) fn run_with(
    port: u16,
    fill: Fill,
    rate: u32,
    seconds: u32,
    connections: usize,
) -> Stats {
    let total = (rate * seconds) as usize;
    let interval = Duration::from_secs_f64(1.0 / f64::from(rate));
    let start = Instant::now() + Duration::from_millis(100);
    let cpu_before = own_cpu_seconds();
    let workers: Vec<_> = (0..connections)
        .map(|w| {
            let fill = fill.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = 0;
                let mut first_error = None;
                let mut request = Vec::new();
                let connect = || {
                    TcpStream::connect(("127.0.0.1", port))
                        .inspect(|s| {
                            let _ = s.set_nodelay(true);
                            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
                        })
                        .ok()
                        .and_then(|s| Some((s.try_clone().ok()?, BufReader::new(s))))
                };
                let mut conn = connect();
                for i in (w..total).step_by(connections) {
                    request.clear();
                    fill(i, &mut request);
                    let scheduled = start + interval * i as u32;
                    if let Some(wait) = scheduled.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    if conn.is_none() {
                        conn = connect();
                    }
                    let answer = match conn.as_mut() {
                        Some((writer, reader)) => writer
                            .write_all(&request)
                            .and_then(|_| read_response(reader))
                            .map_err(|e| e.to_string()),
                        None => Err("cannot connect".to_owned()),
                    };
                    match answer {
                        Ok(a) if (200..300).contains(&a.status) => {
                            latencies.push(scheduled.elapsed().as_secs_f64() * 1000.0);
                            if a.close {
                                conn = None;
                            }
                        }
                        failed => {
                            errors += 1;
                            conn = None;
                            first_error.get_or_insert_with(|| match failed {
                                Ok(a) => format!("HTTP {}", a.status),
                                Err(e) => e,
                            });
                        }
                    }
                }
                (latencies, errors, first_error)
            })
        })
        .collect();
    let mut all = Vec::with_capacity(total);
    let mut errors = 0;
    let mut first_error = None;
    for w in workers {
        let (l, e, f) = w.join().unwrap_or_default();
        all.extend(l);
        errors += e;
        first_error = first_error.or(f);
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
        first_error,
        generator_cores: (own_cpu_seconds() - cpu_before) / elapsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

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

    #[test]
    fn cpu_time_is_read_after_the_command_name() {
        let stat = "42 (x task) S 1 42 42 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 33 0";
        assert_eq!(cpu_seconds(stat), Some(3.0));
        assert_eq!(cpu_seconds("garbage"), None);
        assert!(own_cpu_seconds() >= 0.0);
    }

    #[test]
    fn reads_lengths_chunks_and_connection_close() {
        let raw = "HTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\nok\
                   HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n\
                   HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\n\r\n";
        let mut r = std::io::Cursor::new(raw.as_bytes());
        let answer = |r: &mut std::io::Cursor<&[u8]>| read_response(r).unwrap();
        assert_eq!(
            answer(&mut r),
            Answer {
                status: 201,
                close: false
            }
        );
        assert_eq!(
            answer(&mut r),
            Answer {
                status: 200,
                close: true
            }
        );
        assert_eq!(
            answer(&mut r),
            Answer {
                status: 429,
                close: false
            }
        );
        assert!(read_response(&mut r).is_err());
    }

    #[test]
    fn request_bytes_send_a_json_body_with_its_length() {
        let r = request_bytes(9, "PUT", "/x/1", &[("A", "b".into())], "{}");
        assert_eq!(
            String::from_utf8(r).unwrap(),
            "PUT /x/1 HTTP/1.1\r\nHost: 127.0.0.1:9\r\nA: b\r\n\
             Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        );
        let get = String::from_utf8(request_bytes(9, "GET", "/", &[], "")).unwrap();
        assert!(!get.contains("Content-Length"));
    }

    /// A server that reads each request's body, records its path, and closes the connection
    /// after every third answer (as nginx does after `keepalive_requests`).
    fn closing_server(paths: Arc<std::sync::Mutex<Vec<String>>>) -> u16 {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let paths = paths.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut writer = stream;
                    for n in 1.. {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        paths
                            .lock()
                            .unwrap()
                            .push(line.split(' ').nth(1).unwrap().into());
                        let mut length = 0;
                        loop {
                            line.clear();
                            reader.read_line(&mut line).unwrap();
                            if line == "\r\n" {
                                break;
                            }
                            if let Some(v) = line.strip_prefix("Content-Length: ") {
                                length = v.trim().parse().unwrap();
                            }
                        }
                        reader.read_exact(&mut vec![0; length]).unwrap();
                        let close = if n % 3 == 0 {
                            "Connection: close\r\n"
                        } else {
                            ""
                        };
                        let head =
                            format!("HTTP/1.1 201 Created\r\n{close}Content-Length: 0\r\n\r\n");
                        let _ = writer.write_all(head.as_bytes());
                        if n % 3 == 0 {
                            return;
                        }
                    }
                });
            }
        });
        port
    }

    #[test]
    fn writes_carry_fresh_ids_and_survive_a_closing_server() {
        let paths = Arc::new(std::sync::Mutex::new(Vec::new()));
        let port = closing_server(paths.clone());
        let fill: Fill = Arc::new(move |i, buf: &mut Vec<u8>| {
            buf.extend(request_bytes(
                port,
                "PUT",
                &format!("/r/{i}"),
                &[],
                "{\"a\":1}",
            ));
        });
        let stats = run_with(port, fill, 100, 1, 2);
        assert_eq!(
            (stats.sent, stats.errors, stats.first_error),
            (100, 0, None)
        );
        let mut seen = paths.lock().unwrap().clone();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 100);
    }
}
