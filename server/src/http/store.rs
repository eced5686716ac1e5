//! `GET /v1/store`: the store's public configuration for the widgets, with the shipping FAQ
//! in the shopper's language.

use super::plumbing::{query_locale, ApiRouter, Json};
use crate::auth::PublicStore;
use crate::error::Result;
use crate::repo::stores;
use crate::state::AppState;
use aftercare_shared::api::StoreConfig;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa_axum::routes;

/// Store routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(get_store))
}

/// Query of `GET /v1/store`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoreParams {
    /// BCP 47 tag of the shopper's language (`es`, `es-MX`); unsupported or absent means
    /// the store's default language.
    pub locale: Option<String>,
}

/// The public configuration of the store behind the publishable key. The FAQ is in the
/// requested language, else the store's default language, else any language it exists in.
#[utoipa::path(get, path = "/v1/store", tag = "store",
    security(("publishable_key" = [])),
    params(StoreParams),
    responses(
        (status = 200, body = StoreConfig),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = aftercare_shared::ApiError),
        (status = 403, description = "`origin_not_allowed`", body = aftercare_shared::ApiError),
    ))]
pub async fn get_store(
    State(state): State<AppState>,
    PublicStore(store): PublicStore,
    query: std::result::Result<Query<StoreParams>, QueryRejection>,
) -> Result<Json<StoreConfig>> {
    let Query(params) = query?;
    let locale = query_locale(params.locale.as_deref(), store.locale())?;
    let faq = stores::faq_for(&state.db, &store, locale).await?;
    Ok(Json(store.config(faq)))
}
