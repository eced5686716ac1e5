//! `/console/settings/returns` (owners): the store's return settings document, through the
//! same `returns::put_settings` (and so `ReturnSettings::validate`) as
//! `PUT /v1/admin/returns/settings`.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::repo::console::audit;
use crate::repo::returns;
use crate::state::AppState;
use aftercare_console::pages::form::Problem;
use aftercare_console::pages::settings_returns::{returns_settings as page, ReturnsForm};
use aftercare_console::pages::settings_tabs::SettingsTab;
use aftercare_console::{Area, Flash};
use aftercare_shared::api::ReturnSettings;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

async fn stored(state: &AppState, c: &Console) -> ConsoleResult<ReturnSettings> {
    let mut conn = state.db.pool.acquire().await.map_err(Error::from)?;
    Ok(returns::settings(&mut conn, c.store.id).await?)
}

/// The Returns tab.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Settings)?;
    let form = ReturnsForm::from_settings(&stored(&state, &c).await?);
    Ok(Html(page(&c.ctx, &form, &[]).into_string()))
}

/// Save the return settings: every problem at once beside its field (422, typing kept), or
/// back to the tab with the result. The reason rows are numbered fields
/// (`reason.3.label.es`), so the form is read as pairs.
pub async fn post(
    State(state): State<AppState>,
    posted: Posted<Vec<(String, String)>>,
) -> ConsoleResult<Response> {
    let Posted {
        console: c,
        form: pairs,
    } = posted;
    c.require(Area::Settings)?;
    let form = ReturnsForm::from_pairs(&pairs);
    let refused = |problems: Vec<Problem>| {
        let html = page(&c.ctx, &form, &problems).into_string();
        (StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response()
    };
    let settings = match form.to_settings() {
        Ok(s) => s,
        Err(problems) => return Ok(refused(problems)),
    };
    let before = stored(&state, &c).await?;
    match returns::put_settings(&state.db, c.store.id, &settings).await {
        Ok(()) => {}
        Err(Error::Api(e)) => {
            return Ok(refused(
                e.fields.into_iter().map(|f| (f.field, f.issue)).collect(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let after = stored(&state, &c).await?;
    let json = |s| serde_json::to_value(s).ok();
    audit::record(
        &state.db,
        &c.actor(),
        "settings.returns",
        "return settings",
        json(&before),
        json(&after),
        crate::util::now_ms(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "{}?done={}",
        SettingsTab::Returns.path(),
        Flash::SettingsSaved.code()
    ))
    .into_response())
}
