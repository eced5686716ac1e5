//! Test harness: a real SQLite file in a temp dir, seeded with the demo store, driven either
//! in-process (`Router::oneshot`) or through a real TCP listener.
#![allow(dead_code)]

use aftercare_server::{app, seed, AppState, Config, Db};
use aftercare_shared::token::{self, Claims, TokenKind};
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use serde_json::Value;
use std::net::SocketAddr;
use tower::ServiceExt;

pub const PK: &str = seed::DEMO_PUBLISHABLE_KEY;
pub const SK: &str = seed::DEMO_SECRET_KEY;

pub struct TestApp {
    pub state: AppState,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: bytes_alias::Bytes,
}

pub mod bytes_alias {
    pub type Bytes = axum::body::Bytes;
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_owned()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub async fn setup() -> TestApp {
    setup_with(Config::default()).await
}

pub async fn setup_with(config: Config) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
    setup_on(&url, dir, config).await
}

/// Like [`setup_with`] on any database URL (PostgreSQL tests).
pub async fn setup_on(url: &str, dir: tempfile::TempDir, mut config: Config) -> TestApp {
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
    pub async fn send(&self, req: Request<Body>) -> Reply {
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
    pub async fn spawn(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = app(self.state.clone());
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
}

/// A request builder with the demo publishable key.
pub fn public(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("aftercare-key", PK)
}

/// A request builder with the demo secret key.
pub fn admin(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {SK}"))
}

pub fn json_body(v: &Value) -> Body {
    Body::from(serde_json::to_vec(v).unwrap())
}

pub fn now_s() -> i64 {
    aftercare_server::now_ms() / 1000
}

/// A customer token for the demo store.
pub fn customer_token(customer: &str) -> String {
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
