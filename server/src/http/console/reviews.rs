//! `/console/reviews`: the moderation queue by status (oldest first, a page at a time), approve
//! and reject with a neutral reason, and the store's public reply; through the same
//! repository functions as `POST /v1/admin/reviews/{id}/moderation` and
//! `PUT`/`DELETE /v1/admin/reviews/{id}/reply`, each action in the audit log.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::http::returns::public_base;
use crate::repo::console::{audit, reviews as items};
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_console::pages::reviews::{queue, Part, Place, ReviewFailed};
use aftercare_console::text::{Rv, T};
use aftercare_console::{Area, Flash, ReviewFlash};
use aftercare_shared::api::{ModerationAction, ModerationInput, ReplyInput, Review};
use aftercare_shared::review::{RejectReason, ReviewStatus, MAX_REPLY};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Reviews per page.
const PAGE: u32 = 20;

fn cursor(raw: &str) -> Option<(i64, i64)> {
    let (ms, id) = raw.split_once('.')?;
    Some((ms.parse().ok()?, id.parse().ok()?))
}

/// The tab and page a request names (unknown status: the queue; unreadable cursor: page one).
fn place(status: Option<&str>, after: Option<&str>) -> Place {
    let after = after.filter(|a| cursor(a).is_some()).unwrap_or("");
    Place {
        status: status
            .and_then(ReviewStatus::from_wire)
            .unwrap_or(ReviewStatus::Pending),
        after: after.to_owned(),
    }
}

/// The page at `place`, with `done` announced.
fn url(place: &Place, done: Option<Flash>, anchor: Option<i64>) -> String {
    let mut u = format!("/console/reviews?status={}", place.status.as_str());
    if !place.after.is_empty() {
        u.push_str(&format!("&after={}", place.after));
    }
    if let Some(f) = done {
        u.push_str(&format!("&done={}", f.code()));
    }
    if let Some(id) = anchor {
        u.push_str(&format!("#review-{id}"));
    }
    u
}

async fn page(
    state: &AppState,
    headers: &HeaderMap,
    c: &Console,
    place: &Place,
    failed: Option<&ReviewFailed>,
) -> ConsoleResult<String> {
    let base = public_base(headers, state.config.trust_proxy);
    let after = cursor(&place.after);
    let mut conn = state.db.pool.acquire().await?;
    let (reviews, next, total) =
        repo::admin_list(&mut conn, c.store.id, place.status, after, PAGE, &base).await?;
    let rows = items::items(&mut conn, c.store.id, reviews).await?;
    let first_page = Place {
        status: place.status,
        after: String::new(),
    };
    let first = after.is_some().then(|| url(&first_page, None, None));
    let next = next.map(|(ms, id)| {
        let p = Place {
            status: place.status,
            after: format!("{ms}.{id}"),
        };
        url(&p, None, None)
    });
    Ok(queue(
        &c.ctx,
        place,
        &rows,
        total,
        failed,
        first.as_deref(),
        next.as_deref(),
    )
    .into_string())
}

/// Query of the queue.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    /// `<created ms>.<id>` of the previous page's last review.
    after: Option<String>,
}

/// One page of the reviews in one status, oldest first.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    c: Console,
    Query(q): Query<QueueQuery>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Reviews)?;
    let place = place(q.status.as_deref(), q.after.as_deref());
    Ok(Html(page(&state, &headers, &c, &place, None).await?))
}

/// The review `id` of the signed-in store as it is now, or "not found".
async fn current(state: &AppState, c: &Console, id: i64, base: &str) -> ConsoleResult<Review> {
    let mut conn = state.db.pool.acquire().await?;
    repo::find(&mut conn, c.store.id, id, base)
        .await?
        .ok_or_else(|| c.not_found(Area::Reviews))
}

/// The same page again, with `status` and why on the review's form.
async fn refused(
    state: &AppState,
    headers: &HeaderMap,
    c: &Console,
    place: &Place,
    failed: ReviewFailed,
    status: StatusCode,
) -> ConsoleResult<Response> {
    let html = page(state, headers, c, place, Some(&failed)).await?;
    Ok((status, Html(html)).into_response())
}

/// Form of approve and reject.
#[derive(Debug, Deserialize)]
pub struct ModerationForm {
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    after: Option<String>,
}

/// Approve (publish) or reject with a neutral reason (required), then back to the same page.
pub async fn moderate(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    posted: Posted<ModerationForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Reviews)?;
    let place = place(form.status.as_deref(), form.after.as_deref());
    let action = match form.action.as_str() {
        "approve" => ModerationAction::Approve,
        "reject" => ModerationAction::Reject,
        _ => return Err(c.not_found(Area::Reviews)),
    };
    let base = public_base(&headers, state.config.trust_proxy);
    let before = current(&state, &c, id, &base).await?;
    let input = ModerationInput {
        action,
        reason: (action == ModerationAction::Reject)
            .then(|| RejectReason::from_wire(form.reason.trim()))
            .flatten(),
    };
    if input.validate().is_err() {
        let failed = ReviewFailed {
            id,
            part: Part::Moderation,
            reply: String::new(),
            why: c.ctx.t(T::Reviews(Rv::ReasonNeeded)),
        };
        return refused(
            &state,
            &headers,
            &c,
            &place,
            failed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = crate::util::now_ms();
    let after = match repo::moderate(&state.db, c.store.id, id, &input, now, &base).await {
        Ok(r) => r,
        Err(Error::NotFound) => return Err(c.not_found(Area::Reviews)),
        Err(e) => return Err(e.into()),
    };
    let state_of = |r: &Review| {
        serde_json::json!({
            "status": r.status.as_str(),
            "reject_reason": r.reject_reason.map(RejectReason::as_str),
        })
    };
    audit::record(
        &state.db,
        &c.actor(),
        "review.moderated",
        &format!("review {id} ({})", after.sku),
        Some(state_of(&before)),
        Some(state_of(&after)),
        now,
    )
    .await?;
    let done = match action {
        ModerationAction::Approve => ReviewFlash::Approved,
        ModerationAction::Reject => ReviewFlash::Rejected,
    };
    Ok(Redirect::to(&url(&place, Some(Flash::Review(done)), None)).into_response())
}

/// Form of the reply.
#[derive(Debug, Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    after: Option<String>,
}

fn reply_json(r: &Review) -> serde_json::Value {
    serde_json::json!({ "reply": r.reply.as_ref().map(|x| x.body.as_str()) })
}

/// Write or rewrite the store's public reply under a review.
pub async fn reply(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    posted: Posted<ReplyForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Reviews)?;
    let place = place(form.status.as_deref(), form.after.as_deref());
    let base = public_base(&headers, state.config.trust_proxy);
    let before = current(&state, &c, id, &base).await?;
    // Browsers send a textarea's line breaks as CRLF; API clients send LF.
    let input = ReplyInput {
        body: form.body.trim().replace("\r\n", "\n"),
    };
    let why = if input.body.is_empty() {
        Some(Rv::ReplyNeeded)
    } else if input.validate().is_err() {
        Some(Rv::ReplyTooLong(MAX_REPLY))
    } else {
        None
    };
    if let Some(why) = why {
        let failed = ReviewFailed {
            id,
            part: Part::Reply,
            reply: form.body.clone(),
            why: c.ctx.t(T::Reviews(why)),
        };
        return refused(
            &state,
            &headers,
            &c,
            &place,
            failed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = crate::util::now_ms();
    let after = match repo::put_reply(&state.db, c.store.id, id, &input, now, &base).await {
        Ok(r) => r,
        Err(Error::NotFound) => return Err(c.not_found(Area::Reviews)),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &state.db,
        &c.actor(),
        "review.reply",
        &format!("review {id} ({})", after.sku),
        Some(reply_json(&before)),
        Some(reply_json(&after)),
        now,
    )
    .await?;
    let done = Flash::Review(ReviewFlash::ReplySaved);
    Ok(Redirect::to(&url(&place, Some(done), Some(id))).into_response())
}

/// Form of "delete reply": only where to return.
#[derive(Debug, Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    after: Option<String>,
}

/// Remove the store's reply under a review.
pub async fn delete_reply(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    posted: Posted<PlaceForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Reviews)?;
    let place = place(form.status.as_deref(), form.after.as_deref());
    let base = public_base(&headers, state.config.trust_proxy);
    let before = current(&state, &c, id, &base).await?;
    let now = crate::util::now_ms();
    let after = match repo::delete_reply(&state.db, c.store.id, id, now, &base).await {
        Ok(r) => r,
        Err(Error::NotFound) => return Err(c.not_found(Area::Reviews)),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &state.db,
        &c.actor(),
        "review.reply_deleted",
        &format!("review {id} ({})", after.sku),
        Some(reply_json(&before)),
        Some(reply_json(&after)),
        now,
    )
    .await?;
    let done = Flash::Review(ReviewFlash::ReplyDeleted);
    Ok(Redirect::to(&url(&place, Some(done), Some(id))).into_response())
}
