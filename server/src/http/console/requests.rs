//! `/console/requests`: cancellation and address-change requests waiting for a decision.

use super::extract::{cursor, Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::repo::console::audit;
use crate::repo::requests as repo;
use crate::state::AppState;
use aftercare_console::pages::requests::{requests, DecisionFailed};
use aftercare_console::text::T;
use aftercare_console::{Area, Flash};
use aftercare_shared::api::{Decision, DecisionInput, MAX_REQUEST_TEXT};
use aftercare_shared::changes::RequestStatus;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Requests per page.
const PAGE: u32 = 20;

/// Query of the list.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// `<created ms>.<id>` of the previous page's last request.
    after: Option<String>,
}

async fn page(
    state: &AppState,
    c: &Console,
    after: Option<(i64, i64)>,
    failed: Option<&DecisionFailed>,
) -> ConsoleResult<String> {
    let mut conn = state.db.pool.acquire().await?;
    let (rows, next, total) =
        repo::list(&mut conn, c.store.id, RequestStatus::Pending, after, PAGE).await?;
    let first = after.is_some().then_some("/console/requests");
    let next = next.map(|(ms, id)| format!("/console/requests?after={ms}.{id}"));
    Ok(requests(&c.ctx, &rows, total, failed, first, next.as_deref()).into_string())
}

/// The pending requests, oldest first.
pub async fn list(
    State(state): State<AppState>,
    c: Console,
    Query(q): Query<ListQuery>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Requests)?;
    let after = cursor(q.after.as_deref());
    Ok(Html(page(&state, &c, after, None).await?))
}

/// Form of a decision.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    note: String,
}

/// Accept or reject a request.
pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    posted: Posted<DecisionForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Requests)?;
    let decision = match form.decision.as_str() {
        "accept" => Decision::Accept,
        "reject" => Decision::Reject,
        _ => return Err(c.not_found(Area::Requests)),
    };
    let note = form.note.trim();
    let failed = |why: T<'_>| DecisionFailed {
        id,
        note: form.note.clone(),
        why: c.ctx.t(why),
    };
    let refusal = if decision == Decision::Reject && note.is_empty() {
        Some((StatusCode::UNPROCESSABLE_ENTITY, failed(T::NoteNeeded)))
    } else if note.chars().count() > MAX_REQUEST_TEXT {
        Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            failed(T::NoteTooLong(MAX_REQUEST_TEXT)),
        ))
    } else {
        let input = DecisionInput {
            decision,
            note: (!note.is_empty()).then(|| note.to_owned()),
        };
        let now = crate::util::now_ms();
        match repo::decide(&state.db, c.store.id, id, &input, now).await {
            Ok(done) => {
                let before = serde_json::json!({ "status": RequestStatus::Pending.as_str() });
                let after =
                    serde_json::json!({ "status": done.status.as_str(), "note": done.note });
                let subject = format!("request {id} (order {})", done.order_number.as_str());
                audit::record(
                    &state.db,
                    &c.actor(),
                    "request.decision",
                    &subject,
                    Some(before),
                    Some(after),
                    now,
                )
                .await?;
                None
            }
            Err(Error::Conflict(_)) => Some((StatusCode::CONFLICT, failed(T::Conflict))),
            Err(Error::NotFound) => return Err(c.not_found(Area::Requests)),
            Err(e) => return Err(e.into()),
        }
    };
    match refusal {
        None => {
            let flash = if decision == Decision::Accept {
                Flash::RequestApproved
            } else {
                Flash::RequestRejected
            };
            Ok(Redirect::to(&format!("/console/requests?done={}", flash.code())).into_response())
        }
        Some((status, failed)) => {
            Ok((status, Html(page(&state, &c, None, Some(&failed)).await?)).into_response())
        }
    }
}
