//! The shopper's returns routes: the form's options, the estimate, creating a return, the
//! EU withdrawal, following a return and cancelling it.

use super::access::{detail_for, locale_of, owner_of, shopper_order, shopper_return, LocaleParams};
use crate::auth::Shopper;
use crate::error::{Error, Result};
use crate::http::plumbing::Json;
use crate::repo::returns::{self as repo, Check};
use crate::state::AppState;
use aftercare_shared::api::{
    ReturnActor, ReturnDetail, ReturnOptions, ReturnRequestInput, WithdrawalConfirmation,
    WithdrawalInput,
};
use aftercare_shared::returns::{RefundEstimate, ReturnStatus};
use aftercare_shared::{ApiError, FieldIssue};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};

/// Everything the return form needs for one order: each line with its eligibility (and why
/// not, in a code the widget words), the store's reasons in the shopper's language,
/// resolutions, methods, terms, the withdrawal button when open, and past returns.
#[utoipa::path(get, path = "/v1/orders/{order_number}/returns/options", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("order_number" = String, Path, description = "The order"), LocaleParams),
    responses(
        (status = 200, body = ReturnOptions),
        (status = 401, body = ApiError),
        (status = 404, description = "not the caller's order", body = ApiError),
    ))]
pub async fn options(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LocaleParams>, QueryRejection>,
) -> Result<Json<ReturnOptions>> {
    let locale = locale_of(query)?;
    let order_id = shopper_order(&state, &shopper, path).await?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(
        repo::options(
            &mut conn,
            shopper.store.id,
            order_id,
            locale,
            crate::util::now_ms(),
        )
        .await?,
    ))
}

/// What a return would be worth with the store's rules (restocking fee, return shipping,
/// store-credit bonus, discount proration, currency rounding). Nothing is stored; reasons and
/// photos are not checked yet.
#[utoipa::path(post, path = "/v1/orders/{order_number}/returns/estimate", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("order_number" = String, Path, description = "The order")),
    request_body = ReturnRequestInput,
    responses(
        (status = 200, body = RefundEstimate),
        (status = 404, body = ApiError),
        (status = 409, description = "`conflict`: units taken by another return meanwhile", body = ApiError),
        (status = 422, description = "`validation_failed` naming the line field", body = ApiError),
    ))]
pub async fn estimate(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ReturnRequestInput>,
) -> Result<Json<RefundEstimate>> {
    let order_id = shopper_order(&state, &shopper, path).await?;
    let now = crate::util::now_ms();
    let mut conn = state.db.pool.acquire().await?;
    let settings = repo::settings(&mut conn, shopper.store.id).await?;
    let facts = repo::order_facts(&mut conn, shopper.store.id, order_id, &settings, now).await?;
    let lines = repo::check_request(
        &input,
        &facts,
        &settings,
        &Default::default(),
        "",
        Check::Estimate,
        now,
    )?;
    Ok(Json(repo::estimate_of(&settings, &facts, &lines)))
}

/// Create a return: checked against eligibility, reasons (comment/photo rules), resolutions
/// and exchange stock, valued with the store's rules, given an RMA number and a first history
/// step. Send an `Idempotency-Key`: a retry or double click replays the first answer.
#[utoipa::path(post, path = "/v1/orders/{order_number}/returns", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("order_number" = String, Path, description = "The order"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    request_body = ReturnRequestInput,
    responses(
        (status = 201, body = ReturnDetail),
        (status = 404, body = ApiError),
        (status = 409, description = "`conflict`: units or photos taken meanwhile", body = ApiError),
        (status = 422, description = "`validation_failed` naming each bad field", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ReturnRequestInput>,
) -> Result<(StatusCode, Json<ReturnDetail>)> {
    let order_id = shopper_order(&state, &shopper, path).await?;
    let owner = owner_of(&shopper.principal);
    let rma = repo::create(
        &state.db,
        shopper.store.id,
        order_id,
        &owner,
        &input,
        crate::util::now_ms(),
    )
    .await?;
    let mut conn = state.db.pool.acquire().await?;
    let row = repo::find(&mut conn, shopper.store.id, &rma)
        .await?
        .ok_or_else(|| Error::internal("created return vanished"))?;
    drop(conn);
    let locale = input.locale.unwrap_or_default();
    let detail = detail_for(&state, &headers, &shopper.store, &row, locale).await?;
    Ok((StatusCode::CREATED, Json(detail)))
}

/// Declare the EU withdrawal from the contract (Directive 2023/2673), after the shopper's
/// explicit confirmation (`confirm: true`). Offered only by stores that enable it, within 14
/// days of delivery; the stored, timestamped declaration comes back (`201`, or `200` with the
/// first one when already declared).
#[utoipa::path(post, path = "/v1/orders/{order_number}/withdrawals", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("order_number" = String, Path, description = "The order"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    request_body = WithdrawalInput,
    responses(
        (status = 201, body = WithdrawalConfirmation),
        (status = 200, description = "already declared: the first declaration", body = WithdrawalConfirmation),
        (status = 404, description = "`not_found`: no such order among the shopper's", body = ApiError),
        (status = 409, description = "`conflict`: not offered, or the 14 days are over", body = ApiError),
        (status = 422, description = "`confirm` must be true", body = ApiError),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<WithdrawalInput>,
) -> Result<(StatusCode, Json<WithdrawalConfirmation>)> {
    if !input.confirm {
        return Err(Error::field(
            "confirm",
            FieldIssue::Required,
            "Confirm the withdrawal explicitly.",
        ));
    }
    let order_id = shopper_order(&state, &shopper, path).await?;
    let (confirmation, created) = repo::withdraw(
        &state.db,
        shopper.store.id,
        &shopper.store.name,
        order_id,
        input.locale.unwrap_or_default(),
        crate::util::now_ms(),
    )
    .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(confirmation)))
}

/// A return's status page: lines, estimate, history (with the merchant's notes), whether it
/// can still be cancelled, instructions, label and QR links.
#[utoipa::path(get, path = "/v1/returns/{rma}", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("rma" = String, Path, description = "RMA number"), LocaleParams),
    responses(
        (status = 200, body = ReturnDetail),
        (status = 404, body = ApiError),
    ))]
pub async fn get_return(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LocaleParams>, QueryRejection>,
) -> Result<Json<ReturnDetail>> {
    let locale = locale_of(query)?;
    let row = shopper_return(&state, &shopper, path).await?;
    Ok(Json(
        detail_for(&state, &headers, &shopper.store, &row, locale).await?,
    ))
}

/// The shopper cancels a return before it ships (requested or approved); later it is
/// `409 conflict`.
#[utoipa::path(post, path = "/v1/returns/{rma}/cancel", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("rma" = String, Path, description = "RMA number"), LocaleParams),
    responses(
        (status = 200, body = ReturnDetail),
        (status = 404, body = ApiError),
        (status = 409, description = "`conflict`: already shipped or closed", body = ApiError),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LocaleParams>, QueryRejection>,
) -> Result<Json<ReturnDetail>> {
    let locale = locale_of(query)?;
    let row = shopper_return(&state, &shopper, path).await?;
    repo::transition(
        &state.db,
        &row,
        ReturnStatus::Cancelled,
        None,
        ReturnActor::Shopper,
        crate::util::now_ms(),
    )
    .await?;
    Ok(Json(
        detail_for(&state, &headers, &shopper.store, &row, locale).await?,
    ))
}
