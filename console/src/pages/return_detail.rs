//! One return: its lines with photos, what it is worth, its history, and the moves the
//! workflow allows from where it stands (rejecting needs a note the shopper will read).

use crate::ctx::Ctx;
use crate::format::{date_time, money};
use crate::html::{alert, csrf};
use crate::layout::page;
use crate::pages::returns::status_code;
use crate::role::Area;
use crate::text::T;
use aftercare_shared::api::{AdminReturn, ReturnActor};
use aftercare_shared::i18n::{t as shopper, Msg};
use aftercare_shared::returns::{Resolution, ReturnStatus};
use maud::{html, Markup};

/// The moves a merchant can make, in the order the buttons appear.
const MOVES: [ReturnStatus; 7] = [
    ReturnStatus::Approved,
    ReturnStatus::InTransit,
    ReturnStatus::Received,
    ReturnStatus::Refunded,
    ReturnStatus::Exchanged,
    ReturnStatus::Rejected,
    ReturnStatus::Cancelled,
];

/// A move that failed, shown above the actions with what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveFailed {
    /// The move tried.
    pub to: ReturnStatus,
    /// The note typed.
    pub note: String,
    /// Why it failed, in the reader's language.
    pub why: String,
}

/// The detail page of `r`.
pub fn return_detail(ctx: &Ctx, r: &AdminReturn, failed: Option<&MoveFailed>) -> Markup {
    let l = ctx.locale;
    let d = &r.detail;
    let title = ctx.t(T::ReturnTitle(&d.rma));
    let moves: Vec<ReturnStatus> = MOVES
        .into_iter()
        .filter(|m| d.status.can_become(*m))
        .collect();
    let typed = |to: ReturnStatus| {
        failed
            .filter(|f| f.to == to)
            .map(|f| f.note.as_str())
            .unwrap_or("")
    };
    let body = html! {
        p class="crumbs" { a href="/console/returns" { (ctx.t(T::BackToReturns)) } }
        dl class="facts" {
            dt { (ctx.t(T::StatusLabel)) }
            dd { span class={ "badge " (status_code(d.status)) } { (shopper(l, Msg::ReturnStatus(d.status))) } }
            dt { (ctx.t(T::OrderColumn)) } dd { (d.order_number) }
            dt { (ctx.t(T::Email)) } dd { (r.email) }
            dt { (ctx.t(T::RequestedColumn)) } dd { (date_time(l, &d.created_at)) }
            dt { (ctx.t(T::MethodLabel)) } dd { (shopper(l, Msg::Method(d.method))) }
        }
        section aria-labelledby="act-h" {
            h2 id="act-h" { (ctx.t(T::Actions)) }
            @if let Some(f) = failed { (alert(&f.why)) }
            @if moves.is_empty() {
                p { (ctx.t(T::NoMoves)) }
            }
            div class="actions" {
                @for m in moves.iter().copied().filter(|m| *m != ReturnStatus::Rejected && *m != ReturnStatus::Cancelled) {
                    form method="post" action={ "/console/returns/" (d.rma) "/status" } class="inline" {
                        (csrf(ctx))
                        input type="hidden" name="status" value=(status_code(m));
                        button type="submit" class=(if m == ReturnStatus::Approved { "primary" } else { "" }) {
                            (ctx.t(T::MoveTo(m)))
                        }
                    }
                }
            }
            @for m in moves.iter().copied().filter(|m| *m == ReturnStatus::Rejected || *m == ReturnStatus::Cancelled) {
                details open[failed.is_some_and(|f| f.to == m)] {
                    summary { (ctx.t(T::MoveTo(m))) }
                    form method="post" action={ "/console/returns/" (d.rma) "/status" } class="stack" {
                        (csrf(ctx))
                        input type="hidden" name="status" value=(status_code(m));
                        @let id = format!("note-{}", status_code(m));
                        label for=(id) { (ctx.t(if m == ReturnStatus::Rejected { T::RejectNote } else { T::OptionalNote })) }
                        textarea id=(id) name="note" rows="3" maxlength="1000"
                            required[m == ReturnStatus::Rejected] { (typed(m)) }
                        button type="submit" class="danger" { (ctx.t(T::MoveTo(m))) }
                    }
                }
            }
        }
        section aria-labelledby="lines-h" {
            h2 id="lines-h" { (ctx.t(T::LinesHeading)) }
            ul class="lines" {
                @for line in &d.lines {
                    li class="line" {
                        @if let Some(src) = &line.image_url { img src=(src) alt="" width="64" height="64"; }
                        div {
                            p class="title" { (line.title) @if let Some(v) = &line.variant { " — " (v) } }
                            p { (ctx.t(T::QuantityOf(line.quantity))) " · " (line.sku) " · " (money(l, &line.paid)) }
                            p { strong { (ctx.t(T::ReasonLabel)) } " " (line.reason_label) }
                            @if let Some(c) = &line.comment { blockquote { (c) } }
                            p {
                                strong { (ctx.t(T::ResolutionLabel)) } " " (ctx.t(T::ResolutionName(line.resolution)))
                                @if let (Resolution::Exchange, Some(x)) = (line.resolution, &line.exchange) { " → " (x.label) " (" (x.sku) ")" }
                            }
                            @if !line.photos.is_empty() {
                                ul class="photos" aria-label=(ctx.t(T::PhotosLabel)) {
                                    @for (i, p) in line.photos.iter().enumerate() {
                                        li { a href=(p.url) {
                                            img src=(p.url) width="96" height=(96 * p.height / p.width.max(1))
                                                alt=(ctx.t(T::PhotoAlt(i + 1, &line.title)));
                                        } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="estimate-h" {
            h2 id="estimate-h" { (ctx.t(T::EstimateHeading)) }
            @let e = &d.estimate;
            dl class="facts" {
                dt { (ctx.t(T::RefundItems)) } dd { (money(l, &e.refund_items)) }
                dt { (ctx.t(T::RestockingFee)) } dd { (money(l, &e.restocking_fee)) }
                dt { (ctx.t(T::ReturnShippingFee)) } dd { (money(l, &e.return_shipping_fee)) }
                dt { strong { (ctx.t(T::RefundTotal)) } } dd { strong { (money(l, &e.refund_total)) } }
                @if e.store_credit_total.amount_minor != 0 {
                    dt { (ctx.t(T::StoreCreditTotal)) } dd { (money(l, &e.store_credit_total)) }
                }
                @if e.exchange_items.amount_minor != 0 {
                    dt { (ctx.t(T::ExchangeItems)) } dd { (money(l, &e.exchange_items)) }
                }
            }
        }
        section aria-labelledby="history-h" {
            h2 id="history-h" { (ctx.t(T::HistoryHeading)) }
            ol class="history" {
                @for h in &d.history {
                    li {
                        strong { (shopper(l, Msg::ReturnStatus(h.status))) }
                        " · " (date_time(l, &h.at))
                        " · " (ctx.t(match h.by { ReturnActor::Shopper => T::ByShopper, ReturnActor::Merchant => T::ByStore }))
                        @if let Some(n) = &h.note { blockquote { (n) } }
                    }
                }
            }
        }
    };
    page(ctx, Area::Returns, &title, body)
}
