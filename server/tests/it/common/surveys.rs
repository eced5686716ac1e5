//! Helpers of the survey tests: orders delivered at a chosen time, the survey routes as a
//! shopper, the demo clock and database counts.

use super::*;
use aftercare_server::Config;
use aftercare_shared::Timestamp;
use axum::http::StatusCode;
use serde_json::{json, Value};

/// One day in milliseconds.
pub(crate) const DAY: i64 = 86_400_000;

/// The test app with the demo routes (`/demo/clock`) on.
pub(crate) async fn demo_app() -> TestApp {
    setup_with(Config {
        demo: true,
        ..Config::default()
    })
    .await
}

/// An order for `customer` (created with that id) whose only parcel was delivered at `at_ms`.
pub(crate) async fn delivered_order(t: &TestApp, customer: &str, number: &str, at_ms: i64) {
    let at = Timestamp::from_utc_ms(at_ms, 60).to_string();
    let placed = Timestamp::from_utc_ms(at_ms - 3 * DAY, 60).to_string();
    let body = json!({
        "order_number": number,
        "email": format!("{customer}@example.com"),
        "customer": {"external_id": customer, "email": format!("{customer}@example.com")},
        "currency": "EUR",
        "placed_at": placed,
        "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        "shipping_minor": 0, "tax_minor": 0, "discount_minor": 0,
        "shipments": [{
            "carrier_code": "correos", "tracking_number": format!("TRK{number}"),
            "items": [{"sku": "A", "quantity": 1}],
            "events": [{"status": "delivered", "description": "Entregado", "occurred_at": at}]
        }]
    });
    let r = t
        .send(
            admin("PUT", &format!("/v1/admin/orders/{number}"))
                .header("content-type", "application/json")
                .body(json_body(&body))
                .unwrap(),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

/// A JSON request with the demo publishable key and a shopper token.
pub(crate) fn shopper(method: &str, uri: &str, token: &str) -> axum::http::request::Builder {
    public(method, uri)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
}

/// `POST /v1/surveys/{kind}/prompt` with any shopper token (asserting `200`).
pub(crate) async fn prompt_as(t: &TestApp, token: &str, kind: &str, visit: &str) -> Value {
    let r = t
        .send(
            shopper("POST", &format!("/v1/surveys/{kind}/prompt"), token)
                .body(json_body(&json!({"visit_id": visit})))
                .unwrap(),
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

/// [`prompt_as`] a demo customer.
pub(crate) async fn prompt(t: &TestApp, customer: &str, kind: &str, visit: &str) -> Value {
    prompt_as(t, &customer_token(customer), kind, visit).await
}

/// `"eligible"`, or why a prompt is not shown.
pub(crate) fn reason(p: &Value) -> Value {
    if p["eligibility"]["eligible"] == true {
        json!("eligible")
    } else {
        p["eligibility"]["reason"].clone()
    }
}

/// Move the demo clock of one customer forward.
pub(crate) async fn advance(t: &TestApp, customer: &str, days: i64) -> Value {
    let r = t
        .send(
            Request::post("/demo/clock")
                .header("content-type", "application/json")
                .body(json_body(
                    &json!({"customer": customer, "advance_days": days}),
                ))
                .unwrap(),
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

/// `PUT /v1/survey-responses/{id}` with any shopper token.
pub(crate) async fn put_response_as(t: &TestApp, token: &str, id: &str, body: &Value) -> Reply {
    t.send(
        shopper("PUT", &format!("/v1/survey-responses/{id}"), token)
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

/// [`put_response_as`] a demo customer.
pub(crate) async fn put_response(t: &TestApp, customer: &str, id: &str, body: &Value) -> Reply {
    put_response_as(t, &customer_token(customer), id, body).await
}

/// "Not now" for a demo customer (asserting `200`).
pub(crate) async fn dismiss(t: &TestApp, customer: &str, kind: &str, visit: &str) -> Value {
    let r = t
        .send(
            shopper(
                "POST",
                &format!("/v1/surveys/{kind}/dismissals"),
                &customer_token(customer),
            )
            .body(json_body(&json!({"visit_id": visit})))
            .unwrap(),
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

/// A `COUNT(*)` query's answer.
pub(crate) async fn count(t: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap()
}

/// The field names of a `validation_failed` answer (panics when there are none).
pub(crate) fn fields(r: &Reply) -> Vec<String> {
    r.json()["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no fields: {}", String::from_utf8_lossy(&r.body)))
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect()
}
