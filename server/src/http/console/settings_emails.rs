//! `/console/settings/emails` (owners): the communication calendar, through the same
//! `calendar::put` (and so `EmailCalendar::validate`) as `PUT /v1/admin/emails/calendar`, and
//! the plan `GET /v1/admin/emails/plan` answers, under it.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::repo::calendar;
use crate::repo::console::audit;
use crate::state::AppState;
use crate::{mail, util};
use aftercare_console::pages::form::Problem;
use aftercare_console::pages::settings_emails::{emails as page, CalendarForm};
use aftercare_console::{Area, Flash};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

/// Messages the page lists (the plan's first page).
const PLAN_ROWS: i64 = 50;

async fn render(
    state: &AppState,
    c: &Console,
    form: &CalendarForm,
    problems: &[Problem],
) -> ConsoleResult<String> {
    let plan = mail::plan(&state.db, c.store.id, PLAN_ROWS, util::now_ms()).await?;
    Ok(page(&c.ctx, form, problems, &plan).into_string())
}

/// The page.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Settings)?;
    let stored = calendar::get(&state.db, c.store.id).await?;
    let form = CalendarForm::from_calendar(&stored);
    Ok(Html(render(&state, &c, &form, &[]).await?))
}

/// Save the calendar: every problem beside its field (422, typing kept), or back to the page.
pub async fn post(
    State(state): State<AppState>,
    posted: Posted<Vec<(String, String)>>,
) -> ConsoleResult<Response> {
    let Posted {
        console: c,
        form: pairs,
    } = posted;
    c.require(Area::Settings)?;
    let form = CalendarForm::from_pairs(&pairs);
    let wanted = match form.to_calendar() {
        Ok(w) => w,
        Err(problems) => return refused(&state, &c, &form, &problems).await,
    };
    let before = calendar::get(&state.db, c.store.id).await?;
    match calendar::put(&state.db, c.store.id, &wanted).await {
        Ok(()) => {}
        Err(Error::Api(e)) => {
            let problems: Vec<Problem> = e.fields.into_iter().map(|f| (f.field, f.issue)).collect();
            return refused(&state, &c, &form, &problems).await;
        }
        Err(e) => return Err(e.into()),
    }
    let after = calendar::get(&state.db, c.store.id).await?;
    let json = |v| serde_json::to_value(v).ok();
    audit::record(
        &state.db,
        &c.actor(),
        "settings.emails.calendar",
        "Email calendar",
        json(&before),
        json(&after),
        util::now_ms(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/console/settings/emails?done={}",
        Flash::SettingsSaved.code()
    ))
    .into_response())
}

async fn refused(
    state: &AppState,
    c: &Console,
    form: &CalendarForm,
    problems: &[Problem],
) -> ConsoleResult<Response> {
    let html = render(state, c, form, problems).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
