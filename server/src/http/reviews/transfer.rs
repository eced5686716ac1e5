//! Reviews in and out as CSV (secret key): importing Judge.me and Okendo exports when a store
//! moves to Aftercare, and exporting every review for the store's own records.

use super::super::plumbing::csv_response;
use super::super::plumbing::Json;
use crate::auth::AdminStore;
use crate::error::{Error, Result};
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_shared::api::{ImportFormat, ImportReport};
use aftercare_shared::{ApiError, FieldIssue};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// Query of `POST /v1/admin/reviews/import`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Which app's export the body is: `judgeme` or `okendo`.
    #[param(value_type = ImportFormat, inline)]
    pub format: Option<String>,
}

/// Import reviews from another app's CSV export (body `text/csv`, UTF-8, at most 5 MiB).
/// Columns are found by name, case-insensitively (see `docs/CONTRACTS.md` for each format's
/// columns and aliases); the product by `sku`, else handle or product id as a catalog
/// product or SKU. All or nothing: any bad row (rating not 1–5, title 1–120, body 10–5,000,
/// name up to 60, reply up to 2,000 characters, unreadable or future date, unknown product)
/// refuses the whole file with `422`, each bad line a field `lines[N].column`, and nothing is
/// written. Re-importing adds nothing (same source and review id, or same content when the
/// export has no id). An imported review is verified only when its reviewer's email is a
/// customer's with a delivered line of the product; it is published when the source had it
/// published (Judge.me `curated` = `ok`, Okendo `status` = `approved`), else pending; its
/// reply comes along.
#[utoipa::path(post, path = "/v1/admin/reviews/import", tag = "admin",
    security(("secret_key" = [])),
    params(ImportParams),
    request_body(content = String, content_type = "text/csv", description = "The export file"),
    responses(
        (status = 200, body = ImportReport),
        (status = 400, description = "`bad_request`: the body is not UTF-8 or cannot be read", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 413, description = "`payload_too_large`: over 5 MiB", body = ApiError),
        (status = 422, description = "`validation_failed`: `format` missing or unknown, or every bad line as `lines[N].column`", body = ApiError),
    ))]
pub async fn import(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    query: std::result::Result<Query<ImportParams>, QueryRejection>,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<ImportReport>> {
    let Query(q) = query?;
    let format = q
        .format
        .as_deref()
        .map(str::trim)
        .and_then(ImportFormat::from_wire)
        .ok_or_else(|| {
            Error::field(
                "format",
                FieldIssue::InvalidFormat,
                "format must be `judgeme` or `okendo`",
            )
        })?;
    let body = body.map_err(|rej| {
        if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Error::PayloadTooLarge
        } else {
            Error::bad_request("The body cannot be read.")
        }
    })?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| Error::bad_request("The file is not UTF-8 text."))?;
    Ok(Json(
        repo::import(&state.db, store.id, format, text, crate::util::now_ms()).await?,
    ))
}

/// Every review of the store, oldest first, as CSV (RFC 4180; cells that a spreadsheet
/// would run as formulas start with `'`): `id, sku, rating, title, body, display_name,
/// verified, status, reject_reason, created_at, updated_at, reply, reply_updated_at,
/// helpful_count, source` (`aftercare`, `judgeme` or `okendo`).
#[utoipa::path(get, path = "/v1/admin/reviews/export.csv", tag = "admin",
    security(("secret_key" = [])),
    responses(
        (status = 200, description = "Every review as CSV", content_type = "text/csv", body = String),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
    ))]
pub async fn export(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Response> {
    let mut conn = state.db.pool.acquire().await?;
    let csv = repo::export(&mut conn, store.id).await?;
    Ok(csv_response("reviews.csv", csv))
}
