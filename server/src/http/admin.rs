//! Secret-key admin API: merchants push orders, parcels and carrier checkpoints.

use super::{Json, Routes};
use crate::auth::AdminStore;
use crate::error::{Error, Result};
use crate::repo::orders as repo;
use crate::state::AppState;
use aftercare_shared::api::{IngestResult, OrderInput, ShipmentInput, TrackingEventBatch};
use aftercare_shared::order::{Order, Shipment};
use aftercare_shared::{ApiError, FieldIssue, OrderNumber};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};

/// Admin routes.
pub fn router() -> Routes {
    Routes::new()
        .route(Method::PUT, "/v1/admin/orders/{order_number}", put_order)
        .route(Method::GET, "/v1/admin/orders/{order_number}", get_order)
        .route(
            Method::POST,
            "/v1/admin/orders/{order_number}/shipments",
            add_shipment,
        )
        .route(
            Method::POST,
            "/v1/admin/shipments/{shipment_id}/events",
            add_events,
        )
}

fn path_number(path: std::result::Result<Path<String>, PathRejection>) -> Result<OrderNumber> {
    let Path(raw) = path.map_err(|_| Error::NotFound)?;
    OrderNumber::parse(&raw).map_err(|_| Error::NotFound)
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
        (status = 422, description = "`validation_failed` with every bad field", body = ApiError),
    ))]
pub async fn put_order(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<OrderInput>,
) -> Result<(StatusCode, Json<Order>)> {
    let number = path_number(path)?;
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
    let number = path_number(path)?;
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
    let number = path_number(path)?;
    let shipment = repo::add_shipment(&state.db, store.id, &number, &input).await?;
    Ok((StatusCode::CREATED, Json(shipment)))
}

/// Ingest carrier checkpoints (any order; repeats dropped by carrier id, else by
/// status + time + description).
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
    let Path(raw) = path.map_err(|_| Error::NotFound)?;
    let id: i64 = raw.parse().map_err(|_| Error::NotFound)?;
    Ok(Json(
        repo::ingest_events(&state.db, store.id, id, &batch).await?,
    ))
}
