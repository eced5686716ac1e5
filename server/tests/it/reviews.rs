//! Reviews, the customer's side: when a delivered item is asked about (every timing boundary
//! through the API), the verified rule, one review per product even under parallel submits,
//! and edits only by the author.

use crate::common;

use axum::http::StatusCode;
use common::requests::DAY;
use common::reviews::*;
use common::*;
use serde_json::json;
use std::sync::Arc;

const MINUTE: i64 = 60_000;

#[tokio::test]
async fn delivered_items_are_asked_about_after_their_use_period() {
    let t = setup().await;
    let c = "cus_rv_timing";
    // Default: 7 days after the delivery scan.
    order_of(
        &t,
        c,
        "RV-1",
        "READY",
        Some(9 * DAY),
        Some(7 * DAY + MINUTE),
        false,
    )
    .await;
    order_of(
        &t,
        c,
        "RV-2",
        "EARLY",
        Some(9 * DAY),
        Some(7 * DAY - MINUTE),
        false,
    )
    .await;
    // No scan: shipment + 7 days of transit + 7 days of use.
    order_of(
        &t,
        c,
        "RV-3",
        "NOSCAN",
        Some(14 * DAY + MINUTE),
        None,
        false,
    )
    .await;
    order_of(
        &t,
        c,
        "RV-4",
        "NOSCAN2",
        Some(14 * DAY - MINUTE),
        None,
        false,
    )
    .await;
    // Not shipped, or refunded: never.
    order_of(&t, c, "RV-5", "UNSHIPPED", None, None, false).await;
    order_of(
        &t,
        c,
        "RV-6",
        "REFUNDED",
        Some(40 * DAY),
        Some(35 * DAY),
        true,
    )
    .await;
    let mut got = pending(&t, c).await;
    got.sort();
    assert_eq!(got, ["NOSCAN", "READY"]);

    // A per-SKU use period: 30 days for READY, so it is no longer due.
    let mut settings = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    settings["timing"]["use_periods"] =
        json!([{"target": {"kind": "sku", "value": "READY"}, "days": 30}]);
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(pending(&t, c).await, ["NOSCAN"]);

    // "Not arrived yet" hides it for 7 days.
    let r = call(&t, c, "POST", "/v1/me/reviews/NOSCAN/postpone", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let until = r.json()["until"].as_str().unwrap().to_owned();
    assert!(
        until
            > aftercare_shared::Timestamp::from_utc_ms(
                aftercare_server::now_ms() + 7 * DAY - MINUTE,
                0
            )
            .to_string()
    );
    assert!(pending(&t, c).await.is_empty());
    let r = call(&t, c, "POST", "/v1/me/reviews/NEVER-BOUGHT/postpone", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn use_periods_by_tag_come_from_the_catalog() {
    let t = setup().await;
    let c = "cus_rv_tags";
    for (sku, tags) in [
        ("SOFA-1", json!(["furniture"])),
        ("SOAP-1", json!(["consumables"])),
    ] {
        let product = json!({"title": sku, "tags": tags,
            "variants": [{"sku": sku, "label": "One size", "available": true}]});
        let r = admin_send(&t, "PUT", &format!("/v1/admin/products/P-{sku}"), &product).await;
        assert!(
            r.status.is_success(),
            "{}",
            String::from_utf8_lossy(&r.body)
        );
    }
    let mut settings = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    settings["timing"]["use_periods"] = json!([
        {"target": {"kind": "tag", "value": "furniture"}, "days": 30},
        {"target": {"kind": "tag", "value": "consumables"}, "days": 3},
    ]);
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    // Both delivered 3 days and a minute ago: the soap is due, the sofa waits for 30 days.
    order_of(
        &t,
        c,
        "RV-7",
        "SOFA-1",
        Some(5 * DAY),
        Some(3 * DAY + MINUTE),
        false,
    )
    .await;
    order_of(
        &t,
        c,
        "RV-8",
        "SOAP-1",
        Some(5 * DAY),
        Some(3 * DAY + MINUTE),
        false,
    )
    .await;
    assert_eq!(pending(&t, c).await, ["SOAP-1"]);
    order_of(
        &t,
        c,
        "RV-9",
        "SOFA-1",
        Some(32 * DAY),
        Some(30 * DAY + MINUTE),
        false,
    )
    .await;
    let mut got = pending(&t, c).await;
    got.sort();
    assert_eq!(got, ["SOAP-1", "SOFA-1"]);
}

#[tokio::test]
async fn a_products_variants_share_one_review_per_customer() {
    let t = setup().await;
    let c = "cus_rv_variants";
    let product = json!({"title": "Tee", "tags": [], "variants": [
        {"sku": "TEE-S", "label": "S", "available": true},
        {"sku": "TEE-M", "label": "M", "available": true}]});
    let r = admin_send(&t, "PUT", "/v1/admin/products/P-TEE", &product).await;
    assert!(r.status.is_success());
    order_of(
        &t,
        c,
        "RV-13",
        "TEE-S",
        Some(20 * DAY),
        Some(18 * DAY),
        false,
    )
    .await;
    order_of(
        &t,
        c,
        "RV-14",
        "TEE-M",
        Some(30 * DAY),
        Some(28 * DAY),
        false,
    )
    .await;
    assert_eq!(pending(&t, c).await, ["TEE-S"], "one product, asked once");
    let r = submit(&t, c, &review("TEE-S", 4)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(pending(&t, c).await.is_empty());
    assert_eq!(
        submit(&t, c, &review("TEE-M", 4)).await.status,
        StatusCode::CONFLICT
    );
    moderate(
        &t,
        r.json()["id"].as_i64().unwrap(),
        &json!({"action": "approve"}),
    )
    .await;
    assert_eq!(public_list(&t, "TEE-M", "").await["summary"]["count"], 1);
}

#[tokio::test]
async fn opted_out_and_reviewed_items_are_not_asked() {
    let t = setup().await;
    let c = "cus_rv_optout";
    order_of(&t, c, "RV-10", "P1", Some(20 * DAY), Some(18 * DAY), false).await;
    order_of(&t, c, "RV-11", "P2", Some(20 * DAY), Some(18 * DAY), false).await;
    // The same product bought twice is asked about once.
    order_of(&t, c, "RV-12", "P2", Some(30 * DAY), Some(28 * DAY), false).await;
    let mut got = pending(&t, c).await;
    got.sort();
    assert_eq!(got, ["P1", "P2"]);
    assert_eq!(
        submit(&t, c, &review("P1", 2)).await.status,
        StatusCode::CREATED
    );
    assert_eq!(pending(&t, c).await, ["P2"]);
    let r = call(
        &t,
        c,
        "PUT",
        "/v1/me/preferences/review_requests",
        Some(&json!({"enabled": false})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(pending(&t, c).await.is_empty());
}

#[tokio::test]
async fn verified_only_when_the_server_finds_a_delivered_line() {
    let t = setup().await;
    order_of(
        &t,
        "cus_rv_a",
        "RV-20",
        "V1",
        Some(10 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    order_of(&t, "cus_rv_b", "RV-21", "V1", Some(2 * DAY), None, false).await;
    order_of(
        &t,
        "cus_rv_c",
        "RV-22",
        "OTHER",
        Some(2 * DAY),
        Some(DAY),
        false,
    )
    .await;
    // The body cannot claim it.
    let mut body = review("V1", 5);
    body["verified"] = json!(true);
    let a = submit(&t, "cus_rv_a", &body).await;
    assert_eq!(a.status, StatusCode::CREATED);
    assert_eq!(a.json()["verified"], true);
    assert_eq!(a.json()["status"], "pending");
    // Shipped but never scanned delivered: not verified.
    let b = submit(&t, "cus_rv_b", &body).await;
    assert_eq!(b.json()["verified"], false);
    // Never bought it: not verified either.
    let c = submit(&t, "cus_rv_c", &body).await;
    assert_eq!(c.json()["verified"], false);
    // A SKU the store does not know; bad fields.
    let r = submit(&t, "cus_rv_c", &review("NOPE", 4)).await;
    assert_eq!(
        (r.status, field_names(&r)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["sku".to_owned()])
    );
    let mut bad = review("OTHER", 4);
    bad["body"] = json!("short");
    let r = submit(&t, "cus_rv_c", &bad).await;
    assert_eq!(field_names(&r), ["body"]);
    bad["rating"] = json!(6);
    let r = submit(&t, "cus_rv_c", &bad).await;
    assert_eq!(field_names(&r), ["rating"]);
}

#[tokio::test]
async fn parallel_duplicate_submits_make_one_review() {
    let t = Arc::new(setup().await);
    let c = "cus_rv_dup";
    order_of(&t, c, "RV-30", "D1", Some(10 * DAY), Some(8 * DAY), false).await;
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let t = Arc::clone(&t);
            tokio::spawn(async move { submit(&t, c, &review("D1", 3)).await.status })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT));
    let queue = admin_get(&t, "/v1/admin/reviews?status=pending")
        .await
        .json();
    let mine = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["sku"] == "D1")
        .count();
    assert_eq!(mine, 1);
    // The same Idempotency-Key replays the first answer.
    let req = |key: &str| {
        public("POST", "/v1/reviews")
            .header("authorization", format!("Bearer {}", customer_token(c)))
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(json_body(&review("D2", 4)))
            .unwrap()
    };
    order_of(&t, c, "RV-31", "D2", Some(10 * DAY), Some(8 * DAY), false).await;
    let first = t.send(req("k-1")).await;
    let again = t.send(req("k-1")).await;
    assert_eq!(
        (first.status, again.status),
        (StatusCode::CREATED, StatusCode::CREATED)
    );
    assert_eq!(first.json()["id"], again.json()["id"]);
}

#[tokio::test]
async fn only_the_author_edits_and_an_edit_goes_back_to_moderation() {
    let t = setup().await;
    order_of(
        &t,
        "cus_rv_e",
        "RV-40",
        "E1",
        Some(10 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    order_of(
        &t,
        "cus_rv_f",
        "RV-41",
        "E2",
        Some(10 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    let r = submit(&t, "cus_rv_e", &review("E1", 2)).await;
    let id = r.json()["id"].as_i64().unwrap();
    let r = moderate(&t, id, &json!({"action": "approve"})).await;
    assert_eq!(r.json()["status"], "published");
    let mut edit = review("E1", 4);
    edit["title"] = json!("Grew on me");
    let uri = format!("/v1/reviews/{id}");
    let r = call(&t, "cus_rv_f", "PUT", &uri, Some(&edit)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = call(&t, "cus_rv_e", "PUT", &uri, Some(&edit)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        (r.json()["status"].clone(), r.json()["rating"].clone()),
        (json!("pending"), json!(4))
    );
    assert_eq!(r.json()["verified"], true);
    let r = call(&t, "cus_rv_e", "PUT", &uri, Some(&review("E2", 4))).await;
    assert_eq!(field_names(&r), ["sku"]);
    let r = call(&t, "cus_rv_e", "PUT", "/v1/reviews/999999", Some(&edit)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The author sees where it stands; another customer does not see it.
    let r = call(&t, "cus_rv_e", "GET", "/v1/me/reviews", None).await;
    assert_eq!(r.json()[0]["status"], "pending");
    assert_eq!(r.json()[0]["title"], "Grew on me");
    let r = call(&t, "cus_rv_f", "GET", "/v1/me/reviews", None).await;
    assert_eq!(r.json(), json!([]));
    // A second review of the same product is a conflict.
    let r = submit(&t, "cus_rv_e", &review("E1", 1)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_main_flows_run_on_sqlite_as_on_postgres() {
    main_flows(&Arc::new(setup().await)).await;
}

/// Move every recorded ask of the test database `days` into the past.
async fn age_asks(t: &TestApp, days: i64) {
    sqlx::query("UPDATE review_asks SET asked_at_ms = asked_at_ms - $1")
        .bind(days * DAY)
        .execute(&t.state.db.pool)
        .await
        .unwrap();
}

/// The pending items of `customer` as (sku, prompt).
async fn prompts(t: &TestApp, customer: &str) -> Vec<(String, bool)> {
    let r = call(t, customer, "GET", "/v1/me/reviews/pending", None).await;
    let mut out: Vec<(String, bool)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["sku"].as_str().unwrap().to_owned(),
                p["prompt"].as_bool().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

async fn ask(t: &TestApp, customer: &str, skus: &[&str]) -> Reply {
    call(
        t,
        customer,
        "POST",
        "/v1/me/reviews/asks",
        Some(&json!({ "skus": skus })),
    )
    .await
}

#[tokio::test]
async fn spent_reminders_stop_the_prompt_but_not_the_listing() {
    let t = setup().await;
    let c = "cus_rv_asks";
    order_of(
        &t,
        c,
        "RV-50",
        "ASK1",
        Some(20 * DAY),
        Some(18 * DAY),
        false,
    )
    .await;
    assert_eq!(prompts(&t, c).await, [("ASK1".to_owned(), true)]);
    // The first ask; a reload within 24 hours is not another one; unknown SKUs are skipped.
    let r = ask(&t, c, &["ASK1", "NEVER-BOUGHT"]).await;
    assert_eq!(
        (r.status, r.json()["recorded"].clone()),
        (StatusCode::OK, json!(1))
    );
    assert_eq!(ask(&t, c, &["ASK1"]).await.json()["recorded"], 0);
    age_asks(&t, 1).await;
    // The one reminder (max_reminders = 1): still within the rule after it.
    assert_eq!(prompts(&t, c).await, [("ASK1".to_owned(), true)]);
    assert_eq!(ask(&t, c, &["ASK1"]).await.json()["recorded"], 1);
    // max_reminders + 1 asks: no more prompting, but the account page still offers it.
    assert_eq!(prompts(&t, c).await, [("ASK1".to_owned(), false)]);
    age_asks(&t, 2).await;
    assert_eq!(ask(&t, c, &["ASK1"]).await.json()["recorded"], 1);
    assert_eq!(prompts(&t, c).await, [("ASK1".to_owned(), false)]);
    // Once reviewed it is gone, and asks about it are skipped.
    submit(&t, c, &review("ASK1", 4)).await;
    assert!(prompts(&t, c).await.is_empty());
    assert_eq!(ask(&t, c, &["ASK1"]).await.json()["recorded"], 0);
    // At most 50 SKUs; order sessions have no prompts.
    let many: Vec<String> = (0..51).map(|i| format!("S{i}")).collect();
    let r = call(
        &t,
        c,
        "POST",
        "/v1/me/reviews/asks",
        Some(&json!({ "skus": many })),
    )
    .await;
    assert_eq!(
        (r.status, field_names(&r)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["skus".to_owned()])
    );
    let r = t
        .send(
            public("POST", "/v1/me/reviews/asks")
                .header("authorization", format!("Bearer {}", order_session("1001")))
                .header("content-type", "application/json")
                .body(json_body(&json!({"skus": ["ASK1"]})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_thirty_day_cap_counts_asks_about_every_product() {
    let t = setup().await;
    let c = "cus_rv_cap";
    let mut settings = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    settings["timing"]["max_asks_per_30_days"] = json!(2);
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    for (n, sku) in ["CAP1", "CAP2", "CAP3"].into_iter().enumerate() {
        let number = format!("RV-6{n}");
        order_of(&t, c, &number, sku, Some(20 * DAY), Some(18 * DAY), false).await;
    }
    let all = |prompt| {
        ["CAP1", "CAP2", "CAP3"]
            .map(|s| (s.to_owned(), prompt))
            .to_vec()
    };
    assert_eq!(prompts(&t, c).await, all(true));
    assert_eq!(ask(&t, c, &["CAP1", "CAP2"]).await.json()["recorded"], 2);
    // Two asks in 30 days, whatever the product: nothing prompts, everything is listed.
    assert_eq!(prompts(&t, c).await, all(false));
    age_asks(&t, 29).await;
    assert_eq!(prompts(&t, c).await, all(false));
    age_asks(&t, 1).await;
    assert_eq!(prompts(&t, c).await, all(true));
}
