//! Step 4, "Refund or exchange": per item a radio group of what the store offers (refund to
//! the original payment, store credit with its bonus, exchange). Exchange is offered only for
//! lines with other variants and shows a select of them, unavailable ones disabled and
//! labelled "(out of stock)".

use super::draft::{offered, Chosen};
use super::reasons::{field, legend};
use super::{After, Flow, Inner};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::{ReturnOptions, ReturnableLine};
use aftercare_shared::returns::Resolution;
use aftercare_shared::Locale;

fn wire(r: Resolution) -> &'static str {
    match r {
        Resolution::Refund => "refund",
        Resolution::StoreCredit => "store_credit",
        Resolution::Exchange => "exchange",
    }
}

/// A resolution's radio label (store credit names its bonus).
pub(super) fn label(r: Resolution, o: &ReturnOptions, l: Locale) -> String {
    let bps = o.terms.store_credit_bonus_bps;
    let bonus = (bps > 0).then(|| i18n::percent(l, bps));
    t(l, Msg::ResolutionLabel(r, bonus.as_deref()))
}

pub(super) fn render(
    form: &web_sys::Element,
    i: &Inner,
    o: &ReturnOptions,
    l: Locale,
) -> Option<After> {
    for c in &i.draft.lines {
        let Some(line) = o.lines.iter().find(|x| x.item_id == c.item_id) else {
            continue;
        };
        let id = c.item_id.to_string();
        let block = el(form, "div", "item-block");
        let group = el(&block, "fieldset", "item-set");
        set(&group, "role", "radiogroup");
        let key = format!("res:{id}");
        set(&group, "data-ctl", &key);
        let err = uid("err");
        set(&group, "aria-describedby", &err);
        legend(&group, line, c);
        let name = uid("res");
        for r in o
            .resolutions
            .iter()
            .copied()
            .filter(|r| offered(o, Some(line), *r))
        {
            let lab = el(&group, "label", "choice");
            let input = el(&lab, "input", "");
            set(&input, "type", "radio");
            set(&input, "name", &name);
            set(&input, "value", wire(r));
            set(&input, "data-f", "res");
            set(&input, "data-id", &id);
            set(&input, "data-k", &format!("res:{id}:{}", wire(r)));
            if c.resolution == Some(r) {
                set(&input, "checked", "");
            }
            txt(&lab, "span", "", &label(r, o, l));
        }
        let e = txt(&group, "p", "field-error", "");
        set(&e, "id", &err);
        set(&e, "data-err", &key);
        let ex = el(&block, "div", "ex");
        set(&ex, "data-ex", &id);
        exchange_block(&ex, line, c, l);
    }
    None
}

/// The variant select, when the line's resolution is an exchange.
fn exchange_block(ex: &web_sys::Element, line: &ReturnableLine, c: &Chosen, l: Locale) {
    ex.replace_children_with_node_0();
    if c.resolution != Some(Resolution::Exchange) {
        return;
    }
    let select = field(
        ex,
        "select",
        &t(l, Msg::ExchangeFor),
        &line.title,
        &format!("ex:{}", c.item_id),
    );
    set(&select, "data-f", "ex");
    set(&select, "data-id", &c.item_id.to_string());
    set(&select, "required", "");
    set(
        &txt(&select, "option", "", &t(l, Msg::ChooseVariant)),
        "value",
        "",
    );
    for v in &line.exchange_options {
        let text = if v.available {
            v.label.clone()
        } else {
            t(l, Msg::OutOfStock(&v.label))
        };
        let opt = txt(&select, "option", "", &text);
        set(&opt, "value", &v.sku);
        if !v.available {
            set(&opt, "disabled", "");
        } else if c.exchange_sku.as_deref() == Some(v.sku.as_str()) {
            set(&opt, "selected", "");
        }
    }
}

/// A resolution was chosen; an exchange shows its variant select.
pub(super) fn resolution(f: Flow, item_id: i64, value: &str) {
    let r = [
        Resolution::Refund,
        Resolution::StoreCredit,
        Resolution::Exchange,
    ]
    .into_iter()
    .find(|r| wire(*r) == value);
    f.io(|i| {
        if let Some(c) = i.draft.line_mut(item_id) {
            c.resolution = r;
            if r != Some(Resolution::Exchange) {
                c.exchange_sku = None;
            }
        }
    });
    if let Some(ex) = f.find(&format!("[data-ex=\"{item_id}\"]")) {
        let l = f.lang();
        f.with(|i| {
            let line = i
                .options
                .as_ref()
                .and_then(|o| o.lines.iter().find(|x| x.item_id == item_id));
            if let (Some(line), Some(c)) = (line, i.draft.line(item_id)) {
                exchange_block(&ex, line, c, l);
            }
        });
    }
    f.changed();
}

/// A variant was chosen for an exchange.
pub(super) fn exchange(f: Flow, item_id: i64, sku: String) {
    f.io(|i| {
        if let Some(c) = i.draft.line_mut(item_id) {
            c.exchange_sku = (!sku.is_empty()).then_some(sku);
        }
    });
    f.changed();
}
