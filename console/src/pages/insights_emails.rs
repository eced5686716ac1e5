//! Insights — Emails: per template, the messages sent in the period, how many were opened
//! (while the store counts opens) and how many had a link followed, each with its share of
//! those sent.

use crate::ctx::Ctx;
use crate::format::percent;
use crate::text::{EngagementSet as G, T};
use aftercare_shared::api::EmailEngagement;
use maud::{html, Markup};

/// The days the section covers.
pub const ENGAGEMENT_DAYS: u32 = 30;

/// The section.
pub fn section(ctx: &Ctx, e: &EmailEngagement) -> Markup {
    let g = |m: G<'_>| ctx.t(T::Engagement(m));
    let heading = g(G::Heading);
    let of = |n: u64, sent: u64| {
        let share = if sent == 0 {
            0.0
        } else {
            n as f64 / sent as f64
        };
        g(G::OfSent(n, &percent(ctx.locale, share)))
    };
    html! {
        section aria-labelledby="emails-h" {
            h2 id="emails-h" { (heading) }
            p class="hint" { (g(G::Intro(ENGAGEMENT_DAYS))) }
            @if !e.opens_counted { p class="hint" { (g(G::OpensOff)) } }
            @if e.templates.is_empty() {
                p class="empty" { (g(G::NothingSent)) }
            } @else {
                // Focusable, so a keyboard can scroll a table wider than the screen.
                div class="scroll" tabindex="0" role="region" aria-label=(heading) {
                    table {
                        caption class="sr-only" { (heading) }
                        thead { tr {
                            th scope="col" { (g(G::TemplateColumn)) }
                            th scope="col" class="num" { (g(G::SentColumn)) }
                            th scope="col" class="num" { (g(G::OpenedColumn)) }
                            th scope="col" class="num" { (g(G::ClickedColumn)) }
                        } }
                        tbody {
                            @for t in &e.templates {
                                tr {
                                    th scope="row" { (g(G::Template(&t.template))) }
                                    td class="num" { (t.sent) }
                                    td class="num" {
                                        @if e.opens_counted { (of(t.opened, t.sent)) }
                                        @else { span class="muted" { (g(G::NotCounted)) } }
                                    }
                                    td class="num" { (of(t.clicked, t.sent)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
