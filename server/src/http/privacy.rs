//! A customer's own data (`/v1/me/data`, `/v1/me/data/exports`, `/v1/me/erasure`): the
//! account page's "Download my data" (with its "your data is ready" email) and "Delete my
//! data". Customer token only: a guest's order session speaks for one
//! order, not for a person, and gets `403 forbidden`.

use super::idempotency::subject_scope;
use super::plumbing::{query_locale, ApiRouter, Json};
use super::returns::links;
use crate::auth::Shopper;
use crate::error::Result;
use crate::repo::privacy as repo;
use crate::repo::stores::StoreRow;
use crate::state::AppState;
use aftercare_shared::api::{DataExport, ErasureInput, ErasureReceipt};
use aftercare_shared::token::TokenKind;
use aftercare_shared::{ApiError, Locale};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::routes;

/// Privacy routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(get_data))
        .routes(routes!(post_export))
        .routes(routes!(post_erasure))
}

/// `?locale=` of the export (return reasons and instructions are written in it).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `en`, `es` or `pt-BR`; the store's default language otherwise.
    pub locale: Option<String>,
}

/// Everything Aftercare holds about the signed-in customer, as one JSON document: profile and
/// address book, preferences, every order (linked to the customer or placed with their email),
/// returns with their photos' metadata, requests, survey answers and tracking views. Never
/// cached.
#[utoipa::path(get, path = "/v1/me/data", tag = "privacy",
    security(("publishable_key" = [], "customer_token" = [])),
    params(ExportQuery),
    responses(
        (status = 200, body = DataExport, headers(("Content-Disposition" = String, description = "`attachment; filename=\"my-data-YYYY-MM-DD.json\"`"))),
        (status = 400, description = "`bad_request`: a malformed query string", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no account; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn get_data(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    query: std::result::Result<Query<ExportQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response> {
    let customer = shopper.customer()?;
    let Query(q) = query?;
    let locale = export_locale(&shopper.store, q.locale.as_deref())?;
    export_response(&state, &headers, &shopper.store, customer, locale).await
}

/// The account page's "Download my data": the same document as `GET /v1/me/data`, and an
/// email to the customer ("your data is ready") whose link downloads it afresh for 7 days —
/// a copy on a durable medium, and a warning if it was not them who asked. At most one such
/// email an hour, however often the button is pressed.
#[utoipa::path(post, path = "/v1/me/data/exports", tag = "privacy",
    security(("publishable_key" = [], "customer_token" = [])),
    params(ExportQuery),
    responses(
        (status = 201, body = DataExport, headers(("Content-Disposition" = String, description = "`attachment; filename=\"my-data-YYYY-MM-DD.json\"`"))),
        (status = 400, description = "`bad_request`: a malformed query string", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no account; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn post_export(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    query: std::result::Result<Query<ExportQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response> {
    let customer = shopper.customer()?;
    let Query(q) = query?;
    let store = &shopper.store;
    let locale = export_locale(store, q.locale.as_deref())?;
    let mut res = export_response(&state, &headers, store, customer, locale).await?;
    repo::export_ready(&state.db, store.id, customer, locale, crate::util::now_ms()).await?;
    *res.status_mut() = StatusCode::CREATED;
    Ok(res)
}

/// The export's language: the query's, else the store's default.
fn export_locale(store: &StoreRow, wanted: Option<&str>) -> Result<Locale> {
    query_locale(
        wanted,
        Locale::from_tag(&store.default_locale).unwrap_or_default(),
    )
}

/// `customer`'s data export as a JSON download, never cached.
pub(crate) async fn export_response(
    state: &AppState,
    headers: &HeaderMap,
    store: &StoreRow,
    customer: &str,
    locale: Locale,
) -> Result<Response> {
    let link = |rma: &str| links(state, headers, store, rma);
    let now = crate::util::now_ms();
    let mut conn = state.db.pool.acquire().await?;
    let data = repo::export(
        &mut conn,
        (store.id, &store.name),
        customer,
        locale,
        &link,
        now,
    )
    .await?;
    let day = data.generated_at.to_string();
    let name = format!(
        "attachment; filename=\"my-data-{}.json\"",
        day.get(..10).unwrap_or("export")
    );
    let mut res = Json(data).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&name) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// Erase the signed-in customer's personal data, for good. Orders and returns stay for the
/// store's accounts without anything that identifies the customer; tracking views, survey
/// answers and comments, preferences, saved addresses, requests' texts and the customer's
/// records go, and the same token then shows an empty account. The erasure is logged without
/// the customer's identity. `confirm` must be `DELETE`.
#[utoipa::path(post, path = "/v1/me/erasure", tag = "privacy",
    security(("publishable_key" = [], "customer_token" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeating a key replays the first answer")),
    request_body = ErasureInput,
    responses(
        (status = 200, body = ErasureReceipt),
        (status = 400, description = "`bad_request`: the body is not JSON", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no account; `origin_not_allowed`", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`: the same key is still being processed", body = ApiError),
        (status = 415, description = "`unsupported_media_type`: the body is not `application/json`", body = ApiError),
        (status = 422, description = "`validation_failed` (`confirm` is not `DELETE`); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn post_erasure(
    State(state): State<AppState>,
    shopper: Shopper,
    Json(input): Json<ErasureInput>,
) -> Result<Json<ErasureReceipt>> {
    let customer = shopper.customer()?.to_owned();
    input.validate()?;
    let key = shopper.store.publishable_key.clone();
    let scopes = |order: Option<&str>| match order {
        Some(n) => subject_scope(&key, TokenKind::Order, n),
        None => subject_scope(&key, TokenKind::Customer, &customer),
    };
    let receipt = repo::erase(
        &state.db,
        shopper.store.id,
        &customer,
        &scopes,
        crate::util::now_ms(),
    )
    .await?;
    Ok(Json(receipt))
}
