//! NPS and CSAT surveys. Shoppers (publishable key + customer token or order session) ask
//! whether to show a survey, answer it (PUT by a client-generated id, so retries and
//! double-clicks never duplicate) or dismiss it; merchants (secret key) read the report, the
//! CSV export and server-rendered SVG charts, mark detractors followed up and tune the rules
//! and wording.
//!
//! The recontact rules are applied only by `shared::survey::eligibility`; this module
//! gathers the subject's history and records what happened.

use super::plumbing::{
    csv_response, path_segment, path_survey_kind, query_locale, ranged, svg_response, ApiRouter,
    Json,
};
use crate::auth::{AdminStore, Shopper};
use crate::charts;
use crate::error::{Error, Result};
use crate::repo::surveys as repo;
use crate::state::AppState;
use aftercare_shared::api::{
    SurveyDismissal, SurveyFollowUp, SurveyPrompt, SurveyPromptRequest, SurveyReport,
    SurveyResponse, SurveyResponseInput, SurveySettings,
};
use aftercare_shared::survey::{eligibility, Eligibility, SurveyKind};
use aftercare_shared::validate::Problems;
use aftercare_shared::{ApiError, FieldIssue, OrderNumber, Timestamp};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa_axum::routes;

/// Default number of weeks a report covers.
pub const DEFAULT_WEEKS: u32 = 12;
/// Allowed `weeks` (one week to two years).
pub const WEEKS: std::ops::RangeInclusive<u32> = 1..=104;

/// Survey routes (public and admin).
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(prompt))
        .routes(routes!(dismiss))
        .routes(routes!(put_response))
        .routes(routes!(report))
        .routes(routes!(responses_csv))
        .routes(routes!(distribution_chart))
        .routes(routes!(trend_chart))
        .routes(routes!(followed_up))
        .routes(routes!(get_settings, put_settings))
}

/// Query of the public survey routes.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SurveyLocaleParams {
    /// BCP 47 tag of the shopper's language; unsupported or absent = the store's default.
    pub locale: Option<String>,
}

fn check_visit(p: &mut Problems, visit_id: &str) {
    if visit_id.is_empty() {
        p.add("visit_id", FieldIssue::Required);
    } else if !repo::valid_visit_id(visit_id) {
        p.add("visit_id", FieldIssue::InvalidFormat);
    }
}

/// May this survey be shown now? Answers the decision (from the store's rules and the
/// subject's history) and the store's wording in the shopper's language; when the answer is
/// yes the display is recorded for this visit (once), which keeps other survey kinds away for
/// the rest of the visit.
#[utoipa::path(post, path = "/v1/surveys/{kind}/prompt", tag = "surveys",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("kind" = SurveyKind, Path, description = "`nps` or `csat`"),
        SurveyLocaleParams,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    request_body = SurveyPromptRequest,
    responses(
        (status = 200, body = SurveyPrompt),
        (status = 401, description = "`unauthorized` / `invalid_token` / `token_expired`", body = ApiError),
        (status = 404, description = "unknown survey kind", body = ApiError),
        (status = 422, description = "`validation_failed` (`visit_id`, `order_number`)", body = ApiError),
    ))]
pub async fn prompt(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<SurveyLocaleParams>, QueryRejection>,
    Json(req): Json<SurveyPromptRequest>,
) -> Result<Json<SurveyPrompt>> {
    let kind = path_survey_kind(path)?;
    let Query(params) = query?;
    let mut p = Problems::default();
    check_visit(&mut p, &req.visit_id);
    if let Some(n) = &req.order_number {
        p.check("order_number", OrderNumber::parse(n));
    }
    p.finish()?;
    let store = &shopper.store;
    let subject = shopper.principal.subject();
    let key = subject.key();
    let now = state.survey_now(&key).await?;
    let rules = repo::rules(&state.db, store.id, kind).await?;
    let history = repo::history(&state.db, store.id, &subject, kind, &req.visit_id).await?;
    let decision = eligibility(&rules, &history, now);
    if decision.eligible {
        repo::record_display(&state.db, store.id, &key, kind, &req.visit_id, now).await?;
    }
    let locale = query_locale(params.locale.as_deref(), store.locale())?;
    let text = repo::text_for(&state.db, store, kind, locale).await?;
    Ok(Json(SurveyPrompt {
        kind,
        eligibility: decision,
        question: text.question,
        low_label: text.low_label,
        high_label: text.high_label,
    }))
}

/// "Not now": records the dismissal and answers the new decision (not shown, with the
/// earliest time it could be shown again). Each further dismissal in a row doubles the wait.
#[utoipa::path(post, path = "/v1/surveys/{kind}/dismissals", tag = "surveys",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("kind" = SurveyKind, Path, description = "`nps` or `csat`"),
        ("Idempotency-Key" = Option<String>, Header, description = "A retry records one dismissal"),
    ),
    request_body = SurveyDismissal,
    responses(
        (status = 200, body = Eligibility),
        (status = 401, body = ApiError),
        (status = 404, description = "unknown survey kind", body = ApiError),
        (status = 422, description = "`validation_failed` (`visit_id`)", body = ApiError),
    ))]
pub async fn dismiss(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(req): Json<SurveyDismissal>,
) -> Result<Json<Eligibility>> {
    let kind = path_survey_kind(path)?;
    let mut p = Problems::default();
    check_visit(&mut p, &req.visit_id);
    p.finish()?;
    let store = &shopper.store;
    let subject = shopper.principal.subject();
    let key = subject.key();
    let now = state.survey_now(&key).await?;
    repo::record_dismissal(&state.db, store.id, &key, kind, &req.visit_id, now).await?;
    let rules = repo::rules(&state.db, store.id, kind).await?;
    let history = repo::history(&state.db, store.id, &subject, kind, &req.visit_id).await?;
    Ok(Json(eligibility(&rules, &history, now)))
}

/// Save a response by its client-generated id (8–64 of `[A-Za-z0-9_-]`): the score first,
/// then the same id again with the comment (and `wants_contact`) updates that response.
/// `201` when created, `200` when updated; an id that belongs to someone else is `404`.
#[utoipa::path(put, path = "/v1/survey-responses/{id}", tag = "surveys",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("id" = String, Path, pattern = r"^[A-Za-z0-9_-]{8,64}$", description = "Client-generated response id, 8–64 of [A-Za-z0-9_-]")),
    request_body = SurveyResponseInput,
    responses(
        (status = 200, description = "updated", body = SurveyResponse),
        (status = 201, description = "created", body = SurveyResponse),
        (status = 401, body = ApiError),
        (status = 404, description = "the id belongs to another shopper", body = ApiError),
        (status = 409, description = "`conflict`: the id is saved for the other survey kind (a response's `kind` cannot change)", body = ApiError),
        (status = 422, description = "`validation_failed` (`id`, `score`, `comment`, `visit_id`, `order_number`: malformed, or not one of the shopper's orders)", body = ApiError),
    ))]
pub async fn put_response(
    State(state): State<AppState>,
    shopper: Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<SurveyResponseInput>,
) -> Result<(StatusCode, Json<SurveyResponse>)> {
    let id = path_segment(path)?;
    let subject = shopper.principal.subject();
    let now = state.survey_now(&subject.key()).await?;
    let out = repo::put_response(&state.db, shopper.store.id, &subject, &id, &input, now).await?;
    let status = if out.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(out.response)))
}

/// Query of the report and chart routes.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// Calendar weeks covered (Monday–Sunday UTC, the current one included), 1–104, default 12.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 104, default = 12)]
    pub weeks: Option<String>,
}

fn weeks_of(query: std::result::Result<Query<ReportParams>, QueryRejection>) -> Result<u32> {
    let Query(params) = query?;
    let mut p = Problems::default();
    let weeks = ranged(
        &mut p,
        "weeks",
        params.weeks.as_deref(),
        WEEKS,
        DEFAULT_WEEKS,
    );
    p.finish()?;
    Ok(weeks)
}

/// The report of one store and kind as of now (the report and chart routes).
pub async fn build_report(
    state: &AppState,
    store_id: i64,
    kind: SurveyKind,
    weeks: u32,
) -> Result<SurveyReport> {
    repo::report(&state.db, store_id, kind, weeks, crate::util::now_ms()).await
}

/// The merchant report: counts, score (NPS, or % satisfied for CSAT), distribution, weekly
/// trend (oldest first, empty weeks included) and comments newest first with order and email;
/// responses awaiting follow-up are listed whatever their age.
#[utoipa::path(get, path = "/v1/admin/surveys/{kind}/report", tag = "admin",
    security(("secret_key" = [])),
    params(("kind" = SurveyKind, Path, description = "`nps` or `csat`"), ReportParams),
    responses(
        (status = 200, body = SurveyReport),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
        (status = 422, description = "`validation_failed`: `weeks` out of range", body = ApiError),
    ))]
pub async fn report(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<ReportParams>, QueryRejection>,
) -> Result<Json<SurveyReport>> {
    let kind = path_survey_kind(path)?;
    let weeks = weeks_of(query)?;
    Ok(Json(build_report(&state, store.id, kind, weeks).await?))
}

/// Every response of the kind as CSV, oldest first: header row, RFC 4180 quoting, cells that
/// a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`) prefixed with `'`.
#[utoipa::path(get, path = "/v1/admin/surveys/{kind}/responses.csv", tag = "admin",
    security(("secret_key" = [])),
    params(("kind" = SurveyKind, Path, description = "`nps` or `csat`")),
    responses(
        (status = 200, description = "CSV with a header row", content_type = "text/csv", body = String),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
    ))]
pub async fn responses_csv(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let kind = path_survey_kind(path)?;
    let rows = repo::all_responses(&state.db, store.id, kind).await?;
    Ok(csv_response(
        &repo::csv_filename(kind),
        repo::to_csv(kind, &rows),
    ))
}

/// Bar chart of the score distribution over the report's weeks (SVG, coloured by category,
/// counts on the bars, a legend, `<title>`/`<desc>` for screen readers).
#[utoipa::path(get, path = "/v1/admin/surveys/{kind}/charts/distribution.svg", tag = "admin",
    security(("secret_key" = [])),
    params(("kind" = SurveyKind, Path, description = "`nps` or `csat`"), ReportParams),
    responses(
        (status = 200, description = "SVG document", content_type = "image/svg+xml", body = String),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
    ))]
pub async fn distribution_chart(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<ReportParams>, QueryRejection>,
) -> Result<Response> {
    let kind = path_survey_kind(path)?;
    let weeks = weeks_of(query)?;
    let r = build_report(&state, store.id, kind, weeks).await?;
    Ok(svg_response(charts::distribution_svg(
        kind,
        &r.distribution,
    )))
}

/// Line chart of the weekly score (SVG, a point per week with responses, axis labels).
#[utoipa::path(get, path = "/v1/admin/surveys/{kind}/charts/trend.svg", tag = "admin",
    security(("secret_key" = [])),
    params(("kind" = SurveyKind, Path, description = "`nps` or `csat`"), ReportParams),
    responses(
        (status = 200, description = "SVG document", content_type = "image/svg+xml", body = String),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
    ))]
pub async fn trend_chart(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<ReportParams>, QueryRejection>,
) -> Result<Response> {
    let kind = path_survey_kind(path)?;
    let weeks = weeks_of(query)?;
    let r = build_report(&state, store.id, kind, weeks).await?;
    Ok(svg_response(charts::trend_svg(kind, &r.weekly)))
}

/// Mark a response followed up (the merchant got in touch); repeating keeps the first time.
#[utoipa::path(post, path = "/v1/admin/surveys/responses/{id}/followed-up", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("id" = String, Path, description = "Response id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    responses(
        (status = 200, body = SurveyFollowUp),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
    ))]
pub async fn followed_up(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<SurveyFollowUp>> {
    let id = path_segment(path)?;
    let at = repo::mark_followed_up(&state.db, store.id, &id, crate::util::now_ms())
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Json(SurveyFollowUp {
        response_id: id,
        followed_up_at: Timestamp::from_utc_ms(at, 0),
    }))
}

/// The survey's rules and wording (stored texts only; `{store}` is filled in when served).
#[utoipa::path(get, path = "/v1/admin/surveys/{kind}/settings", tag = "admin",
    operation_id = "get_survey_settings",
    security(("secret_key" = [])),
    params(("kind" = SurveyKind, Path, description = "`nps` or `csat`")),
    responses(
        (status = 200, body = SurveySettings),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
    ))]
pub async fn get_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<SurveySettings>> {
    let kind = path_survey_kind(path)?;
    Ok(Json(repo::settings(&state.db, store.id, kind).await?))
}

/// Replace the survey's rules and wording as a whole (validated by
/// `SurveySettings::validate`: D 0–365, R 0–730, S 1–365 days, sample 0–100 %, one text per
/// language, question ≤ 300 and labels ≤ 60 characters); answers what is stored.
#[utoipa::path(put, path = "/v1/admin/surveys/{kind}/settings", tag = "admin",
    operation_id = "put_survey_settings",
    security(("secret_key" = [])),
    params(("kind" = SurveyKind, Path, description = "`nps` or `csat`")),
    request_body = SurveySettings,
    responses(
        (status = 200, body = SurveySettings),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
        (status = 422, description = "`validation_failed` with every bad field", body = ApiError),
    ))]
pub async fn put_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(settings): Json<SurveySettings>,
) -> Result<Json<SurveySettings>> {
    let kind = path_survey_kind(path)?;
    repo::put_settings(&state.db, store.id, kind, &settings).await?;
    Ok(Json(repo::settings(&state.db, store.id, kind).await?))
}
