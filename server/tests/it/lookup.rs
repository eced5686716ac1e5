//! Guest lookup: identical failures, rate limits, validation details, order sessions.

use crate::common;

use aftercare_server::Config;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::json;
use std::net::SocketAddr;

fn lookup(number: &str, email: &str, ip: [u8; 4]) -> Request<Body> {
    let mut req = public("POST", "/v1/orders/lookup")
        .header("content-type", "application/json")
        .body(json_body(&json!({"order_number": number, "email": email})))
        .unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(SocketAddr::from((ip, 40000))));
    req
}

#[tokio::test]
async fn unknown_order_and_wrong_email_look_the_same() {
    let t = setup().await;
    let wrong_email = t
        .send(lookup("1002", "ben@example.com", [10, 0, 0, 1]))
        .await;
    let unknown = t
        .send(lookup("9999", "ana@example.com", [10, 0, 0, 1]))
        .await;
    assert_eq!(wrong_email.status, StatusCode::NOT_FOUND);
    assert_eq!(wrong_email.code(), "order_not_found");
    assert_eq!(wrong_email.status, unknown.status);
    assert_eq!(wrong_email.body, unknown.body, "byte-identical bodies");
    for h in [
        "content-type",
        "content-length",
        "cache-control",
        "retry-after",
        "vary",
    ] {
        assert_eq!(wrong_email.header(h), unknown.header(h), "header {h}");
    }
    let mut names_a: Vec<_> = wrong_email
        .headers
        .keys()
        .map(|k| k.as_str().to_owned())
        .collect();
    let mut names_b: Vec<_> = unknown
        .headers
        .keys()
        .map(|k| k.as_str().to_owned())
        .collect();
    names_a.sort();
    names_b.sort();
    assert_eq!(names_a, names_b);
}

#[tokio::test]
async fn lookup_normalises_and_opens_the_order() {
    let t = setup().await;
    let r = t
        .send(lookup(" #1010 ", "  Guest@Example.COM ", [10, 0, 0, 2]))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let session = r.json();
    assert_eq!(session["order_number"], "1010");
    let token = session["token"].as_str().unwrap();
    let r = t
        .send(
            public("GET", "/v1/orders/1010")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let order = r.json();
    assert_eq!(order["status"], "shipped");
    assert_eq!(
        order["shipments"][0]["tracking_number"],
        "JD014600006281234567"
    );
    assert_eq!(order["shipments"][0]["status"], "in_transit");
}

#[tokio::test]
async fn validation_errors_name_the_fields() {
    let t = setup().await;
    let r = t.send(lookup("", "not-an-email", [10, 0, 0, 3])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.json();
    assert_eq!(body["code"], "validation_failed");
    let fields: Vec<(String, String)> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().into(),
                f["issue"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            ("order_number".into(), "required".into()),
            ("email".into(), "invalid_format".into())
        ]
    );

    // Malformed JSON and a missing field use the same error shape.
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "bad_request")
    );
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .body(json_body(&json!({"order_number": "1002"})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["fields"][0]["issue"], "required");

    // Oversized bodies: 413 in the API shape.
    let big = "x".repeat(300 * 1024);
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .body(json_body(&json!({"order_number": "1002", "email": big})))
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
    );
}

#[tokio::test]
async fn rate_limits_answer_429_with_retry_after() {
    let t = setup_with(Config {
        lookup_per_minute: 3,
        lookup_per_order: 100,
        ..Config::default()
    })
    .await;
    for _ in 0..3 {
        let r = t
            .send(lookup("1002", "wrong@example.com", [10, 0, 0, 9]))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let r = t
        .send(lookup("1002", "ana@example.com", [10, 0, 0, 9]))
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(r.json()["retry_after_seconds"], retry);
    // Another IP is not affected by this one's limit.
    assert_eq!(
        t.send(lookup("1002", "ana@example.com", [10, 0, 0, 10]))
            .await
            .status,
        StatusCode::OK
    );

    // Per order number: many IPs guessing one order's email are stopped too.
    let t = setup_with(Config {
        lookup_per_minute: 100,
        lookup_per_order: 2,
        ..Config::default()
    })
    .await;
    for i in 0..2u8 {
        assert_eq!(
            t.send(lookup("1006", "x@example.com", [10, 1, 0, i]))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
    let r = t
        .send(lookup("1006", "carla@example.com", [10, 1, 0, 99]))
        .await;
    assert_eq!(r.code(), "rate_limited");
    assert!(r.header("retry-after").is_some());
    // Other orders are unaffected.
    assert_eq!(
        t.send(lookup("1002", "ana@example.com", [10, 1, 0, 99]))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn forwarded_for_is_ignored_unless_trusted() {
    let t = setup_with(Config {
        lookup_per_minute: 1,
        ..Config::default()
    })
    .await;
    let spoofed = |ip: &str| {
        let mut r = lookup("1002", "ana@example.com", [10, 2, 0, 1]);
        r.headers_mut()
            .insert("x-forwarded-for", ip.parse().unwrap());
        r
    };
    assert_eq!(t.send(spoofed("1.1.1.1")).await.status, StatusCode::OK);
    assert_eq!(t.send(spoofed("2.2.2.2")).await.code(), "rate_limited");

    let t = setup_with(Config {
        lookup_per_minute: 1,
        trust_proxy: true,
        ..Config::default()
    })
    .await;
    assert_eq!(t.send(spoofed("1.1.1.1")).await.status, StatusCode::OK);
    assert_eq!(t.send(spoofed("2.2.2.2")).await.status, StatusCode::OK);
}
