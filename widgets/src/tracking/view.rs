//! Pure views of the tracking widget: data in, DOM out, no network. The timeline takes an
//! [`Order`] value, so it renders the same in tests, in the gallery and in the live widget.
//!
//! A new value re-runs the order's view, which Leptos patches into the DOM already there
//! (same elements, changed texts and attributes): open histories, open FAQ answers and
//! keyboard focus survive a live refresh or a change of language.

mod help;
mod history;
mod notices;

use crate::i18n::{self, t, Msg};
use aftercare_shared::api::StoreConfig;
use aftercare_shared::order::{LineItem, Order, OrderStatus, ParcelItem, Shipment};
use aftercare_shared::tracking::TrackingStatus;
use aftercare_shared::{Locale, Timestamp};
use help::{help, stepper};
use history::{history, Histories};
use leptos::html::H3;
use leptos::prelude::*;
use notices::{carrier_link, notices, pickup};
use wasm_bindgen::{JsCast, JsValue};
/// One order's tracking: headline, a block per parcel, unshipped items, or "preparing"; with
/// a store config also the "Need help with your delivery?" section the notices link to.
///
/// Pure: renders from the values alone (no network), so tests and the gallery can use it.
/// Given signals, it updates in place: open histories and keyboard focus survive a new value.
#[component]
pub fn OrderTimeline(
    /// The order to show (as `GET /v1/orders/{number}` returns it).
    #[prop(into)]
    order: Signal<Order>,
    /// The shopper's language.
    #[prop(into)]
    locale: Signal<Locale>,
    /// The store's public configuration (`GET /v1/store?locale=…`): contact channels in the
    /// notices and the help section. Without it both are simply left out.
    #[prop(into, optional)]
    store: Signal<Option<StoreConfig>>,
) -> impl IntoView {
    timeline(Signal::derive(move || Some(order.get())), locale, store)
}

/// What every part of an order's view needs besides the order: the language, the store's
/// configuration, the histories' state and where "Get help" leads.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    l: Locale,
    store: Option<&'a StoreConfig>,
    histories: Histories,
    /// The help section's heading, when there is one to go to.
    help: Option<NodeRef<H3>>,
}

/// The timeline over an optional order (the live widget's current value); see [`OrderTimeline`].
pub(crate) fn timeline(
    order: Signal<Option<Order>>,
    locale: Signal<Locale>,
    store: Signal<Option<StoreConfig>>,
) -> impl IntoView {
    let histories = Histories::new();
    let heading = NodeRef::<H3>::new();
    let body = move || {
        let l = locale.get();
        let opened = histories.opened.get();
        store.with(|cfg| {
            order.with(|o| {
                o.as_ref().map(|o| {
                    let ctx = Ctx {
                        l,
                        store: cfg.as_ref(),
                        histories,
                        help: has_help(cfg.as_ref()).then_some(heading),
                    };
                    order_view(o, &ctx, &opened)
                })
            })
        })
    };
    view! {
        <div class="tl">
            <article class="order">{body}</article>
            {help(store, locale, heading)}
        </div>
    }
}

/// Whether the store gave anything to put in the help section.
fn has_help(cfg: Option<&StoreConfig>) -> bool {
    cfg.is_some_and(|c| !c.faq.is_empty() || has_contacts(c))
}

/// Whether the store gave any contact channel.
fn has_contacts(c: &StoreConfig) -> bool {
    let s = &c.support;
    s.email.is_some() || s.phone.is_some() || s.chat_url.is_some()
}

/// The order: headline, its parcels, what has not shipped yet.
fn order_view(o: &Order, ctx: &Ctx, opened: &[(i64, bool)]) -> impl IntoView {
    let l = ctx.l;
    let attention = matches!(o.status, OrderStatus::Exception | OrderStatus::Cancelled);
    let n = o.shipments.len();
    let units: u32 = o.unshipped.iter().map(|p| p.quantity).sum();
    let parcels = o
        .shipments
        .iter()
        .enumerate()
        .map(|(i, s)| parcel(o, s, (i, n), ctx, opened))
        .collect_view();
    view! {
        <header class="head">
            <h2 part="heading">{t(l, Msg::OrderHeading(o.order_number.as_str()))}</h2>
            <p class=if attention { "headline attention" } else { "headline" }>
                {t(l, Msg::OrderStatus(o.status))}
            </p>
            <p class="muted">
                {time(&o.placed_at, t(l, Msg::PlacedOn(&i18n::date(l, &o.placed_at))))}
            </p>
            {(n > 1).then(|| view! { <p class="ships">{t(l, Msg::ShipsIn(n))}</p> })}
        </header>
        {(n == 0 && o.status != OrderStatus::Cancelled)
            .then(|| view! { <p class="card empty">{t(l, Msg::PreparingBody)}</p> })}
        {parcels}
        {(units > 0)
            .then(|| {
                view! {
                    <section class="card unshipped">
                        <h3>{t(l, Msg::NotShippedYet(units))}</h3>
                        {items(&o.items, &o.unshipped, l)}
                    </section>
                }
            })}
    }
}

/// A `<time>` with its machine-readable instant.
fn time(ts: &Timestamp, text: String) -> impl IntoView {
    view! { <time datetime=ts.to_string()>{text}</time> }
}

/// Item rows with a fixed-size picture tile: rows never shift when images load, and a broken
/// image leaves an empty tile.
fn items(lines: &[LineItem], parcel: &[ParcelItem], l: Locale) -> impl IntoView {
    let rows = parcel
        .iter()
        .filter_map(|p| Some((lines.iter().find(|li| li.id == p.line_item_id)?, p.quantity)))
        .map(|(li, quantity)| {
            let image = li
                .image_url
                .clone()
                .filter(|u| !u.trim().is_empty())
                .map(|src| {
                    view! {
                        <img
                            alt=li.title.clone()
                            width="56"
                            height="56"
                            loading="lazy"
                            decoding="async"
                            src=src
                            on:error=|ev| {
                                let _ = event_target::<web_sys::Element>(&ev)
                                    .set_attribute("hidden", "");
                            }
                        />
                    }
                });
            view! {
                <li>
                    <span class="thumb">{image}</span>
                    <span class="itext">
                        <span class="title">{li.title.clone()}</span>
                        {li.variant.clone().map(|v| view! { <span class="muted">{v}</span> })}
                        <span class="muted">{t(l, Msg::Quantity(quantity))}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="items">{rows}</ul> }
}

/// One parcel: status, notices, carrier and number (with Copy), ETA, pickup point, stepper,
/// its items and its history.
fn parcel(
    o: &Order,
    s: &Shipment,
    (i, n): (usize, usize),
    ctx: &Ctx,
    opened: &[(i64, bool)],
) -> impl IntoView {
    let l = ctx.l;
    let mut status = t(l, Msg::Status(s.status));
    if let Some(r) = s.reason.filter(|_| {
        matches!(
            s.status,
            TrackingStatus::Exception | TrackingStatus::ReturnedToSender
        )
    }) {
        status = format!("{status}: {}", t(l, Msg::Reason(r)));
    }
    let title = if n > 1 {
        format!("{}: {}", t(l, Msg::ParcelOf(i + 1, n)), status)
    } else {
        status
    };
    let number = s.tracking_number.clone();
    let link = carrier_link(s, s.tracking_number.clone(), l);
    let number_text = link.is_none().then(|| number.clone());
    let copy = clipboard().is_some().then(|| {
        view! {
            <button
                type="button"
                class="link copy"
                part="copy"
                aria-label=t(l, Msg::CopyLabel)
                on:click=move |ev| copy(&event_target(&ev), &number, l)
            >
                {t(l, Msg::Copy)}
            </button>
            <span class="copied" aria-live="polite"></span>
        }
    });
    let eta = s.eta.filter(|_| !s.status.is_final()).map(|w| {
        let now = i18n::eta(l, &w);
        let was = s
            .eta_original
            .as_ref()
            .map(|was| t(l, Msg::EtaRevised(&i18n::eta(l, was), &now)));
        view! {
            <div>
                <dt>{t(l, Msg::Eta)}</dt>
                <dd>
                    {time(&w.earliest, now.clone())}
                    {was.map(|was| view! { <span class="was">{was}</span> })}
                </dd>
            </div>
        }
    });
    let pickup_point = s
        .pickup_point
        .as_ref()
        .filter(|_| s.status == TrackingStatus::AvailableForPickup)
        .map(|p| pickup(p, l));
    view! {
        <section class="card parcel" part="parcel">
            <h3 class=s.status.needs_attention().then_some("attention")>{title}</h3>
            {notices(s, ctx)}
            <dl class="meta">
                <div>
                    <dt>{t(l, Msg::Carrier)}</dt>
                    <dd>
                        <span>{s.carrier.name.clone()}</span>
                    </dd>
                </div>
                <div>
                    <dt>{t(l, Msg::TrackingNumber)}</dt>
                    <dd>{link} {number_text} {copy}</dd>
                </div>
                {eta}
            </dl>
            {pickup_point}
            {stepper(s.step, s.status, l)}
            <h4>{t(l, Msg::InThisParcel)}</h4>
            {items(&o.items, &s.items, l)}
            <h4>{t(l, Msg::History)}</h4>
            {history(s, ctx, opened)}
        </section>
    }
}

/// `navigator.clipboard` and its `writeText`, when this page may use them (secure contexts).
fn clipboard() -> Option<(JsValue, js_sys::Function)> {
    let nav = web_sys::window()?.navigator();
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(JsValue::is_object)?;
    let write = js_sys::Reflect::get(&clip, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((clip, write))
}

/// Copy `text`, then say so in the button's live region (or say how to copy by hand).
fn copy(button: &web_sys::Element, text: &str, l: Locale) {
    let Some(live) = button.next_element_sibling() else {
        return;
    };
    let say = move |ok: bool| {
        live.set_text_content(Some(&t(l, if ok { Msg::Copied } else { Msg::CopyFailed })));
        let live = live.clone();
        set_timeout(
            move || live.set_text_content(None),
            std::time::Duration::from_secs(4),
        );
    };
    let promise = clipboard().and_then(|(clip, write)| {
        write
            .call1(&clip, &JsValue::from_str(text))
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match promise {
        Some(p) => leptos::task::spawn_local(async move {
            say(wasm_bindgen_futures::JsFuture::from(p).await.is_ok());
        }),
        None => say(false),
    }
}
