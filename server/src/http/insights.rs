//! `/v1/admin/insights/products`: feedback cross-referenced per product (rating, returns,
//! survey comments side by side), so the merchant sees which products need attention and why.

use super::plumbing::{ApiRouter, Json};
use crate::auth::AdminStore;
use crate::error::Result;
use crate::repo::product_insights;
use crate::state::AppState;
use aftercare_shared::api::ProductInsight;
use aftercare_shared::ApiError;
use axum::extract::State;
use utoipa_axum::routes;

/// Per-product insight routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(products))
}

/// Every product with any feedback, most in need of attention first (highest return rate,
/// then lowest average rating): its published reviews' count and average, units ordered and
/// returned, its top 3 return reasons by units, and the 3 latest NPS/CSAT comments of orders
/// that contained it. Variants of a catalog product count as one product.
#[utoipa::path(get, path = "/v1/admin/insights/products", tag = "admin",
    security(("secret_key" = [])),
    responses(
        (status = 200, body = Vec<ProductInsight>),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
    ))]
pub async fn products(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<Vec<ProductInsight>>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(
        product_insights::product_insights(&mut conn, store.id).await?,
    ))
}
