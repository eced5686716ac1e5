//! Step 4, "Refund or exchange": per item a radio group of what the store offers (refund to
//! the original payment, store credit with its bonus, exchange). Exchange is offered only for
//! lines with other variants and shows a select of them, unavailable ones disabled and
//! labelled "(out of stock)".

use super::draft::offered;
use super::fresh::IntoFresh;
use super::parts::field_error;
use super::reasons::{legend, line_select};
use super::state::Flow;
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::{ReturnOptions, ReturnableLine};
use aftercare_shared::returns::Resolution;
use aftercare_shared::Locale;
use leptos::prelude::*;

fn wire(r: Resolution) -> &'static str {
    match r {
        Resolution::Refund => "refund",
        Resolution::StoreCredit => "store_credit",
        Resolution::Exchange => "exchange",
    }
}

/// A resolution's radio label (store credit names its bonus).
fn label(r: Resolution, o: &ReturnOptions, l: Locale) -> String {
    let bps = o.terms.store_credit_bonus_bps;
    let bonus = (bps > 0).then(|| i18n::percent(l, bps));
    t(l, Msg::ResolutionLabel(r, bonus.as_deref()))
}

/// The form's content: what each chosen line should become.
pub(crate) fn resolution(f: Flow, o: &ReturnOptions, l: Locale) -> AnyView {
    let lines = f.draft.with_untracked(|d| d.lines.clone());
    lines
        .into_iter()
        .filter_map(|c| {
            let line = o.lines.iter().find(|x| x.item_id == c.item_id)?;
            let id = c.item_id;
            let (err, name) = (uid("err"), uid("res"));
            let choices = o
                .resolutions
                .iter()
                .copied()
                .filter(|r| offered(o, Some(line), *r))
                .map(|r| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name=name.clone()
                                value=wire(r)
                                data-id=id
                                checked=c.resolution == Some(r)
                                on:change=move |_| f.edit(|d| {
                                    if let Some(c) = d.line_mut(id) {
                                        c.resolution = Some(r);
                                        if r != Resolution::Exchange {
                                            c.exchange_sku = None;
                                        }
                                    }
                                })
                            />
                            <span>{label(r, o, l)}</span>
                        </label>
                    }
                })
                .map(IntoFresh::fresh).collect::<Vec<_>>();
            let exchange = Memo::new(move |_| {
                f.draft
                    .with(|d| d.line(id).and_then(|c| c.resolution) == Some(Resolution::Exchange))
            });
            let head = legend(line, &c, None);
            let line = line.clone();
            let block = move || exchange.get().then(|| variants(f, &line, l).fresh());
            Some(view! {
                <div class="item-block">
                    <fieldset class="item-set" role="radiogroup" aria-describedby=err aria-invalid=f.invalid("res", id)>
                        {head}
                        {choices}
                        {field_error(f, err.clone(), "res", id)}
                    </fieldset>
                    <div class="ex">{block}</div>
                </div>
            })
        })
        .map(IntoFresh::fresh).collect::<Vec<_>>()
        .fresh()
}

/// The variant select, when the line's resolution is an exchange.
fn variants(f: Flow, line: &ReturnableLine, l: Locale) -> impl IntoView {
    let id = line.item_id;
    let sku = f
        .draft
        .with_untracked(|d| d.line(id).and_then(|c| c.exchange_sku.clone()));
    let options = line
        .exchange_options
        .iter()
        .map(|v| {
            let text = if v.available {
                v.label.clone()
            } else {
                t(l, Msg::OutOfStock(&v.label))
            };
            let on = v.available && sku.as_deref() == Some(v.sku.as_str());
            view! { <option value=v.sku.clone() disabled=!v.available selected=on>{text}</option> }
        })
        .map(IntoFresh::fresh)
        .collect::<Vec<_>>();
    line_select(
        f,
        (t(l, Msg::ExchangeFor), &line.title),
        ("ex", id),
        t(l, Msg::ChooseVariant),
        options,
        |c, sku| c.exchange_sku = sku,
    )
}
