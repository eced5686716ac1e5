//! Signing in: email and password, then, for users who turned it on, the 6-digit code of
//! their authenticator app (a second step, so the code is only asked of those who have one).

use crate::html::{alert, CSRF_FIELD};
use crate::layout::bare;
use crate::text::{t, T};
use aftercare_shared::Locale;
use maud::{html, Markup};

/// Why the sign-in form is shown again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInNote {
    /// Wrong email or password (never says which).
    Wrong,
    /// Too many attempts: try again in this many seconds.
    Throttled(u64),
    /// The previous session ran out (idle or absolute expiry) or was signed out elsewhere.
    Expired,
    /// The user just signed out.
    SignedOut,
    /// The form was posted without its token (an old tab, or another site).
    Stale,
}

/// The sign-in form, keeping the typed `email`; `token` is the anti-forgery token the
/// server also set as a cookie; `next` is where to go after signing in.
pub fn sign_in(
    locale: Locale,
    email: &str,
    note: Option<SignInNote>,
    token: &str,
    next: Option<&str>,
) -> Markup {
    let title = t(locale, T::SignInHeading);
    let body = html! {
        @match note {
            Some(SignInNote::SignedOut) => div class="flash" role="status" { (t(locale, T::SignedOut)) },
            Some(n) => (alert(&t(locale, match n {
                SignInNote::Wrong => T::BadCredentials,
                SignInNote::Throttled(s) => T::Throttled(s),
                SignInNote::Expired => T::SessionEnded,
                SignInNote::Stale | SignInNote::SignedOut => T::StaleForm,
            }))),
            None => {},
        }
        form method="post" action="/console/sign-in" class="stack" {
            input type="hidden" name=(CSRF_FIELD) value=(token);
            @if let Some(next) = next { input type="hidden" name="next" value=(next); }
            label for="email" { (t(locale, T::Email)) }
            input id="email" name="email" type="email" autocomplete="username" required
                value=(email) autofocus[email.is_empty()];
            label for="password" { (t(locale, T::Password)) }
            input id="password" name="password" type="password" autocomplete="current-password"
                required autofocus[!email.is_empty()];
            button type="submit" class="primary" { (t(locale, T::SignIn)) }
        }
    };
    bare(locale, &title, body)
}

/// The second step: the authenticator code. `csrf` is the pending session's token.
pub fn code_step(locale: Locale, csrf: &str, wrong: bool) -> Markup {
    let title = t(locale, T::CodeHeading);
    let body = html! {
        @if wrong { (alert(&t(locale, T::BadCode))) }
        form method="post" action="/console/sign-in/code" class="stack" {
            input type="hidden" name=(CSRF_FIELD) value=(csrf);
            label for="code" { (t(locale, T::CodeLabel)) }
            p class="hint" id="code-hint" { (t(locale, T::CodeHint)) }
            input id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
                pattern="[0-9]{6}" maxlength="6" required autofocus aria-describedby="code-hint";
            button type="submit" class="primary" { (t(locale, T::Verify)) }
        }
    };
    bare(locale, &title, body)
}
