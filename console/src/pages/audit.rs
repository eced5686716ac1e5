//! The audit log (owners): who did what, when, to what, with the state before and after.

use crate::ctx::Ctx;
use crate::format::date_time_ms;
use crate::html::pager;
use crate::layout::page;
use crate::role::Area;
use crate::text::T;
use maud::{html, Markup};

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, unix ms.
    pub at_ms: i64,
    /// The user's email at the time.
    pub actor: String,
    /// What was done (`return.status`, `survey.followed_up`, `user.sign_in`, …).
    pub action: String,
    /// What it was done to (`RMA-…`, a response id, an email).
    pub subject: String,
    /// The subject before (JSON), if it had a state.
    pub before: Option<String>,
    /// The subject after (JSON), if it has a state.
    pub after: Option<String>,
}

/// One page of the log, newest first.
pub fn audit(ctx: &Ctx, rows: &[AuditEntry], first: Option<&str>, next: Option<&str>) -> Markup {
    let title = ctx.t(T::AreaName(Area::Audit));
    let body = html! {
        @if rows.is_empty() { p class="empty" { (ctx.t(T::NoAudit)) } }
        @else {
            // Focusable, so a keyboard can scroll a table wider than the screen.
            div class="scroll" tabindex="0" role="region" aria-label=(title) {
                table {
                    caption class="sr-only" { (title) }
                    thead { tr {
                        th scope="col" { (ctx.t(T::WhenColumn)) }
                        th scope="col" { (ctx.t(T::WhoColumn)) }
                        th scope="col" { (ctx.t(T::ActionColumn)) }
                        th scope="col" { (ctx.t(T::SubjectColumn)) }
                        th scope="col" { (ctx.t(T::BeforeColumn)) }
                        th scope="col" { (ctx.t(T::AfterColumn)) }
                    } }
                    tbody {
                        @for e in rows {
                            tr {
                                td { (date_time_ms(ctx.locale, e.at_ms)) }
                                td { (e.actor) }
                                td { code { (e.action) } }
                                td { (e.subject) }
                                td { @if let Some(b) = &e.before { code class="json" { (b) } } }
                                td { @if let Some(a) = &e.after { code class="json" { (a) } } }
                            }
                        }
                    }
                }
            }
        }
        (pager(ctx, first, next))
    };
    page(ctx, Area::Audit, &title, body)
}
