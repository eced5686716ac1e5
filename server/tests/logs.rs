//! JSON logs carry the request's span: method, matched route, request id, status, latency.
//!
//! Alone in its binary: a thread-scoped subscriber can miss events when other tests run the
//! same callsites at once on other threads (tracing caches each callsite's interest globally).

#[path = "it/common/mod.rs"]
mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use std::sync::{Arc, Mutex};

/// Collects what a JSON log subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn json_logs_carry_route_status_latency_and_request_id() {
    let t = setup().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_current_span(true)
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let req = Request::get("/v1/orders/1001")
        .header("aftercare-key", PK)
        .header("x-request-id", "trace-me-1")
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.send(req).await.status, StatusCode::UNAUTHORIZED);

    let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let line = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|l| l["fields"]["message"] == "request finished")
        .unwrap_or_else(|| panic!("no access line in {text:?}"));
    let span = &line["span"];
    assert_eq!(span["name"], "request");
    assert_eq!(span["request_id"], "trace-me-1");
    assert_eq!(
        span["route"], "/v1/orders/{order_number}",
        "the template, not the path"
    );
    assert_eq!(span["method"], "GET");
    assert_eq!(line["fields"]["status"], 401);
    assert!(line["fields"]["latency_ms"].is_u64());
}
