//! One order in the account: its tracking (the tracking widget's timeline, inside), what was
//! bought and paid, where it goes, and returns started right here (the return flow, inside).

use crate::i18n::{self, t, tr, Msg};
use crate::returns::ReturnFlow;
use crate::shell::{focus_heading, problem_card, skeleton, Events, Failure};
use crate::tracking::view::OrderTimeline;
use aftercare_shared::api::StoreConfig;
use aftercare_shared::client::Client;
use aftercare_shared::order::{Address, Order, OrderStatus, PaymentMethod};
use aftercare_shared::{Locale, OrderNumber};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// What the screen shows.
#[derive(Clone)]
enum Loaded {
    Loading,
    Failed(Failure),
    Order(Box<Order>),
}

/// One order (see the module docs). Loads it on mount; a different order is a new instance.
#[component]
pub fn OrderDetail(
    /// Client signed in with the customer's token or the guest's order session.
    client: Client,
    /// The same sign-in, for the return flow inside.
    token: String,
    /// API base URL (for the return flow inside).
    api: String,
    /// The store's publishable key (for the return flow inside).
    publishable_key: String,
    /// The order to show.
    number: OrderNumber,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    events: Events,
    /// The widget's root, to move focus to this screen's heading once it is on screen.
    root: NodeRef<Div>,
    /// Whether the shopper navigated here (focus follows) rather than the page opening here.
    focus: bool,
    /// Called when the order (or why it cannot be shown) is on screen.
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
) -> impl IntoView {
    let loaded = RwSignal::new(Loaded::Loading);
    let store = RwSignal::new(None::<StoreConfig>);
    let retry = RwSignal::new(());
    let load_client = client.clone();
    let wanted = number.clone();
    Effect::new(move |_| {
        retry.track();
        loaded.set(Loaded::Loading);
        let (c, n) = (load_client.clone(), wanted.clone());
        // Owned by this screen: after it is left, `try_set` finds nothing and drops the answer.
        spawn_local(async move {
            match c.order(&n).await {
                Ok(o) => {
                    events.emit(
                        "aftercare:order-loaded",
                        &[("order_number", JsValue::from_str(o.order_number.as_str()))],
                    );
                    loaded.try_set(Loaded::Order(Box::new(o)));
                    if let Some(r) = on_ready {
                        r.run(());
                    }
                    if focus {
                        request_animation_frame(move || focus_heading(root));
                    }
                }
                Err(e) => {
                    events.error(&e);
                    loaded.try_set(Loaded::Failed(Failure::of(&e)));
                    if let Some(r) = on_ready {
                        r.run(());
                    }
                }
            }
        });
    });
    // The store's FAQ and contacts for the parcels' notices and help, in the shown language.
    let store_client = client.clone();
    Effect::new(move |_| {
        let (c, l) = (store_client.clone(), locale.get());
        spawn_local(async move {
            if let Ok(cfg) = c.store_config_for(l).await {
                if locale.try_get_untracked() == Some(l) {
                    store.try_set(Some(cfg));
                }
            }
        });
    });
    let returning = RwSignal::new(false);
    move || match loaded.get() {
        Loaded::Loading => skeleton(locale).into_any(),
        Loaded::Failed(f) => problem_card(
            locale,
            f,
            Msg::Unreachable,
            Callback::new(move |_| retry.set(())),
        )
        .into_any(),
        Loaded::Order(o) => {
            let cancelled = o.status == OrderStatus::Cancelled;
            let shown: Signal<Order> = Signal::stored(*o.clone());
            let facts = move || facts(&o, locale.get());
            let (api, key, token, number) = (
                api.clone(),
                publishable_key.clone(),
                token.clone(),
                number.to_string(),
            );
            let returns = (!cancelled).then(move || {
                let flow = move || {
                    returning.get().then(|| {
                        view! {
                            <ReturnFlow
                                api=api.clone()
                                publishable_key=key.clone()
                                token=token.clone()
                                order=Some(number.clone())
                                locale=locale
                                on_ready=Callback::new(|_| {})
                                focus=true
                            />
                        }
                    })
                };
                view! {
                    <section class="returns-part">
                        {move || (!returning.get()).then(|| view! {
                            <button type="button" class="btn secondary" part="button" on:click=move |_| returning.set(true)>
                                {tr(locale, Msg::ReturnItems)}
                            </button>
                        })}
                        {flow}
                    </section>
                }
            });
            view! {
                <OrderTimeline order=shown locale=locale store=store />
                {facts}
                {returns}
            }
            .into_any()
        }
    }
}

/// What was bought and paid, where it goes, how it was paid.
fn facts(o: &Order, l: Locale) -> impl IntoView {
    let lines = o
        .items
        .iter()
        .map(|li| {
            let img = li
                .image_url
                .clone()
                .filter(|u| !u.trim().is_empty())
                .map(|src| view! { <img alt="" width="56" height="56" loading="lazy" decoding="async" src=src /> });
            let price = t(l, Msg::LinePrice(&i18n::money(l, &li.unit_price), li.quantity));
            view! {
                <li>
                    <span class="thumb">{img}</span>
                    <span class="itext">
                        <span class="title">{li.title.clone()}</span>
                        {li.variant.clone().map(|v| view! { <span class="muted">{v}</span> })}
                        <span class="price">{price}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    let tot = &o.totals;
    let money = |m| i18n::money(l, m);
    let discount = (tot.discount.amount_minor > 0).then(|| {
        view! {
            <div><dt>{t(l, Msg::Discount)}</dt><dd>{format!("−{}", money(&tot.discount))}</dd></div>
        }
    });
    let address = o.shipping_address.as_ref().map(|a| {
        view! {
            <section class="card fact">
                <h3>{t(l, Msg::DeliveryAddress)}</h3>
                <address>{address_lines(a)}</address>
            </section>
        }
    });
    let payment = o.payment.as_ref().map(|p| {
        view! {
            <section class="card fact">
                <h3>{t(l, Msg::Payment)}</h3>
                <p>{payment_text(p, l)}</p>
            </section>
        }
    });
    view! {
        <section class="card bought">
            <h3>{t(l, Msg::ItemsHeading)}</h3>
            <ul class="items lines">{lines}</ul>
            <h3>{t(l, Msg::OrderSummary)}</h3>
            <dl class="totals">
                <div><dt>{t(l, Msg::Subtotal)}</dt><dd>{money(&tot.subtotal)}</dd></div>
                <div><dt>{t(l, Msg::ShippingCharge)}</dt><dd>{money(&tot.shipping)}</dd></div>
                <div><dt>{t(l, Msg::Tax)}</dt><dd>{money(&tot.tax)}</dd></div>
                {discount}
                <div class="grand"><dt>{t(l, Msg::OrderTotal)}</dt><dd>{money(&tot.total)}</dd></div>
            </dl>
        </section>
        <div class="facts">{address} {payment}</div>
    }
}

/// An address as the lines a label would print (empty parts left out).
fn address_lines(a: &Address) -> impl IntoView {
    let city = format!("{} {}", a.postal_code, a.city).trim().to_owned();
    [
        Some(a.name.clone()),
        Some(a.line1.clone()),
        a.line2.clone(),
        Some(city),
        a.region.clone(),
        Some(a.country.clone()),
    ]
    .into_iter()
    .flatten()
    .filter(|x| !x.trim().is_empty())
    .map(|x| view! { <span class="aline">{x}</span> })
    .collect_view()
}

/// "Visa ending in 4242", or the method's name when it is not a card.
fn payment_text(p: &PaymentMethod, l: Locale) -> String {
    let brand = brand_name(&p.brand);
    match &p.last4 {
        Some(last4) => t(l, Msg::CardEnding(&brand, last4)),
        None => brand,
    }
}

/// A payment brand as people write it ("visa" → "Visa", "paypal" → "PayPal").
fn brand_name(code: &str) -> String {
    match code.to_ascii_lowercase().as_str() {
        "visa" => "Visa".into(),
        "mastercard" => "Mastercard".into(),
        "amex" | "american_express" => "American Express".into(),
        "paypal" => "PayPal".into(),
        "apple_pay" => "Apple Pay".into(),
        "google_pay" => "Google Pay".into(),
        _ => {
            let mut c = code.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}
