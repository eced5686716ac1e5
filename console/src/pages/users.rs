//! Users (owners): who can sign in to this store's console, adding someone (a one-time setup
//! link to send them), a new link for someone who has not used theirs, and removing people.

use crate::ctx::Ctx;
use crate::format::date_ms;
use crate::html::{alert, csrf};
use crate::layout::page;
use crate::role::{Area, Role};
use crate::text::{Adm, T};
use aftercare_shared::Locale;
use maud::{html, Markup};

/// One user in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    /// Row id (the forms name it).
    pub id: i64,
    /// Sign-in email.
    pub email: String,
    /// Role.
    pub role: Role,
    /// Second factor on.
    pub totp: bool,
    /// Setup link not used yet.
    pub pending: bool,
    /// Added at, unix ms.
    pub created_at_ms: i64,
}

/// What the add form had when it was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddFailed {
    /// Typed email.
    pub email: String,
    /// Chosen role.
    pub role: Role,
    /// Chosen language.
    pub locale: Locale,
    /// Why, in the reader's language.
    pub why: String,
}

/// A setup link to hand over, shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupLink {
    /// Whose.
    pub email: String,
    /// The link.
    pub url: String,
}

/// The Users page; `you` is the reader's id.
pub fn users(
    ctx: &Ctx,
    you: i64,
    rows: &[UserRow],
    link: Option<&SetupLink>,
    failed: Option<&AddFailed>,
    problem: Option<&str>,
) -> Markup {
    let title = ctx.t(T::AreaName(Area::Users));
    let a = |m: Adm<'_>| ctx.t(T::Admin(m));
    let body = html! {
        p { (a(Adm::UsersIntro)) }
        @if let Some(p) = problem { (alert(p)) }
        @if let Some(l) = link {
            section class="card" aria-labelledby="link-h" {
                h2 id="link-h" { (a(Adm::InvitedHeading(&l.email))) }
                p { (a(Adm::InvitedText(&l.email))) }
                (copyable(ctx, "setup-link", &a(Adm::SetupLinkLabel), &l.url))
            }
        }
        div class="scroll" tabindex="0" role="region" aria-label=(title) {
            table {
                caption class="sr-only" { (title) }
                thead { tr {
                    th scope="col" { (ctx.t(T::Email)) }
                    th scope="col" { (a(Adm::RoleColumn)) }
                    th scope="col" { (a(Adm::StatusColumn)) }
                    th scope="col" { (a(Adm::TwoStepColumn)) }
                    th scope="col" { (a(Adm::AddedColumn)) }
                    th scope="col" { (ctx.t(T::Actions)) }
                } }
                tbody {
                    @for u in rows {
                        tr {
                            th scope="row" { (u.email) @if u.id == you { " " (a(Adm::You)) } }
                            td { (ctx.t(T::RoleName(u.role))) }
                            td { (a(if u.pending { Adm::Pending } else { Adm::Active })) }
                            td { (a(if u.totp { Adm::On } else { Adm::Off })) }
                            td { (date_ms(ctx.locale, u.created_at_ms)) }
                            td {
                                @if u.pending {
                                    form method="post" action={ "/console/users/" (u.id) "/setup-link" } class="inline" {
                                        (csrf(ctx))
                                        button type="submit" aria-label={ (a(Adm::NewLink)) ": " (u.email) } { (a(Adm::NewLink)) }
                                    }
                                    " "
                                }
                                @if u.id != you {
                                    details {
                                        summary aria-label={ (a(Adm::Remove)) ": " (u.email) } { (a(Adm::Remove)) }
                                        form method="post" action={ "/console/users/" (u.id) "/remove" } class="stack" {
                                            (csrf(ctx))
                                            p { (a(Adm::RemoveConfirm(&u.email))) }
                                            button type="submit" class="danger" { (a(Adm::Remove)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="add-h" {
            h2 id="add-h" { (a(Adm::InviteHeading)) }
            @if let Some(f) = failed { (alert(&f.why)) }
            form method="post" action="/console/users" class="stack" {
                (csrf(ctx))
                label for="new-email" { (ctx.t(T::Email)) }
                input id="new-email" name="email" type="email" required maxlength="254" autocomplete="off"
                    value=(failed.map(|f| f.email.as_str()).unwrap_or(""))
                    aria-invalid=[failed.map(|_| "true")];
                fieldset {
                    legend { (a(Adm::RoleColumn)) }
                    @for r in Role::ALL {
                        @let id = format!("role-{}", r.as_str());
                        div class="choice" {
                            input type="radio" id=(id) name="role" value=(r.as_str())
                                checked[failed.map_or(r == Role::Agent, |f| f.role == r)];
                            label for=(id) { (a(Adm::RoleHelp(r))) }
                        }
                    }
                }
                label for="new-locale" { (ctx.t(T::LanguageLabel)) }
                select id="new-locale" name="locale" {
                    @for l in Locale::ALL {
                        option value=(l.tag()) selected[failed.map_or(l == ctx.locale, |f| f.locale == l)] { (ctx.t(T::LanguageName(l))) }
                    }
                }
                button type="submit" class="primary" { (a(Adm::AddUser)) }
            }
        }
    };
    page(ctx, Area::Users, &title, body)
}

/// A read-only field with a copy button (the button needs the console script; the field
/// can always be selected and copied by hand).
pub fn copyable(ctx: &Ctx, id: &str, label: &str, value: &str) -> Markup {
    html! {
        div class="copy" {
            label for=(id) { (label) }
            div class="row" {
                input id=(id) type="text" readonly value=(value) spellcheck="false";
                button type="button" data-copy=(id) data-copied=(ctx.t(T::Admin(Adm::Copied))) {
                    (ctx.t(T::Admin(Adm::Copy)))
                }
            }
        }
    }
}
