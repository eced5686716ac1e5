//! Communication preferences (`/v1/me/preferences`): defaults, changes stored with the time
//! of each real change, who may read and set them, the survey prompt honouring them, the
//! typed client and the OpenAPI document.

use crate::common;

use aftercare_shared::api::Topic;
use aftercare_shared::client::{Client, RetryPolicy};
use aftercare_shared::ErrorCode;
use axum::body::Body;
use axum::http::StatusCode;
use common::surveys::{prompt, prompt_as, put_response, reason, shopper};
use common::*;
use serde_json::{json, Value};

/// `GET /v1/me/preferences` with `token`.
async fn get_prefs(t: &TestApp, token: &str) -> Reply {
    t.send(
        shopper("GET", "/v1/me/preferences", token)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// `PUT /v1/me/preferences/{topic}` with `token` and a raw body.
async fn put_raw(t: &TestApp, token: &str, topic: &str, body: Body) -> Reply {
    t.send(
        shopper("PUT", &format!("/v1/me/preferences/{topic}"), token)
            .body(body)
            .unwrap(),
    )
    .await
}

/// Set `topic` for a demo customer, asserting `200`; answers the whole preferences.
async fn set(t: &TestApp, customer: &str, topic: &str, enabled: bool) -> Value {
    let r = put_raw(
        t,
        &customer_token(customer),
        topic,
        json_body(&json!({ "enabled": enabled })),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

/// A demo customer's preferences, asserting `200`.
async fn prefs_of(t: &TestApp, customer: &str) -> Value {
    let r = get_prefs(t, &customer_token(customer)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

/// One topic's entry in a `Preferences` body.
fn entry<'a>(prefs: &'a Value, topic: &str) -> &'a Value {
    prefs["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == topic)
        .unwrap_or_else(|| panic!("no {topic} in {prefs}"))
}

/// The defaults, as the wire shows them: every topic in order, offers off, no `changed_at`.
fn defaults() -> Value {
    json!({"topics": [
        {"topic": "shipping_updates", "enabled": true},
        {"topic": "review_requests", "enabled": true},
        {"topic": "surveys", "enabled": true},
        {"topic": "offers", "enabled": false},
        {"topic": "email_tracking", "enabled": true},
    ]})
}

/// Long enough for the clock to move past the previous change's millisecond.
async fn tick() {
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
}

#[tokio::test]
async fn a_new_customer_has_the_defaults() {
    let t = setup().await;
    assert_eq!(prefs_of(&t, "cus_ben").await, defaults());
    // A token can name a customer the store has no row for: the defaults, but nothing to
    // attach a change to until they have an order.
    assert_eq!(prefs_of(&t, "cus_nobody_yet").await, defaults());
    let r = put_raw(
        &t,
        &customer_token("cus_nobody_yet"),
        "surveys",
        json_body(&json!({"enabled": false})),
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    assert_eq!(prefs_of(&t, "cus_nobody_yet").await, defaults());
}

#[tokio::test]
async fn changes_are_stored_with_the_time_of_each_real_change() {
    let t = setup().await;
    let before = aftercare_server::now_ms();
    let answer = set(&t, "cus_ana", "surveys", false).await;
    let stored = prefs_of(&t, "cus_ana").await;
    assert_eq!(answer, stored, "the PUT answers what GET then reads");
    let surveys = entry(&stored, "surveys");
    assert_eq!(surveys["enabled"], false);
    let first = surveys["changed_at"].as_str().unwrap().to_owned();
    let at = aftercare_shared::Timestamp::parse(&first).unwrap().utc_ms;
    assert!(at >= before && at <= aftercare_server::now_ms(), "{first}");
    for other in ["shipping_updates", "review_requests", "offers"] {
        assert!(entry(&stored, other)["changed_at"].is_null(), "{other}");
    }

    // Repeating it is a no-op: same answer, same time.
    tick().await;
    assert_eq!(set(&t, "cus_ana", "surveys", false).await, stored);
    // Setting a never-changed topic to its default is no change either.
    assert_eq!(set(&t, "cus_ana", "offers", false).await, stored);
    assert_eq!(set(&t, "cus_ana", "review_requests", true).await, stored);

    // Turning it back on is a change: a later time.
    tick().await;
    let on = set(&t, "cus_ana", "surveys", true).await;
    let surveys = entry(&on, "surveys");
    assert_eq!(surveys["enabled"], true);
    let second = surveys["changed_at"].as_str().unwrap();
    assert_ne!(second, first);
    assert!(aftercare_shared::Timestamp::parse(second).unwrap().utc_ms > at);
    // Back at its default value, it still shows when the customer chose it.
    assert_eq!(prefs_of(&t, "cus_ana").await, on);

    // Marketing is opt-in: turning it on is stored like any change.
    let offers = set(&t, "cus_ana", "offers", true).await;
    assert_eq!(entry(&offers, "offers")["enabled"], true);
    assert!(entry(&offers, "offers")["changed_at"].is_string());
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customer_preferences")
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap();
    assert_eq!(rows, 2, "one row per topic the customer changed");
}

#[tokio::test]
async fn one_customers_change_leaves_another_alone() {
    let t = setup().await;
    set(&t, "cus_ana", "surveys", false).await;
    set(&t, "cus_ana", "offers", true).await;
    assert_eq!(prefs_of(&t, "cus_ben").await, defaults());
    set(&t, "cus_ben", "shipping_updates", false).await;
    let ana = prefs_of(&t, "cus_ana").await;
    assert_eq!(entry(&ana, "shipping_updates")["enabled"], true);
    assert_eq!(entry(&ana, "surveys")["enabled"], false);
    let ben = prefs_of(&t, "cus_ben").await;
    assert_eq!(entry(&ben, "surveys")["enabled"], true);
    assert_eq!(entry(&ben, "offers")["enabled"], false);
    assert_eq!(entry(&ben, "shipping_updates")["enabled"], false);
}

#[tokio::test]
async fn only_a_customer_token_has_preferences() {
    let t = setup().await;
    let guest = order_session("1001");
    let r = get_prefs(&t, &guest).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let r = put_raw(&t, &guest, "surveys", json_body(&json!({"enabled": false}))).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );

    let no_token = |method: &str, uri: &str| {
        public(method, uri)
            .header("content-type", "application/json")
            .body(json_body(&json!({"enabled": false})))
            .unwrap()
    };
    for (method, uri) in [
        ("GET", "/v1/me/preferences"),
        ("PUT", "/v1/me/preferences/surveys"),
    ] {
        let r = t.send(no_token(method, uri)).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized"),
            "{method} {uri}"
        );
    }
    let r = get_prefs(&t, "v1.not-a-token").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_token")
    );
    let r = t
        .send(
            axum::http::Request::get("/v1/me/preferences")
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token("cus_ana")),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "no publishable key");
    assert_eq!(prefs_of(&t, "cus_ana").await, defaults());
}

#[tokio::test]
async fn bad_topics_and_bodies() {
    let t = setup().await;
    let ana = customer_token("cus_ana");
    let ok = || json_body(&json!({"enabled": false}));
    // A topic that is not one is a path that does not exist, like any bad path segment.
    for topic in ["sms", "Surveys", "surveys%20", "shipping-updates"] {
        let r = put_raw(&t, &ana, topic, ok()).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{topic}"
        );
    }
    let r = put_raw(&t, &ana, "surveys", Body::from("{not json")).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "bad_request")
    );
    let r = put_raw(&t, &ana, "surveys", json_body(&json!({}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["enabled"]);
    assert_eq!(r.json()["fields"][0]["issue"], "required");
    let r = put_raw(&t, &ana, "surveys", json_body(&json!({"enabled": "no"}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["enabled"]);
    let r = t
        .send(
            public("PUT", "/v1/me/preferences/surveys")
                .header("authorization", format!("Bearer {ana}"))
                .body(ok())
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        "no Content-Type"
    );
    assert_eq!(prefs_of(&t, "cus_ana").await, defaults(), "nothing stored");
}

#[tokio::test]
async fn turning_surveys_off_stops_the_prompt() {
    let t = setup().await;
    // Ana's order 1001 was delivered 13 days ago: she may be asked.
    assert_eq!(
        reason(&prompt(&t, "cus_ana", "nps", "prefs-visit-1").await),
        "eligible"
    );
    set(&t, "cus_ana", "surveys", false).await;
    for kind in ["nps", "csat"] {
        let p = prompt(&t, "cus_ana", kind, "prefs-visit-2").await;
        assert_eq!(
            p["eligibility"],
            json!({"eligible": false, "reason": "opted_out"})
        );
    }
    let r = t
        .send(
            shopper(
                "POST",
                "/v1/surveys/csat/dismissals",
                &customer_token("cus_ana"),
            )
            .body(json_body(&json!({"visit_id": "prefs-visit-2"})))
            .unwrap(),
        )
        .await;
    assert_eq!(r.json()["reason"], "opted_out");
    // Other topics do not stop surveys; a guest's order session has no preferences.
    set(&t, "cus_ben", "review_requests", false).await;
    set(&t, "cus_ben", "shipping_updates", false).await;
    let guest = prompt_as(&t, &order_session("1001"), "nps", "prefs-visit-3").await;
    assert_eq!(reason(&guest), "eligible");

    set(&t, "cus_ana", "surveys", true).await;
    assert_eq!(
        reason(&prompt(&t, "cus_ana", "nps", "prefs-visit-4").await),
        "eligible"
    );
    // A card already on screen may still be answered after surveys are turned off.
    set(&t, "cus_ana", "surveys", false).await;
    let r = put_response(
        &t,
        "cus_ana",
        "prefs-resp-1",
        &json!({"kind": "nps", "score": 8, "visit_id": "prefs-visit-4", "order_number": "1001"}),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

#[tokio::test]
async fn the_typed_client_reads_and_sets_preferences() {
    let t = setup().await;
    let base = t.spawn().await;
    let client = Client::new(&base, PK).with_retry(RetryPolicy::NONE);
    let ana = client.with_token(&customer_token("cus_ana"));
    let prefs = ana.preferences().await.unwrap();
    assert!(prefs.allows(Topic::Surveys) && !prefs.allows(Topic::Offers));
    let prefs = ana.set_preference(Topic::Offers, true).await.unwrap();
    assert!(prefs.allows(Topic::Offers));
    let changed = prefs.topics.iter().find(|p| p.topic == Topic::Offers);
    assert!(changed.unwrap().changed_at.is_some());
    assert_eq!(ana.preferences().await.unwrap(), prefs);
    let guest = client.with_token(&order_session("1001"));
    let err = guest.preferences().await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::Forbidden));
}

#[tokio::test]
async fn openapi_documents_the_preference_routes() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    let statuses = |path: &str, method: &str| -> Vec<String> {
        let op = &doc["paths"][path][method];
        assert_eq!(op["tags"], json!(["preferences"]), "{method} {path}");
        op["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} undocumented"))
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(statuses("/v1/me/preferences", "get"), ["200", "401", "403"]);
    assert_eq!(
        statuses("/v1/me/preferences/{topic}", "put"),
        ["200", "400", "401", "403", "404", "422"]
    );
    let put = &doc["paths"]["/v1/me/preferences/{topic}"]["put"];
    assert_eq!(put["parameters"][0]["name"], "topic");
    assert_eq!(put["parameters"][0]["in"], "path");
    assert!(doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["name"] == "preferences"));
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "Preferences",
        "TopicPreference",
        "PreferenceChange",
        "Topic",
    ] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
    let wire: Vec<&str> = Topic::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(schemas["Topic"]["enum"], json!(wire));
    assert!(schemas["NotShownReason"]["enum"]
        .as_array()
        .unwrap()
        .contains(&json!("opted_out")));
}
