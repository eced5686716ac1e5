//! Emails about orders, parcels and returns (issue #16): which change writes which message
//! into the outbox (in the change's own transaction), once per piece of news, and the signed
//! order link each message carries, which opens the hosted order page and nothing else.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_server::repo::notices;
use aftercare_server::repo::outbox::{self, Letter};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::returns::{ana, item_ids, line, post as shopper_post};
use common::*;
use serde_json::{json, Value};

const DAY_MS: i64 = 86_400_000;

fn iso(ms: i64) -> String {
    aftercare_shared::Timestamp::from_utc_ms(ms, 0).to_string()
}

fn now_ms() -> i64 {
    now_s() * 1000
}

fn order_json(number: &str, email: &str, placed_ms: i64) -> Value {
    json!({
        "order_number": number,
        "email": email,
        "currency": "EUR",
        "placed_at": iso(placed_ms),
        "items": [
            {"sku": "A", "title": "Alpha", "quantity": 2, "unit_price_minor": 1000},
            {"sku": "B", "title": "Beta", "quantity": 1, "unit_price_minor": 550}
        ],
        "shipping_minor": 495
    })
}

/// The outbox emptied of what the fixture's own orders wrote.
async fn clear(t: &TestApp) {
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
}

/// Every letter in the outbox, oldest first, with its recipient.
async fn letters(t: &TestApp) -> Vec<(String, Letter)> {
    let mut rows = outbox::recent(&t.state.db, 1, 500).await.unwrap();
    rows.reverse();
    rows.into_iter().map(|r| (r.recipient, r.letter)).collect()
}

/// What each letter is about, in short: `confirmed first`, `parcel shipped`, `return approved`.
async fn kinds(t: &TestApp) -> Vec<String> {
    letters(t)
        .await
        .into_iter()
        .map(|(_, l)| match l {
            Letter::WithdrawalConfirmed { .. } => "withdrawal".into(),
            Letter::OrderConfirmed { first, .. } => {
                format!("confirmed{}", if first { " first" } else { "" })
            }
            Letter::Parcel { news, .. } => format!("parcel {}", news.as_str()),
            Letter::Return { news, .. } => format!(
                "return {}",
                json!(news)["status"].as_str().unwrap_or("created")
            ),
            Letter::ReviewRequest { items, .. } => format!("review request {}", items.len()),
            Letter::WeMissYou { order } => format!("we miss you {}", order.order_number.as_str()),
            Letter::SurveyInvite { order_number, .. } => format!("survey {order_number}"),
            Letter::DataExportReady { customer, .. } => format!("export {customer}"),
        })
        .collect()
}

async fn admin_json(t: &TestApp, method: &str, uri: &str, body: &Value) -> Reply {
    t.send(
        admin(method, uri)
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_new_order_is_confirmed_once_welcoming_a_first_time_customer() {
    let t = setup().await;
    clear(&t).await;
    let now = now_ms();
    let r = admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/N-1",
        &order_json("N-1", "New@Example.com", now),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    // Sent again (a retried webhook, an edit): no second confirmation.
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/N-1",
        &order_json("N-1", "new@example.com", now),
    )
    .await;
    // The same shopper's next order is confirmed without the welcome.
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/N-2",
        &order_json("N-2", "new@example.com", now),
    )
    .await;
    // An order placed ten days ago (an import) and a cancelled one email nobody.
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/N-3",
        &order_json("N-3", "old@example.com", now - 10 * DAY_MS),
    )
    .await;
    let mut cancelled = order_json("N-4", "gone@example.com", now);
    cancelled["cancelled"] = json!(true);
    admin_json(&t, "PUT", "/v1/admin/orders/N-4", &cancelled).await;

    assert_eq!(kinds(&t).await, vec!["confirmed first", "confirmed"]);
    let all = letters(&t).await;
    assert_eq!(all[0].0, "new@example.com");
    let Letter::OrderConfirmed { order, .. } = &all[0].1 else {
        panic!("{:?}", all[0]);
    };
    assert_eq!(order.order_number.as_str(), "N-1");
    assert_eq!(order.totals.total.amount_minor, 2550 + 495);

    // A shopper who checked out in Spanish reads about the order in Spanish; the others in
    // the store's language.
    let mut spanish = order_json("N-5", "es@example.com", now);
    spanish["locale"] = json!("es");
    admin_json(&t, "PUT", "/v1/admin/orders/N-5", &spanish).await;
    let rows = outbox::recent(&t.state.db, 1, 10).await.unwrap();
    let tags: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.recipient.as_str(), r.locale.tag()))
        .collect();
    assert_eq!(
        tags,
        vec![
            ("es@example.com", "es"),
            ("new@example.com", "en"),
            ("new@example.com", "en")
        ]
    );
}

#[tokio::test]
async fn each_step_of_a_parcel_is_told_once_and_moving_along_is_not() {
    let t = setup().await;
    let now = now_ms();
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/P-1",
        &order_json("P-1", "p@example.com", now),
    )
    .await;
    clear(&t).await;
    let r = admin_json(
        &t,
        "POST",
        "/v1/admin/orders/P-1/shipments",
        &json!({
            "carrier_code": "ups", "carrier_name": "UPS", "tracking_number": "1ZNEWS0001",
            "items": [{"sku": "A", "quantity": 2}]
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let id = r.json()["id"].as_i64().unwrap();
    let events = format!("/v1/admin/shipments/{id}/events");
    let scan = |status: &str, ms: i64| json!({"events": [{"status": status, "description": status, "occurred_at": iso(ms)}]});
    admin_json(&t, "POST", &events, &scan("in_transit", now - 3_600_000)).await;
    admin_json(
        &t,
        "POST",
        &events,
        &scan("out_for_delivery", now - 1_800_000),
    )
    .await;
    // The same scan delivered twice by the carrier: one message.
    admin_json(
        &t,
        "POST",
        &events,
        &scan("out_for_delivery", now - 1_800_000),
    )
    .await;
    admin_json(
        &t,
        "POST",
        &events,
        &scan("attempted_delivery", now - 1_200_000),
    )
    .await;
    // A second round out for delivery is news again (the first attempt failed).
    admin_json(
        &t,
        "POST",
        &events,
        &scan("out_for_delivery", now - 600_000),
    )
    .await;
    admin_json(&t, "POST", &events, &scan("delivered", now - 60_000)).await;
    admin_json(&t, "POST", &events, &scan("delivered", now - 30_000)).await;
    assert_eq!(
        kinds(&t).await,
        vec![
            "parcel shipped",
            "parcel out_for_delivery",
            "parcel problem",
            "parcel out_for_delivery",
            "parcel delivered",
        ]
    );

    // A carrier backfilling last week's scans on another order's parcel tells nobody.
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/P-2",
        &order_json("P-2", "p@example.com", now - 8 * DAY_MS),
    )
    .await;
    clear(&t).await;
    let r = admin_json(&t, "POST", "/v1/admin/orders/P-2/shipments", &json!({
        "carrier_code": "ups", "tracking_number": "1ZNEWS0002",
        "items": [{"sku": "B", "quantity": 1}],
        "events": [{"status": "delivered", "description": "Delivered", "occurred_at": iso(now - 6 * DAY_MS)}]
    }))
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert!(kinds(&t).await.is_empty(), "{:?}", kinds(&t).await);
}

#[tokio::test]
async fn a_late_parcel_is_told_once_by_the_sweep() {
    let t = setup().await;
    let now = now_ms();
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/L-1",
        &order_json("L-1", "late@example.com", now - 5 * DAY_MS),
    )
    .await;
    let r = admin_json(&t, "POST", "/v1/admin/orders/L-1/shipments", &json!({
        "carrier_code": "ups", "tracking_number": "1ZLATE0001",
        "items": [{"sku": "A", "quantity": 2}],
        "eta_earliest": iso(now - 3 * DAY_MS), "eta_latest": iso(now - DAY_MS),
        "events": [{"status": "in_transit", "description": "Departed", "occurred_at": iso(now - 2 * 3_600_000)}]
    }))
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    clear(&t).await;
    assert!(notices::sweep(&t.state.db, now).await.unwrap() >= 1);
    assert_eq!(
        notices::sweep(&t.state.db, now + 60_000).await.unwrap(),
        0,
        "once"
    );
    let late: Vec<String> = letters(&t)
        .await
        .into_iter()
        .filter(|(to, _)| to == "late@example.com")
        .map(|(_, l)| match l {
            Letter::Parcel { news, .. } => news.as_str().to_owned(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(late, vec!["delayed"]);
}

#[tokio::test]
async fn a_return_is_told_when_asked_and_at_each_decision_of_the_store() {
    let t = setup().await;
    clear(&t).await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 1, "reason": "changed_mind", "resolution": "refund"},
    ]});
    let r = shopper_post(&t, "/v1/orders/1029/returns", &ana(), &body, Some("mail")).await;
    let rma = r.json()["rma"].as_str().unwrap().to_owned();
    let status = format!("/v1/admin/returns/{rma}/status");
    for step in ["approved", "in_transit", "received"] {
        let r = admin_json(&t, "POST", &status, &json!({"status": step})).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    }
    let r = admin_json(
        &t,
        "POST",
        &status,
        &json!({"status": "refunded", "note": "Refunded in full."}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        kinds(&t).await,
        vec![
            "return created",
            "return approved",
            "return received",
            "return refunded"
        ]
    );
    let all = letters(&t).await;
    assert!(all.iter().all(|(to, _)| to == "ana@example.com"));
}

#[tokio::test]
async fn every_message_goes_out_with_a_signed_link_that_opens_the_order_page() {
    let t = setup().await;
    clear(&t).await;
    let now = now_ms();
    admin_json(
        &t,
        "PUT",
        "/v1/admin/orders/S-1",
        &order_json("S-1", "s@example.com", now),
    )
    .await;
    let dir = t.dir.path().join("mail");
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    assert_eq!(
        send_due(&t.state.db, &out, now_ms() + 2_000).await.unwrap(),
        1
    );
    let raw: String = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    let flat = raw.replace("=\r\n", "").replace("=3D", "=");
    let start = flat
        .find("http://care.test/orders/")
        .expect("the order link");
    let link: String = flat[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    let path = link.trim_start_matches("http://care.test");
    assert!(
        path.starts_with(&format!("/orders/{PK}/S-1?t=v1.")),
        "{path}"
    );
    let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();

    // The link opens the page with a session for this order.
    let r = t.send(get(path)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let html = String::from_utf8_lossy(&r.body).into_owned();
    assert!(
        html.contains("<aftercare-tracking order=\"S-1\" token=\"v1."),
        "{html}"
    );
    assert!(html.contains(&format!("/theme/{PK}.css")));

    // Another order's number with this link, or an altered link: the page asks to find the
    // order instead (no session).
    let other = path.replace("/S-1?", "/1029?");
    let html = String::from_utf8_lossy(&t.send(get(&other)).await.body).into_owned();
    assert!(html.contains("<aftercare-tracking locale=") && !html.contains("token="));
    let altered = format!("{path}x");
    let html = String::from_utf8_lossy(&t.send(get(&altered)).await.body).into_owned();
    assert!(!html.contains("token="));
    assert_eq!(
        t.send(get("/orders/pk_nobody/S-1")).await.status,
        StatusCode::NOT_FOUND
    );

    // The link itself opens nothing on the API.
    let token = path.split("?t=").nth(1).unwrap();
    let r = t
        .send(
            public("GET", "/v1/orders/S-1")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
