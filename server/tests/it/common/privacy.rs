//! The privacy flow shared by the engines' runs: export, erase, an empty account after.

use super::*;
use axum::body::Body;
use axum::http::StatusCode;
use serde_json::json;

/// Export and erasure on PostgreSQL: Ben's data is exported, erased in one transaction, and
/// his token then sees an empty account while the store keeps his orders' records.
pub(crate) async fn flow(t: &TestApp) {
    let send = |method: &str, uri: &str, body: Option<Value>| {
        let b = public(method, uri)
            .header(
                "authorization",
                format!("Bearer {}", customer_token("cus_ben")),
            )
            .header("content-type", "application/json")
            .header(
                "idempotency-key",
                format!("pg-privacy-{method}-{}", fastrand::u64(..)),
            );
        match body {
            Some(v) => b.body(json_body(&v)).unwrap(),
            None => b.body(Body::empty()).unwrap(),
        }
    };
    let r = t.send(send("GET", "/v1/me/data", None)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let data = r.json();
    assert_eq!(data["profile"]["email"], "ben@example.com");
    let orders = data["orders"].as_array().unwrap().len();
    assert!(orders > 0);
    let skus: Vec<&str> = data["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["sku"].as_str().unwrap())
        .collect();
    assert_eq!(
        skus,
        ["SUN-POL-TORT", "BOTTLE-INS-750"],
        "his seeded reviews, newest first"
    );
    let photos = data["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["photos"].as_array().unwrap().len())
        .sum::<usize>();
    assert_eq!(photos, 2, "his seeded reviews' photos are in the export");
    let r = t
        .send(send(
            "POST",
            "/v1/me/erasure",
            Some(json!({"confirm": "DELETE"})),
        ))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.json()["orders_kept"], orders);
    let r = t.send(send("GET", "/v1/orders", None)).await;
    assert_eq!(r.json()["items"], json!([]));
    let (left,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM orders WHERE email_normalized = 'ben@example.com'")
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert_eq!(left, 0);
    let (reviews,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM reviews WHERE display_name = 'Ben K.'")
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert_eq!(reviews, 0, "his reviews go with his account");
    let (photos,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM review_photos WHERE owner = 'customer:cus_ben'")
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert_eq!(photos, 0, "and their photos");
}
