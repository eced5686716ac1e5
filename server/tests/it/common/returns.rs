//! Helpers of the returns tests: the return form, shopper and admin `POST`s, and the
//! fields a refusal names.

use super::*;
use axum::body::Body;
use axum::http::StatusCode;
use serde_json::Value;

/// The `authorization` value of Ana, the demo customer with returnable orders.
pub(crate) fn ana() -> String {
    format!("Bearer {}", customer_token("cus_ana"))
}

/// `GET /v1/orders/{order}/returns/options` in `locale`.
pub(crate) async fn options(t: &TestApp, order: &str, auth: &str, locale: &str) -> Reply {
    t.send(
        public(
            "GET",
            &format!("/v1/orders/{order}/returns/options?locale={locale}"),
        )
        .header("authorization", auth)
        .body(Body::empty())
        .unwrap(),
    )
    .await
}

/// The options line of a SKU.
pub(crate) fn line<'a>(opts: &'a Value, sku: &str) -> &'a Value {
    opts["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["sku"] == sku)
        .unwrap_or_else(|| panic!("no line {sku}"))
}

/// A shopper `POST` with JSON, optionally under an `Idempotency-Key`.
pub(crate) async fn post(
    t: &TestApp,
    uri: &str,
    auth: &str,
    body: &Value,
    key: Option<&str>,
) -> Reply {
    let mut req = public("POST", uri)
        .header("authorization", auth)
        .header("content-type", "application/json");
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    t.send(req.body(json_body(body)).unwrap()).await
}

/// An admin `POST` with JSON.
pub(crate) async fn admin_post(t: &TestApp, uri: &str, body: &Value) -> Reply {
    t.send(
        admin("POST", uri)
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

/// `(field, issue)` of every field a `validation_failed` answer names.
pub(crate) fn fields(r: &Reply) -> Vec<(String, String)> {
    r.json()["fields"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["issue"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The options of an order (asserting `200`): where tests read line ids from.
pub(crate) async fn item_ids(t: &TestApp, order: &str, auth: &str) -> Value {
    let r = options(t, order, auth, "en").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    r.json()
}
