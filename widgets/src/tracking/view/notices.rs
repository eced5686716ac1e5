//! A parcel's notices (delay, stall, exception banners with the next step and its links) and
//! its pickup-point block.

use super::*;

/// A `<button type=button data-act=…>` handled by the timeline's one click listener.
pub(super) fn action(
    parent: &web_sys::Element,
    act: &str,
    v: &str,
    class: &str,
    text: &str,
) -> web_sys::Element {
    let b = txt(parent, "button", class, text);
    set(&b, "type", "button");
    set(&b, "data-act", act);
    set(&b, "data-v", v);
    set(&b, "data-k", &format!("{act}-{v}"));
    b
}

/// A link to the carrier's page (only http(s): never a `javascript:` URL from a feed).
pub(super) fn carrier_link(
    parent: &web_sys::Element,
    s: &Shipment,
    text: &str,
    l: Locale,
) -> Option<web_sys::Element> {
    let href = s
        .tracking_url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))?;
    let a = txt(parent, "a", "", text);
    set(&a, "href", href);
    set(&a, "target", "_blank");
    set(&a, "rel", "noopener noreferrer");
    txt(&a, "span", "vh", &format!(" {}", t(l, Msg::OpensNewTab)));
    Some(a)
}

/// A notice box: icon + title (never colour alone), returning the body to fill.
pub(super) fn notice(
    parent: &web_sys::Element,
    kind: &str,
    role: &str,
    icon: &str,
    title: &str,
) -> web_sys::Element {
    let d = el(parent, "div", &format!("notice {kind}"));
    set(&d, "part", "notice");
    set(&d, "role", role);
    set(&txt(&d, "span", "ico", icon), "aria-hidden", "true");
    let body = el(&d, "div", "nbody");
    txt(&body, "p", "ntitle", title);
    body
}

/// The concrete next step (from the server's `next_step`) and the links that carry it out.
pub(super) fn next_step(body: &web_sys::Element, s: &Shipment, ctx: &Ctx) {
    let l = ctx.l;
    let carrier = s.carrier.name.as_str();
    txt(body, "p", "", &t(l, Msg::Next(s.next_step, carrier)));
    if s.reason == Some(ExceptionReason::CustomsHold) {
        txt(body, "p", "muted", &t(l, Msg::CustomsHint(carrier)));
    }
    let acts = el(body, "p", "acts");
    match s.next_step {
        NextStep::ContactCarrier | NextStep::ArrangeRedelivery => {
            if let Some(a) = carrier_link(&acts, s, &t(l, Msg::CarrierLink(carrier)), l) {
                set(&a, "data-k", &format!("carrier-{}", s.id));
            }
        }
        NextStep::UpdateAddress | NextStep::ContactStore => {
            if let Some(cfg) = ctx.store {
                contacts(&acts, cfg, l);
            }
        }
        NextStep::Wait | NextStep::CollectFromPickupPoint => {}
    }
    help_button(&acts, s, ctx);
}

pub(super) fn help_button(parent: &web_sys::Element, s: &Shipment, ctx: &Ctx) {
    if ctx.help {
        action(
            parent,
            "help",
            &s.id.to_string(),
            "link",
            &t(ctx.l, Msg::GetHelp),
        );
    }
}

/// Banner for a parcel in trouble, else a delay or stall notice: what happened, what to do.
pub(super) fn notices(sec: &web_sys::Element, s: &Shipment, ctx: &Ctx) {
    let l = ctx.l;
    let banner = s.status.needs_attention();
    if banner {
        let alert = matches!(
            s.status,
            TrackingStatus::Exception | TrackingStatus::ReturnedToSender
        );
        let body = notice(
            sec,
            "banner",
            if alert { "alert" } else { "status" },
            "!",
            &t(l, Msg::Banner(s.status, s.reason)),
        );
        if let Some(r) = s
            .reason
            .filter(|_| s.status == TrackingStatus::ReturnedToSender)
        {
            txt(&body, "p", "", &t(l, Msg::ReasonLine(r)));
        }
        next_step(&body, s, ctx);
    }
    if s.delayed {
        let body = notice(sec, "delay", "status", "i", &t(l, Msg::DelayTitle));
        txt(&body, "p", "", &t(l, Msg::DelayBody));
        if banner || s.next_step == NextStep::Wait {
            let acts = el(&body, "p", "acts");
            help_button(&acts, s, ctx);
        } else {
            next_step(&body, s, ctx);
        }
    } else if s.stalled && !banner {
        let days = s.last_update_at.or(s.shipped_at).map(|at| {
            let ms = js_sys::Date::now() - at.utc_ms as f64;
            (ms / 86_400_000.0).floor().max(1.0) as u32
        });
        let body = notice(sec, "stall", "status", "i", &t(l, Msg::Stalled(days)));
        next_step(&body, s, ctx);
    }
}

/// Where to collect a parcel waiting at a pickup point, and by when.
pub(super) fn pickup(sec: &web_sys::Element, p: &PickupPoint, l: Locale) {
    let b = el(sec, "section", "pickup");
    set(&b, "part", "pickup");
    txt(&b, "h4", "", &t(l, Msg::PickupPoint));
    txt(&b, "p", "title", &p.name);
    let a = &p.address;
    let city = format!("{} {}", a.postal_code, a.city);
    let lines = [
        Some(a.line1.as_str()),
        a.line2.as_deref(),
        Some(city.trim()),
        a.region.as_deref(),
        Some(a.country.as_str()),
    ];
    txt(
        &b,
        "p",
        "",
        &lines
            .into_iter()
            .flatten()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
    );
    if !p.opening_hours.is_empty() {
        txt(&b, "p", "muted", &t(l, Msg::OpeningHours));
        let ul = el(&b, "ul", "hours");
        for h in &p.opening_hours {
            txt(&ul, "li", "", h);
        }
    }
    if let Some(d) = &p.pickup_deadline {
        let due = el(&b, "p", "due");
        time(&due, d, &t(l, Msg::CollectBy(&i18n::day(l, d))));
    }
}
