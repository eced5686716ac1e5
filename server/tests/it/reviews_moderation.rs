//! Reviews, the store's side: settings that gate publishing or rewards by rating are refused,
//! moderation with neutral reasons (and its audit log), merchant replies, and the public list
//! (published only, filters, sorts, cursor pages, the summary).

use crate::common;

use axum::http::StatusCode;
use common::requests::DAY;
use common::reviews::*;
use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn rating_gated_settings_are_refused() {
    let t = setup().await;
    let defaults = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    assert_eq!(defaults["auto_publish"], false);
    assert_eq!(defaults["timing"]["max_reminders"], 1);
    let mut gated = defaults.clone();
    gated["auto_publish"] = json!(true);
    gated["auto_publish_min_rating"] = json!(4);
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &gated).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["auto_publish_min_rating"]);
    assert!(r.json()["fields"][0]["message"]
        .as_str()
        .unwrap()
        .contains("465.7"));
    let mut reward = defaults.clone();
    reward["reward_min_rating"] = json!(1);
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &reward).await;
    assert_eq!(field_names(&r), ["reward_min_rating"]);
    // Nothing was stored.
    assert_eq!(
        admin_get(&t, "/v1/admin/reviews/settings").await.json(),
        defaults
    );
    let mut bad = defaults.clone();
    bad["timing"]["max_asks_per_30_days"] = json!(0);
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &bad).await;
    assert_eq!(field_names(&r), ["timing.max_asks_per_30_days"]);
}

#[tokio::test]
async fn openapi_documents_the_review_routes() {
    let t = setup().await;
    let doc = t
        .send(
            public("GET", "/v1/openapi.json")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let paths = &doc["paths"];
    for (path, method) in [
        ("/v1/me/reviews", "get"),
        ("/v1/me/reviews/pending", "get"),
        ("/v1/reviews", "post"),
        ("/v1/reviews/{id}", "put"),
        ("/v1/me/reviews/{sku}/postpone", "post"),
        ("/v1/products/{sku}/reviews", "get"),
        ("/v1/admin/reviews", "get"),
        ("/v1/admin/reviews/{id}/moderation", "post"),
        ("/v1/admin/reviews/{id}/reply", "put"),
        ("/v1/admin/reviews/{id}/reply", "delete"),
        ("/v1/admin/reviews/settings", "get"),
        ("/v1/admin/reviews/settings", "put"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path}");
    }
    let list = &paths["/v1/products/{sku}/reviews"]["get"]["parameters"];
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "sku",
            "stars",
            "with_photos",
            "verified",
            "sort",
            "cursor",
            "limit",
            "locale"
        ]
    );
    let schemas = &doc["components"]["schemas"];
    for s in [
        "Review",
        "Page_PublicReview",
        "ReviewSummary",
        "ReviewSettingsInput",
        "RejectReason",
        "ReviewStatus",
    ] {
        assert!(schemas[s].is_object(), "schema {s}");
    }
    assert_eq!(schemas["ReviewInput"]["properties"]["rating"]["maximum"], 5);
}

#[tokio::test]
async fn auto_publish_applies_to_every_rating() {
    let t = setup().await;
    let mut s = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    s["auto_publish"] = json!(true);
    assert_eq!(
        admin_send(&t, "PUT", "/v1/admin/reviews/settings", &s)
            .await
            .status,
        StatusCode::OK
    );
    for (i, rating) in [1, 5].into_iter().enumerate() {
        let c = format!("cus_rv_auto{i}");
        order_of(
            &t,
            &c,
            &format!("RV-5{i}"),
            "AUTO",
            Some(10 * DAY),
            Some(8 * DAY),
            false,
        )
        .await;
        let r = submit(&t, &c, &review("AUTO", rating)).await;
        assert_eq!(r.json()["status"], "published", "{rating} stars");
    }
}

async fn published(t: &TestApp, customer: &str, number: &str, sku: &str, rating: u8) -> i64 {
    order_of(
        t,
        customer,
        number,
        sku,
        Some(10 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    let r = submit(t, customer, &review(sku, rating)).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(
        moderate(t, id, &json!({"action": "approve"})).await.status,
        StatusCode::OK
    );
    id
}

/// The ratings of `sku`'s reviews in the store's queue of `status`, oldest first.
async fn queue_of(t: &TestApp, sku: &str, status: &str) -> Vec<i64> {
    let page = admin_get(t, &format!("/v1/admin/reviews?status={status}&limit=100"))
        .await
        .json();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["sku"] == sku)
        .map(|r| r["rating"].as_i64().unwrap())
        .collect()
}

fn ratings(list: &Value) -> Vec<i64> {
    list["reviews"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rating"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn moderation_replies_and_the_public_list() {
    let t = setup().await;
    let empty = public_list(&t, "PUB", "").await;
    assert_eq!(empty["summary"]["count"], 0);
    assert!(empty["summary"].get("average").is_none());
    let mut ids = Vec::new();
    for (i, rating) in [5, 3, 1, 4].into_iter().enumerate() {
        ids.push(
            published(
                &t,
                &format!("cus_rv_p{i}"),
                &format!("RV-6{i}"),
                "PUB",
                rating,
            )
            .await,
        );
    }
    // A pending one and a rejected one are not public.
    order_of(
        &t,
        "cus_rv_p8",
        "RV-68",
        "PUB",
        Some(10 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    submit(&t, "cus_rv_p8", &review("PUB", 2)).await;
    order_of(
        &t,
        "cus_rv_p9",
        "RV-69",
        "PUB",
        Some(10 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    let spam = submit(&t, "cus_rv_p9", &review("PUB", 5)).await.json()["id"]
        .as_i64()
        .unwrap();
    let r = moderate(&t, spam, &json!({"action": "reject"})).await;
    assert_eq!(field_names(&r), ["reason"]);
    let r = moderate(&t, spam, &json!({"action": "reject", "reason": "spam"})).await;
    assert_eq!(
        (
            r.json()["status"].clone(),
            r.json()["reject_reason"].clone()
        ),
        (json!("rejected"), json!("spam"))
    );
    assert_eq!(
        moderate(&t, 999_999, &json!({"action": "approve"}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(queue_of(&t, "PUB", "rejected").await, [5]);
    assert_eq!(queue_of(&t, "PUB", "pending").await, [2]);
    assert_eq!(
        queue_of(&t, "PUB", "published").await,
        [5, 3, 1, 4],
        "oldest first"
    );
    assert_eq!(
        admin_get(&t, "/v1/admin/reviews?status=nope").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let list = public_list(&t, "PUB", "").await;
    assert_eq!(list["summary"]["count"], 4);
    assert_eq!(list["summary"]["average"], 3.3);
    assert_eq!(list["summary"]["histogram"], json!([1, 0, 1, 1, 1]));
    assert_eq!(ratings(&list), [4, 1, 3, 5], "newest first");
    assert_eq!(
        ratings(&public_list(&t, "PUB", "sort=highest").await),
        [5, 4, 3, 1]
    );
    assert_eq!(
        ratings(&public_list(&t, "PUB", "sort=lowest").await),
        [1, 3, 4, 5]
    );
    let one = public_list(&t, "PUB", "stars=1").await;
    assert_eq!(
        (ratings(&one), one["summary"]["count"].clone()),
        (vec![1], json!(4))
    );
    assert_eq!(
        ratings(&public_list(&t, "PUB", "verified=true").await).len(),
        4
    );
    assert!(ratings(&public_list(&t, "PUB", "with_photos=true").await).is_empty());
    // Cursor pages.
    let first = public_list(&t, "PUB", "sort=highest&limit=3").await;
    assert_eq!(ratings(&first), [5, 4, 3]);
    let cursor = first["reviews"]["next_cursor"].as_str().unwrap().to_owned();
    let second = public_list(&t, "PUB", &format!("sort=highest&limit=3&cursor={cursor}")).await;
    assert_eq!(ratings(&second), [1]);
    assert!(second["reviews"].get("next_cursor").is_none());
    for bad in ["stars=6", "sort=random", "verified=yes", "cursor=zz"] {
        let r = t
            .send(
                public("GET", &format!("/v1/products/PUB/reviews?{bad}"))
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }

    // A reply to the 1-star review: created, edited, shown, deleted.
    let low = ids[2];
    let uri = format!("/v1/admin/reviews/{low}/reply");
    let r = admin_send(
        &t,
        "PUT",
        &uri,
        &json!({"body": "Sorry to hear that. We have written to you."}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = admin_send(
        &t,
        "PUT",
        &uri,
        &json!({"body": "Sorry: a replacement is on its way."}),
    )
    .await;
    assert_eq!(
        r.json()["reply"]["body"],
        "Sorry: a replacement is on its way."
    );
    assert_eq!(
        field_names(&admin_send(&t, "PUT", &uri, &json!({"body": " "})).await),
        ["body"]
    );
    let shown = public_list(&t, "PUB", "stars=1").await;
    assert_eq!(
        shown["reviews"]["items"][0]["reply"]["body"],
        "Sorry: a replacement is on its way."
    );
    let r = t
        .send(
            admin("DELETE", &uri)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.json().get("reply").is_none());

    // Every action is in the audit log.
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM review_moderation_log WHERE review_id = $1 ORDER BY id",
    )
    .bind(low)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    assert_eq!(actions, ["approve", "reply", "reply", "reply_delete"]);
    let reasons: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT reason FROM review_moderation_log WHERE review_id = $1 AND action = 'reject'",
    )
    .bind(spam)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    assert_eq!(reasons, [Some("spam".to_owned())]);
}
