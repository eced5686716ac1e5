//! Views several widgets show alike: the loading skeleton, a customer's order list, the
//! store's contact links, and where focus goes after a screen change.

use crate::i18n::{self, t, tr, Msg};
use aftercare_shared::api::StoreConfig;
use aftercare_shared::order::OrderSummary;
use aftercare_shared::{Locale, OrderNumber};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Provided inside a widget's themed `.root` container, so a component that can also stand
/// alone in a Rust app (`ReturnFlow`) knows not to add a second container of its own.
#[derive(Debug, Clone, Copy)]
pub struct Themed;

/// Where the link above a shown order (or return flow) leads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Back {
    /// Nowhere: the page asked for this one order.
    None,
    /// The signed-in customer's order list.
    List,
    /// The guest lookup form.
    Lookup,
}

/// The loading skeleton: reserves the widget's height and announces "Loading…" to screen readers.
pub fn skeleton(locale: Signal<Locale>) -> impl IntoView {
    view! {
        <div class="skel" role="status">
            <span class="vh">{tr(locale, Msg::Loading)}</span>
            <div class="bar w60"></div>
            <div class="bar w40"></div>
            <div class="blk"></div>
        </div>
    }
}

/// A customer's orders as buttons; choosing one calls `on_pick`.
pub fn order_list(
    orders: Vec<OrderSummary>,
    locale: Signal<Locale>,
    on_pick: Callback<OrderNumber>,
) -> impl IntoView {
    let l = locale.get();
    let empty = orders
        .is_empty()
        .then(|| view! { <li class="card empty">{t(l, Msg::NoOrders)}</li> });
    let rows = orders
        .into_iter()
        .map(|o| {
            let status = t(l, Msg::OrderStatus(o.status));
            let label = t(
                l,
                Msg::OrderRow {
                    number: o.order_number.as_str(),
                    date: &i18n::date(l, &o.placed_at),
                    status: &status,
                    total: &i18n::money(l, &o.total),
                },
            );
            let number = o.order_number;
            view! {
                <li>
                    <button type="button" class="row" part="button" on:click=move |_| on_pick.run(number.clone())>
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="orders">{empty} {rows}</ul> }
}

/// The store's contact channels as links (email, phone, chat), for a shopper who needs a
/// person: the NPS detractor's follow-up and the tracking page's help and problem notices.
#[component]
pub fn ContactLinks(
    /// The store's configuration (its support channels).
    config: StoreConfig,
    /// The shopper's language.
    #[prop(into)]
    locale: Signal<Locale>,
) -> impl IntoView {
    let sup = config.support;
    let text = move |m: Msg<'static>| move || t(locale.get(), m);
    let email = sup.email.map(|e| {
        let href = format!("mailto:{e}");
        view! { <a href=href>{move || t(locale.get(), Msg::ContactEmail(&e))}</a> }
    });
    let phone = sup.phone.map(|p| {
        let dial: String = p
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        view! { <a href=format!("tel:{dial}")>{move || t(locale.get(), Msg::ContactPhone(&p))}</a> }
    });
    let chat = sup
        .chat_url
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|u| {
            view! {
                <a href=u target="_blank" rel="noopener noreferrer">
                    {text(Msg::ContactChat)}
                    <span class="vh">" " {text(Msg::OpensNewTab)}</span>
                </a>
            }
        });
    view! { {email} {phone} {chat} }
}

/// Focus the first `h2` under `root` (made focusable), so keyboard and screen-reader users
/// land on what changed.
pub fn focus_heading(root: NodeRef<Div>) {
    if let Some(h) = root
        .try_get_untracked()
        .flatten()
        .and_then(|r| r.query_selector("h2").ok().flatten())
    {
        let _ = h.set_attribute("tabindex", "-1");
        let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Whether the page is in a background tab: polling pauses then and catches up when shown.
pub fn page_hidden() -> bool {
    leptos::tachys::dom::document().hidden()
}
