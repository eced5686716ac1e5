//! The typed API client: one code path for the widgets (browser `fetch`) and for native
//! integration tests and tools (`reqwest`); only the transport differs per target.
//!
//! Every request this client sends is safe to repeat: GETs read, every POST carries an
//! `Idempotency-Key`, and the only PUTs (`admin_put_order`, `put_survey_response`) create or
//! replace a resource named by the caller, so a repeat lands on the same resource. All methods
//! are therefore retried alike, with exponential backoff and full jitter, on network failures,
//! `429` (honouring the server's `Retry-After`), `503` and an idempotent request still in
//! flight, and never otherwise. A new endpoint that is not idempotent must not go through the shared retry loop.
//!
//! Layout: one module per API resource with that resource's methods, named as in
//! [`crate::api`] (`store`, `orders`, `shipments`, `surveys`, `returns`); this file holds what
//! they share (errors, retries, credentials, encoding) and picks the transport (`native` or
//! `web`), which sees only the request and response types of `wire`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), aftercare_shared::client::ClientError> {
//! use aftercare_shared::client::Client;
//! use aftercare_shared::api::LookupRequest;
//! let client = Client::new("http://127.0.0.1:8080", "pk_demo_aftercare");
//! let session = client.lookup_order(&LookupRequest { order_number: "1001".into(), email: "ana@example.com".into() }).await?;
//! let order = client.with_token(&session.token).order(&session.order_number).await?;
//! # Ok(()) }
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod native;
mod orders;
mod overview;
mod preferences;
mod privacy;
mod profile;
mod requests;
mod returns;
mod reviews;
mod shipments;
mod store;
mod surveys;
#[cfg(target_arch = "wasm32")]
mod web;
mod wire;

#[cfg(not(target_arch = "wasm32"))]
use native as transport;
#[cfg(target_arch = "wasm32")]
use web as transport;

use crate::api;
use crate::error::{ApiError, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wire::{Method, RawRequest, RawResponse};

/// Why a call failed, as a widget needs to tell the shopper.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    /// The server answered with its error shape.
    #[error("{status} {error}")]
    Api {
        /// HTTP status.
        status: u16,
        /// The decoded error body.
        error: ApiError,
    },
    /// No answer: offline, DNS, connection refused, timeout.
    #[error("network error: {0}")]
    Network(String),
    /// An answer that is not what the API promises.
    #[error("unexpected response: {0}")]
    Decode(String),
}

impl ClientError {
    /// The API error code, when the server sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Api { error, .. } => Some(error.code),
            _ => None,
        }
    }

    /// Whether trying again later may help (offline, overloaded, rate limited).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network(_) => true,
            Self::Api { error, .. } => matches!(
                error.code,
                ErrorCode::RateLimited
                    | ErrorCode::Unavailable
                    | ErrorCode::IdempotencyInFlight
                    | ErrorCode::Internal
            ),
            Self::Decode(_) => false,
        }
    }
}

/// How hard to retry transient failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total, including the first.
    pub max_attempts: u32,
    /// Backoff before the second attempt, doubled each time.
    pub base_delay_ms: u64,
    /// Upper bound for one wait (also caps a server's Retry-After).
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay_ms: 300,
            max_delay_ms: 8_000,
        }
    }
}

impl RetryPolicy {
    /// No retries at all (tests that want to see the first answer).
    pub const NONE: RetryPolicy = RetryPolicy {
        max_attempts: 1,
        base_delay_ms: 0,
        max_delay_ms: 0,
    };

    /// The wait before attempt `attempt + 1` (full jitter), or the server's Retry-After.
    fn delay_ms(&self, attempt: u32, retry_after_s: Option<u64>, unit_random: f64) -> u64 {
        if let Some(s) = retry_after_s {
            return (s * 1000).min(self.max_delay_ms);
        }
        let ceiling = self
            .base_delay_ms
            .saturating_mul(1u64 << attempt.min(16))
            .min(self.max_delay_ms);
        (ceiling as f64 * unit_random) as u64
    }
}

/// Credentials a request is sent with.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Credentials {
    /// Publishable key, optionally with a customer or order-session token.
    Public { key: String, token: Option<String> },
    /// Secret key for the admin API (never in a browser).
    Secret(String),
}

/// The Aftercare API client. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    base_url: String,
    credentials: Credentials,
    retry: RetryPolicy,
}

impl Client {
    /// A client for the public API of the store with this publishable key.
    pub fn new(base_url: &str, publishable_key: &str) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            credentials: Credentials::Public {
                key: publishable_key.to_owned(),
                token: None,
            },
            retry: RetryPolicy::default(),
        }
    }

    /// A client for the admin API (secret key; server-side only).
    pub fn admin(base_url: &str, secret_key: &str) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            credentials: Credentials::Secret(secret_key.to_owned()),
            retry: RetryPolicy::default(),
        }
    }

    /// The same client acting for a customer (customer token) or a guest (order session).
    pub fn with_token(&self, token: &str) -> Self {
        let mut c = self.clone();
        if let Credentials::Public { token: t, .. } = &mut c.credentials {
            *t = Some(token.to_owned());
        }
        c
    }

    /// The same client with another retry policy.
    pub fn with_retry(&self, retry: RetryPolicy) -> Self {
        Self {
            retry,
            ..self.clone()
        }
    }

    /// Send with retries and decode the answer.
    async fn call<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ClientError> {
        // Encode here, so the retry loop below is compiled once, not once per body type (in
        // the wasm bundle every instance of it costs kilobytes).
        let body = match body {
            Some(b) => Some(transport::to_json(b).map_err(ClientError::Decode)?),
            None => None,
        };
        let raw = self.exchange(method, path, body, None, None).await?;
        transport::from_json(&raw.body).map_err(ClientError::Decode)
    }

    /// [`Client::call`] for a POST whose `Idempotency-Key` the caller chose, so a request
    /// repeated after a reload (not only within the retry loop) is still the same request.
    async fn call_keyed<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        key: &str,
    ) -> Result<T, ClientError> {
        let body = transport::to_json(body).map_err(ClientError::Decode)?;
        let raw = self
            .exchange(Method::Post, path, Some(body), None, Some(key))
            .await?;
        transport::from_json(&raw.body).map_err(ClientError::Decode)
    }

    /// Send (`body`: JSON already encoded) with retries; `Ok` for 2xx and 304, the decoded
    /// error otherwise.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        if_none_match: Option<&str>,
        idempotency_key: Option<&str>,
    ) -> Result<RawResponse, ClientError> {
        let mut headers: Vec<(&'static str, String)> = vec![("accept", "application/json".into())];
        match &self.credentials {
            Credentials::Public { key, token } => {
                headers.push((api::KEY_HEADER, key.clone()));
                if let Some(t) = token {
                    headers.push(("authorization", format!("Bearer {t}")));
                }
            }
            Credentials::Secret(sk) => headers.push(("authorization", format!("Bearer {sk}"))),
        }
        if let Some(tag) = if_none_match {
            headers.push(("if-none-match", tag.to_owned()));
        }
        if body.is_some() {
            headers.push(("content-type", "application/json".into()));
        }
        if method == Method::Post {
            let key = idempotency_key.map_or_else(transport::random_key, str::to_owned);
            headers.push((api::IDEMPOTENCY_HEADER, key));
        }
        let request = RawRequest {
            method,
            url: format!("{}{}", self.base_url, path),
            headers,
            body,
        };
        let mut attempt = 0;
        loop {
            let outcome = transport::send(&request)
                .await
                .map_err(ClientError::Network)
                .and_then(check);
            attempt += 1;
            let retry_after = match &outcome {
                Err(e @ ClientError::Api { error, .. })
                    if e.is_transient() && error.code != ErrorCode::Internal =>
                {
                    error.retry_after_seconds
                }
                Err(ClientError::Network(_)) => None,
                _ => return outcome,
            };
            if attempt >= self.retry.max_attempts {
                return outcome;
            }
            transport::sleep_ms(self.retry.delay_ms(
                attempt - 1,
                retry_after,
                transport::unit_random(),
            ))
            .await;
        }
    }
}

/// The outcome of a conditional read (`If-None-Match`).
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched<T> {
    /// New content and its entity tag (pass it back next time).
    Changed {
        /// The decoded body.
        value: T,
        /// The response's `ETag`.
        etag: Option<String>,
    },
    /// Nothing changed since the tag that was sent.
    NotModified,
}

/// 2xx and 304 pass; anything else becomes the server's decoded error.
fn check(raw: RawResponse) -> Result<RawResponse, ClientError> {
    if (200..300).contains(&raw.status) || raw.status == 304 {
        Ok(raw)
    } else {
        Err(decode::<()>(raw).expect_err("non-2xx always decodes to an error"))
    }
}

fn decode<T: DeserializeOwned>(raw: RawResponse) -> Result<T, ClientError> {
    if (200..300).contains(&raw.status) {
        return transport::from_json(&raw.body).map_err(ClientError::Decode);
    }
    let mut error = transport::from_json::<ApiError>(&raw.body).unwrap_or_else(|_| {
        let code = match raw.status {
            429 => ErrorCode::RateLimited,
            502..=504 => ErrorCode::Unavailable,
            404 => ErrorCode::NotFound,
            401 => ErrorCode::Unauthorized,
            400..=499 => ErrorCode::BadRequest,
            _ => ErrorCode::Internal,
        };
        ApiError::new(code, format!("HTTP {}", raw.status))
    });
    if error.retry_after_seconds.is_none() {
        error.retry_after_seconds = raw.retry_after;
    }
    Err(ClientError::Api {
        status: raw.status,
        error,
    })
}

/// Percent-encode a path or query component.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_capped_and_honours_retry_after() {
        let p = RetryPolicy {
            max_attempts: 5,
            base_delay_ms: 100,
            max_delay_ms: 1_000,
        };
        assert_eq!(p.delay_ms(0, None, 1.0), 100);
        assert_eq!(p.delay_ms(2, None, 1.0), 400);
        assert_eq!(p.delay_ms(9, None, 1.0), 1_000);
        assert_eq!(p.delay_ms(3, None, 0.5), 400);
        assert_eq!(p.delay_ms(0, Some(0), 0.3), 0);
        assert_eq!(p.delay_ms(0, Some(30), 0.3), 1_000);
    }

    #[test]
    fn decodes_error_shape_and_falls_back() {
        let err = decode::<()>(RawResponse {
            status: 404,
            retry_after: None,
            etag: None,
            body: r#"{"code":"order_not_found","message":"x"}"#.into(),
        })
        .unwrap_err();
        assert_eq!(err.code(), Some(ErrorCode::OrderNotFound));
        let err = decode::<()>(RawResponse {
            status: 503,
            retry_after: Some(2),
            etag: None,
            body: "<html>".into(),
        })
        .unwrap_err();
        assert_eq!(err.code(), Some(ErrorCode::Unavailable));
        assert!(err.is_transient());
        assert!(matches!(
            err,
            ClientError::Api {
                error: ApiError {
                    retry_after_seconds: Some(2),
                    ..
                },
                ..
            }
        ));
        assert_eq!(encode_component("A 1/ñ"), "A%201%2F%C3%B1");
    }
}
