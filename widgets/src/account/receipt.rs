//! A printable receipt for one order: the store, the order and its date, every line with its
//! quantity, unit price and amount, the totals with refunds, the delivery address and the
//! payment method. "Print" prints only the receipt: a page-level sheet (adopted, so a strict
//! CSP allows it) hides the rest of the storefront while printing, and the page margins fit
//! both A4 and US Letter.

use crate::dom::{adopt_in_document, uid, unadopt_in_document};
use crate::i18n::{self, at, t, Acc, Msg};
use aftercare_shared::api::StoreConfig;
use aftercare_shared::order::Order;
use aftercare_shared::{Locale, Money};
use leptos::html::H2;
use leptos::prelude::*;

/// Page-level print rules: only the account element (and its ancestors) is printed.
const PRINT_CSS: &str = "@page{margin:14mm}@media print{body *:not(:has(aftercare-account)):not(aftercare-account):not(aftercare-account *){display:none!important}aftercare-account{min-height:0!important}}";

/// The receipt (see the module docs); focus moves to its heading when it opens.
#[component]
pub fn Receipt(
    /// The order as last loaded.
    order: Signal<Order>,
    /// The store's public configuration (its name heads the receipt).
    store: RwSignal<Option<StoreConfig>>,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Back to the order's page.
    on_back: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    let id = uid("rcpt");
    adopt_in_document("aftercare-print", PRINT_CSS);
    on_cleanup(|| unadopt_in_document("aftercare-print"));
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let body = move || {
        let l = locale.get();
        order.with(|o| receipt_body(o, l))
    };
    let labelled_by = id.clone();
    view! {
        <article class="receipt" aria-labelledby=labelled_by>
            <p class="store-name">{move || store.get().map(|s| s.name)}</p>
            <h2 id=id tabindex="-1" node_ref=heading>{move || at(locale.get(), Acc::ReceiptHeading)}</h2>
            {body}
            <div class="nav noprint">
                <button type="button" class="btn" part="button" on:click=move |_| print()>
                    {move || at(locale.get(), Acc::Print)}
                </button>
                <button type="button" class="link" part="button" on:click=move |_| on_back.run(())>
                    {move || at(locale.get(), Acc::BackToOrder)}
                </button>
            </div>
        </article>
    }
}

/// The browser's print dialog.
fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The receipt's content for one order.
fn receipt_body(o: &Order, l: Locale) -> impl IntoView {
    let money = |m: &Money| i18n::money(l, m);
    let rows = o
        .items
        .iter()
        .map(|li| {
            let amount = Money::new(
                li.unit_price
                    .amount_minor
                    .saturating_mul(i64::from(li.quantity)),
                li.unit_price.currency,
            );
            view! {
                <tr>
                    <th scope="row">
                        <span class="title">{li.title.clone()}</span>
                        {li.variant.clone().map(|v| view! { <span class="muted"> {format!(" · {v}")}</span> })}
                        <span class="muted sku">{li.sku.clone()}</span>
                    </th>
                    <td class="num">{li.quantity}</td>
                    <td class="num">{money(&li.unit_price)}</td>
                    <td class="num">{money(&amount)}</td>
                </tr>
            }
        })
        .collect_view();
    let number = o.order_number.to_string();
    let placed = i18n::date(l, &o.placed_at);
    view! {
        <p class="muted">{at(l, Acc::ReceiptOf(&number, &placed))}</p>
        <div class="table-wrap">
            <table class="rtable">
                <caption class="vh">{t(l, Msg::ItemsHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{at(l, Acc::ColItem)}</th>
                        <th scope="col" class="num">{at(l, Acc::ColQty)}</th>
                        <th scope="col" class="num">{at(l, Acc::ColUnit)}</th>
                        <th scope="col" class="num">{at(l, Acc::ColAmount)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {super::detail::totals(o, l)}
        <div class="facts">{super::detail::address_and_payment(o, l)}</div>
    }
}
