//! Today: everything that waits for the store, counted, with the oldest or most urgent few of
//! each kind listed and linked to where it is acted on.

use crate::ctx::Ctx;
use crate::format::date_time;
use crate::layout::page;
use crate::pages::orders::order_path;
use crate::pages::reviews::QueueItem;
use crate::role::Area;
use crate::text::{Rv, T};
use aftercare_shared::api::{AdminReturn, AnxiousOrder, ParcelAlert, ReportComment};
use aftercare_shared::changes::OrderRequest;
use aftercare_shared::i18n::{t as shopper, Msg, Rev};
use aftercare_shared::review::ReviewStatus;
use aftercare_shared::survey::SurveyKind;
use maud::{html, Markup};

/// How many items of each kind Today lists (the count says how many there are).
pub const LISTED: usize = 5;

/// A kind of work: how many are waiting, and the first [`LISTED`].
#[derive(Debug, Clone, PartialEq)]
pub struct Pile<T> {
    /// How many are waiting altogether.
    pub total: u64,
    /// The first few, oldest or most urgent first.
    pub items: Vec<T>,
}

/// A survey response whose customer asked to be contacted.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    /// NPS or CSAT.
    pub kind: SurveyKind,
    /// The response.
    pub comment: ReportComment,
}

/// Everything Today shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Today {
    /// Returns waiting for approval.
    pub returns: Pile<AdminReturn>,
    /// Reviews waiting for moderation, oldest first.
    pub reviews: Pile<QueueItem>,
    /// Cancellation and address-change requests waiting for a decision.
    pub requests: Pile<OrderRequest>,
    /// Detractors (and others) who asked to be contacted.
    pub follow_ups: Pile<FollowUp>,
    /// Shoppers checking tracking again and again.
    pub anxious: Pile<AnxiousOrder>,
    /// Parcels delayed, stalled or in trouble.
    pub parcels: Pile<ParcelAlert>,
}

impl Today {
    /// Nothing at all waits.
    pub fn is_clear(&self) -> bool {
        self.returns.total
            + self.reviews.total
            + self.requests.total
            + self.follow_ups.total
            + self.anxious.total
            + self.parcels.total
            == 0
    }
}

/// The Today page.
pub fn today(ctx: &Ctx, data: &Today) -> Markup {
    let l = ctx.locale;
    let title = ctx.t(T::AreaName(Area::Today));
    let body = html! {
        @if data.is_clear() { p class="empty" { (ctx.t(T::AllClear)) } }
        ul class="counts" aria-label=(ctx.t(T::Waiting)) {
            (count(ctx, "#returns", T::ReturnsWaiting(data.returns.total)))
            (count(ctx, "#reviews", T::Reviews(Rv::Count(ReviewStatus::Pending, data.reviews.total))))
            (count(ctx, "#requests", T::RequestsWaiting(data.requests.total)))
            (count(ctx, "#follow-ups", T::FollowUpsWaiting(data.follow_ups.total)))
            (count(ctx, "#anxious", T::AnxiousWaiting(data.anxious.total)))
            (count(ctx, "#parcels", T::ParcelsWaiting(data.parcels.total)))
        }
        @if data.returns.total > 0 {
            section id="returns" aria-labelledby="returns-h" {
                h2 id="returns-h" { (ctx.t(T::ReturnsToApprove)) }
                ul class="items" {
                    @for r in &data.returns.items {
                        li {
                            a href={ "/console/returns/" (r.detail.rma) } { (r.detail.rma) }
                            " · " (ctx.t(T::OrderRef(&r.detail.order_number))) " · " (r.email)
                            " · " span class="muted" { (date_time(l, &r.detail.created_at)) }
                        }
                    }
                }
                (more(ctx, data.returns.total, data.returns.items.len(), "/console/returns?status=requested"))
            }
        }
        @if data.reviews.total > 0 {
            section id="reviews" aria-labelledby="reviews-h" {
                h2 id="reviews-h" { (ctx.t(T::Reviews(Rv::TodayHeading))) }
                ul class="items" {
                    @for q in &data.reviews.items {
                        @let stars = u8::from(q.review.rating);
                        li {
                            a href={ "/console/reviews#review-" (q.review.id) } { (q.review.title) }
                            " · " (shopper(l, Msg::Reviews(Rev::StarsOutOf(stars))))
                            " · " (q.product)
                            " · " span class="muted" { (date_time(l, &q.review.created_at)) }
                        }
                    }
                }
                (more(ctx, data.reviews.total, data.reviews.items.len(), "/console/reviews"))
            }
        }
        @if data.requests.total > 0 {
            section id="requests" aria-labelledby="requests-h" {
                h2 id="requests-h" { (ctx.t(T::RequestsToDecide)) }
                ul class="items" {
                    @for r in &data.requests.items {
                        li {
                            a href={ "/console/requests#request-" (r.id) } {
                                (shopper(l, Msg::Account(aftercare_shared::i18n::Acc::RequestTitle(r.kind, r.status))))
                            }
                            " · " (ctx.t(T::OrderRef(r.order_number.as_str())))
                            @if r.shipped_meanwhile { " · " strong { (ctx.t(T::ShippedMeanwhile)) } }
                            " · " span class="muted" { (date_time(l, &r.created_at)) }
                        }
                    }
                }
                (more(ctx, data.requests.total, data.requests.items.len(), "/console/requests"))
            }
        }
        @if data.follow_ups.total > 0 {
            section id="follow-ups" aria-labelledby="follow-ups-h" {
                h2 id="follow-ups-h" { (ctx.t(T::FollowUpsHeading)) }
                ul class="items" {
                    @for f in &data.follow_ups.items {
                        li {
                            a href={ "/console/surveys/" (f.kind.as_str()) "#response-" (f.comment.response_id) } {
                                (ctx.t(T::SurveyName(f.kind))) " " (ctx.t(T::ScoreOf(f.kind, f.comment.score)))
                            }
                            @if let Some(email) = &f.comment.email { " · " (email) }
                            " · “" (truncate(&f.comment.comment, 120)) "”"
                        }
                    }
                }
                (more(ctx, data.follow_ups.total, data.follow_ups.items.len(), "/console/surveys"))
            }
        }
        @if data.anxious.total > 0 {
            section id="anxious" aria-labelledby="anxious-h" {
                h2 id="anxious-h" { (ctx.t(T::AnxiousHeading)) }
                p class="hint" { (ctx.t(T::AnxiousHint)) }
                ul class="items" {
                    @for a in &data.anxious.items {
                        li {
                            a href=(order_path(a.order_number.as_str())) { (ctx.t(T::OrderRef(a.order_number.as_str()))) }
                            " · " (a.email)
                            " · " (ctx.t(T::Views(a.views)))
                            " · " (shopper(l, Msg::OrderStatus(a.status)))
                        }
                    }
                }
            }
        }
        @if data.parcels.total > 0 {
            section id="parcels" aria-labelledby="parcels-h" {
                h2 id="parcels-h" { (ctx.t(T::ParcelsHeading)) }
                ul class="items" {
                    @for p in &data.parcels.items {
                        li {
                            a href=(order_path(p.order_number.as_str())) { (ctx.t(T::OrderRef(p.order_number.as_str()))) }
                            " · " (p.carrier) " " (p.tracking_number)
                            " · " strong { (shopper(l, Msg::Status(p.status))) }
                            @if let Some(r) = p.reason { " · " (shopper(l, Msg::Reason(r))) }
                            @if p.delayed { " · " (ctx.t(T::Delayed)) }
                            @if p.stalled { " · " (ctx.t(T::Stalled)) }
                        }
                    }
                }
            }
        }
    };
    page(ctx, Area::Today, &title, body)
}

fn count(ctx: &Ctx, href: &str, label: T<'_>) -> Markup {
    html! { li { a href=(href) { (ctx.t(label)) } } }
}

fn more(ctx: &Ctx, total: u64, shown: usize, href: &str) -> Markup {
    html! {
        @if total > shown as u64 {
            p { a href=(href) { (ctx.t(T::SeeAll(total))) } }
        }
    }
}

/// At most `max` characters of `text`, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}
