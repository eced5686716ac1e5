//! Error pages: not allowed for this role, not found, and a failure the reader can retry.

use crate::ctx::Ctx;
use crate::layout::page;
use crate::role::Area;
use crate::text::T;
use maud::{html, Markup};

/// Which error page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The reader's role may not open this (403).
    Forbidden,
    /// Nothing here, or not this store's (404).
    NotFound,
    /// The server failed; nothing was changed by this request unless it says so (500).
    Failed,
}

/// The error page for `problem`, inside the signed-in shell (navigation stays usable).
pub fn problem(ctx: &Ctx, area: Area, problem: Problem) -> Markup {
    let (title, text) = match problem {
        Problem::Forbidden => (T::ForbiddenTitle, T::ForbiddenText),
        Problem::NotFound => (T::NotFoundTitle, T::NotFoundText),
        Problem::Failed => (T::FailedTitle, T::FailedText),
    };
    let title = ctx.t(title);
    page(
        ctx,
        area,
        &title,
        html! { p { (ctx.t(text)) } p { a href="/console" { (ctx.t(T::BackToToday)) } } },
    )
}

/// Outside the shell (no usable session): a form posted without its token (403), or a
/// server failure (500).
pub fn bare_problem(locale: aftercare_shared::Locale, problem: Problem) -> Markup {
    use crate::text::t;
    let (title, text) = match problem {
        Problem::Forbidden => (T::ForbiddenTitle, T::StaleForm),
        Problem::NotFound => (T::NotFoundTitle, T::NotFoundText),
        Problem::Failed => (T::FailedTitle, T::FailedText),
    };
    crate::layout::bare(
        locale,
        &t(locale, title),
        html! { p { (t(locale, text)) } p { a href="/console" { (t(locale, T::BackToToday)) } } },
    )
}
