//! Test harness: a real SQLite file in a temp dir, seeded with the demo store, driven either
//! in-process (`Router::oneshot`) or through a real TCP listener; admin API helpers; and the
//! helpers of one theme in `requests`, `returns` and `surveys`.
#![allow(dead_code)]

/// The console tests' browser.
pub(crate) mod console;
/// The privacy flow both engines run.
pub(crate) mod privacy;
/// Helpers of the profile and address book tests.
pub(crate) mod profile;
/// Helpers of the change-request tests.
pub(crate) mod requests;
/// Helpers of the returns tests.
pub(crate) mod returns;
/// Helpers of the review tests.
pub(crate) mod reviews;
/// Helpers of the survey tests.
pub(crate) mod surveys;

use aftercare_server::repo::orders;
use aftercare_server::{app, seed, AppState, Config, Db};
use aftercare_shared::token::{self, Claims, TokenKind};
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use serde_json::Value;
use std::net::SocketAddr;
use tower::ServiceExt;

/// The demo store's publishable key.
pub(crate) const PK: &str = seed::DEMO_PUBLISHABLE_KEY;
/// The demo store's secret key.
pub(crate) const SK: &str = seed::DEMO_SECRET_KEY;

/// A seeded app and the temp dir its database lives in (dropped with it).
pub(crate) struct TestApp {
    /// The app state (database, config) the router runs on.
    pub state: AppState,
    /// Holds the SQLite file.
    pub dir: tempfile::TempDir,
}

/// An answer, fully read: status, headers and body.
pub(crate) struct Reply {
    /// Status code.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: bytes_alias::Bytes,
}

/// The body type of [`Reply`].
pub(crate) mod bytes_alias {
    /// Response body bytes.
    pub(crate) type Bytes = axum::body::Bytes;
}

impl Reply {
    /// The body as JSON (panics with the body when it is not).
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    /// The `code` of an API error body.
    pub(crate) fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_owned()
    }
    /// A response header as text.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A fresh seeded app with the default configuration.
pub(crate) async fn setup() -> TestApp {
    setup_with(Config::default()).await
}

/// A fresh seeded SQLite app with `config`.
pub(crate) async fn setup_with(config: Config) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
    setup_on(&url, dir, config).await
}

/// Like [`setup_with`] on any database URL (PostgreSQL tests).
pub(crate) async fn setup_on(url: &str, dir: tempfile::TempDir, mut config: Config) -> TestApp {
    let db = Db::connect(url).await.expect("connect");
    db.migrate().await.expect("migrate");
    seed::seed_demo(&db).await.expect("seed");
    if config.sdk_dir == Config::default().sdk_dir {
        config.sdk_dir = dir.path().join("no-sdk");
        config.demo_dir = dir.path().join("no-demo");
    }
    let state = AppState::new(db, config).await.expect("state");
    TestApp { state, dir }
}

impl TestApp {
    /// Send one request through the full app in process.
    pub(crate) async fn send(&self, req: Request<Body>) -> Reply {
        let resp = app(self.state.clone())
            .oneshot(req)
            .await
            .expect("infallible");
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .expect("body");
        Reply {
            status,
            headers,
            body,
        }
    }

    /// Serve the app on a real loopback TCP port.
    pub(crate) async fn spawn(&self) -> String {
        serve(self.state.clone()).await
    }
}

/// Serve the whole app for `state` on a free loopback port; its base URL.
#[allow(dead_code)]
pub(crate) async fn serve(state: AppState) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app(state);
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    format!("http://{addr}")
}

/// A request builder with the demo publishable key.
pub(crate) fn public(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("aftercare-key", PK)
}

/// A request builder with the demo secret key.
pub(crate) fn admin(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {SK}"))
}

/// A JSON request body.
pub(crate) fn json_body(v: &Value) -> Body {
    Body::from(serde_json::to_vec(v).unwrap())
}

/// Now, in Unix seconds (token expiries).
pub(crate) fn now_s() -> i64 {
    aftercare_server::now_ms() / 1000
}

/// A customer token for the demo store.
pub(crate) fn customer_token(customer: &str) -> String {
    token::mint(
        &Claims {
            kind: TokenKind::Customer,
            store: PK.into(),
            sub: customer.into(),
            exp: now_s() + 600,
        },
        SK,
    )
}

/// A guest's order session token for a demo-store order (what the lookup hands out).
pub(crate) fn order_session(number: &str) -> String {
    token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: PK.into(),
            sub: number.into(),
            exp: now_s() + 600,
        },
        SK,
    )
}

// ---------------------------------------------------------------------------------------
// Admin API helpers shared by the tracking, insights and store settings tests
// ---------------------------------------------------------------------------------------

/// One hour in milliseconds.
pub(crate) const HOUR: i64 = 3_600_000;

/// `GET` with the demo secret key.
pub(crate) async fn admin_get(t: &TestApp, uri: &str) -> Reply {
    t.send(admin("GET", uri).body(Body::empty()).unwrap()).await
}

/// A JSON request with the demo secret key.
pub(crate) async fn admin_send(t: &TestApp, method: &str, uri: &str, body: &Value) -> Reply {
    t.send(
        admin(method, uri)
            .header("content-type", "application/json")
            .body(json_body(body))
            .unwrap(),
    )
    .await
}

/// `GET /v1/orders/{n}` as the logged-in customer, optionally conditional.
pub(crate) async fn shopper_get(
    t: &TestApp,
    customer: &str,
    number: &str,
    etag: Option<&str>,
) -> Reply {
    let mut req = public("GET", &format!("/v1/orders/{number}")).header(
        "authorization",
        format!("Bearer {}", customer_token(customer)),
    );
    if let Some(tag) = etag {
        req = req.header("if-none-match", tag);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

/// The admin view of a demo order (asserting it exists).
pub(crate) async fn order(t: &TestApp, number: &str) -> Value {
    let r = admin_get(t, &format!("/v1/admin/orders/{number}")).await;
    assert_eq!(r.status, StatusCode::OK, "{number}");
    r.json()
}

/// The database id of a demo order.
pub(crate) async fn order_db_id(t: &TestApp, number: &str) -> i64 {
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    orders::order_id_by_number(
        &mut conn,
        1,
        &aftercare_shared::OrderNumber::parse(number).unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
}

/// The field names of a `validation_failed` answer.
pub(crate) fn field_names(r: &Reply) -> Vec<String> {
    r.json()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect()
}

/// A fresh PostgreSQL database on `AFTERCARE_TEST_POSTGRES_URL` (which `cargo xtask test`
/// sets): the admin connection that made it, its name (to drop it) and its URL; `None`, with
/// a line saying so, when the variable is not set.
pub(crate) async fn fresh_postgres() -> Option<(sqlx::AnyConnection, String, String)> {
    use sqlx::Connection;
    let Ok(admin_url) = std::env::var("AFTERCARE_TEST_POSTGRES_URL") else {
        eprintln!("AFTERCARE_TEST_POSTGRES_URL not set: PostgreSQL run skipped");
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = format!("aftercare_test_{:016x}", fastrand::u64(..));
    let mut pg = sqlx::AnyConnection::connect(&admin_url)
        .await
        .expect("connect to postgres");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut pg)
        .await
        .unwrap();
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(&admin_url);
    let url = format!("{base}/{name}");
    Some((pg, name, url))
}
