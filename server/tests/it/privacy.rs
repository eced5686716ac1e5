//! A customer's own data (`/v1/me/data`, `/v1/me/erasure`): the export holds everything about
//! them and nothing about anyone else; erasure needs the confirmation word, keeps the store's
//! order records without personal fields, leaves the same token an empty account, and leaves
//! the customer's email nowhere in the database files.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::surveys::{put_response, shopper};
use common::*;
use serde_json::{json, Value};

async fn get(t: &TestApp, uri: &str, token: &str) -> Reply {
    t.send(shopper("GET", uri, token).body(Body::empty()).unwrap())
        .await
}

async fn post(t: &TestApp, uri: &str, token: &str, body: &Value) -> Reply {
    t.send(
        shopper("POST", uri, token)
            .header("idempotency-key", format!("k-{}", fastrand::u64(..)))
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

fn ok(r: &Reply) -> Value {
    assert!(
        r.status.is_success(),
        "{}: {}",
        r.status,
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

fn numbers(export: &Value) -> Vec<String> {
    export["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_number"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file of the SQLite database (main file, write-ahead log, shared memory), as bytes.
fn database_bytes(t: &TestApp) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(t.dir.path())
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p.file_name()?.to_str()?.to_owned();
            name.starts_with("test.db")
                .then(|| (name, std::fs::read(&p).unwrap()))
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn the_export_holds_the_customers_data_and_no_one_elses() {
    let t = setup().await;
    let ana = customer_token("cus_ana");
    // A view and a survey answer to find in the export.
    ok(&get(&t, "/v1/orders/1002", &ana).await);
    let r = put_response(
        &t,
        "cus_ana",
        "resp_export_1",
        &json!({"kind": "nps", "score": 9, "comment": "Fast delivery", "visit_id": "visit-0001"}),
    )
    .await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );

    let r = get(&t, "/v1/me/data?locale=es", &ana).await;
    let data = ok(&r);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("attachment; filename=\"my-data-")));
    assert_eq!(data["format"], 1);
    assert_eq!(data["profile"]["customer"], "cus_ana");
    assert_eq!(data["profile"]["email"], "ana@example.com");
    let mine = numbers(&data);
    assert!(mine.contains(&"1002".to_string()), "{mine:?}");
    assert!(
        !mine.contains(&"1006".to_string()),
        "Carla's order is not Ana's"
    );
    assert!(!mine.iter().any(|n| n.starts_with("20")), "nor Olivia's");
    assert_eq!(data["preferences"]["topics"].as_array().unwrap().len(), 5);
    assert!(data["tracking_views"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["order_number"] == "1002"));
    assert!(data["survey_answers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["comment"] == "Fast delivery"));
    for key in ["returns", "requests"] {
        assert!(data[key].is_array(), "{key}");
    }

    // Who may ask.
    assert_eq!(
        get(&t, "/v1/me/data", &order_session("1002")).await.status,
        StatusCode::FORBIDDEN
    );
    let r = t
        .send(public("GET", "/v1/me/data").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn erasure_needs_the_confirmation_word_and_a_customer() {
    let t = setup().await;
    let ana = customer_token("cus_ana");
    let r = post(
        &t,
        "/v1/me/erasure",
        &ana,
        &json!({"confirm": "yes please"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["fields"][0]["field"], "confirm");
    let r = post(
        &t,
        "/v1/me/erasure",
        &order_session("1002"),
        &json!({"confirm": "DELETE"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nothing was erased.
    let data = ok(&get(&t, "/v1/me/data", &ana).await);
    assert_eq!(data["profile"]["email"], "ana@example.com");
}

#[tokio::test]
async fn after_erasure_the_account_is_empty_and_the_email_is_nowhere_in_the_database() {
    let t = setup().await;
    let ana = customer_token("cus_ana");
    let email = b"ana@example.com";
    // Leave traces everywhere first: views, a survey comment, a preference, a saved address.
    ok(&get(&t, "/v1/orders/1002", &ana).await);
    let r = put_response(
        &t,
        "cus_ana",
        "resp_erase_1",
        &json!({"kind": "nps", "score": 3, "comment": "Call me at home", "wants_contact": true, "visit_id": "visit-0001"}),
    )
    .await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let r = t
        .send(
            shopper("PUT", "/v1/me/preferences/offers", &ana)
                .body(json_body(&json!({"enabled": true})))
                .unwrap(),
        )
        .await;
    ok(&r);
    ok(&post(
        &t,
        "/v1/me/addresses",
        &ana,
        &json!({"address": {"name": "Ana López", "line1": "Rua Augusta 100", "city": "Lisboa", "postal_code": "1100-148", "country": "PT"}}),
    )
    .await);
    ok(&post(
        &t,
        "/v1/orders/1032/cancellation",
        &ana,
        &json!({"reason": "other", "comment": "Ring my neighbour Pilar instead"}),
    )
    .await);
    let before = ok(&get(&t, "/v1/me/data", &ana).await);
    assert!(before["requests"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["order_number"] == "1032"));
    let before = numbers(&before);
    assert!(!before.is_empty());
    assert!(
        database_bytes(&t).iter().any(|(_, b)| contains(b, email)),
        "the email is stored before"
    );

    let receipt = ok(&post(&t, "/v1/me/erasure", &ana, &json!({"confirm": "DELETE"})).await);
    assert_eq!(receipt["orders_kept"], before.len());

    // The same token now sees an empty account.
    let list = ok(&get(&t, "/v1/orders", &ana).await);
    assert_eq!(list["items"], json!([]));
    let data = ok(&get(&t, "/v1/me/data", &ana).await);
    assert_eq!(data["orders"], json!([]));
    assert!(data["profile"].get("email").is_none());
    assert_eq!(data["profile"]["addresses"], json!([]));
    assert_eq!(data["survey_answers"], json!([]));
    // The guest lookup with the erased email finds nothing.
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .header("idempotency-key", "lookup-after-erasure")
                .body(json_body(
                    &json!({"order_number": "1002", "email": "ana@example.com"}),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The store keeps the order for its accounts, without the personal fields.
    let kept = admin_get(&t, "/v1/admin/orders/1002").await.json();
    assert_eq!(kept["order_number"], "1002");
    assert!(kept["totals"]["total"]["amount_minor"].as_i64().unwrap() > 0);
    assert!(kept.get("shipping_address").is_none());

    for (name, bytes) in database_bytes(&t) {
        assert!(!contains(&bytes, email), "the email is still in {name}");
        assert!(
            !contains(&bytes, b"Call me at home"),
            "a survey comment is still in {name}"
        );
        assert!(
            !contains(&bytes, b"Rua Augusta 100"),
            "a saved address is still in {name}"
        );
    }
    // Other customers are untouched.
    let carla = ok(&get(&t, "/v1/me/data", &customer_token("cus_carla")).await);
    assert_eq!(carla["profile"]["email"], "carla@example.com");
}

/// Ben's seeded reviews carry photos: the export links them, erasure deletes their bytes, and
/// with them a photo he uploaded but never attached.
#[tokio::test]
async fn review_photos_are_exported_and_erased() {
    let t = setup().await;
    let ben = customer_token("cus_ben");
    let img = image::RgbImage::from_fn(32, 24, |x, _| image::Rgb([x as u8 * 8, 90, 40]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let r = t
        .send(
            shopper("POST", "/v1/review-photos", &ben)
                .body(Body::from(png.into_inner()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let data = ok(&get(&t, "/v1/me/data", &ben).await);
    let urls: Vec<&str> = data["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["photos"].as_array().unwrap())
        .map(|p| p["url"].as_str().unwrap())
        .collect();
    assert_eq!(urls.len(), 2, "one photo on each of his seeded reviews");
    assert!(urls.iter().all(|u| u.contains("/v1/review-photos/")));
    let count = || async {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM review_photos WHERE owner = 'customer:cus_ben'")
                .fetch_one(&t.state.db.pool)
                .await
                .unwrap();
        n
    };
    assert_eq!(count().await, 3);
    ok(&post(&t, "/v1/me/erasure", &ben, &json!({"confirm": "DELETE"})).await);
    assert_eq!(count().await, 0);
    let path = &urls[0][urls[0].find("/v1/").unwrap()..];
    let r = t
        .send(axum::http::Request::get(path).body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
