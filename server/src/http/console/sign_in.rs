//! Signing in and out, the second factor's step, and the one-time setup link. The forms
//! before a session exists carry a double-submit token (cookie + field); every sign-in
//! starts a new session id, so a session fixed before sign-in is worth nothing.

use super::extract::{
    cookie, form_field, safe_next, set_cookie, NoFields, Posted, FORM_COOKIE, SESSION_COOKIE,
};
use super::reject::{sign_in_url, ConsoleResult};
use super::secrets::{self, same};
use crate::auth::ClientIp;
use crate::error::Error;
use crate::repo::console::audit::{self, Actor};
use crate::repo::console::sessions::{self, Stage, ABSOLUTE_MS, CODE_STAGE_MS};
use crate::repo::console::users::{self, ConsoleUser};
use crate::repo::stores;
use crate::state::AppState;
use aftercare_console::pages::setup::{setup, setup_gone};
use aftercare_console::pages::sign_in::{code_step, sign_in, SignInNote};
use aftercare_console::password;
use aftercare_shared::Locale;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Query of the sign-in page.
#[derive(Debug, Default, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
    ended: Option<String>,
    out: Option<String>,
}

fn locale_of(headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Locale::negotiate(accept.split(',').map(|p| p.split(';').next().unwrap_or("")))
}

/// The sign-in page with a fresh form token, `status` and the typed `email` kept.
fn sign_in_page(
    headers: &HeaderMap,
    status: StatusCode,
    email: &str,
    note: Option<SignInNote>,
    next: Option<&str>,
) -> ConsoleResult<Response> {
    let token = secrets::token()?;
    let page = sign_in(
        locale_of(headers),
        email,
        note,
        &token,
        next.filter(|n| safe_next(n)),
    );
    let mut response = (status, Html(page.into_string())).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(FORM_COOKIE, &token, 3600)
            .parse()
            .expect("cookie"),
    );
    if let Some(SignInNote::Throttled(secs)) = note {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, secs.into());
    }
    Ok(response)
}

/// `GET /console/sign-in`.
pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<SignInQuery>,
) -> ConsoleResult<Response> {
    if let Some(c) = cookie(&headers, SESSION_COOKIE) {
        let live = sessions::find(&state.db, &c, crate::util::now_ms()).await?;
        if live.is_some_and(|s| s.stage == Stage::Active) {
            return Ok(Redirect::to("/console").into_response());
        }
    }
    let note = if q.out.is_some() {
        Some(SignInNote::SignedOut)
    } else if q.ended.is_some() {
        Some(SignInNote::Expired)
    } else {
        None
    };
    sign_in_page(&headers, StatusCode::OK, "", note, q.next.as_deref())
}

fn form_token_ok(headers: &HeaderMap, body: &Bytes) -> bool {
    let (Some(c), Some(f)) = (
        cookie(headers, FORM_COOKIE),
        form_field(body, aftercare_console::html::CSRF_FIELD),
    ) else {
        return false;
    };
    same(&c, &f)
}

/// Start a session for `user` at `stage`, replacing any session the browser had; the
/// response redirects to `to`.
async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user: &ConsoleUser,
    stage: Stage,
    to: &str,
) -> ConsoleResult<Response> {
    if let Some(old) = cookie(headers, SESSION_COOKIE) {
        sessions::delete(&state.db, &old).await?;
    }
    let (id, csrf) = (secrets::token()?, secrets::token()?);
    let now = crate::util::now_ms();
    sessions::create(&state.db, &id, user.id, &csrf, stage, now).await?;
    let lifetime = match stage {
        Stage::Code => CODE_STAGE_MS,
        Stage::Active => ABSOLUTE_MS,
    };
    let mut response = Redirect::to(to).into_response();
    let h = response.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, &id, lifetime / 1000)
            .parse()
            .expect("cookie"),
    );
    h.append(
        header::SET_COOKIE,
        set_cookie(FORM_COOKIE, "", 0).parse().expect("cookie"),
    );
    Ok(response)
}

async fn audit_sign_in(state: &AppState, user: &ConsoleUser, action: &str) -> ConsoleResult<()> {
    let actor = Actor {
        store_id: user.store_id,
        user_id: user.id,
        email: &user.email,
    };
    audit::record(
        &state.db,
        &actor,
        action,
        &user.email,
        None,
        None,
        crate::util::now_ms(),
    )
    .await?;
    Ok(())
}

/// `POST /console/sign-in`: email and password.
pub async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> ConsoleResult<Response> {
    let email = form_field(&body, "email").unwrap_or_default();
    let next = form_field(&body, "next").filter(|n| safe_next(n));
    if !form_token_ok(&headers, &body) {
        return sign_in_page(
            &headers,
            StatusCode::FORBIDDEN,
            &email,
            Some(SignInNote::Stale),
            next.as_deref(),
        );
    }
    let password = form_field(&body, "password").unwrap_or_default();
    if password.chars().count() > password::MAX_CHARS || email.len() > 320 {
        return sign_in_page(
            &headers,
            StatusCode::UNAUTHORIZED,
            &email,
            Some(SignInNote::Wrong),
            next.as_deref(),
        );
    }
    let user = users::by_email(&state.db, &email).await?;
    if let Some(user) = &user {
        let store = stores::by_id(&state.db, user.store_id)
            .await?
            .ok_or(Error::NotFound)?;
        match state
            .limits
            .check_console(&state.db, &store, user.id, ip)
            .await
        {
            Err(Error::RateLimited(secs)) => {
                let note = Some(SignInNote::Throttled(secs));
                return sign_in_page(
                    &headers,
                    StatusCode::TOO_MANY_REQUESTS,
                    &email,
                    note,
                    next.as_deref(),
                );
            }
            other => other?,
        }
    }
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let ok = secrets::verify_password(password, hash).await?;
    let Some(user) = user.filter(|_| ok) else {
        return sign_in_page(
            &headers,
            StatusCode::UNAUTHORIZED,
            &email,
            Some(SignInNote::Wrong),
            next.as_deref(),
        );
    };
    if user.totp_secret.is_some() {
        let to = match &next {
            Some(n) => format!(
                "/console/sign-in/code?next={}",
                aftercare_console::html::query_value(n)
            ),
            None => "/console/sign-in/code".to_owned(),
        };
        return start_session(&state, &headers, &user, Stage::Code, &to).await;
    }
    audit_sign_in(&state, &user, "user.sign_in").await?;
    start_session(
        &state,
        &headers,
        &user,
        Stage::Active,
        next.as_deref().unwrap_or("/console"),
    )
    .await
}

/// The user of a session waiting for its code, or a redirect to sign in.
async fn code_session(
    state: &AppState,
    headers: &HeaderMap,
) -> ConsoleResult<Option<(String, sessions::Session, ConsoleUser)>> {
    let Some(c) = cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let Some(s) = sessions::find(&state.db, &c, crate::util::now_ms()).await? else {
        return Ok(None);
    };
    if s.stage != Stage::Code {
        return Ok(None);
    }
    Ok(users::by_id(&state.db, s.user_id).await?.map(|u| (c, s, u)))
}

/// `GET /console/sign-in/code`.
pub async fn code_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ConsoleResult<Response> {
    match code_session(&state, &headers).await? {
        Some((_, s, u)) => {
            Ok(Html(code_step(u.locale, &s.csrf, false).into_string()).into_response())
        }
        None => Ok(Redirect::to(&sign_in_url(None, Some(SignInNote::Expired))).into_response()),
    }
}

/// `POST /console/sign-in/code`: the second factor.
pub async fn code_submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Query(q): Query<SignInQuery>,
    body: Bytes,
) -> ConsoleResult<Response> {
    let Some((_, session, user)) = code_session(&state, &headers).await? else {
        return Ok(Redirect::to(&sign_in_url(None, Some(SignInNote::Expired))).into_response());
    };
    if !form_field(&body, aftercare_console::html::CSRF_FIELD)
        .is_some_and(|t| same(&t, &session.csrf))
    {
        return Ok((
            StatusCode::FORBIDDEN,
            Html(code_step(user.locale, &session.csrf, false).into_string()),
        )
            .into_response());
    }
    let store = stores::by_id(&state.db, user.store_id)
        .await?
        .ok_or(Error::NotFound)?;
    match state
        .limits
        .check_console(&state.db, &store, user.id, ip)
        .await
    {
        Err(Error::RateLimited(secs)) => {
            let note = Some(SignInNote::Throttled(secs));
            return sign_in_page(
                &headers,
                StatusCode::TOO_MANY_REQUESTS,
                &user.email,
                note,
                None,
            );
        }
        other => other?,
    }
    let code = form_field(&body, "code").unwrap_or_default();
    let now_s = u64::try_from(crate::util::now_ms() / 1000).unwrap_or(0);
    if !user
        .totp_secret
        .as_deref()
        .is_some_and(|s| secrets::totp_matches(s, &code, now_s))
    {
        return Ok((
            StatusCode::UNAUTHORIZED,
            Html(code_step(user.locale, &session.csrf, true).into_string()),
        )
            .into_response());
    }
    audit_sign_in(&state, &user, "user.sign_in").await?;
    let next = q.next.filter(|n| safe_next(n));
    start_session(
        &state,
        &headers,
        &user,
        Stage::Active,
        next.as_deref().unwrap_or("/console"),
    )
    .await
}

/// `POST /console/sign-out`.
pub async fn sign_out(
    State(state): State<AppState>,
    posted: Posted<NoFields>,
) -> ConsoleResult<Response> {
    let c = posted.console;
    sessions::delete(&state.db, &c.cookie).await?;
    audit::record(
        &state.db,
        &c.actor(),
        "user.sign_out",
        &c.user.email,
        None,
        None,
        crate::util::now_ms(),
    )
    .await?;
    let mut response =
        Redirect::to(&sign_in_url(None, Some(SignInNote::SignedOut))).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0).parse().expect("cookie"),
    );
    Ok(response)
}

fn setup_form(
    locale: Locale,
    token: &str,
    email: &str,
    problem: Option<password::PasswordProblem>,
    status: StatusCode,
) -> ConsoleResult<Response> {
    let form_token = secrets::token()?;
    let mut response = (
        status,
        Html(setup(locale, token, email, problem, &form_token).into_string()),
    )
        .into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(FORM_COOKIE, &form_token, 3600)
            .parse()
            .expect("cookie"),
    );
    Ok(response)
}

/// `GET /console/setup/{token}`: the one-time link's password form.
pub async fn setup_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> ConsoleResult<Response> {
    let now = crate::util::now_ms();
    match users::by_setup(&state.db, &sessions::hash(&token), now).await? {
        Some(user) => setup_form(user.locale, &token, &user.email, None, StatusCode::OK),
        None => Ok((
            StatusCode::NOT_FOUND,
            Html(setup_gone(locale_of(&headers)).into_string()),
        )
            .into_response()),
    }
}

/// `POST /console/setup/{token}`: set the first password, then sign in.
pub async fn setup_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    body: Bytes,
) -> ConsoleResult<Response> {
    let now = crate::util::now_ms();
    let setup_hash = sessions::hash(&token);
    let Some(user) = users::by_setup(&state.db, &setup_hash, now).await? else {
        return Ok((
            StatusCode::NOT_FOUND,
            Html(setup_gone(locale_of(&headers)).into_string()),
        )
            .into_response());
    };
    if !form_token_ok(&headers, &body) {
        return setup_form(
            user.locale,
            &token,
            &user.email,
            None,
            StatusCode::FORBIDDEN,
        );
    }
    let pw = form_field(&body, "password").unwrap_or_default();
    let again = form_field(&body, "again").unwrap_or_default();
    if let Some(problem) = password::check(&pw, &again, &user.email) {
        return setup_form(
            user.locale,
            &token,
            &user.email,
            Some(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hash = secrets::hash_password(pw).await?;
    if !users::finish_setup(&state.db, &setup_hash, &hash, now).await? {
        return Ok((
            StatusCode::NOT_FOUND,
            Html(setup_gone(user.locale).into_string()),
        )
            .into_response());
    }
    audit_sign_in(&state, &user, "user.setup").await?;
    start_session(&state, &headers, &user, Stage::Active, "/console").await
}
