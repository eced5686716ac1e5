//! One order in the account: its tracking (the tracking widget's timeline, inside), the
//! changes the shopper may still ask for (cancel, deliver elsewhere), what was bought and paid
//! with refunds and "Buy again", where it goes, a printable receipt, and returns started right
//! here (the return flow, inside).

use super::changes::OrderChanges;
use super::past_returns::PastReturns;
use super::receipt::Receipt;
use crate::i18n::{self, at, t, tr, Acc, Msg};
use crate::returns::ReturnFlow;
use crate::review::ReviewWidget;
use crate::shell::{focus_heading, problem_card, skeleton, use_visible_polling, Events, Failure};
use crate::tracking::view::OrderTimeline;
use aftercare_shared::api::StoreConfig;
use aftercare_shared::client::{Client, Fetched};
use aftercare_shared::order::{Address, Order, OrderStatus, PaymentMethod};
use aftercare_shared::{Locale, Money, OrderNumber};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// What the screen shows.
#[derive(Clone, Copy, PartialEq)]
enum Loaded {
    Loading,
    Failed(Failure),
    /// The order is in its own signal, so a refresh patches the page in place.
    Shown,
}

/// Seconds between checks of a shown order while the store has a request to answer, and
/// otherwise.
const POLL_PENDING: u32 = 5;
const POLL_IDLE: u32 = 60;

/// One order (see the module docs). Loads it on mount; a different order is a new instance.
/// While a cancellation or address change waits for the store, the order is checked every few
/// seconds (a conditional GET, 304 when nothing changed), so the answer appears on its own.
#[component]
pub fn OrderDetail(
    /// Client signed in with the customer's token or the guest's order session.
    client: Client,
    /// The same sign-in, for the return flow inside.
    token: String,
    /// Whether the sign-in is a customer's (saved addresses are offered).
    #[prop(optional)]
    signed_in: bool,
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
    let order = RwSignal::new(None::<Order>);
    let etag = StoredValue::new(None::<String>);
    let store = RwSignal::new(None::<StoreConfig>);
    let retry = RwSignal::new(());
    let receipt = RwSignal::new(false);
    let client = StoredValue::new(client);
    let wanted = number.clone();
    Effect::new(move |_| {
        retry.track();
        loaded.set(Loaded::Loading);
        let (Some(c), n) = (client.try_get_value(), wanted.clone()) else {
            return;
        };
        // Owned by this screen: after it is left, `try_set` finds nothing and drops the answer.
        spawn_local(async move {
            match c.order_if_changed(&n, None).await {
                Ok(Fetched::Changed { value, etag: tag }) => {
                    events.emit(
                        "aftercare:order-loaded",
                        &[(
                            "order_number",
                            JsValue::from_str(value.order_number.as_str()),
                        )],
                    );
                    etag.try_set_value(tag);
                    order.try_set(Some(value));
                    loaded.try_set(Loaded::Shown);
                    if let Some(r) = on_ready {
                        r.run(());
                    }
                    if focus {
                        request_animation_frame(move || focus_heading(root));
                    }
                }
                Ok(Fetched::NotModified) => {}
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
    // Check again: after a request was sent, and on the polling interval.
    let busy = StoredValue::new(false);
    let polled = number.clone();
    let refresh = Callback::new(move |_: ()| {
        if loaded.try_get_untracked() != Some(Loaded::Shown) || busy.try_get_value() != Some(false)
        {
            return;
        }
        let (Some(c), n) = (client.try_get_value(), polled.clone()) else {
            return;
        };
        busy.set_value(true);
        spawn_local(async move {
            let tag = etag.try_get_value().flatten();
            let r = c.order_if_changed(&n, tag.as_deref()).await;
            busy.try_set_value(false);
            if let Ok(Fetched::Changed { value, etag: tag }) = r {
                etag.try_set_value(tag);
                if order.try_with_untracked(|o| o.as_ref() != Some(&value)) == Some(true) {
                    order.try_set(Some(value));
                }
            }
        });
    });
    let pending = Memo::new(move |_| {
        order.with(|o| {
            o.as_ref().is_some_and(|o| {
                o.requests
                    .iter()
                    .any(|r| r.status == aftercare_shared::changes::RequestStatus::Pending)
            })
        })
    });
    use_visible_polling(
        Signal::derive(move || {
            if pending.get() {
                POLL_PENDING
            } else {
                POLL_IDLE
            }
        }),
        move || refresh.run(()),
    );
    // The store's FAQ and contacts for the parcels' notices and help, in the shown language.
    Effect::new(move |_| {
        let (Some(c), l) = (client.try_get_value(), locale.get()) else {
            return;
        };
        spawn_local(async move {
            if let Ok(cfg) = c.store_config_for(l).await {
                if locale.try_get_untracked() == Some(l) {
                    store.try_set(Some(cfg));
                }
            }
        });
    });
    let returning = RwSignal::new(false);
    // A past return the shopper opened (the return flow shows its status page).
    let opened = RwSignal::new(None::<String>);
    let shown: Signal<Order> = Signal::derive(move || order.get().unwrap_or_else(empty_order));
    move || match loaded.get() {
        Loaded::Loading => skeleton(locale).into_any(),
        Loaded::Failed(f) => problem_card(
            locale,
            f,
            Msg::Unreachable,
            Callback::new(move |_| retry.set(())),
        )
        .into_any(),
        Loaded::Shown => {
            let (api, key, token, number) = (
                api.clone(),
                publishable_key.clone(),
                token.clone(),
                number.to_string(),
            );
            let (api_r, key_r, token_r, number_r) =
                (api.clone(), key.clone(), token.clone(), number.clone());
            let returns = move || {
                let cancelled = shown.with(|o| o.status == OrderStatus::Cancelled);
                let (api, key, token, number) =
                    (api.clone(), key.clone(), token.clone(), number.clone());
                (!cancelled).then(move || {
                    let past = move || {
                        let c = client.try_get_value().filter(|_| !returning.get())?;
                        let n = shown.with_untracked(|o| o.order_number.clone());
                        let open = Callback::new(move |rma: String| {
                            opened.set(Some(rma));
                            returning.set(true);
                        });
                        Some(view! { <PastReturns client=c number=n locale=locale on_open=open /> })
                    };
                    let flow = move || {
                        returning.get().then(|| {
                            view! {
                                <ReturnFlow
                                    api=api.clone()
                                    publishable_key=key.clone()
                                    token=token.clone()
                                    order=Some(number.clone())
                                    rma=opened.get_untracked()
                                    locale=locale
                                    on_ready=Callback::new(|_| {})
                                    focus=true
                                />
                            }
                        })
                    };
                    view! {
                        <section class="returns-part">
                            {past}
                            {move || (!returning.get()).then(|| view! {
                                <button type="button" class="btn secondary" part="button" on:click=move |_| { opened.set(None); returning.set(true); }>
                                    {tr(locale, Msg::ReturnItems)}
                                </button>
                            })}
                            {flow}
                        </section>
                    }
                })
            };
            let page = move || {
                if receipt.get() {
                    return view! {
                        <Receipt order=shown store=store locale=locale on_back=Callback::new(move |_| receipt.set(false)) />
                    }
                    .into_any();
                }
                let changes = client.try_get_value().map(|c| {
                    view! {
                        <OrderChanges
                            client=c
                            signed_in=signed_in
                            order=shown
                            locale=locale
                            events=events
                            on_changed=refresh
                        />
                    }
                });
                // A signed-in customer is asked here about this order's delivered items (the
                // guest lookup has no customer to review as).
                let review = signed_in.then(|| {
                    view! {
                        <ReviewWidget
                            api=api_r.clone()
                            publishable_key=key_r.clone()
                            token=Some(token_r.clone())
                            locale=locale
                            order=Some(number_r.clone())
                            standing=true
                        />
                    }
                });
                view! {
                    <OrderTimeline order=shown locale=locale store=store />
                    {changes}
                    {review}
                    {move || shown.with(|o| facts(o, locale.get()))}
                    <p class="receipt-link">
                        <button type="button" class="link" part="button" on:click=move |_| receipt.set(true)>
                            {move || at(locale.get(), Acc::ViewReceipt)}
                        </button>
                    </p>
                    {returns.clone()}
                }
                .into_any()
            };
            page.into_any()
        }
    }
}

/// Stands in for the order while none is loaded (never shown: the screen shows a skeleton).
fn empty_order() -> Order {
    Order {
        order_number: OrderNumber::parse("0").expect("a valid number"),
        placed_at: aftercare_shared::Timestamp::from_utc_ms(0, 0),
        status: OrderStatus::Processing,
        currency: aftercare_shared::Currency::parse("EUR").expect("a valid currency"),
        items: Vec::new(),
        totals: aftercare_shared::order::OrderTotals {
            subtotal: Money::new(0, aftercare_shared::Currency::parse("EUR").expect("EUR")),
            shipping: Money::new(0, aftercare_shared::Currency::parse("EUR").expect("EUR")),
            tax: Money::new(0, aftercare_shared::Currency::parse("EUR").expect("EUR")),
            discount: Money::new(0, aftercare_shared::Currency::parse("EUR").expect("EUR")),
            total: Money::new(0, aftercare_shared::Currency::parse("EUR").expect("EUR")),
            refunded: None,
        },
        shipping_address: None,
        payment: None,
        shipments: Vec::new(),
        unshipped: Vec::new(),
        requests: Vec::new(),
        changes: None,
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
            let again = li.product_url.clone().map(|href| {
                view! {
                    <a class="buy" href=href target="_top" part="link">
                        {at(l, Acc::BuyAgain)}<span class="vh">{format!(" ({})", li.title)}</span>
                    </a>
                }
            });
            view! {
                <li>
                    <span class="thumb">{img}</span>
                    <span class="itext">
                        <span class="title">{li.title.clone()}</span>
                        {li.variant.clone().map(|v| view! { <span class="muted">{v}</span> })}
                        <span class="price">{price}</span>
                        {again}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card bought">
            <h3>{t(l, Msg::ItemsHeading)}</h3>
            <ul class="items lines">{lines}</ul>
            <h3>{t(l, Msg::OrderSummary)}</h3>
            {totals(o, l)}
        </section>
        <div class="facts">{address_and_payment(o, l)}</div>
    }
}

/// The totals: subtotal, shipping, tax, discount, total, and refunds with what remains paid.
pub(crate) fn totals(o: &Order, l: Locale) -> impl IntoView {
    let tot = &o.totals;
    let money = |m: &Money| i18n::money(l, m);
    let discount = (tot.discount.amount_minor > 0).then(|| {
        view! {
            <div><dt>{t(l, Msg::Discount)}</dt><dd>{format!("−{}", money(&tot.discount))}</dd></div>
        }
    });
    let refunds = tot.refunded.filter(|r| r.amount_minor > 0).map(|r| {
        let net = Money::new(tot.total.amount_minor - r.amount_minor, r.currency);
        view! {
            <div class="refund"><dt>{at(l, Acc::Refunded)}</dt><dd>{format!("−{}", money(&r))}</dd></div>
            <div class="grand net"><dt>{at(l, Acc::NetPaid)}</dt><dd>{money(&net)}</dd></div>
        }
    });
    view! {
        <dl class="totals">
            <div><dt>{t(l, Msg::Subtotal)}</dt><dd>{money(&tot.subtotal)}</dd></div>
            <div><dt>{t(l, Msg::ShippingCharge)}</dt><dd>{money(&tot.shipping)}</dd></div>
            <div><dt>{t(l, Msg::Tax)}</dt><dd>{money(&tot.tax)}</dd></div>
            {discount}
            <div class="grand"><dt>{t(l, Msg::OrderTotal)}</dt><dd>{money(&tot.total)}</dd></div>
            {refunds}
        </dl>
    }
}

/// The delivery address and the payment method, each in a card.
pub(crate) fn address_and_payment(o: &Order, l: Locale) -> impl IntoView {
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
    view! { {address} {payment} }
}

/// An address as the lines a label would print (empty parts left out).
pub(crate) fn address_lines(a: &Address) -> impl IntoView {
    a.lines()
        .into_iter()
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
