//! The one-time setup link a new user opens (`aftercare-server user add` prints it): choose
//! a password, then land signed in.

use crate::html::{alert, CSRF_FIELD};
use crate::layout::bare;
use crate::password::{PasswordProblem, MAX_CHARS, MIN_CHARS};
use crate::text::{t, T};
use aftercare_shared::Locale;
use maud::{html, Markup};

/// The password form for `email` behind setup link `token`; `problem` when the last try was
/// refused; `csrf` the anti-forgery token also set as a cookie.
pub fn setup(
    locale: Locale,
    token: &str,
    email: &str,
    problem: Option<PasswordProblem>,
    csrf: &str,
) -> Markup {
    let title = t(locale, T::SetupHeading);
    let body = html! {
        p { (t(locale, T::SetupIntro(email))) }
        @if let Some(p) = problem { (alert(&t(locale, T::PasswordRefused(p)))) }
        form method="post" action={ "/console/setup/" (token) } class="stack" {
            input type="hidden" name=(CSRF_FIELD) value=(csrf);
            input type="hidden" name="username" autocomplete="username" value=(email);
            (password_fields(locale, problem))
            button type="submit" class="primary" { (t(locale, T::SavePassword)) }
        }
    };
    bare(locale, &title, body)
}

/// A setup link that is unknown, used or expired.
pub fn setup_gone(locale: Locale) -> Markup {
    let title = t(locale, T::SetupHeading);
    bare(locale, &title, alert(&t(locale, T::SetupLinkGone)))
}

/// The new-password pair with its rule, shared by setup and the account page.
pub fn password_fields(locale: Locale, problem: Option<PasswordProblem>) -> Markup {
    let invalid = problem.map(|_| "true");
    html! {
        label for="new-password" { (t(locale, T::NewPassword)) }
        p class="hint" id="password-rule" { (t(locale, T::PasswordRule(MIN_CHARS))) }
        input id="new-password" name="password" type="password" autocomplete="new-password"
            required minlength=(MIN_CHARS) maxlength=(MAX_CHARS)
            aria-describedby="password-rule" aria-invalid=[invalid];
        label for="confirm-password" { (t(locale, T::ConfirmPassword)) }
        input id="confirm-password" name="again" type="password" autocomplete="new-password"
            required minlength=(MIN_CHARS) maxlength=(MAX_CHARS)
            aria-invalid=[(problem == Some(PasswordProblem::Mismatch)).then_some("true")];
    }
}
