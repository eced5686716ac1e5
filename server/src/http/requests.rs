//! Cancellation and address-change requests. Shoppers (publishable key + customer token, or a
//! guest's order session for that order) ask to cancel an order or to deliver its unshipped
//! parcels elsewhere; merchants (secret key) read the queue and accept or reject. The rules for
//! when a shopper may ask are the shared `changes` module's, and `GET /v1/orders/{number}`
//! offers exactly what they allow (`Order.changes`).

use super::plumbing::{encode_cursor, path_segment, queue_params, shopper_order, ApiRouter, Json};
use crate::auth::{AdminStore, Shopper};
use crate::error::{Error, Result};
use crate::repo::requests::{self as repo, Ask};
use crate::state::AppState;
use aftercare_shared::api::{AddressChangeInput, CancellationInput, DecisionInput, Page};
use aftercare_shared::changes::{OrderRequest, RequestStatus};
use aftercare_shared::validate::Problems;
use aftercare_shared::ApiError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa_axum::routes;

/// The kind tag of the admin queue's cursors.
const CURSOR_KIND: &str = "q1";

/// Request routes (shopper and admin).
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(request_cancellation))
        .routes(routes!(request_address_change))
        .routes(routes!(admin_requests))
        .routes(routes!(decide))
}

/// Store a shopper's request for the order in the path, answered `201` with the request.
async fn ask(
    state: &AppState,
    shopper: &Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    ask: Ask<'_>,
) -> Result<(StatusCode, Json<OrderRequest>)> {
    let order_id = shopper_order(state, shopper, path).await?;
    let request = repo::ask(
        &state.db,
        shopper.store.id,
        order_id,
        ask,
        crate::util::now_ms(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(request)))
}

/// Ask the store to cancel the order. Allowed while the store takes cancellations, within its
/// window after the order was placed (`Order.changes.cancel_until`), before anything has been
/// handed to a carrier, and when no cancellation is already waiting. The reason must be one
/// the store offers; `other` needs a comment. The request waits (`pending`) until the store
/// decides. Send an `Idempotency-Key`: a retry or double click replays the first answer.
#[utoipa::path(post, path = "/v1/orders/{order_number}/cancellation", tag = "requests",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("order_number" = String, Path, description = "The order"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = CancellationInput,
    responses(
        (status = 201, body = OrderRequest),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: not the caller's order", body = ApiError),
        (status = 409, description = "`conflict`: not offered, the order is cancelled, something has shipped, the window has closed, or a cancellation is already waiting (the message says which); `idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `reason` (not offered by the store) or `comment` (required for `other`, at most 1,000 characters); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn request_cancellation(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<CancellationInput>,
) -> Result<(StatusCode, Json<OrderRequest>)> {
    ask(&state, &shopper, path, Ask::Cancellation(&input)).await
}

/// Ask the store to deliver the order's unshipped parcels to another address. Allowed while
/// the store takes address changes, something is still unshipped, the order is not cancelled
/// and no address change is already waiting. The address is checked with the rules of its
/// country and stored as normalised (trimmed, postcode and region in their usual form). The
/// order's address changes only when the store accepts. Send an `Idempotency-Key`.
#[utoipa::path(post, path = "/v1/orders/{order_number}/address-change", tag = "requests",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("order_number" = String, Path, description = "The order"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = AddressChangeInput,
    responses(
        (status = 201, body = OrderRequest),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: not the caller's order", body = ApiError),
        (status = 409, description = "`conflict`: not offered, the order is cancelled, everything has shipped, or an address change is already waiting (the message says which); `idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming each bad `address.*` field (e.g. `address.postal_code` for the country); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn request_address_change(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<AddressChangeInput>,
) -> Result<(StatusCode, Json<OrderRequest>)> {
    ask(&state, &shopper, path, Ask::AddressChange(&input)).await
}

/// Query of `GET /v1/admin/requests`. Values are read as text, so a bad one gets the API's
/// own `422` naming its field.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminRequestParams {
    /// Which requests: `pending` (the default: the ones waiting for a decision), `accepted`
    /// or `rejected`.
    #[param(value_type = RequestStatus, inline, required = false)]
    pub status: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = r"^q1\.[0-9]{1,15}\.[0-9]{1,18}$", max_length = 40)]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
}

/// The store's cancellation and address-change requests in one status, oldest first (the
/// queue a merchant works through), cursor-paginated; `total` counts the requests in that
/// status. A pending request with `shipped_meanwhile` has a parcel that left after the
/// shopper asked: intercept it and accept, or reject saying why.
#[utoipa::path(get, path = "/v1/admin/requests", tag = "admin",
    security(("secret_key" = [])),
    params(AdminRequestParams),
    responses(
        (status = 200, body = Page<OrderRequest>),
        (status = 400, description = "`bad_request`: the query string cannot be read", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 422, description = "`validation_failed`: bad `status`, `limit` or `cursor`", body = ApiError),
    ))]
pub async fn admin_requests(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    query: std::result::Result<Query<AdminRequestParams>, QueryRejection>,
) -> Result<Json<Page<OrderRequest>>> {
    let Query(q) = query?;
    let mut p = Problems::default();
    let (status, limit, after) = queue_params(
        &mut p,
        (q.status.as_deref(), q.limit.as_deref(), q.cursor.as_deref()),
        RequestStatus::from_wire,
        RequestStatus::Pending,
        CURSOR_KIND,
    );
    p.finish()?;
    let mut conn = state.db.pool.acquire().await?;
    let (items, next, total) = repo::list(&mut conn, store.id, status, after, limit).await?;
    Ok(Json(Page {
        items,
        next_cursor: next.map(|at| encode_cursor(CURSOR_KIND, at)),
        total: Some(total),
    }))
}

/// Accept or reject a pending request; answers it decided. Accepting a cancellation cancels
/// the order (and closes a pending address change of it as rejected); accepting an address
/// change replaces the order's delivery address (the old one is kept for audit), unless
/// everything has shipped by now or the order is cancelled: then reject instead. Rejecting
/// needs a `note`, which the shopper sees.
#[utoipa::path(post, path = "/v1/admin/requests/{id}/decision", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "The request's id"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = DecisionInput,
    responses(
        (status = 200, body = OrderRequest),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 404, description = "`not_found`: no such request in this store", body = ApiError),
        (status = 409, description = "`conflict`: already decided, or an address change that can no longer be made (everything shipped, order cancelled); `idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `note` (required to reject, at most 1,000 characters); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn decide(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<DecisionInput>,
) -> Result<Json<OrderRequest>> {
    let id: i64 = path_segment(path)?.parse().map_err(|_| Error::NotFound)?;
    Ok(Json(
        repo::decide(&state.db, store.id, id, &input, crate::util::now_ms()).await?,
    ))
}
