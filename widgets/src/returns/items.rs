//! Step 1, "Choose what to return": every line with its picture, variant, price and quantity;
//! eligible lines get a checkbox and a quantity select bounded by what may still go back,
//! ineligible ones say why in plain words. After the form: the order's past returns (each
//! opens its status page) and the EU withdrawal section.

use super::fresh::IntoFresh;
use super::parts::field_error;
use super::state::Flow;
use super::withdrawal;
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::{ReturnOptions, ReturnableLine};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// A product picture in a fixed-size tile (rows never shift when it loads).
pub(crate) fn thumb(url: Option<String>) -> impl IntoView {
    view! {
        <span class="thumb">
            {url.map(|u| view! { <img src=u alt="" width="56" height="56" loading="lazy" /> })}
        </span>
    }
}

/// The form's content: the lines, with the order's "Return by" when they share it.
pub(crate) fn items(f: Flow, o: &ReturnOptions, l: Locale) -> AnyView {
    let eligible: Vec<&ReturnableLine> = o
        .lines
        .iter()
        .filter(|x| x.returnability.returnable_quantity > 0)
        .collect();
    // One "Return by" for the order when every eligible line shares it, else one per line.
    let closes: Vec<i64> = eligible
        .iter()
        .filter_map(|x| x.returnability.window_closes_at.map(|w| w.utc_ms))
        .collect();
    let shared_due = closes.windows(2).all(|w| w[0] == w[1]);
    let top = if eligible.is_empty() {
        Some(view! { <p class="card note">{t(l, Msg::NothingReturnable)}</p> }.fresh())
    } else if shared_due {
        eligible[0]
            .returnability
            .window_closes_at
            .map(|w| view! { <p class="due">{t(l, Msg::ReturnBy(&i18n::date(l, &w)))}</p> }.fresh())
    } else {
        None
    };
    let err_id = uid("err");
    let rows = o
        .lines
        .iter()
        .map(|line| row(f, line, !shared_due, l))
        .collect::<Vec<_>>();
    view! {
        {top}
        <fieldset class="lines" aria-describedby=err_id.clone()>
            <legend class="vh">{t(l, Msg::ItemsHeading)}</legend>
            <ul>{rows}</ul>
        </fieldset>
        {field_error(f, err_id, "items", 0)}
    }
    .fresh()
}

fn row(f: Flow, line: &ReturnableLine, own_due: bool, l: Locale) -> AnyView {
    let r = &line.returnability;
    let id = line.item_id;
    let chosen = move || f.draft.with(|d| d.line(id).is_some());
    let pick = uid("pick");
    let label = view! {
        <label for=pick.clone()>
            <span class="title">{line.title.clone()}</span>
            {line.variant.clone().map(|v| view! { <span class="muted">{v}</span> })}
        </label>
        <span class="muted">
            {format!("{} · {}", i18n::money(l, &line.unit_price), t(l, Msg::Quantity(line.quantity)))}
        </span>
    };
    let off = if r.returnable_quantity > 0 {
        "line"
    } else {
        "line off"
    };
    if let Some(why) = r.blocked {
        let why_id = uid("why");
        let date = r.window_closes_at.map(|w| i18n::date(l, &w));
        return view! {
            <li class=off>
                <input class="check" type="checkbox" id=pick data-id=id disabled aria-describedby=why_id.clone() />
                {thumb(line.image_url.clone())}
                <div class="ltext">
                    {label}
                    <p class="why" id=why_id>
                        <span class="ico" aria-hidden="true">"!"</span>
                        {t(l, Msg::Blocked(why, date.as_deref()))}
                    </p>
                </div>
            </li>
        }
        .fresh();
    }
    let due = own_due
        .then_some(r.window_closes_at)
        .flatten()
        .map(|w| view! { <span class="muted">{t(l, Msg::ReturnBy(&i18n::date(l, &w)))}</span> });
    let current = f
        .draft
        .with_untracked(|d| d.line(id).map_or(1, |c| c.quantity));
    let (qid, q_err) = (uid("qty"), uid("err"));
    let options = (1..=r.returnable_quantity)
        .map(|n| view! { <option value=n selected=n == current>{n}</option> })
        .map(IntoFresh::fresh)
        .collect::<Vec<_>>();
    view! {
        <li class=off>
            <input
                class="check"
                type="checkbox"
                id=pick
                data-id=id
                prop:checked=f.draft.with_untracked(|d| d.line(id).is_some())
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    f.edit(|d| f.options.with_untracked(|o| {
                        if let Some(o) = o {
                            d.choose(id, on, o);
                        }
                    }));
                }
            />
            {thumb(line.image_url.clone())}
            <div class="ltext">
                {label}
                {due}
                // Asked only once the line is ticked (no clutter, nothing to skip for keyboard users).
                <div class="qty" hidden=move || !chosen()>
                    <label for=qid.clone()>
                        {t(l, Msg::QtyToReturn)}
                        <span class="vh">{format!(" ({})", line.title)}</span>
                    </label>
                    <select
                        id=qid
                        part="input"
                        data-id=id
                        aria-describedby=q_err.clone()
                        aria-invalid=f.invalid("qty", id)
                        disabled=move || !chosen()
                        prop:value=move || f.draft.with(|d| d.line(id).map_or(1, |c| c.quantity)).to_string()
                        on:change=move |ev| {
                            let n: u32 = event_target_value(&ev).parse().unwrap_or(1);
                            f.edit(|d| {
                                if let Some(c) = d.line_mut(id) {
                                    c.quantity = n;
                                }
                            });
                        }
                    >
                        {options}
                    </select>
                    {field_error(f, q_err, "qty", id)}
                </div>
            </div>
        </li>
    }
    .fresh()
}

/// Past returns and the withdrawal section, after the form.
pub(crate) fn after(f: Flow, o: &ReturnOptions, l: Locale) -> AnyView {
    let past = (!o.returns.is_empty()).then(|| {
        let hid = uid("past");
        let rows = o
            .returns
            .iter()
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
                let rma = r.rma.clone();
                view! {
                    <li>
                        <button class="row" type="button" part="button" on:click=move |_| f.open_status(rma.clone(), true)>
                            {text}
                        </button>
                    </li>
                }
            })
            .map(IntoFresh::fresh).collect::<Vec<_>>();
        view! {
            <section class="past" aria-labelledby=hid>
                <h3 id=hid.clone()>{t(l, Msg::PastReturns)}</h3>
                <ul class="orders">{rows}</ul>
            </section>
        }
    });
    view! { {past} {withdrawal::section(f, o, l)} }.fresh()
}
