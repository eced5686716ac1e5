//! The review moderation queue: reviews of one status, oldest first, a page at a time, each
//! with its product, rating in words, text, photos and author; approve, reject with a neutral
//! reason, and the store's public reply.

use crate::ctx::Ctx;
use crate::format::date_time;
use crate::html::{alert, csrf, pager};
use crate::layout::page;
use crate::role::Area;
use crate::text::{Rv, T};
use aftercare_shared::api::Review;
use aftercare_shared::i18n::{t as shopper, Msg, Rev};
use aftercare_shared::review::{RejectReason, ReviewStatus, MAX_REPLY};
use maud::{html, Markup};

/// A review as the queue shows it: the review (as the admin API answers it) and what the
/// page names beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueItem {
    /// The review.
    pub review: Review,
    /// Its product's name (the catalog's title, else as ordered, else the SKU).
    pub product: String,
    /// The author's email, when the review belongs to one of the store's customers (imported
    /// reviews of unknown reviewers have none).
    pub email: Option<String>,
}

/// Which form on a review failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Approve or reject.
    Moderation,
    /// The public reply.
    Reply,
}

/// An action that was refused, shown on its review with what was typed and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewFailed {
    /// The review.
    pub id: i64,
    /// Which form.
    pub part: Part,
    /// The reply typed (kept in the reply box).
    pub reply: String,
    /// Why, in the reader's language.
    pub why: String,
}

/// Where a queue page is: its tab and the cursor it was opened at (the forms post both back,
/// so the reader returns to the same page after acting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The tab.
    pub status: ReviewStatus,
    /// `<created ms>.<id>` the page starts after, or empty on the first page.
    pub after: String,
}

/// The tabs above the review area's pages; `current` is the status shown, or `None` on the
/// import page.
pub fn tabs(ctx: &Ctx, current: Option<ReviewStatus>) -> Markup {
    html! {
        nav class="tabs" aria-label=(ctx.t(T::Reviews(Rv::StatusTabs))) {
            @for s in ReviewStatus::ALL {
                a href={ "/console/reviews?status=" (s.as_str()) } aria-current=[(current == Some(s)).then_some("page")] {
                    (ctx.t(T::Reviews(Rv::Tab(s))))
                }
            }
            a href="/console/reviews/import" aria-current=[current.is_none().then_some("page")] {
                (ctx.t(T::Reviews(Rv::ImportTab)))
            }
        }
    }
}

/// Five stars drawn as text, for the eye only (the rating is also written out).
pub fn stars(n: u8) -> String {
    let n = usize::from(n.min(5));
    format!("{}{}", "★".repeat(n), "☆".repeat(5 - n))
}

/// One page of the queue in `place`'s status (`total` of them in all).
pub fn queue(
    ctx: &Ctx,
    place: &Place,
    items: &[QueueItem],
    total: u64,
    failed: Option<&ReviewFailed>,
    first: Option<&str>,
    next: Option<&str>,
) -> Markup {
    let l = ctx.locale;
    let r = |m: Rv<'_>| ctx.t(T::Reviews(m));
    let title = ctx.t(T::AreaName(Area::Reviews));
    let body = html! {
        (tabs(ctx, Some(place.status)))
        p { (r(Rv::Count(place.status, total))) }
        @if place.status != ReviewStatus::Rejected {
            details {
                summary { (r(Rv::ReasonsHeading)) }
                p class="hint" { (r(Rv::NeutralHint)) }
                dl class="facts" {
                    @for reason in RejectReason::ALL {
                        dt { (r(Rv::Reason(reason))) }
                        dd { (shopper(l, Msg::Reviews(Rev::Rejected(reason)))) }
                    }
                }
            }
        }
        @if items.is_empty() { p class="empty" { (r(Rv::NoneIn(place.status))) } }
        @for item in items {
            (card(ctx, place, item, failed.filter(|f| f.id == item.review.id)))
        }
        (pager(ctx, first, next))
    };
    page(ctx, Area::Reviews, &title, body)
}

fn card(ctx: &Ctx, place: &Place, item: &QueueItem, failed: Option<&ReviewFailed>) -> Markup {
    let l = ctx.locale;
    let r = |m: Rv<'_>| ctx.t(T::Reviews(m));
    let v = &item.review;
    let id = v.id;
    let stars_n = u8::from(v.rating);
    let written = date_time(l, &v.created_at);
    let edited = (v.updated_at.utc_ms > v.created_at.utc_ms).then(|| date_time(l, &v.updated_at));
    let photos = v.photos.len();
    let moderation_failed = failed.filter(|f| f.part == Part::Moderation);
    let reply_failed = failed.filter(|f| f.part == Part::Reply);
    let typed = reply_failed
        .map(|f| f.reply.as_str())
        .or(v.reply.as_ref().map(|x| x.body.as_str()))
        .unwrap_or("");
    let hidden = html! {
        (csrf(ctx))
        input type="hidden" name="status" value=(place.status.as_str());
        input type="hidden" name="after" value=(place.after);
    };
    html! {
        article id={ "review-" (id) } class="card review" aria-labelledby={ "review-" (id) "-h" } {
            h2 id={ "review-" (id) "-h" } { (v.title) }
            p class="rating" {
                span class="stars" aria-hidden="true" { (stars(stars_n)) }
                " " strong { (shopper(l, Msg::Reviews(Rev::StarsOutOf(stars_n)))) }
                " · " (r(Rv::Product(&item.product))) " (" (v.sku) ")"
            }
            p class="muted" {
                (r(Rv::By(&v.display_name)))
                @if let Some(e) = &item.email { " · " (e) }
                " · "
                @if v.verified {
                    span class="badge verified" { (shopper(l, Msg::Reviews(Rev::VerifiedBuyer))) }
                } @else {
                    (r(Rv::NotVerified))
                }
                @if v.incentivized { " · " (shopper(l, Msg::Reviews(Rev::Incentivized))) }
                " · " (r(Rv::Written(&written)))
                @if let Some(e) = &edited { ", " (r(Rv::Edited(e))) }
            }
            blockquote { (v.body) }
            @if v.attributes.fit.is_some() || v.attributes.would_recommend.is_some() {
                p class="muted" {
                    @if let Some(f) = v.attributes.fit { (shopper(l, Msg::Reviews(Rev::FitIs(f)))) }
                    @if v.attributes.fit.is_some() && v.attributes.would_recommend.is_some() { " · " }
                    @if let Some(w) = v.attributes.would_recommend { (shopper(l, Msg::Reviews(Rev::Recommends(w)))) }
                }
            }
            @if photos > 0 {
                ul class="photos" aria-label=(ctx.t(T::PhotosLabel)) {
                    @for (i, p) in v.photos.iter().enumerate() {
                        li { a href=(p.url) {
                            img src=(p.url) width="96" height=(96 * p.height / p.width.max(1))
                                alt=(shopper(l, Msg::Reviews(Rev::PhotoOf(i + 1, photos, &v.display_name))));
                        } }
                    }
                }
            }
            @if let (ReviewStatus::Rejected, Some(reason)) = (v.status, v.reject_reason) {
                p { strong { (r(Rv::RejectedBecause(reason))) } }
            }
            @if let Some(f) = moderation_failed { (alert(&f.why)) }
            div class="actions" {
                @if v.status != ReviewStatus::Published {
                    form method="post" action={ "/console/reviews/" (id) "/moderation" } class="inline" {
                        (hidden)
                        input type="hidden" name="action" value="approve";
                        button type="submit" class="primary" { (r(Rv::Approve)) }
                    }
                }
                @if v.status != ReviewStatus::Rejected {
                    form method="post" action={ "/console/reviews/" (id) "/moderation" } class="row" {
                        (hidden)
                        input type="hidden" name="action" value="reject";
                        @let select_id = format!("reason-{id}");
                        label for=(select_id) { (r(Rv::ReasonLabel)) }
                        select id=(select_id) name="reason" required
                            aria-invalid=[moderation_failed.map(|_| "true")] {
                            option value="" { (r(Rv::ChooseReason)) }
                            @for reason in RejectReason::ALL {
                                option value=(reason.as_str()) { (r(Rv::Reason(reason))) }
                            }
                        }
                        button type="submit" class="danger" { (ctx.t(T::Reject)) }
                    }
                }
            }
            section class="reply" aria-labelledby={ "reply-" (id) "-h" } {
                h3 id={ "reply-" (id) "-h" } { (r(Rv::ReplyHeading)) }
                @if let Some(reply) = &v.reply {
                    blockquote class="store-reply" { (reply.body) }
                    p class="muted" { (r(Rv::ReplyUpdated(&date_time(l, &reply.updated_at)))) }
                }
                @if let Some(f) = reply_failed { (alert(&f.why)) }
                form method="post" action={ "/console/reviews/" (id) "/reply" } class="stack" {
                    (hidden)
                    @let box_id = format!("reply-{id}");
                    label for=(box_id) { (r(Rv::ReplyLabel)) }
                    textarea id=(box_id) name="body" rows="2" maxlength=(MAX_REPLY) required
                        aria-describedby={ (box_id) "-hint" }
                        aria-invalid=[reply_failed.map(|_| "true")] { (typed) }
                    p class="hint" id={ (box_id) "-hint" } { (r(Rv::ReplyHint(MAX_REPLY))) }
                    div class="actions" {
                        button type="submit" class="primary" { (r(Rv::SaveReply)) }
                        // Beside "save", but posting the form below (forms cannot nest).
                        @if v.reply.is_some() {
                            button type="submit" form={ "reply-" (id) "-delete" } { (r(Rv::DeleteReply)) }
                        }
                    }
                }
                @if v.reply.is_some() {
                    form id={ "reply-" (id) "-delete" } method="post"
                        action={ "/console/reviews/" (id) "/reply/delete" } class="inline" {
                        (hidden)
                    }
                }
            }
        }
    }
}
