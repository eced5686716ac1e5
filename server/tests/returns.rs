//! Returns and exchanges through the HTTP API, on the seeded demo store: eligibility of every
//! kind, the server's estimate against a hand computation, validation per reason rules,
//! idempotent creation, the oversubscription race, hostile uploads, the status workflow the
//! shopper sees, label capabilities and the EU withdrawal.

mod common;

use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

fn ana() -> String {
    format!("Bearer {}", customer_token("cus_ana"))
}

async fn options(t: &TestApp, order: &str, auth: &str, locale: &str) -> Reply {
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

fn line<'a>(opts: &'a Value, sku: &str) -> &'a Value {
    opts["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["sku"] == sku)
        .unwrap_or_else(|| panic!("no line {sku}"))
}

async fn post(t: &TestApp, uri: &str, auth: &str, body: &Value, key: Option<&str>) -> Reply {
    let mut req = public("POST", uri)
        .header("authorization", auth)
        .header("content-type", "application/json");
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    t.send(req.body(json_body(body)).unwrap()).await
}

async fn admin_post(t: &TestApp, uri: &str, body: &Value) -> Reply {
    t.send(
        admin("POST", uri)
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

fn fields(r: &Reply) -> Vec<(String, String)> {
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

async fn item_ids(t: &TestApp, order: &str, auth: &str) -> Value {
    let r = options(t, order, auth, "en").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    r.json()
}

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

#[tokio::test]
async fn creating_is_idempotent_and_reduces_what_is_left() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let body = json!({"method": "pickup", "locale": "es", "lines": [
        {"item_id": socks, "quantity": 2, "reason": "too_small", "resolution": "refund"},
        {"item_id": sweater, "quantity": 1, "reason": "too_large", "resolution": "exchange", "exchange_sku": "MER-CREW-FG-S"},
    ]});
    let first = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &body,
        Some("draft-1"),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.json());
    let d = first.json();
    let rma = d["rma"].as_str().unwrap().to_owned();
    assert!(rma.starts_with("RMA-") && rma.len() == 12, "{rma}");
    assert_eq!(d["status"], "requested");
    assert_eq!(d["can_cancel"], true);
    assert_eq!(d["history"][0]["status"], "requested");
    // Lines come back in the order's line order.
    assert_eq!(d["lines"][0]["sku"], "MER-CREW-FG-M");
    assert_eq!(d["lines"][0]["exchange"]["label"], "Forest Green / S");
    assert_eq!(d["lines"][1]["reason_label"], "Demasiado pequeño");
    assert!(d["instructions"].as_str().unwrap().contains(&rma));
    assert!(d["label_url"].as_str().unwrap().contains("/label?t="));
    let again = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &body,
        Some("draft-1"),
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json()["rma"], rma.as_str());
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        1
    );
    assert_eq!(
        line(&o, "MER-CREW-FG-M")["returnability"]["blocked"],
        "already_returned"
    );
    assert_eq!(o["returns"][0]["rma"], rma.as_str());
    assert_eq!(o["returns"][0]["units"], 3);
}

#[tokio::test]
async fn concurrent_requests_never_return_more_units_than_were_bought() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    // Eight shoppers' tabs each try to return two of the three socks at once.
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 2, "reason": "too_small", "resolution": "refund"},
    ]});
    let auth = ana();
    let attempts = (0..8).map(|i| {
        let t = &t;
        let body = &body;
        let auth = &auth;
        async move {
            post(
                t,
                "/v1/orders/1029/returns",
                auth,
                body,
                Some(&format!("race-{i}")),
            )
            .await
            .status
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{statuses:?}");
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT));
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        1
    );
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(t: &TestApp, auth: &str, bytes: Vec<u8>, content_type: &str) -> Reply {
    t.send(
        public("POST", "/v1/returns/photos")
            .header("authorization", auth)
            .header("content-type", content_type)
            .body(Body::from(bytes))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn photos_are_sniffed_reencoded_and_attached_only_by_their_uploader() {
    let t = setup().await;
    let r = upload(&t, &ana(), png(64, 48), "image/png").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let photo = r.json();
    let id = photo["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (photo["width"].clone(), photo["height"].clone()),
        (json!(64), json!(48))
    );
    let url = photo["url"].as_str().unwrap();
    let path = &url[url.find("/v1/").unwrap()..];
    let got = t
        .send(axum::http::Request::get(path).body(Body::empty()).unwrap())
        .await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.header("content-type"), Some("image/jpeg"));
    assert_eq!(&got.body[..3], &[0xFF, 0xD8, 0xFF]);

    // Hostile uploads: SVG with script, text named as an image, a pixel bomb header.
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec();
    let r = upload(&t, &ana(), svg, "image/png").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.code(), "unsupported_media_type");
    let r = upload(&t, &ana(), b"just text, honest".to_vec(), "image/jpeg").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let mut bomb = png(1, 1);
    // Patch IHDR to claim 20 000 × 20 000 (the CRC no longer matches: refused either way,
    // before any pixel is allocated).
    bomb[16..20].copy_from_slice(&20_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&20_000u32.to_be_bytes());
    let r = upload(&t, &ana(), bomb, "image/png").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.json());
    let r = upload(&t, &ana(), vec![0u8; 11 * 1024 * 1024], "image/jpeg").await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "payload_too_large");
    // Without a shopper token nothing is stored.
    let r = t
        .send(
            public("POST", "/v1/returns/photos")
                .body(Body::from(png(4, 4)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // Another shopper cannot attach Ana's photo.
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let dev_photo = upload(
        &t,
        &format!("Bearer {}", customer_token("cus_dev")),
        png(8, 8),
        "image/png",
    )
    .await
    .json();
    let damaged = |photo: &str| {
        json!({"method": "drop_off", "lines": [
            {"item_id": socks, "quantity": 1, "reason": "damaged", "resolution": "refund", "photo_ids": [photo]},
        ]})
    };
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &damaged(dev_photo["id"].as_str().unwrap()),
        Some("p1"),
    )
    .await;
    assert_eq!(
        fields(&r),
        vec![("lines[0].photo_ids".into(), "unknown_reference".into())]
    );
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &damaged(&id),
        Some("p2"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["lines"][0]["photos"][0]["id"], id.as_str());
}

#[tokio::test]
async fn the_merchant_workflow_shows_on_the_shoppers_status_page() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 3, "reason": "changed_mind", "comment": "Bought too many.", "resolution": "refund"},
    ]});
    let rma = post(&t, "/v1/orders/1029/returns", &ana(), &body, Some("wf"))
        .await
        .json()["rma"]
        .as_str()
        .unwrap()
        .to_owned();
    let status_uri = format!("/v1/admin/returns/{rma}/status");
    // Rejecting needs a note; impossible moves are conflicts.
    let r = admin_post(&t, &status_uri, &json!({"status": "rejected"})).await;
    assert_eq!(fields(&r), vec![("note".into(), "required".into())]);
    let r = admin_post(&t, &status_uri, &json!({"status": "refunded"})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = admin_post(&t, &status_uri, &json!({"status": "approved"})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["email"], "ana@example.com");
    let shopper_view = t
        .send(
            public("GET", &format!("/v1/returns/{rma}?locale=en"))
                .header("authorization", ana())
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(shopper_view["status"], "approved");
    assert_eq!(shopper_view["history"][1]["status"], "approved");
    assert_eq!(shopper_view["history"][1]["by"], "merchant");
    // In transit: the shopper can no longer cancel.
    admin_post(&t, &status_uri, &json!({"status": "in_transit"})).await;
    let r = post(
        &t,
        &format!("/v1/returns/{rma}/cancel"),
        &ana(),
        &json!({}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    admin_post(&t, &status_uri, &json!({"status": "received"})).await;
    let r = admin_post(
        &t,
        &status_uri,
        &json!({"status": "rejected", "note": "Two pairs were worn."}),
    )
    .await;
    assert_eq!(r.json()["status"], "rejected");
    let view = t
        .send(
            public("GET", &format!("/v1/returns/{rma}"))
                .header("authorization", ana())
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let last = view["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["note"], "Two pairs were worn.");
    assert!(
        view.get("label_url").is_none(),
        "no label for a rejected return"
    );
    // Rejected units can be returned again.
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        3
    );
    // Another customer cannot see it.
    let r = t
        .send(
            public("GET", &format!("/v1/returns/{rma}"))
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token("cus_dev")),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The queue filters by status.
    let list = t
        .send(
            admin("GET", "/v1/admin/returns?status=rejected&limit=50")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let rmas: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rma"].as_str().unwrap())
        .collect();
    assert!(rmas.contains(&rma.as_str()));
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "rejected"));
}

#[tokio::test]
async fn shoppers_cancel_before_shipping_and_label_links_need_their_capability() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": sweater, "quantity": 1, "reason": "too_small", "resolution": "store_credit"},
    ]});
    let d = post(&t, "/v1/orders/1029/returns", &ana(), &body, Some("c1"))
        .await
        .json();
    let rma = d["rma"].as_str().unwrap().to_owned();
    let label = d["label_url"].as_str().unwrap();
    let label_path = &label[label.find("/v1/").unwrap()..];
    let page = t
        .send(
            axum::http::Request::get(label_path)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8_lossy(&page.body).to_string();
    assert!(html.contains(&rma) && html.contains("Calle de Alcalá 100"));
    assert!(html.contains("<svg"), "the QR code is inline");
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    let qr = d["qr_url"].as_str().unwrap();
    let qr = t
        .send(
            axum::http::Request::get(&qr[qr.find("/v1/").unwrap()..])
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(qr.status, StatusCode::OK);
    assert!(qr
        .header("content-type")
        .unwrap()
        .starts_with("image/svg+xml"));
    let forged = format!("/v1/returns/{rma}/label?t=AAAAAAAAAAAAAAAAAAAAAA");
    let r = t
        .send(
            axum::http::Request::get(&forged)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let r = post(
        &t,
        &format!("/v1/returns/{rma}/cancel"),
        &ana(),
        &json!({}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["status"], "cancelled");
    assert_eq!(r.json()["can_cancel"], false);
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "MER-CREW-FG-M")["returnability"]["returnable_quantity"],
        1
    );
}

#[tokio::test]
async fn eu_withdrawal_is_confirmed_stored_and_shown_again() {
    let t = setup().await;
    let r = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": false}),
        None,
    )
    .await;
    assert_eq!(fields(&r), vec![("confirm".into(), "required".into())]);
    let r = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": true, "locale": "es"}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let w = r.json();
    let reference = w["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("WD-"));
    assert!(w["statement"].as_str().unwrap().contains("desisto"));
    let again = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": true}),
        None,
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["reference"], reference.as_str());
    let o = item_ids(&t, "1029", &ana()).await;
    assert!(o.get("withdrawal").is_none());
    assert_eq!(o["withdrawals"][0]["reference"], reference.as_str());
    // Delivered 45 days ago: the 14 days are over.
    let carla = format!("Bearer {}", customer_token("cus_carla"));
    let r = post(
        &t,
        "/v1/orders/1031/withdrawals",
        &carla,
        &json!({"confirm": true}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn settings_round_trip_and_report_counts_the_seeded_returns() {
    let t = setup().await;
    let s = t
        .send(
            admin("GET", "/v1/admin/returns/settings")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(s["policy"]["restocking_fee_bps"], 500);
    let mut bad = s.clone();
    bad["policy"]["window_days"] = json!(0);
    bad["reasons"][1]["code"] = bad["reasons"][0]["code"].clone();
    let r = t
        .send(
            admin("PUT", "/v1/admin/returns/settings")
                .header("content-type", "application/json")
                .body(json_body(&bad))
                .unwrap(),
        )
        .await;
    let f = fields(&r);
    assert!(f.contains(&("policy.window_days".into(), "out_of_range".into())));
    assert!(f.contains(&("reasons[1].code".into(), "duplicate".into())));
    let mut good = s.clone();
    good["policy"]["window_days"] = json!(60);
    let r = t
        .send(
            admin("PUT", "/v1/admin/returns/settings")
                .header("content-type", "application/json")
                .body(json_body(&good))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["policy"]["window_days"], 60);
    // 1031 was delivered 45 days ago: with a 60-day window it is returnable now.
    let carla = format!("Bearer {}", customer_token("cus_carla"));
    let o = item_ids(&t, "1031", &carla).await;
    assert_eq!(o["lines"][0]["returnability"]["returnable_quantity"], 1);

    let report = t
        .send(
            admin("GET", "/v1/admin/returns/report")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let count = |s: &str| {
        report["by_status"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == s)
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(report["by_status"].as_array().unwrap().len(), 8);
    for (status, n) in [
        ("requested", 1),
        ("approved", 1),
        ("exchanged", 1),
        ("rejected", 1),
        ("refunded", 1),
        ("cancelled", 1),
    ] {
        assert_eq!(count(status), n, "{status}");
    }
    // Cancelled returns do not count as returned units.
    let titles: Vec<&str> = report["reasons_by_product"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[0], "Organic Cotton Chinos", "{titles:?}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| **t == "Packable Rain Jacket")
            .count(),
        1
    );
}
