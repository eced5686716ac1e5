//! The trust model: keys, tokens, ownership, origins and CORS.

use crate::common;

use aftercare_server::repo::stores::{self, StoreInput};
use aftercare_shared::api::SupportContacts;
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::Locale;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::*;

fn with_token(uri: &str, token: &str) -> Request<Body> {
    public("GET", uri)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn keys_are_required_and_checked() {
    let t = setup().await;
    let r = t
        .send(Request::get("/v1/store").body(Body::empty()).unwrap())
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let r = t
        .send(
            Request::get("/v1/store")
                .header("aftercare-key", "pk_nope")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_key")
    );
    let r = t
        .send(public("GET", "/v1/store").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["name"], "Aurora Outfitters");
    assert_eq!(r.header("cache-control"), Some("no-store"));

    // Admin: missing and wrong secret keys; a publishable key is not a secret key.
    let r = t
        .send(
            Request::get("/v1/admin/orders/1002")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    for bad in ["sk_wrong", PK, "sk_demo_aurora_secreT"] {
        let r = t
            .send(
                Request::get("/v1/admin/orders/1002")
                    .header("authorization", format!("Bearer {bad}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNAUTHORIZED, "invalid_key"),
            "{bad}"
        );
    }
    let r = t
        .send(
            admin("GET", "/v1/admin/orders/1002")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn customer_tokens_are_verified() {
    let t = setup().await;
    // Missing token.
    let r = t
        .send(public("GET", "/v1/orders").body(Body::empty()).unwrap())
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );

    // Expired token.
    let expired = token::mint(
        &Claims {
            kind: TokenKind::Customer,
            store: PK.into(),
            sub: "cus_ana".into(),
            exp: now_s() - 5,
        },
        SK,
    );
    let r = t.send(with_token("/v1/orders", &expired)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "token_expired")
    );

    // Forged: Ana's token with the payload changed to Ben, old signature kept.
    let good = customer_token("cus_ana");
    let sig = good.rsplit_once('.').unwrap().1;
    let forged_payload = URL_SAFE_NO_PAD.encode(
        serde_json::to_vec(&Claims {
            kind: TokenKind::Customer,
            store: PK.into(),
            sub: "cus_ben".into(),
            exp: now_s() + 600,
        })
        .unwrap(),
    );
    let forged = format!("v1.{forged_payload}.{sig}");
    let r = t.send(with_token("/v1/orders", &forged)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_token")
    );

    // Garbage and non-bearer.
    let r = t.send(with_token("/v1/orders", "garbage")).await;
    assert_eq!(r.code(), "invalid_token");
    let r = t
        .send(
            public("GET", "/v1/orders")
                .header("authorization", "Basic abc")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.code(), "invalid_token");

    // A token of another store: signed with that store's secret, or claiming it.
    stores::upsert(
        &t.state.db,
        &StoreInput {
            name: "Other".into(),
            publishable_key: "pk_other".into(),
            secret_key: "sk_other_secret".into(),
            default_locale: Locale::Es,
            support: SupportContacts::default(),
            origins: vec![],
        },
    )
    .await
    .unwrap();
    let other = token::mint(
        &Claims {
            kind: TokenKind::Customer,
            store: "pk_other".into(),
            sub: "cus_ana".into(),
            exp: now_s() + 600,
        },
        "sk_other_secret",
    );
    let r = t.send(with_token("/v1/orders", &other)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_token")
    );
    let claims_other = token::mint(
        &Claims {
            kind: TokenKind::Customer,
            store: "pk_other".into(),
            sub: "cus_ana".into(),
            exp: now_s() + 600,
        },
        SK,
    );
    let r = t.send(with_token("/v1/orders", &claims_other)).await;
    assert_eq!(r.code(), "invalid_token");

    // The good token works and lists only Ana's orders.
    let r = t.send(with_token("/v1/orders", &good)).await;
    assert_eq!(r.status, StatusCode::OK);
    let numbers: Vec<String> = r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_number"].as_str().unwrap().to_owned())
        .collect();
    assert!(numbers.contains(&"1002".to_owned()) && numbers.contains(&"1003".to_owned()));
    assert!(!numbers.contains(&"1006".to_owned()));
}

#[tokio::test]
async fn nobody_reads_someone_elses_order() {
    let t = setup().await;
    let ana = customer_token("cus_ana");
    let ben = customer_token("cus_ben");
    let r = t.send(with_token("/v1/orders/1002", &ana)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["order_number"], "1002");

    let other = t.send(with_token("/v1/orders/1002", &ben)).await;
    let missing = t.send(with_token("/v1/orders/9999", &ben)).await;
    assert_eq!(
        (other.status, other.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    assert_eq!(other.body, missing.body, "existence is not revealed");

    // A guest order (no customer) is not readable by any customer token.
    let r = t.send(with_token("/v1/orders/1010", &ana)).await;
    assert_eq!(r.code(), "not_found");

    // An order session opens its own order only, and cannot list.
    let session = token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: PK.into(),
            sub: "1010".into(),
            exp: now_s() + 600,
        },
        SK,
    );
    assert_eq!(
        t.send(with_token("/v1/orders/1010", &session)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        t.send(with_token("/v1/orders/1002", &session)).await.code(),
        "not_found"
    );
    let r = t.send(with_token("/v1/orders", &session)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

#[tokio::test]
async fn origins_are_checked_per_store() {
    let t = setup().await;
    let r = t
        .send(
            public("GET", "/v1/store")
                .header("origin", "https://evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "origin_not_allowed")
    );
    assert!(r.header("access-control-allow-origin").is_none());

    for ok in [
        "http://127.0.0.1:5173",
        "http://localhost:8080",
        "http://localhost",
    ] {
        let r = t
            .send(
                public("GET", "/v1/store")
                    .header("origin", ok)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{ok}");
        assert_eq!(r.header("access-control-allow-origin"), Some(ok));
        assert!(r
            .header("access-control-expose-headers")
            .unwrap()
            .contains("retry-after"));
    }
    let r = t
        .send(
            public("GET", "/v1/store")
                .header("origin", "http://127.0.0.1.evil.example:80")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.code(), "origin_not_allowed");

    // An origin allowed for another store is still refused for this store's key.
    stores::upsert(
        &t.state.db,
        &StoreInput {
            name: "Other".into(),
            publishable_key: "pk_other".into(),
            secret_key: "sk_other_secret".into(),
            default_locale: Locale::En,
            support: SupportContacts::default(),
            origins: vec!["https://other.example".into()],
        },
    )
    .await
    .unwrap();
    t.state.refresh_origins().await.unwrap();
    let r = t
        .send(
            public("GET", "/v1/store")
                .header("origin", "https://other.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.code(), "origin_not_allowed");
}

#[tokio::test]
async fn cors_preflight() {
    let t = setup().await;
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/v1/orders/lookup")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "aftercare-key, content-type, idempotency-key",
            )
            .body(Body::empty())
            .unwrap()
    };
    let r = t.send(preflight("http://localhost:4000")).await;
    assert!(r.status.is_success());
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://localhost:4000")
    );
    let allow = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    for h in [
        "aftercare-key",
        "authorization",
        "content-type",
        "idempotency-key",
    ] {
        assert!(allow.contains(h), "{h} in {allow}");
    }
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));

    let r = t.send(preflight("https://evil.example")).await;
    assert!(r.header("access-control-allow-origin").is_none());
}
