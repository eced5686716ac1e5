//! `aftercare-returns`: returns and exchanges for signed-in customers (token) and guests
//! (lookup), the EU withdrawal button, and each return's live status page.
//!
//! Data flow: the shell ([`ReturnsWidget`], like tracking's) decides what to show — the guest
//! lookup, the customer's order list, or one order's [`ReturnFlow`]. The flow loads
//! `GET /v1/orders/{n}/returns/options` once, restores the order's [`draft`] from
//! `localStorage`, and walks the steps Items → Reasons → Photos (only when a chosen reason asks
//! for them) → Resolution → Review; submitting creates the return with the draft's own
//! idempotency key (a double click, a retry or a reload after sending never makes two), then
//! the status page polls `GET /v1/returns/{rma}` while the tab is visible.
//!
//! The flow's state lives in signals ([`state`]); each screen is a view built from them (one
//! file per step). A screen is rebuilt only when the shopper moves between screens, the
//! language changes or a reload brings new data; changes inside a screen update just the part
//! they affect, so focus and typing are never disturbed.

mod actions;
pub mod draft;
pub mod flow;
mod frame;
mod fresh;
mod items;
mod parts;
mod photos;
mod reasons;
mod resolution;
mod review;
mod state;
mod status;
mod upload;
mod withdrawal;

pub use flow::{ReturnFlow, ReturnFlowProps};

use crate::i18n::{self, tr, Msg};
use crate::shell::{
    focus_heading, order_list, problem_card, skeleton, Back, ElementProps, Events, Failure,
    GuestLookup, Themed,
};
use aftercare_shared::api::OrderSession;
use aftercare_shared::client::Client;
use aftercare_shared::order::OrderSummary;
use aftercare_shared::{Locale, OrderNumber};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The widget's own stylesheet (the shared theme is adopted next to it).
pub const CSS: &str = include_str!("returns.css");

/// What the inputs ask to show.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// Guest without a session: the lookup form.
    Lookup,
    /// Customer without an order number: their order list.
    List(String),
    /// One order's returns (or one return's status page), with the token and where "back" leads.
    Flow {
        token: String,
        number: Option<String>,
        rma: Option<String>,
        back: Back,
        guest: bool,
    },
}

/// Returns and exchanges as a Leptos component, for Rust developers composing their own app;
/// the `aftercare-returns` custom element renders exactly this. (A page that already has the
/// shopper signed in can render just one order's [`ReturnFlow`].)
///
/// Emits `aftercare:ready`, `aftercare:return-created`, `aftercare:return-updated`,
/// `aftercare:return-cancelled`, `aftercare:withdrawal-confirmed`, `aftercare:lookup-failed`
/// and `aftercare:error` (bubbling, composed) on the host element, or on its root container
/// when used without one.
#[component]
pub fn ReturnsWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`); also names the drafts kept in `localStorage`.
    #[prop(into)]
    publishable_key: String,
    /// Order number: its return form with a token, prefilled in the guest form without one.
    #[prop(into, optional)]
    order: Signal<Option<String>>,
    /// Customer token minted by the merchant's backend; absent means guest lookup.
    #[prop(into, optional)]
    token: Signal<Option<String>>,
    /// Email to prefill in the guest lookup form.
    #[prop(into, optional)]
    email: Signal<Option<String>>,
    /// A return's RMA number: open its status page directly (after the lookup for guests).
    #[prop(into, optional)]
    rma: Signal<Option<String>>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
    /// Seconds between status page refreshes (default 30, at least 2).
    #[prop(into, optional)]
    refresh: Signal<Option<u32>>,
) -> impl IntoView {
    provide_context(Themed);
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let selected = RwSignal::new(None::<OrderNumber>);
    let session = RwSignal::new(None::<OrderSession>);
    let notice = RwSignal::new(None::<Msg<'static>>);
    let navigated = StoredValue::new(false);

    let target = Memo::new(move |_| {
        let rma = rma.get();
        let flow = |token, number, rma, back, guest| Target::Flow {
            token,
            number,
            rma,
            back,
            guest,
        };
        match token.get() {
            Some(token) => match (order.get(), selected.get()) {
                (Some(number), _) => flow(token, Some(number), rma, Back::None, false),
                (None, Some(n)) => flow(token, Some(n.to_string()), None, Back::List, false),
                (None, None) if rma.is_some() => flow(token, None, rma, Back::None, false),
                (None, None) => Target::List(token),
            },
            None => match session.get() {
                Some(s) => flow(
                    s.token,
                    Some(s.order_number.to_string()),
                    rma,
                    Back::Lookup,
                    true,
                ),
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

    // `aftercare:ready` once, when the first real content (not a skeleton) is on screen.
    let ready_sent = StoredValue::new(false);
    let ready = Callback::new(move |_: ()| {
        if ready_sent.try_get_value() == Some(false) {
            ready_sent.set_value(true);
            events.emit(
                "aftercare:ready",
                &[("widget", JsValue::from_str("returns"))],
            );
        }
    });
    // Content is on screen: say so once, and after the shopper navigated between lists and
    // forms, focus the new content's heading.
    let settled = move || {
        ready.run(());
        if navigated.try_get_value() == Some(true) {
            navigated.set_value(false);
            request_animation_frame(move || focus_heading(root));
        }
    };

    let on_session = Callback::new(move |s: OrderSession| {
        navigated.set_value(true);
        notice.set(None);
        session.set(Some(s));
    });
    let on_pick = Callback::new(move |n: OrderNumber| {
        navigated.set_value(true);
        selected.set(Some(n));
    });
    // A guest's order session ran out: back to the form, with a reason.
    let on_expired = Callback::new(move |_: ()| {
        notice.set(Some(Msg::SessionExpired));
        session.set(None);
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

    let body = move || match target.get() {
        Target::Lookup => {
            settled();
            view! {
                <GuestLookup
                    heading=Msg::ReturnsHeading
                    intro=Msg::TrackIntro
                    button=Msg::FindOrder
                    locale=locale
                    order=order
                    email=email
                    client=client.clone()
                    on_session=on_session
                    events=events
                    notice=notice.get_untracked()
                />
            }
            .into_any()
        }
        Target::List(token) => {
            orders(client.with_token(&token), locale, events, on_pick, settled).into_any()
        }
        Target::Flow {
            token,
            number,
            rma,
            back,
            guest,
        } => {
            let focus = navigated.get_value();
            navigated.set_value(false);
            view! {
                {back_link(back)}
                <ReturnFlow
                    api=api.clone()
                    publishable_key=publishable_key.clone()
                    token=token
                    order=number
                    rma=rma
                    locale=locale
                    refresh=refresh
                    on_expired=guest.then_some(on_expired)
                    on_ready=ready
                    focus=focus
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="root" part="container" lang=move || locale.get().tag() node_ref=root>
            {body}
        </div>
    }
}

/// A customer's orders to choose from, a page at a time. (Loaded by tasks of this view: once
/// it is gone, a late page has nowhere to go.)
fn orders(
    client: Client,
    locale: Signal<Locale>,
    events: Events,
    on_pick: Callback<OrderNumber>,
    settled: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let client = StoredValue::new(client);
    let list = RwSignal::new(None::<Result<(Vec<OrderSummary>, Option<String>), Failure>>);
    // The first page (`None`) replaces the list; later pages ("Load more") extend it.
    let load = move |cursor: Option<String>| {
        let Some(client) = client.try_get_value() else {
            return;
        };
        spawn_local(async move {
            match client.orders(cursor.as_deref()).await {
                Ok(p) => {
                    list.try_update(|l| match l {
                        Some(Ok((items, next))) if cursor.is_some() => {
                            items.extend(p.items);
                            *next = p.next_cursor;
                        }
                        _ => *l = Some(Ok((p.items, p.next_cursor))),
                    });
                }
                Err(e) => {
                    events.error(&e);
                    if cursor.is_none() {
                        list.try_set(Some(Err(Failure::of(&e))));
                    }
                }
            }
        });
    };
    load(None);
    move || {
        let view = match list.get() {
            None => return skeleton(locale).into_any(),
            Some(Err(failure)) => problem_card(
                locale,
                failure,
                Msg::ReturnsUnreachable,
                Callback::new(move |_| {
                    list.set(None);
                    load(None);
                }),
            )
            .into_any(),
            Some(Ok((items, next))) => view! {
                <section class="list">
                    <h2 part="heading">{tr(locale, Msg::ChooseOrder)}</h2>
                    {order_list(items, locale, on_pick)}
                    {next.map(|cursor| view! {
                        <button type="button" class="btn secondary" part="button" on:click=move |_| load(Some(cursor.clone()))>
                            {tr(locale, Msg::LoadMore)}
                        </button>
                    })}
                </section>
            }
            .into_any(),
        };
        settled();
        view
    }
}

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale_attr = p.attrs.get("locale");
    let locale = i18n::element_locale(locale_attr);
    let refresh = p.attrs.get("refresh");
    view! {
        <ReturnsWidget
            api=p.api
            publishable_key=p.key
            order=p.attrs.get("order")
            token=p.attrs.get("token")
            email=p.attrs.get("email")
            rma=p.attrs.get("rma")
            locale=locale
            refresh=Signal::derive(move || refresh.get().and_then(|s| s.parse().ok()))
        />
    }
    .into_any()
}
