//! What the account shows first: everything about the customer's orders that needs them —
//! a parcel in trouble with its next step, a parcel waiting at a pickup point and by when, a
//! return waiting to be sent, a request waiting for the store — each opening its order. Nothing at all when nothing needs them.

use crate::dom::uid;
use crate::i18n::{self, t, Acc, Msg};
use aftercare_shared::api::Attention;
use aftercare_shared::changes::RequestStatus;
use aftercare_shared::client::Client;
use aftercare_shared::{Locale, OrderNumber};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The "Needs your attention" block (see the module docs). A failure to load it leaves it out:
/// the order list below still says everything.
#[component]
pub fn AttentionList(
    /// Client signed in with the customer's token.
    client: Client,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Opens an order.
    on_open: Callback<OrderNumber>,
    /// Set once the answer (or a failure) is in, so the list below can appear in the same
    /// frame instead of being pushed down by this block (no layout shift).
    #[prop(optional)]
    settled: Option<RwSignal<bool>>,
) -> impl IntoView {
    let items = RwSignal::new(Vec::<Attention>::new());
    spawn_local(async move {
        if let Ok(o) = client.overview().await {
            items.try_set(o.attention);
        }
        if let Some(s) = settled {
            s.try_set(true);
        }
    });
    let heading = uid("attention");
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            let l = locale.get();
            let cards = list.into_iter().map(|a| card(a, l, on_open)).collect_view();
            let labelled_by = heading.clone();
            view! {
                <section class="needs" part="attention" aria-labelledby=labelled_by>
                    <h2 id=heading.clone()>{t(l, Msg::NeedsAttention)}</h2>
                    <ul class="att-list">{cards}</ul>
                </section>
            }
        })
    }
}

/// One item: what happened, what to do, and a button to its order.
fn card(a: Attention, l: Locale, on_open: Callback<OrderNumber>) -> impl IntoView {
    let (title, body, alert) = match &a {
        Attention::ParcelProblem {
            status,
            reason,
            next_step,
            carrier,
            ..
        } => (
            t(l, Msg::Banner(*status, *reason)),
            Some(t(l, Msg::Next(*next_step, carrier))),
            true,
        ),
        Attention::Pickup {
            point, deadline, ..
        } => (
            t(l, Msg::WaitingAt(point)),
            deadline.map(|d| t(l, Msg::CollectBy(&i18n::day(l, &d)))),
            false,
        ),
        Attention::ReturnToSend { rma, method, .. } => (
            t(l, Msg::ReturnToSend(rma)),
            Some(t(l, Msg::ReturnToSendHow(*method))),
            false,
        ),
        Attention::Request {
            request,
            status,
            created_at,
            order_number,
            ..
        } => (
            format!(
                "{} · {}",
                t(l, Msg::Account(Acc::RequestTitle(*request, *status))),
                t(l, Msg::OrderHeading(order_number.as_str()))
            ),
            (*status == RequestStatus::Pending).then(|| {
                t(
                    l,
                    Msg::Account(Acc::RequestAsked(&i18n::day(l, created_at))),
                )
            }),
            false,
        ),
    };
    let number = a.order_number().clone();
    let label = t(l, Msg::ViewOrder(number.as_str()));
    view! {
        <li class="notice" class:banner=alert>
            <span class="ico" aria-hidden="true">{if alert { "!" } else { "i" }}</span>
            <div class="nbody">
                <p class="ntitle">{title}</p>
                {body.map(|b| view! { <p>{b}</p> })}
                <p class="acts">
                    <button type="button" class="link" part="button" on:click=move |_| on_open.run(number.clone())>
                        {label}
                    </button>
                </p>
            </div>
        </li>
    }
}
