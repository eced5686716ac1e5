//! `/console/account`: the signed-in user's language, password and second factor.

use super::extract::{Console, NoFields, Posted};
use super::reject::ConsoleResult;
use super::secrets;
use crate::repo::console::{audit, sessions, users};
use crate::state::AppState;
use aftercare_console::pages::account::{account, AccountProblem, Totp};
use aftercare_console::password;
use aftercare_console::Flash;
use aftercare_shared::Locale;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

fn totp_state(c: &Console) -> Totp {
    if c.user.totp_secret.is_some() {
        Totp::On
    } else {
        Totp::Off
    }
}

fn done(flash: Flash) -> Response {
    Redirect::to(&format!("/console/account?done={}", flash.code())).into_response()
}

fn again(c: &Console, totp: &Totp, problem: AccountProblem, status: StatusCode) -> Response {
    (
        status,
        Html(account(&c.ctx, totp, Some(problem)).into_string()),
    )
        .into_response()
}

/// The account page.
pub async fn get(c: Console) -> ConsoleResult<Html<String>> {
    Ok(Html(account(&c.ctx, &totp_state(&c), None).into_string()))
}

/// Form of the language.
#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    locale: String,
}

/// Save the console language.
pub async fn language(
    State(state): State<AppState>,
    posted: Posted<LanguageForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    let locale = Locale::from_tag(&form.locale).unwrap_or(c.user.locale);
    users::set_locale(&state.db, c.user.id, locale).await?;
    let (before, after) = (c.user.locale.tag(), locale.tag());
    audit::record(
        &state.db,
        &c.actor(),
        "user.language",
        &c.user.email,
        Some(serde_json::json!(before)),
        Some(serde_json::json!(after)),
        crate::util::now_ms(),
    )
    .await?;
    Ok(done(Flash::LanguageSaved))
}

/// Form of a password change.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    current: String,
    password: String,
    again: String,
}

/// Change the password (the current one is asked again); other sessions end.
pub async fn password(
    State(state): State<AppState>,
    posted: Posted<PasswordForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    let totp = totp_state(&c);
    if !secrets::verify_password(form.current, c.user.password_hash.clone()).await? {
        return Ok(again(
            &c,
            &totp,
            AccountProblem::WrongPassword,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    if let Some(p) = password::check(&form.password, &form.again, &c.user.email) {
        return Ok(again(
            &c,
            &totp,
            AccountProblem::NewPassword(p),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let hash = secrets::hash_password(form.password).await?;
    users::set_password(&state.db, c.user.id, &hash).await?;
    sessions::delete_others(&state.db, c.user.id, &c.cookie).await?;
    audit::record(
        &state.db,
        &c.actor(),
        "user.password",
        &c.user.email,
        None,
        None,
        crate::util::now_ms(),
    )
    .await?;
    Ok(done(Flash::PasswordChanged))
}

/// Start turning the second factor on: a new secret to scan.
pub async fn totp_start(posted: Posted<NoFields>) -> ConsoleResult<Response> {
    let c = posted.console;
    let secret = secrets::new_totp_secret()?;
    Ok(Html(account(&c.ctx, &enrolling(&c, secret, false), None).into_string()).into_response())
}

fn enrolling(c: &Console, secret: String, wrong: bool) -> Totp {
    let uri = secrets::otpauth_uri(&secret, &c.store.name, &c.user.email);
    let qr_svg = crate::qr::svg(&uri, &c.ctx.t(aftercare_console::text::T::TotpScan), 192);
    Totp::Enrolling {
        qr_svg,
        secret,
        wrong,
    }
}

/// Form confirming the second factor.
#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    secret: String,
    code: String,
}

/// Turn the second factor on once a code of the new secret matches.
pub async fn totp_confirm(
    State(state): State<AppState>,
    posted: Posted<ConfirmForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    let now_s = u64::try_from(crate::util::now_ms() / 1000).unwrap_or(0);
    let valid_secret = form.secret.len() == 32
        && form
            .secret
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || ('2'..='7').contains(&ch));
    if !valid_secret || !secrets::totp_matches(&form.secret, &form.code, now_s) {
        let page = account(&c.ctx, &enrolling(&c, form.secret, true), None);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.into_string())).into_response());
    }
    users::set_totp(&state.db, c.user.id, Some(&form.secret)).await?;
    audit::record(
        &state.db,
        &c.actor(),
        "user.totp_on",
        &c.user.email,
        Some(serde_json::json!(false)),
        Some(serde_json::json!(true)),
        crate::util::now_ms(),
    )
    .await?;
    Ok(done(Flash::TotpOn))
}

/// Form turning the second factor off.
#[derive(Debug, Deserialize)]
pub struct OffForm {
    code: String,
}

/// Turn the second factor off (a current code is asked, so a left-open session cannot).
pub async fn totp_off(
    State(state): State<AppState>,
    posted: Posted<OffForm>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    let now_s = u64::try_from(crate::util::now_ms() / 1000).unwrap_or(0);
    if !c
        .user
        .totp_secret
        .as_deref()
        .is_some_and(|s| secrets::totp_matches(s, &form.code, now_s))
    {
        return Ok(again(
            &c,
            &Totp::On,
            AccountProblem::WrongCode,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    users::set_totp(&state.db, c.user.id, None).await?;
    audit::record(
        &state.db,
        &c.actor(),
        "user.totp_off",
        &c.user.email,
        Some(serde_json::json!(true)),
        Some(serde_json::json!(false)),
        crate::util::now_ms(),
    )
    .await?;
    Ok(done(Flash::TotpOff))
}
