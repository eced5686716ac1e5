//! What every request leaves behind for operators: an `x-request-id` (the caller's, if it
//! sent a usable one, else a fresh UUID) echoed on the response, a `request` span carrying
//! method, matched route, request id, status and latency for every log line written while
//! it runs, and the Prometheus counters of [`crate::ops::metrics`].
//!
//! [`apply`] adds the layers with `Router::layer`, which runs after routing, so the matched
//! route template is known (raw paths would leak order numbers and photo ids into logs and
//! metric labels).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, Response};
use axum::middleware::Next;
use axum::Router;
use std::time::Duration;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;

/// The request id header, read from callers and echoed on every response.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Longest caller-supplied request id kept; longer (or odd) ones are replaced.
pub const MAX_REQUEST_ID_LEN: usize = 128;

/// Wrap `router` in the request id, tracing and metrics layers (outermost last).
pub fn apply<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let header = HeaderName::from_static(REQUEST_ID_HEADER);
    router
        .layer(axum::middleware::from_fn(crate::ops::metrics::track))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(make_span)
                .on_request(())
                .on_response(on_response),
        )
        .layer(PropagateRequestIdLayer::new(header.clone()))
        .layer(SetRequestIdLayer::new(header, MakeRequestUuid))
        .layer(axum::middleware::from_fn(drop_unusable_request_id))
}

/// Whether a caller's request id may be kept: 1–128 characters of `A–Z a–z 0–9 - _ . :`,
/// so a log line cannot be bloated or made confusing through it.
pub fn usable_request_id(id: &[u8]) -> bool {
    (1..=MAX_REQUEST_ID_LEN).contains(&id.len())
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Remove a caller's request id that [`usable_request_id`] refuses (a fresh one is made).
async fn drop_unusable_request_id(mut req: Request, next: Next) -> axum::response::Response {
    let bad = req
        .headers()
        .get_all(REQUEST_ID_HEADER)
        .iter()
        .enumerate()
        .any(|(i, v)| i > 0 || !usable_request_id(v.as_bytes()));
    if bad {
        req.headers_mut().remove(REQUEST_ID_HEADER);
    }
    next.run(req).await
}

fn make_span(req: &Request<Body>) -> Span {
    let route = crate::ops::metrics::route_label(req);
    let id = req
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        method = %req.method(),
        route = %route,
        request_id = %id,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    )
}

fn on_response(resp: &Response<Body>, latency: Duration, span: &Span) {
    let status = resp.status().as_u16();
    let latency_ms = u64::try_from(latency.as_millis()).unwrap_or(u64::MAX);
    span.record("status", status);
    span.record("latency_ms", latency_ms);
    if resp.status().is_server_error() {
        tracing::warn!(status, latency_ms, "request finished");
    } else {
        tracing::info!(status, latency_ms, "request finished");
    }
}

#[cfg(test)]
mod tests {
    use super::usable_request_id;

    #[test]
    fn request_ids_are_bounded() {
        assert!(usable_request_id(b"3f2a-01:ab_c.d"));
        assert!(!usable_request_id(b""));
        assert!(!usable_request_id(b"has space"));
        assert!(!usable_request_id(&[b'a'; 129]));
        assert!(usable_request_id(&[b'a'; 128]));
    }
}
