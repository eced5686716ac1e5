//! `aftercare-tracking`: order tracking for signed-in customers (token) and guests (lookup).
//!
//! Token mode fetches the order named by `order`, or lists the customer's orders to choose
//! from. Guest mode shows the lookup form; the order-session token it returns lives only in
//! memory. Data fetching lives here; everything shown is rendered by the pure views in [`view`].

pub mod view;

use crate::i18n::{self, t, tr, Msg};
use crate::shell::ElementProps;
use crate::shell::Events;
use crate::shell::GuestLookup;
use crate::shell::{
    error_code, order_list, page_hidden, problem_card, skeleton, use_visible_polling, Back, Failure,
};
use aftercare_shared::api::Page;
use aftercare_shared::api::{OrderSession, StoreConfig};
use aftercare_shared::client::{Client, ClientError, Fetched, RetryPolicy};
use aftercare_shared::order::{Order, OrderSummary};
use aftercare_shared::{Locale, OrderNumber};
use futures::future::{abortable, AbortHandle};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use view::timeline;
use wasm_bindgen::{JsCast, JsValue};

/// The widget's own stylesheet (the shared theme is adopted next to it).
pub const CSS: &str = include_str!("tracking.css");

/// What the inputs ask to show.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// Guest without a session: the lookup form.
    Lookup,
    /// Customer without an order number: their order list.
    List(String),
    /// One order, with the token to fetch it and where "back" leads.
    Order {
        token: String,
        number: String,
        back: Back,
    },
}

/// The order being watched by live refresh: who asks, for what, and the last `ETag`. Shared
/// (`Arc`) so a check in flight can tell whether it still belongs to what is on screen.
struct Watch {
    client: Client,
    number: OrderNumber,
    etag: Mutex<Option<String>>,
}

/// What fetching a target brought, applied to the screen by one effect.
#[derive(Clone)]
enum Loaded {
    /// A customer's first page of orders.
    Orders(Result<Page<OrderSummary>, ClientError>),
    /// One order with what live refresh needs, or why not; and where "back" leads.
    Order(Result<(Arc<Watch>, Box<Order>), ClientError>, Back),
    /// The order number cannot exist.
    BadNumber(Back),
    /// The server said "not modified" to a request without a tag: a bad answer.
    Unchanged(Back),
}

/// Fetch what `target` shows (`None` for the lookup form, which needs nothing).
async fn fetch(client: Client, target: Target, locale: Locale) -> Option<Loaded> {
    Some(match target {
        Target::Lookup => return None,
        Target::List(token) => Loaded::Orders(client.with_token(&token).orders(None).await),
        Target::Order {
            token,
            number,
            back,
        } => {
            let Ok(number) = OrderNumber::parse(&number) else {
                return Some(Loaded::BadNumber(back));
            };
            let c = client.with_token(&token);
            // Queued after the request's task, so it runs once the request is on its way.
            spawn_local(async move { i18n::warm_dates(locale) });
            match c.order_if_changed(&number, None).await {
                Ok(Fetched::Changed { value, etag }) => {
                    let w = Watch {
                        client: c.with_retry(RetryPolicy::NONE),
                        number,
                        etag: Mutex::new(etag),
                    };
                    Loaded::Order(Ok((Arc::new(w), Box::new(value))), back)
                }
                Ok(Fetched::NotModified) => Loaded::Unchanged(back),
                Err(e) => Loaded::Order(Err(e), back),
            }
        }
    })
}

/// Poll interval when the `refresh` attribute is absent, and the shortest one allowed.
const REFRESH_DEFAULT: u32 = 60;
const REFRESH_MIN: u32 = 2;

/// What is on screen.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Lookup(Option<Msg<'static>>),
    Orders(Vec<OrderSummary>, Option<String>),
    /// The order itself is in its own signal, so a live refresh updates it in place.
    Order(Back),
    Failed(Failure, Back),
}

/// Order tracking as a Leptos component, for Rust developers composing their own app; the
/// `aftercare-tracking` custom element renders exactly this.
///
/// Emits `aftercare:ready`, `aftercare:order-loaded`, `aftercare:lookup-failed` and
/// `aftercare:error` (bubbling, composed) on the host element, or on its root container when
/// used without one.
#[component]
pub fn TrackingWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`).
    #[prop(into)]
    publishable_key: String,
    /// Order number: shown directly with a token, prefilled in the guest form without one.
    #[prop(into, optional)]
    order: Signal<Option<String>>,
    /// Customer token minted by the merchant's backend; absent means guest lookup.
    #[prop(into, optional)]
    token: Signal<Option<String>>,
    /// Email to prefill in the guest lookup form.
    #[prop(into, optional)]
    email: Signal<Option<String>>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
    /// Seconds between live-refresh checks of a shown order (default 60, at least 2).
    #[prop(into, optional)]
    refresh: Signal<Option<u32>>,
) -> impl IntoView {
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let selected = RwSignal::new(None::<OrderNumber>);
    let session = RwSignal::new(None::<OrderSession>);
    let notice = RwSignal::new(None::<Msg<'static>>);
    let retry = RwSignal::new(0u32);
    let phase = RwSignal::new(Phase::Loading);
    let shown = RwSignal::new(None::<Order>);
    let store = RwSignal::new(None::<StoreConfig>);
    let watch = StoredValue::new(None::<Arc<Watch>>);
    // Live-refresh status: when the data was last confirmed, and whether the last check failed.
    let checked = RwSignal::new(None::<f64>);
    let stale = RwSignal::new(false);
    let clock = RwSignal::new(0u32);

    let target = Memo::new(move |_| {
        let token = token.get().filter(|t| !t.trim().is_empty());
        match token {
            Some(token) => match order.get() {
                Some(number) => Target::Order {
                    token,
                    number,
                    back: Back::None,
                },
                None => match selected.get() {
                    Some(n) => Target::Order {
                        token,
                        number: n.to_string(),
                        back: Back::List,
                    },
                    None => Target::List(token),
                },
            },
            None => match session.get() {
                Some(s) => Target::Order {
                    token: s.token,
                    number: s.order_number.to_string(),
                    back: Back::Lookup,
                },
                None => Target::Lookup,
            },
        }
    });
    // A different customer's token invalidates a choice made from the previous list.
    Effect::watch(
        move || token.get(),
        move |_, _, _| selected.set(None),
        false,
    );

    // What a load brought, put on screen.
    let apply = move |result: Loaded| {
        let fail = move |error: ClientError, back: Back| {
            events.emit(
                "aftercare:error",
                &[
                    ("code", JsValue::from_str(error_code(&error))),
                    ("message", JsValue::from_str(&error.to_string())),
                ],
            );
            phase.set(Phase::Failed(Failure::of(&error), back));
        };
        match result {
            Loaded::Orders(Ok(p)) => phase.set(Phase::Orders(p.items, p.next_cursor)),
            Loaded::Orders(Err(e)) => fail(e, Back::None),
            Loaded::Order(Ok((w, order)), back) => {
                events.emit(
                    "aftercare:order-loaded",
                    &[
                        (
                            "order_number",
                            JsValue::from_str(order.order_number.as_str()),
                        ),
                        ("status", JsValue::from_str(status_wire(&order))),
                    ],
                );
                watch.set_value(Some(w));
                shown.set(Some(*order));
                checked.set(Some(js_sys::Date::now()));
                stale.set(false);
                phase.set(Phase::Order(back));
            }
            // A guest's order session ran out: back to the form, with a reason.
            Loaded::Order(Err(e), back)
                if back == Back::Lookup && Failure::of(&e) == Failure::SignIn =>
            {
                notice.set(Some(Msg::SessionExpired));
                session.set(None);
            }
            Loaded::Order(Err(e), back) => fail(e, back),
            Loaded::BadNumber(back) => phase.set(Phase::Failed(Failure::NotFound, back)),
            Loaded::Unchanged(back) => phase.set(Phase::Failed(Failure::Generic, back)),
        }
    };
    // Entering a target shows its first screen at once (the lookup form, or the skeleton
    // while its data loads) and aborts the load still in flight: an answer for a screen the
    // shopper has already left is dropped, never shown, and the new load does not wait for it.
    let load_client = client.clone();
    let in_flight = StoredValue::new(None::<AbortHandle>);
    Effect::new(move |_| {
        retry.track();
        let target = target.get();
        watch.set_value(None);
        if let Some(previous) = in_flight.try_update_value(Option::take).flatten() {
            previous.abort();
        }
        match target {
            Target::Lookup => phase.set(Phase::Lookup(notice.get_untracked())),
            Target::List(_) | Target::Order { .. } => {
                phase.set(Phase::Loading);
                let fetching = fetch(load_client.clone(), target, locale.get_untracked());
                let (load, handle) = abortable(fetching);
                in_flight.set_value(Some(handle));
                spawn_local(async move {
                    if let Ok(Some(result)) = load.await {
                        apply(result);
                    }
                });
            }
        }
    });
    // Unmounted: nothing left to show an answer in.
    on_cleanup(move || {
        if let Some(load) = in_flight.try_update_value(Option::take).flatten() {
            load.abort();
        }
    });

    // Live refresh: one conditional GET per interval while an order is shown and the page is
    // visible. A change updates `shown` in place (the timeline keeps open histories and focus);
    // a failure keeps the data and only flags the status line.
    let busy = StoredValue::new(false);
    let poll = move || {
        let showing = phase.try_with_untracked(|p| matches!(p, Phase::Order(_))) == Some(true);
        if !showing || page_hidden() || busy.try_get_value() != Some(false) {
            return;
        }
        let Some(w) = watch.try_get_value().flatten() else {
            return;
        };
        busy.set_value(true);
        spawn_local(async move {
            let etag = w
                .etag
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            let r = w.client.order_if_changed(&w.number, etag.as_deref()).await;
            busy.try_set_value(false);
            let still_watched = watch
                .try_with_value(|v| v.as_ref().is_some_and(|v| Arc::ptr_eq(v, &w)))
                .unwrap_or(false);
            if !still_watched {
                return; // unmounted, or another order is shown now
            }
            match r {
                Ok(Fetched::Changed { value, etag }) => {
                    *w.etag.lock().unwrap_or_else(PoisonError::into_inner) = etag;
                    if shown.with_untracked(|s| s.as_ref() != Some(&value)) {
                        events.emit(
                            "aftercare:order-updated",
                            &[
                                (
                                    "order_number",
                                    JsValue::from_str(value.order_number.as_str()),
                                ),
                                ("status", JsValue::from_str(status_wire(&value))),
                            ],
                        );
                        shown.set(Some(value));
                    }
                }
                Ok(Fetched::NotModified) => {}
                Err(_) => {
                    stale.set(true);
                    return;
                }
            }
            checked.set(Some(js_sys::Date::now()));
            stale.set(false);
        });
    };
    use_visible_polling(
        Signal::derive(move || refresh.get().unwrap_or(REFRESH_DEFAULT).max(REFRESH_MIN)),
        poll,
    );
    // "Updated N minutes ago" is re-rendered every 30 s.
    let ticker = set_interval_with_handle(
        move || {
            clock.try_update(|n| *n = n.wrapping_add(1));
        },
        Duration::from_secs(30),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = ticker {
            t.clear();
        }
    });

    // The store's FAQ and contacts for the help section: once per language, only once an order
    // is on screen; a failure just leaves the help section out.
    let store_client = client.clone();
    let configs = StoredValue::new(Vec::<(Locale, Option<StoreConfig>)>::new());
    Effect::new(move |_| {
        let l = locale.get();
        if !phase.with(|p| matches!(p, Phase::Order(_))) {
            return;
        }
        if let Some(known) =
            configs.with_value(|c| c.iter().find(|(x, _)| *x == l).map(|(_, c)| c.clone()))
        {
            store.set(known);
            return;
        }
        configs.update_value(|c| c.push((l, None)));
        store.set(None);
        let c = store_client.clone();
        spawn_local(async move {
            if let Ok(cfg) = c.store_config_for(l).await {
                configs.try_update_value(|c| {
                    for (x, v) in c.iter_mut() {
                        if *x == l {
                            *v = Some(cfg.clone());
                        }
                    }
                });
                if locale.try_get_untracked() == Some(l) {
                    store.try_set(Some(cfg));
                }
            }
        });
    });

    // `aftercare:ready` once, when the first real content (not the skeleton) is on screen.
    let mut ready = false;
    Effect::new(move |_| {
        if !ready && phase.with(|p| *p != Phase::Loading) {
            ready = true;
            events.emit(
                "aftercare:ready",
                &[("widget", JsValue::from_str("tracking"))],
            );
        }
    });

    // After the shopper navigates (picks an order, looks one up, goes back), move focus to the
    // new content's heading so keyboard and screen-reader users land on what changed.
    let navigated = StoredValue::new(false);
    Effect::new(move |_| {
        let loading = phase.with(|p| *p == Phase::Loading);
        if !loading && navigated.try_get_value() == Some(true) {
            navigated.set_value(false);
            // After the DOM update: effects may run before the view is rebuilt.
            request_animation_frame(move || {
                if let Some(h) = root
                    .try_get_untracked()
                    .flatten()
                    .and_then(|r| r.query_selector("h2").ok().flatten())
                {
                    let _ = h.set_attribute("tabindex", "-1");
                    let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    });
    let on_session = Callback::new(move |s: OrderSession| {
        navigated.set_value(true);
        notice.set(None);
        session.set(Some(s));
    });
    let on_pick = Callback::new(move |n: OrderNumber| {
        navigated.set_value(true);
        selected.set(Some(n));
    });
    let form_client = client.clone();
    let load_more = Callback::new(move |cursor: String| {
        let c = match target.get_untracked() {
            Target::List(token) => client.with_token(&token),
            _ => return,
        };
        spawn_local(async move {
            match c.orders(Some(&cursor)).await {
                Ok(p) => {
                    phase.try_update(|ph| {
                        if let Phase::Orders(items, next) = ph {
                            items.extend(p.items);
                            *next = p.next_cursor;
                        }
                    });
                }
                Err(e) => events.emit(
                    "aftercare:error",
                    &[
                        ("code", JsValue::from_str(error_code(&e))),
                        ("message", JsValue::from_str(&e.to_string())),
                    ],
                ),
            }
        });
    });

    let back_link = move |back: Back| {
        let (msg, action): (Msg<'static>, Callback<()>) = match back {
            Back::None => return None,
            Back::List => (
                Msg::AllOrders,
                Callback::new(move |_| {
                    navigated.set_value(true);
                    selected.set(None);
                }),
            ),
            Back::Lookup => (
                Msg::LookUpAnother,
                Callback::new(move |_| {
                    navigated.set_value(true);
                    notice.set(None);
                    session.set(None);
                }),
            ),
        };
        Some(view! {
            <p class="back">
                <button type="button" class="link" part="button" on:click=move |_| action.run(())>
                    {tr(locale, msg)}
                </button>
            </p>
        })
    };
    let updated = move || {
        clock.track();
        let l = locale.get();
        let ago = checked.get().map(|at| {
            let mins = ((js_sys::Date::now() - at) / 60_000.0).max(0.0) as u32;
            match mins {
                0 => t(l, Msg::UpdatedJustNow),
                m => t(l, Msg::UpdatedAgo(&i18n::ago(l, m))),
            }
        });
        match (ago, stale.get()) {
            (Some(a), true) => format!("{a} · {}", t(l, Msg::RefreshFailed)),
            (Some(a), false) => a,
            (None, _) => String::new(),
        }
    };
    let body = move || {
        match phase.get() {
        Phase::Loading => skeleton(locale).into_any(),
        Phase::Lookup(notice) => view! {
            <GuestLookup
                heading=Msg::TrackHeading
                intro=Msg::TrackIntro
                button=Msg::TrackButton
                locale=locale
                order=order
                email=email
                client=form_client.clone()
                on_session=on_session
                events=events
                notice=notice
            />
        }
        .into_any(),
        Phase::Orders(list, next) => view! {
            <section class="list">
                <h2 part="heading">{tr(locale, Msg::YourOrders)}</h2>
                {move || order_list(list.clone(), locale, on_pick)}
                {next.map(|cursor| {
                    view! {
                        <button type="button" class="btn secondary" part="button" on:click=move |_| load_more.run(cursor.clone())>
                            {tr(locale, Msg::LoadMore)}
                        </button>
                    }
                })}
            </section>
        }
        .into_any(),
        Phase::Order(back) => view! {
            {back_link(back)}
            <p class="live muted" part="live">{updated}</p>
            {timeline(shown.into(), locale, store.into())}
        }
        .into_any(),
        Phase::Failed(f, back) => view! {
            {back_link(back)}
            {problem_card(locale, f, Msg::Unreachable, Callback::new(move |_| retry.update(|n| *n += 1)))}
        }
        .into_any(),
    }
    };
    view! {
        <div class="root" part="container" lang=move || locale.get().tag() node_ref=root>
            {body}
        </div>
    }
}

/// The order status's wire name, for the `aftercare:order-loaded` event.
fn status_wire(o: &Order) -> &'static str {
    use aftercare_shared::order::OrderStatus::*;
    match o.status {
        Processing => "processing",
        PartiallyShipped => "partially_shipped",
        Shipped => "shipped",
        OutForDelivery => "out_for_delivery",
        Delivered => "delivered",
        Exception => "exception",
        Cancelled => "cancelled",
    }
}

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale_attr = p.attrs.get("locale");
    let locale = i18n::element_locale(locale_attr);
    let refresh = p.attrs.get("refresh");
    view! {
        <TrackingWidget
            api=p.api
            publishable_key=p.key
            order=p.attrs.get("order")
            token=p.attrs.get("token")
            email=p.attrs.get("email")
            locale=locale
            refresh=Signal::derive(move || refresh.get().and_then(|s| s.parse().ok()))
        />
    }
    .into_any()
}
