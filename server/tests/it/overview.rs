//! The account overview (`GET /v1/me/overview`): what the demo customers' seeded orders ask
//! of them, the order of the items, which parcels are too old or on cancelled orders to count,
//! returns leaving once sent back, who may read it, the typed client and the OpenAPI document.

use crate::common;

use aftercare_shared::api::{AccountOverview, Attention};
use aftercare_shared::client::{Client, RetryPolicy};
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::{ErrorCode, Timestamp};
use axum::body::Body;
use axum::http::StatusCode;
use common::returns::{admin_post, ana, item_ids, line, post};
use common::*;
use serde_json::{json, Value};

const DAY: i64 = 24 * HOUR;

/// `GET /v1/me/overview` with `token`.
async fn get_overview(t: &TestApp, token: &str) -> Reply {
    t.send(
        public("GET", "/v1/me/overview")
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// A customer's overview items, asserting `200` and the typed shape.
async fn items(t: &TestApp, customer: &str) -> Vec<Value> {
    let r = get_overview(t, &customer_token(customer)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let typed: AccountOverview = serde_json::from_slice(&r.body).unwrap();
    assert!(typed.attention.len() <= 20);
    r.json()["attention"].as_array().unwrap().clone()
}

/// `(kind, order_number)` of each item.
fn kinds(items: &[Value]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_owned(),
                i["order_number"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The first parcel of a demo order as its owner sees it.
async fn parcel(t: &TestApp, customer: &str, number: &str) -> Value {
    let r = shopper_get(t, customer, number, None).await;
    assert_eq!(r.status, StatusCode::OK, "{number}");
    r.json()["shipments"][0].clone()
}

/// The expected `parcel_problem` item of a demo order's first parcel.
async fn problem(
    t: &TestApp,
    customer: &str,
    number: &str,
    (status, reason, next_step, carrier): (&str, Option<&str>, &str, &str),
) -> Value {
    let p = parcel(t, customer, number).await;
    let mut v = json!({"kind": "parcel_problem", "order_number": number,
        "shipment_id": p["id"], "status": status, "next_step": next_step, "carrier": carrier});
    if let Some(r) = reason {
        v["reason"] = json!(r);
    }
    v
}

/// The `request` item of Ana's (one) request on a demo order.
async fn request(t: &TestApp, number: &str) -> Value {
    let r = shopper_get(t, "cus_ana", number, None).await;
    let r = r.json()["requests"][0].clone();
    json!({"kind": "request", "order_number": number, "request_id": r["id"],
        "request": r["kind"], "status": r["status"], "created_at": r["created_at"]})
}

/// The RMA of the (one) return on a demo order.
async fn rma_of(t: &TestApp, number: &str) -> String {
    sqlx::query_scalar(
        "SELECT r.rma FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.order_number = $1",
    )
    .bind(number)
    .fetch_one(&t.state.db.pool)
    .await
    .unwrap()
}

/// A timestamp `ms` from now, on the wire.
fn at(ms: i64) -> Value {
    serde_json::to_value(Timestamp::from_utc_ms(aftercare_server::now_ms() + ms, 0)).unwrap()
}

/// Put an order of `customer` placed `placed_ago` ms ago with one parcel whose only checkpoint
/// is `status` (with `reason`) `event_ago` ms ago, optionally at a pickup point.
async fn put_order(
    t: &TestApp,
    number: &str,
    customer: &str,
    placed_ago: i64,
    cancelled: bool,
    (status, reason, event_ago): (&str, Option<&str>, i64),
    pickup_deadline: Option<i64>,
) {
    let mut event =
        json!({"status": status, "description": "Checkpoint", "occurred_at": at(-event_ago)});
    if let Some(r) = reason {
        event["reason"] = json!(r);
    }
    let mut shipment = json!({"carrier_code": "gls", "carrier_name": "GLS",
        "tracking_number": format!("GLS-{number}"), "items": [{"sku": "A", "quantity": 1}],
        "events": [event]});
    if let Some(d) = pickup_deadline {
        shipment["pickup_point"] = json!({"name": format!("Locker {number}"),
            "address": {"name": "Locker", "line1": "1 Main St", "city": "Madrid",
                "postal_code": "28001", "country": "ES"},
            "pickup_deadline": at(d)});
    }
    let body = json!({"order_number": number, "email": format!("{customer}@example.com"),
        "customer": {"external_id": customer, "email": format!("{customer}@example.com")},
        "currency": "EUR", "placed_at": at(-placed_ago), "cancelled": cancelled,
        "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        "shipments": [shipment]});
    let r = admin_send(t, "PUT", &format!("/v1/admin/orders/{number}"), &body).await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

#[tokio::test]
async fn demo_customers_see_what_needs_them() {
    let t = setup().await;
    // Ana: the refused Correos parcel (placed T-5d) before the UPS weather delay (T-8d), then
    // her address change waiting for the store (1034, asked T-3h) and the cancellation the
    // store rejected yesterday (1033, asked T-2d).
    let expected = vec![
        problem(
            &t,
            "cus_ana",
            "1025",
            ("exception", Some("refused"), "contact_store", "Correos"),
        )
        .await,
        problem(
            &t,
            "cus_ana",
            "1011",
            ("exception", Some("delayed"), "wait", "UPS"),
        )
        .await,
        request(&t, "1034").await,
        request(&t, "1033").await,
    ];
    assert_eq!(items(&t, "cus_ana").await, expected);

    // Ben: the wrong address (T-4d), then the parcel returned to sender six days ago (placed
    // T-25d); the stalled GLS parcel (1026) is late news, not a status that needs him.
    let expected = vec![
        problem(
            &t,
            "cus_ben",
            "1022",
            ("exception", Some("address_issue"), "update_address", "SEUR"),
        )
        .await,
        problem(
            &t,
            "cus_ben",
            "1012",
            ("returned_to_sender", None, "contact_store", "USPS"),
        )
        .await,
    ];
    assert_eq!(items(&t, "cus_ben").await, expected);

    // Carla: the damaged and the missed parcels (both placed T-5d, the later order first), the
    // parcel that expired five days ago (last scan T-35d), then the approved return of 1006.
    let mut expected = vec![
        problem(
            &t,
            "cus_carla",
            "1023",
            ("exception", Some("damaged"), "contact_store", "UPS"),
        )
        .await,
        problem(
            &t,
            "cus_carla",
            "1007",
            ("attempted_delivery", None, "arrange_redelivery", "SEUR"),
        )
        .await,
        problem(
            &t,
            "cus_carla",
            "1027",
            ("expired", None, "contact_store", "Correos"),
        )
        .await,
    ];
    expected.push(json!({"kind": "return_to_send", "order_number": "1006",
        "rma": rma_of(&t, "1006").await, "status": "approved", "method": "pickup"}));
    assert_eq!(items(&t, "cus_carla").await, expected);

    // Dev: the FedEx parcel to collect first, customs and the lost parcel, then the requested
    // return of 1028 (the cancelled one on 1014 is not waiting for him).
    let fedex = parcel(&t, "cus_dev", "1008").await;
    let point = &fedex["pickup_point"];
    assert_eq!(point["name"], "FedEx Office Print & Ship Center");
    let mut expected = vec![json!({"kind": "pickup", "order_number": "1008",
        "shipment_id": fedex["id"], "point": point["name"], "deadline": point["pickup_deadline"]})];
    expected.push(
        problem(
            &t,
            "cus_dev",
            "1009",
            ("exception", Some("customs_hold"), "contact_carrier", "DHL"),
        )
        .await,
    );
    expected.push(
        problem(
            &t,
            "cus_dev",
            "1024",
            ("exception", Some("lost"), "contact_store", "USPS"),
        )
        .await,
    );
    expected.push(json!({"kind": "return_to_send", "order_number": "1028",
        "rma": rma_of(&t, "1028").await, "status": "requested", "method": "drop_off"}));
    assert_eq!(items(&t, "cus_dev").await, expected);

    // Olivia's 40 orders: only the approved return on 2035.
    assert_eq!(
        items(&t, "cus_olivia").await,
        vec![json!({"kind": "return_to_send", "order_number": "2035",
            "rma": rma_of(&t, "2035").await, "status": "approved", "method": "drop_off"})]
    );
}

#[tokio::test]
async fn the_most_urgent_comes_first_then_the_newest_order() {
    let t = setup().await;
    // A second pickup for Dev with an earlier deadline, and a newer problem parcel.
    put_order(
        &t,
        "OV-1",
        "cus_dev",
        HOUR,
        false,
        ("available_for_pickup", None, HOUR),
        Some(2 * DAY),
    )
    .await;
    put_order(
        &t,
        "OV-2",
        "cus_dev",
        2 * HOUR,
        false,
        ("exception", Some("damaged"), HOUR),
        None,
    )
    .await;
    put_order(
        &t,
        "OV-3",
        "cus_dev",
        3 * HOUR,
        false,
        ("available_for_pickup", None, HOUR),
        None,
    )
    .await;
    let got = items(&t, "cus_dev").await;
    let order = |k: &str, n: &str| (k.to_owned(), n.to_owned());
    assert_eq!(
        kinds(&got),
        [
            order("pickup", "OV-1"),
            order("pickup", "1008"),
            // No deadline known: after the ones that have one.
            order("pickup", "OV-3"),
            order("parcel_problem", "OV-2"),
            order("parcel_problem", "1009"),
            order("parcel_problem", "1024"),
            order("return_to_send", "1028"),
        ]
    );
    assert_eq!(got[0]["point"], "Locker OV-1");
    assert!(got[2].get("deadline").is_none());
    assert_eq!(got[3]["carrier"], "GLS");
    // The typed items agree with the shared rank.
    for customer in ["cus_ana", "cus_ben", "cus_carla", "cus_dev", "cus_olivia"] {
        let typed: Vec<Attention> =
            serde_json::from_value(Value::Array(items(&t, customer).await)).unwrap();
        assert!(
            typed.windows(2).all(|w| w[0].rank() <= w[1].rank()),
            "{customer}: {typed:?}"
        );
    }
}

#[tokio::test]
async fn at_most_twenty_items() {
    let t = setup().await;
    for n in 0..23 {
        put_order(
            &t,
            &format!("MANY-{n:02}"),
            "cus_many",
            DAY + n * HOUR,
            false,
            ("attempted_delivery", None, HOUR),
            None,
        )
        .await;
    }
    let got = items(&t, "cus_many").await;
    let numbers: Vec<String> = kinds(&got).into_iter().map(|(_, n)| n).collect();
    let newest: Vec<String> = (0..20).map(|n| format!("MANY-{n:02}")).collect();
    assert_eq!(numbers, newest, "the 20 newest orders");
}

#[tokio::test]
async fn old_problems_and_cancelled_orders_do_not_count() {
    let t = setup().await;
    // Nothing at all: a customer the store does not know, and one whose parcels are fine.
    assert_eq!(items(&t, "cus_nobody_yet").await, Vec::<Value>::new());
    put_order(
        &t,
        "Q-1",
        "cus_quiet",
        3 * DAY,
        false,
        ("delivered", None, DAY),
        None,
    )
    .await;
    put_order(
        &t,
        "Q-2",
        "cus_quiet",
        3 * DAY,
        false,
        ("in_transit", None, HOUR),
        None,
    )
    .await;
    // Returned to sender 40 days ago: history.
    put_order(
        &t,
        "Q-3",
        "cus_quiet",
        50 * DAY,
        false,
        ("returned_to_sender", None, 40 * DAY),
        None,
    )
    .await;
    // Silent for 65 days: it expired 35 days ago (the store expires after 30).
    put_order(
        &t,
        "Q-4",
        "cus_quiet",
        70 * DAY,
        false,
        ("in_transit", None, 65 * DAY),
        None,
    )
    .await;
    // A fresh problem on a cancelled order.
    put_order(
        &t,
        "Q-5",
        "cus_quiet",
        3 * DAY,
        true,
        ("exception", Some("damaged"), HOUR),
        None,
    )
    .await;
    assert_eq!(items(&t, "cus_quiet").await, Vec::<Value>::new());
    let q4 = parcel(&t, "cus_quiet", "Q-4").await;
    assert_eq!(q4["status"], "expired", "it needs attention, but long ago");

    // Within the 30 days it shows: returned 29 days ago, expired 29 days ago.
    put_order(
        &t,
        "Q-6",
        "cus_quiet",
        40 * DAY,
        false,
        ("returned_to_sender", None, 29 * DAY),
        None,
    )
    .await;
    put_order(
        &t,
        "Q-7",
        "cus_quiet",
        70 * DAY,
        false,
        ("in_transit", None, 59 * DAY),
        None,
    )
    .await;
    let got = items(&t, "cus_quiet").await;
    let order = |n: &str| ("parcel_problem".to_owned(), n.to_owned());
    assert_eq!(kinds(&got), [order("Q-6"), order("Q-7")]);
    assert_eq!(got[1]["status"], "expired");
}

#[tokio::test]
async fn a_customer_sees_only_their_own_items() {
    let t = setup().await;
    let customers = ["cus_ana", "cus_ben", "cus_carla", "cus_dev", "cus_olivia"];
    let mut seen = std::collections::HashSet::new();
    for customer in customers {
        let got = items(&t, customer).await;
        assert!(!got.is_empty(), "{customer}");
        for (_, number) in kinds(&got) {
            assert!(seen.insert(number.clone()), "{number} shown twice");
            // The order is theirs: they may open it, and nobody else may.
            for other in customers {
                let r = shopper_get(&t, other, &number, None).await;
                let theirs = r.status == StatusCode::OK;
                assert_eq!(theirs, other == customer, "{other} opening {number}");
            }
        }
    }
}

#[tokio::test]
async fn a_return_leaves_the_overview_once_sent_back() {
    let t = setup().await;
    let rma = rma_of(&t, "1028").await;
    let returns = |got: &[Value]| -> Vec<Value> {
        got.iter()
            .filter(|i| i["kind"] == "return_to_send")
            .cloned()
            .collect()
    };
    let status_uri = format!("/v1/admin/returns/{rma}/status");
    let r = admin_post(&t, &status_uri, &json!({"status": "approved"})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let got = items(&t, "cus_dev").await;
    assert_eq!(returns(&got)[0]["status"], "approved");
    assert_eq!(returns(&got)[0]["rma"], rma);
    let r = admin_post(&t, &status_uri, &json!({"status": "in_transit"})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(returns(&items(&t, "cus_dev").await), Vec::<Value>::new());

    // A return the shopper starts shows at once, and leaves when they cancel it.
    assert_eq!(returns(&items(&t, "cus_ana").await), Vec::<Value>::new());
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 1, "reason": "changed_mind", "resolution": "refund"},
    ]});
    let r = post(&t, "/v1/orders/1029/returns", &ana(), &body, None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let new_rma = r.json()["rma"].as_str().unwrap().to_owned();
    assert_eq!(
        returns(&items(&t, "cus_ana").await),
        [
            json!({"kind": "return_to_send", "order_number": "1029", "rma": new_rma,
            "status": "requested", "method": "drop_off"})
        ]
    );
    let r = post(
        &t,
        &format!("/v1/returns/{new_rma}/cancel"),
        &ana(),
        &json!({}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(returns(&items(&t, "cus_ana").await), Vec::<Value>::new());
}

#[tokio::test]
async fn only_a_customer_token_has_an_overview() {
    let t = setup().await;
    let guest = token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: PK.into(),
            sub: "1008".into(),
            exp: now_s() + 600,
        },
        SK,
    );
    let r = get_overview(&t, &guest).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let r = t
        .send(
            public("GET", "/v1/me/overview")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let r = get_overview(&t, "v1.not-a-token").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_token")
    );
    let r = t
        .send(
            axum::http::Request::get("/v1/me/overview")
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token("cus_dev")),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "no publishable key");
}

#[tokio::test]
async fn the_typed_client_reads_the_overview() {
    let t = setup().await;
    let base = t.spawn().await;
    let client = Client::new(&base, PK).with_retry(RetryPolicy::NONE);
    let dev = client.with_token(&customer_token("cus_dev"));
    let overview = dev.overview().await.unwrap();
    assert_eq!(overview.attention.len(), 4);
    assert!(matches!(overview.attention[0], Attention::Pickup { .. }));
    assert_eq!(overview.attention[3].order_number().as_str(), "1028");
    let guest = client.with_token(&token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: PK.into(),
            sub: "1008".into(),
            exp: now_s() + 600,
        },
        SK,
    ));
    let err = guest.overview().await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::Forbidden));
}

#[tokio::test]
async fn openapi_documents_the_overview() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    let op = &doc["paths"]["/v1/me/overview"]["get"];
    assert_eq!(op["tags"], json!(["account"]));
    let statuses: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "401", "403"]);
    assert_eq!(
        op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/AccountOverview"
    );
    assert!(doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["name"] == "account"));
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in ["AccountOverview", "Attention"] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
}
