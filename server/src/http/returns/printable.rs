//! The printable label and its QR code, reachable without credentials through the capability
//! link a return's detail carries.

use super::access::{label_token, links};
use super::label;
use crate::error::{Error, Result};
use crate::http::plumbing::{path_segment, svg_response};
use crate::repo::returns::{self as repo, ReturnRow};
use crate::repo::stores::StoreRow;
use crate::state::AppState;
use aftercare_shared::ApiError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Query of the label and QR links.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LabelParams {
    /// The capability from `label_url` / `qr_url`.
    pub t: Option<String>,
}

/// The store and return a label link opens, when its capability is right (else `404`).
async fn labelled(
    state: &AppState,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LabelParams>, QueryRejection>,
) -> Result<(StoreRow, ReturnRow, String)> {
    let rma = path_segment(path)?;
    let Query(q) = query.map_err(|_| Error::NotFound)?;
    let presented = q.t.unwrap_or_default();
    let rma = rma.trim().to_ascii_uppercase();
    let mut conn = state.db.pool.acquire().await?;
    let store_id: Option<(i64,)> = sqlx::query_as("SELECT store_id FROM returns WHERE rma = $1")
        .bind(&rma)
        .fetch_optional(&mut *conn)
        .await?;
    let (store_id,) = store_id.ok_or(Error::NotFound)?;
    let store = crate::repo::stores::by_id(&state.db, store_id)
        .await?
        .ok_or(Error::NotFound)?;
    let expected = label_token(&store, &rma);
    if !crate::util::constant_time_eq(presented.as_bytes(), expected.as_bytes()) {
        return Err(Error::NotFound);
    }
    let row = repo::find(&mut conn, store_id, &rma)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((store, row, rma))
}

/// What both QR codes encode: the label link of a return whose capability checks out, with its
/// RMA.
async fn qr_link(
    state: &AppState,
    headers: &HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LabelParams>, QueryRejection>,
) -> Result<(String, String)> {
    let (store, _row, rma) = labelled(state, path, query).await?;
    let link = links(state, headers, &store, &rma)
        .label_url
        .unwrap_or_default();
    Ok((rma, link))
}

/// The return's QR code (SVG): it encodes the label link, so staff at a drop-off point can
/// open the label and RMA from the shopper's phone screen.
#[utoipa::path(get, path = "/v1/returns/{rma}/qr.svg", tag = "returns",
    security(()),
    params(("rma" = String, Path, description = "RMA number"), LabelParams),
    responses(
        (status = 200, description = "SVG", content_type = "image/svg+xml", body = String),
        (status = 404, body = ApiError),
    ))]
pub async fn qr_svg(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LabelParams>, QueryRejection>,
) -> Result<Response> {
    let (rma, link) = qr_link(&state, &headers, path, query).await?;
    let svg = crate::qr::svg(&link, &format!("Return {rma}"), 240);
    let mut resp = svg_response(svg);
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(resp)
}

/// The return's QR code as a PNG, for emails (mail clients do not show SVG): the same code
/// as `qr.svg`, 6 pixels per module.
#[utoipa::path(get, path = "/v1/returns/{rma}/qr.png", tag = "returns",
    security(()),
    params(("rma" = String, Path, description = "RMA number"), LabelParams),
    responses(
        (status = 200, description = "PNG", content_type = "image/png", body = Vec<u8>),
        (status = 404, body = ApiError),
    ))]
pub async fn qr_png(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LabelParams>, QueryRejection>,
) -> Result<Response> {
    let (_rma, link) = qr_link(&state, &headers, path, query).await?;
    let png = crate::qr::png(&link, 6).map_err(|e| Error::internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=86400"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        png,
    )
        .into_response())
}

/// The printable return label: store and return address, RMA in large type, the QR code, the
/// items and the instructions; print styles fit one A4/Letter page.
#[utoipa::path(get, path = "/v1/returns/{rma}/label", tag = "returns",
    security(()),
    params(("rma" = String, Path, description = "RMA number"), LabelParams),
    responses(
        (status = 200, description = "HTML page", content_type = "text/html", body = String),
        (status = 404, body = ApiError),
    ))]
pub async fn label_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<LabelParams>, QueryRejection>,
) -> Result<Response> {
    let (store, row, rma) = labelled(&state, path, query).await?;
    let links = links(&state, &headers, &store, &rma);
    let locale = row.locale;
    let mut conn = state.db.pool.acquire().await?;
    let detail = repo::detail(&mut conn, &row, locale, &links).await?;
    let settings = repo::settings(&mut conn, store.id).await?;
    drop(conn);
    let qr = crate::qr::svg(
        links.label_url.as_deref().unwrap_or_default(),
        &format!("QR code for {rma}"),
        200,
    );
    let html = label::page(&store.name, &settings.return_address, &detail, &qr, locale);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
                ),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
        html,
    )
        .into_response())
}
