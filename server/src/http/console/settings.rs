//! `/console/settings` (owners): the store's settings document, through the same
//! `stores::put_settings` (and so `StoreSettings::validate`) as `PUT /v1/admin/store/settings`.

use super::extract::Console;
use super::reject::{ConsoleResult, Reject};
use super::secrets::same;
use crate::error::Error;
use crate::repo::console::audit;
use crate::repo::stores;
use crate::state::AppState;
use aftercare_console::html::CSRF_FIELD;
use aftercare_console::pages::settings::{settings as page, Problem, SettingsForm};
use aftercare_console::{Area, Flash};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

/// The Settings page.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Settings)?;
    let current = stores::settings(&state.db, &c.store).await?;
    Ok(Html(
        page(&c.ctx, &SettingsForm::from_settings(&current), &[]).into_string(),
    ))
}

/// Save the settings: every problem at once beside its field (422, typing kept), or back to
/// the page with the result.
pub async fn post(
    State(state): State<AppState>,
    c: Console,
    body: Bytes,
) -> ConsoleResult<Response> {
    c.require(Area::Settings)?;
    // The form's rows are numbered fields (`faq.3.question`), so it is read as pairs; the CSRF
    // check is the same as `Posted`'s.
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&body).map_err(|_| Reject::Csrf(c.ctx.locale))?;
    let token = pairs
        .iter()
        .find(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| v.as_str());
    if !token.is_some_and(|t| same(t, &c.ctx.csrf)) {
        return Err(Reject::Csrf(c.ctx.locale));
    }
    let form = SettingsForm::from_pairs(&pairs);
    let refused = |problems: Vec<Problem>| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(page(&c.ctx, &form, &problems).into_string()),
        )
            .into_response()
    };
    let settings = match form.to_settings() {
        Ok(s) => s,
        Err(problems) => return Ok(refused(problems)),
    };
    let before = stores::settings(&state.db, &c.store).await?;
    match stores::put_settings(&state.db, c.store.id, &settings).await {
        Ok(()) => {}
        Err(Error::Api(e)) => {
            return Ok(refused(
                e.fields.into_iter().map(|f| (f.field, f.issue)).collect(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    // The store's row carries the contacts and thresholds: read it again to log what is stored.
    let saved = stores::by_id(&state.db, c.store.id)
        .await?
        .ok_or(Error::NotFound)?;
    let after = stores::settings(&state.db, &saved).await?;
    let json = |s| serde_json::to_value(s).ok();
    audit::record(
        &state.db,
        &c.actor(),
        "settings.store",
        "store settings",
        json(&before),
        json(&after),
        crate::util::now_ms(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/console/settings?done={}",
        Flash::SettingsSaved.code()
    ))
    .into_response())
}
