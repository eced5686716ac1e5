//! `/console/users` (owners): list, add (a one-time setup link shown once), a new link for
//! someone who has not used theirs, remove.

use super::extract::{Console, NoFields, Posted};
use super::reject::ConsoleResult;
use super::secrets;
use crate::error::Error;
use crate::http::returns::public_base;
use crate::repo::console::users::{self, KeepUser};
use crate::repo::console::{audit, sessions};
use crate::state::AppState;
use aftercare_console::pages::users::{users as page, AddFailed, SetupLink, UserRow};
use aftercare_console::text::{Adm, T};
use aftercare_console::{Area, Flash, Role};
use aftercare_shared::{Email, Locale};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

async fn render(
    state: &AppState,
    c: &Console,
    link: Option<&SetupLink>,
    failed: Option<&AddFailed>,
    problem: Option<&str>,
) -> ConsoleResult<String> {
    let rows: Vec<UserRow> = users::list(&state.db, c.store.id)
        .await?
        .into_iter()
        .map(|l| UserRow {
            id: l.user.id,
            email: l.user.email,
            role: l.user.role,
            totp: l.user.totp_secret.is_some(),
            pending: l.pending,
            created_at_ms: l.created_at_ms,
        })
        .collect();
    Ok(page(&c.ctx, c.user.id, &rows, link, failed, problem).into_string())
}

/// The Users page.
pub async fn list(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Users)?;
    Ok(Html(render(&state, &c, None, None, None).await?))
}

fn setup_url(state: &AppState, headers: &HeaderMap, token: &str) -> String {
    format!(
        "{}/console/setup/{token}",
        public_base(headers, state.config.trust_proxy)
    )
}

/// Form adding a user.
#[derive(Debug, Deserialize)]
pub struct AddForm {
    email: String,
    role: String,
    locale: String,
}

/// Add a user: the page again, with their one-time link.
pub async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    posted: Posted<AddForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Users)?;
    let role = Role::parse(&form.role).unwrap_or(Role::Agent);
    let locale = Locale::from_tag(&form.locale).unwrap_or(c.user.locale);
    let typed = form.email.trim().to_owned();
    let refusal = match Email::parse(&typed) {
        Err(_) => Err((
            c.ctx.t(T::Admin(Adm::EmailInvalid)),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Ok(email) => {
            let token = secrets::token()?;
            let now = crate::util::now_ms();
            let hash = sessions::hash(&token);
            match users::add(&state.db, c.store.id, &email, role, locale, &hash, now).await {
                Ok(added) => Ok((added, token, now)),
                Err(Error::Conflict(_)) => {
                    let taken = email.as_str();
                    Err((
                        c.ctx.t(T::Admin(Adm::EmailTaken(taken))),
                        StatusCode::CONFLICT,
                    ))
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    match refusal {
        Err((why, status)) => {
            let failed = AddFailed {
                email: typed,
                role,
                locale,
                why,
            };
            let body = render(&state, &c, None, Some(&failed), None).await?;
            Ok((status, Html(body)).into_response())
        }
        Ok((added, token, now)) => {
            let after = serde_json::json!({ "role": role.as_str(), "locale": locale.tag() });
            audit::record(
                &state.db,
                &c.actor(),
                "user.added",
                &added.email,
                None,
                Some(after),
                now,
            )
            .await?;
            let link = SetupLink {
                email: added.email,
                url: setup_url(&state, &headers, &token),
            };
            Ok(Html(render(&state, &c, Some(&link), None, None).await?).into_response())
        }
    }
}

/// A new setup link for someone who has not used theirs (the old one stops working).
pub async fn setup_link(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    posted: Posted<NoFields>,
) -> ConsoleResult<Response> {
    let c = posted.console;
    c.require(Area::Users)?;
    let token = secrets::token()?;
    let now = crate::util::now_ms();
    if !users::reissue_setup(&state.db, c.store.id, id, &sessions::hash(&token), now).await? {
        return Err(c.not_found(Area::Users));
    }
    let email = users::list(&state.db, c.store.id)
        .await?
        .into_iter()
        .find(|l| l.user.id == id)
        .map(|l| l.user.email)
        .ok_or_else(|| c.not_found(Area::Users))?;
    audit::record(
        &state.db,
        &c.actor(),
        "user.setup_link",
        &email,
        None,
        None,
        now,
    )
    .await?;
    let link = SetupLink {
        email,
        url: setup_url(&state, &headers, &token),
    };
    Ok(Html(render(&state, &c, Some(&link), None, None).await?).into_response())
}

/// Remove a user (not yourself, not the last owner).
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    posted: Posted<NoFields>,
) -> ConsoleResult<Response> {
    let c = posted.console;
    c.require(Area::Users)?;
    let now = crate::util::now_ms();
    match users::remove(&state.db, c.store.id, id, c.user.id, now).await? {
        None => Err(c.not_found(Area::Users)),
        Some(Err(keep)) => {
            let why = c.ctx.t(T::Admin(match keep {
                KeepUser::Yourself => Adm::KeepYourself,
                KeepUser::LastOwner => Adm::KeepLastOwner,
            }));
            Ok((
                StatusCode::CONFLICT,
                Html(render(&state, &c, None, None, Some(&why)).await?),
            )
                .into_response())
        }
        Some(Ok(gone)) => {
            let before = serde_json::json!({ "role": gone.role.as_str() });
            audit::record(
                &state.db,
                &c.actor(),
                "user.removed",
                &gone.email,
                Some(before),
                None,
                now,
            )
            .await?;
            Ok(Redirect::to(&format!(
                "/console/users?done={}",
                Flash::UserRemoved.code()
            ))
            .into_response())
        }
    }
}
