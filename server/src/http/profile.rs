//! The account's profile and address book (`/v1/me/profile`, `/v1/me/addresses`): who the
//! customer is as the merchant's data holds them, read-only, and the delivery addresses they
//! keep, checked by the country's rules (the shared `AddressInput::validate`). Like the
//! preferences it is about a person: only a customer token has one; an order session gets
//! `403 forbidden`. Every change answers the whole profile, so the page shows the new default
//! without another request.

use super::plumbing::{path_id, ApiRouter, Json};
use crate::auth::Shopper;
use crate::error::Result;
use crate::repo::profile as repo;
use crate::state::AppState;
use aftercare_shared::api::{AddressInput, Profile};
use aftercare_shared::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use utoipa_axum::routes;

/// Profile and address book routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(get_profile))
        .routes(routes!(add_address))
        .routes(routes!(update_address, remove_address))
}

/// The signed-in customer's profile: `customer` (the token's subject), `name`, `email` and
/// `phone` as the store's latest order push gave them (absent for a customer the store has no
/// order from yet), and their saved addresses, the default first, then the most recently saved
/// or changed.
#[utoipa::path(get, path = "/v1/me/profile", tag = "profile",
    security(("publishable_key" = [], "customer_token" = [])),
    responses(
        (status = 200, body = Profile),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no profile; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn get_profile(State(state): State<AppState>, shopper: Shopper) -> Result<Json<Profile>> {
    let customer = shopper.customer()?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(
        repo::profile(&mut conn, shopper.store.id, customer).await?,
    ))
}

/// Save a new address; answers the whole profile. The first address saved is the default;
/// `make_default` moves the default to this one. At most 20 addresses per customer.
/// Send an `Idempotency-Key` (the typed client always does): a retry then answers the first
/// result instead of saving the address twice.
#[utoipa::path(post, path = "/v1/me/addresses", tag = "profile",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, max_length = 255,
            description = "1–255 visible characters; makes retries safe"),
    ),
    request_body = AddressInput,
    responses(
        (status = 201, body = Profile),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no address book; `origin_not_allowed`", body = ApiError),
        (status = 409, description = "`conflict`: 20 addresses are saved already (remove one first); `idempotency_in_flight`: the first request with this key is still running", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming each bad `address.*` field by the country's rules (`address.postal_code`, `address.region`, …); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn add_address(
    State(state): State<AppState>,
    shopper: Shopper,
    Json(input): Json<AddressInput>,
) -> Result<(StatusCode, Json<Profile>)> {
    let customer = shopper.customer()?;
    let profile = repo::add_address(
        &state.db,
        shopper.store.id,
        customer,
        &input,
        crate::util::now_ms(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(profile)))
}

/// Replace one saved address, or make it the default (`make_default: true`; `false` leaves the
/// default where it is). Answers the whole profile. Sending what is stored changes nothing,
/// `updated_at` included.
#[utoipa::path(put, path = "/v1/me/addresses/{id}", tag = "profile",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("id" = i64, Path, minimum = 1, description = "A `SavedAddress.id` of this customer")),
    request_body = AddressInput,
    responses(
        (status = 200, body = Profile),
        (status = 400, description = "`bad_request`: the body is not JSON", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no address book; `origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: no such address among this customer's (another customer's id gets the same answer)", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming each bad `address.*` field by the country's rules", body = ApiError),
    ))]
pub async fn update_address(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<AddressInput>,
) -> Result<Json<Profile>> {
    let customer = shopper.customer()?;
    let id = path_id(path)?;
    Ok(Json(
        repo::update_address(
            &state.db,
            shopper.store.id,
            customer,
            id,
            &input,
            crate::util::now_ms(),
        )
        .await?,
    ))
}

/// Remove one saved address; answers the whole profile. Removing the default makes the most
/// recently updated address left the default.
#[utoipa::path(delete, path = "/v1/me/addresses/{id}", tag = "profile",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("id" = i64, Path, minimum = 1, description = "A `SavedAddress.id` of this customer")),
    responses(
        (status = 200, body = Profile),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no address book; `origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: no such address among this customer's (another customer's id, or one removed already)", body = ApiError),
    ))]
pub async fn remove_address(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<Profile>> {
    let customer = shopper.customer()?;
    let id = path_id(path)?;
    Ok(Json(
        repo::remove_address(&state.db, shopper.store.id, customer, id).await?,
    ))
}
