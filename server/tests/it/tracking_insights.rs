//! Tracking views (page opens and lookups only) and the merchant insights built on them:
//! anxious customers and parcel alerts.

use crate::common;

use aftercare_server::repo::insights::{self, Viewer};
use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::json;

async fn views_of(t: &TestApp, number: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT v.viewer FROM tracking_views v JOIN orders o ON o.id = v.order_id \
         WHERE o.order_number = $1 ORDER BY v.id",
    )
    .bind(number)
    .fetch_all(&t.state.db.pool)
    .await
    .unwrap()
}

async fn anxious(t: &TestApp, q: &str) -> Vec<(String, u64)> {
    let r = admin_get(t, &format!("/v1/admin/insights/anxious-customers{q}")).await;
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
        .map(|o| {
            (
                o["order_number"].as_str().unwrap().to_owned(),
                o["views"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn views_are_recorded_for_page_opens_and_lookups_only() {
    let t = setup().await;
    let r = shopper_get(&t, "cus_ana", "1002", None).await;
    let etag = r.header("etag").unwrap().to_owned();
    assert_eq!(views_of(&t, "1002").await, ["customer"]);
    // Background polls (If-None-Match), matched or not, are not views.
    assert_eq!(
        shopper_get(&t, "cus_ana", "1002", Some(&etag)).await.status,
        StatusCode::NOT_MODIFIED
    );
    assert_eq!(
        shopper_get(&t, "cus_ana", "1002", Some("\"stale\""))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(views_of(&t, "1002").await, ["customer"]);
    // Refused reads are not views either.
    assert_eq!(
        shopper_get(&t, "cus_ben", "1002", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(views_of(&t, "1002").await.len(), 1);

    // A guest checking once counts once: the page open after the lookup, not the lookup itself;
    // a failed lookup counts for nothing.
    let lookup = |email: &str| {
        public("POST", "/v1/orders/lookup")
            .header("content-type", "application/json")
            .body(json_body(&json!({"order_number": "1010", "email": email})))
            .unwrap()
    };
    assert_eq!(
        t.send(lookup("nope@example.com")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = t.send(lookup("guest@example.com")).await;
    let token = r.json()["token"].as_str().unwrap().to_owned();
    let r = t
        .send(
            public("GET", "/v1/orders/1010")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(views_of(&t, "1010").await, ["guest"]);
}

#[tokio::test]
async fn anxious_customers_respect_threshold_and_window() {
    let t = setup().await;
    let db = &t.state.db;
    let now = aftercare_server::now_ms();
    let (a, b, c) = (
        order_db_id(&t, "1021").await,
        order_db_id(&t, "1026").await,
        order_db_id(&t, "1010").await,
    );
    // 1021: 2 views in the window (N-1 for N = 3); 1026: 4 views; 1010: 3 views, all too old.
    for (id, hours_ago, viewer) in [
        (a, 1, Viewer::Customer),
        (a, 20, Viewer::Customer),
        (b, 1, Viewer::Customer),
        (b, 2, Viewer::Customer),
        (b, 3, Viewer::Customer),
        (b, 23, Viewer::Customer),
        (c, 25, Viewer::Guest),
        (c, 30, Viewer::Guest),
        (c, 40, Viewer::Guest),
    ] {
        insights::record_view(db, 1, id, viewer, now - hours_ago * HOUR)
            .await
            .unwrap();
    }
    let list = |q: &'static str| anxious(&t, q);
    assert_eq!(
        list("").await,
        [("1026".to_owned(), 4)],
        "defaults: 3 views in 24 h"
    );
    assert_eq!(
        list("?min_views=4&hours=24").await,
        [("1026".to_owned(), 4)]
    );
    assert_eq!(list("?min_views=5").await, []);
    assert_eq!(
        list("?min_views=2").await,
        [("1026".to_owned(), 4), ("1021".to_owned(), 2)],
        "most views first; N views is enough"
    );
    assert_eq!(
        list("?min_views=3&hours=48").await,
        [("1026".to_owned(), 4), ("1010".to_owned(), 3)],
        "a wider window counts older views"
    );

    // One view more puts 1021 over the default threshold.
    insights::record_view(db, 1, a, Viewer::Customer, now)
        .await
        .unwrap();
    assert_eq!(
        list("").await,
        [("1026".to_owned(), 4), ("1021".to_owned(), 3)]
    );
    let full = admin_get(&t, "/v1/admin/insights/anxious-customers")
        .await
        .json();
    assert_eq!(full[1]["email"], "ana@example.com");
    assert_eq!(full[1]["customer_external_id"], "cus_ana");
    assert_eq!(full[1]["status"], "shipped");
    assert_eq!(full[0]["status"], "shipped", "1026 is stalled but moving");
    assert!(full[1]["last_viewed_at"].is_string());

    for (q, fields) in [
        ("?min_views=0", vec!["min_views"]),
        ("?min_views=1001", vec!["min_views"]),
        ("?hours=0", vec!["hours"]),
        ("?hours=721", vec!["hours"]),
        ("?min_views=abc&hours=-1", vec!["min_views", "hours"]),
    ] {
        let r = admin_get(&t, &format!("/v1/admin/insights/anxious-customers{q}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{q}");
        assert_eq!(r.code(), "validation_failed");
        assert_eq!(field_names(&r), fields, "{q}");
    }
    assert_eq!(
        list("?min_views=1000&hours=720").await,
        [],
        "upper bounds accepted"
    );
    // Admin only.
    let r = t
        .send(
            public("GET", "/v1/admin/insights/anxious-customers")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn parcel_alerts_list_exactly_the_seeded_problem_parcels() {
    let t = setup().await;
    let r = admin_get(&t, "/v1/admin/insights/parcel-alerts").await;
    assert_eq!(r.status, StatusCode::OK);
    let alerts = r.json();
    let alerts = alerts.as_array().unwrap();
    let numbers: Vec<&str> = alerts
        .iter()
        .map(|a| a["order_number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["1007", "1009", "1011", "1012", "1022", "1023", "1024", "1025", "1026", "1027"]
    );
    let by = |n: &str| alerts.iter().find(|a| a["order_number"] == n).unwrap();
    let summary = |n: &str| {
        let a = by(n);
        (
            a["status"].as_str().unwrap().to_owned(),
            a["reason"].as_str().map(str::to_owned),
            a["delayed"].as_bool().unwrap(),
            a["stalled"].as_bool().unwrap(),
            a["next_step"].as_str().unwrap().to_owned(),
        )
    };
    let s = |v: &str| v.to_owned();
    assert_eq!(
        summary("1007"),
        (
            s("attempted_delivery"),
            None,
            false,
            false,
            s("arrange_redelivery")
        )
    );
    assert_eq!(
        summary("1009"),
        (
            s("exception"),
            Some(s("customs_hold")),
            true,
            false,
            s("contact_carrier")
        )
    );
    assert_eq!(
        summary("1011"),
        (s("exception"), Some(s("delayed")), true, false, s("wait"))
    );
    assert_eq!(
        summary("1012"),
        (
            s("returned_to_sender"),
            None,
            false,
            false,
            s("contact_store")
        )
    );
    assert_eq!(
        summary("1022"),
        (
            s("exception"),
            Some(s("address_issue")),
            false,
            false,
            s("update_address")
        )
    );
    assert_eq!(summary("1023").1.as_deref(), Some("damaged"));
    assert_eq!(summary("1024").1.as_deref(), Some("lost"));
    assert_eq!(summary("1025").1.as_deref(), Some("refused"));
    assert_eq!(
        summary("1026"),
        (s("in_transit"), None, false, true, s("contact_store"))
    );
    assert_eq!(
        summary("1027"),
        (s("expired"), None, false, false, s("contact_store"))
    );
    assert_eq!(by("1026")["carrier"], "GLS");
    assert!(by("1026")["last_update_at"].is_string());

    // The store's policy decides: a 10-day stall threshold clears 1026's alert.
    let mut settings = admin_get(&t, "/v1/admin/store/settings").await.json();
    settings["tracking_policy"]["stall_after_hours"] = json!(240);
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    let alerts = admin_get(&t, "/v1/admin/insights/parcel-alerts")
        .await
        .json();
    assert!(alerts
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["order_number"] != "1026"));
}
