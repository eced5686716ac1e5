//! `GET /console`: Today.

use super::extract::Console;
use super::reject::ConsoleResult;
use crate::http::returns::links;
use crate::repo::console::today;
use crate::state::AppState;
use aftercare_console::pages::today::today as page;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Html;

/// Today's page.
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    c: Console,
) -> ConsoleResult<Html<String>> {
    let links = |rma: &str| links(&state, &headers, &c.store, rma);
    let data = today::today(&state.db, &c.store, links, crate::util::now_ms()).await?;
    Ok(Html(page(&c.ctx, &data).into_string()))
}
