//! `GET /healthz`: liveness plus a database round trip, for load balancers and `xtask`.

use super::plumbing::ApiRouter;
use crate::error::Error;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa_axum::routes;

/// The health answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok` when the database answered.
    pub status: &'static str,
}

/// Health route.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(healthz))
}

/// Ping the database; 503 `unavailable` if it does not answer.
#[utoipa::path(get, path = "/healthz", tag = "health",
    security(()),
    responses((status = 200, body = Health), (status = 503, body = aftercare_shared::ApiError)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, Error> {
    match tokio::time::timeout(std::time::Duration::from_secs(3), state.db.ping()).await {
        Ok(Ok(())) => Ok(Json(Health { status: "ok" })),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            Err(Error::Unavailable)
        }
        Err(_) => Err(Error::Unavailable),
    }
}
