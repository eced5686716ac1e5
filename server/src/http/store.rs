//! `GET /v1/store`: the store's public configuration for the widgets.

use super::{Json, Routes};
use crate::auth::PublicStore;
use aftercare_shared::api::StoreConfig;
use axum::http::Method;

/// Store routes.
pub fn router() -> Routes {
    Routes::new().route(Method::GET, "/v1/store", get_store)
}

/// The public configuration of the store behind the publishable key.
#[utoipa::path(get, path = "/v1/store", tag = "store",
    security(("publishable_key" = [])),
    responses(
        (status = 200, body = StoreConfig),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = aftercare_shared::ApiError),
        (status = 403, description = "`origin_not_allowed`", body = aftercare_shared::ApiError),
    ))]
pub async fn get_store(PublicStore(store): PublicStore) -> Json<StoreConfig> {
    Json(store.config())
}
