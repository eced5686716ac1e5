//! `/console/settings/surveys` (owners): each survey kind's rules and wording, through the same
//! `surveys::put_settings` (and so `SurveySettings::validate`) as
//! `PUT /v1/admin/surveys/{kind}/settings`.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::repo::console::audit;
use crate::repo::surveys;
use crate::state::AppState;
use aftercare_console::pages::form::Problem;
use aftercare_console::pages::settings_surveys::{surveys as page, SurveyForm, KINDS};
use aftercare_console::{Area, Flash};
use aftercare_shared::survey::SurveyKind;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

/// Every kind's form showing what is stored, except `typed` (a refused save) shown as typed.
async fn forms(
    state: &AppState,
    c: &Console,
    typed: Option<&SurveyForm>,
) -> ConsoleResult<Vec<SurveyForm>> {
    let mut out = Vec::new();
    for kind in KINDS {
        match typed.filter(|f| f.kind == kind) {
            Some(f) => out.push(f.clone()),
            None => {
                let stored = surveys::settings(&state.db, c.store.id, kind).await?;
                out.push(SurveyForm::from_settings(kind, &stored));
            }
        }
    }
    Ok(out)
}

/// The page.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Settings)?;
    let forms = forms(&state, &c, None).await?;
    Ok(Html(page(&c.ctx, &forms, &[]).into_string()))
}

/// Save one kind: every problem beside its field (422, typing kept), or back to the page.
pub async fn post(
    State(state): State<AppState>,
    Path(kind): Path<String>,
    posted: Posted<Vec<(String, String)>>,
) -> ConsoleResult<Response> {
    let Posted {
        console: c,
        form: pairs,
    } = posted;
    c.require(Area::Settings)?;
    let kind = SurveyKind::from_wire(&kind).ok_or_else(|| c.not_found(Area::Settings))?;
    let form = SurveyForm::from_pairs(kind, &pairs);
    let settings = match form.to_settings() {
        Ok(s) => s,
        Err(problems) => return refused(&state, &c, &form, &problems).await,
    };
    let before = surveys::settings(&state.db, c.store.id, kind).await?;
    match surveys::put_settings(&state.db, c.store.id, kind, &settings).await {
        Ok(()) => {}
        Err(Error::Api(e)) => {
            let problems = form.problems(e.fields.into_iter().map(|f| (f.field, f.issue)));
            return refused(&state, &c, &form, &problems).await;
        }
        Err(e) => return Err(e.into()),
    }
    let after = surveys::settings(&state.db, c.store.id, kind).await?;
    let json = |s| serde_json::to_value(s).ok();
    audit::record(
        &state.db,
        &c.actor(),
        &format!("settings.surveys.{}", kind.as_str()),
        &format!("{} survey settings", kind.as_str().to_uppercase()),
        json(&before),
        json(&after),
        crate::util::now_ms(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/console/settings/surveys?done={}",
        Flash::SettingsSaved.code()
    ))
    .into_response())
}

async fn refused(
    state: &AppState,
    c: &Console,
    form: &SurveyForm,
    problems: &[Problem],
) -> ConsoleResult<Response> {
    let forms = forms(state, c, Some(form)).await?;
    let html = page(&c.ctx, &forms, problems).into_string();
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
