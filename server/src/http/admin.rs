//! Secret-key admin API: merchants push orders, parcels and carrier checkpoints, tune the
//! tracking experience (thresholds, FAQ, support contacts) and read tracking insights.

use super::plumbing::{path_order_number, path_segment, ranged, ApiRouter, Json};
use crate::auth::AdminStore;
use crate::error::{Error, Result};
use crate::repo::insights::{
    ANXIOUS_HOURS as DEFAULT_HOURS, ANXIOUS_MIN_VIEWS as DEFAULT_MIN_VIEWS,
};
use crate::repo::orders as repo;
use crate::repo::{insights, stores};
use crate::state::AppState;
use aftercare_shared::api::{
    AnxiousOrder, Branding, IngestResult, OrderInput, ParcelAlert, ShipmentInput, StoreSettings,
    TrackingEventBatch,
};
use aftercare_shared::order::{Order, Shipment};
use aftercare_shared::validate::Problems;
use aftercare_shared::{ApiError, FieldIssue, OrderNumber};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa_axum::routes;

/// Admin routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(put_order, get_order))
        .routes(routes!(add_shipment))
        .routes(routes!(add_events))
        .routes(routes!(anxious_customers))
        .routes(routes!(parcel_alerts))
        .routes(routes!(get_settings, put_settings))
        .routes(routes!(get_branding, put_branding))
}

/// Create or replace an order (items and parcels inline; the customer is upserted).
#[utoipa::path(put, path = "/v1/admin/orders/{order_number}", tag = "admin",
    security(("secret_key" = [])),
    params(("order_number" = String, Path, description = "Must equal the body's `order_number`")),
    request_body = OrderInput,
    responses(
        (status = 200, description = "replaced", body = Order),
        (status = 201, description = "created", body = Order),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 404, description = "`not_found`: the path is not an order number", body = ApiError),
        (status = 422, description = "`validation_failed` with every bad field", body = ApiError),
    ))]
pub async fn put_order(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<OrderInput>,
) -> Result<(StatusCode, Json<Order>)> {
    let number = path_order_number(path)?;
    if let Ok(body_number) = OrderNumber::parse(&input.order_number) {
        if body_number != number {
            return Err(Error::field(
                "order_number",
                FieldIssue::InvalidFormat,
                "order_number must equal the order number in the URL",
            ));
        }
    }
    let outcome = repo::put_order(&state.db, store.id, &input).await?;
    let status = if outcome.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(outcome.order)))
}

/// Read an order as the merchant pushed it (same shape shoppers get).
#[utoipa::path(get, path = "/v1/admin/orders/{order_number}", tag = "admin",
    operation_id = "get_admin_order",
    security(("secret_key" = [])),
    params(("order_number" = String, Path, description = "The merchant's order number")),
    responses(
        (status = 200, body = Order),
        (status = 401, body = ApiError),
        (status = 404, body = ApiError),
    ))]
pub async fn get_order(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<Order>> {
    let number = path_order_number(path)?;
    let mut conn = state.db.pool.acquire().await?;
    let id = repo::order_id_by_number(&mut conn, store.id, &number)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Json(repo::load_order(&mut conn, id).await?))
}

/// Add a parcel to an order.
#[utoipa::path(post, path = "/v1/admin/orders/{order_number}/shipments", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("order_number" = String, Path, description = "The merchant's order number"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    request_body = ShipmentInput,
    responses(
        (status = 201, body = Shipment),
        (status = 404, body = ApiError),
        (status = 409, description = "`conflict`: tracking number already used", body = ApiError),
        (status = 422, body = ApiError),
    ))]
pub async fn add_shipment(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ShipmentInput>,
) -> Result<(StatusCode, Json<Shipment>)> {
    let number = path_order_number(path)?;
    let shipment = repo::add_shipment(&state.db, store.id, &number, &input).await?;
    Ok((StatusCode::CREATED, Json(shipment)))
}

/// Ingest carrier checkpoints: raw carrier codes (`raw_status`, mapped and kept verbatim) or
/// normalised statuses, in any order; repeats dropped by carrier id, else by normalised
/// status + time + description; an `eta` becomes a new delivery-window revision.
/// See docs/TRACKING_INGEST.md.
#[utoipa::path(post, path = "/v1/admin/shipments/{shipment_id}/events", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("shipment_id" = i64, Path, description = "Parcel id from the order"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe"),
    ),
    request_body = TrackingEventBatch,
    responses(
        (status = 200, body = IngestResult),
        (status = 404, body = ApiError),
        (status = 422, body = ApiError),
    ))]
pub async fn add_events(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(batch): Json<TrackingEventBatch>,
) -> Result<Json<IngestResult>> {
    let id: i64 = path_segment(path)?.parse().map_err(|_| Error::NotFound)?;
    Ok(Json(
        repo::ingest_events(&state.db, store.id, id, &batch).await?,
    ))
}

/// Query of `GET /v1/admin/insights/anxious-customers`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AnxiousParams {
    /// Least tracking views in the window to be listed, 1–1000 (default 3).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000, default = 3)]
    pub min_views: Option<String>,
    /// The window, in hours back from now, 1–720 (default 24).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 720, default = 24)]
    pub hours: Option<String>,
}

/// Orders whose shoppers opened tracking at least `min_views` times in the last `hours`,
/// most views first: candidates for a proactive "here is where your parcel is" message.
/// Background refreshes of an open page are not counted, only page opens and lookups.
#[utoipa::path(get, path = "/v1/admin/insights/anxious-customers", tag = "admin",
    security(("secret_key" = [])),
    params(AnxiousParams),
    responses(
        (status = 200, body = Vec<AnxiousOrder>),
        (status = 401, body = ApiError),
        (status = 422, description = "`validation_failed`: `min_views` or `hours` out of range", body = ApiError),
    ))]
pub async fn anxious_customers(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    query: std::result::Result<Query<AnxiousParams>, QueryRejection>,
) -> Result<Json<Vec<AnxiousOrder>>> {
    let Query(params) = query?;
    let mut p = Problems::default();
    let min_views = ranged(
        &mut p,
        "min_views",
        params.min_views.as_deref(),
        1..=1000,
        DEFAULT_MIN_VIEWS,
    );
    let hours = ranged(
        &mut p,
        "hours",
        params.hours.as_deref(),
        1..=720,
        DEFAULT_HOURS,
    );
    p.finish()?;
    let now = crate::util::now_ms();
    let since = now - i64::from(hours) * 3_600_000;
    Ok(Json(
        insights::anxious_orders(&state.db, store.id, min_views, since, now).await?,
    ))
}

/// Every parcel of the store that needs attention right now: delayed, stalled, in
/// exception, after a failed delivery attempt, returned to sender or expired (assessed with
/// the store's tracking policy, exactly as shoppers see it).
#[utoipa::path(get, path = "/v1/admin/insights/parcel-alerts", tag = "admin",
    security(("secret_key" = [])),
    responses(
        (status = 200, body = Vec<ParcelAlert>),
        (status = 401, body = ApiError),
    ))]
pub async fn parcel_alerts(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<Vec<ParcelAlert>>> {
    Ok(Json(
        insights::parcel_alerts(&state.db, &store, crate::util::now_ms()).await?,
    ))
}

/// The store's tracking settings: thresholds, the FAQ in every language, support contacts.
#[utoipa::path(get, path = "/v1/admin/store/settings", tag = "admin",
    operation_id = "get_store_settings",
    security(("secret_key" = [])),
    responses(
        (status = 200, body = StoreSettings),
        (status = 401, body = ApiError),
    ))]
pub async fn get_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<StoreSettings>> {
    Ok(Json(stores::settings(&state.db, &store).await?))
}

/// Replace the store's tracking settings as a whole (validated: `stall_after_hours` 1–720,
/// `expire_after_days` 1–365, at most 50 FAQ entries, text limits); answers what is stored.
#[utoipa::path(put, path = "/v1/admin/store/settings", tag = "admin",
    operation_id = "put_store_settings",
    security(("secret_key" = [])),
    request_body = StoreSettings,
    responses(
        (status = 200, body = StoreSettings),
        (status = 401, body = ApiError),
        (status = 422, description = "`validation_failed` with every bad field", body = ApiError),
    ))]
pub async fn put_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    Json(settings): Json<StoreSettings>,
) -> Result<Json<StoreSettings>> {
    stores::put_settings(&state.db, store.id, &settings).await?;
    let store = stores::by_publishable_key(&state.db, &store.publishable_key)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Json(stores::settings(&state.db, &store).await?))
}

/// The store's look: the saved branding, or the built-in one until one is saved.
#[utoipa::path(get, path = "/v1/admin/store/branding", tag = "admin",
    operation_id = "get_store_branding",
    security(("secret_key" = [])),
    responses(
        (status = 200, body = Branding),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
    ))]
pub async fn get_branding(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<Branding>> {
    Ok(Json(crate::repo::branding::get(&state.db, store.id).await?))
}

/// Replace the store's look (colours `#rrggbb`, radius 0–24 px, text 14–20 px, and every text
/// colour at least 4.5:1 against what it is read on); the widgets' theme stylesheet and the
/// emails follow at once. Answers what is stored.
#[utoipa::path(put, path = "/v1/admin/store/branding", tag = "admin",
    operation_id = "put_store_branding",
    security(("secret_key" = [])),
    request_body = Branding,
    responses(
        (status = 200, body = Branding),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 422, description = "`validation_failed` with every bad field (a contrast below 4.5:1 is `out_of_range` on the text colour)", body = ApiError),
    ))]
pub async fn put_branding(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    Json(branding): Json<Branding>,
) -> Result<Json<Branding>> {
    crate::repo::branding::put(&state.db, store.id, &branding).await?;
    Ok(Json(crate::repo::branding::get(&state.db, store.id).await?))
}
