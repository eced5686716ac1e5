//! Orders: find an order by its number or the shopper's email (exact, or part of it), a page
//! at a time, newest first; each row links to the order as the shopper sees it.

use crate::ctx::Ctx;
use crate::format::{date_time, money};
use crate::html::pager;
use crate::layout::page;
use crate::role::Area;
use crate::text::{O, T};
use aftercare_shared::i18n::{t as shopper, Msg};
use aftercare_shared::order::OrderStatus;
use aftercare_shared::{Money, Timestamp};
use maud::{html, Markup};

/// Longest search the form takes (an email is at most 254 characters).
pub const MAX_SEARCH: usize = 254;

/// One order in the results: what support needs to tell orders apart at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRow {
    /// The merchant's order number.
    pub number: String,
    /// The checkout email.
    pub email: String,
    /// When it was placed.
    pub placed_at: Timestamp,
    /// Its status, derived from its parcels as the shopper's page derives it.
    pub status: OrderStatus,
    /// What the shopper paid.
    pub total: Money,
    /// How many parcels it was sent in so far.
    pub parcels: usize,
}

/// The search page: the form with `search` as typed, then one page of `rows`.
pub fn orders(
    ctx: &Ctx,
    search: &str,
    rows: &[OrderRow],
    first: Option<&str>,
    next: Option<&str>,
) -> Markup {
    let l = ctx.locale;
    let title = ctx.t(T::AreaName(Area::Orders));
    let caption = if search.is_empty() {
        ctx.t(T::Orders(O::Newest))
    } else {
        ctx.t(T::Orders(O::Results(search)))
    };
    let body = html! {
        form method="get" action=(Area::Orders.path()) class="filters" role="search" {
            label for="q" { (ctx.t(T::Orders(O::SearchLabel))) }
            input id="q" name="q" type="search" value=(search) maxlength=(MAX_SEARCH)
                autocomplete="off" spellcheck="false" aria-describedby="q-hint";
            button type="submit" class="primary" { (ctx.t(T::Orders(O::Find))) }
        }
        p id="q-hint" class="hint" { (ctx.t(T::Orders(O::SearchHint))) }
        h2 id="results-h" { (caption) }
        @if rows.is_empty() {
            p class="empty" { (ctx.t(T::Orders(O::NoOrders))) }
        } @else {
            // Focusable, so a table wider than the screen can be scrolled from the keyboard.
            div class="scroll" role="region" aria-labelledby="results-h" tabindex="0" {
                table aria-labelledby="results-h" {
                    thead { tr {
                        th scope="col" { (ctx.t(T::OrderColumn)) }
                        th scope="col" { (ctx.t(T::Email)) }
                        th scope="col" { (ctx.t(T::Orders(O::PlacedColumn))) }
                        th scope="col" { (ctx.t(T::StatusLabel)) }
                        th scope="col" class="num" { (ctx.t(T::Orders(O::TotalColumn))) }
                        th scope="col" class="num" { (ctx.t(T::Orders(O::ParcelsColumn))) }
                    } }
                    tbody {
                        @for r in rows {
                            tr {
                                th scope="row" { a href=(order_path(&r.number)) { (r.number) } }
                                td { (r.email) }
                                td { (date_time(l, &r.placed_at)) }
                                td { (shopper(l, Msg::OrderStatus(r.status))) }
                                td class="num nowrap" { (money(l, &r.total)) }
                                td class="num" { (r.parcels) }
                            }
                        }
                    }
                }
            }
        }
        (pager(ctx, first, next))
    };
    page(ctx, Area::Orders, &title, body)
}

/// Where one order's page is (`/console/orders/1042`; the number percent-encoded).
pub fn order_path(number: &str) -> String {
    format!(
        "{}/{}",
        Area::Orders.path(),
        crate::html::query_value(number)
    )
}
