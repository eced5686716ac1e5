//! `/console/settings/reviews` (owners): the review settings document, checked by the same
//! `ReviewSettingsInput::validate` as `PUT /v1/admin/reviews/settings` and saved through the
//! same `reviews::put_settings`.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::repo::console::audit;
use crate::repo::reviews;
use crate::state::AppState;
use aftercare_console::pages::form::Problem;
use aftercare_console::pages::settings_reviews::{form_problems, reviews as page, ReviewsForm};
use aftercare_console::{Area, Flash};
use aftercare_shared::api::{ReviewSettings, ReviewSettingsInput};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

async fn stored(state: &AppState, c: &Console) -> ConsoleResult<ReviewSettings> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(reviews::settings(&mut conn, c.store.id).await?)
}

/// The page.
pub async fn get(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Settings)?;
    let form = ReviewsForm::from_settings(&stored(&state, &c).await?);
    Ok(Html(page(&c.ctx, &form, &[]).into_string()))
}

/// Save: every problem beside its field (422, typing kept), or back to the page.
pub async fn post(
    State(state): State<AppState>,
    posted: Posted<Vec<(String, String)>>,
) -> ConsoleResult<Response> {
    let Posted {
        console: c,
        form: pairs,
    } = posted;
    c.require(Area::Settings)?;
    let form = ReviewsForm::from_pairs(&pairs);
    let refused = |problems: Vec<Problem>| {
        let html = page(&c.ctx, &form, &problems).into_string();
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
    };
    let typed = match form.to_settings() {
        Ok(s) => s,
        Err(problems) => return refused(problems),
    };
    // The form never sends the rating-gated fields the API refuses; the rest of the rules are
    // the API's own.
    let input = ReviewSettingsInput {
        settings: typed,
        auto_publish_min_rating: None,
        reward_min_rating: None,
    };
    let settings = match input.validate() {
        Ok(s) => s,
        Err(e) => {
            return refused(form_problems(
                e.fields.into_iter().map(|f| (f.field, f.issue)),
            ))
        }
    };
    let before = stored(&state, &c).await?;
    let now = crate::util::now_ms();
    let after = reviews::put_settings(&state.db, c.store.id, &settings, now).await?;
    let json = |s| serde_json::to_value(s).ok();
    audit::record(
        &state.db,
        &c.actor(),
        "settings.reviews",
        "review settings",
        json(&before),
        json(&after),
        now,
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/console/settings/reviews?done={}",
        Flash::SettingsSaved.code()
    ))
    .into_response())
}
