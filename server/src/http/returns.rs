//! Returns and exchanges. Shoppers (publishable key + customer token or order session) read
//! the form's options, get the server's estimate, upload photos, create a return (the
//! `Idempotency-Key` makes retries safe), follow and cancel it, and declare the EU withdrawal.
//! The printable label and QR code are reachable without credentials through a capability
//! link (an HMAC of the RMA with the store's secret). Merchants (secret key) list and move
//! returns through the workflow, and maintain the return settings and the catalog.

mod label;

use super::{Json, Routes};
use crate::auth::{AdminStore, Principal, Shopper};
use crate::error::{Error, Result};
use crate::repo::returns::{self as repo, Check, Links, ReturnRow};
use crate::repo::{orders, stores::StoreRow};
use crate::state::AppState;
use aftercare_shared::api::{
    AdminReturn, Page, ProductInput, ReturnActor, ReturnDetail, ReturnOptions, ReturnPhoto,
    ReturnRequestInput, ReturnSettings, ReturnStatusInput, ReturnsReport, WithdrawalConfirmation,
    WithdrawalInput,
};
use aftercare_shared::returns::{RefundEstimate, ReturnStatus};
use aftercare_shared::{ApiError, FieldIssue, Locale, OrderNumber};
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Path of the photo upload route (it alone accepts bodies up to the photo limit).
pub const PHOTO_UPLOAD_PATH: &str = "/v1/returns/photos";
/// Default and largest page sizes of the admin list.
const DEFAULT_PAGE: u32 = 20;
const MAX_PAGE: u32 = 100;

/// Returns routes (public and admin).
pub fn router() -> Routes {
    Routes::new()
        .route(
            Method::GET,
            "/v1/orders/{order_number}/returns/options",
            options,
        )
        .route(
            Method::POST,
            "/v1/orders/{order_number}/returns/estimate",
            estimate,
        )
        .route(Method::POST, "/v1/orders/{order_number}/returns", create)
        .route(
            Method::POST,
            "/v1/orders/{order_number}/withdrawals",
            withdraw,
        )
        .route(Method::POST, PHOTO_UPLOAD_PATH, upload_photo)
        .route(Method::GET, "/v1/returns/photos/{id}", get_photo)
        .route(Method::GET, "/v1/returns/{rma}", get_return)
        .route(Method::POST, "/v1/returns/{rma}/cancel", cancel)
        .route(Method::GET, "/v1/returns/{rma}/label", label_page)
        .route(Method::GET, "/v1/returns/{rma}/qr.svg", qr_svg)
        .route(Method::GET, "/v1/admin/returns", admin_list)
        .route(Method::GET, "/v1/admin/returns/report", admin_report)
        .route(Method::GET, "/v1/admin/returns/settings", get_settings)
        .route(Method::PUT, "/v1/admin/returns/settings", put_settings)
        .route(Method::GET, "/v1/admin/returns/{rma}", admin_get)
        .route(Method::POST, "/v1/admin/returns/{rma}/status", admin_status)
        .route(Method::PUT, "/v1/admin/products/{external_id}", put_product)
}

/// Query of shopper routes that answer text.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LocaleParams {
    /// BCP 47 tag (`en`, `es`); unsupported or absent = English.
    pub locale: Option<String>,
}

fn locale_of(q: std::result::Result<Query<LocaleParams>, QueryRejection>) -> Result<Locale> {
    let Query(p) = q?;
    Ok(p.locale
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_default())
}

/// The subject key of a shopper (who uploaded a photo, who may attach it).
fn owner_of(principal: &Principal) -> String {
    super::surveys::subject_of(principal).key()
}

/// The order a shopper may act on: their own (customer) or the one their session opened.
/// Anything else is `404 not_found`, like `GET /v1/orders/{n}`.
async fn shopper_order(
    state: &AppState,
    shopper: &Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<i64> {
    let Path(raw) = path.map_err(|_| Error::NotFound)?;
    let number = OrderNumber::parse(&raw).map_err(|_| Error::NotFound)?;
    let mut conn = state.db.pool.acquire().await?;
    let (id, owner) = orders::order_owner(&mut conn, shopper.store.id, &number)
        .await?
        .ok_or(Error::NotFound)?;
    let allowed = match &shopper.principal {
        Principal::Customer(c) => owner.as_deref() == Some(c.as_str()),
        Principal::OrderSession(n) => *n == number,
    };
    allowed.then_some(id).ok_or(Error::NotFound)
}

/// A return the shopper may see.
async fn shopper_return(
    state: &AppState,
    shopper: &Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<ReturnRow> {
    let Path(rma) = path.map_err(|_| Error::NotFound)?;
    let mut conn = state.db.pool.acquire().await?;
    let row = repo::find(&mut conn, shopper.store.id, &rma)
        .await?
        .ok_or(Error::NotFound)?;
    let allowed = match &shopper.principal {
        Principal::Customer(c) => row.customer.as_deref() == Some(c.as_str()),
        Principal::OrderSession(n) => n.as_str() == row.order_number,
    };
    allowed.then_some(row).ok_or(Error::NotFound)
}

/// The address this server is reached at, for absolute links in answers (photos, label, QR):
/// `X-Forwarded-Proto`/`-Host` behind a trusted proxy, else the `Host` header.
pub fn public_base(headers: &HeaderMap, trust_proxy: bool) -> String {
    let get = |h: &str| headers.get(h).and_then(|v| v.to_str().ok()).map(str::trim);
    let host = trust_proxy
        .then(|| get("x-forwarded-host"))
        .flatten()
        .or_else(|| get(header::HOST.as_str()))
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        })
        .unwrap_or("127.0.0.1");
    let proto = trust_proxy
        .then(|| get("x-forwarded-proto"))
        .flatten()
        .filter(|p| *p == "https" || *p == "http")
        .unwrap_or("http");
    format!("{proto}://{host}")
}

/// The capability in label and QR links: 128 bits of HMAC-SHA256(secret, "return-label:v1:" + RMA).
pub fn label_token(store: &StoreRow, rma: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(store.secret_key.as_bytes()).expect("any key length");
    mac.update(format!("return-label:v1:{rma}").as_bytes());
    URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..16])
}

fn links(state: &AppState, headers: &HeaderMap, store: &StoreRow, rma: &str) -> Links {
    let base = public_base(headers, state.config.trust_proxy);
    let t = label_token(store, rma);
    Links {
        label_url: Some(format!("{base}/v1/returns/{rma}/label?t={t}")),
        qr_url: Some(format!("{base}/v1/returns/{rma}/qr.svg?t={t}")),
        photo_base: base,
    }
}

async fn detail_for(
    state: &AppState,
    headers: &HeaderMap,
    store: &StoreRow,
    row: &ReturnRow,
    locale: Locale,
) -> Result<ReturnDetail> {
    let links = links(state, headers, store, &row.rma);
    let mut conn = state.db.pool.acquire().await?;
    repo::detail(&mut conn, row, locale, &links).await
}

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
            crate::now_ms(),
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
    let now = crate::now_ms();
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
        crate::now_ms(),
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
        crate::now_ms(),
    )
    .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(confirmation)))
}

/// Upload one photo for a return line: the raw file is the body. The server trusts neither the
/// name nor the declared type: it sniffs the bytes (JPEG, PNG or WebP only), refuses
/// oversized files and pixel bombs before decoding, re-encodes the image (dropping EXIF, GPS
/// included) and stores the copy under a generated id.
#[utoipa::path(post, path = "/v1/returns/photos", tag = "returns",
    security(("publishable_key" = [], "customer_token" = [])),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "The image file (JPEG, PNG or WebP)"),
    responses(
        (status = 201, body = ReturnPhoto),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 415, description = "`unsupported_media_type`", body = ApiError),
        (status = 422, description = "`validation_failed` (`photo`: empty, too many pixels, unreadable)", body = ApiError),
    ))]
pub async fn upload_photo(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ReturnPhoto>)> {
    let processed = tokio::task::spawn_blocking(move || crate::photos::process(&body))
        .await
        .map_err(|e| Error::internal(format!("photo task: {e}")))??;
    let owner = owner_of(&shopper.principal);
    let id = repo::store_photo(
        &state.db,
        shopper.store.id,
        &owner,
        &processed,
        crate::now_ms(),
    )
    .await?;
    let base = public_base(&headers, state.config.trust_proxy);
    Ok((
        StatusCode::CREATED,
        Json(ReturnPhoto {
            url: format!("{base}/v1/returns/photos/{id}"),
            id,
            width: processed.width,
            height: processed.height,
        }),
    ))
}

/// A stored (re-encoded) photo. The unguessable id is the capability, so `<img>` works
/// without credentials; answers are private and immutable.
#[utoipa::path(get, path = "/v1/returns/photos/{id}", tag = "returns",
    params(("id" = String, Path, description = "Photo id")),
    responses(
        (status = 200, description = "JPEG", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, body = ApiError),
    ))]
pub async fn get_photo(
    State(state): State<AppState>,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let Path(id) = path.map_err(|_| Error::NotFound)?;
    let (content_type, bytes) = repo::photo_bytes(&state.db, &id)
        .await?
        .ok_or(Error::NotFound)?;
    let ct = HeaderValue::from_str(&content_type).map_err(|e| Error::internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, ct),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=31536000, immutable"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'"),
            ),
        ],
        bytes,
    )
        .into_response())
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
        crate::now_ms(),
    )
    .await?;
    Ok(Json(
        detail_for(&state, &headers, &shopper.store, &row, locale).await?,
    ))
}

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
    let Path(rma) = path.map_err(|_| Error::NotFound)?;
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
    if !crate::constant_time_eq(presented.as_bytes(), expected.as_bytes()) {
        return Err(Error::NotFound);
    }
    let row = repo::find(&mut conn, store_id, &rma)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((store, row, rma))
}

/// The return's QR code (SVG): it encodes the label link, so staff at a drop-off point can
/// open the label and RMA from the shopper's phone screen.
#[utoipa::path(get, path = "/v1/returns/{rma}/qr.svg", tag = "returns",
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
    let (store, _row, rma) = labelled(&state, path, query).await?;
    let link = links(&state, &headers, &store, &rma)
        .label_url
        .unwrap_or_default();
    let svg = crate::qr::svg(&link, &format!("Return {rma}"), 240);
    let mut resp = super::surveys::svg_response(svg);
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(resp)
}

/// The printable return label: store and return address, RMA in large type, the QR code, the
/// items and the instructions; print styles fit one A4/Letter page.
#[utoipa::path(get, path = "/v1/returns/{rma}/label", tag = "returns",
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

/// Query of the admin list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminListParams {
    /// Only returns in this status (`requested`, `approved`, …).
    pub status: Option<String>,
    /// Page size, 1–100 (default 20).
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn encode_cursor((ms, id): (i64, i64)) -> String {
    URL_SAFE_NO_PAD.encode(format!("r1:{ms}:{id}"))
}

fn decode_cursor(s: &str) -> Option<(i64, i64)> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(s.trim()).ok()?).ok()?;
    let mut parts = raw.strip_prefix("r1:")?.split(':');
    let ms = parts.next()?.parse().ok()?;
    let id = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((ms, id))
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
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match repo::from_wire::<ReturnStatus>(s) {
            Ok(st) => Some(st),
            Err(_) => {
                p.add("status", FieldIssue::InvalidFormat);
                None
            }
        },
    };
    let limit = super::admin::ranged(
        &mut p,
        "limit",
        q.limit.as_deref(),
        1..=MAX_PAGE,
        DEFAULT_PAGE,
    );
    let after = match q.cursor.as_deref().filter(|c| !c.trim().is_empty()) {
        None => None,
        Some(c) => {
            let d = decode_cursor(c);
            if d.is_none() {
                p.add("cursor", FieldIssue::InvalidFormat);
            }
            d
        }
    };
    p.finish()?;
    let mut conn = state.db.pool.acquire().await?;
    let (rows, next) = repo::list(&mut conn, store.id, status, after, limit).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let links = links(&state, &headers, &store, &row.rma);
        items.push(repo::admin_view(&mut conn, row, &links).await?);
    }
    Ok(Json(Page {
        items,
        next_cursor: next.map(encode_cursor),
    }))
}

async fn admin_row(
    state: &AppState,
    store: &StoreRow,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<ReturnRow> {
    let Path(rma) = path.map_err(|_| Error::NotFound)?;
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
        crate::now_ms(),
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
    let Path(external_id) = path.map_err(|_| Error::NotFound)?;
    repo::put_product(&state.db, store.id, &external_id, &product).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips() {
        let c = encode_cursor((5, 7));
        assert_eq!(decode_cursor(&c), Some((5, 7)));
        assert_eq!(decode_cursor("x"), None);
    }

    #[test]
    fn public_base_ignores_forwarded_headers_unless_trusted() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("shop.example:8080"));
        h.insert("x-forwarded-host", HeaderValue::from_static("evil.example"));
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(public_base(&h, false), "http://shop.example:8080");
        assert_eq!(public_base(&h, true), "https://evil.example");
        h.insert(header::HOST, HeaderValue::from_static("bad host/<x>"));
        assert_eq!(public_base(&h, false), "http://127.0.0.1");
    }
}
