//! What operators rely on: liveness vs readiness, request ids, and Prometheus metrics
//! labelled by route template (the JSON logs are in `logs.rs`).

use crate::common;

use aftercare_server::Config;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn liveness_ignores_the_database_readiness_does_not() {
    let t = setup().await;
    let r = t.send(get("/readyz")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), serde_json::json!({"status": "ready"}));
    assert_eq!(
        t.state.db.pending_migrations().await.unwrap(),
        Vec::<i64>::new()
    );

    // A migration this binary embeds is missing from the database: not ready, still alive.
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&t.state.db.pool)
    .await
    .unwrap();
    assert_eq!(t.state.db.pending_migrations().await.unwrap().len(), 1);
    let r = t.send(get("/readyz")).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    );
    assert!(r.header("retry-after").is_some());
    assert_eq!(t.send(get("/healthz")).await.status, StatusCode::OK);

    // The database is gone: not ready, and liveness still says the process is up.
    t.state.db.pool.close().await;
    assert_eq!(
        t.send(get("/readyz")).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let r = t.send(get("/healthz")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn a_database_never_migrated_is_not_ready() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/empty.db?mode=rwc", dir.path().display());
    let db = aftercare_server::Db::connect(&url).await.unwrap();
    let pending = db.pending_migrations().await.unwrap();
    assert!(pending.len() >= 12, "{pending:?}");
    db.migrate().await.unwrap();
    assert!(db.pending_migrations().await.unwrap().is_empty());
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_keeps_the_callers() {
    let t = setup().await;
    let r = t.send(get("/healthz")).await;
    let id = r.header("x-request-id").expect("a generated id").to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let other = t.send(get("/v1/nope")).await;
    assert_ne!(other.header("x-request-id"), Some(id.as_str()));

    let mine = Request::get("/healthz")
        .header("x-request-id", "lb-7f3a:42")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        t.send(mine).await.header("x-request-id"),
        Some("lb-7f3a:42")
    );

    // An id that would make a log line confusing is replaced, not echoed.
    let odd = Request::get("/healthz")
        .header("x-request-id", "a b\"c")
        .body(Body::empty())
        .unwrap();
    let r = t.send(odd).await;
    assert_eq!(r.header("x-request-id").unwrap().len(), 36);

    // Browsers may read it (to quote it in a support request).
    let cors = Request::get("/v1/store")
        .header("origin", "http://localhost:3000")
        .header("aftercare-key", PK)
        .body(Body::empty())
        .unwrap();
    let r = t.send(cors).await;
    let exposed = r
        .header("access-control-expose-headers")
        .unwrap_or_default();
    assert!(exposed.contains("x-request-id"), "{exposed}");
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_behind_a_token() {
    let off = setup().await;
    assert_eq!(
        off.send(get("/metrics")).await.status,
        StatusCode::NOT_FOUND
    );

    let t = setup_with(Config {
        metrics_token: Some("scrape-secret".into()),
        ..Config::default()
    })
    .await;
    let r = t
        .send(
            Request::get("/v1/orders/1001")
                .header("aftercare-key", PK)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    t.send(get("/no/such/page.html")).await;

    let r = t.send(get("/metrics")).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let scrape = Request::get("/metrics")
        .header("authorization", "Bearer scrape-secret")
        .body(Body::empty())
        .unwrap();
    let r = t.send(scrape).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").unwrap().starts_with("text/plain"));
    let text = String::from_utf8(r.body.to_vec()).unwrap();
    assert!(
        text.contains(
            r#"http_requests_total{method="GET",route="/v1/orders/{order_number}",status="401"}"#
        ),
        "{text}"
    );
    assert!(text.contains(r#"route="unmatched""#), "{text}");
    assert!(
        !text.contains("/v1/orders/1001"),
        "raw paths never become labels"
    );
    assert!(
        text.contains(r#"http_request_duration_seconds_bucket{method="GET",route="/v1/orders/{order_number}",le="0.5"}"#),
        "{text}"
    );
    assert!(text.contains("photo_jobs_in_flight"), "{text}");
}
