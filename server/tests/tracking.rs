//! The order tracking timeline end to end: raw carrier codes, out-of-order and repeated
//! ingest, ETA revisions, ETag/304 refreshes, tracking views and the insights built on them,
//! the store FAQ and settings, the seeded demo states and the example carrier import.

mod common;

use aftercare_server::repo::insights::{self, Viewer};
use aftercare_server::repo::orders;
use aftercare_server::{import, seed};
use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

const HOUR: i64 = 3_600_000;

async fn admin_get(t: &TestApp, uri: &str) -> Reply {
    t.send(admin("GET", uri).body(Body::empty()).unwrap()).await
}

async fn admin_send(t: &TestApp, method: &str, uri: &str, body: &Value) -> Reply {
    t.send(
        admin(method, uri)
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

/// `GET /v1/orders/{n}` as the logged-in customer, optionally conditional.
async fn shopper_get(t: &TestApp, customer: &str, number: &str, etag: Option<&str>) -> Reply {
    let mut req = public("GET", &format!("/v1/orders/{number}")).header(
        "authorization",
        format!("Bearer {}", customer_token(customer)),
    );
    if let Some(tag) = etag {
        req = req.header("if-none-match", tag);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

async fn order(t: &TestApp, number: &str) -> Value {
    let r = admin_get(t, &format!("/v1/admin/orders/{number}")).await;
    assert_eq!(r.status, StatusCode::OK, "{number}");
    r.json()
}

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

async fn views_of(t: &TestApp, number: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT v.viewer FROM tracking_views v JOIN orders o ON o.id = v.order_id \
         WHERE o.order_number = $1 ORDER BY v.id",
    )
    .bind(number)
    .fetch_all(&t.state.db.pool)
    .await
    .unwrap()
}

async fn order_db_id(t: &TestApp, number: &str) -> i64 {
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    orders::order_id_by_number(
        &mut conn,
        1,
        &aftercare_shared::OrderNumber::parse(number).unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
}

fn field_names(r: &Reply) -> Vec<String> {
    r.json()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect()
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

async fn r_id(t: &TestApp, number: &str) -> i64 {
    order(t, number).await["shipments"][0]["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn views_are_recorded_for_page_opens_and_lookups_only() {
    let t = setup().await;
    let r = shopper_get(&t, "cus_ana", "1002", None).await;
    let etag = r.header("etag").unwrap().to_owned();
    assert_eq!(views_of(&t, "1002").await, ["customer"]);
    // Background polls (If-None-Match), matched or not, are not views.
    assert_eq!(
        shopper_get(&t, "cus_ana", "1002", Some(&etag)).await.status,
        StatusCode::NOT_MODIFIED
    );
    assert_eq!(
        shopper_get(&t, "cus_ana", "1002", Some("\"stale\""))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(views_of(&t, "1002").await, ["customer"]);
    // Refused reads are not views either.
    assert_eq!(
        shopper_get(&t, "cus_ben", "1002", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(views_of(&t, "1002").await.len(), 1);

    // A guest checking once counts once: the page open after the lookup, not the lookup itself;
    // a failed lookup counts for nothing.
    let lookup = |email: &str| {
        public("POST", "/v1/orders/lookup")
            .header("content-type", "application/json")
            .body(json_body(&json!({"order_number": "1010", "email": email})))
            .unwrap()
    };
    assert_eq!(
        t.send(lookup("nope@example.com")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = t.send(lookup("guest@example.com")).await;
    let token = r.json()["token"].as_str().unwrap().to_owned();
    let r = t
        .send(
            public("GET", "/v1/orders/1010")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(views_of(&t, "1010").await, ["guest"]);
}

async fn anxious(t: &TestApp, q: &str) -> Vec<(String, u64)> {
    let r = admin_get(t, &format!("/v1/admin/insights/anxious-customers{q}")).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["order_number"].as_str().unwrap().to_owned(),
                o["views"].as_u64().unwrap(),
            )
        })
        .collect()
}

async fn store_cfg(t: &TestApp, q: &str) -> Value {
    let r = t
        .send(
            public("GET", &format!("/v1/store{q}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()
}

#[tokio::test]
async fn anxious_customers_respect_threshold_and_window() {
    let t = setup().await;
    let db = &t.state.db;
    let now = aftercare_server::now_ms();
    let (a, b, c) = (
        order_db_id(&t, "1021").await,
        order_db_id(&t, "1026").await,
        order_db_id(&t, "1010").await,
    );
    // 1021: 2 views in the window (N-1 for N = 3); 1026: 4 views; 1010: 3 views, all too old.
    for (id, hours_ago, viewer) in [
        (a, 1, Viewer::Customer),
        (a, 20, Viewer::Customer),
        (b, 1, Viewer::Customer),
        (b, 2, Viewer::Customer),
        (b, 3, Viewer::Customer),
        (b, 23, Viewer::Customer),
        (c, 25, Viewer::Guest),
        (c, 30, Viewer::Guest),
        (c, 40, Viewer::Guest),
    ] {
        insights::record_view(db, 1, id, viewer, now - hours_ago * HOUR)
            .await
            .unwrap();
    }
    let list = |q: &'static str| anxious(&t, q);
    assert_eq!(
        list("").await,
        [("1026".to_owned(), 4)],
        "defaults: 3 views in 24 h"
    );
    assert_eq!(
        list("?min_views=4&hours=24").await,
        [("1026".to_owned(), 4)]
    );
    assert_eq!(list("?min_views=5").await, []);
    assert_eq!(
        list("?min_views=2").await,
        [("1026".to_owned(), 4), ("1021".to_owned(), 2)],
        "most views first; N views is enough"
    );
    assert_eq!(
        list("?min_views=3&hours=48").await,
        [("1026".to_owned(), 4), ("1010".to_owned(), 3)],
        "a wider window counts older views"
    );

    // One view more puts 1021 over the default threshold.
    insights::record_view(db, 1, a, Viewer::Customer, now)
        .await
        .unwrap();
    assert_eq!(
        list("").await,
        [("1026".to_owned(), 4), ("1021".to_owned(), 3)]
    );
    let full = admin_get(&t, "/v1/admin/insights/anxious-customers")
        .await
        .json();
    assert_eq!(full[1]["email"], "ana@example.com");
    assert_eq!(full[1]["customer_external_id"], "cus_ana");
    assert_eq!(full[1]["status"], "shipped");
    assert_eq!(full[0]["status"], "shipped", "1026 is stalled but moving");
    assert!(full[1]["last_viewed_at"].is_string());

    for (q, fields) in [
        ("?min_views=0", vec!["min_views"]),
        ("?min_views=1001", vec!["min_views"]),
        ("?hours=0", vec!["hours"]),
        ("?hours=721", vec!["hours"]),
        ("?min_views=abc&hours=-1", vec!["min_views", "hours"]),
    ] {
        let r = admin_get(&t, &format!("/v1/admin/insights/anxious-customers{q}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{q}");
        assert_eq!(r.code(), "validation_failed");
        assert_eq!(field_names(&r), fields, "{q}");
    }
    assert_eq!(
        list("?min_views=1000&hours=720").await,
        [],
        "upper bounds accepted"
    );
    // Admin only.
    let r = t
        .send(
            public("GET", "/v1/admin/insights/anxious-customers")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn parcel_alerts_list_exactly_the_seeded_problem_parcels() {
    let t = setup().await;
    let r = admin_get(&t, "/v1/admin/insights/parcel-alerts").await;
    assert_eq!(r.status, StatusCode::OK);
    let alerts = r.json();
    let alerts = alerts.as_array().unwrap();
    let numbers: Vec<&str> = alerts
        .iter()
        .map(|a| a["order_number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["1007", "1009", "1011", "1012", "1022", "1023", "1024", "1025", "1026", "1027"]
    );
    let by = |n: &str| alerts.iter().find(|a| a["order_number"] == n).unwrap();
    let summary = |n: &str| {
        let a = by(n);
        (
            a["status"].as_str().unwrap().to_owned(),
            a["reason"].as_str().map(str::to_owned),
            a["delayed"].as_bool().unwrap(),
            a["stalled"].as_bool().unwrap(),
            a["next_step"].as_str().unwrap().to_owned(),
        )
    };
    let s = |v: &str| v.to_owned();
    assert_eq!(
        summary("1007"),
        (
            s("attempted_delivery"),
            None,
            false,
            false,
            s("arrange_redelivery")
        )
    );
    assert_eq!(
        summary("1009"),
        (
            s("exception"),
            Some(s("customs_hold")),
            true,
            false,
            s("contact_carrier")
        )
    );
    assert_eq!(
        summary("1011"),
        (s("exception"), Some(s("delayed")), true, false, s("wait"))
    );
    assert_eq!(
        summary("1012"),
        (
            s("returned_to_sender"),
            None,
            false,
            false,
            s("contact_store")
        )
    );
    assert_eq!(
        summary("1022"),
        (
            s("exception"),
            Some(s("address_issue")),
            false,
            false,
            s("update_address")
        )
    );
    assert_eq!(summary("1023").1.as_deref(), Some("damaged"));
    assert_eq!(summary("1024").1.as_deref(), Some("lost"));
    assert_eq!(summary("1025").1.as_deref(), Some("refused"));
    assert_eq!(
        summary("1026"),
        (s("in_transit"), None, false, true, s("contact_store"))
    );
    assert_eq!(
        summary("1027"),
        (s("expired"), None, false, false, s("contact_store"))
    );
    assert_eq!(by("1026")["carrier"], "GLS");
    assert!(by("1026")["last_update_at"].is_string());

    // The store's policy decides: a 10-day stall threshold clears 1026's alert.
    let mut settings = admin_get(&t, "/v1/admin/store/settings").await.json();
    settings["tracking_policy"]["stall_after_hours"] = json!(240);
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    let alerts = admin_get(&t, "/v1/admin/insights/parcel-alerts")
        .await
        .json();
    assert!(alerts
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["order_number"] != "1026"));
}

#[tokio::test]
async fn store_faq_follows_the_locale_with_fallbacks() {
    let t = setup().await;
    let store = |q: &'static str| store_cfg(&t, q);
    let en = store("").await;
    assert_eq!(en["faq"].as_array().unwrap().len(), 5);
    assert_eq!(en["faq"][0]["question"], "When will my order ship?");
    assert_eq!(en["name"], "Aurora Outfitters");
    assert_eq!(en["support"]["email"], "help@aurora.example");
    let es = store("?locale=es").await;
    assert_eq!(es["faq"][0]["question"], "¿Cuándo se enviará mi pedido?");
    assert_eq!(store("?locale=es-MX").await["faq"], es["faq"]);
    assert_eq!(
        store("?locale=fr").await["faq"],
        en["faq"],
        "unknown → default"
    );
    assert_eq!(store("?locale=").await["faq"], en["faq"]);

    // Only a Spanish FAQ: English shoppers get it rather than nothing.
    let mut settings = admin_get(&t, "/v1/admin/store/settings").await.json();
    let only_es: Vec<Value> = settings["faq"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["locale"] == "es")
        .cloned()
        .collect();
    settings["faq"] = json!(only_es);
    assert_eq!(
        admin_send(&t, "PUT", "/v1/admin/store/settings", &settings)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(store("?locale=en").await["faq"], es["faq"]);
    settings["faq"] = json!([]);
    admin_send(&t, "PUT", "/v1/admin/store/settings", &settings).await;
    assert!(
        store("?locale=es").await.get("faq").is_none(),
        "no FAQ, no field"
    );
}

#[tokio::test]
async fn store_settings_round_trip_and_validate() {
    let t = setup().await;
    let r = admin_get(&t, "/v1/admin/store/settings").await;
    assert_eq!(r.status, StatusCode::OK);
    let stored = r.json();
    assert_eq!(
        stored["tracking_policy"],
        json!({"stall_after_hours": 72, "expire_after_days": 30})
    );
    assert_eq!(stored["faq"].as_array().unwrap().len(), 10);
    assert_eq!(stored["support"]["phone"], "+34 910 000 000");

    let new = json!({
        "tracking_policy": {"stall_after_hours": 48, "expire_after_days": 21},
        "faq": [
            {"locale": "en", "question": "Where is my parcel?", "answer": "See the timeline above."},
            {"locale": "es", "question": "¿Dónde está mi paquete?", "answer": "Mira el historial."}
        ],
        "support": {"email": "care@aurora.example", "chat_url": "https://aurora.example/chat"}
    });
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &new).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.json(), new);
    assert_eq!(admin_get(&t, "/v1/admin/store/settings").await.json(), new);
    let public_cfg = t
        .send(
            public("GET", "/v1/store?locale=es")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(public_cfg["support"]["email"], "care@aurora.example");
    assert!(public_cfg["support"].get("phone").is_none());
    assert_eq!(public_cfg["faq"][0]["answer"], "Mira el historial.");

    let entry = json!({"locale": "en", "question": "Q", "answer": "A"});
    let mut too_many = vec![entry.clone(); 51];
    too_many[3] = json!({"locale": "en", "question": " ", "answer": "x".repeat(2001)});
    let bad = json!({
        "tracking_policy": {"stall_after_hours": 0, "expire_after_days": 366},
        "faq": too_many,
        "support": {"email": "not-an-email", "chat_url": "javascript:alert(1)"}
    });
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_names(&r),
        [
            "tracking_policy.stall_after_hours",
            "tracking_policy.expire_after_days",
            "faq",
            "faq[3].question",
            "faq[3].answer",
            "support.email",
            "support.chat_url"
        ]
    );
    let bounds = json!({"tracking_policy": {"stall_after_hours": 721, "expire_after_days": 0}});
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &bounds).await;
    assert_eq!(
        field_names(&r),
        [
            "tracking_policy.stall_after_hours",
            "tracking_policy.expire_after_days"
        ]
    );
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &json!({"faq": []})).await;
    assert_eq!(r.code(), "validation_failed", "missing tracking_policy");
    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/store/settings",
        &json!({"tracking_policy": {"stall_after_hours": 1, "expire_after_days": 1}, "faq": [{"locale": "fr", "question": "Q", "answer": "A"}]}),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unsupported locale"
    );
    // Nothing of a refused update was written.
    assert_eq!(admin_get(&t, "/v1/admin/store/settings").await.json(), new);
}

#[tokio::test]
async fn seeded_orders_show_every_tracking_state() {
    let t = setup().await;
    let o = order(&t, "1008").await;
    let pp = &s0(&o)["pickup_point"];
    assert_eq!(pp["name"], "FedEx Office Print & Ship Center");
    assert_eq!(pp["address"]["city"], "Cambridge");
    assert_eq!(pp["opening_hours"].as_array().unwrap().len(), 3);
    assert!(pp["pickup_deadline"].is_string());
    assert_eq!(s0(&o)["next_step"], "collect_from_pickup_point");
    assert_eq!(s0(&o)["delayed"], false);

    let s = s0(&order(&t, "1011").await);
    assert_eq!(
        (s["reason"].clone(), s["delayed"].clone()),
        (json!("delayed"), json!(true))
    );
    assert_eq!(s0(&order(&t, "1009").await)["reason"], "customs_hold");

    let s = s0(&order(&t, "1021").await);
    assert_eq!(s["status"], "in_transit");
    assert_eq!(s["events"][0]["raw_status"], "CTR");
    let day = |v: &Value| {
        aftercare_shared::Timestamp::parse(v.as_str().unwrap())
            .unwrap()
            .utc_ms
    };
    let now = aftercare_server::now_ms();
    let in_days = |v: &Value| ((day(v) - now) as f64 / (24.0 * HOUR as f64)).round() as i64;
    assert_eq!(
        (in_days(&s["eta"]["earliest"]), in_days(&s["eta"]["latest"])),
        (3, 4)
    );
    assert_eq!(
        (
            in_days(&s["eta_original"]["earliest"]),
            in_days(&s["eta_original"]["latest"])
        ),
        (1, 1)
    );
    assert_eq!(s["delayed"], false);

    let s = s0(&order(&t, "1022").await);
    assert_eq!(
        s["events"][0]["description"],
        "Incorrect address: street number missing"
    );
    assert_eq!(s["next_step"], "update_address");
    let s = s0(&order(&t, "1026").await);
    assert_eq!(
        (s["stalled"].clone(), s["delayed"].clone()),
        (json!(true), json!(false))
    );
    assert_eq!(s0(&order(&t, "1027").await)["status"], "expired");
    let o = order(&t, "1028").await;
    let s = s0(&o);
    assert_eq!(o["status"], "delivered");
    assert_eq!(s["events"].as_array().unwrap().len(), 40);
    assert_eq!(s["events"][39]["location"]["city"], "Shenzhen");
    assert_eq!(s["events"][39]["raw_status"], "pre-transit");
    assert!(s["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["reason"] == "customs_hold"));
    assert_eq!(
        o["items"][0]["image_url"],
        "http://127.0.0.1:8080/img/polarised-sunglasses.svg"
    );

    // Re-seeding keeps exactly one seed's ETA revisions and FAQ.
    let count = |sql: &'static str| {
        let pool = t.state.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let revisions = count("SELECT COUNT(*) FROM shipment_eta_revisions").await;
    let faq = count("SELECT COUNT(*) FROM store_faq").await;
    seed::seed_demo_with(&t.state.db, "http://localhost:9999/")
        .await
        .unwrap();
    assert_eq!(
        count("SELECT COUNT(*) FROM shipment_eta_revisions").await,
        revisions
    );
    assert_eq!(count("SELECT COUNT(*) FROM store_faq").await, faq);
    let s = s0(&order(&t, "1021").await);
    assert!(
        s["eta_original"].is_object(),
        "still revised after a re-seed"
    );
    assert_eq!(
        order(&t, "1001").await["items"][0]["image_url"],
        "http://localhost:9999/img/rain-jacket.svg"
    );
}

#[tokio::test]
async fn example_carriers_file_imports_with_raw_codes() {
    let t = setup().await;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/carriers.json");
    let file = import::read_file(&path).unwrap();
    let report = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!(
        (report.created, report.failed.len()),
        (5, 0),
        "{}",
        report.render()
    );
    let carriers: BTreeSet<String> = file
        .orders
        .iter()
        .flat_map(|o| &o.shipments)
        .map(|s| s.carrier_code.clone())
        .collect();
    assert!(carriers.len() >= 4, "{carriers:?}");

    let o = order(&t, "C-3001").await;
    let s = s0(&o);
    assert_eq!(o["status"], "delivered");
    let events = s["events"].as_array().unwrap();
    assert!(events.len() >= 20);
    assert!(
        events.iter().all(|e| e["raw_status"].is_string()),
        "raw codes kept"
    );
    let last = events.last().unwrap();
    assert_eq!(last["location"]["city"], "Shenzhen");
    assert_eq!(
        last["occurred_at"], "2026-09-28T10:05:00+08:00",
        "offset kept"
    );
    assert!(events.iter().any(|e| e["reason"] == "customs_hold"));
    assert!(events.iter().any(|e| e["status"] == "attempted_delivery"));

    // The file has absolute dates: judge the lost parcel the week after the carrier said so
    // (today it may already count as expired).
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let at = aftercare_shared::Timestamp::parse("2026-10-20T12:00:00Z")
        .unwrap()
        .utc_ms;
    let lost = orders::load_order_at(&mut conn, order_db_id(&t, "C-3002").await, at)
        .await
        .unwrap();
    drop(conn);
    let s = &lost.shipments[0];
    assert_eq!(
        (s.status, s.reason),
        (
            aftercare_shared::TrackingStatus::Exception,
            Some(aftercare_shared::ExceptionReason::Lost)
        )
    );
    assert_eq!(s.next_step, aftercare_shared::NextStep::ContactStore);
    assert!(s.delayed, "promised for mid-September");

    let s = s0(&order(&t, "C-3003").await);
    assert_eq!(s["status"], "delivered");
    assert_eq!(s["pickup_point"]["name"], "GLS ParcelShop Papelería Turia");
    assert!(s["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["status"] == "available_for_pickup"));

    assert_eq!(s0(&order(&t, "C-3004").await)["status"], "delivered");
    assert_eq!(
        s0(&order(&t, "C-3005").await)["status"],
        "returned_to_sender"
    );

    // Re-importing changes nothing.
    let before = orders::counts(&t.state.db, 1).await.unwrap();
    let again = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!((again.created, again.replaced), (0, 5));
    assert_eq!(orders::counts(&t.state.db, 1).await.unwrap(), before);
}

fn s0(o: &Value) -> Value {
    o["shipments"][0].clone()
}

/// The real binary: `seed-demo --public-url` then `import server/examples/carriers.json`.
#[tokio::test]
async fn cli_seeds_and_imports_the_carriers_example() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/cli.db?mode=rwc", dir.path().display());
    let bin = env!("CARGO_BIN_EXE_aftercare-server");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", &url)
            .env_remove("AFTERCARE_PUBLIC_URL")
            .output()
            .unwrap()
    };
    let out = run(&["seed-demo", "--public-url", "http://127.0.0.1:4321"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("31 orders"), "{text}");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/carriers.json");
    let out = run(&["import", example.to_str().unwrap(), "--store", PK]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("5 created, 0 replaced, 0 refused"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
