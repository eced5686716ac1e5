//! The merchant side of surveys: the report, CSV and SVG charts against a hand computation,
//! the demo insights routes and the OpenAPI entries of the survey routes.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::surveys::*;
use common::*;
use serde_json::{json, Value};

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
    // 60 history responses and 2 about products (seed/feedback.rs).
    assert_eq!(rep["responses"], 62);
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
        7
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
    assert_eq!(count(&t, "SELECT COUNT(*) FROM survey_responses").await, 69);
    // NPS and CSAT, each in English, Spanish and Brazilian Portuguese.
    assert_eq!(count(&t, "SELECT COUNT(*) FROM survey_texts").await, 6);
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
        ("/v1/survey-responses/{id}", "put"),
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
