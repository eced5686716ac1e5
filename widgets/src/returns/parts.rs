//! Small pieces every screen of the flow shows alike: the order above a heading, the heading
//! itself, the screen's alert line and a control's error line.

use super::state::Flow;
use crate::i18n::{t, Msg};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// "Order 1029" above a heading, when the flow knows its order.
pub(crate) fn context(f: Flow, l: Locale) -> impl IntoView {
    f.number
        .get_untracked()
        .map(|n| view! { <p class="muted ctx">{t(l, Msg::OrderHeading(n.as_str()))}</p> })
}

/// A screen's `h2` (the focus target) with the order context above it.
pub(crate) fn heading(f: Flow, l: Locale, text: String) -> impl IntoView {
    view! {
        {context(f, l)}
        <h2 part="heading" tabindex="-1">{text}</h2>
    }
}

/// The screen's alert line: a failed submit, cancel or withdrawal.
pub(crate) fn alert(f: Flow, l: Locale) -> impl IntoView {
    view! {
        <p class="form-error" role="alert" part="error">
            {move || f.notice.get().map(|m| t(l, m))}
        </p>
    }
}

/// A control's error line, described by the control (`id`), filled while `slot` has a problem.
pub(crate) fn field_error(f: Flow, id: String, slot: &'static str, item_id: i64) -> impl IntoView {
    view! { <p class="field-error" id=id>{f.problem(slot, item_id)}</p> }
}
