//! A customer's communication preferences (`/v1/me/preferences`): what the store may contact
//! them about, read and set per topic from the account page. Only a customer token has
//! preferences; a guest's order session speaks for one order, not for a person, and gets
//! `403 forbidden`. The server honours the setting wherever it decides to ask (the survey
//! prompt reads it through `repo::surveys::history`).

use super::plumbing::{path_topic, ApiRouter, Json};
use crate::auth::Shopper;
use crate::error::Result;
use crate::repo::preferences as repo;
use crate::state::AppState;
use aftercare_shared::api::{PreferenceChange, Preferences, Topic};
use aftercare_shared::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use utoipa_axum::routes;

/// Preference routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(get_preferences))
        .routes(routes!(put_preference))
}

/// The signed-in customer's communication preferences: every topic, in the account page's
/// order, with `changed_at` on the ones they changed. Topics never changed have their
/// default: service messages and questions about orders on, offers off until the customer
/// opts in.
#[utoipa::path(get, path = "/v1/me/preferences", tag = "preferences",
    security(("publishable_key" = [], "customer_token" = [])),
    responses(
        (status = 200, body = Preferences),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no preferences; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn get_preferences(
    State(state): State<AppState>,
    shopper: Shopper,
) -> Result<Json<Preferences>> {
    let customer = shopper.customer()?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(
        repo::preferences(&mut conn, shopper.store.id, customer).await?,
    ))
}

/// Turn one topic on or off; answers every topic's setting after the change. Idempotent:
/// setting a topic to the value it already has changes nothing, and its `changed_at` stays
/// the time of the last real change.
///
/// The customer must be known to the store (have an order): until then there is no customer
/// to attach the setting to, and the answer is `404 not_found`.
#[utoipa::path(put, path = "/v1/me/preferences/{topic}", tag = "preferences",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("topic" = Topic, Path, description = "`shipping_updates`, `review_requests`, `surveys` or `offers`")),
    request_body = PreferenceChange,
    responses(
        (status = 200, body = Preferences),
        (status = 400, description = "`bad_request`: the body is not JSON", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no preferences; `origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: unknown topic, or a customer the store has no order for yet", body = ApiError),
        (status = 422, description = "`validation_failed` (`enabled` missing or not a boolean)", body = ApiError),
    ))]
pub async fn put_preference(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(change): Json<PreferenceChange>,
) -> Result<Json<Preferences>> {
    let customer = shopper.customer()?;
    let topic = path_topic(path)?;
    let prefs = repo::set_preference(
        &state.db,
        shopper.store.id,
        customer,
        topic,
        change.enabled,
        crate::util::now_ms(),
    )
    .await?;
    Ok(Json(prefs))
}
