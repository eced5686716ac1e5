//! `Idempotency-Key` handling for every POST, as a middleware layer.
//!
//! Scope is the store + a hash of whom the credentials speak for (a shopper token's subject,
//! not its text) + the key. The first request
//! claims the key with an `in_flight` row (a unique constraint makes concurrent claims
//! race-free); its answer is stored and replayed to repeats with `Idempotent-Replayed: true`.
//! A repeat with another body gets `422 idempotency_key_reused`, one while the first still
//! runs `409 idempotency_in_flight` (Retry-After: 1). Answers that say "nothing happened"
//! (5xx, 401, 403, 429) are forgotten so a retry can proceed.

use crate::error::Error;
use crate::repo::idempotency::{self as store, Begin};
use crate::repo::stores;
use crate::state::AppState;
use aftercare_shared::api::{is_idempotency_key, IDEMPOTENCY_HEADER, KEY_HEADER, REPLAYED_HEADER};
use aftercare_shared::token::TokenKind;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashSet;
use std::sync::Arc;

/// The store and credential hash a request is scoped to, when its credentials resolve.
/// Unresolvable credentials skip idempotency: the handler will refuse the request anyway,
/// and unauthenticated callers must not be able to write rows.
async fn scope(state: &AppState, headers: &HeaderMap) -> Result<Option<Scope>, Error> {
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if let Some(secret) = auth.strip_prefix("Bearer ").map(str::trim) {
        if secret.starts_with("sk_") {
            return Ok(stores::by_secret_key(&state.db, secret)
                .await?
                .map(|s| Scope {
                    store_id: s.id,
                    credential: crate::util::sha256_hex(format!("secret\n{secret}")),
                    verified: true,
                }));
        }
    }
    let Some(key) = headers.get(KEY_HEADER).and_then(|v| v.to_str().ok()) else {
        return Ok(None);
    };
    Ok(stores::by_publishable_key(&state.db, key).await?.map(|s| {
        let (text, verified) = shopper_scope(&s, auth);
        Scope {
            store_id: s.id,
            credential: crate::util::sha256_hex(text),
            verified,
        }
    }))
}

/// Where a POST's answer is kept: the store, a hash of whom the credentials speak for, and
/// whether those credentials verified (a bearer token or secret key that checks out).
struct Scope {
    store_id: i64,
    credential: String,
    verified: bool,
}

/// Whom a shopper's request speaks for. A verified token scopes by its subject, not its text:
/// the merchant's backend mints a fresh token on each page load, and a retry sent with a
/// newer token must still replay the first answer instead of acting twice.
fn shopper_scope(store: &stores::StoreRow, auth: &str) -> (String, bool) {
    let key = &store.publishable_key;
    let token = auth.strip_prefix("Bearer ").map(str::trim).unwrap_or("");
    let now = crate::util::now_ms() / 1000;
    match aftercare_shared::token::verify(token, &store.secret_key, key, now) {
        // A review link's answers are kept with its order's guest sessions (the same
        // subject: one order), so erasing the order's customer drops them too.
        Ok(claims) if claims.kind == TokenKind::ReviewLink => {
            (subject_scope_text(key, TokenKind::Order, &claims.sub), true)
        }
        Ok(claims) => (subject_scope_text(key, claims.kind, &claims.sub), true),
        Err(_) => (format!("public\n{key}\n{auth}"), false),
    }
}

fn subject_scope_text(key: &str, kind: TokenKind, sub: &str) -> String {
    format!("public\n{key}\n{kind:?}\n{sub}")
}

/// The credential hash POSTs made with any token for (`kind`, `sub`) are stored under, so an
/// erasure can drop the answers stored for a customer and their orders' guest sessions.
pub(crate) fn subject_scope(publishable_key: &str, kind: TokenKind, sub: &str) -> String {
    crate::util::sha256_hex(subject_scope_text(publishable_key, kind, sub))
}

fn forgettable(status: StatusCode) -> bool {
    status.is_server_error()
        || matches!(
            status,
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS
        )
}

/// The POST routes (by their template, as [`MatchedPath`] gives it) whose every accepted
/// request carries a bearer credential (a token or the secret key), read from the OpenAPI
/// document's security requirements: a malformed key on such a route with no credential that
/// verifies is left to the route, which refuses it with 401 before writing anything
/// (authentication is answered before validation).
#[derive(Clone, Default)]
pub struct BearerRoutes(Arc<HashSet<String>>);

impl BearerRoutes {
    /// The POST operations of `doc` (the finished document) that no public (key-only)
    /// requirement admits.
    pub fn from_document(doc: &serde_json::Value) -> Self {
        let bearer = super::openapi::conventions::BEARER_SCHEMES;
        let set = doc["paths"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, item)| {
                item["post"]["security"].as_array().is_some_and(|reqs| {
                    !reqs.is_empty()
                        && reqs.iter().all(|r| {
                            r.as_object()
                                .is_some_and(|o| o.keys().any(|k| bearer.contains(&k.as_str())))
                        })
                })
            })
            .map(|(path, _)| path.clone())
            .collect();
        Self(Arc::new(set))
    }

    fn contains(&self, route: Option<&MatchedPath>) -> bool {
        route.is_some_and(|r| self.0.contains(r.as_str()))
    }
}

/// The middleware (`axum::middleware::from_fn_with_state`).
pub async fn layer(
    State((state, bearer)): State<(AppState, BearerRoutes)>,
    req: Request,
    next: Next,
) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let key = match req.headers().get(IDEMPOTENCY_HEADER) {
        None => return next.run(req).await,
        Some(v) => is_idempotency_key(v.as_bytes())
            .then(|| String::from_utf8_lossy(v.as_bytes()).into_owned()),
    };
    let scope = match scope(&state, req.headers()).await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    // No credential resolves: the route refuses the request (401) or is public and keeps no
    // answers; either way the key is not this layer's to judge.
    let Some(Scope {
        store_id,
        credential,
        verified,
    }) = scope
    else {
        return next.run(req).await;
    };
    let Some(key) = key else {
        if !verified && bearer.contains(req.extensions().get::<MatchedPath>()) {
            return next.run(req).await;
        }
        return Error::bad_request("Idempotency-Key must be 1 to 255 visible characters.")
            .into_response();
    };
    let (parts, body) = req.into_parts();
    let limit = super::plumbing::body_limit_for(parts.uri.path());
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return Error::PayloadTooLarge.into_response();
    };
    let mut fingerprint = format!(
        "{}\n{}\n",
        parts.method,
        parts
            .uri
            .path_and_query()
            .map(axum::http::uri::PathAndQuery::as_str)
            .unwrap_or("")
    )
    .into_bytes();
    fingerprint.extend_from_slice(&bytes);
    let request_hash = crate::util::sha256_hex(&fingerprint);

    match store::begin(&state.db, store_id, &credential, &key, &request_hash).await {
        Ok(Begin::Started) => {}
        Ok(Begin::Replay { status, body }) => {
            let mut resp = Response::new(Body::from(body));
            *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let h = resp.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            h.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
            return resp;
        }
        Ok(Begin::Mismatch) => return Error::IdempotencyKeyReused.into_response(),
        Ok(Begin::InFlight) => return Error::IdempotencyInFlight.into_response(),
        Err(e) => return e.into_response(),
    }

    let resp = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let status = resp.status();
    if forgettable(status) {
        if let Err(e) = store::forget(&state.db, store_id, &credential, &key).await {
            tracing::error!(error = %e, "could not release idempotency key");
        }
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            let _ = store::forget(&state.db, store_id, &credential, &key).await;
            return Error::internal(format!("buffering response: {e}")).into_response();
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    if let Err(e) = store::complete(
        &state.db,
        store_id,
        &credential,
        &key,
        status.as_u16(),
        &text,
    )
    .await
    {
        // The write itself succeeded but could not be recorded: release the key rather than
        // leave it "in flight" until it ages out.
        tracing::error!(error = %e, "could not record idempotent response");
        let _ = store::forget(&state.db, store_id, &credential, &key).await;
    }
    Response::from_parts(parts, Body::from(bytes))
}
