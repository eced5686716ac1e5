//! The counted links and the open pixel of the store's emails (`crate::mail::track` writes
//! them into each message), and the engagement report on the admin API.
//!
//! - `GET /e/{key}/{message}/c?u=…&s=…` counts a click and redirects to `u`: only when `s` is
//!   the store's signature of that message and address (never an open redirect). A spoiled
//!   link answers a page saying so, without redirecting.
//! - `GET /e/{key}/{message}/o.gif?s=…` counts an open and answers a transparent pixel (the
//!   pixel whatever the signature: a broken image in a message helps nobody).

use super::plumbing::{ranged, ApiRouter, Json};
use crate::auth::AdminStore;
use crate::error::Result;
use crate::mail::track::{self, Signed};
use crate::repo::engagement::{self, Engagement};
use crate::repo::{calendar, stores};
use crate::state::AppState;
use crate::util;
use aftercare_shared::api::{EmailEngagement, ENGAGEMENT_DAYS};
use aftercare_shared::validate::Problems;
use aftercare_shared::ApiError;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::routes;

/// A 1×1 transparent GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];
const DAY_MS: i64 = 86_400_000;

/// Engagement routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(click))
        .routes(routes!(open))
        .routes(routes!(report))
}

/// Query of a counted link.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClickParams {
    /// Where the link goes.
    pub u: Option<String>,
    /// The store's signature of the message and `u`.
    pub s: Option<String>,
}

/// Query of the open pixel.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpenParams {
    /// The store's signature of the message.
    pub s: Option<String>,
}

/// Count a followed link and go where it points.
#[utoipa::path(get, path = "/e/{key}/{message}/c", tag = "emails",
    operation_id = "email_click",
    security(()),
    params(
        ("key" = String, Path, description = "the store's publishable key"),
        ("message" = i64, Path, description = "the message (outbox id)"),
        ClickParams,
    ),
    responses(
        (status = 302, description = "to the link's address (counted when the address lets the store count)"),
        (status = 404, description = "plain text: the link is not one of the store's", content_type = "text/plain"),
    ))]
pub async fn click(
    State(state): State<AppState>,
    Path((key, message)): Path<(String, String)>,
    Query(q): Query<ClickParams>,
) -> Result<Response> {
    let spoiled = || {
        (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            "This link is not valid. Open the store's email again, or visit the store.",
        )
            .into_response()
    };
    let (Some(url), Some(sig), Ok(id)) = (q.u.as_deref(), q.s.as_deref(), message.parse::<i64>())
    else {
        return Ok(spoiled());
    };
    let Some(store) = stores::by_publishable_key(&state.db, &key).await? else {
        return Ok(spoiled());
    };
    let web = url.starts_with("https://") || url.starts_with("http://");
    let Ok(location) = HeaderValue::from_str(url) else {
        return Ok(spoiled());
    };
    if !web || !track::verify(&store, id, Signed::Click(url), sig) {
        return Ok(spoiled());
    }
    // Counting never stands between the shopper and the page.
    if let Err(e) =
        engagement::record(&state.db, store.id, id, Engagement::Click, util::now_ms()).await
    {
        tracing::warn!(outbox_id = id, error = %e, "click not counted");
    }
    Ok((
        StatusCode::FOUND,
        [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
    )
        .into_response())
}

/// Count an open; answers a transparent pixel whatever the signature (a broken image in a
/// message helps nobody).
#[utoipa::path(get, path = "/e/{key}/{message}/o.gif", tag = "emails",
    operation_id = "email_open",
    security(()),
    params(
        ("key" = String, Path, description = "the store's publishable key"),
        ("message" = i64, Path, description = "the message (outbox id)"),
        OpenParams,
    ),
    responses(
        (status = 200, description = "a 1×1 transparent GIF (counted when the signature is the store's and the address lets the store count)", content_type = "image/gif"),
        (status = 404, description = "plain text: the message id is not a number, so no message of the store's", content_type = "text/plain"),
    ))]
pub async fn open(
    State(state): State<AppState>,
    Path((key, message)): Path<(String, String)>,
    Query(q): Query<OpenParams>,
) -> Result<Response> {
    let Ok(id) = message.parse::<i64>() else {
        return Ok((StatusCode::NOT_FOUND, "No such message.").into_response());
    };
    if let Some(sig) = q.s.as_deref() {
        if let Some(store) = stores::by_publishable_key(&state.db, &key).await? {
            if track::verify(&store, id, Signed::Open, sig) {
                if let Err(e) =
                    engagement::record(&state.db, store.id, id, Engagement::Open, util::now_ms())
                        .await
                {
                    tracing::warn!(outbox_id = id, error = %e, "open not counted");
                }
            }
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/gif")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("no-store, private"),
            ),
        ],
        PIXEL,
    )
        .into_response())
}

/// Query of the engagement report.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EngagementParams {
    /// Days covered, up to now: 1–90 (sent messages are kept 90 days), default 30.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 90, default = 30)]
    pub days: Option<String>,
}

/// What the store's emails achieved: per template, the messages sent in the period, how many
/// were opened (counted only while the calendar's `open_pixel` is on) and how many had a link
/// followed. Addresses that turned counting off are sent to but never counted.
#[utoipa::path(get, path = "/v1/admin/emails/engagement", tag = "admin",
    operation_id = "get_email_engagement",
    security(("secret_key" = [])),
    params(EngagementParams),
    responses(
        (status = 200, body = EmailEngagement),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 422, description = "`validation_failed`: `days` out of range", body = ApiError),
    ))]
pub async fn report(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    query: std::result::Result<Query<EngagementParams>, QueryRejection>,
) -> Result<Json<EmailEngagement>> {
    let Query(params) = query?;
    let mut p = Problems::default();
    let days = ranged(&mut p, "days", params.days.as_deref(), ENGAGEMENT_DAYS, 30);
    p.finish()?;
    let since = util::now_ms() - i64::from(days) * DAY_MS;
    let opens = calendar::get(&state.db, store.id).await?.open_pixel;
    Ok(Json(
        engagement::report(&state.db, store.id, since, opens).await?,
    ))
}
