//! Parcels and pending requests on the same order: a parcel is never refused because of a
//! request, a request never lost because of a parcel. Whatever comes first, the outcome is one
//! of two: the parcel first and the cancellation refused (`409`), or the request first, the
//! parcel stored anyway, and the request marked `shipped_meanwhile` in the merchant's queue.

use crate::common;

use axum::http::StatusCode;
use common::requests::*;
use common::*;
use serde_json::{json, Value};
use std::sync::Arc;

#[tokio::test]
async fn a_parcel_after_a_request_marks_it_and_one_before_refuses_it() {
    let t = setup().await;
    fresh_order(&t, "R-1", Some("cus_ana"), HOUR).await;
    fresh_order(&t, "R-2", Some("cus_ana"), HOUR).await;
    // Request first: the parcel is stored, the request waits and says a parcel left.
    let asked = cancel(&t, "R-1").await;
    assert_eq!(asked.status, StatusCode::CREATED);
    assert_eq!(
        ship(&t, "R-1", "GLS-R1", &[("A", 1)]).await.status,
        StatusCode::CREATED
    );
    let o = read(&t, "cus_ana", "R-1").await;
    assert_eq!(o.shipments.len(), 1);
    assert!(o.requests[0].shipped_meanwhile);
    let queue_ids: Vec<Value> = queue(&t, "").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["shipped_meanwhile"] == true)
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(queue_ids, [asked.json()["id"].clone()]);
    // The merchant may still intercept the parcel and accept.
    let r = decide(&t, &asked.json()["id"], &json!({"decision": "accept"})).await;
    assert_eq!(r.json()["shipped_meanwhile"], true);
    assert_eq!(order(&t, "R-1").await["status"], "cancelled");
    // Parcel first: the cancellation is refused, saying why.
    assert_eq!(
        ship(&t, "R-2", "GLS-R2", &[("A", 1)]).await.status,
        StatusCode::CREATED
    );
    let r = cancel(&t, "R-2").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["message"].as_str().unwrap().contains("carrier"));
}

#[tokio::test]
async fn parcels_arriving_with_the_whole_order_mark_waiting_requests_too() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "R-3", Some("cus_ana"), 2 * DAY).await;
    let mut body = order(&t, "R-3").await;
    let r = ask(
        &t,
        "R-3",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    // The merchant's system re-sends the order unchanged: nothing shipped, nothing marked.
    let input = json!({"order_number": "R-3", "email": "cus_ana@example.com",
    "customer": {"external_id": "cus_ana", "email": "cus_ana@example.com"},
    "currency": "EUR", "placed_at": body["placed_at"], "shipping_address": body["shipping_address"],
    "items": [
        {"sku": "A", "title": "Alpha", "quantity": 2, "unit_price_minor": 1000},
        {"sku": "B", "title": "Beta", "quantity": 1, "unit_price_minor": 500}
    ]});
    let r = admin_send(&t, "PUT", "/v1/admin/orders/R-3", &input).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!read(&t, "cus_ana", "R-3").await.requests[0].shipped_meanwhile);
    // Then with a parcel (as an import or a platform would): stored, and the request marked.
    let mut with_parcel = input.clone();
    with_parcel["shipments"] = json!([{"carrier_code": "seur", "tracking_number": "SEUR-R3",
        "items": [{"sku": "A", "quantity": 2}]}]);
    let r = admin_send(&t, "PUT", "/v1/admin/orders/R-3", &with_parcel).await;
    assert_eq!(r.status, StatusCode::OK);
    body = r.json();
    assert_eq!(body["shipments"].as_array().unwrap().len(), 1);
    assert_eq!(body["requests"][0]["shipped_meanwhile"], true);
    assert_eq!(body["requests"][0]["status"], "pending");
}

/// A cancellation and a parcel sent at the same moment, on 20 fresh orders: no error, every
/// parcel stored, and each request either refused because the parcel came first or created and
/// then marked `shipped_meanwhile` (it stays in the merchant's queue).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_parcel_racing_a_cancellation_loses_neither() {
    let t = Arc::new(setup().await);
    let (created, refused) = race_cancellations_and_parcels(&t, "RACE", 20).await;
    eprintln!("race: {created} requests first, {refused} parcels first");
}

/// The flows `postgres.rs` runs on PostgreSQL, here on SQLite, so both engines run the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_main_flows_run_on_sqlite_as_on_postgres() {
    main_flows(&Arc::new(setup().await)).await;
}
