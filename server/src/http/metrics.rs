//! `GET /metrics`: the Prometheus text exposition of [`crate::ops::metrics`].
//!
//! Off unless the operator sets a token (`AFTERCARE_METRICS_TOKEN`): traffic figures per
//! route are not for the public, and a token works the same whether Prometheus reaches the
//! server directly or through a proxy (a loopback-only rule would not: behind a local proxy
//! every caller is loopback). Prometheus sends it with `authorization: { credentials: … }`.

use super::plumbing::ApiRouter;
use crate::error::Error;
use crate::state::AppState;
use aftercare_shared::ApiError;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use utoipa_axum::routes;

/// The content type of the Prometheus text format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The metrics route.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(metrics))
}

/// Prometheus metrics of this process: `http_requests_total{method,route,status}`,
/// `http_request_duration_seconds{method,route}` (histogram), `photo_jobs_in_flight`,
/// `photo_jobs_queued` and `photo_jobs_refused_total`. Needs `Authorization: Bearer` with the
/// server's metrics token; without a configured token the route does not exist (404).
#[utoipa::path(get, path = "/metrics", tag = "health",
    security(("metrics_token" = [])),
    responses(
        (status = 200, description = "Prometheus text format", content_type = "text/plain", body = String),
        (status = 401, description = "`unauthorized`: no or the wrong metrics token", body = ApiError),
        (status = 404, description = "`not_found`: metrics are off (no token configured)", body = ApiError),
        (status = 503, description = "`unavailable`: no recorder could be installed", body = ApiError),
    ))]
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let Some(expected) = state.config.metrics_token.as_deref() else {
        return Err(Error::NotFound);
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    if !crate::constant_time_eq(given.as_bytes(), expected.as_bytes()) {
        return Err(Error::Unauthorized);
    }
    let handle = state.metrics.as_ref().ok_or(Error::Unavailable)?;
    handle.run_upkeep();
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE))],
        handle.render(),
    )
        .into_response())
}
