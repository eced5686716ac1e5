//! Admin API: order upserts with validation, parcels, event ingest with dedupe and ordering.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

fn order_json(number: &str) -> Value {
    json!({
        "order_number": number,
        "email": "Zoe@Example.com",
        "customer": {"external_id": "cus_zoe", "email": "zoe@example.com", "name": "Zoe"},
        "currency": "eur",
        "placed_at": "2026-11-20T10:00:00+01:00",
        "items": [
            {"sku": "A", "title": "Alpha", "quantity": 2, "unit_price_minor": 1000},
            {"sku": "B", "title": "Beta", "quantity": 1, "unit_price_minor": 550}
        ],
        "shipping_minor": 495,
        "tax_minor": 0,
        "discount_minor": 100
    })
}

async fn put(t: &TestApp, number: &str, body: &Value) -> Reply {
    t.send(
        admin("PUT", &format!("/v1/admin/orders/{number}"))
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

async fn post(t: &TestApp, uri: &str, body: &Value) -> Reply {
    t.send(
        admin("POST", uri)
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn put_creates_then_replaces() {
    let t = setup().await;
    let r = put(&t, "Z-1", &order_json("Z-1")).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let o = r.json();
    assert_eq!(o["status"], "processing");
    assert_eq!(o["currency"], "EUR");
    assert_eq!(o["totals"]["subtotal"]["amount_minor"], 2550);
    assert_eq!(o["totals"]["total"]["amount_minor"], 2550 + 495 - 100);
    assert_eq!(o["unshipped"].as_array().unwrap().len(), 2);
    let first_a_id = o["items"][0]["id"].clone();

    let mut changed = order_json("Z-1");
    changed["items"] =
        json!([{"sku": "A", "title": "Alpha v2", "quantity": 1, "unit_price_minor": 1000}]);
    let r = put(&t, "Z-1", &changed).await;
    assert_eq!(r.status, StatusCode::OK);
    let o = r.json();
    assert_eq!(o["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        o["items"][0]["id"], first_a_id,
        "line ids are stable across replaces"
    );
    assert_eq!(o["items"][0]["title"], "Alpha v2");

    // The customer was upserted: Zoe's token now lists it.
    let r = t
        .send(
            public("GET", "/v1/orders")
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token("cus_zoe")),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.json()["items"][0]["order_number"], "Z-1");
    // And guests can look it up with the normalised email.
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .body(json_body(
                    &json!({"order_number": "Z-1", "email": "zoe@EXAMPLE.com"}),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn put_validation_lists_every_field() {
    let t = setup().await;
    let mut bad = order_json("Z-2");
    bad["email"] = json!("nope");
    bad["currency"] = json!("EURO");
    bad["items"][1]["quantity"] = json!(0);
    bad["items"][1]["sku"] = json!("A");
    bad["shipments"] = json!([{"carrier_code": "ups", "tracking_number": "1Z", "items": [{"sku": "ZZZ", "quantity": 1}]}]);
    let r = put(&t, "Z-2", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = r.json()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    for f in [
        "email",
        "currency",
        "items[1].quantity",
        "items[1].sku",
        "shipments[0].items[0].sku",
    ] {
        assert!(
            fields.contains(&f.to_owned()),
            "{f} missing from {fields:?}"
        );
    }
    // Nothing was written.
    let r = t
        .send(
            admin("GET", "/v1/admin/orders/Z-2")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.code(), "not_found");

    // Path and body numbers must agree; a wrongly typed field is reported by path.
    let r = put(&t, "Z-3", &order_json("Z-4")).await;
    assert_eq!(r.json()["fields"][0]["field"], "order_number");
    let mut typed = order_json("Z-5");
    typed["items"][0]["quantity"] = json!("two");
    let r = put(&t, "Z-5", &typed).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["fields"][0]["field"], "items[0].quantity");
    // Discounts larger than the order are refused.
    let mut neg = order_json("Z-6");
    neg["discount_minor"] = json!(1_000_000);
    assert_eq!(
        put(&t, "Z-6", &neg).await.json()["fields"][0]["field"],
        "discount_minor"
    );
}

#[tokio::test]
async fn shipments_and_events_derive_status() {
    let t = setup().await;
    assert_eq!(
        put(&t, "Z-7", &order_json("Z-7")).await.status,
        StatusCode::CREATED
    );

    let r = post(
        &t,
        "/v1/admin/orders/Z-7/shipments",
        &json!({
            "carrier_code": "UPS", "carrier_name": "UPS", "tracking_number": "1ZTEST0001",
            "items": [{"sku": "A", "quantity": 2}]
        }),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let s = r.json();
    assert_eq!(s["carrier"]["code"], "ups");
    assert_eq!(s["status"], "pending");
    let id = s["id"].as_i64().unwrap();

    // Same tracking number again: conflict. Unknown SKU / too many units: field errors.
    let r = post(&t, "/v1/admin/orders/Z-7/shipments", &json!({
        "carrier_code": "ups", "tracking_number": "1ZTEST0001", "items": [{"sku": "B", "quantity": 1}]
    })).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "conflict")
    );
    let r = post(
        &t,
        "/v1/admin/orders/Z-7/shipments",
        &json!({
            "carrier_code": "ups", "tracking_number": "1ZTEST0002",
            "items": [{"sku": "NOPE", "quantity": 1}, {"sku": "B", "quantity": 5}]
        }),
    )
    .await;
    let fields: Vec<_> = r.json()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].clone(), f["issue"].clone()))
        .collect();
    assert_eq!(
        fields,
        vec![
            (json!("items[0].sku"), json!("unknown_reference")),
            (json!("items[1].quantity"), json!("out_of_range"))
        ]
    );
    assert_eq!(post(&t, "/v1/admin/orders/NOPE-1/shipments", &json!({
        "carrier_code": "ups", "tracking_number": "1ZX", "items": [{"sku": "A", "quantity": 1}]
    })).await.code(), "not_found");

    // Events out of order, with repeats (by id and by content).
    let batch = json!({"events": [
        {"carrier_event_id": "e3", "status": "out_for_delivery", "description": "Out for delivery", "occurred_at": "2026-11-22T08:00:00+01:00"},
        {"carrier_event_id": "e1", "status": "info_received", "description": "Label created", "occurred_at": "2026-11-20T12:00:00+01:00"},
        {"status": "in_transit", "description": "Arrived at hub", "location": {"city": "Zaragoza", "country": "es"}, "occurred_at": "2026-11-21T09:00:00+01:00"},
        {"carrier_event_id": "e1", "status": "info_received", "description": "Label created", "occurred_at": "2026-11-20T12:00:00+01:00"},
        {"status": "in_transit", "description": "Arrived at hub", "location": {"city": "Zaragoza", "country": "ES"}, "occurred_at": "2026-11-21T09:00:00+01:00"}
    ]});
    let r = post(&t, &format!("/v1/admin/shipments/{id}/events"), &batch).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!({"inserted": 3, "duplicates": 2}));
    let r = post(&t, &format!("/v1/admin/shipments/{id}/events"), &batch).await;
    assert_eq!(r.json(), json!({"inserted": 0, "duplicates": 5}));

    let o = t
        .send(
            admin("GET", "/v1/admin/orders/Z-7")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let events = o["shipments"][0]["events"].as_array().unwrap();
    let statuses: Vec<_> = events
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["out_for_delivery", "in_transit", "info_received"],
        "newest first"
    );
    assert_eq!(events[1]["location"]["country"], "ES");
    assert_eq!(
        events[0]["occurred_at"], "2026-11-22T08:00:00+01:00",
        "offset kept"
    );
    assert_eq!(o["shipments"][0]["status"], "out_for_delivery");
    assert_eq!(o["status"], "partially_shipped", "B is not shipped yet");

    // Delivered, with a late-arriving older event: status stays delivered.
    let r = post(&t, &format!("/v1/admin/shipments/{id}/events"), &json!({"events": [
        {"status": "delivered", "description": "Delivered", "occurred_at": "2026-11-22T13:00:00+01:00"},
        {"status": "in_transit", "description": "Late scan", "occurred_at": "2026-11-21T20:00:00+01:00"}
    ]})).await;
    assert_eq!(r.json()["inserted"], 2);
    let r = post(&t, "/v1/admin/orders/Z-7/shipments", &json!({
        "carrier_code": "seur", "tracking_number": "SEUR1", "items": [{"sku": "B", "quantity": 1}],
        "events": [{"status": "delivered", "description": "Entregado", "occurred_at": "2026-11-22T18:00:00+01:00"}]
    })).await;
    assert_eq!(r.json()["status"], "delivered");
    let o = t
        .send(
            admin("GET", "/v1/admin/orders/Z-7")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(o["status"], "delivered");
    assert!(o["unshipped"].as_array().unwrap().is_empty());

    // Events for unknown parcels, or empty batches.
    assert_eq!(
        post(&t, "/v1/admin/shipments/999999/events", &batch)
            .await
            .code(),
        "not_found"
    );
    assert_eq!(
        post(&t, "/v1/admin/shipments/abc/events", &batch)
            .await
            .code(),
        "not_found"
    );
    let r = post(
        &t,
        &format!("/v1/admin/shipments/{id}/events"),
        &json!({"events": []}),
    )
    .await;
    assert_eq!(r.json()["fields"][0]["field"], "events");
}

#[tokio::test]
async fn other_stores_cannot_touch_parcels() {
    use aftercare_server::repo::stores::{self, StoreInput};
    let t = setup().await;
    stores::upsert(
        &t.state.db,
        &StoreInput {
            name: "Other".into(),
            publishable_key: "pk_other".into(),
            secret_key: "sk_other_secret".into(),
            default_locale: aftercare_shared::Locale::En,
            support: Default::default(),
            origins: vec![],
        },
    )
    .await
    .unwrap();
    let o = t
        .send(
            admin("GET", "/v1/admin/orders/1002")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let id = o["shipments"][0]["id"].as_i64().unwrap();
    let r = t.send(
        axum::http::Request::post(format!("/v1/admin/shipments/{id}/events"))
            .header("authorization", "Bearer sk_other_secret")
            .header("content-type", "application/json")
            .body(json_body(&json!({"events": [{"status": "delivered", "description": "x", "occurred_at": "2026-11-22T13:00:00Z"}]})))
            .unwrap(),
    ).await;
    assert_eq!(r.code(), "not_found");
}
