//! `/console/orders`: find orders by number or email, and one order with what only the store
//! sees above the shopper's own view of it (the tracking widget, opened with a pass for this
//! order alone, under a CSP widened on that page only: see [`super::ORDER_CSP`]).

use super::extract::{cursor, Console};
use super::reject::ConsoleResult;
use crate::repo::console::orders as repo;
use crate::state::AppState;
use aftercare_console::html::query_value;
use aftercare_console::pages::order::{order, ShopperView};
use aftercare_console::pages::orders::{orders, MAX_SEARCH};
use aftercare_console::Area;
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::OrderNumber;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

/// Orders per page.
const PAGE: u32 = 25;
/// How long the shopper's view may act for the order: long enough to read it, short enough
/// that a copied page is soon worth nothing.
pub const VIEW_PASS_SECONDS: i64 = 15 * 60;
/// The window of the "tracking views" fact (the anxious-customers window).
const VIEWS_WINDOW_MS: i64 = crate::repo::insights::ANXIOUS_HOURS as i64 * 3_600_000;
/// Where the widgets' loader is served (same origin).
const LOADER: &str = "/sdk/aftercare.js";

/// Query of the search page.
#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    /// `<placed ms>.<id>` of the previous page's last row.
    after: Option<String>,
}

/// The search page (the newest orders before anything is typed).
pub async fn list(
    State(state): State<AppState>,
    c: Console,
    Query(q): Query<SearchQuery>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Orders)?;
    let search: String =
        q.q.unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_SEARCH)
            .collect();
    let after = cursor(q.after.as_deref());
    let mut conn = state.db.pool.acquire().await?;
    let now = crate::util::now_ms();
    let (rows, next) = repo::search(&mut conn, c.store.id, &search, after, PAGE, now).await?;
    let base = format!("{}?q={}", Area::Orders.path(), query_value(&search));
    let first = after.is_some().then(|| base.clone());
    let next = next.map(|(ms, id)| format!("{base}&after={ms}.{id}"));
    Ok(Html(
        orders(&c.ctx, &search, &rows, first.as_deref(), next.as_deref()).into_string(),
    ))
}

/// One order: the store's facts, then the shopper's view. The pass is an order session
/// (`TokenKind::Order`) whatever the order's owner, so it opens this order and nothing else
/// (a customer token would open every order and the profile of its customer), and it is put
/// only in this signed-in, uncached page.
pub async fn get(
    State(state): State<AppState>,
    c: Console,
    Path(number): Path<String>,
) -> ConsoleResult<Response> {
    c.require(Area::Orders)?;
    let Ok(number) = OrderNumber::parse(&number) else {
        return Err(c.not_found(Area::Orders));
    };
    let now = crate::util::now_ms();
    let mut conn = state.db.pool.acquire().await?;
    let facts = repo::facts(
        &mut conn,
        c.store.id,
        number.as_str(),
        now - VIEWS_WINDOW_MS,
        now,
    )
    .await?
    .ok_or_else(|| c.not_found(Area::Orders))?;
    drop(conn);
    let pass = token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: c.store.publishable_key.clone(),
            sub: number.as_str().to_owned(),
            exp: now / 1000 + VIEW_PASS_SECONDS,
        },
        &c.store.secret_key,
    );
    let view = ShopperView {
        loader: LOADER.to_owned(),
        key: c.store.publishable_key.clone(),
        token: pass,
    };
    let page = order(&c.ctx, &facts, &view).into_string();
    Ok((
        [
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(super::ORDER_CSP),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        Html(page),
    )
        .into_response())
}
