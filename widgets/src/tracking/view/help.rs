//! The "Need help with your delivery?" section and the parcel's progress stepper.

use super::{has_contacts, has_help};
use crate::dom::uid;
use crate::i18n::{t, Msg};
use crate::shell::ContactLinks;
use aftercare_shared::api::StoreConfig;
use aftercare_shared::tracking::{ProgressStep, TrackingStatus};
use aftercare_shared::Locale;
use leptos::html::H3;
use leptos::prelude::*;

/// "Need help with your delivery?": the store's FAQ as disclosures and its contact channels.
/// Omitted when the store config did not load (or has nothing to say). Its own view, so the
/// order's refreshes never close an open answer.
pub(super) fn help(
    store: Signal<Option<StoreConfig>>,
    locale: Signal<Locale>,
    heading: NodeRef<H3>,
) -> impl IntoView {
    let id = uid("help");
    let body = move || {
        let l = locale.get();
        store.with(|cfg| {
            cfg.as_ref().filter(|c| has_help(Some(c))).map(|cfg| {
                let faq = cfg
                    .faq
                    .iter()
                    .map(|f| {
                        view! {
                            <details class="faq">
                                <summary>{f.question.clone()}</summary>
                                <p>{f.answer.clone()}</p>
                            </details>
                        }
                    })
                    .collect_view();
                let contacts = has_contacts(cfg).then(|| {
                    view! {
                        <h4>{t(l, Msg::ContactUs)}</h4>
                        <p class="acts">
                            <ContactLinks config=cfg.clone() locale=l />
                        </p>
                    }
                });
                view! {
                    <section class="card help" part="help" aria-labelledby=id.clone()>
                        <h3 id=id.clone() tabindex="-1" node_ref=heading>
                            {t(l, Msg::HelpHeading)}
                        </h3>
                        {faq}
                        {contacts}
                    </section>
                }
            })
        })
    };
    view! { <div>{body}</div> }
}

/// The five-step progress bar; the current step is marked by text and `aria-current="step"`.
pub(super) fn stepper(current: ProgressStep, status: TrackingStatus, l: Locale) -> impl IntoView {
    let steps = ProgressStep::ALL
        .into_iter()
        .map(|st| {
            let now = st == current;
            let class = match () {
                _ if st < current || current == ProgressStep::Delivered => "done",
                _ if now => "current",
                _ => "todo",
            };
            let mark = if now {
                let class = if status.needs_attention() {
                    "now attention"
                } else {
                    "now"
                };
                Some((class, t(l, Msg::StepNow)))
            } else {
                (class == "done").then(|| ("vh", format!(" {}", t(l, Msg::StepDone))))
            };
            view! {
                <li class=class aria-current=now.then_some("step")>
                    <span class="lbl">{t(l, Msg::Step(st))}</span>
                    {mark.map(|(class, text)| view! { <span class=class>{text}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="stepper" part="stepper" aria-label=t(l, Msg::Progress)>
            {steps}
        </ol>
    }
}
