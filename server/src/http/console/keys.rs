//! `/console/keys` (owners): the keys, and replacing one.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use super::secrets;
use crate::repo::console::audit;
use crate::repo::stores::{self, KeyKind};
use crate::state::AppState;
use aftercare_console::pages::keys::{keys as page, Keys};
use aftercare_console::text::{Adm, T};
use aftercare_console::{Area, Flash};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

fn end_of(secret: &str) -> &str {
    let n = secret.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    &secret[n..]
}

fn render(
    c: &Console,
    publishable: &str,
    secret: &str,
    new_secret: Option<&str>,
    problem: Option<String>,
) -> String {
    let k = Keys {
        publishable,
        secret_end: end_of(secret),
        new_secret,
        problem,
    };
    page(&c.ctx, &k).into_string()
}

/// The Keys page.
pub async fn get(c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Keys)?;
    Ok(Html(render(
        &c,
        &c.store.publishable_key,
        &c.store.secret_key,
        None,
        None,
    )))
}

/// Form replacing a key.
#[derive(Debug, Deserialize)]
pub struct RotateForm {
    key: String,
    #[serde(default)]
    confirm: String,
}

/// Replace a key: the publishable one redirects with the result; a new secret is shown on
/// the page that answers, once.
pub async fn rotate(
    State(state): State<AppState>,
    posted: Posted<RotateForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Keys)?;
    let kind = match form.key.as_str() {
        "publishable" => KeyKind::Publishable,
        "secret" => KeyKind::Secret,
        _ => return Err(c.not_found(Area::Keys)),
    };
    if form.confirm != "yes" {
        let why = c.ctx.t(T::Admin(Adm::ConfirmNeeded));
        let body = render(
            &c,
            &c.store.publishable_key,
            &c.store.secret_key,
            None,
            Some(why),
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response());
    }
    let random = secrets::token()?;
    let now = crate::util::now_ms();
    match kind {
        KeyKind::Publishable => {
            let new = format!("pk_live_{}", &random[..24]);
            stores::rotate_key(&state.db, c.store.id, kind, &new).await?;
            let (before, after) = (
                serde_json::json!(c.store.publishable_key),
                serde_json::json!(new),
            );
            audit::record(
                &state.db,
                &c.actor(),
                "key.publishable_replaced",
                "publishable key",
                Some(before),
                Some(after),
                now,
            )
            .await?;
            Ok(
                Redirect::to(&format!("/console/keys?done={}", Flash::KeyRotated.code()))
                    .into_response(),
            )
        }
        KeyKind::Secret => {
            let new = format!("sk_live_{random}");
            stores::rotate_key(&state.db, c.store.id, kind, &new).await?;
            // The log names the keys by their ends only: it is readable by every owner.
            let before = serde_json::json!(format!("…{}", end_of(&c.store.secret_key)));
            let after = serde_json::json!(format!("…{}", end_of(&new)));
            audit::record(
                &state.db,
                &c.actor(),
                "key.secret_replaced",
                "secret key",
                Some(before),
                Some(after),
                now,
            )
            .await?;
            Ok(Html(render(&c, &c.store.publishable_key, &new, Some(&new), None)).into_response())
        }
    }
}
