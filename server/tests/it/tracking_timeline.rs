//! The order tracking timeline end to end: raw carrier codes, out-of-order and repeated
//! ingest, ETA revisions and ETag/304 refreshes.

use crate::common;

use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

async fn ingest(t: &TestApp, shipment_id: i64, batch: &Value) -> Value {
    let r = admin_send(
        t,
        "POST",
        &format!("/v1/admin/shipments/{shipment_id}/events"),
        batch,
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

async fn r_id(t: &TestApp, number: &str) -> i64 {
    order(t, number).await["shipments"][0]["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn raw_carrier_codes_are_normalised_and_kept() {
    let t = setup().await;
    let id = order(&t, "1010").await["shipments"][0]["id"]
        .as_i64()
        .unwrap();
    let r = ingest(
        &t,
        id,
        &json!({"events": [
            {"raw_status": "cd", "description": "Clearance event", "location": {"city": "Madrid", "country": "es"}, "occurred_at": "2030-01-02T10:00:00+01:00"},
            {"raw_status": "ZZ-42", "description": "Processed at hub", "occurred_at": "2030-01-01T10:00:00+01:00"},
            {"raw_status": "X", "status": "in_transit", "description": "Sorted", "occurred_at": "2030-01-01T08:00:00+01:00"}
        ]}),
    )
    .await;
    assert_eq!(r, json!({"inserted": 3, "duplicates": 0}));
    let o = order(&t, "1010").await;
    let s = &o["shipments"][0];
    assert_eq!(s["status"], "exception");
    assert_eq!(s["reason"], "customs_hold");
    assert_eq!(s["next_step"], "contact_carrier");
    let events = s["events"].as_array().unwrap();
    assert_eq!(events[0]["raw_status"], "cd", "raw code kept verbatim");
    assert_eq!(events[0]["reason"], "customs_hold");
    assert_eq!(events[0]["location"]["country"], "ES");
    assert_eq!(
        events[1]["status"], "in_transit",
        "unknown code → in_transit"
    );
    assert_eq!(events[1]["raw_status"], "ZZ-42");
    assert_eq!(
        events[2]["status"], "in_transit",
        "a given status wins over the code"
    );
    assert_eq!(events[2]["raw_status"], "X");
    assert!(events[3].get("raw_status").is_none(), "seeded: no raw code");
    assert_eq!(o["status"], "exception");
}

#[tokio::test]
async fn out_of_order_and_repeated_events_are_stored_once_and_read_by_time() {
    let t = setup().await;
    let id = order(&t, "1006").await["shipments"][1]["id"]
        .as_i64()
        .unwrap();
    let delivered = json!({"carrier_event_id": "s-3", "raw_status": "Entregado", "description": "Entregado", "occurred_at": "2030-03-03T12:00:00+01:00"});
    let ofd = json!({"raw_status": "RP", "description": "En reparto", "occurred_at": "2030-03-03T08:00:00+01:00"});
    let hub = json!({"carrier_event_id": "s-1", "status": "in_transit", "description": "Llegada a la delegación", "occurred_at": "2030-03-02T08:00:00+01:00"});
    // The newest event arrives first.
    let r = ingest(&t, id, &json!({"events": [delivered, hub]})).await;
    assert_eq!(r, json!({"inserted": 2, "duplicates": 0}));
    // Late arrival of the middle one, plus repeats: by carrier id, and (no id) by
    // normalised status + time + description even when sent as a status instead of a code.
    let ofd_again = json!({"status": "out_for_delivery", "description": "En reparto", "occurred_at": "2030-03-03T08:00:00+01:00"});
    let r = ingest(&t, id, &json!({"events": [ofd, hub, ofd_again]})).await;
    assert_eq!(r, json!({"inserted": 1, "duplicates": 2}));
    let r = ingest(&t, id, &json!({"events": [delivered]})).await;
    assert_eq!(r, json!({"inserted": 0, "duplicates": 1}));
    let s = &order(&t, "1006").await["shipments"][1];
    let seq: Vec<&str> = s["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        &seq[..3],
        ["delivered", "out_for_delivery", "in_transit"],
        "newest first by event time, not arrival"
    );
    assert_eq!(s["status"], "delivered");
    assert_eq!(s["step"], "delivered");

    // Empty batch without ETA is refused with a field error; unknown parcel is 404.
    let r = admin_send(
        &t,
        "POST",
        &format!("/v1/admin/shipments/{id}/events"),
        &json!({"events": []}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["events"]);
    let r = admin_send(
        &t,
        "POST",
        "/v1/admin/shipments/999999/events",
        &json!({"events": [hub]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn eta_revisions_keep_the_original_promise() {
    let t = setup().await;
    let body = json!({
        "order_number": "E-1", "email": "eta@example.com", "currency": "EUR",
        "placed_at": "2030-01-01T10:00:00+01:00",
        "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        "shipments": [{"carrier_code": "gls", "tracking_number": "GLS-E1",
            "eta_earliest": "2030-01-05T09:00:00+01:00", "eta_latest": "2030-01-05T20:00:00+01:00",
            "items": [{"sku": "A", "quantity": 1}]}]
    });
    let r = admin_send(&t, "PUT", "/v1/admin/orders/E-1", &body).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let s = &r.json()["shipments"][0];
    assert!(s.get("eta_original").is_none(), "not revised yet");
    let id = s["id"].as_i64().unwrap();
    // Re-sending the same order does not invent a revision.
    assert_eq!(
        admin_send(&t, "PUT", "/v1/admin/orders/E-1", &body)
            .await
            .status,
        StatusCode::OK
    );
    let revised =
        json!({"earliest": "2030-01-08T09:00:00+01:00", "latest": "2030-01-09T20:00:00+01:00"});
    let r = ingest(&t, id, &json!({"eta": revised})).await;
    assert_eq!(r, json!({"inserted": 0, "duplicates": 0}));
    ingest(&t, id, &json!({"eta": revised})).await; // same window again: no new revision
    let s = &order(&t, "E-1").await["shipments"][0];
    assert_eq!(s["eta"], revised);
    assert_eq!(
        s["eta_original"],
        json!({"earliest": "2030-01-05T09:00:00+01:00", "latest": "2030-01-05T20:00:00+01:00"})
    );
    let revisions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM shipment_eta_revisions WHERE shipment_id = $1")
            .bind(id)
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert_eq!(revisions, 2);
    // An ETA with the ends reversed is a field error.
    let r = admin_send(
        &t,
        "POST",
        &format!("/v1/admin/shipments/{id}/events"),
        &json!({"eta": {"earliest": "2030-01-09T09:00:00Z", "latest": "2030-01-08T09:00:00Z"}}),
    )
    .await;
    assert_eq!(field_names(&r), ["eta.latest"]);
}

#[tokio::test]
async fn etag_answers_304_until_the_order_changes() {
    let t = setup().await;
    let r = shopper_get(&t, "cus_ana", "1002", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), Some("private, no-cache"));
    let etag = r.header("etag").unwrap().to_owned();
    assert!(
        etag.starts_with('"') && etag.ends_with('"') && etag.len() == 66,
        "strong tag: {etag}"
    );
    let again = shopper_get(&t, "cus_ana", "1002", None).await;
    assert_eq!(again.header("etag"), Some(etag.as_str()), "stable tag");

    let r = shopper_get(&t, "cus_ana", "1002", Some(&etag)).await;
    assert_eq!(r.status, StatusCode::NOT_MODIFIED);
    assert!(r.body.is_empty());
    assert_eq!(r.header("etag"), Some(etag.as_str()));
    assert_eq!(r.header("cache-control"), Some("private, no-cache"));
    let r = shopper_get(&t, "cus_ana", "1002", Some(&format!("\"x\", W/{etag}"))).await;
    assert_eq!(
        r.status,
        StatusCode::NOT_MODIFIED,
        "lists and weak form match"
    );

    let id = r_id(&t, "1002").await;
    ingest(
        &t,
        id,
        &json!({"events": [{"raw_status": "REP", "description": "Out for delivery", "occurred_at": "2030-01-01T08:00:00+01:00"}]}),
    )
    .await;
    let r = shopper_get(&t, "cus_ana", "1002", Some(&etag)).await;
    assert_eq!(r.status, StatusCode::OK, "changed order: full answer");
    let new_tag = r.header("etag").unwrap();
    assert_ne!(new_tag, etag);
    assert_eq!(r.json()["shipments"][0]["status"], "out_for_delivery");
    // Someone else's order stays hidden, conditional or not.
    let r = shopper_get(&t, "cus_ben", "1002", Some(&etag)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
