//! The account's order list: filter chips, a search, "Showing 10 of 37 orders", one row per
//! order (date, number, status in words, thumbnails, total, returns) and "Show more orders".

use crate::dom::uid;
use crate::i18n::{self, t, tr, Msg};
use crate::shell::{problem_card, Events, Failure};
use aftercare_shared::api::{OrderListQuery, Page};
use aftercare_shared::client::Client;
use aftercare_shared::order::{OrderFilter, OrderSummary};
use aftercare_shared::{Locale, OrderNumber};
use futures::future::{abortable, AbortHandle};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Orders per page.
const PAGE: u32 = 10;

/// What the list shows.
#[derive(Clone, PartialEq)]
enum List {
    /// The first page for the current filter and search is on its way.
    Loading,
    /// It could not be loaded.
    Failed(Failure),
    /// Rows so far, the cursor of the next page, and how many match in all.
    Shown(Vec<OrderSummary>, Option<String>, u64),
}

/// The signed-in customer's orders (see the module docs); choosing one calls `on_open`.
#[component]
pub fn OrderList(
    /// Client signed in with the customer's token.
    client: Client,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:error` goes.
    events: Events,
    /// Opens an order.
    on_open: Callback<OrderNumber>,
    /// Called each time a page of the list has loaded or failed to (real content is on screen).
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
    /// While false, rows wait (what sits above the list is still loading, and rows shown
    /// first would be pushed down when it arrives).
    #[prop(optional, into)]
    shown: Option<Signal<bool>>,
) -> impl IntoView {
    let filter = RwSignal::new(OrderFilter::All);
    let search = RwSignal::new(None::<String>);
    let list = RwSignal::new(List::Loading);
    let more_busy = RwSignal::new(false);
    let retry = RwSignal::new(());
    let in_flight = StoredValue::new(None::<AbortHandle>);
    let query = move |cursor: Option<String>| OrderListQuery {
        status: filter.get_untracked(),
        q: search.get_untracked(),
        cursor,
        limit: Some(PAGE),
    };
    // A new filter or search replaces the list; a load still in flight for the previous one
    // is aborted, so its answer can never be shown.
    let first_client = client.clone();
    Effect::new(move |_| {
        retry.track();
        filter.track();
        search.track();
        if let Some(old) = in_flight.try_update_value(Option::take).flatten() {
            old.abort();
        }
        list.set(List::Loading);
        let (c, q) = (first_client.clone(), query(None));
        let (load, handle) = abortable(async move { c.orders_matching(&q).await });
        in_flight.set_value(Some(handle));
        spawn_local(async move {
            match load.await {
                Ok(Ok(Page {
                    items,
                    next_cursor,
                    total,
                })) => {
                    let total = total.unwrap_or(items.len() as u64);
                    list.try_set(List::Shown(items, next_cursor, total));
                }
                Ok(Err(e)) => {
                    events.error(&e);
                    list.try_set(List::Failed(Failure::of(&e)));
                }
                Err(_aborted) => {}
            }
        });
    });
    on_cleanup(move || {
        if let Some(load) = in_flight.try_update_value(Option::take).flatten() {
            load.abort();
        }
    });
    let more_client = client.clone();
    let load_more = Callback::new(move |cursor: String| {
        more_busy.set(true);
        let (c, q) = (more_client.clone(), query(Some(cursor)));
        let (load, handle) = abortable(async move { c.orders_matching(&q).await });
        in_flight.set_value(Some(handle));
        spawn_local(async move {
            let r = load.await;
            more_busy.try_set(false);
            match r {
                Ok(Ok(page)) => {
                    list.try_update(|l| {
                        if let List::Shown(items, next, total) = l {
                            items.extend(page.items);
                            *next = page.next_cursor;
                            *total = page.total.unwrap_or(*total);
                        }
                    });
                }
                Ok(Err(e)) => events.error(&e),
                Err(_aborted) => {}
            }
        });
    });

    let (heading_id, search_id, hint_id, group) =
        (uid("orders"), uid("search"), uid("hint"), uid("filter"));
    let input = NodeRef::<Input>::new();
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = input
            .get_untracked()
            .map(|i| i.value().trim().to_owned())
            .filter(|q| !q.is_empty());
        search.set(q);
    };
    let show_all = move |_| {
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
        search.set(None);
        filter.set(OrderFilter::All);
    };
    let chips = OrderFilter::ALL
        .into_iter()
        .map(|f| {
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        name=group.clone()
                        value=f.as_str()
                        prop:checked=move || filter.get() == f
                        on:change=move |_| filter.set(f)
                    />
                    <span>{tr(locale, Msg::Filter(f))}</span>
                </label>
            }
        })
        .collect_view();
    // Told once per change of filter, search or page; with nothing to show, the card below
    // says it on screen and this says it to screen readers.
    let count = move || {
        if shown.is_some_and(|s| !s.get()) {
            return None;
        }
        list.with(|l| match l {
            List::Shown(items, _, total) if !items.is_empty() => {
                Some(t(locale.get(), Msg::ShowingOf(items.len(), *total)))
            }
            List::Shown(..) => Some(t(
                locale.get(),
                if filter.get() != OrderFilter::All || search.get().is_some() {
                    Msg::NoMatchingOrders
                } else {
                    Msg::NoOrders
                },
            )),
            _ => None,
        })
    };
    let nothing = move || list.with(|l| matches!(l, List::Shown(items, ..) if items.is_empty()));
    let held = move || shown.is_some_and(|s| !s.get());
    // Real content is on screen once a page (or why not) shows and nothing holds it.
    Effect::new(move |_| {
        if !held() && list.with(|l| *l != List::Loading) {
            if let Some(r) = on_ready {
                r.run(());
            }
        }
    });
    let body = move || match list.get() {
        _ if held() => {
            view! { <p class="muted" role="status">{tr(locale, Msg::Loading)}</p> }.into_any()
        }
        List::Loading => {
            view! { <p class="muted" role="status">{tr(locale, Msg::Loading)}</p> }.into_any()
        }
        List::Failed(f) => problem_card(
            locale,
            f,
            Msg::Unreachable,
            Callback::new(move |_| retry.set(())),
        )
        .into_any(),
        List::Shown(items, next, _) => {
            let l = locale.get();
            let narrowed =
                filter.get_untracked() != OrderFilter::All || search.get_untracked().is_some();
            let empty = items.is_empty().then(|| {
                if narrowed {
                    view! {
                        <div class="card empty">
                            <p>{t(l, Msg::NoMatchingOrders)}</p>
                            <button type="button" class="link" part="button" on:click=show_all>
                                {t(l, Msg::ShowAllOrders)}
                            </button>
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <p class="card empty">{t(l, Msg::NoOrders)}</p> }.into_any()
                }
            });
            let rows = items.into_iter().map(|o| row(o, l, on_open)).collect_view();
            let more = next.map(|cursor| {
                view! {
                    <button
                        type="button"
                        class="btn secondary"
                        part="button"
                        aria-disabled=move || more_busy.get().then_some("true")
                        on:click=move |_| {
                            if !more_busy.get_untracked() {
                                load_more.run(cursor.clone());
                            }
                        }
                    >
                        {tr(locale, Msg::LoadMore)}
                    </button>
                }
            });
            view! {
                {empty}
                <ul class="orders account-orders">{rows}</ul>
                {more}
            }
            .into_any()
        }
    };
    let labelled_by = heading_id.clone();
    let (search_for, hint_for) = (search_id.clone(), hint_id.clone());
    view! {
        <section class="list" aria-labelledby=labelled_by>
            <h2 id=heading_id part="heading">{tr(locale, Msg::YourOrders)}</h2>
            <form class="search" role="search" part="form" on:submit=on_search>
                <label for=search_for>{tr(locale, Msg::SearchOrders)}</label>
                <div class="search-row">
                    <input
                        id=search_id
                        type="search"
                        name="q"
                        part="input"
                        maxlength="100"
                        autocomplete="off"
                        aria-describedby=hint_for
                        node_ref=input
                    />
                    <button type="submit" class="btn secondary" part="button">{tr(locale, Msg::Search)}</button>
                </div>
                <p id=hint_id class="muted hint">{tr(locale, Msg::SearchHint)}</p>
            </form>
            <fieldset class="chips" part="filters">
                <legend class="vh">{tr(locale, Msg::FilterLegend)}</legend>
                {chips}
            </fieldset>
            <p class="count muted" class:vh=nothing role="status">{count}</p>
            {body}
        </section>
    }
}

/// One order as a button: thumbnails (decorative: the titles are in the order itself), then
/// number, date, status in words and total, and how many returns it has.
fn row(o: OrderSummary, l: Locale, on_open: Callback<OrderNumber>) -> impl IntoView {
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
    let returns = (o.return_count > 0).then(|| {
        view! { <span class="badge">{t(l, Msg::ReturnsOnOrder(o.return_count))}</span> }
    });
    let thumbs = o
        .preview
        .into_iter()
        .map(|p| {
            let img = p.image_url.filter(|u| !u.trim().is_empty()).map(|src| {
                view! { <img alt="" width="40" height="40" loading="lazy" decoding="async" src=src /> }
            });
            view! { <span class="thumb small">{img}</span> }
        })
        .collect_view();
    let number = o.order_number;
    view! {
        <li>
            <button type="button" class="row order-row" part="button" on:click=move |_| on_open.run(number.clone())>
                <span class="thumbs" aria-hidden="true">{thumbs}</span>
                <span class="rtext">{label} {returns}</span>
            </button>
        </li>
    }
}
