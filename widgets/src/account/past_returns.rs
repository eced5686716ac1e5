//! The returns already started on an order, with where each stands, right on the order's page
//! (`GET /v1/orders/{number}/returns/options` lists them); each opens its status page in the
//! return flow below. Nothing when there are none, or when they cannot be loaded (the return
//! flow still lists them).

use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnSummary;
use aftercare_shared::client::Client;
use aftercare_shared::{Locale, OrderNumber};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// An order's past returns (see the module docs).
#[component]
pub fn PastReturns(
    /// Client signed in with the customer's token or the guest's order session.
    client: Client,
    /// The order.
    number: OrderNumber,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Called with a return's RMA when the shopper opens it.
    on_open: Callback<String>,
) -> impl IntoView {
    let past = RwSignal::new(Vec::<ReturnSummary>::new());
    let l0 = locale.get_untracked();
    spawn_local(async move {
        if let Ok(o) = client.return_options(&number, l0).await {
            past.try_set(o.returns);
        }
    });
    let heading = uid("pastret");
    move || {
        let list = past.get();
        (!list.is_empty()).then(|| {
            let l = locale.get();
            let rows = list
                .into_iter()
                .map(|r| {
                    let status = t(l, Msg::ReturnStatus(r.status));
                    let text = t(
                        l,
                        Msg::ReturnRow {
                            rma: &r.rma,
                            status: &status,
                            date: &i18n::date(l, &r.created_at),
                            units: r.units,
                        },
                    );
                    let rma = r.rma;
                    view! {
                        <li>
                            <button class="row" type="button" part="button" on:click=move |_| on_open.run(rma.clone())>
                                {text}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let labelled_by = heading.clone();
            view! {
                <section class="past" aria-labelledby=labelled_by>
                    <h3 id=heading.clone()>{t(l, Msg::PastReturns)}</h3>
                    <ul class="orders">{rows}</ul>
                </section>
            }
        })
    }
}
