//! `/console`: the merchants' signed-in web app (issue #13; why server-rendered:
//! `docs/decisions/0002-console.md`). Pages come from the `aftercare-console` crate; this
//! module signs users in ([`sign_in`]), reads who is asking ([`extract`]), loads each page's
//! data with the same repository functions as the admin API, and records every action in
//! the audit log.
//!
//! Every answer carries a strict Content-Security-Policy ([`CSP`]: scripts, styles and images
//! from this origin only; no inline script or style; no framing) and no caching. The pages
//! that run the shoppers' widgets (an order's page, the branding and embed previews) widen
//! it: they set [`WIDGET_CSP`] themselves (the router's header is only added when a handler
//! set none).

pub mod account;
pub mod audit;
pub mod branding;
pub mod embed;
pub mod extract;
pub mod insights;
pub mod keys;
pub mod orders;
pub mod reject;
pub mod requests;
pub mod returns;
pub mod review_import;
pub mod reviews;
pub mod secrets;
pub mod settings;
pub mod settings_emails;
pub mod settings_returns;
pub mod settings_reviews;
pub mod settings_surveys;
pub mod shopper_view;
pub mod sign_in;
pub mod surveys;
pub mod today;
pub mod users;

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

/// The CSP of the pages that run the shoppers' widgets (an order's page, the branding and
/// embed previews): the console's own plus what the widgets need (`docs/CONTRACTS.md`, "Demo
/// CSP"): compiling their same-origin wasm (`'wasm-unsafe-eval'`), fetching it and the order
/// from this origin (`connect-src 'self'`), and product images from wherever the store's
/// catalog keeps them (`img-src https:`; an image runs nothing). Still no inline script or
/// style, no script or connection to another origin, no framing.
pub const WIDGET_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data: https:; connect-src 'self'; form-action 'self'; \
    frame-ancestors 'none'; base-uri 'none'";

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
        .route("/console/orders", get(orders::list))
        .route("/console/orders/{number}", get(orders::get))
        .route("/console/surveys", get(surveys::index))
        .route("/console/surveys/{kind}", get(surveys::report))
        .route("/console/surveys/{kind}/responses.csv", get(surveys::csv))
        .route("/console/surveys/{kind}/{chart}", get(surveys::chart))
        .route(
            "/console/surveys/responses/{id}/followed-up",
            post(surveys::followed_up),
        )
        .route("/console/insights", get(insights::page))
        .route("/console/insights/{chart}", get(insights::chart))
        .route("/console/audit", get(audit::list))
        .route("/console/settings", get(settings::get).post(settings::post))
        .route("/console/settings/origins", post(settings::post_origins))
        .route(
            "/console/settings/branding",
            get(branding::get).post(branding::post),
        )
        .route("/console/embed", get(embed::get))
        .route(
            "/console/settings/returns",
            get(settings_returns::get).post(settings_returns::post),
        )
        .route("/console/settings/surveys", get(settings_surveys::get))
        .route(
            "/console/settings/emails",
            get(settings_emails::get).post(settings_emails::post),
        )
        .route(
            "/console/settings/reviews",
            get(settings_reviews::get).post(settings_reviews::post),
        )
        .route(
            "/console/settings/surveys/{kind}",
            post(settings_surveys::post),
        )
        .route("/console/users", get(users::list).post(users::add))
        .route("/console/users/{id}/setup-link", post(users::setup_link))
        .route("/console/users/{id}/remove", post(users::remove))
        .route("/console/keys", get(keys::get))
        .route("/console/keys/rotate", post(keys::rotate))
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
        // Only when the handler set none: pages running widgets set their own (`WIDGET_CSP`).
        .layer(SetResponseHeaderLayer::if_not_present(
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
