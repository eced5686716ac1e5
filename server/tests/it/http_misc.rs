//! OpenAPI document, static files, health, pagination and fallbacks.

use crate::common;

use aftercare_server::Config;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::Value;

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

/// The served document is the one built with the routes (so it has every route: each is
/// added by `routes!`, which documents what it routes), with the two entries that are not
/// plain routes: the SDK's catch-all, documented in its one-segment form, and the fallback.
#[tokio::test]
async fn openapi_is_the_document_of_the_routes() {
    let t = setup().await;
    let r = t.send(get("/v1/openapi.json")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let doc: Value = r.json();
    let built = aftercare_server::http::document();
    assert_eq!(doc, built);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(doc["info"]["title"], "Aftercare API");
    let paths = doc["paths"].as_object().unwrap();
    let operations: usize = paths
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum();
    assert!(operations >= 50, "{operations} operations");
    for (path, method) in [
        ("/v1/openapi.json", "get"),
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/metrics", "get"),
        ("/v1/admin/store/settings", "get"),
        ("/v1/admin/store/settings", "put"),
        ("/sdk/{path}", "get"),
        ("/{path}", "get"),
        ("/", "get"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path}");
    }
    assert!(
        !paths.keys().any(|p| p.contains("{*")),
        "a catch-all leaked"
    );
    // The shared schemas are there, with Timestamp as an RFC 3339 string.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "Order",
        "ApiError",
        "OrderInput",
        "TrackingEventBatch",
        "StoreConfig",
        "ErrorCode",
    ] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
    assert_eq!(schemas["Timestamp"]["format"], "date-time");
    assert!(doc["components"]["securitySchemes"]["publishable_key"].is_object());
}

#[tokio::test]
async fn health_and_unknown_api_paths() {
    let t = setup().await;
    let r = t.send(get("/healthz")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), serde_json::json!({"status": "ok"}));
    let r = t.send(get("/v1/nope")).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    // Demo token route answers 404 unless --demo.
    let r = t.send(get("/demo/customer-token?customer=cus_ana")).await;
    assert_eq!(r.code(), "not_found");

    // Liveness does not depend on the database; readiness does (see tests/operations.rs).
    t.state.db.pool.close().await;
    assert_eq!(t.send(get("/healthz")).await.status, StatusCode::OK);
    let r = t.send(get("/readyz")).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    );
}

#[tokio::test]
async fn demo_token_route_mints_working_tokens() {
    let t = setup_with(Config {
        demo: true,
        ..Config::default()
    })
    .await;
    let r = t.send(get("/demo/customer-token?customer=cus_carla")).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    assert_eq!(body["customer"], "cus_carla");
    let token = body["token"].as_str().unwrap();
    let r = t
        .send(
            public("GET", "/v1/orders/1006")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["status"], "partially_shipped");
    let r = t.send(get("/demo/customer-token")).await;
    assert_eq!(r.json()["fields"][0]["field"], "customer");
}

#[tokio::test]
async fn orders_paginate_with_an_opaque_cursor() {
    let t = setup().await;
    let token = customer_token("cus_ana");
    let page = |uri: String| {
        public("GET", &uri)
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    let mut numbers = Vec::new();
    let mut uri = "/v1/orders?limit=2".to_owned();
    for _ in 0..10 {
        let body = t.send(page(uri.clone())).await.json();
        let items = body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        numbers.extend(
            items
                .iter()
                .map(|o| o["order_number"].as_str().unwrap().to_owned()),
        );
        match body["next_cursor"].as_str() {
            Some(c) => uri = format!("/v1/orders?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(
        numbers,
        ["1032", "1003", "1034", "1033", "1002", "1021", "1025", "1029", "1011", "1001", "1017"]
    );
    let first = t.send(page("/v1/orders?limit=1".into())).await.json();
    assert_eq!(first["items"][0]["status"], "processing");
    assert_eq!(first["items"][0]["item_count"], 2);
    assert_eq!(first["items"][0]["total"]["currency"], "EUR");
    assert_eq!(
        t.send(page("/v1/orders?limit=0".into())).await.json()["fields"][0]["field"],
        "limit"
    );
    assert_eq!(
        t.send(page("/v1/orders?cursor=%21%21".into())).await.json()["fields"][0]["field"],
        "cursor"
    );
}

#[tokio::test]
async fn static_files_have_the_right_headers() {
    let dir = tempfile::tempdir().unwrap();
    let sdk = dir.path().join("dist");
    let demo = dir.path().join("demo-site");
    std::fs::create_dir_all(&sdk).unwrap();
    std::fs::create_dir_all(demo.join("account")).unwrap();
    std::fs::write(
        sdk.join("aftercare.js"),
        "console.log('loader');\n".repeat(10),
    )
    .unwrap();
    std::fs::write(
        sdk.join("aftercare-widgets-0123456789abcdef_bg.wasm"),
        vec![0u8; 4096],
    )
    .unwrap();
    std::fs::write(
        sdk.join("aftercare-widgets-0123456789abcdef.js"),
        "export {};",
    )
    .unwrap();
    std::fs::write(sdk.join("gallery.html"), "<!doctype html>").unwrap();
    std::fs::create_dir_all(sdk.join("snippets")).unwrap();
    std::fs::write(sdk.join("snippets/inline0.js"), "export {};").unwrap();
    std::fs::write(
        demo.join("index.html"),
        "<!doctype html><title>Aurora</title>",
    )
    .unwrap();
    std::fs::write(
        demo.join("account/index.html"),
        "<!doctype html><title>Account</title>",
    )
    .unwrap();
    let t = setup_with(Config {
        sdk_dir: sdk,
        demo_dir: demo,
        ..Config::default()
    })
    .await;

    let r = t
        .send(get("/sdk/aftercare-widgets-0123456789abcdef_bg.wasm"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(r.body.len(), 4096);
    let r = t
        .send(
            Request::get("/sdk/aftercare-widgets-0123456789abcdef_bg.wasm")
                .header("accept-encoding", "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    let r = t.send(get("/sdk/aftercare.js")).await;
    assert_eq!(r.header("cache-control"), Some("public, max-age=300"));
    assert!(r.header("content-type").unwrap().contains("javascript"));
    let r = t
        .send(get("/sdk/aftercare-widgets-0123456789abcdef.js"))
        .await;
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        t.send(get("/sdk/gallery.html"))
            .await
            .header("cache-control"),
        Some("no-cache")
    );
    // `/sdk/` serves the whole tree, not one segment deep.
    assert_eq!(
        t.send(get("/sdk/snippets/inline0.js")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        t.send(get("/sdk/missing.js")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.send(get("/sdk/../Cargo.toml")).await.status,
        StatusCode::NOT_FOUND
    );

    for path in ["/", "/account/", "/index.html"] {
        let r = t.send(get(path)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(
            r.header("content-security-policy"),
            Some(aftercare_server::http::static_files::DEMO_CSP),
            "{path}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
    }
    assert_eq!(
        aftercare_server::http::static_files::DEMO_CSP,
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    assert_eq!(
        t.send(get("/nope.html")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn missing_static_dirs_answer_404() {
    let t = setup().await; // dirs do not exist
    assert_eq!(t.send(get("/")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        t.send(get("/sdk/aftercare.js")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(t.send(get("/healthz")).await.status, StatusCode::OK);
}

/// A path no file system could hold (a 400-character non-ASCII name) is simply not found,
/// under the SDK and the storefront alike, instead of the file system's "name too long"
/// surfacing as a 500.
#[tokio::test]
async fn over_long_static_paths_are_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let (sdk, demo) = (dir.path().join("dist"), dir.path().join("demo-site"));
    std::fs::create_dir_all(&sdk).unwrap();
    std::fs::create_dir_all(&demo).unwrap();
    let t = setup_with(Config {
        sdk_dir: sdk,
        demo_dir: demo,
        ..Config::default()
    })
    .await;
    let name = "%C3%A9".repeat(200);
    for uri in [
        format!("/{name}"),
        format!("/sdk/{name}"),
        format!("/a/{name}/b"),
    ] {
        let r = t.send(get(&uri)).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{uri}"
        );
    }
}

/// Whitespace in the document's patterns is Rust's (`str::trim`'s) class spelled out, never a
/// pattern's `\s` or `\S`, which are ECMA-262's or Python's (U+0085, U+FEFF, U+001C differ),
/// and the identifiers' patterns are the very ones their parsers are tested against.
#[test]
fn patterns_use_rusts_whitespace_and_the_parsers_rules() {
    fn patterns(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, v) in o {
                    match (k.as_str(), v.as_str()) {
                        ("pattern", Some(p)) => out.push(p.to_owned()),
                        _ => patterns(v, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| patterns(v, out)),
            _ => {}
        }
    }
    let doc = aftercare_server::http::document();
    let mut found = Vec::new();
    patterns(&doc, &mut found);
    let non_blank = aftercare_shared::validate::NON_BLANK_PATTERN;
    assert!(found.iter().any(|p| p.contains(non_blank)));
    for p in &found {
        let rest = p.replace(r"[\s\S]", "");
        assert!(!rest.contains(r"\S") && !rest.contains(r"\s"), "{p}");
        if p.contains('@') {
            assert_eq!(p, aftercare_shared::EMAIL_PATTERN);
        }
        if p.contains("[A-Za-z0-9._-]{1,32}") {
            assert_eq!(p, aftercare_shared::ORDER_NUMBER_PATTERN);
        }
    }
    assert!(found.iter().any(|p| p == aftercare_shared::EMAIL_PATTERN));
    assert!(found
        .iter()
        .any(|p| p == aftercare_shared::ORDER_NUMBER_PATTERN));
}
