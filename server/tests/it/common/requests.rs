//! Helpers of the change-request tests: fresh orders placed at a chosen time, the shopper's
//! requests, parcels, the merchant's queue and decisions, and the order as its owner reads it.

use super::*;
use aftercare_shared::order::Order;
use aftercare_shared::Timestamp;
use axum::body::Body;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// One day in milliseconds.
pub(crate) const DAY: i64 = 24 * HOUR;

/// A timestamp `ms` from now, at +01:00, on the wire.
pub(crate) fn at(ms: i64) -> Value {
    serde_json::to_value(Timestamp::from_utc_ms(aftercare_server::now_ms() + ms, 60)).unwrap()
}

/// The `authorization` value of a demo customer.
pub(crate) fn bearer(customer: &str) -> String {
    format!("Bearer {}", customer_token(customer))
}

/// The `authorization` value of a guest's order session for a demo-store order.
pub(crate) fn guest_bearer(number: &str) -> String {
    format!("Bearer {}", order_session(number))
}

/// Put order `number` of `customer` (none: a guest's), placed `placed_ago` ms ago at +01:00,
/// unshipped: two units of `A`, one of `B`, delivered in Madrid.
pub(crate) async fn fresh_order(
    t: &TestApp,
    number: &str,
    customer: Option<&str>,
    placed_ago: i64,
) {
    let mut body = json!({"order_number": number, "email": "buyer@example.com",
    "currency": "EUR", "placed_at": at(-placed_ago),
    "shipping_address": {"name": "Ana López", "line1": "Calle de Alcalá 123",
        "city": "Madrid", "region": "Madrid", "postal_code": "28009", "country": "ES"},
    "items": [
        {"sku": "A", "title": "Alpha", "quantity": 2, "unit_price_minor": 1000},
        {"sku": "B", "title": "Beta", "quantity": 1, "unit_price_minor": 500}
    ]});
    if let Some(c) = customer {
        body["email"] = json!(format!("{c}@example.com"));
        body["customer"] = json!({"external_id": c, "email": format!("{c}@example.com")});
    }
    let r = admin_send(t, "PUT", &format!("/v1/admin/orders/{number}"), &body).await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

/// A shopper `POST` of a request (`cancellation` or `address-change`) on `number`.
pub(crate) async fn ask(
    t: &TestApp,
    number: &str,
    what: &str,
    auth: &str,
    body: &Value,
    key: Option<&str>,
) -> Reply {
    let mut req = public("POST", &format!("/v1/orders/{number}/{what}"))
        .header("authorization", auth)
        .header("content-type", "application/json");
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    t.send(req.body(json_body(body)).unwrap()).await
}

/// Ana asks to cancel `number` because she changed her mind.
pub(crate) async fn cancel(t: &TestApp, number: &str) -> Reply {
    let body = json!({"reason": "changed_mind"});
    ask(t, number, "cancellation", &bearer("cus_ana"), &body, None).await
}

/// A valid Spanish address for an address change.
pub(crate) fn new_address() -> Value {
    json!({"name": "Ana López", "line1": "Paseo de la Castellana 89", "city": "Madrid",
        "region": "Madrid", "postal_code": "28046", "country": "ES"})
}

/// Admin: add a parcel with `items` (`[(sku, quantity)]`) to `number`.
pub(crate) async fn ship(
    t: &TestApp,
    number: &str,
    tracking: &str,
    items: &[(&str, u32)],
) -> Reply {
    let items: Vec<Value> = items
        .iter()
        .map(|(sku, quantity)| json!({"sku": sku, "quantity": quantity}))
        .collect();
    let body = json!({"carrier_code": "gls", "tracking_number": tracking, "items": items});
    let uri = format!("/v1/admin/orders/{number}/shipments");
    admin_send(t, "POST", &uri, &body).await
}

/// Admin: decide request `id`.
pub(crate) async fn decide(t: &TestApp, id: &Value, body: &Value) -> Reply {
    admin_send(
        t,
        "POST",
        &format!("/v1/admin/requests/{id}/decision"),
        body,
    )
    .await
}

/// Admin: the request queue with `query` (`?status=…`), asserting `200`.
pub(crate) async fn queue(t: &TestApp, query: &str) -> Value {
    let r = admin_get(t, &format!("/v1/admin/requests{query}")).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

/// The order as `customer` reads it, typed (asserting `200`).
pub(crate) async fn read(t: &TestApp, customer: &str, number: &str) -> Order {
    let r = shopper_get(t, customer, number, None).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    serde_json::from_slice(&r.body).unwrap()
}

/// `GET` of `uri` as `auth`.
pub(crate) async fn get_as(t: &TestApp, uri: &str, auth: &str) -> Reply {
    t.send(
        public("GET", uri)
            .header("authorization", auth)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// Race a cancellation against a parcel on `count` fresh orders of Ana (`{prefix}-1`…), one
/// order at a time, the two requests sent at once from separate tasks. Asserts the outcome is
/// always one of the two allowed and answers how many requests came first and how many were
/// refused because the parcel came first.
///
/// The shopper's request does more work before its transaction than the parcel (idempotency,
/// token, ownership), so the parcel waits a random time, at first up to twice what one request
/// takes on this database (timed on `{prefix}-0`, warmed up first), then shorter after a
/// request came first and longer after a parcel did: either may reach the order first.
pub(crate) async fn race_cancellations_and_parcels(
    t: &Arc<TestApp>,
    prefix: &str,
    count: usize,
) -> (usize, usize) {
    let numbers: Vec<String> = (1..=count).map(|i| format!("{prefix}-{i}")).collect();
    for n in &numbers {
        fresh_order(t, n, Some("cus_ana"), HOUR).await;
    }
    let ana = bearer("cus_ana");
    let body = json!({"reason": "changed_mind"});
    let warm_up = format!("{prefix}-0");
    fresh_order(t, &warm_up, Some("cus_ana"), HOUR).await;
    let r = ask(t, &warm_up, "cancellation", &ana, &body, None).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let started = std::time::Instant::now();
    let address = json!({"address": new_address()});
    let r = ask(t, &warm_up, "address-change", &ana, &address, None).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let mut parcel_jitter_us = (2 * started.elapsed().as_micros() as u64).max(1_000);
    let mut outcomes = Vec::new();
    for n in &numbers {
        let key = format!("race-{n}");
        let tracking = format!("GLS-{n}");
        let jitter = |us| tokio::time::sleep(Duration::from_micros(fastrand::u64(0..us)));
        let (asked, shipped) = tokio::join!(
            tokio::spawn({
                let (t, ana, body, n) = (t.clone(), ana.clone(), body.clone(), n.clone());
                async move {
                    jitter(1_000).await;
                    ask(&t, &n, "cancellation", &ana, &body, Some(&key)).await
                }
            }),
            tokio::spawn({
                let (t, n) = (t.clone(), n.clone());
                async move {
                    jitter(parcel_jitter_us).await;
                    ship(&t, &n, &tracking, &[("A", 2), ("B", 1)]).await
                }
            }),
        );
        let asked = asked.unwrap();
        // Keep the odds even: a parcel that lost waits less next time, one that won more.
        parcel_jitter_us = match asked.status {
            StatusCode::CREATED => (parcel_jitter_us * 2 / 3).max(200),
            _ => parcel_jitter_us * 3 / 2,
        };
        outcomes.push((n.clone(), asked, shipped.unwrap()));
    }
    let (mut created, mut refused) = (0, 0);
    for (n, asked, shipped) in outcomes {
        assert_eq!(
            shipped.status,
            StatusCode::CREATED,
            "{n}: the parcel is never refused"
        );
        let o = read(t, "cus_ana", &n).await;
        assert_eq!(o.shipments.len(), 1, "{n}");
        match asked.status {
            StatusCode::CREATED => {
                created += 1;
                assert_eq!(o.requests.len(), 1, "{n}");
                assert!(
                    o.requests[0].shipped_meanwhile,
                    "{n}: asked first, then shipped"
                );
                assert_eq!(asked.json()["id"], json!(o.requests[0].id));
            }
            StatusCode::CONFLICT => {
                refused += 1;
                assert!(
                    asked.json()["message"]
                        .as_str()
                        .unwrap()
                        .contains("carrier"),
                    "{n}"
                );
                assert!(o.requests.is_empty(), "{n}");
            }
            other => panic!("{n}: {other} {}", String::from_utf8_lossy(&asked.body)),
        }
    }
    assert_eq!(created + refused, count);
    let waiting = queue(t, "?limit=100").await;
    let marked = waiting["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| numbers.iter().any(|n| r["order_number"] == n.as_str()))
        .inspect(|r| assert_eq!(r["shipped_meanwhile"], true))
        .count();
    assert_eq!(marked, created, "every created request waits in the queue");
    (created, refused)
}

/// The main flows on a freshly seeded app, on either engine (`postgres.rs` runs them on
/// PostgreSQL): the seeded states, the change policy round trip, asking (window, validation,
/// one pending per kind under the partial unique index), the merchant's queue and decisions,
/// the overview, and the race with parcels under the order's row lock.
pub(crate) async fn main_flows(t: &Arc<TestApp>) {
    let o = read(t, "cus_ana", "1034").await;
    assert_eq!(
        o.requests.len(),
        1,
        "seeded once, even after the second seed"
    );
    assert_eq!(
        read(t, "cus_ana", "1033").await.requests[0].status.as_str(),
        "rejected"
    );
    assert!(read(t, "cus_ana", "1032")
        .await
        .changes
        .unwrap()
        .cancel_until
        .is_some());

    let mut settings = admin_get(t, "/v1/admin/store/settings").await.json();
    settings["changes"] = json!({"cancel_window_hours": 12, "cancel_reasons": ["other", "changed_mind"], "address_changes": true});
    let r = admin_send(t, "PUT", "/v1/admin/store/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        admin_get(t, "/v1/admin/store/settings").await.json(),
        settings
    );

    fresh_order(t, "PG-R1", Some("cus_ana"), HOUR).await;
    fresh_order(t, "PG-R2", Some("cus_ana"), 13 * HOUR).await;
    let ana = bearer("cus_ana");
    let r = ask(
        t,
        "PG-R1",
        "cancellation",
        &ana,
        &json!({"reason": "found_better_price"}),
        None,
    )
    .await;
    assert_eq!(field_names(&r), ["reason"]);
    let c = ask(
        t,
        "PG-R1",
        "cancellation",
        &ana,
        &json!({"reason": "changed_mind"}),
        Some("pg-c1"),
    )
    .await;
    assert_eq!(
        c.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&c.body)
    );
    let replay = ask(
        t,
        "PG-R1",
        "cancellation",
        &ana,
        &json!({"reason": "changed_mind"}),
        Some("pg-c1"),
    )
    .await;
    assert_eq!(replay.json(), c.json());
    assert_eq!(cancel(t, "PG-R1").await.status, StatusCode::CONFLICT);
    assert_eq!(
        cancel(t, "PG-R2").await.status,
        StatusCode::CONFLICT,
        "12 h window closed"
    );
    let mut bad = new_address();
    bad["country"] = json!("GB");
    let r = ask(
        t,
        "PG-R1",
        "address-change",
        &ana,
        &json!({"address": bad}),
        None,
    )
    .await;
    assert_eq!(field_names(&r), ["address.postal_code"]);
    let a = ask(
        t,
        "PG-R1",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED);

    let pending = queue(t, "").await;
    let numbers: Vec<&str> = pending["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["order_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["1034", "PG-R1", "PG-R1"], "oldest first");
    let r = decide(t, &c.json()["id"], &json!({"decision": "accept"})).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(order(t, "PG-R1").await["status"], "cancelled");
    let r = decide(t, &a.json()["id"], &json!({"decision": "accept"})).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "closed with the cancellation"
    );
    let r = decide(
        t,
        &c.json()["id"],
        &json!({"decision": "reject", "note": "No"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "decided twice");
    let overview = get_as(t, "/v1/me/overview", &ana).await.json();
    let requests = overview["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "request")
        .count();
    assert_eq!(requests, 4, "1034, 1033 and both on PG-R1");

    settings["changes"]["cancel_window_hours"] = json!(24);
    admin_send(t, "PUT", "/v1/admin/store/settings", &settings).await;
    let (created, refused) = race_cancellations_and_parcels(t, "PG-RACE", 20).await;
    eprintln!("race: {created} requests first, {refused} parcels first");
}
