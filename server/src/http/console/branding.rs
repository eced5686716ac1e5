//! `/console/settings/branding` (owners): the store's look through the same
//! `repo::branding::put` (and so `Branding::validate`) as `PUT /v1/admin/store/branding`,
//! with the shoppers' widgets previewed under it (so the page runs them: `WIDGET_CSP`).

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use super::shopper_view::{order_pass, widget_page, LOADER};
use crate::error::Error;
use crate::repo::branding;
use crate::repo::console::{audit, orders};
use crate::state::AppState;
use aftercare_console::pages::branding::{branding as page, BrandPreview, BrandingForm};
use aftercare_console::pages::form::Problem;
use aftercare_console::pages::settings_tabs::SettingsTab;
use aftercare_console::{Area, Flash};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

async fn preview(state: &AppState, c: &Console) -> ConsoleResult<BrandPreview> {
    let mut conn = state.db.pool.acquire().await?;
    let sample = orders::sample(&mut conn, c.store.id).await?;
    let now = crate::util::now_ms();
    Ok(BrandPreview {
        loader: LOADER.to_owned(),
        key: c.store.publishable_key.clone(),
        stylesheet: format!("/theme/{}.css", c.store.publishable_key),
        order: sample.map(|n| {
            let pass = order_pass(&c.store, &n, now);
            (n, pass)
        }),
    })
}

/// The Branding page.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Response> {
    c.require(Area::Settings)?;
    let current = branding::get(&state.db, c.store.id).await?;
    let preview = preview(&state, &c).await?;
    let form = BrandingForm::from_branding(&current);
    Ok(widget_page(
        page(&c.ctx, &form, &[], &preview).into_string(),
    ))
}

/// Save the look: every problem beside its field (422, typing kept), or back to the page with
/// the result.
pub async fn post(
    State(state): State<AppState>,
    posted: Posted<BrandingForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Settings)?;
    let preview = preview(&state, &c).await?;
    let refused = |problems: Vec<Problem>| {
        let mut r = widget_page(page(&c.ctx, &form, &problems, &preview).into_string());
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        r
    };
    let doc = match form.to_branding() {
        Ok(doc) => doc,
        Err(problems) => return Ok(refused(problems)),
    };
    let before = branding::get(&state.db, c.store.id).await?;
    match branding::put(&state.db, c.store.id, &doc).await {
        Ok(()) => {}
        Err(Error::Api(e)) => {
            return Ok(refused(
                e.fields.into_iter().map(|f| (f.field, f.issue)).collect(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let json = |b| serde_json::to_value(b).ok();
    audit::record(
        &state.db,
        &c.actor(),
        "settings.branding",
        "branding",
        json(&before),
        json(&doc),
        crate::util::now_ms(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "{}?done={}",
        SettingsTab::Branding.path(),
        Flash::BrandingSaved.code()
    ))
    .into_response())
}
