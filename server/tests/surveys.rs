//! NPS / CSAT surveys through the HTTP API: every recontact rule (via the demo clock), the
//! response create-or-update and its exactly-once guarantees, dismissals, the merchant
//! report, CSV and SVG charts, settings validation and the demo insights routes.

mod common;

use aftercare_server::Config;
use aftercare_shared::Timestamp;
use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

const DAY: i64 = 86_400_000;

async fn demo_app() -> TestApp {
    setup_with(Config {
        demo: true,
        ..Config::default()
    })
    .await
}

/// An order for `customer` (created with that id) whose only parcel was delivered at `at_ms`.
async fn delivered_order(t: &TestApp, customer: &str, number: &str, at_ms: i64) {
    let at = Timestamp::from_utc_ms(at_ms, 60).to_string();
    let placed = Timestamp::from_utc_ms(at_ms - 3 * DAY, 60).to_string();
    let body = json!({
        "order_number": number,
        "email": format!("{customer}@example.com"),
        "customer": {"external_id": customer, "email": format!("{customer}@example.com")},
        "currency": "EUR",
        "placed_at": placed,
        "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        "shipping_minor": 0, "tax_minor": 0, "discount_minor": 0,
        "shipments": [{
            "carrier_code": "correos", "tracking_number": format!("TRK{number}"),
            "items": [{"sku": "A", "quantity": 1}],
            "events": [{"status": "delivered", "description": "Entregado", "occurred_at": at}]
        }]
    });
    let r = t
        .send(
            admin("PUT", &format!("/v1/admin/orders/{number}"))
                .header("content-type", "application/json")
                .body(json_body(&body))
                .unwrap(),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

fn shopper(method: &str, uri: &str, token: &str) -> axum::http::request::Builder {
    public(method, uri)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
}

async fn prompt_as(t: &TestApp, token: &str, kind: &str, visit: &str) -> Value {
    let r = t
        .send(
            shopper("POST", &format!("/v1/surveys/{kind}/prompt"), token)
                .body(json_body(&json!({"visit_id": visit})))
                .unwrap(),
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

async fn prompt(t: &TestApp, customer: &str, kind: &str, visit: &str) -> Value {
    prompt_as(t, &customer_token(customer), kind, visit).await
}

fn reason(p: &Value) -> Value {
    if p["eligibility"]["eligible"] == true {
        json!("eligible")
    } else {
        p["eligibility"]["reason"].clone()
    }
}

async fn advance(t: &TestApp, customer: &str, days: i64) -> Value {
    let r = t
        .send(
            axum::http::Request::post("/demo/clock")
                .header("content-type", "application/json")
                .body(json_body(
                    &json!({"customer": customer, "advance_days": days}),
                ))
                .unwrap(),
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

async fn put_response_as(t: &TestApp, token: &str, id: &str, body: &Value) -> Reply {
    t.send(
        shopper("PUT", &format!("/v1/surveys/responses/{id}"), token)
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

async fn put_response(t: &TestApp, customer: &str, id: &str, body: &Value) -> Reply {
    put_response_as(t, &customer_token(customer), id, body).await
}

async fn dismiss(t: &TestApp, customer: &str, kind: &str, visit: &str) -> Value {
    let r = t
        .send(
            shopper(
                "POST",
                &format!("/v1/surveys/{kind}/dismissals"),
                &customer_token(customer),
            )
            .body(json_body(&json!({"visit_id": visit})))
            .unwrap(),
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

async fn count(t: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap()
}

fn fields(r: &Reply) -> Vec<String> {
    r.json()["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no fields: {}", String::from_utf8_lossy(&r.body)))
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn every_recontact_rule_through_the_api() {
    let t = demo_app().await;
    let c = "cus_rules";
    // No delivered order yet.
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0001").await),
        "no_delivered_order"
    );
    delivered_order(&t, c, "R-1", aftercare_server::now_ms() - 3_600_000).await;

    // D = 3 days after the first delivery.
    let p = prompt(&t, c, "nps", "visit-0002").await;
    assert_eq!(reason(&p), "too_soon_after_delivery");
    assert!(p["eligibility"]["not_before"].is_string());
    advance(&t, c, 2).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0003").await),
        "too_soon_after_delivery"
    );
    advance(&t, c, 1).await;
    let p = prompt(&t, c, "nps", "visit-0004").await;
    assert_eq!(reason(&p), "eligible");
    assert_eq!(
        p["question"],
        "How likely are you to recommend Aurora Outfitters to a friend?"
    );

    // Answer: the same visit (a reload) and later visits show nothing for R = 90 days.
    let r = put_response(
        &t,
        c,
        "resp-rules-1",
        &json!({"kind": "nps", "score": 9, "visit_id": "visit-0004"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0004").await),
        "recently_answered"
    );
    advance(&t, c, 89).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0005").await),
        "recently_answered"
    );
    advance(&t, c, 1).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0006").await),
        "eligible"
    );

    // S = 30 days after a dismissal, 2S = 60 after the second in a row.
    let e = dismiss(&t, c, "nps", "visit-0006").await;
    assert_eq!(e["eligible"], false);
    assert_eq!(e["reason"], "recently_dismissed");
    let until = Timestamp::parse(e["not_before"].as_str().unwrap()).unwrap();
    let clock = advance(&t, c, 0).await;
    let now = Timestamp::parse(clock["now"].as_str().unwrap()).unwrap();
    assert!((until.utc_ms - now.utc_ms - 30 * DAY).abs() < 60_000);
    advance(&t, c, 29).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0007").await),
        "recently_dismissed"
    );
    advance(&t, c, 1).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0008").await),
        "eligible"
    );
    let e = dismiss(&t, c, "nps", "visit-0008").await;
    let until2 = Timestamp::parse(e["not_before"].as_str().unwrap()).unwrap();
    assert!(
        (until2.utc_ms - until.utc_ms - 60 * DAY).abs() < 60_000,
        "doubled"
    );
    advance(&t, c, 59).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0009").await),
        "recently_dismissed"
    );
    advance(&t, c, 1).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-0010").await),
        "eligible"
    );

    // The clock is demo-only.
    let plain = setup().await;
    let r = plain
        .send(
            axum::http::Request::post("/demo/clock")
                .header("content-type", "application/json")
                .body(json_body(&json!({"customer": c, "advance_days": 1})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .send(
            axum::http::Request::post("/demo/clock")
                .header("content-type", "application/json")
                .body(json_body(&json!({"customer": "", "advance_days": 99999})))
                .unwrap(),
        )
        .await;
    assert_eq!(fields(&r), ["customer", "advance_days"]);
}

#[tokio::test]
async fn one_survey_per_visit_sampling_and_wording() {
    let t = setup().await;
    let c = "cus_visit";
    delivered_order(&t, c, "V-1", aftercare_server::now_ms() - 10 * DAY).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-aaaa").await),
        "eligible"
    );
    // Shown twice in a visit: recorded once.
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-aaaa").await),
        "eligible"
    );
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM survey_displays WHERE subject_key = 'customer:cus_visit'"
        )
        .await,
        1
    );
    assert_eq!(
        reason(&prompt(&t, c, "csat", "visit-aaaa").await),
        "one_survey_per_visit"
    );
    let p = prompt(&t, c, "csat", "visit-bbbb").await;
    assert_eq!(reason(&p), "eligible");
    assert_eq!(p["question"], "How satisfied are you with your delivery?");
    let r = t
        .send(
            shopper(
                "POST",
                "/v1/surveys/nps/prompt?locale=es-MX",
                &customer_token(c),
            )
            .body(json_body(&json!({"visit_id": "visit-cccc"})))
            .unwrap(),
        )
        .await;
    assert_eq!(
        r.json()["question"],
        "¿Qué probabilidad hay de que recomiendes Aurora Outfitters a un amigo?"
    );

    // Sampling 0 % and 100 %; settings validated and round-tripped.
    let put = |body: Value| {
        admin("PUT", "/v1/admin/surveys/nps/settings")
            .header("content-type", "application/json")
            .body(json_body(&body))
            .unwrap()
    };
    let rules = |pct: i64| json!({"days_after_first_delivery": 3, "days_after_response": 90, "days_after_dismissal": 30, "sample_percent": pct});
    let r = t
        .send(put(json!({"rules": rules(0), "texts": [
            {"locale": "en", "question": "Would you recommend {store}?", "low_label": "No", "high_label": "Yes"}
        ]})))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.json()["rules"]["sample_percent"], 0);
    let p = prompt(&t, c, "nps", "visit-dddd").await;
    assert_eq!(reason(&p), "not_sampled");
    assert_eq!(p["question"], "Would you recommend Aurora Outfitters?");
    t.send(put(json!({"rules": rules(100)}))).await;
    assert_eq!(
        reason(&prompt(&t, c, "nps", "visit-eeee").await),
        "eligible"
    );
    let r = t
        .send(put(json!({"rules": {"days_after_first_delivery": 999, "days_after_response": 90, "days_after_dismissal": 0, "sample_percent": 100},
            "texts": [{"locale": "en", "question": "", "low_label": "a", "high_label": "b"}]})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&r),
        [
            "rules.days_after_first_delivery",
            "rules.days_after_dismissal",
            "texts[0].question"
        ]
    );
    let r = t.send(put(json!({"rules": rules(101)}))).await;
    assert_eq!(fields(&r), ["rules.sample_percent"]);
    let got = t
        .send(
            admin("GET", "/v1/admin/surveys/csat/settings")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(got["rules"]["days_after_dismissal"], 30);
    assert_eq!(got["texts"].as_array().unwrap().len(), 2);

    // Demo customers start without any survey history: Ana (1001 delivered T-13d) is asked.
    assert_eq!(
        reason(&prompt(&t, "cus_ana", "nps", "visit-ana1").await),
        "eligible"
    );
    for who in ["cus_ana", "cus_ben", "cus_carla", "cus_dev"] {
        let n = count(
            &t,
            &format!("SELECT COUNT(*) FROM survey_responses WHERE subject_key = 'customer:{who}'"),
        )
        .await
            + count(
                &t,
                &format!(
                    "SELECT COUNT(*) FROM survey_dismissals WHERE subject_key = 'customer:{who}'"
                ),
            )
            .await;
        assert_eq!(n, 0, "{who}");
    }
    // Unknown kind, missing token, bad visit id.
    let r = t
        .send(
            shopper("POST", "/v1/surveys/ces/prompt", &customer_token(c))
                .body(json_body(&json!({"visit_id": "visit-ffff"})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .send(
            public("POST", "/v1/surveys/nps/prompt")
                .header("content-type", "application/json")
                .body(json_body(&json!({"visit_id": "visit-ffff"})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = t
        .send(
            shopper("POST", "/v1/surveys/nps/prompt", &customer_token(c))
                .body(json_body(&json!({"visit_id": "short"})))
                .unwrap(),
        )
        .await;
    assert_eq!(fields(&r), ["visit_id"]);
}

#[tokio::test]
async fn responses_are_created_once_and_updated_by_their_owner() {
    let t = setup().await;
    let c = "cus_resp";
    delivered_order(&t, c, "S-1", aftercare_server::now_ms() - 10 * DAY).await;
    let body = json!({"kind": "nps", "score": 3, "visit_id": "visit-1111", "order_number": "S-1"});
    let r = put_response(&t, c, "resp_abc123", &body).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let first = r.json();
    assert_eq!(first["category"], "detractor");
    assert_eq!(first["order_number"], "S-1");
    assert!(first.get("comment").is_none());
    // Replayed PUT: same row, 200.
    let r = put_response(&t, c, "resp_abc123", &body).await;
    assert_eq!(r.status, StatusCode::OK);
    // The comment later updates the same response.
    let r = put_response(
        &t,
        c,
        "resp_abc123",
        &json!({"kind": "nps", "score": 3, "visit_id": "visit-1111",
        "comment": "  Parcel arrived damaged  ", "wants_contact": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["comment"], "Parcel arrived damaged");
    assert_eq!(v["wants_contact"], true);
    assert_eq!(v["created_at"], first["created_at"]);
    assert_eq!(v["order_number"], "S-1", "kept from the first save");
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM survey_responses WHERE id = 'resp_abc123'"
        )
        .await,
        1
    );
    // Another shopper's id: 404, nothing changed.
    let r = put_response(
        &t,
        "cus_other",
        "resp_abc123",
        &json!({"kind": "nps", "score": 10, "visit_id": "visit-2222"}),
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    // The kind of a saved response cannot change.
    let r = put_response(
        &t,
        c,
        "resp_abc123",
        &json!({"kind": "csat", "score": 3, "visit_id": "visit-1111"}),
    )
    .await;
    assert_eq!(fields(&r), ["kind"]);
    // Validation names every field.
    let r = put_response(&t, c, "bad!id", &json!({"kind": "nps", "score": 11, "visit_id": "v", "comment": "x".repeat(2001), "order_number": "#?"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&r),
        ["id", "score", "comment", "visit_id", "order_number"]
    );
    let r = put_response(
        &t,
        c,
        "resp_csat01",
        &json!({"kind": "csat", "score": 0, "visit_id": "visit-1111"}),
    )
    .await;
    assert_eq!(fields(&r), ["score"]);
    let r = put_response(
        &t,
        c,
        "resp_xyz789",
        &json!({"kind": "nps", "visit_id": "visit-1111"}),
    )
    .await;
    assert_eq!(fields(&r), ["score"]);
    // Someone else's order.
    let r = put_response(
        &t,
        c,
        "resp_xyz789",
        &json!({"kind": "nps", "score": 5, "visit_id": "visit-1111", "order_number": "1001"}),
    )
    .await;
    assert_eq!(fields(&r), ["order_number"]);

    // Guest order sessions answer as "order:<number>".
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .body(json_body(
                    &json!({"order_number": "1013", "email": "carla@example.com"}),
                ))
                .unwrap(),
        )
        .await;
    let session = r.json()["token"].as_str().unwrap().to_owned();
    assert_eq!(
        reason(&prompt_as(&t, &session, "nps", "visit-guest1").await),
        "eligible"
    );
    let r = put_response_as(
        &t,
        &session,
        "resp_guest01",
        &json!({"kind": "nps", "score": 10, "visit_id": "visit-guest1"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["order_number"], "1013");
    assert_eq!(
        reason(&prompt_as(&t, &session, "nps", "visit-guest1").await),
        "recently_answered"
    );
    assert_eq!(count(&t, "SELECT COUNT(*) FROM survey_responses WHERE subject_key = 'order:1013' AND email = 'carla@example.com'").await, 1);
}

#[tokio::test]
async fn concurrent_puts_of_one_id_create_one_row() {
    let t = setup().await;
    let base = t.spawn().await;
    let token = customer_token("cus_race");
    let client = reqwest::Client::new();
    let tasks = (0..10).map(|i| {
        let client = client.clone();
        let url = format!("{base}/v1/surveys/responses/resp_race_0001");
        let token = token.clone();
        async move {
            client
                .put(url)
                .header("aftercare-key", PK)
                .header("authorization", format!("Bearer {token}"))
                .json(&json!({"kind": "nps", "score": i % 11, "visit_id": "visit-race"}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let mut statuses = futures::future::join_all(tasks).await;
    statuses.sort();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        9,
        "{statuses:?}"
    );
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM survey_responses WHERE id = 'resp_race_0001'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn dismissals_honour_idempotency_keys() {
    let t = setup().await;
    let c = "cus_dismiss";
    delivered_order(&t, c, "D-1", aftercare_server::now_ms() - 10 * DAY).await;
    let send = || {
        shopper("POST", "/v1/surveys/nps/dismissals", &customer_token(c))
            .header("idempotency-key", "dismiss-1")
            .body(json_body(&json!({"visit_id": "visit-dism"})))
            .unwrap()
    };
    let a = t.send(send()).await;
    let b = t.send(send()).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(b.header("idempotent-replayed"), Some("true"));
    assert_eq!(a.json(), b.json());
    assert_eq!(a.json()["reason"], "recently_dismissed");
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM survey_dismissals WHERE subject_key = 'customer:cus_dismiss'"
        )
        .await,
        1
    );
}

fn svg_count(svg: &str, tag: &str, class: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(doc.descendants().any(|n| n.has_tag_name("title")));
    assert!(doc.descendants().any(|n| n.has_tag_name("desc")));
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
        .count()
}

#[tokio::test]
async fn report_csv_and_charts_match_a_hand_computation() {
    let t = demo_app().await;
    // Start from an empty history (the seed's responses would mix in).
    sqlx::query("DELETE FROM survey_responses")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    // 5 promoters this week, 3 passives last week, 2 detractors the week before.
    let plan: [(&str, i64, u8, Option<&str>, bool); 10] = [
        ("p1", 0, 10, Some("Great, fast delivery"), false),
        ("p2", 0, 9, None, false),
        ("p3", 0, 9, Some("Say \"hi\", please\nsecond line"), false),
        ("p4", 0, 10, None, false),
        ("p5", 0, 9, None, false),
        (
            "q1",
            -7,
            7,
            Some("=HYPERLINK(\"http://evil\",\"x\")"),
            false,
        ),
        ("q2", -7, 8, None, false),
        ("q3", -7, 7, Some("@SUM(1)"), false),
        ("d1", -14, 2, Some("-Broken zip"), true),
        ("d2", -14, 6, Some("+Late"), true),
    ];
    for (who, days, score, comment, wants) in plan {
        let customer = format!("cus_rep_{who}");
        if days != 0 {
            advance(&t, &customer, days).await;
        }
        let mut body = json!({"kind": "nps", "score": score, "visit_id": "visit-report", "wants_contact": wants});
        if let Some(c) = comment {
            body["comment"] = json!(c);
        }
        let r = put_response(&t, &customer, &format!("resp_{who}_report"), &body).await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
    }
    let get = |uri: &str| admin("GET", uri).body(Body::empty()).unwrap();
    let r = t.send(get("/v1/admin/surveys/nps/report?weeks=3")).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let rep = r.json();
    assert_eq!(
        (
            &rep["responses"],
            &rep["promoters"],
            &rep["passives"],
            &rep["detractors"],
            &rep["score"]
        ),
        (&json!(10), &json!(5), &json!(3), &json!(2), &json!(30))
    );
    assert_eq!(
        rep["distribution"],
        json!([0, 0, 1, 0, 0, 0, 1, 2, 1, 3, 2])
    );
    let weekly: Vec<(u64, Value)> = rep["weekly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["responses"].as_u64().unwrap(), w["score"].clone()))
        .collect();
    assert_eq!(weekly, [(2, json!(-100)), (3, json!(0)), (5, json!(100))]);
    let comments = rep["comments"].as_array().unwrap();
    let ids: Vec<&str> = comments
        .iter()
        .map(|c| c["response_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "resp_p3_report",
            "resp_p1_report",
            "resp_q3_report",
            "resp_q1_report",
            "resp_d2_report",
            "resp_d1_report"
        ]
    );
    assert!(comments[5]["awaiting_follow_up"].as_bool().unwrap());
    assert!(
        comments[5].get("email").is_none(),
        "no customer row and no order: no email"
    );
    // Twelve weeks by default, empty weeks included; weeks out of range named.
    let r = t.send(get("/v1/admin/surveys/nps/report")).await;
    assert_eq!(r.json()["weekly"].as_array().unwrap().len(), 12);
    let r = t.send(get("/v1/admin/surveys/nps/report?weeks=0")).await;
    assert_eq!(fields(&r), ["weeks"]);
    let r = t.send(get("/v1/admin/surveys/csat/report")).await;
    assert_eq!(r.json()["responses"], 0);
    assert!(r.json().get("score").is_none());

    // Follow-up clears "awaiting".
    let r = t
        .send(
            admin(
                "POST",
                "/v1/admin/surveys/responses/resp_d1_report/followed-up",
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let first = r.json()["followed_up_at"].clone();
    let r = t
        .send(
            admin(
                "POST",
                "/v1/admin/surveys/responses/resp_d1_report/followed-up",
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(r.json()["followed_up_at"], first, "the first time is kept");
    let r = t
        .send(
            admin(
                "POST",
                "/v1/admin/surveys/responses/nope_nope_nope/followed-up",
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let rep = t
        .send(get("/v1/admin/surveys/nps/report?weeks=3"))
        .await
        .json();
    let d1 = rep["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["response_id"] == "resp_d1_report")
        .unwrap()
        .clone();
    assert_eq!(d1["awaiting_follow_up"], false);

    // CSV: header, RFC 4180 quoting, formulas defused.
    let r = t.send(get("/v1/admin/surveys/nps/responses.csv")).await;
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(r
        .header("content-disposition")
        .unwrap()
        .contains("nps-responses.csv"));
    let csv = String::from_utf8(r.body.to_vec()).unwrap();
    assert!(csv.starts_with("response_id,created_at,updated_at,kind,score,category,comment,wants_contact,followed_up_at,order_number,email,subject\r\n"));
    assert!(
        csv.contains(",\"Say \"\"hi\"\", please\nsecond line\","),
        "{csv}"
    );
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","),
        "{csv}"
    );
    assert!(
        csv.contains(",'@SUM(1),") && csv.contains(",'-Broken zip,") && csv.contains(",'+Late,"),
        "{csv}"
    );
    assert_eq!(csv.matches("_report,").count(), 10);

    // SVG charts parse as XML with the expected marks.
    let r = t
        .send(get("/v1/admin/surveys/nps/charts/distribution.svg?weeks=3"))
        .await;
    assert_eq!(
        r.header("content-type"),
        Some("image/svg+xml; charset=utf-8")
    );
    assert_eq!(
        svg_count(std::str::from_utf8(&r.body).unwrap(), "rect", "bar"),
        11
    );
    let r = t
        .send(get("/v1/admin/surveys/nps/charts/trend.svg?weeks=3"))
        .await;
    assert_eq!(
        svg_count(std::str::from_utf8(&r.body).unwrap(), "circle", "point"),
        3
    );
    let r = t
        .send(get("/v1/admin/surveys/csat/charts/distribution.svg"))
        .await;
    assert_eq!(
        svg_count(std::str::from_utf8(&r.body).unwrap(), "rect", "bar"),
        5
    );
    // Admin routes need the secret key.
    let r = t
        .send(
            axum::http::Request::get("/v1/admin/surveys/nps/report")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn demo_insights_serve_the_seeded_history() {
    let t = demo_app().await;
    let get = |uri: &str| axum::http::Request::get(uri).body(Body::empty()).unwrap();
    let r = t.send(get("/demo/insights/nps.json")).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let rep = r.json();
    assert_eq!(rep["responses"], 60);
    let p = rep["promoters"].as_u64().unwrap();
    let d = rep["detractors"].as_u64().unwrap();
    assert!(p > d && rep["score"].as_i64().unwrap() > 0, "{rep}");
    let comments = rep["comments"].as_array().unwrap();
    for cat in ["promoter", "passive", "detractor"] {
        assert!(comments.iter().any(|c| c["category"] == cat), "{cat}");
    }
    assert!(comments.iter().any(|c| c["awaiting_follow_up"] == true));
    assert!(comments
        .iter()
        .all(|c| c["order_number"].is_string() && c["email"].is_string()));
    assert!(
        rep["weekly"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["responses"].as_u64().unwrap() > 0)
            .count()
            >= 10
    );
    assert_eq!(
        t.send(get("/demo/insights/csat.json")).await.json()["responses"],
        6
    );
    let r = t.send(get("/demo/insights/nps.csv")).await;
    assert_eq!(
        String::from_utf8_lossy(&r.body)
            .lines()
            .filter(|l| l.starts_with("seed_nps_"))
            .count(),
        60
    );
    let r = t.send(get("/demo/insights/nps/distribution.svg")).await;
    assert_eq!(
        svg_count(std::str::from_utf8(&r.body).unwrap(), "rect", "bar"),
        11
    );
    let r = t.send(get("/demo/insights/nps/trend.svg")).await;
    assert!(svg_count(std::str::from_utf8(&r.body).unwrap(), "circle", "point") >= 10);
    assert_eq!(
        t.send(get("/demo/insights/nps.xml")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.send(get("/demo/insights/ces.json")).await.status,
        StatusCode::NOT_FOUND
    );
    // Re-seeding does not duplicate anything.
    aftercare_server::seed::seed_demo(&t.state.db)
        .await
        .unwrap();
    assert_eq!(count(&t, "SELECT COUNT(*) FROM survey_responses").await, 66);
    assert_eq!(count(&t, "SELECT COUNT(*) FROM survey_texts").await, 4);
    // Without --demo: 404.
    let plain = setup().await;
    assert_eq!(
        plain.send(get("/demo/insights/nps.json")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        plain.send(get("/demo/insights/nps/trend.svg")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn openapi_documents_the_survey_routes() {
    let t = setup().await;
    let doc = t
        .send(
            axum::http::Request::get("/v1/openapi.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/v1/surveys/{kind}/prompt", "post"),
        ("/v1/surveys/{kind}/dismissals", "post"),
        ("/v1/surveys/responses/{id}", "put"),
        ("/v1/admin/surveys/{kind}/report", "get"),
        ("/v1/admin/surveys/{kind}/responses.csv", "get"),
        ("/v1/admin/surveys/{kind}/charts/distribution.svg", "get"),
        ("/v1/admin/surveys/{kind}/charts/trend.svg", "get"),
        ("/v1/admin/surveys/responses/{id}/followed-up", "post"),
        ("/v1/admin/surveys/{kind}/settings", "put"),
        ("/demo/clock", "post"),
        ("/demo/insights/{name}", "get"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "SurveyPrompt",
        "SurveyReport",
        "SurveyResponseInput",
        "SurveySettings",
        "Eligibility",
        "NotShownReason",
    ] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
}
