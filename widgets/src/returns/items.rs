//! Step 1, "Choose what to return": every line with its picture, variant, price and quantity;
//! eligible lines get a checkbox and a quantity select bounded by what may still go back,
//! ineligible ones say why in plain words. After the form: the order's past returns (each
//! opens its status page) and the EU withdrawal section.

use super::{button, draft::Draft, After, Flow, Inner};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::{ReturnOptions, ReturnableLine};
use aftercare_shared::Locale;
use wasm_bindgen::JsCast;

/// A product picture in a fixed-size tile (rows never shift when it loads).
pub(super) fn thumb(parent: &web_sys::Element, url: Option<&str>) {
    let tile = el(parent, "span", "thumb");
    if let Some(u) = url {
        let img = el(&tile, "img", "");
        set(&img, "src", u);
        set(&img, "alt", "");
        set(&img, "width", "56");
        set(&img, "height", "56");
        set(&img, "loading", "lazy");
    }
}

/// "Title" + "Variant" lines of an item.
pub(super) fn title(parent: &web_sys::Element, line: &ReturnableLine) {
    txt(parent, "span", "title", &line.title);
    if let Some(v) = &line.variant {
        txt(parent, "span", "muted", v);
    }
}

pub(super) fn render(
    form: &web_sys::Element,
    i: &Inner,
    o: &ReturnOptions,
    l: Locale,
) -> Option<After> {
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
    if eligible.is_empty() {
        txt(form, "p", "card note", &t(l, Msg::NothingReturnable));
    } else if shared_due {
        if let Some(w) = eligible[0].returnability.window_closes_at {
            txt(form, "p", "due", &t(l, Msg::ReturnBy(&i18n::date(l, &w))));
        }
    }
    let err_id = uid("err");
    let set_el = el(form, "fieldset", "lines");
    set(&set_el, "data-ctl", "items:0");
    set(&set_el, "aria-describedby", &err_id);
    txt(&set_el, "legend", "vh", &t(l, Msg::ItemsHeading));
    let ul = el(&set_el, "ul", "");
    for line in &o.lines {
        row(&ul, line, &i.draft, !shared_due, l);
    }
    let err = txt(form, "p", "field-error", "");
    set(&err, "id", &err_id);
    set(&err, "data-err", "items:0");
    Some(after)
}

fn row(ul: &web_sys::Element, line: &ReturnableLine, d: &Draft, own_due: bool, l: Locale) {
    let r = &line.returnability;
    let chosen = d.line(line.item_id);
    let li = el(
        ul,
        "li",
        if r.returnable_quantity > 0 {
            "line"
        } else {
            "line off"
        },
    );
    let id = uid("pick");
    let check = el(&li, "input", "check");
    set(&check, "type", "checkbox");
    set(&check, "id", &id);
    set(&check, "data-f", "pick");
    set(&check, "data-id", &line.item_id.to_string());
    set(&check, "data-k", &format!("pick:{}", line.item_id));
    thumb(&li, line.image_url.as_deref());
    let text = el(&li, "div", "ltext");
    let label = el(&text, "label", "");
    set(&label, "for", &id);
    title(&label, line);
    txt(
        &text,
        "span",
        "muted",
        &format!(
            "{} · {}",
            i18n::money(l, &line.unit_price),
            t(l, Msg::Quantity(line.quantity))
        ),
    );
    if let Some(why) = r.blocked {
        set(&check, "disabled", "");
        let why_id = uid("why");
        set(&check, "aria-describedby", &why_id);
        let date = r.window_closes_at.map(|w| i18n::date(l, &w));
        let p = el(&text, "p", "why");
        set(&p, "id", &why_id);
        set(&txt(&p, "span", "ico", "!"), "aria-hidden", "true");
        crate::dom::add(&p, &t(l, Msg::Blocked(why, date.as_deref())));
        return;
    }
    if chosen.is_some() {
        check
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .set_checked(true);
    }
    if own_due {
        if let Some(w) = r.window_closes_at {
            txt(
                &text,
                "span",
                "muted",
                &t(l, Msg::ReturnBy(&i18n::date(l, &w))),
            );
        }
    }
    let field = el(&text, "div", "qty");
    let qid = uid("qty");
    let ql = txt(&field, "label", "", &t(l, Msg::QtyToReturn));
    set(&ql, "for", &qid);
    txt(&ql, "span", "vh", &format!(" ({})", line.title));
    let select = el(&field, "select", "");
    set(&select, "id", &qid);
    set(&select, "part", "input");
    set(&select, "data-f", "qty");
    set(&select, "data-id", &line.item_id.to_string());
    set(&select, "data-k", &format!("qty:{}", line.item_id));
    set(&select, "data-ctl", &format!("qty:{}", line.item_id));
    let q_err = uid("err");
    set(&select, "aria-describedby", &q_err);
    let current = chosen.map_or(1, |c| c.quantity);
    for n in 1..=r.returnable_quantity {
        let opt = txt(&select, "option", "", &n.to_string());
        set(&opt, "value", &n.to_string());
        if n == current {
            set(&opt, "selected", "");
        }
    }
    // Asked only once the line is ticked (no clutter, nothing to skip for keyboard users).
    if chosen.is_none() {
        set(&select, "disabled", "");
        set(&field, "hidden", "");
    }
    let e = txt(&field, "p", "field-error", "");
    set(&e, "id", &q_err);
    set(&e, "data-err", &format!("qty:{}", line.item_id));
}

/// Past returns and the withdrawal section, after the form.
fn after(root: &web_sys::Element, i: &Inner, o: &ReturnOptions, l: Locale) {
    if !o.returns.is_empty() {
        let sec = el(root, "section", "past");
        let h = txt(&sec, "h3", "", &t(l, Msg::PastReturns));
        let hid = uid("past");
        set(&h, "id", &hid);
        set(&sec, "aria-labelledby", &hid);
        let ul = el(&sec, "ul", "orders");
        for r in &o.returns {
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
            button(&el(&ul, "li", ""), "row", "rma", &r.rma, &text);
        }
    }
    super::withdrawal::section(root, i, o, l);
}

/// A checkbox was ticked or unticked.
pub(super) fn pick(f: Flow, item_id: i64, on: bool) {
    f.io(|i| {
        if let Some(o) = &i.options {
            i.draft.choose(item_id, on, o);
        }
    });
    if let Some(s) = f.find(&format!("select[data-id=\"{item_id}\"]")) {
        if let Some(field) = s.parent_element() {
            let _ = field.toggle_attribute_with_force("hidden", !on);
        }
        let s: web_sys::HtmlSelectElement = s.unchecked_into();
        s.set_disabled(!on);
        s.set_value("1");
    }
    f.changed();
}

/// A quantity was chosen.
pub(super) fn quantity(f: Flow, item_id: i64, value: &str) {
    let n: u32 = value.parse().unwrap_or(1);
    f.io(|i| {
        if let Some(c) = i.draft.line_mut(item_id) {
            c.quantity = n;
        }
    });
    f.changed();
}
