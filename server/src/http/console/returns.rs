//! `/console/returns`: the queue (filter, search, pages) and one return with its moves.

use super::extract::{cursor, Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::http::returns::links;
use crate::repo::console::audit;
use crate::repo::returns::{self as repo, ReturnRow};
use crate::state::AppState;
use aftercare_console::html::query_value;
use aftercare_console::pages::return_detail::{return_detail, MoveFailed};
use aftercare_console::pages::returns::{parse_status, queue, status_code, ReturnFilter};
use aftercare_console::text::T;
use aftercare_console::{Area, Flash};
use aftercare_shared::api::{ReturnActor, MAX_RETURN_NOTE};
use aftercare_shared::returns::ReturnStatus;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Returns per page.
const PAGE: u32 = 25;

/// Query of the queue.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    q: Option<String>,
    /// `<created ms>.<id>` of the previous page's last row.
    after: Option<String>,
}

/// The queue.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    c: Console,
    Query(q): Query<QueueQuery>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Returns)?;
    let filter = ReturnFilter {
        status: q.status.as_deref().and_then(parse_status),
        search: q.q.unwrap_or_default().chars().take(200).collect(),
    };
    let after = cursor(q.after.as_deref());
    let mut conn = state.db.pool.acquire().await?;
    let (rows, next) = repo::list(
        &mut conn,
        c.store.id,
        filter.status,
        &filter.search,
        after,
        PAGE,
    )
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        items.push(
            repo::admin_view(&mut conn, row, &links(&state, &headers, &c.store, &row.rma)).await?,
        );
    }
    let base = format!(
        "/console/returns?status={}&q={}",
        filter.status.map(status_code).unwrap_or(""),
        query_value(&filter.search)
    );
    let first = after.is_some().then(|| base.clone());
    let next = next.map(|(ms, id)| format!("{base}&after={ms}.{id}"));
    Ok(Html(
        queue(&c.ctx, &filter, &items, first.as_deref(), next.as_deref()).into_string(),
    ))
}

async fn row(state: &AppState, c: &Console, rma: &str) -> ConsoleResult<ReturnRow> {
    let mut conn = state.db.pool.acquire().await?;
    repo::find(&mut conn, c.store.id, rma)
        .await?
        .ok_or_else(|| c.not_found(Area::Returns))
}

async fn detail_page(
    state: &AppState,
    headers: &HeaderMap,
    c: &Console,
    rma: &str,
    failed: Option<&MoveFailed>,
) -> ConsoleResult<String> {
    let row = row(state, c, rma).await?;
    let mut conn = state.db.pool.acquire().await?;
    let view =
        repo::admin_view(&mut conn, &row, &links(state, headers, &c.store, &row.rma)).await?;
    Ok(return_detail(&c.ctx, &view, failed).into_string())
}

/// One return.
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    c: Console,
    Path(rma): Path<String>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Returns)?;
    Ok(Html(detail_page(&state, &headers, &c, &rma, None).await?))
}

/// Form of a move.
#[derive(Debug, Deserialize)]
pub struct MoveForm {
    status: String,
    #[serde(default)]
    note: String,
}

/// Move a return; on success back to its page with the result announced, on failure the
/// page again with the note kept and why.
pub async fn post_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(rma): Path<String>,
    posted: Posted<MoveForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Returns)?;
    let row = row(&state, &c, &rma).await?;
    let Some(to) = parse_status(&form.status).filter(|s| *s != ReturnStatus::Requested) else {
        return Err(c.not_found(Area::Returns));
    };
    let note = form.note.trim();
    let failed = |why: T<'_>, status: StatusCode| -> (StatusCode, MoveFailed) {
        (
            status,
            MoveFailed {
                to,
                note: form.note.clone(),
                why: c.ctx.t(why),
            },
        )
    };
    let refusal = if to == ReturnStatus::Rejected && note.is_empty() {
        Some(failed(T::NoteNeeded, StatusCode::UNPROCESSABLE_ENTITY))
    } else if note.chars().count() > MAX_RETURN_NOTE {
        Some(failed(
            T::NoteTooLong(MAX_RETURN_NOTE),
            StatusCode::UNPROCESSABLE_ENTITY,
        ))
    } else {
        let now = crate::util::now_ms();
        match repo::transition(&state.db, &row, to, Some(note), ReturnActor::Merchant, now).await {
            Ok(()) => {
                let before = serde_json::json!({ "status": status_code(row.status) });
                let after = serde_json::json!({ "status": status_code(to), "note": (!note.is_empty()).then_some(note) });
                audit::record(
                    &state.db,
                    &c.actor(),
                    "return.status",
                    &row.rma,
                    Some(before),
                    Some(after),
                    now,
                )
                .await?;
                None
            }
            Err(Error::Conflict(_)) => Some(failed(T::Conflict, StatusCode::CONFLICT)),
            Err(e) => return Err(e.into()),
        }
    };
    match refusal {
        None => {
            let to_url = format!(
                "/console/returns/{}?done={}",
                row.rma,
                Flash::ReturnMoved(to).code()
            );
            Ok(Redirect::to(&to_url).into_response())
        }
        Some((status, failed)) => {
            let page = detail_page(&state, &headers, &c, &rma, Some(&failed)).await?;
            Ok((status, Html(page)).into_response())
        }
    }
}
