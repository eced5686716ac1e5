//! `GET /exports/{publishable_key}?t=…`: the link of the "your data is ready" email. `t` is a
//! signed export link (`TokenKind::ExportLink`, 7 days) naming the customer; it downloads
//! their data export made afresh (the same document as `GET /v1/me/data`), so what it gives
//! is never staler than the click, and after an erasure it gives what is left: nothing
//! personal. A link that is not valid or has run out answers `404` with a page saying where
//! else to get the data.

use super::order_page::card_page;
use super::plumbing::{negotiate_locale, ApiRouter};
use super::privacy::export_response;
use crate::error::Error;
use crate::repo::stores::{self, StoreRow};
use crate::state::AppState;
use aftercare_shared::i18n::{mail, Mail};
use aftercare_shared::token::{self, TokenKind};
use aftercare_shared::Locale;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::html;
use serde::Deserialize;
use utoipa_axum::routes;

/// Export download routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(download))
}

/// Query of the download link.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportLinkParams {
    /// The signed export link from the email.
    pub t: Option<String>,
    /// The export's language (the email's); the store's default when absent or not one the
    /// suite speaks.
    pub locale: Option<String>,
}

/// The customer's data export as a JSON download, or a page saying the link is not valid.
#[utoipa::path(get, path = "/exports/{key}", tag = "privacy",
    operation_id = "export_download",
    security(()),
    params(("key" = String, Path, description = "the store's publishable key"), ExportLinkParams),
    responses(
        (status = 200, description = "the data export (`DataExport`) as a JSON attachment", content_type = "application/json"),
        (status = 404, description = "HTML page: the link is not valid, has expired, or names no store", content_type = "text/html"),
    ))]
pub async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(key): Path<String>,
    Query(q): Query<ExportLinkParams>,
) -> Result<Response, Error> {
    let Some(store) = stores::by_publishable_key(&state.db, &key).await? else {
        let locale = negotiate_locale(q.locale.as_deref(), Locale::En);
        return Ok(invalid(None, locale));
    };
    let locale = negotiate_locale(q.locale.as_deref(), store.locale());
    let now = crate::util::now_ms() / 1000;
    let customer =
        q.t.as_deref()
            .and_then(|t| token::verify(t, &store.secret_key, &store.publishable_key, now).ok())
            .filter(|c| c.kind == TokenKind::ExportLink)
            .map(|c| c.sub);
    match customer {
        Some(customer) => export_response(&state, &headers, &store, &customer, locale).await,
        None => Ok(invalid(Some(&store), locale)),
    }
}

/// The page for a link that is not valid or has run out.
fn invalid(store: Option<&StoreRow>, locale: Locale) -> Response {
    let title = mail(locale, Mail::ExportHeading);
    let card = html! {
        h1 { (title) }
        p { (mail(locale, Mail::ExportLinkExpired)) }
    };
    card_page(StatusCode::NOT_FOUND, store, locale, &title, card)
}
