//! The returns queue: filter by status, search by RMA, order number or email, newest first,
//! a page at a time.

use crate::ctx::Ctx;
use crate::format::{date_time, money};
use crate::html::pager;
use crate::layout::page;
use crate::role::Area;
use crate::text::T;
use aftercare_shared::api::AdminReturn;
use aftercare_shared::i18n::{t as shopper, Msg};
use aftercare_shared::returns::ReturnStatus;
use maud::{html, Markup};

/// Every status, in workflow order (the filter's options).
pub const STATUSES: [ReturnStatus; 8] = [
    ReturnStatus::Requested,
    ReturnStatus::Approved,
    ReturnStatus::InTransit,
    ReturnStatus::Received,
    ReturnStatus::Refunded,
    ReturnStatus::Exchanged,
    ReturnStatus::Rejected,
    ReturnStatus::Cancelled,
];

/// The queue's filter as the reader set it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReturnFilter {
    /// Only this status.
    pub status: Option<ReturnStatus>,
    /// An RMA, an order number, or (part of) an email.
    pub search: String,
}

/// One page of the queue; `first` and `next` are the pager's links.
pub fn queue(
    ctx: &Ctx,
    filter: &ReturnFilter,
    rows: &[AdminReturn],
    first: Option<&str>,
    next: Option<&str>,
) -> Markup {
    let l = ctx.locale;
    let title = ctx.t(T::AreaName(Area::Returns));
    let body = html! {
        form method="get" action="/console/returns" class="filters" role="search" {
            label for="status" { (ctx.t(T::StatusLabel)) }
            select id="status" name="status" {
                option value="" selected[filter.status.is_none()] { (ctx.t(T::AnyStatus)) }
                @for s in STATUSES {
                    option value=(status_code(s)) selected[filter.status == Some(s)] {
                        (shopper(l, Msg::ReturnStatus(s)))
                    }
                }
            }
            label for="q" { (ctx.t(T::SearchLabel)) }
            input id="q" name="q" type="search" value=(filter.search)
                placeholder=(ctx.t(T::ReturnSearchHint)) maxlength="200";
            button type="submit" { (ctx.t(T::Filter)) }
        }
        @if rows.is_empty() {
            p class="empty" { (ctx.t(T::NoReturns)) }
        } @else {
            // Focusable, so a keyboard can scroll a table wider than the screen.
            div class="scroll" tabindex="0" role="region" aria-label=(title) {
                table {
                    caption class="sr-only" { (title) }
                    thead { tr {
                        th scope="col" { "RMA" }
                        th scope="col" { (ctx.t(T::OrderColumn)) }
                        th scope="col" { (ctx.t(T::Email)) }
                        th scope="col" { (ctx.t(T::RequestedColumn)) }
                        th scope="col" class="num" { (ctx.t(T::UnitsColumn)) }
                        th scope="col" class="num" { (ctx.t(T::ValueColumn)) }
                        th scope="col" { (ctx.t(T::StatusLabel)) }
                    } }
                    tbody {
                        @for r in rows {
                            tr {
                                th scope="row" { a href={ "/console/returns/" (r.detail.rma) } { (r.detail.rma) } }
                                td { (r.detail.order_number) }
                                td { (r.email) }
                                td { (date_time(l, &r.detail.created_at)) }
                                td class="num" { (r.detail.lines.iter().map(|x| x.quantity).sum::<u32>()) }
                                td class="num" { (money(l, &value(r))) }
                                td { span class={ "badge " (status_code(r.detail.status)) } { (shopper(l, Msg::ReturnStatus(r.detail.status))) } }
                            }
                        }
                    }
                }
            }
        }
        (pager(ctx, first, next))
    };
    page(ctx, Area::Returns, &title, body)
}

/// What a return is worth to the shopper: refund plus credit plus exchanged goods.
fn value(r: &AdminReturn) -> aftercare_shared::Money {
    let e = &r.detail.estimate;
    let minor = e.refund_total.amount_minor
        + e.store_credit_total.amount_minor
        + e.exchange_items.amount_minor;
    aftercare_shared::Money::new(minor, e.refund_total.currency)
}

/// The wire name of a status (`in_transit`), as the filter and the forms post it.
pub fn status_code(s: ReturnStatus) -> &'static str {
    match s {
        ReturnStatus::Requested => "requested",
        ReturnStatus::Approved => "approved",
        ReturnStatus::InTransit => "in_transit",
        ReturnStatus::Received => "received",
        ReturnStatus::Refunded => "refunded",
        ReturnStatus::Exchanged => "exchanged",
        ReturnStatus::Rejected => "rejected",
        ReturnStatus::Cancelled => "cancelled",
    }
}

/// The status a wire name names.
pub fn parse_status(code: &str) -> Option<ReturnStatus> {
    STATUSES.into_iter().find(|s| status_code(*s) == code)
}
