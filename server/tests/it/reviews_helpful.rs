//! The public side of reviews beyond the list: "helpful" votes (once per voter even in
//! parallel, published reviews of the store only, rate limited per IP) and the "How reviews
//! work" disclosure (in the list and as text, per language and settings).

use crate::common;

use aftercare_server::repo::stores::{self, StoreInput};
use aftercare_server::Config;
use axum::body::Body;
use axum::http::StatusCode;
use common::reviews::*;
use common::*;
use serde_json::{json, Value};
use std::sync::Arc;

/// `POST /v1/reviews/{id}/helpful` as `voter` with the key `pk`.
async fn vote_as(t: &TestApp, pk: &str, id: &str, voter: &str) -> Reply {
    t.send(
        axum::http::Request::post(format!("/v1/reviews/{id}/helpful"))
            .header("aftercare-key", pk)
            .header("content-type", "application/json")
            .body(json_body(&json!({ "voter": voter })))
            .unwrap(),
    )
    .await
}

async fn vote(t: &TestApp, id: i64, voter: &str) -> Reply {
    vote_as(t, PK, &id.to_string(), voter).await
}

/// A published and a pending review of the seeded demo.
async fn seeded_ids(t: &TestApp) -> (i64, i64) {
    let bottle = public_list(t, "BOTTLE-INS-750", "").await;
    let published = bottle["reviews"]["items"][0]["id"].as_i64().unwrap();
    let pending = admin_get(t, "/v1/admin/reviews?status=pending")
        .await
        .json()["items"][0]["id"]
        .as_i64()
        .unwrap();
    (published, pending)
}

fn helpful_count(list: &Value, id: i64) -> i64 {
    list["reviews"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()["helpful_count"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_voter_counts_once_even_in_parallel() {
    let t = Arc::new(setup().await);
    let (id, pending) = seeded_ids(&t).await;
    let before = helpful_count(&public_list(&t, "BOTTLE-INS-750", "").await, id);
    let voter = "browser-aaaaaaaa-1111";
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let t = Arc::clone(&t);
            tokio::spawn(async move { vote(&t, id, voter).await })
        })
        .collect();
    let mut counted = 0;
    for task in tasks {
        let r = task.await.unwrap();
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
        let v = r.json();
        assert_eq!(
            (v["review_id"].as_i64(), v["helpful_count"].as_i64()),
            (Some(id), Some(before + 1))
        );
        counted += usize::from(v["counted"] == true);
    }
    assert_eq!(counted, 1, "parallel identical votes count once");
    let r = vote(&t, id, "another-browser_2222").await.json();
    assert_eq!(
        (r["counted"].clone(), r["helpful_count"].as_i64()),
        (json!(true), Some(before + 2))
    );
    let r = vote(&t, id, voter).await.json();
    assert_eq!(
        (r["counted"].clone(), r["helpful_count"].as_i64()),
        (json!(false), Some(before + 2))
    );
    let list = public_list(&t, "BOTTLE-INS-750", "sort=most_helpful").await;
    assert_eq!(helpful_count(&list, id), before + 2);
    assert_eq!(list["reviews"]["items"][0]["id"], id);

    // Only published reviews of this store; a bad voter id is 422.
    for (path, status) in [
        (pending.to_string(), StatusCode::NOT_FOUND),
        ("999999".into(), StatusCode::NOT_FOUND),
        ("abc".into(), StatusCode::NOT_FOUND),
    ] {
        assert_eq!(vote_as(&t, PK, &path, voter).await.status, status, "{path}");
    }
    let r = vote(&t, id, "short").await;
    assert_eq!(
        (r.status, r.json()["fields"][0]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("voter"))
    );
    stores::upsert(
        &t.state.db,
        &StoreInput {
            name: "Other".into(),
            publishable_key: "pk_other".into(),
            secret_key: "sk_other_secret".into(),
            default_locale: aftercare_shared::Locale::En,
            support: Default::default(),
            origins: vec![],
        },
    )
    .await
    .unwrap();
    let r = vote_as(&t, "pk_other", &id.to_string(), voter).await;
    assert_eq!(r.code(), "not_found", "another store's review");
}

#[tokio::test]
async fn votes_are_rate_limited_per_ip() {
    let t = setup_with(Config {
        votes_per_minute: 2,
        ..Config::default()
    })
    .await;
    let (id, _) = seeded_ids(&t).await;
    assert_eq!(
        vote(&t, id, "voter-one-0000000001").await.status,
        StatusCode::OK
    );
    assert_eq!(
        vote(&t, id, "voter-two-0000000002").await.status,
        StatusCode::OK
    );
    let r = vote(&t, id, "voter-three-00000003").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
}

#[tokio::test]
async fn the_disclosure_follows_the_settings_in_every_language() {
    let t = setup().await;
    // Absent: the store's default language (English for the demo store).
    let d = public_list(&t, "BOTTLE-INS-750", "").await["disclosure"].clone();
    assert_eq!(
        (d["locale"].clone(), d["title"].clone()),
        (json!("en"), json!("How reviews work"))
    );
    assert_eq!(d["paragraphs"].as_array().unwrap().len(), 4);
    for (tag, locale, title) in [
        ("es", "es", "Cómo funcionan las reseñas"),
        ("es-MX", "es", "Cómo funcionan las reseñas"),
        ("pt-BR", "pt-BR", "Como funcionam as avaliações"),
        ("fr", "en", "How reviews work"),
    ] {
        let d =
            public_list(&t, "BOTTLE-INS-750", &format!("locale={tag}")).await["disclosure"].clone();
        assert_eq!(
            (d["locale"].as_str(), d["title"].as_str()),
            (Some(locale), Some(title)),
            "{tag}"
        );
        assert_eq!(d["paragraphs"].as_array().unwrap().len(), 4);
    }
    // The demo store offers a reward; without one the last paragraph says there is none.
    let mut settings = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    settings.as_object_mut().unwrap().remove("incentive");
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let no_offer =
        public_list(&t, "NEVER-REVIEWED", "locale=en").await["disclosure"]["paragraphs"][3].clone();
    assert!(!no_offer.as_str().unwrap().contains("10% off"));

    settings["incentive"] = json!({"offer": "10% off your next order", "code_prefix": "THANKS"});
    let r = admin_send(&t, "PUT", "/v1/admin/reviews/settings", &settings).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    for tag in ["en", "es", "pt-BR"] {
        let d =
            public_list(&t, "BOTTLE-INS-750", &format!("locale={tag}")).await["disclosure"].clone();
        assert!(
            d["paragraphs"][3]
                .as_str()
                .unwrap()
                .contains("10% off your next order"),
            "{tag}"
        );
    }

    // As text: title, blank line, paragraphs separated by blank lines.
    let r = t
        .send(
            public("GET", "/v1/reviews/disclosure?locale=pt-BR")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(r.header("content-language"), Some("pt-BR"));
    let text = String::from_utf8(r.body.to_vec()).unwrap();
    let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
    assert_eq!(blocks.len(), 5, "{text}");
    assert_eq!(blocks[0], "Como funcionam as avaliações");
    assert!(blocks[4].contains("10% off your next order"));
    let r = t
        .send(
            axum::http::Request::get("/v1/reviews/disclosure")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_stores_default_language_is_the_fallback() {
    let t = setup().await;
    stores::upsert(
        &t.state.db,
        &StoreInput {
            name: "Tienda".into(),
            publishable_key: "pk_tienda".into(),
            secret_key: "sk_tienda_secret".into(),
            default_locale: aftercare_shared::Locale::Es,
            support: Default::default(),
            origins: vec![],
        },
    )
    .await
    .unwrap();
    let r = t
        .send(
            axum::http::Request::get("/v1/reviews/disclosure")
                .header("aftercare-key", "pk_tienda")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.header("content-language"), Some("es"));
    assert!(String::from_utf8_lossy(&r.body).starts_with("Cómo funcionan las reseñas\n\n"));
}

#[tokio::test]
async fn openapi_documents_votes_disclosure_and_links() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    let ops = &doc["paths"];
    let statuses = |path: &str, method: &str| -> Vec<String> {
        ops[path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path}"))
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(
        statuses("/v1/reviews/{id}/helpful", "post"),
        ["200", "400", "401", "403", "404", "409", "413", "422", "429"]
    );
    assert_eq!(
        statuses("/v1/reviews/disclosure", "get"),
        ["200", "400", "401", "403"]
    );
    assert_eq!(
        statuses("/v1/admin/reviews/links", "post"),
        ["200", "400", "401", "404", "409", "413", "422"]
    );
    let text = &ops["/v1/reviews/disclosure"]["get"]["responses"]["200"]["content"];
    assert!(text.get("text/plain; charset=utf-8").is_some(), "{text}");
    let locale = ops["/v1/products/{sku}/reviews"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "locale")
        .expect("locale documented")
        .clone();
    assert_eq!(locale["in"], "query");
    let values = serde_json::to_string(&locale["schema"]).unwrap();
    for v in ["\"en\"", "\"es\"", "\"pt-BR\""] {
        assert!(values.contains(v), "{values}");
    }
    let pending = &ops["/v1/me/reviews/pending"]["get"]["security"];
    assert!(serde_json::to_string(pending)
        .unwrap()
        .contains("review_link"));
    assert!(doc["components"]["securitySchemes"]["review_link"].is_object());
    for s in [
        "ReviewLink",
        "ReviewLinkInput",
        "HelpfulInput",
        "HelpfulVote",
    ] {
        assert!(doc["components"]["schemas"].get(s).is_some(), "schema {s}");
    }
}
