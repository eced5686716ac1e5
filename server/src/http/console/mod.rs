//! `/console`: the merchants' signed-in web app (issue #13; why server-rendered:
//! `docs/decisions/0002-console.md`). Pages come from the `aftercare-console` crate; this
//! module signs users in ([`sign_in`]), reads who is asking ([`extract`]), loads each page's
//! data with the same repository functions as the admin API, and records every action in
//! the audit log.
//!
//! Every answer carries a strict Content-Security-Policy (scripts, styles and images from
//! this origin only; no inline script or style; no framing) and no caching.

pub mod account;
pub mod audit;
pub mod extract;
pub mod reject;
pub mod requests;
pub mod returns;
pub mod review_import;
pub mod reviews;
pub mod secrets;
pub mod sign_in;
pub mod surveys;
pub mod today;

use crate::state::AppState;
use aftercare_console::assets;
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

/// The console's Content-Security-Policy.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Every console route. These are HTML pages for people, not API operations, so they are
/// deliberately left out of the OpenAPI document (hence plain `route`).
#[allow(clippy::disallowed_methods)]
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console", get(today::get))
        .route("/console/", get(today::get))
        .route("/console/sign-in", get(sign_in::page).post(sign_in::submit))
        .route(
            "/console/sign-in/code",
            get(sign_in::code_page).post(sign_in::code_submit),
        )
        .route("/console/sign-out", post(sign_in::sign_out))
        .route(
            "/console/setup/{token}",
            get(sign_in::setup_page).post(sign_in::setup_submit),
        )
        .route("/console/returns", get(returns::list))
        .route("/console/returns/{rma}", get(returns::get))
        .route("/console/returns/{rma}/status", post(returns::post_status))
        .route("/console/reviews", get(reviews::list))
        .route("/console/reviews/{id}/moderation", post(reviews::moderate))
        .route("/console/reviews/{id}/reply", post(reviews::reply))
        .route(
            "/console/reviews/{id}/reply/delete",
            post(reviews::delete_reply),
        )
        .route(
            "/console/reviews/import",
            get(review_import::page).post(review_import::import),
        )
        .route("/console/reviews/export.csv", get(review_import::export))
        .route("/console/requests", get(requests::list))
        .route("/console/requests/{id}/decision", post(requests::decide))
        .route("/console/surveys", get(surveys::index))
        .route("/console/surveys/{kind}", get(surveys::report))
        .route("/console/surveys/{kind}/responses.csv", get(surveys::csv))
        .route("/console/surveys/{kind}/{chart}", get(surveys::chart))
        .route(
            "/console/surveys/responses/{id}/followed-up",
            post(surveys::followed_up),
        )
        .route("/console/audit", get(audit::list))
        .route("/console/account", get(account::get))
        .route("/console/account/language", post(account::language))
        .route("/console/account/password", post(account::password))
        .route("/console/account/totp", post(account::totp_start))
        .route("/console/account/totp/confirm", post(account::totp_confirm))
        .route("/console/account/totp/off", post(account::totp_off))
        .route(
            assets::STYLE_PATH,
            get(|| asset("text/css; charset=utf-8", assets::STYLE)),
        )
        .route(
            assets::SCRIPT_PATH,
            get(|| asset("text/javascript; charset=utf-8", assets::SCRIPT)),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ))
}

async fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}
