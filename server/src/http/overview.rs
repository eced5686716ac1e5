//! The account overview (`/v1/me/overview`): what the account page shows before the order
//! list — parcels in trouble, parcels waiting at a pickup point, requests waiting for (or just
//! answered by) the store and returns not sent back yet — so a customer sees what needs them
//! without opening every order. Like the preferences, it
//! is about a person: only a customer token has one; an order session gets `403 forbidden`.

use super::plumbing::{ApiRouter, Json};
use crate::auth::Shopper;
use crate::error::Result;
use crate::repo::overview as repo;
use crate::state::AppState;
use aftercare_shared::api::AccountOverview;
use aftercare_shared::ApiError;
use axum::extract::State;
use utoipa_axum::routes;

/// Overview routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(get_overview))
}

/// What needs the signed-in customer now, most urgent first: parcels waiting at a pickup
/// point (earliest deadline first), then parcel problems (`exception`, `attempted_delivery`,
/// `returned_to_sender`, `expired`, with the reason, next step and carrier), then cancellation
/// and address-change requests waiting for the store or decided in the last 7 days (newest
/// request first), then returns `requested` or `approved` whose parcel has not been sent back;
/// within each kind the newest order first; at most 20 items.
///
/// Only parcels of orders that are not cancelled, whose status is at most 30 days old, are
/// considered: it dates from the parcel's newest checkpoint or hand-over, or for an `expired`
/// parcel from the moment it expired. An empty list means nothing needs the customer.
#[utoipa::path(get, path = "/v1/me/overview", tag = "account",
    security(("publishable_key" = [], "customer_token" = [])),
    responses(
        (status = 200, body = AccountOverview),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no account overview; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn get_overview(
    State(state): State<AppState>,
    shopper: Shopper,
) -> Result<Json<AccountOverview>> {
    let customer = shopper.customer()?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(
        repo::overview(&mut conn, &shopper.store, customer, crate::util::now_ms()).await?,
    ))
}
