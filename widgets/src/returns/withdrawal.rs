//! The EU right of withdrawal: its own section under the items (what it is, the deadline,
//! "Withdraw from contract"), a confirmation step ("Confirm withdrawal" / "Go back"), and the
//! stored confirmation (reference, localized time, the statement as recorded). Past
//! withdrawals stay listed, so the shopper can open them again.

use super::{button, heading, Flow, Inner};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnOptions;
use aftercare_shared::Locale;

/// The section after the items form (nothing when not offered and never declared).
pub(super) fn section(root: &web_sys::Element, _i: &Inner, o: &ReturnOptions, l: Locale) {
    if o.withdrawal.is_none() && o.withdrawals.is_empty() {
        return;
    }
    let sec = el(root, "section", "withdrawal");
    set(&sec, "part", "withdrawal");
    let hid = uid("wd");
    set(
        &txt(&sec, "h3", "", &t(l, Msg::WithdrawalHeading)),
        "id",
        &hid,
    );
    set(&sec, "aria-labelledby", &hid);
    if let Some(w) = &o.withdrawal {
        txt(
            &sec,
            "p",
            "",
            &t(l, Msg::WithdrawalExplain(&i18n::date(l, &w.deadline))),
        );
        button(
            &sec,
            "btn secondary",
            "withdraw",
            "",
            &t(l, Msg::WithdrawButton),
        );
    }
    if !o.withdrawals.is_empty() {
        txt(&sec, "h4", "", &t(l, Msg::PastWithdrawals));
        let ul = el(&sec, "ul", "orders");
        for w in &o.withdrawals {
            let text = t(
                l,
                Msg::WithdrawalRow(&w.reference, &i18n::date_time(l, &w.confirmed_at)),
            );
            button(&el(&ul, "li", ""), "row", "wd-view", &w.reference, &text);
        }
    }
}

/// "Withdraw from the contract?": what it means, "Confirm withdrawal" / "Go back".
pub(super) fn confirm(root: &web_sys::Element, i: &Inner, l: Locale) {
    let sec = el(root, "section", "wd-confirm");
    heading(&sec, i, &t(l, Msg::WithdrawConfirmHeading), l);
    let number = i
        .number
        .as_ref()
        .map(aftercare_shared::OrderNumber::as_str)
        .unwrap_or_default();
    txt(&sec, "p", "", &t(l, Msg::WithdrawConfirmBody(number)));
    let alert = txt(
        &sec,
        "p",
        "form-error",
        &i.notice.map(|m| t(l, m)).unwrap_or_default(),
    );
    set(&alert, "role", "alert");
    set(&alert, "part", "error");
    let nav = el(&sec, "div", "nav");
    button(&nav, "btn secondary", "wd-no", "", &t(l, Msg::GoBack));
    let yes = button(&nav, "btn", "wd-yes", "", &t(l, Msg::ConfirmWithdrawal));
    if i.busy {
        set(&yes, "disabled", "");
    }
}

/// A stored withdrawal: reference, when it was recorded, the statement.
pub(super) fn done(root: &web_sys::Element, i: &Inner, l: Locale) {
    let Some(w) = &i.withdrawal else { return };
    let sec = el(root, "section", "wd-done");
    set(&sec, "part", "withdrawal");
    heading(&sec, i, &t(l, Msg::WithdrawnHeading), l);
    txt(&sec, "p", "ref", &t(l, Msg::Reference(&w.reference)));
    let at = txt(&sec, "p", "", "");
    let time = txt(
        &at,
        "time",
        "",
        &t(l, Msg::RecordedOn(&i18n::date_time(l, &w.confirmed_at))),
    );
    set(&time, "datetime", &w.confirmed_at.to_string());
    txt(&sec, "h3", "", &t(l, Msg::Statement));
    txt(&sec, "blockquote", "statement", &w.statement);
    txt(&sec, "p", "muted", &t(l, Msg::WithdrawalKeep));
    let p = el(&sec, "p", "back");
    button(&p, "link", "wd-no", "", &t(l, Msg::BackToOrder));
}

/// The confirm button while the declaration is being recorded.
pub(super) fn busy(f: Flow, on: bool) {
    if let Some(b) = f.find("[data-act=wd-yes]") {
        if on {
            set(&b, "disabled", "");
        } else {
            let _ = b.remove_attribute("disabled");
        }
    }
}
