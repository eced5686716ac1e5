//! What every console page that shows the shoppers' own widgets needs (an order's page, the
//! branding preview, the embed preview): the loader's address, a short pass for one order,
//! and the CSP widened on those pages only (see [`super::WIDGET_CSP`]).

use crate::repo::stores::StoreRow;
use aftercare_shared::token::{self, Claims, TokenKind};
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};

/// How long a widget shown in the console may act for its order: long enough to read it,
/// short enough that a copied page is soon worth nothing.
pub const VIEW_PASS_SECONDS: i64 = 15 * 60;

/// Where the widgets' loader is served (same origin).
pub const LOADER: &str = "/sdk/aftercare.js";

/// An order session (`TokenKind::Order`) for order `number` of `store`, whoever owns it: it
/// opens this order and nothing else (a customer token would open every order and the
/// profile of its customer), and is put only in signed-in, uncached pages.
pub fn order_pass(store: &StoreRow, number: &str, now_ms: i64) -> String {
    token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: store.publishable_key.clone(),
            sub: number.to_owned(),
            exp: now_ms / 1000 + VIEW_PASS_SECONDS,
        },
        &store.secret_key,
    )
}

/// A page that runs the widgets: the widened CSP, and never cached (it may hold a pass).
pub fn widget_page(html: String) -> Response {
    (
        [
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(super::WIDGET_CSP),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        Html(html),
    )
        .into_response()
}
