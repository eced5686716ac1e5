//! `/console/audit`: the audit log, for owners.

use super::extract::Console;
use super::reject::ConsoleResult;
use crate::repo::console::audit;
use crate::state::AppState;
use aftercare_console::pages::audit::audit as page;
use aftercare_console::Area;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;

/// Entries per page.
const PAGE: u32 = 50;

/// Query of the log.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    /// Show entries older than this id.
    before: Option<i64>,
}

/// One page of the log, newest first.
pub async fn list(
    State(state): State<AppState>,
    c: Console,
    Query(q): Query<AuditQuery>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Audit)?;
    let (rows, next) = audit::page(&state.db, c.store.id, q.before, PAGE).await?;
    let first = q.before.is_some().then_some("/console/audit");
    let next = next.map(|id| format!("/console/audit?before={id}"));
    Ok(Html(
        page(&c.ctx, &rows, first, next.as_deref()).into_string(),
    ))
}
