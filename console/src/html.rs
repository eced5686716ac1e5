//! The console's small building blocks: the CSRF field every form carries, one-button forms,
//! the "next page" link of keyset-paginated lists, and the announced result of an action.

use crate::ctx::Ctx;
use crate::text::T;
use maud::{html, Markup};

/// The form field the server checks on every state change (see the server's `csrf` guard).
pub const CSRF_FIELD: &str = "csrf";

/// The hidden CSRF field of a form posted by `ctx`'s session.
pub fn csrf(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(ctx.csrf); }
}

/// A form that posts to `action` with one button: for actions without input.
/// `class` styles the button (`primary`, `danger`, or empty).
pub fn post_button(ctx: &Ctx, action: &str, label: &str, class: &str) -> Markup {
    html! {
        form method="post" action=(action) class="inline" {
            (csrf(ctx))
            button type="submit" class=(class) { (label) }
        }
    }
}

/// The result of the action that led to this page, read out by screen readers
/// (`role="status"`), or nothing.
pub fn flash(ctx: &Ctx) -> Markup {
    html! {
        div id="flash" role="status" class=(if ctx.flash.is_some() { "flash" } else { "flash empty" }) {
            @if let Some(f) = ctx.flash { (ctx.t(T::Flash(f))) }
        }
    }
}

/// An error the reader must fix, announced at once (`role="alert"`).
pub fn alert(message: &str) -> Markup {
    html! { div class="alert" role="alert" { (message) } }
}

/// Links under a list: back to the first page when not on it, and to the next page when
/// there is one (`next` is the full URL with its cursor).
pub fn pager(ctx: &Ctx, first: Option<&str>, next: Option<&str>) -> Markup {
    html! {
        @if first.is_some() || next.is_some() {
            nav class="pager" aria-label=(ctx.t(T::Pages)) {
                @if let Some(href) = first { a href=(href) { (ctx.t(T::FirstPage)) } }
                @if let Some(href) = next { a href=(href) rel="next" { (ctx.t(T::NextPage)) } }
            }
        }
    }
}

/// Percent-encode a query value (RFC 3986 unreserved characters pass through).
pub fn query_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(query_value("a b&c=é"), "a%20b%26c%3D%C3%A9");
        assert_eq!(query_value("RMA-7K3_~."), "RMA-7K3_~.");
    }
}
