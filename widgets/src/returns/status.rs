//! A return's status page: RMA, where it stands (with the store's note when it was rejected or
//! cancelled), what to do next, the QR code and the printable label, the items and amounts,
//! the history with localized times, and "Cancel return" (with a confirmation) while the
//! server allows it. The flow refreshes it while the tab is visible and announces a new status
//! in its live region.

use super::fresh::IntoFresh;
use super::parts::{alert, heading};
use super::review::{amounts, summary_item};
use super::state::{status_wire, Flow, Screen};
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnDetail;
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::Locale;
use leptos::prelude::*;

/// The status page of the flow's return, rebuilt when a refresh brings a change.
pub(crate) fn status_page(f: Flow, l: Locale) -> impl IntoView {
    move || {
        f.remember_focus(Screen::Status);
        let page = f.detail.with(|d| d.as_ref().map(|d| page(f, d, l).fresh()));
        f.settle();
        page
    }
}

fn page(f: Flow, d: &ReturnDetail, l: Locale) -> impl IntoView {
    let state = t(l, Msg::StatusIs(&t(l, Msg::ReturnStatus(d.status))));
    let closed = matches!(d.status, ReturnStatus::Rejected | ReturnStatus::Cancelled);
    let note = closed
        .then(|| d.history.iter().rev().find_map(|h| h.note.as_deref()))
        .flatten()
        .map(|n| view! { <p class="note">{t(l, Msg::StoreNote(n))}</p> });
    let next = (!d.status.is_final()).then(|| {
        let instr = (!d.instructions.is_empty())
            .then(|| view! { <p class="instr">{d.instructions.clone()}</p> });
        let qr = d.qr_url.clone().map(|qr| {
            view! { <img class="qr" src=qr alt=t(l, Msg::QrAlt(&d.rma)) width="160" height="160" /> }
        });
        let label = d.label_url.clone().map(|url| {
            view! {
                <a class="btn secondary" href=url target="_blank" rel="noopener" part="button">
                    {t(l, Msg::PrintLabel)}
                    <span class="vh">{format!(" {}", t(l, Msg::OpensNewTab))}</span>
                </a>
            }
        });
        let has_box = qr.is_some() || label.is_some();
        view! {
            {instr}
            {has_box.then(|| view! { <div class="label-box">{qr}{label}</div> })}
        }
    });
    let items = d
        .lines
        .iter()
        .map(|line| {
            let photos = (!line.photos.is_empty()).then(
                || view! { <span class="muted">{t(l, Msg::Photos(line.photos.len()))}</span> },
            );
            let variant = line
                .exchange
                .as_ref()
                .map(|x| x.label.as_str())
                .unwrap_or_default();
            summary_item(
                line.image_url.clone(),
                format!("{} × {}", line.title, line.quantity),
                line.variant.clone(),
                view! {
                    <span>{t(l, Msg::ReasonIs(&line.reason_label))}</span>
                    {photos}
                    <span class="outcome">{t(l, Msg::Outcome(line.resolution, variant))}</span>
                },
            )
        })
        .map(IntoFresh::fresh)
        .collect::<Vec<_>>();
    // What it is worth, while it still counts (not after a rejection or cancellation).
    let worth = (!closed).then(|| {
        view! {
            <h3>{t(l, Msg::EstimateHeading)}</h3>
            {amounts(&d.estimate, l)}
        }
    });
    let hid = uid("hist");
    let history = d
        .history
        .iter()
        .map(|h| {
            view! {
                <li part="event">
                    <span class="hs">{t(l, Msg::ReturnStatus(h.status))}</span>
                    <time class="muted" datetime=h.at.to_string()>{i18n::date_time(l, &h.at)}</time>
                    {h.note.as_deref().map(|n| view! { <p class="note">{t(l, Msg::StoreNote(n))}</p> })}
                </li>
            }
        })
        .map(IntoFresh::fresh).collect::<Vec<_>>();
    let cancel = d.can_cancel.then(|| {
        view! {
            <div class="cancel">
                {move || if f.confirm.get() {
                    view! {
                        <p class="confirm" tabindex="-1">{t(l, Msg::CancelConfirm)}</p>
                        <div class="nav">
                            <button class="btn secondary" type="button" part="button" on:click=move |_| f.ask_cancel(false)>
                                {t(l, Msg::CancelNo)}
                            </button>
                            <button class="btn danger" type="button" part="button" disabled=move || f.busy.get() on:click=move |_| f.cancel()>
                                {t(l, Msg::CancelYes)}
                            </button>
                        </div>
                    }
                    .fresh()
                } else {
                    view! {
                        <button class="btn secondary" type="button" part="button" on:click=move |_| f.ask_cancel(true)>
                            {t(l, Msg::CancelReturn)}
                        </button>
                    }
                    .fresh()
                }}
            </div>
        }
    });
    let back = f.number.get_untracked().is_some().then(|| {
        view! {
            <p class="back">
                <button class="link" type="button" part="button" on:click=move |_| f.back_to_order()>
                    {t(l, Msg::BackToOrder)}
                </button>
            </p>
        }
    });
    view! {
        <section class="status-page">
            {heading(f, l, t(l, Msg::ReturnHeading(&d.rma)))}
            {f.created.get_untracked().then(|| view! { <p class="created">{t(l, Msg::ReturnCreated)}</p> })}
            <p class=format!("state s-{}", status_wire(d.status)) part="status" tabindex="-1">
                <span class="dot" aria-hidden="true"></span>
                {state}
            </p>
            {note}
            {next}
            <h3>{t(l, Msg::ItemsHeading)}</h3>
            <ul class="summary">{items}</ul>
            {worth}
            <h3 id=hid.clone()>{t(l, Msg::ReturnHistory)}</h3>
            <ol class="history" aria-labelledby=hid part="timeline">{history}</ol>
            {cancel}
            {alert(f, l)}
            {back}
        </section>
    }
}
