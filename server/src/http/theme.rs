//! `GET /theme/{publishable_key}.css`: the store's look as a stylesheet a storefront links
//! once, so a change of branding in the console reaches every page without touching the
//! theme, and the space rule for the async loader ships with it (a stylesheet file, so it
//! also works under a strict `style-src 'self'` CSP once the host is allowed).

use super::plumbing::ApiRouter;
use crate::error::Error;
use crate::repo::{branding, stores};
use crate::state::AppState;
use aftercare_shared::ApiError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use utoipa_axum::routes;

/// Theme route.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(theme))
}

/// How long browsers and proxies keep the stylesheet: a saved change shows within this.
pub const THEME_CACHE: &str = "public, max-age=300";

/// The store's theme stylesheet. Strong `ETag`; `If-None-Match` naming it answers `304`.
#[utoipa::path(get, path = "/theme/{file}", tag = "static",
    security(()),
    params(("file" = String, Path, description = "the store's publishable key followed by `.css` (`pk_live_….css`)")),
    responses(
        (status = 200, description = "the stylesheet (`text/css`): the store's `--aftercare-*` properties on every Aftercare element, without specificity, and the space rule for the elements that always render", content_type = "text/css"),
        (status = 304, description = "`If-None-Match` named the current version"),
        (status = 404, description = "`not_found`: no store has that publishable key", body = ApiError),
    ))]
pub async fn theme(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let key = file.strip_suffix(".css").ok_or(Error::NotFound)?;
    let store = stores::by_publishable_key(&state.db, key)
        .await?
        .ok_or(Error::NotFound)?;
    let css = branding::get(&state.db, store.id).await?.stylesheet();
    let etag = super::plumbing::etag_of(css.as_bytes());
    let cached = [
        (header::CACHE_CONTROL, HeaderValue::from_static(THEME_CACHE)),
        (
            header::ETAG,
            HeaderValue::from_str(&etag).map_err(|e| Error::internal(e.to_string()))?,
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
    ];
    let seen = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| super::plumbing::if_none_match_hits(v, &etag));
    if seen {
        return Ok((StatusCode::NOT_MODIFIED, cached).into_response());
    }
    Ok((
        cached,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        css,
    )
        .into_response())
}
