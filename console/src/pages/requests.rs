//! Cancellation and address-change requests waiting for the store, oldest first, each with
//! accept and reject (rejecting needs a note the shopper will read).

use crate::ctx::Ctx;
use crate::format::date_time;
use crate::html::{alert, csrf, pager};
use crate::layout::page;
use crate::role::Area;
use crate::text::T;
use aftercare_shared::changes::{OrderRequest, RequestKind};
use aftercare_shared::i18n::{t as shopper, Acc, Msg};
use maud::{html, Markup};

/// A decision that failed, shown on its request with what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFailed {
    /// The request.
    pub id: i64,
    /// The note typed.
    pub note: String,
    /// Why it failed, in the reader's language.
    pub why: String,
}

/// One page of pending requests (`total` of them in all).
pub fn requests(
    ctx: &Ctx,
    rows: &[OrderRequest],
    total: u64,
    failed: Option<&DecisionFailed>,
    first: Option<&str>,
    next: Option<&str>,
) -> Markup {
    let l = ctx.locale;
    let title = ctx.t(T::AreaName(Area::Requests));
    let body = html! {
        p { (ctx.t(T::RequestsWaiting(total))) }
        @if rows.is_empty() { p class="empty" { (ctx.t(T::NoRequests)) } }
        @for r in rows {
            @let typed = failed.filter(|f| f.id == r.id);
            article id={ "request-" (r.id) } class="card" aria-labelledby={ "request-" (r.id) "-h" } {
                h2 id={ "request-" (r.id) "-h" } {
                    (shopper(l, Msg::Account(Acc::RequestTitle(r.kind, r.status))))
                    " · " (ctx.t(T::OrderRef(r.order_number.as_str())))
                }
                p class="muted" { (date_time(l, &r.created_at)) }
                @if r.shipped_meanwhile { p { strong { (ctx.t(T::ShippedMeanwhile)) } } }
                @if let Some(reason) = r.reason { p { strong { (ctx.t(T::ReasonLabel)) } " " (shopper(l, Msg::Account(Acc::CancelReason(reason)))) } }
                @if let Some(c) = &r.comment { blockquote { (c) } }
                @if let (RequestKind::AddressChange, Some(a)) = (r.kind, &r.address) {
                    p { strong { (ctx.t(T::NewAddress)) } }
                    address { @for line in a.lines() { (line) br; } }
                }
                @if let Some(f) = typed { (alert(&f.why)) }
                form method="post" action={ "/console/requests/" (r.id) "/decision" } class="stack" {
                    (csrf(ctx))
                    @let id = format!("note-{}", r.id);
                    label for=(id) { (ctx.t(T::DecisionNote)) }
                    textarea id=(id) name="note" rows="2" maxlength="1000" {
                        (typed.map(|f| f.note.as_str()).unwrap_or(""))
                    }
                    div class="actions" {
                        button type="submit" name="decision" value="accept" class="primary" { (ctx.t(T::Accept)) }
                        button type="submit" name="decision" value="reject" class="danger" { (ctx.t(T::Reject)) }
                    }
                }
            }
        }
        (pager(ctx, first, next))
    };
    page(ctx, Area::Requests, &title, body)
}
