//! A parcel's notices (delay, stall, exception banners with the next step and its links) and
//! its pickup-point block.

use super::{has_contacts, time, Ctx};
use crate::i18n::{self, t, Msg};
use crate::shell::ContactLinks;
use aftercare_shared::order::{PickupPoint, Shipment};
use aftercare_shared::tracking::{ExceptionReason, NextStep, TrackingStatus};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// A link to the carrier's page (only http(s): never a `javascript:` URL from a feed).
pub(super) fn carrier_link(s: &Shipment, text: String, l: Locale) -> Option<impl IntoView> {
    let href = s
        .tracking_url
        .clone()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))?;
    Some(view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {text}
            <span class="vh">{format!(" {}", t(l, Msg::OpensNewTab))}</span>
        </a>
    })
}

/// A notice box: icon + title (never colour alone) and its body.
fn notice(
    kind: &'static str,
    role: &'static str,
    icon: &'static str,
    title: String,
    body: impl IntoView,
) -> impl IntoView {
    view! {
        <div class=kind part="notice" role=role>
            <span class="ico" aria-hidden="true">{icon}</span>
            <div class="nbody">
                <p class="ntitle">{title}</p>
                {body}
            </div>
        </div>
    }
}

/// The concrete next step (from the server's `next_step`) and the links that carry it out.
fn next_step(s: &Shipment, ctx: &Ctx) -> impl IntoView {
    let l = ctx.l;
    let carrier = s.carrier.name.as_str();
    let customs = (s.reason == Some(ExceptionReason::CustomsHold))
        .then(|| view! { <p class="muted">{t(l, Msg::CustomsHint(carrier))}</p> });
    let link = matches!(
        s.next_step,
        NextStep::ContactCarrier | NextStep::ArrangeRedelivery
    )
    .then(|| carrier_link(s, t(l, Msg::CarrierLink(carrier)), l))
    .flatten();
    let contacts = matches!(
        s.next_step,
        NextStep::UpdateAddress | NextStep::ContactStore
    )
    .then_some(ctx.store)
    .flatten()
    .filter(|cfg| has_contacts(cfg))
    .map(|cfg| view! { <ContactLinks config=cfg.clone() locale=l /> });
    view! {
        <p>{t(l, Msg::Next(s.next_step, carrier))}</p>
        {customs}
        <p class="acts">{link} {contacts} {help_button(ctx)}</p>
    }
}

/// "Get help": moves focus to the help section (there only when the store has something in it).
fn help_button(ctx: &Ctx) -> Option<impl IntoView> {
    let heading = ctx.help?;
    Some(view! {
        <button
            type="button"
            class="link gethelp"
            on:click=move |_| {
                if let Some(h) = heading.get_untracked() {
                    h.scroll_into_view();
                    let _ = h.focus();
                }
            }
        >
            {t(ctx.l, Msg::GetHelp)}
        </button>
    })
}

/// Banner for a parcel in trouble, else a delay or stall notice: what happened, what to do.
pub(super) fn notices(s: &Shipment, ctx: &Ctx) -> impl IntoView {
    let l = ctx.l;
    let banner = s.status.needs_attention();
    let alert = matches!(
        s.status,
        TrackingStatus::Exception | TrackingStatus::ReturnedToSender
    );
    let banner = banner.then(|| {
        let reason = s
            .reason
            .filter(|_| s.status == TrackingStatus::ReturnedToSender)
            .map(|r| view! { <p>{t(l, Msg::ReasonLine(r))}</p> });
        notice(
            "notice banner",
            if alert { "alert" } else { "status" },
            "!",
            t(l, Msg::Banner(s.status, s.reason)),
            view! { {reason} {next_step(s, ctx)} },
        )
    });
    let delay = if s.delayed {
        let what = if banner.is_some() || s.next_step == NextStep::Wait {
            view! { <p class="acts">{help_button(ctx)}</p> }.into_any()
        } else {
            next_step(s, ctx).into_any()
        };
        Some(
            notice(
                "notice delay",
                "status",
                "i",
                t(l, Msg::DelayTitle),
                view! { <p>{t(l, Msg::DelayBody)}</p> {what} },
            )
            .into_any(),
        )
    } else if s.stalled && banner.is_none() {
        let days = s.last_update_at.or(s.shipped_at).map(|at| {
            let ms = js_sys::Date::now() - at.utc_ms as f64;
            (ms / 86_400_000.0).floor().max(1.0) as u32
        });
        Some(
            notice(
                "notice stall",
                "status",
                "i",
                t(l, Msg::Stalled(days)),
                next_step(s, ctx),
            )
            .into_any(),
        )
    } else {
        None
    };
    view! { {banner} {delay} }
}

/// Where to collect a parcel waiting at a pickup point, and by when.
pub(super) fn pickup(p: &PickupPoint, l: Locale) -> impl IntoView {
    let a = &p.address;
    let city = format!("{} {}", a.postal_code, a.city);
    let address = [
        Some(a.line1.as_str()),
        a.line2.as_deref(),
        Some(city.trim()),
        a.region.as_deref(),
        Some(a.country.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|x| !x.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let hours = (!p.opening_hours.is_empty()).then(|| {
        view! {
            <p class="muted">{t(l, Msg::OpeningHours)}</p>
            <ul class="hours">
                {p.opening_hours.iter().map(|h| view! { <li>{h.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let due = p.pickup_deadline.as_ref().map(|d| {
        view! { <p class="due">{time(d, t(l, Msg::CollectBy(&i18n::day(l, d))))}</p> }
    });
    view! {
        <section class="pickup" part="pickup">
            <h4>{t(l, Msg::PickupPoint)}</h4>
            <p class="title">{p.name.clone()}</p>
            <p>{address}</p>
            {hours}
            {due}
        </section>
    }
}
