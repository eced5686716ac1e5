//! The merchant's returns routes: the queue (paged, by status), one return, moving it through
//! the workflow, the report, the return settings and the catalog.

use super::access::links;
use crate::auth::AdminStore;
use crate::error::{Error, Result};
use crate::http::plumbing::Json;
use crate::http::plumbing::{
    encode_cursor, path_segment, query_cursor, query_enum, ranged, DEFAULT_PAGE, MAX_PAGE,
};
use crate::repo::returns::{self as repo, ReturnRow};
use crate::repo::stores::StoreRow;
use crate::state::AppState;
use aftercare_shared::api::{
    AdminReturn, Page, ProductInput, ReturnActor, ReturnSettings, ReturnStatusInput, ReturnsReport,
};
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::ApiError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;

/// The kind tag of the admin list's cursors.
const CURSOR_KIND: &str = "r1";

/// Query of the admin list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminListParams {
    /// Only returns in this status (`requested`, `approved`, …); absent: every status.
    #[param(value_type = Option<ReturnStatus>, inline)]
    pub status: Option<String>,
    /// Page size, 1–100 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = r"^r1\.[0-9]{1,15}\.[0-9]{1,18}$", max_length = 40)]
    pub cursor: Option<String>,
}

/// The store's returns, newest first, optionally in one status (what a merchant's queue
/// shows: `?status=requested` are the ones waiting for a decision).
#[utoipa::path(get, path = "/v1/admin/returns", tag = "admin",
    security(("secret_key" = [])),
    params(AdminListParams),
    responses(
        (status = 200, body = Page<AdminReturn>),
        (status = 401, body = ApiError),
        (status = 422, description = "bad `status`, `limit` or `cursor`", body = ApiError),
    ))]
pub async fn admin_list(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    query: std::result::Result<Query<AdminListParams>, QueryRejection>,
) -> Result<Json<Page<AdminReturn>>> {
    let Query(q) = query?;
    let mut p = aftercare_shared::validate::Problems::default();
    let status = query_enum(&mut p, "status", q.status.as_deref(), |s| {
        repo::from_wire::<ReturnStatus>(s).ok()
    });
    let limit = ranged(
        &mut p,
        "limit",
        q.limit.as_deref(),
        1..=MAX_PAGE,
        DEFAULT_PAGE,
    );
    let after = query_cursor(&mut p, CURSOR_KIND, q.cursor.as_deref());

    p.finish()?;
    let mut conn = state.db.pool.acquire().await?;
    let (rows, next) = repo::list(&mut conn, store.id, status, "", after, limit).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let links = links(&state, &headers, &store, &row.rma);
        items.push(repo::admin_view(&mut conn, row, &links).await?);
    }
    Ok(Json(Page {
        items,
        next_cursor: next.map(|at| encode_cursor(CURSOR_KIND, at)),
        total: None,
    }))
}

async fn admin_row(
    state: &AppState,
    store: &StoreRow,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<ReturnRow> {
    let rma = path_segment(path)?;
    let mut conn = state.db.pool.acquire().await?;
    repo::find(&mut conn, store.id, &rma)
        .await?
        .ok_or(Error::NotFound)
}

/// One return, with the order's email.
#[utoipa::path(get, path = "/v1/admin/returns/{rma}", tag = "admin",
    security(("secret_key" = [])),
    params(("rma" = String, Path, description = "RMA number")),
    responses((status = 200, body = AdminReturn), (status = 404, body = ApiError)))]
pub async fn admin_get(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<AdminReturn>> {
    let row = admin_row(&state, &store, path).await?;
    let links = links(&state, &headers, &store, &row.rma);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(repo::admin_view(&mut conn, &row, &links).await?))
}

/// Move a return along the workflow: requested → approved | rejected | cancelled; approved →
/// in_transit | received | rejected | cancelled; in_transit → received; received → refunded |
/// exchanged | rejected. A rejection needs a note; every change appends to the history the
/// shopper sees. Anything else is `409 conflict`.
#[utoipa::path(post, path = "/v1/admin/returns/{rma}/status", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("rma" = String, Path, description = "RMA number"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    request_body = ReturnStatusInput,
    responses(
        (status = 200, body = AdminReturn),
        (status = 404, body = ApiError),
        (status = 409, description = "`conflict`: not allowed from the current status", body = ApiError),
        (status = 422, description = "`validation_failed` (`note`)", body = ApiError),
    ))]
pub async fn admin_status(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ReturnStatusInput>,
) -> Result<Json<AdminReturn>> {
    let row = admin_row(&state, &store, path).await?;
    repo::transition(
        &state.db,
        &row,
        input.status,
        input.note.as_deref(),
        ReturnActor::Merchant,
        crate::util::now_ms(),
    )
    .await?;
    let links = links(&state, &headers, &store, &row.rma);
    let mut conn = state.db.pool.acquire().await?;
    let row = repo::find(&mut conn, store.id, &row.rma)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Json(repo::admin_view(&mut conn, &row, &links).await?))
}

/// Returns counted by status, and returned units by product and reason.
#[utoipa::path(get, path = "/v1/admin/returns/report", tag = "admin",
    security(("secret_key" = [])),
    responses((status = 200, body = ReturnsReport), (status = 401, body = ApiError)))]
pub async fn admin_report(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<ReturnsReport>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(repo::report(&mut conn, store.id).await?))
}

/// The store's return settings (defaults until saved).
#[utoipa::path(get, path = "/v1/admin/returns/settings", tag = "admin",
    operation_id = "get_return_settings",
    security(("secret_key" = [])),
    responses((status = 200, body = ReturnSettings), (status = 401, body = ApiError)))]
pub async fn get_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<ReturnSettings>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(repo::settings(&mut conn, store.id).await?))
}

/// Replace the store's return settings as one document: window, transit buffer, fees,
/// bonus, methods, withdrawal, resolutions, final-sale tags, reasons (per language, with
/// comment/photo rules) and the return address.
#[utoipa::path(put, path = "/v1/admin/returns/settings", tag = "admin",
    operation_id = "put_return_settings",
    security(("secret_key" = [])),
    request_body = ReturnSettings,
    responses(
        (status = 200, body = ReturnSettings),
        (status = 422, description = "`validation_failed` with every bad field", body = ApiError),
    ))]
pub async fn put_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    Json(settings): Json<ReturnSettings>,
) -> Result<Json<ReturnSettings>> {
    repo::put_settings(&state.db, store.id, &settings).await?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(repo::settings(&mut conn, store.id).await?))
}

/// Create or replace a catalog product: its variants are what exchanges offer (unavailable
/// ones shown but not selectable) and its tags decide final sale.
#[utoipa::path(put, path = "/v1/admin/products/{external_id}", tag = "admin",
    security(("secret_key" = [])),
    params(("external_id" = String, Path, description = "The merchant's product id")),
    request_body = ProductInput,
    responses(
        (status = 204, description = "stored"),
        (status = 422, description = "`validation_failed`", body = ApiError),
    ))]
pub async fn put_product(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(product): Json<ProductInput>,
) -> Result<StatusCode> {
    let external_id = path_segment(path)?;
    repo::put_product(&state.db, store.id, &external_id, &product).await?;
    Ok(StatusCode::NO_CONTENT)
}
