//! Native transport: reqwest + tokio, for integration tests, tools and Rust backends.

use super::wire::{Method, RawRequest, RawResponse};
use std::sync::OnceLock;
use std::time::Duration;

fn http() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .expect("reqwest client")
    })
}

pub(crate) async fn send(req: &RawRequest) -> Result<RawResponse, String> {
    let method = match req.method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Delete => reqwest::Method::DELETE,
    };
    let mut builder = http().request(method, &req.url);
    for (name, value) in &req.headers {
        builder = builder.header(*name, value);
    }
    if let Some(body) = &req.body {
        builder = builder.body(body.clone());
    }
    let resp = builder.send().await.map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let etag = resp
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = resp.text().await.map_err(|e| e.to_string())?;
    Ok(RawResponse {
        status,
        retry_after,
        etag,
        body,
    })
}

pub(crate) async fn sleep_ms(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

pub(crate) fn unit_random() -> f64 {
    fastrand::f64()
}

pub(crate) fn random_key() -> String {
    format!("{:032x}", fastrand::u128(..))
}

/// Decode a JSON body.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, String> {
    serde_json::from_str(body).map_err(|e| e.to_string())
}

/// Encode a JSON body.
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}
