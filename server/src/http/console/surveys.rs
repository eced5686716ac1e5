//! `/console/surveys`: the NPS and CSAT reports with charts, comments by category, "mark
//! followed up", and the CSV of every response.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::http::plumbing::{csv_response, svg_response};
use crate::repo::console::audit;
use crate::repo::surveys as repo;
use crate::state::AppState;
use aftercare_console::pages::surveys::{surveys, CommentFilter};
use aftercare_console::{Area, Flash};
use aftercare_shared::api::ReportComment;
use aftercare_shared::survey::SurveyKind;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Weeks the report covers.
const WEEKS: u32 = 12;
/// Comments per page.
const PAGE: usize = 20;

fn kind_of(c: &Console, raw: &str) -> ConsoleResult<SurveyKind> {
    match raw {
        "nps" => Ok(SurveyKind::Nps),
        "csat" => Ok(SurveyKind::Csat),
        _ => Err(c.not_found(Area::Surveys)),
    }
}

/// `/console/surveys` opens NPS.
pub async fn index(c: Console) -> ConsoleResult<Redirect> {
    c.require(Area::Surveys)?;
    Ok(Redirect::to("/console/surveys/nps"))
}

/// Query of a report page.
#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    show: Option<String>,
    page: Option<usize>,
}

/// One survey's report.
pub async fn report(
    State(state): State<AppState>,
    c: Console,
    Path(kind): Path<String>,
    Query(q): Query<ReportQuery>,
) -> ConsoleResult<Html<String>> {
    c.require(Area::Surveys)?;
    let kind = kind_of(&c, &kind)?;
    let report = repo::report(&state.db, c.store.id, kind, WEEKS, crate::util::now_ms()).await?;
    let filter = CommentFilter::parse(q.show.as_deref().unwrap_or(""));
    let kept: Vec<&ReportComment> = report.comments.iter().filter(|x| filter.keeps(x)).collect();
    let page = q.page.unwrap_or(0).min(kept.len() / PAGE);
    let shown: Vec<ReportComment> = kept
        .iter()
        .skip(page * PAGE)
        .take(PAGE)
        .map(|x| (*x).clone())
        .collect();
    let base = format!("/console/surveys/{}?show={}", kind.as_str(), filter.code());
    let first = (page > 0).then(|| base.clone());
    let next = (kept.len() > (page + 1) * PAGE).then(|| format!("{base}&page={}", page + 1));
    Ok(Html(
        surveys(
            &c.ctx,
            &report,
            filter,
            &shown,
            first.as_deref(),
            next.as_deref(),
        )
        .into_string(),
    ))
}

/// A chart of one survey (`trend.svg`, `distribution.svg`).
pub async fn chart(
    State(state): State<AppState>,
    c: Console,
    Path((kind, chart)): Path<(String, String)>,
) -> ConsoleResult<Response> {
    c.require(Area::Surveys)?;
    let kind = kind_of(&c, &kind)?;
    let report = repo::report(&state.db, c.store.id, kind, WEEKS, crate::util::now_ms()).await?;
    let svg = match chart.as_str() {
        "trend.svg" => crate::charts::trend_svg(kind, &report.weekly),
        "distribution.svg" => crate::charts::distribution_svg(kind, &report.distribution),
        _ => return Err(c.not_found(Area::Surveys)),
    };
    Ok(svg_response(svg))
}

/// Every response of one survey as CSV.
pub async fn csv(
    State(state): State<AppState>,
    c: Console,
    Path(kind): Path<String>,
) -> ConsoleResult<Response> {
    c.require(Area::Surveys)?;
    let kind = kind_of(&c, &kind)?;
    let rows = repo::all_responses(&state.db, c.store.id, kind).await?;
    Ok(csv_response(&repo::csv_filename(kind), repo::to_csv(kind, &rows)).into_response())
}

/// Form of "mark followed up".
#[derive(Debug, Deserialize)]
pub struct FollowedUpForm {
    kind: String,
}

/// Mark a response followed up, back to its report.
pub async fn followed_up(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<FollowedUpForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Surveys)?;
    let kind = kind_of(&c, &form.kind)?;
    if !repo::valid_response_id(&id) {
        return Err(c.not_found(Area::Surveys));
    }
    let now = crate::util::now_ms();
    let Some(at) = repo::mark_followed_up(&state.db, c.store.id, &id, now).await? else {
        return Err(c.not_found(Area::Surveys));
    };
    let after = serde_json::json!({ "followed_up_at_ms": at });
    audit::record(
        &state.db,
        &c.actor(),
        "survey.followed_up",
        &id,
        Some(serde_json::json!({ "followed_up": false })),
        Some(after),
        now,
    )
    .await?;
    let to = format!(
        "/console/surveys/{}?show=follow-up&done={}",
        kind.as_str(),
        Flash::FollowedUp.code()
    );
    Ok(Redirect::to(&to).into_response())
}
