//! Helpers of the review tests: orders whose one line was shipped and delivered at chosen
//! times, the customer's review calls and the merchant's moderation calls.

use super::requests::DAY;
use super::*;
use aftercare_shared::Timestamp;
use serde_json::{json, Value};

/// A wire timestamp `ms` from now, at +01:00.
fn at(ms: i64) -> String {
    Timestamp::from_utc_ms(aftercare_server::now_ms() + ms, 60).to_string()
}

/// Put order `number` of `customer`: one line of `sku`, shipped `shipped_ago` ms ago (none:
/// unshipped) and scanned delivered `delivered_ago` ms ago (none: no scan); `refunded`
/// refunds the whole order.
pub(crate) async fn order_of(
    t: &TestApp,
    customer: &str,
    number: &str,
    sku: &str,
    shipped_ago: Option<i64>,
    delivered_ago: Option<i64>,
    refunded: bool,
) {
    let placed = shipped_ago.unwrap_or(0).max(delivered_ago.unwrap_or(0)) + DAY;
    let mut body = json!({
        "order_number": number,
        "email": format!("{customer}@example.com"),
        "customer": {"external_id": customer, "email": format!("{customer}@example.com")},
        "currency": "EUR",
        "placed_at": at(-placed),
        "items": [{"sku": sku, "title": format!("Product {sku}"), "quantity": 1, "unit_price_minor": 1000}],
        "shipping_minor": 0, "tax_minor": 0, "discount_minor": 0,
    });
    if refunded {
        body["refunded_minor"] = json!(1000);
    }
    if let Some(s) = shipped_ago {
        let mut parcel = json!({
            "carrier_code": "correos", "tracking_number": format!("TRK{number}"),
            "shipped_at": at(-s), "items": [{"sku": sku, "quantity": 1}], "events": []
        });
        if let Some(d) = delivered_ago {
            parcel["events"] =
                json!([{"status": "delivered", "description": "Entregado", "occurred_at": at(-d)}]);
        }
        body["shipments"] = json!([parcel]);
    }
    let r = admin_send(t, "PUT", &format!("/v1/admin/orders/{number}"), &body).await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

/// A customer's call to a review route.
pub(crate) async fn call(
    t: &TestApp,
    customer: &str,
    method: &str,
    uri: &str,
    body: Option<&Value>,
) -> Reply {
    let req = public(method, uri)
        .header(
            "authorization",
            format!("Bearer {}", customer_token(customer)),
        )
        .header("content-type", "application/json");
    let body = body.map_or_else(Body::empty, json_body);
    t.send(req.body(body).unwrap()).await
}

/// The SKUs waiting for `customer`'s review.
pub(crate) async fn pending(t: &TestApp, customer: &str) -> Vec<String> {
    let r = call(t, customer, "GET", "/v1/me/reviews/pending", None).await;
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
        .map(|p| p["sku"].as_str().unwrap().to_owned())
        .collect()
}

/// A valid review of `sku` with `rating` stars.
pub(crate) fn review(sku: &str, rating: u8) -> Value {
    json!({"sku": sku, "rating": rating, "title": "My take",
        "body": "Used it for a while and this is what I think.",
        "attributes": {"would_recommend": true},
        "display_name": "Ana L."})
}

/// `POST /v1/reviews` as `customer`.
pub(crate) async fn submit(t: &TestApp, customer: &str, body: &Value) -> Reply {
    call(t, customer, "POST", "/v1/reviews", Some(body)).await
}

/// Admin: moderate review `id`.
pub(crate) async fn moderate(t: &TestApp, id: i64, body: &Value) -> Reply {
    admin_send(
        t,
        "POST",
        &format!("/v1/admin/reviews/{id}/moderation"),
        body,
    )
    .await
}

/// The public list of `sku` with `query` (e.g. `sort=lowest`).
pub(crate) async fn public_list(t: &TestApp, sku: &str, query: &str) -> Value {
    let r = t
        .send(
            public("GET", &format!("/v1/products/{sku}/reviews?{query}"))
                .body(Body::empty())
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

/// The flow both engines run, on the seeded demo: the seeded reviews' summary, Ana's pending
/// items, parallel duplicate submits making one review (verified exactly when the item was
/// scanned delivered), and moderation publishing it.
pub(crate) async fn main_flows(t: &std::sync::Arc<TestApp>) {
    let bottle = public_list(t, "BOTTLE-INS-750", "").await;
    assert_eq!(bottle["summary"]["count"], 3);
    assert_eq!(bottle["summary"]["histogram"], json!([0, 1, 0, 1, 1]));
    assert_eq!(bottle["summary"]["average"], 3.7);
    let with_photos = public_list(t, "BOTTLE-INS-750", "with_photos=true").await;
    assert_eq!(with_photos["reviews"]["items"].as_array().unwrap().len(), 3);
    assert_eq!(
        with_photos["reviews"]["items"][1]["photos"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "Carla's two photos"
    );
    let replied: Vec<&Value> = bottle["reviews"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("reply").is_some())
        .collect();
    assert_eq!(replied.len(), 1);
    assert_eq!(replied[0]["rating"], 2);
    // One published native review and one imported from Judge.me (seed/feedback.rs).
    assert_eq!(
        public_list(t, "SUN-POL-TORT", "").await["summary"]["count"],
        2
    );

    let r = call(t, "cus_ana", "GET", "/v1/me/reviews/pending", None).await;
    let first = r.json()[0].clone();
    let sku = first["sku"]
        .as_str()
        .expect("Ana has items to review")
        .to_owned();
    // The demo asks her now, with the store's reward; the ask fixes its code.
    assert_eq!(first["prompt"], true);
    assert_eq!(first["incentive"], "10% off your next order");
    let r = call(
        t,
        "cus_ana",
        "POST",
        "/v1/me/reviews/asks",
        Some(&json!({"skus": [sku]})),
    )
    .await;
    assert_eq!(r.json()["recorded"], 1);
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let t = std::sync::Arc::clone(t);
            let body = review(&sku, 4);
            tokio::spawn(async move { submit(&t, "cus_ana", &body).await })
        })
        .collect();
    let mut created = Vec::new();
    for task in tasks {
        let r = task.await.unwrap();
        match r.status {
            StatusCode::CREATED => created.push(r.json()),
            StatusCode::CONFLICT => {}
            other => panic!("{other}: {}", String::from_utf8_lossy(&r.body)),
        }
    }
    assert_eq!(created.len(), 1, "one review however many submits");
    assert_eq!(created[0]["verified"], first.get("delivered_at").is_some());
    assert!(created[0]["reward_code"]
        .as_str()
        .is_some_and(|c| c.starts_with("THANKS-")));
    assert!(!pending(t, "cus_ana").await.contains(&sku));
    let id = created[0]["id"].as_i64().unwrap();
    let r = moderate(t, id, &json!({"action": "approve"})).await;
    assert_eq!(r.json()["status"], "published");
    let list = public_list(t, &sku, "").await;
    assert!(list["reviews"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == id));

    // Parallel identical "helpful" votes count once (the primary key decides).
    let votes: Vec<_> = (0..6)
        .map(|_| {
            let t = std::sync::Arc::clone(t);
            tokio::spawn(async move {
                let req = public("POST", &format!("/v1/reviews/{id}/helpful"))
                    .header("content-type", "application/json")
                    .body(json_body(&json!({"voter": "main-flows-voter-1"})))
                    .unwrap();
                t.send(req).await.json()
            })
        })
        .collect();
    let mut counted = 0;
    for v in votes {
        let v = v.await.unwrap();
        assert_eq!(v["helpful_count"], 1, "{v}");
        counted += usize::from(v["counted"] == true);
    }
    assert_eq!(counted, 1);
}
