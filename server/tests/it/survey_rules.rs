//! When a survey is shown, through the HTTP API: every recontact rule (via the demo clock),
//! one survey per visit, sampling, wording, and dismissals under idempotency keys.

use crate::common;

use aftercare_shared::{Locale, Timestamp};
use axum::body::Body;
use axum::http::StatusCode;
use common::surveys::*;
use common::*;
use serde_json::{json, Value};

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
    // The seeded wording in every language the catalog has.
    assert_eq!(got["texts"].as_array().unwrap().len(), Locale::ALL.len());

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
