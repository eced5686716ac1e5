//! Reviews' photos (uploaded through the safe pipeline, attached only by their uploader,
//! replaced on edit, served publicly by id), the store's questions per product, and rewards
//! fixed with each review request whatever the rating (FTC 16 CFR §465.4).

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::requests::DAY;
use common::reviews::*;
use common::*;
use serde_json::{json, Value};

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 3) as u8, (y * 5) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(t: &TestApp, auth: &str, bytes: Vec<u8>) -> Reply {
    t.send(
        public("POST", "/v1/review-photos")
            .header("authorization", auth)
            .header("content-type", "image/png")
            .body(Body::from(bytes))
            .unwrap(),
    )
    .await
}

async fn photo_of(t: &TestApp, customer: &str) -> String {
    let auth = format!("Bearer {}", customer_token(customer));
    let r = upload(t, &auth, png(64, 48)).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()["id"].as_str().unwrap().to_owned()
}

async fn fetch(t: &TestApp, url: &str) -> Reply {
    let path = &url[url.find("/v1/").unwrap()..];
    t.send(axum::http::Request::get(path).body(Body::empty()).unwrap())
        .await
}

fn photo_ids(review: &Value) -> Vec<String> {
    review["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn review_photos_are_attached_by_their_uploader_replaced_on_edit_and_served() {
    let t = setup().await;
    let c = "cus_rv_photos";
    order_of(&t, c, "RV-70", "PH1", Some(20 * DAY), Some(18 * DAY), false).await;
    order_of(&t, c, "RV-71", "PH2", Some(20 * DAY), Some(18 * DAY), false).await;
    order_of(
        &t,
        "cus_rv_other",
        "RV-72",
        "PH1",
        Some(9 * DAY),
        Some(8 * DAY),
        false,
    )
    .await;
    let auth = format!("Bearer {}", customer_token(c));
    let r = upload(&t, &auth, png(640, 480)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let url = r.json()["url"].as_str().unwrap().to_owned();
    let p1 = r.json()["id"].as_str().unwrap().to_owned();
    assert!(url.starts_with("http") && url.ends_with(&format!("/v1/review-photos/{p1}")));
    let served = fetch(&t, &url).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/jpeg"));
    assert_eq!(
        served.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
    // Not an image; an order session; an unknown id.
    let r = upload(&t, &auth, b"<svg onload=alert(1)>".to_vec()).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let guest = format!("Bearer {}", order_session("1001"));
    assert_eq!(
        upload(&t, &guest, png(8, 8)).await.status,
        StatusCode::FORBIDDEN
    );
    let missing = "/v1/review-photos/0123456789abcdef0123456789abcdef";
    assert_eq!(fetch(&t, missing).await.status, StatusCode::NOT_FOUND);

    // Another customer cannot use the photo; unknown ids are refused.
    let p2 = photo_of(&t, c).await;
    let mut other = review("PH1", 3);
    other["photo_ids"] = json!([p1]);
    let r = submit(&t, "cus_rv_other", &other).await;
    assert_eq!(field_names(&r), ["photo_ids"]);
    let mut bad = review("PH1", 5);
    bad["photo_ids"] = json!(["0123456789abcdef0123456789abcdef"]);
    assert_eq!(field_names(&submit(&t, c, &bad).await), ["photo_ids"]);
    bad["photo_ids"] = json!([p1, p1]);
    assert_eq!(field_names(&submit(&t, c, &bad).await), ["photo_ids"]);

    let mut body = review("PH1", 5);
    body["photo_ids"] = json!([p2, p1]);
    let r = submit(&t, c, &body).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(photo_ids(&r.json()), [p2.clone(), p1.clone()]);
    // Attached to one review, it cannot go on another.
    let mut second = review("PH2", 4);
    second["photo_ids"] = json!([p1]);
    assert_eq!(field_names(&submit(&t, c, &second).await), ["photo_ids"]);

    moderate(&t, id, &json!({"action": "approve"})).await;
    let list = public_list(&t, "PH1", "with_photos=true").await;
    assert_eq!(list["reviews"]["items"][0]["id"], id);
    assert_eq!(
        photo_ids(&list["reviews"]["items"][0]),
        [p2.clone(), p1.clone()]
    );

    // An edit replaces the set: p1 left out is deleted, p3 added.
    let p3 = photo_of(&t, c).await;
    body["photo_ids"] = json!([p3, p2]);
    let uri = format!("/v1/reviews/{id}");
    let r = call(&t, c, "PUT", &uri, Some(&body)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(photo_ids(&r.json()), [p3.clone(), p2.clone()]);
    assert_eq!(fetch(&t, &url).await.status, StatusCode::NOT_FOUND);
    body["photo_ids"] = json!([]);
    let r = call(&t, c, "PUT", &uri, Some(&body)).await;
    assert!(photo_ids(&r.json()).is_empty());
    moderate(&t, id, &json!({"action": "approve"})).await;
    let list = public_list(&t, "PH1", "with_photos=true").await;
    assert_eq!(list["reviews"]["items"], json!([]), "photo_count follows");
    let mine = call(&t, c, "GET", "/v1/me/reviews", None).await.json();
    assert!(photo_ids(&mine[0]).is_empty());
}

#[tokio::test]
async fn the_questions_follow_the_products_tags() {
    let t = setup().await;
    let c = "cus_rv_attrs";
    let product = json!({"title": "Wool Scarf", "tags": ["knitwear"],
        "variants": [{"sku": "SCARF-1", "label": "One size", "available": true}]});
    let r = admin_send(&t, "PUT", "/v1/admin/products/P-SCARF", &product).await;
    assert!(r.status.is_success());
    order_of(
        &t,
        c,
        "RV-80",
        "SCARF-1",
        Some(20 * DAY),
        Some(18 * DAY),
        false,
    )
    .await;
    order_of(
        &t,
        c,
        "RV-81",
        "MUG-1",
        Some(20 * DAY),
        Some(18 * DAY),
        false,
    )
    .await;
    let pending = call(&t, c, "GET", "/v1/me/reviews/pending", None)
        .await
        .json();
    let asked = |sku: &str| {
        pending
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["sku"] == sku)
            .unwrap()["attributes"]
            .clone()
    };
    assert_eq!(asked("SCARF-1"), json!(["fit", "would_recommend"]));
    assert_eq!(asked("MUG-1"), json!(["would_recommend"]));
    let mut mug = review("MUG-1", 4);
    mug["attributes"]["fit"] = json!("runs_small");
    let r = submit(&t, c, &mug).await;
    assert_eq!(
        (r.status, field_names(&r)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["attributes.fit".to_owned()]
        )
    );
    let mut scarf = review("SCARF-1", 4);
    scarf["attributes"]["fit"] = json!("runs_small");
    let r = submit(&t, c, &scarf).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["attributes"]["fit"], "runs_small");
    // Without the rule, would_recommend is no longer asked: answering it is refused.
    let mut settings = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    settings["attributes"] = json!([]);
    admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    let r = submit(&t, c, &review("MUG-1", 4)).await;
    assert_eq!(field_names(&r), ["attributes.would_recommend"]);
}

fn code_of(review: &Value) -> String {
    let code = review["reward_code"].as_str().unwrap().to_owned();
    let random = code.strip_prefix("THANKS-").unwrap();
    assert_eq!(random.len(), 8);
    assert!(random
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
    code
}

#[tokio::test]
async fn every_review_request_carries_the_same_reward_whatever_the_rating() {
    let t = setup().await;
    let c = "cus_rv_reward";
    for (n, sku) in ["RW1", "RW2", "RW3", "RW4"].into_iter().enumerate() {
        let number = format!("RV-9{n}");
        order_of(&t, c, &number, sku, Some(20 * DAY), Some(18 * DAY), false).await;
    }
    let pending = call(&t, c, "GET", "/v1/me/reviews/pending", None)
        .await
        .json();
    for p in pending.as_array().unwrap() {
        assert_eq!(p["incentive"], "10% off your next order");
    }
    // RW1 and RW3 are asked about (their requests fix the reward now); RW2 is reviewed
    // without an ask (its request is made at the review).
    let r = call(
        &t,
        c,
        "POST",
        "/v1/me/reviews/asks",
        Some(&json!({"skus": ["RW1", "RW3"]})),
    )
    .await;
    assert_eq!(r.json()["recorded"], 2);
    let one = submit(&t, c, &review("RW1", 1)).await.json();
    let five = submit(&t, c, &review("RW2", 5)).await.json();
    let (a, b) = (code_of(&one), code_of(&five));
    assert_ne!(a, b, "one code per request");
    assert_eq!(
        (&one["incentivized"], &five["incentivized"]),
        (&json!(true), &json!(true))
    );

    // The store turns the reward off: promised codes stay, new requests carry none.
    let mut settings = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    settings.as_object_mut().unwrap().remove("incentive");
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    let pending = call(&t, c, "GET", "/v1/me/reviews/pending", None)
        .await
        .json();
    let offer = |sku: &str| {
        pending
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["sku"] == sku)
            .unwrap()
            .get("incentive")
            .cloned()
    };
    assert_eq!(offer("RW3"), Some(json!("10% off your next order")));
    assert_eq!(offer("RW4"), None);
    let three = submit(&t, c, &review("RW3", 3)).await.json();
    code_of(&three);
    let four = submit(&t, c, &review("RW4", 4)).await.json();
    assert_eq!(four["incentivized"], false);
    assert!(four.get("reward_code").is_none());
    let mine = call(&t, c, "GET", "/v1/me/reviews", None).await.json();
    let codes: Vec<&Value> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["reward_code"])
        .collect();
    assert_eq!(codes.iter().filter(|c| c.is_string()).count(), 3);
    assert!(mine
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reward_code"] == a.as_str()));

    // Published, the public sees the disclosure flag and never the code; the store sees it.
    for r in [&one, &five] {
        let id = r["id"].as_i64().unwrap();
        moderate(&t, id, &json!({"action": "approve"})).await;
    }
    let list = public_list(&t, "RW1", "").await;
    let shown = &list["reviews"]["items"][0];
    assert_eq!(shown["incentivized"], true);
    assert!(shown.get("reward_code").is_none());
    let admin = admin_get(&t, "/v1/admin/reviews?status=published")
        .await
        .json();
    assert!(admin["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reward_code"] == b.as_str()));
}

#[tokio::test]
async fn openapi_documents_photos_and_asks_with_every_status() {
    let t = setup().await;
    let doc = t
        .send(
            public("GET", "/v1/openapi.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let statuses = |path: &str, method: &str| {
        let mut s: Vec<String> = doc["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path}"))
            .keys()
            .cloned()
            .collect();
        s.sort();
        s
    };
    assert_eq!(
        statuses("/v1/review-photos", "post"),
        ["201", "400", "401", "403", "409", "413", "415", "422", "503"]
    );
    assert_eq!(statuses("/v1/review-photos/{id}", "get"), ["200", "404"]);
    assert_eq!(
        statuses("/v1/me/reviews/asks", "post"),
        ["200", "400", "401", "403", "409", "413", "415", "422"]
    );
}
