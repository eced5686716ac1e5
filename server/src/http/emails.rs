//! The communication calendar on the admin API: read and replace the store's caps and quiet
//! hours for optional emails, and read the plan, every message waiting in the outbox with
//! when it goes and why it waits.

use super::plumbing::{ranged, ApiRouter, Json};
use crate::auth::AdminStore;
use crate::error::Result;
use crate::repo::calendar;
use crate::state::AppState;
use crate::{mail, util};
use aftercare_shared::api::{EmailCalendar, EmailPlan};
use aftercare_shared::validate::Problems;
use aftercare_shared::ApiError;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa_axum::routes;

/// Calendar and plan routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(get_calendar, put_calendar))
        .routes(routes!(get_plan))
}

/// The store's communication calendar: none of its rules until one is saved.
#[utoipa::path(get, path = "/v1/admin/emails/calendar", tag = "admin",
    operation_id = "get_email_calendar",
    security(("secret_key" = [])),
    responses(
        (status = 200, body = EmailCalendar),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
    ))]
pub async fn get_calendar(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<EmailCalendar>> {
    Ok(Json(calendar::get(&state.db, store.id).await?))
}

/// Replace the store's communication calendar: a cap of 1–20 optional emails per customer in
/// 1–90 days, and quiet hours (0–23, start and end different) in the customer's time zone.
/// Transactional emails are never held. Messages already waiting follow the new rules when
/// they come up. Answers what is stored.
#[utoipa::path(put, path = "/v1/admin/emails/calendar", tag = "admin",
    operation_id = "put_email_calendar",
    security(("secret_key" = [])),
    request_body = EmailCalendar,
    responses(
        (status = 200, body = EmailCalendar),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 422, description = "`validation_failed` with every bad field", body = ApiError),
    ))]
pub async fn put_calendar(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    Json(c): Json<EmailCalendar>,
) -> Result<Json<EmailCalendar>> {
    calendar::put(&state.db, store.id, &c).await?;
    Ok(Json(calendar::get(&state.db, store.id).await?))
}

/// Query of `GET /v1/admin/emails/plan`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanParams {
    /// Messages listed, 1–200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200, default = 50)]
    pub limit: Option<String>,
}

/// What will be sent to whom and when: the messages waiting in the outbox, soonest first, each
/// with the moment it goes at the earliest under the store's calendar (in the customer's UTC
/// offset when an order gave one) and why it waits (quiet hours, the cap, or a retry after a
/// failed send). Parcel news that would be stale by then is dropped when it comes up.
#[utoipa::path(get, path = "/v1/admin/emails/plan", tag = "admin",
    operation_id = "get_email_plan",
    security(("secret_key" = [])),
    params(PlanParams),
    responses(
        (status = 200, body = EmailPlan),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 422, description = "`validation_failed`: `limit` out of range", body = ApiError),
    ))]
pub async fn get_plan(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    query: std::result::Result<Query<PlanParams>, QueryRejection>,
) -> Result<Json<EmailPlan>> {
    let Query(params) = query?;
    let mut p = Problems::default();
    let limit = ranged(&mut p, "limit", params.limit.as_deref(), 1..=200, 50);
    p.finish()?;
    Ok(Json(
        mail::plan(&state.db, store.id, i64::from(limit), util::now_ms()).await?,
    ))
}
