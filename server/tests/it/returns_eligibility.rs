//! What may go back and what it is worth, through the HTTP API on the seeded demo store:
//! eligibility of every kind in the shopper's language, guests limited to their order, the
//! server's estimate against a hand computation and validation per reason rules.

use crate::common;

use axum::http::StatusCode;
use common::returns::*;
use common::*;
use serde_json::json;

#[tokio::test]
async fn options_explain_every_line_in_the_shoppers_language() {
    let t = setup().await;
    let r = options(&t, "1029", &ana(), "es").await;
    assert_eq!(r.status, StatusCode::OK);
    let o = r.json();
    let sweater = line(&o, "MER-CREW-FG-M");
    assert_eq!(sweater["returnability"]["returnable_quantity"], 1);
    assert!(sweater["returnability"]["window_closes_at"].is_string());
    let variants: Vec<(String, bool)> = sweater["exchange_options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["label"].as_str().unwrap().to_owned(),
                v["available"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        variants,
        vec![
            ("Forest Green / S".to_owned(), true),
            ("Forest Green / L".to_owned(), true),
            ("Forest Green / XL".to_owned(), false)
        ]
    );
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        3
    );
    let beanie = line(&o, "BEANIE-RIB-CH");
    assert_eq!(beanie["returnability"]["returnable_quantity"], 0);
    assert_eq!(beanie["returnability"]["blocked"], "final_sale");
    // €10 discount spread over 89.00 + 3×12.50 + 22.00: the sweater cost 83.01.
    assert_eq!(sweater["paid_per_unit"]["amount_minor"], 8301);
    assert_eq!(o["reasons"][0]["label"], "Demasiado pequeño");
    assert_eq!(o["reasons"][4]["code"], "damaged");
    assert_eq!(o["reasons"][4]["photos"], "required");
    assert_eq!(o["methods"], json!(["drop_off", "pickup"]));
    assert_eq!(o["terms"]["return_shipping_fee"]["amount_minor"], 495);
    assert!(o["withdrawal"]["deadline"].is_string(), "{o}");

    // Not delivered yet, window closed, already returned.
    let in_transit = item_ids(&t, "1002", &ana()).await;
    assert_eq!(
        in_transit["lines"][0]["returnability"]["blocked"],
        "not_delivered"
    );
    assert!(in_transit.get("withdrawal").is_none());
    let carla = format!("Bearer {}", customer_token("cus_carla"));
    let old = item_ids(&t, "1031", &carla).await;
    assert_eq!(old["lines"][0]["returnability"]["blocked"], "window_closed");
    let exchanged = item_ids(&t, "1001", &ana()).await;
    assert_eq!(
        exchanged["lines"][0]["returnability"]["blocked"],
        "already_returned"
    );
    assert_eq!(exchanged["returns"][0]["status"], "exchanged");

    // Someone else's order is not found.
    let r = options(&t, "1031", &ana(), "en").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn guests_reach_only_the_order_they_looked_up() {
    let t = setup().await;
    let r = post(
        &t,
        "/v1/orders/lookup",
        "",
        &json!({"order_number": "1030", "email": "Returns@Example.com"}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let guest = format!("Bearer {}", r.json()["token"].as_str().unwrap());
    let o = item_ids(&t, "1030", &guest).await;
    assert_eq!(o["lines"].as_array().unwrap().len(), 2);
    assert_eq!(
        options(&t, "1029", &guest, "en").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn estimate_matches_a_hand_computation() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": sweater, "quantity": 1, "reason": "", "resolution": "refund"},
        {"item_id": socks, "quantity": 2, "reason": "", "resolution": "store_credit"},
    ]});
    let r = post(&t, "/v1/orders/1029/returns/estimate", &ana(), &body, None).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let e = r.json();
    let m = |k: &str| e[k]["amount_minor"].as_i64().unwrap();
    // Sweater paid 83.01: 5 % restocking = 4.15 (4.1505 rounded), shipping 4.95.
    assert_eq!(m("refund_items"), 8301);
    assert_eq!(m("restocking_fee"), 415);
    assert_eq!(m("return_shipping_fee"), 495);
    assert_eq!(m("refund_total"), 8301 - 415 - 495);
    // Socks paid 34.97 for three; two of them are ⌊3497·2/3⌋ = 23.31, +10 % = 2.33.
    assert_eq!(m("store_credit_items"), 2331);
    assert_eq!(m("store_credit_bonus"), 233);
    assert_eq!(m("store_credit_total"), 2564);
    assert_eq!(e["refund_total"]["currency"], "EUR");

    // Exchange only: nothing is charged.
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": sweater, "quantity": 1, "reason": "", "resolution": "exchange", "exchange_sku": "MER-CREW-FG-L"},
    ]});
    let e = post(&t, "/v1/orders/1029/returns/estimate", &ana(), &body, None)
        .await
        .json();
    assert_eq!(e["exchange_items"]["amount_minor"], 8301);
    assert_eq!(e["refund_total"]["amount_minor"], 0);
    assert_eq!(e["return_shipping_fee"]["amount_minor"], 0);
}

#[tokio::test]
async fn create_checks_every_rule_and_names_the_fields() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let beanie = line(&o, "BEANIE-RIB-CH")["item_id"].clone();
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": sweater, "quantity": 1, "reason": "not_as_described", "resolution": "exchange", "exchange_sku": "MER-CREW-FG-XL"},
        {"item_id": beanie, "quantity": 1, "reason": "too_small", "resolution": "refund"},
        {"item_id": socks, "quantity": 4, "reason": "damaged", "resolution": "store_credit", "photo_ids": ["ffffffffffffffffffffffffffffffff"]},
        {"item_id": 999999, "quantity": 1, "reason": "nope", "resolution": "refund"},
    ]});
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &body,
        Some("k-invalid"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.json());
    let f = fields(&r);
    for expected in [
        ("lines[0].exchange_sku", "out_of_range"),
        ("lines[0].comment", "required"),
        ("lines[1].quantity", "out_of_range"),
        ("lines[2].quantity", "out_of_range"),
        ("lines[2].photo_ids", "unknown_reference"),
        ("lines[3].item_id", "unknown_reference"),
    ] {
        assert!(
            f.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} missing in {f:?}"
        );
    }
    // Photos required by "damaged".
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 1, "reason": "damaged", "resolution": "refund"},
    ]});
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &body,
        Some("k-photo"),
    )
    .await;
    assert_eq!(
        fields(&r),
        vec![("lines[0].photo_ids".into(), "required".into())]
    );
    // A method the store does not offer, and no lines.
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &json!({"method": "teleport", "lines": []}),
        Some("k-method"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}
