//! Prometheus metrics: one process-wide recorder, the per-request counters and histogram,
//! rendered as text by `GET /metrics` (see `http::metrics`), never by a listener of its own.
//!
//! Series are labelled by the matched route template (`/v1/orders/{order_number}`), never the raw
//! path, so their number is bounded by the routes the server has; anything no route matched
//! is `unmatched`, and unusual methods are `other`.

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Counter: requests answered, by `method`, `route` and `status`.
pub const REQUESTS_TOTAL: &str = "http_requests_total";
/// Histogram: seconds from request to response head, by `method` and `route`.
pub const REQUEST_DURATION: &str = "http_request_duration_seconds";

/// Buckets of [`REQUEST_DURATION`]: from a cached read (a few ms) to a photo re-encode (1 s+).
const DURATION_BUCKETS: [f64; 12] = [
    0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Renders what the process recorded.
pub type Handle = PrometheusHandle;

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Install the process-wide recorder on first call and hand back its handle. The recorder is
/// global: every app built in this process (tests build many) shares it, so the first call
/// installs and later ones reuse it. `None` if some other recorder was installed first.
pub fn install() -> Option<Handle> {
    HANDLE
        .get_or_init(|| {
            let built = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full(REQUEST_DURATION.to_owned()),
                    &DURATION_BUCKETS,
                )
                .and_then(PrometheusBuilder::install_recorder);
            match built {
                Ok(handle) => Some(handle),
                Err(e) => {
                    tracing::warn!(error = %e, "metrics recorder not installed");
                    None
                }
            }
        })
        .clone()
}

/// Drain histogram samples into their buckets now and then, so memory stays flat even when
/// nothing scrapes `/metrics` (the exporter leaves this to its caller).
pub fn spawn_upkeep(handle: Handle) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            handle.run_upkeep();
        }
    });
}

/// The route label: the matched template, or `unmatched` (fallback, 404s, static files).
pub fn route_label(req: &Request) -> String {
    req.extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned())
}

/// The method label: the standard methods by name, anything else `other`.
pub fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Middleware (`axum::middleware::from_fn`, added with `Router::layer` so it runs after
/// routing and sees [`MatchedPath`]): counts each request and times it.
pub async fn track(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(req.method());
    let route = route_label(&req);
    let resp = next.run(req).await;
    let status = resp.status().as_u16().to_string();
    metrics::counter!(REQUESTS_TOTAL, "method" => method, "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!(REQUEST_DURATION, "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_bounded() {
        assert_eq!(method_label(&axum::http::Method::GET), "GET");
        let odd = axum::http::Method::from_bytes(b"BREW").unwrap();
        assert_eq!(method_label(&odd), "other");
    }

    #[test]
    fn install_is_idempotent() {
        let first = install().is_some();
        assert_eq!(install().is_some(), first);
    }
}
