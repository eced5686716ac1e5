//! The page shell: document head, skip link, header with the store and the signed-in user,
//! the navigation (only the areas the reader's role may open), and the main landmark.

use crate::assets::{SCRIPT_PATH, STYLE_PATH};
use crate::ctx::Ctx;
use crate::html::{csrf, flash};
use crate::role::Area;
use crate::text::{t, T};
use aftercare_shared::Locale;
use maud::{html, Markup, DOCTYPE};

/// A signed-in page of `area` titled `title`.
pub fn page(ctx: &Ctx, area: Area, title: &str, body: Markup) -> Markup {
    let console = ctx.t(T::Console);
    html! {
        (DOCTYPE)
        html lang=(ctx.locale.tag()) {
            (head(ctx.locale, title))
            body {
                a class="skip" href="#main" { (ctx.t(T::SkipToContent)) }
                header class="top" {
                    div class="brand" {
                        span class="store" { (ctx.store) }
                        span class="product" { (console) }
                    }
                    nav aria-label=(console) class="areas" {
                        ul {
                            @for a in Area::NAV.into_iter().filter(|a| ctx.role.may(*a)) {
                                li {
                                    a href=(a.path()) aria-current=[(a == area).then_some("page")] {
                                        (ctx.t(T::AreaName(a)))
                                    }
                                }
                            }
                        }
                    }
                    div class="who" {
                        a href=(Area::Account.path())
                          aria-current=[(area == Area::Account).then_some("page")] {
                            span class="email" { (ctx.email) }
                            " "
                            span class="role" { "(" (ctx.t(T::RoleName(ctx.role))) ")" }
                        }
                        form method="post" action="/console/sign-out" class="inline" {
                            (csrf(ctx))
                            button type="submit" class="link" { (ctx.t(T::SignOut)) }
                        }
                    }
                }
                main id="main" tabindex="-1" {
                    h1 { (title) }
                    (flash(ctx))
                    (body)
                }
            }
        }
    }
}

/// A page outside a session (sign-in, setup, errors before sign-in), in `locale`.
pub fn bare(locale: Locale, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            (head(locale, title))
            body class="bare" {
                main id="main" {
                    p class="product" { (t(locale, T::Console)) }
                    h1 { (title) }
                    (body)
                }
            }
        }
    }
}

fn head(locale: Locale, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="referrer" content="same-origin";
            // No favicon request (a 404 in every browser console): CSP allows `data:` images.
            link rel="icon" href="data:,";
            title { (title) " · " (t(locale, T::Console)) }
            link rel="stylesheet" href=(STYLE_PATH);
            script src=(SCRIPT_PATH) defer {}
        }
    }
}
