//! Keys (owners): the publishable key to copy, the end of the secret key, and replacing
//! either (the old one stops working at once, so the form says what breaks and asks for a
//! tick first). A new secret key is shown once, on the page that answers the replacement.

use crate::ctx::Ctx;
use crate::html::{alert, csrf};
use crate::layout::page;
use crate::pages::users::copyable;
use crate::role::Area;
use crate::text::{Adm, T};
use maud::{html, Markup};

/// What the Keys page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys<'a> {
    /// The publishable key.
    pub publishable: &'a str,
    /// The secret key's last four characters.
    pub secret_end: &'a str,
    /// A secret key just created, shown this once.
    pub new_secret: Option<&'a str>,
    /// Why the last replacement was refused.
    pub problem: Option<String>,
}

/// The Keys page.
pub fn keys(ctx: &Ctx, k: &Keys<'_>) -> Markup {
    let title = ctx.t(T::AreaName(Area::Keys));
    let a = |m: Adm<'_>| ctx.t(T::Admin(m));
    let body = html! {
        p { (a(Adm::KeysIntro)) }
        @if let Some(p) = &k.problem { (alert(p)) }
        @if let Some(secret) = k.new_secret {
            section class="card" aria-labelledby="new-secret-h" {
                h2 id="new-secret-h" { (a(Adm::NewSecretHeading)) }
                p { (a(Adm::NewSecretText)) }
                (copyable(ctx, "new-secret", &a(Adm::SecretHeading), secret))
            }
        }
        section aria-labelledby="pk-h" {
            h2 id="pk-h" { (a(Adm::PublishableHeading)) }
            p class="hint" { (a(Adm::PublishableHelp)) }
            (copyable(ctx, "publishable-key", &a(Adm::PublishableHeading), k.publishable))
            (rotate(ctx, "publishable", Adm::RotatePublishable, Adm::RotatePublishableWarn))
        }
        section aria-labelledby="sk-h" {
            h2 id="sk-h" { (a(Adm::SecretHeading)) }
            p class="hint" { (a(Adm::SecretHelp)) }
            p { code { (a(Adm::SecretEnds(k.secret_end))) } }
            (rotate(ctx, "secret", Adm::RotateSecret, Adm::RotateSecretWarn))
        }
    };
    page(ctx, Area::Keys, &title, body)
}

fn rotate(ctx: &Ctx, which: &str, heading: Adm<'_>, warning: Adm<'_>) -> Markup {
    let id = format!("confirm-{which}");
    html! {
        details {
            summary { (ctx.t(T::Admin(heading))) }
            form method="post" action="/console/keys/rotate" class="stack" {
                (csrf(ctx))
                input type="hidden" name="key" value=(which);
                p { (ctx.t(T::Admin(warning))) }
                div class="choice" {
                    input type="checkbox" id=(id) name="confirm" value="yes" required;
                    label for=(id) { (ctx.t(T::Admin(Adm::Understand))) }
                }
                button type="submit" class="danger" { (ctx.t(T::Admin(Adm::Replace))) }
            }
        }
    }
}
