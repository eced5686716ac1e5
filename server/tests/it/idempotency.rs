//! Idempotency-Key on POSTs, through a real TCP server.

use crate::common;

use common::*;
use serde_json::{json, Value};

async fn shipment_id(base: &str) -> i64 {
    let o: Value = reqwest::Client::new()
        .get(format!("{base}/v1/admin/orders/1002"))
        .bearer_auth(SK)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    o["shipments"][0]["id"].as_i64().unwrap()
}

async fn event_count(t: &TestApp, shipment: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM tracking_events WHERE shipment_id = $1")
        .bind(shipment)
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_same_key_posts_write_once() {
    let t = setup().await;
    let base = t.spawn().await;
    let id = shipment_id(&base).await;
    let before = event_count(&t, id).await;
    let body = json!({"events": [
        {"status": "out_for_delivery", "description": "Out for delivery (idempotency test)", "occurred_at": "2030-01-01T08:00:00+01:00"}
    ]});
    let http = reqwest::Client::new();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let http = http.clone();
        let url = format!("{base}/v1/admin/shipments/{id}/events");
        let body = body.clone();
        tasks.push(tokio::spawn(async move {
            let r = http
                .post(url)
                .bearer_auth(SK)
                .header("idempotency-key", "same-key-1")
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let replayed = r.headers().get("idempotent-replayed").is_some();
            let retry_after = r.headers().get("retry-after").is_some();
            let json: Value = r.json().await.unwrap();
            (status, replayed, retry_after, json)
        }));
    }
    let mut fresh = 0;
    for task in tasks {
        let (status, replayed, retry_after, json) = task.await.unwrap();
        match status {
            200 if replayed => assert_eq!(json, json!({"inserted": 1, "duplicates": 0})),
            200 => {
                fresh += 1;
                assert_eq!(json, json!({"inserted": 1, "duplicates": 0}));
            }
            409 => {
                assert_eq!(json["code"], "idempotency_in_flight");
                assert!(retry_after);
            }
            other => panic!("unexpected {other}: {json}"),
        }
    }
    assert_eq!(fresh, 1, "exactly one request ran");
    assert_eq!(event_count(&t, id).await, before + 1, "exactly one write");

    // A later repeat replays with the header; another body with the same key is refused.
    let r = http
        .post(format!("{base}/v1/admin/shipments/{id}/events"))
        .bearer_auth(SK)
        .header("idempotency-key", "same-key-1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["idempotent-replayed"], "true");
    let r = http
        .post(format!("{base}/v1/admin/shipments/{id}/events"))
        .bearer_auth(SK)
        .header("idempotency-key", "same-key-1")
        .json(&json!({"events": [{"status": "delivered", "description": "Other", "occurred_at": "2030-01-01T09:00:00Z"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let err: Value = r.json().await.unwrap();
    assert_eq!(err["code"], "idempotency_key_reused");
    assert_eq!(event_count(&t, id).await, before + 1);
}

#[tokio::test]
async fn keys_are_scoped_and_failures_are_forgotten() {
    let t = setup().await;
    let base = t.spawn().await;
    let http = reqwest::Client::new();
    let lookup = |email: &str| json!({"order_number": "1002", "email": email});

    // A 404 lookup answer is replayed for the same key (and has the header) …
    let first = http
        .post(format!("{base}/v1/orders/lookup"))
        .header("aftercare-key", PK)
        .header("idempotency-key", "k-404")
        .json(&lookup("wrong@example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status().as_u16(), 404);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first_body = first.bytes().await.unwrap();
    let again = http
        .post(format!("{base}/v1/orders/lookup"))
        .header("aftercare-key", PK)
        .header("idempotency-key", "k-404")
        .json(&lookup("wrong@example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 404);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.bytes().await.unwrap(), first_body);

    // … but the same key under other credentials is a different scope.
    let other_scope = http
        .post(format!("{base}/v1/orders/lookup"))
        .header("aftercare-key", PK)
        .header(
            "authorization",
            format!("Bearer {}", customer_token("cus_ana")),
        )
        .header("idempotency-key", "k-404")
        .json(&lookup("ana@example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(other_scope.status().as_u16(), 200);
    assert!(other_scope.headers().get("idempotent-replayed").is_none());

    // Unknown keys write no idempotency rows at all.
    let r = http
        .post(format!("{base}/v1/orders/lookup"))
        .header("aftercare-key", "pk_nope")
        .header("idempotency-key", "k-x")
        .json(&lookup("ana@example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = 'k-x'")
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert_eq!(rows, 0);

    // Too-long keys are refused.
    let r = http
        .post(format!("{base}/v1/orders/lookup"))
        .header("aftercare-key", PK)
        .header("idempotency-key", "k".repeat(300))
        .json(&lookup("ana@example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);

    // Purging on startup keeps fresh rows.
    let purged = t.state.db.purge_idempotency().await.unwrap();
    assert_eq!(purged, 0);
}
