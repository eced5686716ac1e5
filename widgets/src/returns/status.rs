//! Step 6, a return's status page: RMA, where it stands (with the store's note when it was
//! rejected or cancelled), what to do next, the QR code and the printable label, the items and
//! amounts, the history with localized times, and "Cancel return" (with a confirmation) while
//! the server allows it. The flow refreshes it while the tab is visible and announces a new
//! status in its live region.

use super::items::thumb;
use super::review::amounts;
use super::{button, heading, Flow, Inner};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::Locale;

pub(super) fn render(root: &web_sys::Element, i: &Inner, l: Locale) {
    let Some(d) = &i.detail else { return };
    let sec = el(root, "section", "status-page");
    heading(&sec, i, &t(l, Msg::ReturnHeading(&d.rma)), l);
    if i.created {
        txt(&sec, "p", "created", &t(l, Msg::ReturnCreated));
    }
    let label = t(l, Msg::ReturnStatus(d.status));
    let state = el(
        &sec,
        "p",
        &format!("state s-{}", super::status_wire(d.status)),
    );
    set(&state, "part", "status");
    set(&state, "tabindex", "-1");
    set(&el(&state, "span", "dot"), "aria-hidden", "true");
    crate::dom::add(&state, &t(l, Msg::StatusIs(&label)));
    let closed = matches!(d.status, ReturnStatus::Rejected | ReturnStatus::Cancelled);
    if closed {
        if let Some(note) = d.history.iter().rev().find_map(|h| h.note.as_deref()) {
            txt(&sec, "p", "note", &t(l, Msg::StoreNote(note)));
        }
    }
    if !d.status.is_final() {
        if !d.instructions.is_empty() {
            txt(&sec, "p", "instr", &d.instructions);
        }
        if d.qr_url.is_some() || d.label_url.is_some() {
            let box_ = el(&sec, "div", "label-box");
            if let Some(qr) = &d.qr_url {
                let img = el(&box_, "img", "qr");
                set(&img, "src", qr);
                set(&img, "alt", &t(l, Msg::QrAlt(&d.rma)));
                set(&img, "width", "160");
                set(&img, "height", "160");
            }
            if let Some(url) = &d.label_url {
                let a = txt(&box_, "a", "btn secondary", &t(l, Msg::PrintLabel));
                set(&a, "href", url);
                set(&a, "target", "_blank");
                set(&a, "rel", "noopener");
                set(&a, "part", "button");
                set(&a, "data-k", "label");
                txt(&a, "span", "vh", &format!(" {}", t(l, Msg::OpensNewTab)));
            }
        }
    }
    txt(&sec, "h3", "", &t(l, Msg::ItemsHeading));
    let ul = el(&sec, "ul", "summary");
    for line in &d.lines {
        let li = el(&ul, "li", "");
        thumb(&li, line.image_url.as_deref());
        let text = el(&li, "div", "ltext");
        txt(
            &text,
            "span",
            "title",
            &format!("{} × {}", line.title, line.quantity),
        );
        if let Some(v) = &line.variant {
            txt(&text, "span", "muted", v);
        }
        txt(&text, "span", "", &t(l, Msg::ReasonIs(&line.reason_label)));
        if !line.photos.is_empty() {
            txt(
                &text,
                "span",
                "muted",
                &t(l, Msg::Photos(line.photos.len())),
            );
        }
        let variant = line
            .exchange
            .as_ref()
            .map(|x| x.label.as_str())
            .unwrap_or_default();
        txt(
            &text,
            "span",
            "outcome",
            &t(l, Msg::Outcome(line.resolution, variant)),
        );
    }
    // What it is worth, while it still counts (not after a rejection or cancellation).
    if !closed {
        txt(&sec, "h3", "", &t(l, Msg::EstimateHeading));
        amounts(&sec, &d.estimate, l);
    }
    let hid = uid("hist");
    set(&txt(&sec, "h3", "", &t(l, Msg::ReturnHistory)), "id", &hid);
    let ol = el(&sec, "ol", "history");
    set(&ol, "aria-labelledby", &hid);
    set(&ol, "part", "timeline");
    for h in &d.history {
        let li = el(&ol, "li", "");
        set(&li, "part", "event");
        txt(&li, "span", "hs", &t(l, Msg::ReturnStatus(h.status)));
        let time = txt(&li, "time", "muted", &i18n::date_time(l, &h.at));
        set(&time, "datetime", &h.at.to_string());
        if let Some(n) = &h.note {
            txt(&li, "p", "note", &t(l, Msg::StoreNote(n)));
        }
    }
    if d.can_cancel {
        let c = el(&sec, "div", "cancel");
        if i.confirm {
            let q = txt(&c, "p", "confirm", &t(l, Msg::CancelConfirm));
            set(&q, "tabindex", "-1");
            let nav = el(&c, "div", "nav");
            button(&nav, "btn secondary", "cancel-no", "", &t(l, Msg::CancelNo));
            let yes = button(&nav, "btn danger", "cancel-yes", "", &t(l, Msg::CancelYes));
            if i.busy {
                set(&yes, "disabled", "");
            }
        } else {
            button(&c, "btn secondary", "cancel", "", &t(l, Msg::CancelReturn));
        }
    }
    let alert = txt(
        &sec,
        "p",
        "form-error",
        &i.notice.map(|m| t(l, m)).unwrap_or_default(),
    );
    set(&alert, "role", "alert");
    set(&alert, "part", "error");
    if i.number.is_some() {
        let p = el(&sec, "p", "back");
        button(&p, "link", "order", "", &t(l, Msg::BackToOrder));
    }
}

/// Open or close "Cancel this return?", moving focus to what replaced the pressed button.
pub(super) fn confirm(f: Flow, open: bool) {
    f.io(|i| {
        i.confirm = open;
        i.notice = None;
        i.focus_key = Some(if open {
            ".confirm"
        } else {
            "[data-act=cancel]"
        });
    });
    f.rebuild();
}
