//! Cancellation and address-change requests, the shopper's side: the cancellation window, the
//! store's reasons, addresses checked per country, one pending request per kind, idempotent
//! retries, who may ask, what the order page offers (and its ETag), the demo states and the
//! OpenAPI document. The merchant's queue and decisions, the overview and the typed client are
//! in `order_requests_decisions.rs`; parcels arriving while a request waits (and the race
//! between the two) in `order_requests_race.rs`.

use crate::common;

use aftercare_shared::changes::{NotChangeable, RequestKind, RequestStatus};
use aftercare_shared::order::OrderStatus;
use axum::http::StatusCode;
use common::requests::*;
use common::returns::fields;
use common::*;
use serde_json::{json, Value};
#[tokio::test]
async fn the_cancellation_window_is_open_until_its_last_millisecond() {
    let t = setup().await;
    for (number, placed_ago) in [
        ("W-1", 2 * HOUR),
        ("W-2", DAY - 5_000),
        ("W-3", DAY),
        ("W-4", 30 * HOUR),
    ] {
        fresh_order(&t, number, Some("cus_ana"), placed_ago).await;
    }
    // Inside, and just inside, the default 24 hours.
    let r = cancel(&t, "W-1").await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let created = r.json();
    assert_eq!(created["order_number"], "W-1");
    assert_eq!(created["kind"], "cancellation");
    assert_eq!(created["status"], "pending");
    assert_eq!(created["reason"], "changed_mind");
    assert_eq!(created["shipped_meanwhile"], false);
    assert!(created.get("decided_at").is_none() && created.get("note").is_none());
    assert!(created["created_at"].as_str().unwrap().ends_with("+01:00"));
    assert_eq!(cancel(&t, "W-2").await.status, StatusCode::CREATED);
    // At the edge (placed exactly 24 hours before the test asked) and later: closed.
    for number in ["W-3", "W-4"] {
        let r = cancel(&t, number).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::CONFLICT, "conflict")
        );
        assert!(
            r.json()["message"].as_str().unwrap().contains("passed"),
            "{}",
            r.json()
        );
        let o = read(&t, "cus_ana", number).await;
        let changes = o.changes.unwrap();
        assert_eq!(changes.cancel_blocked, Some(NotChangeable::WindowClosed));
        assert!(changes.cancel_until.is_none() && changes.cancel_reasons.is_empty());
        assert!(changes.address_change, "an address can still change");
        assert!(o.requests.is_empty());
    }
    // What the order page offered W-1 before, and shows after.
    fresh_order(&t, "W-5", Some("cus_ana"), 2 * HOUR).await;
    let o = read(&t, "cus_ana", "W-5").await;
    let changes = o.changes.unwrap();
    assert_eq!(
        changes.cancel_until.unwrap().utc_ms,
        o.placed_at.utc_ms + DAY
    );
    assert_eq!(changes.cancel_until.unwrap().offset_minutes, Some(60));
    assert_eq!(changes.cancel_reasons.len(), 6);
    let o = read(&t, "cus_ana", "W-1").await;
    assert_eq!(o.requests.len(), 1);
    assert_eq!(o.requests[0].status, RequestStatus::Pending);
    let changes = o.changes.unwrap();
    assert_eq!(
        changes.cancel_blocked,
        Some(NotChangeable::AlreadyRequested)
    );
    // The merchant's read lists the request but offers nothing.
    let admin_view = order(&t, "W-1").await;
    assert_eq!(admin_view["requests"][0]["id"], created["id"]);
    assert!(admin_view.get("changes").is_none());
}

#[tokio::test]
async fn the_etag_changes_when_the_window_closes() {
    let t = setup().await;
    fresh_order(&t, "E-1", Some("cus_ana"), DAY - 1_500).await;
    let first = shopper_get(&t, "cus_ana", "E-1", None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.json()["changes"]["cancel_until"].is_string());
    let etag = first.header("etag").unwrap().to_owned();
    let same = shopper_get(&t, "cus_ana", "E-1", Some(&etag)).await;
    assert_eq!(same.status, StatusCode::NOT_MODIFIED, "nothing changed yet");
    tokio::time::sleep(std::time::Duration::from_millis(2_000)).await;
    let later = shopper_get(&t, "cus_ana", "E-1", Some(&etag)).await;
    assert_eq!(
        later.status,
        StatusCode::OK,
        "the window closed: a new body"
    );
    assert_eq!(later.json()["changes"]["cancel_blocked"], "window_closed");
    assert_ne!(later.header("etag").unwrap(), etag);
}

#[tokio::test]
async fn the_store_decides_which_reasons_and_requests_it_takes() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "P-1", Some("cus_ana"), HOUR).await;
    let mut settings = admin_get(&t, "/v1/admin/store/settings").await.json();
    settings["changes"] = json!({"cancel_window_hours": 48, "cancel_reasons": ["changed_mind", "other"], "address_changes": false});
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    let o = read(&t, "cus_ana", "P-1").await;
    let changes = o.changes.unwrap();
    assert_eq!(
        changes.cancel_until.unwrap().utc_ms,
        o.placed_at.utc_ms + 2 * DAY
    );
    assert_eq!(changes.cancel_reasons.len(), 2);
    assert_eq!(changes.address_blocked, Some(NotChangeable::NotOffered));

    let (app, auth) = (&t, ana.as_str());
    let post =
        move |body: Value| async move { ask(app, "P-1", "cancellation", auth, &body, None).await };
    let r = post(json!({"reason": "found_better_price"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&r), [("reason".into(), "unknown_reference".into())]);
    for comment in [json!(null), json!("   ")] {
        let r = post(json!({"reason": "other", "comment": comment})).await;
        assert_eq!(fields(&r), [("comment".into(), "required".into())]);
    }
    let r = post(json!({"reason": "changed_mind", "comment": "x".repeat(1_001)})).await;
    assert_eq!(fields(&r), [("comment".into(), "too_long".into())]);
    let r = post(json!({"reason": "not_a_reason"})).await;
    assert_eq!(field_names(&r), ["reason"]);
    let r = post(json!({"comment": "no reason"})).await;
    assert_eq!(field_names(&r), ["reason"]);
    let r = ask(
        &t,
        "P-1",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["message"].as_str().unwrap().contains("does not"));
    let r = post(json!({"reason": "other", "comment": "  Wrong colour  "})).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["comment"], "Wrong colour", "stored trimmed");

    // Cancelling switched off: refused before the body is looked at.
    fresh_order(&t, "P-2", Some("cus_ana"), HOUR).await;
    settings["changes"]["cancel_window_hours"] = json!(0);
    admin_send(&t, "PUT", "/v1/admin/store/settings", &settings).await;
    let r = ask(
        &t,
        "P-2",
        "cancellation",
        &ana,
        &json!({"reason": "delivery_too_slow"}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let o = read(&t, "cus_ana", "P-2").await;
    assert_eq!(
        o.changes.unwrap().cancel_blocked,
        Some(NotChangeable::NotOffered)
    );
}

#[tokio::test]
async fn addresses_are_checked_per_country_and_stored_normalised() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "A-1", Some("cus_ana"), 3 * DAY).await;
    let (app, auth) = (&t, ana.as_str());
    let post = move |address: Value| async move {
        ask(
            app,
            "A-1",
            "address-change",
            auth,
            &json!({"address": address}),
            None,
        )
        .await
    };
    let gb = |postal: &str| {
        json!({"name": "Ana López", "line1": "10 Downing Street", "city": "London",
            "postal_code": postal, "country": "uk"})
    };
    let r = post(gb("12345")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["address.postal_code"]);
    let mut us = gb("10011");
    us["country"] = json!("US");
    us["region"] = json!("Narnia");
    let r = post(us).await;
    assert_eq!(field_names(&r), ["address.region"]);
    let r = post(
        json!({"name": " ", "line1": "", "city": "Madrid", "postal_code": "280", "country": "ES"}),
    )
    .await;
    assert_eq!(
        field_names(&r),
        ["address.name", "address.line1", "address.postal_code"]
    );
    let r = post(gb(" sw1a2aa ")).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let created = r.json();
    assert_eq!(created["kind"], "address_change");
    assert_eq!(created["address"]["postal_code"], "SW1A 2AA");
    assert_eq!(created["address"]["country"], "GB");
    assert!(created.get("reason").is_none());
    // The order keeps its address until the store accepts.
    let o = read(&t, "cus_ana", "A-1").await;
    assert_eq!(o.shipping_address.unwrap().city, "Madrid");
    assert_eq!(
        o.requests[0].address.as_ref().unwrap().postal_code,
        "SW1A 2AA"
    );
    let changes = o.changes.unwrap();
    assert_eq!(
        changes.address_blocked,
        Some(NotChangeable::AlreadyRequested)
    );
}

#[tokio::test]
async fn one_pending_request_per_kind() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "K-1", Some("cus_ana"), HOUR).await;
    assert_eq!(cancel(&t, "K-1").await.status, StatusCode::CREATED);
    let again = cancel(&t, "K-1").await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.json()["message"]
        .as_str()
        .unwrap()
        .contains("already waiting"));
    let body = json!({"address": new_address()});
    let r = ask(&t, "K-1", "address-change", &ana, &body, None).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "another kind may wait beside it"
    );
    let r = ask(&t, "K-1", "address-change", &ana, &body, None).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let o = read(&t, "cus_ana", "K-1").await;
    let kinds: Vec<RequestKind> = o.requests.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [RequestKind::AddressChange, RequestKind::Cancellation],
        "newest first"
    );
    // Once the store has answered, the shopper may ask again.
    let id = json!(o.requests[1].id);
    let r = decide(
        &t,
        &id,
        &json!({"decision": "reject", "note": "Already packed."}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(cancel(&t, "K-1").await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_retry_with_the_same_idempotency_key_replays_the_first_answer() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "I-1", Some("cus_ana"), HOUR).await;
    let body = json!({"reason": "ordered_by_mistake"});
    let first = ask(&t, "I-1", "cancellation", &ana, &body, Some("cancel-I-1")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    // A retry with a fresh token for the same customer still replays.
    let retry = ask(
        &t,
        "I-1",
        "cancellation",
        &bearer("cus_ana"),
        &body,
        Some("cancel-I-1"),
    )
    .await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(retry.json(), first.json());
    let other = json!({"reason": "changed_mind"});
    let r = ask(&t, "I-1", "cancellation", &ana, &other, Some("cancel-I-1")).await;
    assert_eq!(r.code(), "idempotency_key_reused");
    assert_eq!(read(&t, "cus_ana", "I-1").await.requests.len(), 1);
    let body = json!({"address": new_address()});
    let a = ask(&t, "I-1", "address-change", &ana, &body, Some("addr-I-1")).await;
    let b = ask(&t, "I-1", "address-change", &ana, &body, Some("addr-I-1")).await;
    assert_eq!(
        (a.status, b.status),
        (StatusCode::CREATED, StatusCode::CREATED)
    );
    assert_eq!(a.json(), b.json());
    assert_eq!(read(&t, "cus_ana", "I-1").await.requests.len(), 2);
}

#[tokio::test]
async fn only_the_owner_or_a_guest_session_for_the_order_may_ask() {
    let t = setup().await;
    fresh_order(&t, "O-1", Some("cus_ana"), HOUR).await;
    fresh_order(&t, "G-1", None, HOUR).await;
    let body = json!({"reason": "changed_mind"});
    for (number, auth) in [
        ("O-1", bearer("cus_ben")),
        ("NOPE-1", bearer("cus_ana")),
        ("O-1", guest_bearer("G-1")),
        ("G-1", bearer("cus_ana")),
    ] {
        let r = ask(&t, number, "cancellation", &auth, &body, None).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{number}"
        );
    }
    let r = ask(&t, "O-1", "cancellation", "", &body, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // A guest's order session asks for its own order, and reads the answer.
    let guest = guest_bearer("G-1");
    let r = ask(&t, "G-1", "cancellation", &guest, &body, Some("guest-1")).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let r = ask(
        &t,
        "G-1",
        "address-change",
        &guest,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let o = get_as(&t, "/v1/orders/G-1", &guest).await.json();
    assert_eq!(o["requests"].as_array().unwrap().len(), 2);
    assert_eq!(o["changes"]["cancel_blocked"], "already_requested");
}
#[tokio::test]
async fn the_demo_has_a_request_in_every_state() {
    let t = setup().await;
    let o = read(&t, "cus_ana", "1032").await;
    assert_eq!(o.status, OrderStatus::Processing);
    assert!(o.requests.is_empty());
    let changes = o.changes.unwrap();
    assert!(changes.cancel_until.is_some() && changes.address_change);

    let o = read(&t, "cus_ana", "1033").await;
    let r = &o.requests[0];
    assert_eq!(
        (r.kind, r.status),
        (RequestKind::Cancellation, RequestStatus::Rejected)
    );
    assert!(r.note.as_deref().unwrap().contains("packed"));
    assert!(r.decided_at.unwrap().utc_ms > r.created_at.utc_ms);
    assert_eq!(
        o.changes.unwrap().cancel_blocked,
        Some(NotChangeable::WindowClosed)
    );

    let o = read(&t, "cus_ana", "1034").await;
    let r = &o.requests[0];
    assert_eq!(
        (r.kind, r.status),
        (RequestKind::AddressChange, RequestStatus::Pending)
    );
    assert_eq!(r.address.as_ref().unwrap().postal_code, "28046");
    assert!(!r.shipped_meanwhile);
    let changes = o.changes.unwrap();
    assert_eq!(
        changes.address_blocked,
        Some(NotChangeable::AlreadyRequested)
    );
    assert_eq!(changes.cancel_blocked, Some(NotChangeable::WindowClosed));

    // Seeding again changes nothing.
    assert_eq!(request_count(&t).await, 2);
    aftercare_server::seed::seed_demo(&t.state.db)
        .await
        .unwrap();
    assert_eq!(request_count(&t).await, 2);
    assert_eq!(read(&t, "cus_ana", "1034").await.requests, o.requests);
}

/// How many requests are stored.
async fn request_count(t: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM order_requests")
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn openapi_documents_the_request_routes() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    let statuses = |path: &str, method: &str| -> Vec<String> {
        doc["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} undocumented"))
            .keys()
            .cloned()
            .collect()
    };
    let shopper = ["201", "400", "401", "403", "404", "409", "413", "422"];
    assert_eq!(
        statuses("/v1/orders/{order_number}/cancellation", "post"),
        shopper
    );
    assert_eq!(
        statuses("/v1/orders/{order_number}/address-change", "post"),
        shopper
    );
    assert_eq!(
        statuses("/v1/admin/requests", "get"),
        ["200", "400", "401", "422"]
    );
    assert_eq!(
        statuses("/v1/admin/requests/{id}/decision", "post"),
        ["200", "400", "401", "404", "409", "413", "422"]
    );
    let params = doc["paths"]["/v1/admin/requests"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let limit = params.iter().find(|p| p["name"] == "limit").unwrap();
    assert_eq!(
        (
            limit["schema"]["minimum"].as_i64(),
            limit["schema"]["maximum"].as_i64()
        ),
        (Some(1), Some(100))
    );
    let status = params.iter().find(|p| p["name"] == "status").unwrap();
    assert_eq!(
        status["schema"]["enum"],
        json!(["pending", "accepted", "rejected"])
    );
    let decision = &doc["paths"]["/v1/admin/requests/{id}/decision"]["post"];
    assert_eq!(decision["parameters"][0]["name"], "id");
    assert_eq!(decision["parameters"][0]["schema"]["minimum"], 1);
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "OrderRequest",
        "CancellationInput",
        "AddressChangeInput",
        "DecisionInput",
        "ChangeOptions",
        "NotChangeable",
        "CancelReason",
    ] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
    assert!(doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["name"] == "requests"));
}
