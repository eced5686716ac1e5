//! `/console/settings` (owners): the store's settings document, through the same
//! `stores::put_settings` (and so `StoreSettings::validate`) as `PUT /v1/admin/store/settings`.

use super::extract::Console;
use super::extract::Posted;
use super::reject::{ConsoleResult, Reject};
use super::secrets::same;
use crate::error::Error;
use crate::repo::console::audit;
use crate::repo::stores;
use crate::state::AppState;
use aftercare_console::html::CSRF_FIELD;
use aftercare_console::pages::form::Problem;
use aftercare_console::pages::settings::{settings as page, Origins, SettingsForm};
use aftercare_console::{Area, Flash};
use aftercare_shared::api::{origin_issue, MAX_ORIGINS};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

/// The Settings page.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Settings)?;
    let current = stores::settings(&state.db, &c.store).await?;
    let origins = stored_origins(&state, &c).await?;
    let form = SettingsForm::from_settings(&current);
    Ok(Html(page(&c.ctx, &form, &[], &origins).into_string()))
}

async fn stored_origins(state: &AppState, c: &Console) -> ConsoleResult<Origins> {
    let mut list = stores::origins(&state.db, c.store.id).await?;
    list.sort();
    Ok(Origins {
        text: list.join("\n"),
        ..Origins::default()
    })
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
    let origins = stored_origins(&state, &c).await?;
    let refused = |problems: Vec<Problem>| {
        let html = page(&c.ctx, &form, &problems, &origins).into_string();
        (StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response()
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

/// Form of the allowed origins.
#[derive(Debug, serde::Deserialize)]
pub struct OriginsForm {
    #[serde(default)]
    origins: String,
}

/// Save the allowed origins (one per line, in lower case; a trailing `/` is dropped, since
/// browsers never send one): every refused line named (422, typing kept), or back to the page.
pub async fn post_origins(
    State(state): State<AppState>,
    posted: Posted<OriginsForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Settings)?;
    let mut list: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in form.origins.lines().enumerate() {
        // Browsers send origins in lower case; a host is case-insensitive anyway.
        let entry = line.trim().trim_end_matches('/').to_ascii_lowercase();
        let entry = entry.as_str();
        if entry.is_empty() {
            continue;
        }
        match origin_issue(entry) {
            Some(issue) => problems.push((i + 1, issue)),
            None if !list.iter().any(|o| o.eq_ignore_ascii_case(entry)) => {
                list.push(entry.to_owned());
            }
            None => {}
        }
    }
    let too_many = list.len() > MAX_ORIGINS;
    if too_many || !problems.is_empty() {
        let current = stores::settings(&state.db, &c.store).await?;
        let origins = Origins {
            text: form.origins,
            problems,
            too_many,
        };
        let html = page(
            &c.ctx,
            &SettingsForm::from_settings(&current),
            &[],
            &origins,
        )
        .into_string();
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    }
    let mut before = stores::origins(&state.db, c.store.id).await?;
    before.sort();
    stores::put_origins(&state.db, c.store.id, &list).await?;
    // This instance answers CORS with the new list at once; others within their refresh.
    state.refresh_origins().await?;
    audit::record(
        &state.db,
        &c.actor(),
        "settings.origins",
        "allowed origins",
        Some(serde_json::json!(before)),
        Some(serde_json::json!(list)),
        crate::util::now_ms(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/console/settings?done={}",
        Flash::SettingsSaved.code()
    ))
    .into_response())
}
