//! `GET /healthz` (liveness: the process answers) and `GET /readyz` (readiness: the database
//! answers and every migration this binary embeds is applied), for load balancers,
//! orchestrators and `xtask`.
//!
//! Liveness never touches the database: a restart cannot fix a database that is down, so an
//! orchestrator must not kill healthy processes over it. Readiness is what decides whether an
//! instance gets traffic (and what `xtask` waits for).

use super::plumbing::ApiRouter;
use crate::error::Error;
use crate::state::AppState;
use aftercare_shared::ApiError;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use std::time::Duration;
use utoipa_axum::routes;

/// How long readiness waits for the database before answering 503.
const READY_TIMEOUT: Duration = Duration::from_secs(3);

/// The health answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` from `/healthz`, `ready` from `/readyz`.
    pub status: &'static str,
}

/// Health routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// Liveness: the process is up and serving. Does not touch the database (see `/readyz`).
#[utoipa::path(get, path = "/healthz", tag = "health",
    security(()),
    responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Readiness: the database answers and has every migration this server expects; 503
/// `unavailable` (with `Retry-After`) otherwise.
#[utoipa::path(get, path = "/readyz", tag = "health",
    security(()),
    responses(
        (status = 200, body = Health),
        (status = 503, description = "`unavailable`: the database does not answer or has migrations pending", body = ApiError,
            headers(("Retry-After" = u64, description = "Seconds to wait before asking again"))),
    ))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Health>, Error> {
    match tokio::time::timeout(READY_TIMEOUT, state.db.pending_migrations()).await {
        Ok(Ok(pending)) if pending.is_empty() => Ok(Json(Health { status: "ready" })),
        Ok(Ok(pending)) => {
            tracing::warn!(?pending, "not ready: migrations pending");
            Err(Error::Unavailable)
        }
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "not ready: database unreachable");
            Err(Error::Unavailable)
        }
        Err(_) => {
            tracing::warn!("not ready: database did not answer in time");
            Err(Error::Unavailable)
        }
    }
}
