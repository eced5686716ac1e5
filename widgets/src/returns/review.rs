//! Step 5, "Review and submit": a summary per item, the server's estimate (items, restocking
//! fee, return shipping, refund total, store credit with its bonus, exchanges) in the order's
//! currency, the return method, and "Submit return" (disabled while sending; the draft's
//! idempotency key makes any repeat harmless).

use super::draft::method_wire;
use super::items::thumb;
use super::{button, After, Estimate, Flow, Inner};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnOptions;
use aftercare_shared::returns::RefundEstimate;
use aftercare_shared::{Locale, Money};
use wasm_bindgen::JsCast;

pub(super) fn render(
    form: &web_sys::Element,
    i: &Inner,
    o: &ReturnOptions,
    l: Locale,
) -> Option<After> {
    txt(form, "h3", "", &t(l, Msg::ItemsHeading));
    let ul = el(form, "ul", "summary");
    for c in &i.draft.lines {
        let Some(line) = o.lines.iter().find(|x| x.item_id == c.item_id) else {
            continue;
        };
        let li = el(&ul, "li", "");
        thumb(&li, line.image_url.as_deref());
        let text = el(&li, "div", "ltext");
        txt(
            &text,
            "span",
            "title",
            &format!("{} × {}", line.title, c.quantity),
        );
        if let Some(v) = &line.variant {
            txt(&text, "span", "muted", v);
        }
        if let Some(r) = o
            .reasons
            .iter()
            .find(|r| Some(&r.code) == c.reason.as_ref())
        {
            txt(&text, "span", "", &t(l, Msg::ReasonIs(&r.label)));
        }
        let comment = c.comment.trim();
        if !comment.is_empty() {
            txt(&text, "span", "muted quote", &t(l, Msg::CommentIs(comment)));
        }
        if !c.photos.is_empty() {
            txt(&text, "span", "muted", &t(l, Msg::Photos(c.photos.len())));
        }
        if let Some(r) = c.resolution {
            let variant = line
                .exchange_options
                .iter()
                .find(|x| Some(&x.sku) == c.exchange_sku.as_ref())
                .map(|x| x.label.as_str())
                .unwrap_or_default();
            txt(&text, "span", "outcome", &t(l, Msg::Outcome(r, variant)));
        }
    }
    let sec = el(form, "section", "est-box");
    let hid = uid("est");
    set(
        &txt(&sec, "h3", "", &t(l, Msg::EstimateHeading)),
        "id",
        &hid,
    );
    set(&sec, "aria-labelledby", &hid);
    let slot = el(&sec, "div", "");
    set(&slot, "data-est", "");
    estimate(&slot, i, l);
    if !o.methods.is_empty() {
        let group = el(form, "fieldset", "methods");
        set(&group, "role", "radiogroup");
        set(&group, "data-ctl", "method:0");
        let err = uid("err");
        set(&group, "aria-describedby", &err);
        txt(&group, "legend", "", &t(l, Msg::MethodLegend));
        let name = uid("method");
        for m in &o.methods {
            let lab = el(&group, "label", "choice");
            let input = el(&lab, "input", "");
            set(&input, "type", "radio");
            set(&input, "name", &name);
            set(&input, "value", method_wire(*m));
            set(&input, "data-f", "method");
            set(&input, "data-k", &format!("method:{}", method_wire(*m)));
            if i.draft.method == Some(*m) {
                set(&input, "checked", "");
            }
            txt(&lab, "span", "", &t(l, Msg::Method(*m)));
        }
        let e = txt(&group, "p", "field-error", "");
        set(&e, "id", &err);
        set(&e, "data-err", "method:0");
    }
    None
}

fn row(dl: &web_sys::Element, label: Msg<'_>, m: &Money, class: &str, l: Locale) {
    let d = el(dl, "div", class);
    txt(&d, "dt", "", &t(l, label));
    txt(&d, "dd", "", &i18n::money(l, m));
}

fn minus(m: &Money) -> Money {
    Money::new(-m.amount_minor, m.currency)
}

/// The estimate as a definition list (only the parts that apply), or its loading / failed line.
pub(super) fn estimate(slot: &web_sys::Element, i: &Inner, l: Locale) {
    slot.replace_children_with_node_0();
    match &i.estimate {
        Estimate::Ready(e) => amounts(slot, e, l),
        Estimate::Failed => {
            txt(slot, "p", "muted", &t(l, Msg::EstimateFailed));
            button(slot, "btn secondary", "est", "", &t(l, Msg::TryAgain));
        }
        _ => {
            set(
                &txt(slot, "p", "muted", &t(l, Msg::Calculating)),
                "role",
                "status",
            );
        }
    }
}

/// What a return is worth: the review's estimate and the status page's summary.
pub(super) fn amounts(parent: &web_sys::Element, e: &RefundEstimate, l: Locale) {
    let dl = el(parent, "dl", "amounts");
    if e.refund_items.amount_minor > 0 {
        row(&dl, Msg::EstRefundItems, &e.refund_items, "", l);
        if e.restocking_fee.amount_minor > 0 {
            row(&dl, Msg::EstRestocking, &minus(&e.restocking_fee), "", l);
        }
        if e.return_shipping_fee.amount_minor > 0 {
            row(&dl, Msg::EstShipping, &minus(&e.return_shipping_fee), "", l);
        }
        row(&dl, Msg::EstRefundTotal, &e.refund_total, "total", l);
    }
    if e.store_credit_items.amount_minor > 0 {
        row(&dl, Msg::EstCredit, &e.store_credit_items, "", l);
        if e.store_credit_bonus.amount_minor > 0 {
            row(&dl, Msg::EstBonus, &e.store_credit_bonus, "", l);
        }
        row(&dl, Msg::EstCreditTotal, &e.store_credit_total, "total", l);
    }
    if e.exchange_items.amount_minor > 0 {
        row(&dl, Msg::EstExchange, &e.exchange_items, "", l);
    }
}

/// The submit button while the return is being created: disabled, "Submitting…".
pub(super) fn busy(f: Flow, on: bool) {
    if let Some(b) = f.find("button[type=submit]") {
        let b: web_sys::HtmlButtonElement = b.unchecked_into();
        b.set_disabled(on);
        let msg = if on {
            Msg::Submitting
        } else {
            Msg::SubmitReturn
        };
        b.set_text_content(Some(&t(f.lang(), msg)));
        // Disabling dropped the focus: give it back when the shopper may try again.
        if !on {
            let _ = b.focus();
        }
    }
}

/// A return method was chosen.
pub(super) fn method(f: Flow, value: &str) {
    let m = [
        aftercare_shared::returns::ReturnMethod::DropOff,
        aftercare_shared::returns::ReturnMethod::Pickup,
    ]
    .into_iter()
    .find(|m| method_wire(*m) == value);
    f.io(|i| i.draft.method = m);
    f.changed();
}
