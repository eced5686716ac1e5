//! Step 5, "Review and submit": a summary per item, the server's estimate (items, restocking
//! fee, return shipping, refund total, store credit with its bonus, exchanges) in the order's
//! currency, the return method, and "Submit return" (disabled while sending; the draft's
//! idempotency key makes any repeat harmless).

use super::draft::method_wire;
use super::fresh::IntoFresh;
use super::items::thumb;
use super::parts::field_error;
use super::state::{Estimate, Flow};
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnOptions;
use aftercare_shared::returns::RefundEstimate;
use aftercare_shared::{Locale, Money};
use leptos::prelude::*;

/// One item of a summary: picture, "Title × 2", variant, then what the caller adds.
pub(crate) fn summary_item(
    image: Option<String>,
    title: String,
    variant: Option<String>,
    rest: impl IntoView,
) -> impl IntoView {
    view! {
        <li>
            {thumb(image)}
            <div class="ltext">
                <span class="title">{title}</span>
                {variant.map(|v| view! { <span class="muted">{v}</span> })}
                {rest}
            </div>
        </li>
    }
}

/// The form's content: the summary, the estimate and the return method.
pub(crate) fn review(f: Flow, o: &ReturnOptions, l: Locale) -> AnyView {
    let (lines, method) = f.draft.with_untracked(|d| (d.lines.clone(), d.method));
    let items = lines
        .iter()
        .filter_map(|c| {
            let line = o.lines.iter().find(|x| x.item_id == c.item_id)?;
            let reason = o
                .reasons
                .iter()
                .find(|r| Some(&r.code) == c.reason.as_ref())
                .map(|r| view! { <span>{t(l, Msg::ReasonIs(&r.label))}</span> });
            let comment = c.comment.trim();
            let comment = (!comment.is_empty()).then(
                || view! { <span class="muted quote">{t(l, Msg::CommentIs(comment))}</span> },
            );
            let photos = (!c.photos.is_empty())
                .then(|| view! { <span class="muted">{t(l, Msg::Photos(c.photos.len()))}</span> });
            let outcome = c.resolution.map(|r| {
                let variant = line
                    .exchange_options
                    .iter()
                    .find(|x| Some(&x.sku) == c.exchange_sku.as_ref())
                    .map(|x| x.label.as_str())
                    .unwrap_or_default();
                view! { <span class="outcome">{t(l, Msg::Outcome(r, variant))}</span> }
            });
            Some(summary_item(
                line.image_url.clone(),
                format!("{} × {}", line.title, c.quantity),
                line.variant.clone(),
                view! { {reason} {comment} {photos} {outcome} },
            ))
        })
        .map(IntoFresh::fresh)
        .collect::<Vec<_>>();
    let hid = uid("est");
    let methods = (!o.methods.is_empty()).then(|| {
        let (err, name) = (uid("err"), uid("method"));
        let choices = o
            .methods
            .iter()
            .map(|m| {
                let m = *m;
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name.clone()
                            value=method_wire(m)
                            checked=method == Some(m)
                            on:change=move |_| f.edit(|d| d.method = Some(m))
                        />
                        <span>{t(l, Msg::Method(m))}</span>
                    </label>
                }
            })
            .map(IntoFresh::fresh).collect::<Vec<_>>();
        view! {
            <fieldset class="methods" role="radiogroup" aria-describedby=err aria-invalid=f.invalid("method", 0)>
                <legend>{t(l, Msg::MethodLegend)}</legend>
                {choices}
                {field_error(f, err.clone(), "method", 0)}
            </fieldset>
        }
    });
    view! {
        <h3>{t(l, Msg::ItemsHeading)}</h3>
        <ul class="summary">{items}</ul>
        <section class="est-box" aria-labelledby=hid>
            <h3 id=hid.clone()>{t(l, Msg::EstimateHeading)}</h3>
            <div>{move || estimate(f, l)}</div>
        </section>
        {methods}
    }
    .fresh()
}

/// The estimate as a definition list (only the parts that apply), or its loading / failed line.
fn estimate(f: Flow, l: Locale) -> AnyView {
    match f.estimate.get() {
        Estimate::Ready(e) => amounts(&e, l).fresh(),
        Estimate::Failed => view! {
            <p class="muted">{t(l, Msg::EstimateFailed)}</p>
            <button class="btn secondary" type="button" part="button" on:click=move |_| f.estimate()>
                {t(l, Msg::TryAgain)}
            </button>
        }
        .fresh(),
        Estimate::Loading => {
            view! { <p class="muted" role="status">{t(l, Msg::Calculating)}</p> }.fresh()
        }
    }
}

/// What a return is worth: the review's estimate and the status page's summary.
pub(crate) fn amounts(e: &RefundEstimate, l: Locale) -> impl IntoView {
    let row = |label: Msg<'_>, m: &Money, total: bool| {
        view! {
            <div class=total.then_some("total")>
                <dt>{t(l, label)}</dt>
                <dd>{i18n::money(l, m)}</dd>
            </div>
        }
    };
    let minus = |m: &Money| Money::new(-m.amount_minor, m.currency);
    let mut rows = Vec::new();
    if e.refund_items.amount_minor > 0 {
        rows.push(row(Msg::EstRefundItems, &e.refund_items, false));
        if e.restocking_fee.amount_minor > 0 {
            rows.push(row(Msg::EstRestocking, &minus(&e.restocking_fee), false));
        }
        if e.return_shipping_fee.amount_minor > 0 {
            rows.push(row(Msg::EstShipping, &minus(&e.return_shipping_fee), false));
        }
        rows.push(row(Msg::EstRefundTotal, &e.refund_total, true));
    }
    if e.store_credit_items.amount_minor > 0 {
        rows.push(row(Msg::EstCredit, &e.store_credit_items, false));
        if e.store_credit_bonus.amount_minor > 0 {
            rows.push(row(Msg::EstBonus, &e.store_credit_bonus, false));
        }
        rows.push(row(Msg::EstCreditTotal, &e.store_credit_total, true));
    }
    if e.exchange_items.amount_minor > 0 {
        rows.push(row(Msg::EstExchange, &e.exchange_items, false));
    }
    view! { <dl class="amounts">{rows}</dl> }
}
