//! The EU right of withdrawal: its own section under the items (what it is, the deadline,
//! "Withdraw from contract"), a confirmation step ("Confirm withdrawal" / "Go back"), and the
//! stored confirmation (reference, localized time, the statement as recorded). Past
//! withdrawals stay listed, so the shopper can open them again.

use super::draft::Step;
use super::fresh::IntoFresh;
use super::parts::{alert, heading};
use super::state::{Flow, Screen};
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnOptions;
use aftercare_shared::Locale;
use leptos::prelude::*;

/// The section after the items form (nothing when not offered and never declared).
pub(crate) fn section(f: Flow, o: &ReturnOptions, l: Locale) -> Option<impl IntoView> {
    if o.withdrawal.is_none() && o.withdrawals.is_empty() {
        return None;
    }
    let hid = uid("wd");
    let offer = o.withdrawal.as_ref().map(|w| {
        view! {
            <p>{t(l, Msg::WithdrawalExplain(&i18n::date(l, &w.deadline)))}</p>
            <button
                class="btn secondary"
                type="button"
                part="button"
                on:click=move |_| {
                    f.notice.set(None);
                    f.show(Screen::Withdraw, true);
                }
            >
                {t(l, Msg::WithdrawButton)}
            </button>
        }
    });
    let past = (!o.withdrawals.is_empty()).then(|| {
        let rows = o
            .withdrawals
            .iter()
            .map(|w| {
                let text = t(
                    l,
                    Msg::WithdrawalRow(&w.reference, &i18n::date_time(l, &w.confirmed_at)),
                );
                let w = w.clone();
                view! {
                    <li>
                        <button
                            class="row"
                            type="button"
                            part="button"
                            on:click=move |_| {
                                f.withdrawal.set(Some(w.clone()));
                                f.show(Screen::Withdrawn, true);
                            }
                        >
                            {text}
                        </button>
                    </li>
                }
            })
            .map(IntoFresh::fresh)
            .collect::<Vec<_>>();
        view! {
            <h4>{t(l, Msg::PastWithdrawals)}</h4>
            <ul class="orders">{rows}</ul>
        }
    });
    Some(view! {
        <section class="withdrawal" part="withdrawal" aria-labelledby=hid>
            <h3 id=hid.clone()>{t(l, Msg::WithdrawalHeading)}</h3>
            {offer}
            {past}
        </section>
    })
}

/// "Withdraw from the contract?": what it means, "Confirm withdrawal" / "Go back".
pub(crate) fn confirm(f: Flow, l: Locale) -> impl IntoView {
    let number = f.number.get_untracked();
    let number = number
        .as_ref()
        .map(aftercare_shared::OrderNumber::as_str)
        .unwrap_or_default();
    view! {
        <section class="wd-confirm">
            {heading(f, l, t(l, Msg::WithdrawConfirmHeading))}
            <p>{t(l, Msg::WithdrawConfirmBody(number))}</p>
            {alert(f, l)}
            <div class="nav">
                <button class="btn secondary" type="button" part="button" on:click=move |_| f.go(Step::Items, true)>
                    {t(l, Msg::GoBack)}
                </button>
                <button class="btn" type="button" part="button" disabled=move || f.busy.get() on:click=move |_| f.withdraw()>
                    {t(l, Msg::ConfirmWithdrawal)}
                </button>
            </div>
        </section>
    }
}

/// A stored withdrawal: reference, when it was recorded, the statement.
pub(crate) fn done(f: Flow, l: Locale) -> impl IntoView {
    f.withdrawal.get_untracked().map(|w| {
        view! {
            <section class="wd-done" part="withdrawal">
                {heading(f, l, t(l, Msg::WithdrawnHeading))}
                <p class="ref">{t(l, Msg::Reference(&w.reference))}</p>
                <p>
                    <time datetime=w.confirmed_at.to_string()>
                        {t(l, Msg::RecordedOn(&i18n::date_time(l, &w.confirmed_at)))}
                    </time>
                </p>
                <h3>{t(l, Msg::Statement)}</h3>
                <blockquote class="statement">{w.statement.clone()}</blockquote>
                <p class="muted">{t(l, Msg::WithdrawalKeep)}</p>
                <p class="back">
                    <button class="link" type="button" part="button" on:click=move |_| f.go(Step::Items, true)>
                        {t(l, Msg::BackToOrder)}
                    </button>
                </p>
            </section>
        }
    })
}
