//! "How reviews work" (EU Omnibus Directive; US FTC 16 CFR 465): generated from the store's
//! review settings in the shopper's language by `shared::i18n::review_disclosure`, sent inside
//! every product's review list and, as plain text, on its own for pages that print it.

use crate::auth::PublicStore;
use crate::error::Result;
use crate::http::plumbing::query_locale;
use crate::repo::reviews as repo;
use crate::repo::stores::StoreRow;
use crate::state::AppState;
use aftercare_shared::api::ReviewDisclosure;
use aftercare_shared::{ApiError, Locale};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Query of `GET /v1/reviews/disclosure`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DisclosureParams {
    /// The language: `en`, `es` or `pt-BR` (other tags of these languages, such as `es-MX`
    /// or `pt-PT`, are read by their language); unsupported or absent means the store's
    /// default language.
    #[param(value_type = Option<Locale>, inline)]
    pub locale: Option<String>,
}

/// The disclosure for `store` in the requested language (`locale` as the query gave it).
pub async fn for_store(
    state: &AppState,
    store: &StoreRow,
    locale: Option<&str>,
) -> Result<ReviewDisclosure> {
    let locale = query_locale(locale, store.locale())?;
    let mut conn = state.db.pool.acquire().await?;
    let settings = repo::settings(&mut conn, store.id).await?;
    Ok(aftercare_shared::i18n::review_disclosure(locale, &settings))
}

/// The disclosure as text: the title, a blank line, then the paragraphs separated by blank
/// lines.
pub fn plain_text(d: &ReviewDisclosure) -> String {
    let mut text = d.title.clone();
    for p in &d.paragraphs {
        text.push_str("\n\n");
        text.push_str(p);
    }
    text.push('\n');
    text
}

/// "How reviews work" as plain text (`text/plain; charset=utf-8`, `Content-Language` set):
/// the title, a blank line, then four paragraphs (verification, moderation, order,
/// incentives) separated by blank lines, generated from the store's review settings. The same
/// texts are the `disclosure` of `GET /v1/products/{sku}/reviews`.
#[utoipa::path(get, path = "/v1/reviews/disclosure", tag = "reviews",
    security(("publishable_key" = [])),
    params(DisclosureParams),
    responses(
        (status = 200, description = "The disclosure", body = String, content_type = "text/plain; charset=utf-8"),
        (status = 400, description = "`bad_request`: the query string cannot be read", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
    ))]
pub async fn disclosure_text(
    State(state): State<AppState>,
    PublicStore(store): PublicStore,
    query: std::result::Result<Query<DisclosureParams>, QueryRejection>,
) -> Result<Response> {
    let Query(q) = query?;
    let d = for_store(&state, &store, q.locale.as_deref()).await?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        ),
        (
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(d.locale.tag()),
        ),
    ];
    Ok((headers, plain_text(&d)).into_response())
}
