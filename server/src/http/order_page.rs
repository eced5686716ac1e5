//! `GET /orders/{publishable_key}/{number}`: the order's page the store's emails link to,
//! hosted by Aftercare in the store's theme, for stores whose own site has no order page.
//! The email's link carries a signed order link (`TokenKind::OrderLink`, 90 days); the page
//! trades it for a short order session the tracking widget uses, so the long-lived link never
//! reaches the API. A link that has run out (or was altered) still opens the page, with the
//! widget's "find your order" form instead: the shopper is never left at an error.

use super::console::WIDGET_CSP;
use super::plumbing::ApiRouter;
use crate::error::Error;
use crate::repo::stores::{self, StoreRow};
use crate::state::AppState;
use aftercare_shared::i18n::{t, Msg};
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::{ApiError, Locale, OrderNumber};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;
use utoipa_axum::routes;

/// How long the session the page hands the widget lives: an afternoon of checking back.
pub const PAGE_SESSION_SECONDS: i64 = 4 * 3600;

/// The layout of the pages Aftercare hosts (this one, the unsubscribe page): the store's
/// theme stylesheet puts its `--aftercare-*` properties on the `aftercare-page` body, and the
/// widget brings its own styles.
const PAGE_CSS: &str = "body{margin:0;\
font-family:var(--aftercare-font-family,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);\
font-size:var(--aftercare-font-size,16px);line-height:1.5;\
background:var(--aftercare-color-surface,#f6f7f9);color:var(--aftercare-color-text,#1f2328)}\
header{padding:16px 20px;background:var(--aftercare-color-background,#fff);\
border-bottom:1px solid var(--aftercare-color-border,#d0d7de)}\
header p{margin:0;font-weight:700;font-size:1.125rem}\
main{max-width:720px;margin:0 auto;padding:24px 16px}\
.card{background:var(--aftercare-color-background,#fff);\
border:1px solid var(--aftercare-color-border,#d0d7de);border-radius:var(--aftercare-radius,8px);\
padding:24px}\
.card h1{margin:0 0 12px;font-size:1.5rem;line-height:1.25}.card p{margin:0 0 12px}\
.card form{margin:16px 0 0}.muted{color:var(--aftercare-color-muted,#57606a)}\
button{font:inherit;font-weight:700;min-height:44px;padding:10px 20px;cursor:pointer;\
border:1px solid var(--aftercare-color-primary,#1d4ed8);border-radius:var(--aftercare-radius,8px);\
background:var(--aftercare-color-primary,#1d4ed8);color:var(--aftercare-color-on-primary,#fff)}\
button.secondary{background:var(--aftercare-color-background,#fff);\
color:var(--aftercare-color-primary,#1d4ed8)}\
button:focus-visible{outline:3px solid var(--aftercare-color-primary,#1d4ed8);outline-offset:2px}\
fieldset.scale{border:0;padding:0;margin:0 0 4px;display:flex;flex-wrap:wrap;gap:6px}\
fieldset.scale legend{font-weight:700;margin:0 0 10px;padding:0}.scale .error{flex-basis:100%;margin:0 0 8px}\
.scale label{position:relative;display:block}\
.scale input{position:absolute;inset:0;opacity:0;margin:0;cursor:pointer}\
.scale span{display:flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;\
box-sizing:border-box;font-weight:700;border:1px solid var(--aftercare-color-muted,#57606a);\
border-radius:var(--aftercare-radius,8px);background:var(--aftercare-color-background,#fff)}\
.scale input:checked+span{background:var(--aftercare-color-primary,#1d4ed8);\
border-color:var(--aftercare-color-primary,#1d4ed8);color:var(--aftercare-color-on-primary,#fff)}\
.scale input:focus-visible+span{outline:3px solid var(--aftercare-color-primary,#1d4ed8);outline-offset:2px}\
.ends{display:flex;justify-content:space-between;gap:12px;font-size:.875rem}\
.card label.block{display:block;font-weight:700;margin:0 0 6px}\
textarea{display:block;box-sizing:border-box;width:100%;min-height:7em;font:inherit;padding:8px;\
border:1px solid var(--aftercare-color-muted,#57606a);border-radius:var(--aftercare-radius,8px);\
background:var(--aftercare-color-background,#fff);color:inherit}\
.check{display:flex;gap:8px;align-items:flex-start;margin:12px 0 0}\
.check input{flex:none;width:20px;height:20px;margin:2px 0 0}.card>form:first-child{margin-top:0}\
.error{font-weight:700;border-left:4px solid currentColor;padding-left:8px}\
a{color:var(--aftercare-color-primary,#1d4ed8)}";

/// The policy of the script-free pages Aftercare hosts (the unsubscribe page): its own
/// stylesheets, forms posting back to it, nothing else.
pub const HOSTED_PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Order page routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(order_page))
        .routes(routes!(order_page_css))
}

/// Query of the order page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// The signed order link from the email.
    pub t: Option<String>,
}

/// The order's page: the store's name, and its tracking widget opened on the order when the
/// link is good (else on the "find your order" form). Never cached, never sends a referrer.
#[utoipa::path(get, path = "/orders/{key}/{number}", tag = "static",
    operation_id = "order_page",
    security(()),
    params(
        ("key" = String, Path, description = "the store's publishable key"),
        ("number" = String, Path, description = "the order number"),
        PageParams,
    ),
    responses(
        (status = 200, description = "HTML page", content_type = "text/html"),
        (status = 404, description = "`not_found`: no store has that key, or that is not an order number", body = ApiError),
    ))]
pub async fn order_page(
    State(state): State<AppState>,
    Path((key, number)): Path<(String, String)>,
    Query(q): Query<PageParams>,
) -> Result<Response, Error> {
    let store = stores::by_publishable_key(&state.db, &key)
        .await?
        .ok_or(Error::NotFound)?;
    let number = OrderNumber::parse(&number).map_err(|_| Error::NotFound)?;
    let now = crate::util::now_ms();
    let session = q
        .t
        .as_deref()
        .and_then(|t| token::verify(t, &store.secret_key, &store.publishable_key, now / 1000).ok())
        .filter(|c| c.kind == TokenKind::OrderLink && c.sub == number.as_str())
        .map(|_| session(&store, number.as_str(), now));
    let html = page(&store, number.as_str(), session.as_deref());
    Ok(widget_page(html))
}

/// A hosted page that runs a widget (this one, the review page): the widgets' CSP, never
/// cached, never sending a referrer (its link is a credential).
pub(crate) fn widget_page(html: String) -> Response {
    (
        [
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(WIDGET_CSP),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
        Html(html),
    )
        .into_response()
}

/// The page's stylesheet.
#[utoipa::path(get, path = "/orders/page.css", tag = "static",
    operation_id = "order_page_css",
    security(()),
    responses((status = 200, description = "the order page's layout", content_type = "text/css")))]
pub async fn order_page_css() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        PAGE_CSS,
    )
        .into_response()
}

/// A page Aftercare hosts for a store (this one, the unsubscribe page): the store's name on
/// top and `main` in the store's theme (plain, for a link naming no store), with `extra` in
/// the head. Never indexed, never sends a referrer (their links are credentials), no favicon
/// request.
pub(crate) fn hosted(
    store: Option<&StoreRow>,
    locale: Locale,
    title: &str,
    extra: Markup,
    main: Markup,
) -> String {
    html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                meta name="robots" content="noindex";
                link rel="icon" href="data:,";
                title { (title) }
                link rel="stylesheet" href="/orders/page.css";
                @if let Some(store) = store {
                    link rel="stylesheet" href={ "/theme/" (store.publishable_key) ".css" };
                }
                (extra)
            }
            body class="aftercare-page" {
                @if let Some(store) = store {
                    header { p { (store.name) } }
                }
                main { (main) }
            }
        }
    }
    .into_string()
}

/// A script-free page Aftercare hosts for a store (unsubscribe, survey, export links): one
/// card in the store's theme, titled "`title` · store". Never cached, never sends a referrer
/// (the links that open these pages are credentials).
pub(crate) fn card_page(
    status: StatusCode,
    store: Option<&StoreRow>,
    locale: Locale,
    title: &str,
    card: Markup,
) -> Response {
    let title = match store {
        Some(s) => format!("{title} · {}", s.name),
        None => title.to_owned(),
    };
    let html = hosted(
        store,
        locale,
        &title,
        html! {},
        html! { div class="card" { (card) } },
    );
    (
        status,
        [
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(HOSTED_PAGE_CSP),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
        Html(html),
    )
        .into_response()
}

/// An order session for the widget on the page.
fn session(store: &StoreRow, number: &str, now_ms: i64) -> String {
    token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: store.publishable_key.clone(),
            sub: number.to_owned(),
            exp: now_ms / 1000 + PAGE_SESSION_SECONDS,
        },
        &store.secret_key,
    )
}

fn page(store: &StoreRow, number: &str, session: Option<&str>) -> String {
    let locale = store.locale();
    let key = &store.publishable_key;
    let title = format!("{} · {}", t(locale, Msg::OrderHeading(number)), store.name);
    let main = html! {
        @match session {
            Some(pass) => aftercare-tracking order=(number) token=(pass) locale=(locale.tag()) {},
            None => aftercare-tracking locale=(locale.tag()) {},
        }
    };
    let loader = html! {
        script src=(super::console::shopper_view::LOADER) data-key=(key) async {}
    };
    hosted(Some(store), locale, &title, loader, main)
}
