//! The signed-in user's own account: language, password, and the optional second factor
//! (TOTP, RFC 6238) with its QR code to scan and a code to confirm before it is on.

use crate::ctx::Ctx;
use crate::html::{alert, csrf};
use crate::layout::page;
use crate::pages::setup::password_fields;
use crate::password::PasswordProblem;
use crate::role::Area;
use crate::text::T;
use aftercare_shared::Locale;
use maud::{html, Markup, PreEscaped};

/// Where the second factor stands for this user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Totp {
    /// On.
    On,
    /// Off.
    Off,
    /// Being turned on: scan this (`qr_svg`, rendered by the server; `secret` to type in by
    /// hand), then confirm with a code; `wrong` after a code that did not match.
    Enrolling {
        /// The QR code of the `otpauth://` URI, as inline SVG markup from the server.
        qr_svg: String,
        /// The base32 secret, for typing into the app.
        secret: String,
        /// The last code entered was wrong.
        wrong: bool,
    },
}

/// What failed on the account page, to show beside its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountProblem {
    /// The current password was wrong.
    WrongPassword,
    /// The new password was refused.
    NewPassword(PasswordProblem),
    /// The code to turn the second factor off was wrong.
    WrongCode,
}

/// The account page.
pub fn account(ctx: &Ctx, totp: &Totp, problem: Option<AccountProblem>) -> Markup {
    let title = ctx.t(T::AreaName(Area::Account));
    let l = ctx.locale;
    let body = html! {
        section aria-labelledby="lang-h" {
            h2 id="lang-h" { (ctx.t(T::LanguageHeading)) }
            form method="post" action="/console/account/language" class="row" {
                (csrf(ctx))
                label for="locale" { (ctx.t(T::LanguageLabel)) }
                select id="locale" name="locale" {
                    @for loc in Locale::ALL {
                        option value=(loc.tag()) selected[loc == l] { (ctx.t(T::LanguageName(loc))) }
                    }
                }
                button type="submit" { (ctx.t(T::Save)) }
            }
        }
        section aria-labelledby="pw-h" {
            h2 id="pw-h" { (ctx.t(T::PasswordHeading)) }
            @match problem {
                Some(AccountProblem::WrongPassword) => (alert(&ctx.t(T::WrongCurrentPassword))),
                Some(AccountProblem::NewPassword(p)) => (alert(&ctx.t(T::PasswordRefused(p)))),
                _ => {},
            }
            form method="post" action="/console/account/password" class="stack" {
                (csrf(ctx))
                input type="hidden" name="username" autocomplete="username" value=(ctx.email);
                label for="current-password" { (ctx.t(T::CurrentPassword)) }
                input id="current-password" name="current" type="password"
                    autocomplete="current-password" required;
                (password_fields(l, match problem { Some(AccountProblem::NewPassword(p)) => Some(p), _ => None }))
                button type="submit" { (ctx.t(T::ChangePassword)) }
            }
        }
        section aria-labelledby="totp-h" {
            h2 id="totp-h" { (ctx.t(T::TotpHeading)) }
            @match totp {
                Totp::On => {
                    p { (ctx.t(T::TotpIsOn)) }
                    @if problem == Some(AccountProblem::WrongCode) { (alert(&ctx.t(T::BadCode))) }
                    form method="post" action="/console/account/totp/off" class="row" {
                        (csrf(ctx))
                        label for="off-code" { (ctx.t(T::CodeLabel)) }
                        input id="off-code" name="code" inputmode="numeric" autocomplete="one-time-code"
                            pattern="[0-9]{6}" maxlength="6" required;
                        button type="submit" class="danger" { (ctx.t(T::TotpTurnOff)) }
                    }
                }
                Totp::Off => {
                    p { (ctx.t(T::TotpIsOff)) }
                    form method="post" action="/console/account/totp" class="row" {
                        (csrf(ctx))
                        button type="submit" { (ctx.t(T::TotpTurnOn)) }
                    }
                }
                Totp::Enrolling { qr_svg, secret, wrong } => {
                    p { (ctx.t(T::TotpScan)) }
                    figure class="qr" {
                        (PreEscaped(qr_svg))
                        figcaption { (ctx.t(T::TotpSecret)) " " code { (secret) } }
                    }
                    @if *wrong { (alert(&ctx.t(T::BadCode))) }
                    form method="post" action="/console/account/totp/confirm" class="row" {
                        (csrf(ctx))
                        input type="hidden" name="secret" value=(secret);
                        label for="confirm-code" { (ctx.t(T::CodeLabel)) }
                        input id="confirm-code" name="code" inputmode="numeric" autocomplete="one-time-code"
                            pattern="[0-9]{6}" maxlength="6" required autofocus;
                        button type="submit" class="primary" { (ctx.t(T::TotpConfirm)) }
                    }
                }
            }
        }
    };
    page(ctx, Area::Account, &title, body)
}
