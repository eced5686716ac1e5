//! `/console/orders`: find orders by number or email, and one order with what only the store
//! sees above the shopper's own view of it (the tracking widget, opened with a pass for this
//! order alone, under a CSP widened on that page only: see [`super::WIDGET_CSP`]).

use super::extract::{cursor, Console};
use super::reject::ConsoleResult;
use super::shopper_view::{order_pass, widget_page, LOADER};
use crate::repo::console::orders as repo;
use crate::state::AppState;
use aftercare_console::html::query_value;
use aftercare_console::pages::order::{order, ShopperView};
use aftercare_console::pages::orders::{orders, MAX_SEARCH};
use aftercare_console::Area;
use aftercare_shared::OrderNumber;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Deserialize;

/// Orders per page.
const PAGE: u32 = 25;
/// The window of the "tracking views" fact (the anxious-customers window).
const VIEWS_WINDOW_MS: i64 = crate::repo::insights::ANXIOUS_HOURS as i64 * 3_600_000;

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

/// One order: the store's facts, then the shopper's view, opened with a pass for this order
/// alone (`shopper_view::order_pass`).
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
    let view = ShopperView {
        loader: LOADER.to_owned(),
        key: c.store.publishable_key.clone(),
        token: order_pass(&c.store, number.as_str(), now),
    };
    Ok(widget_page(order(&c.ctx, &facts, &view).into_string()))
}
