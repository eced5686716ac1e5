//! One order: what only the store sees (email, customer, returns, requests, how often the
//! shopper checked tracking), then the order exactly as the shopper sees it — the store's own
//! tracking widget, opened with a short-lived pass for this order alone.

use crate::ctx::Ctx;
use crate::format::{date_time, money};
use crate::layout::page;
use crate::pages::returns::status_code;
use crate::role::Area;
use crate::text::{O, T};
use aftercare_shared::changes::OrderRequest;
use aftercare_shared::i18n::{t as shopper, Acc, Msg};
use aftercare_shared::order::OrderStatus;
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::{Money, Timestamp};
use maud::{html, Markup};

/// A return of the order, as its row links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderReturn {
    /// The RMA.
    pub rma: String,
    /// Where it stands.
    pub status: ReturnStatus,
    /// When the shopper asked.
    pub created_at: Timestamp,
}

/// What the store knows about the order beyond what the shopper sees.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderFacts {
    /// The merchant's order number.
    pub number: String,
    /// The checkout email.
    pub email: String,
    /// The merchant's customer id (none for a guest checkout).
    pub customer: Option<String>,
    /// When it was placed.
    pub placed_at: Timestamp,
    /// Its status, as the shopper's page derives it.
    pub status: OrderStatus,
    /// What the shopper paid.
    pub total: Money,
    /// Tracking page opens by the shopper in the last 24 hours.
    pub views_last_day: u64,
    /// Its returns, newest first.
    pub returns: Vec<OrderReturn>,
    /// Its cancellation and address-change requests, newest first.
    pub requests: Vec<OrderRequest>,
}

/// How the page embeds the shopper's view: the loader and the pass it opens the order with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopperView {
    /// The widgets' loader (same origin, so `script-src 'self'` covers it).
    pub loader: String,
    /// The store's publishable key (public by design: it is on every storefront page).
    pub key: String,
    /// A short-lived token that opens this order only.
    pub token: String,
}

/// The order page.
pub fn order(ctx: &Ctx, f: &OrderFacts, view: &ShopperView) -> Markup {
    let l = ctx.locale;
    let title = ctx.t(T::OrderRef(&f.number));
    let body = html! {
        p class="crumbs" { a href=(Area::Orders.path()) { (ctx.t(T::Orders(O::BackToOrders))) } }
        section aria-labelledby="facts-h" {
            h2 id="facts-h" { (ctx.t(T::Orders(O::StoreOnly))) }
            dl class="facts" {
                dt { (ctx.t(T::Email)) } dd { (f.email) }
                dt { (ctx.t(T::Orders(O::CustomerId))) }
                dd { @match &f.customer { Some(c) => code { (c) }, None => (ctx.t(T::Orders(O::Guest))) } }
                dt { (ctx.t(T::Orders(O::PlacedColumn))) } dd { (date_time(l, &f.placed_at)) }
                dt { (ctx.t(T::StatusLabel)) } dd { (shopper(l, Msg::OrderStatus(f.status))) }
                dt { (ctx.t(T::Orders(O::TotalColumn))) } dd { (money(l, &f.total)) }
                dt { (ctx.t(T::Orders(O::ViewsLastDay))) } dd { (f.views_last_day) }
            }
            h3 id="returns-h" { (ctx.t(T::Orders(O::OrderReturns))) }
            @if f.returns.is_empty() {
                p class="empty" { (ctx.t(T::Orders(O::NoOrderReturns))) }
            } @else {
                ul class="items" aria-labelledby="returns-h" {
                    @for r in &f.returns {
                        li {
                            a href={ "/console/returns/" (r.rma) } { (r.rma) }
                            " · " span class={ "badge " (status_code(r.status)) } { (shopper(l, Msg::ReturnStatus(r.status))) }
                            " · " span class="muted" { (date_time(l, &r.created_at)) }
                        }
                    }
                }
            }
            h3 id="requests-h" { (ctx.t(T::Orders(O::OrderRequests))) }
            @if f.requests.is_empty() {
                p class="empty" { (ctx.t(T::Orders(O::NoOrderRequests))) }
            } @else {
                ul class="items" aria-labelledby="requests-h" {
                    @for r in &f.requests {
                        li {
                            a href={ "/console/requests#request-" (r.id) } {
                                (shopper(l, Msg::Account(Acc::RequestTitle(r.kind, r.status))))
                            }
                            " · " span class="muted" { (date_time(l, &r.created_at)) }
                            @if let Some(n) = &r.note { blockquote { (n) } }
                        }
                    }
                }
            }
        }
        section aria-labelledby="shopper-h" class="shopper-view" {
            h2 id="shopper-h" { (ctx.t(T::Orders(O::ShopperView))) }
            p class="hint" { (ctx.t(T::Orders(O::ShopperViewHint))) }
            noscript { p { (ctx.t(T::Orders(O::NeedsScript))) } }
            script src=(view.loader) data-key=(view.key) async {}
            aftercare-tracking order=(f.number) token=(view.token) locale=(l.tag()) {}
        }
    };
    page(ctx, Area::Orders, &title, body)
}
