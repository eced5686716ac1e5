//! Helpers of the profile and address book tests (SQLite and PostgreSQL): the routes as a
//! customer, a profile's addresses at a glance, and a guest's order session.

use super::surveys::shopper;
use super::*;
use axum::body::Body;
use axum::http::StatusCode;
use serde_json::{json, Value};

/// A request to the profile routes as `customer` (a customer token), with a JSON body.
pub(crate) async fn call(
    t: &TestApp,
    customer: &str,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> Reply {
    call_as(t, &customer_token(customer), method, uri, body).await
}

/// The same with any token.
pub(crate) async fn call_as(
    t: &TestApp,
    token: &str,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> Reply {
    let body = body.map_or_else(Body::empty, |b| json_body(&b));
    t.send(shopper(method, uri, token).body(body).unwrap())
        .await
}

/// `body` after asserting `status`.
pub(crate) fn ok(r: Reply, status: StatusCode) -> Value {
    assert_eq!(r.status, status, "{}", String::from_utf8_lossy(&r.body));
    r.json()
}

/// A demo customer's profile.
pub(crate) async fn profile(t: &TestApp, customer: &str) -> Value {
    ok(
        call(t, customer, "GET", "/v1/me/profile", None).await,
        StatusCode::OK,
    )
}

/// A Spanish address on `street`.
pub(crate) fn madrid(street: &str) -> Value {
    json!({"name": "Test Person", "line1": street, "city": "Madrid", "postal_code": "28013", "country": "ES"})
}

/// Save `address` for `customer`, asserting `201`; answers the profile.
pub(crate) async fn add(t: &TestApp, customer: &str, address: Value, make_default: bool) -> Value {
    let body = json!({"address": address, "make_default": make_default});
    ok(
        call(t, customer, "POST", "/v1/me/addresses", Some(body)).await,
        StatusCode::CREATED,
    )
}

/// The `line1`s of a profile's addresses, in order, with a `*` on the default.
pub(crate) fn lines(p: &Value) -> Vec<String> {
    p["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let star = if a["is_default"] == true { "*" } else { "" };
            format!("{}{star}", a["address"]["line1"].as_str().unwrap())
        })
        .collect()
}

/// The id of the address on `line1`.
pub(crate) fn id_of(p: &Value, line1: &str) -> i64 {
    p["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["address"]["line1"] == line1)
        .unwrap_or_else(|| panic!("no {line1} in {p}"))["id"]
        .as_i64()
        .unwrap()
}
