//! A parcel's news: shipped, out for delivery, ready for pickup, delivered, and the problems
//! told before the shopper has to ask (an exception, a late or a silent parcel), each with
//! what to do next and the store's answers to common questions.

use crate::parts::{self, Compose, Head, Part};
use crate::{layout, Rendered, Sender};
use aftercare_shared::api::{FaqEntry, Topic};
use aftercare_shared::format::{date_ms, window};
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::notify::ParcelNews;
use aftercare_shared::order::{LineItem, Order, Shipment};
use aftercare_shared::tracking::ExceptionReason;
use aftercare_shared::{Locale, NextStep};
use maud::html;

/// What the message is about.
#[derive(Debug, Clone, Copy)]
pub struct ParcelMail<'a> {
    /// What happened.
    pub news: ParcelNews,
    /// The order, as stored when it happened.
    pub order: &'a Order,
    /// The parcel (one of the order's).
    pub parcel: &'a Shipment,
    /// The order's page (a signed link).
    pub order_url: &'a str,
    /// The store's FAQ in the message's language (shown with problems).
    pub faq: &'a [FaqEntry],
    /// When the news was found (unix ms): a silent parcel's days are counted to it.
    pub at_ms: i64,
    /// The signed one-click link that turns shipping updates off for this address: every
    /// parcel message is optional ([`ParcelNews::consent`]), so every one carries it.
    pub unsubscribe_url: &'a str,
}

/// Questions shown under a problem: enough to answer the usual worry, short enough to read.
const FAQ_SHOWN: usize = 3;

/// The message in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, p: &ParcelMail<'_>) -> Rendered {
    let number = p.order.order_number.as_str();
    let s = p.parcel;
    let carrier = s.carrier.name.as_str();
    let store = sender.store;
    let footer = mail(locale, Mail::AboutShipping { store });
    let unsubscribe = layout::Unsubscribe {
        url: p.unsubscribe_url.to_owned(),
        label: mail(
            locale,
            Mail::UnsubscribeLink {
                topic: &t(locale, Msg::TopicName(Topic::ShippingUpdates)),
            },
        ),
    };
    let mut m = Compose::default();
    let (subject, heading) = match p.news {
        ParcelNews::Shipped => {
            m.para(mail(locale, Mail::ShippedIntro { number, carrier }));
            m.part(parcel_facts(locale, sender, s, true));
            m.part(parts::view_order(locale, sender, p.order_url));
            m.maybe_part(carrier_link(locale, s));
            m.part(parts::items(locale, &in_parcel(p.order, s)));
            if !p.order.unshipped.is_empty() {
                m.para(mail(locale, Mail::MoreToFollow));
            }
            (
                mail(locale, Mail::ShippedSubject { number }),
                mail(locale, Mail::ShippedHeading),
            )
        }
        ParcelNews::OutForDelivery => {
            m.para(mail(locale, Mail::OutIntro { carrier }));
            m.part(parcel_facts(locale, sender, s, false));
            m.part(parts::view_order(locale, sender, p.order_url));
            m.maybe_part(carrier_link(locale, s));
            (
                mail(locale, Mail::OutSubject { number }),
                mail(locale, Mail::OutHeading),
            )
        }
        ParcelNews::ReadyForPickup => {
            m.para(mail(locale, Mail::PickupIntro));
            m.maybe_part(pickup(locale, s));
            m.part(parts::view_order(locale, sender, p.order_url));
            (
                mail(locale, Mail::PickupSubject { number }),
                mail(locale, Mail::PickupHeading),
            )
        }
        ParcelNews::Delivered => {
            let when = s
                .last_update_at
                .map(|at| date_ms(locale, at.utc_ms))
                .unwrap_or_default();
            m.para(mail(
                locale,
                Mail::DeliveredIntro {
                    number,
                    when: &when,
                },
            ));
            m.part(parts::items(locale, &in_parcel(p.order, s)));
            m.para(mail(locale, Mail::NotReceived));
            m.part(parts::view_order(locale, sender, p.order_url));
            (
                mail(locale, Mail::DeliveredSubject { number }),
                mail(locale, Mail::DeliveredHeading),
            )
        }
        ParcelNews::Problem => {
            m.para(mail(locale, Mail::ProblemIntro { number }));
            if let Some(r) = s.reason {
                m.para(t(locale, Msg::ReasonLine(r)));
            }
            m.para(t(locale, Msg::Next(s.next_step, carrier)));
            if s.reason == Some(ExceptionReason::CustomsHold) {
                m.para(t(locale, Msg::CustomsHint(carrier)));
            }
            m.part(parcel_facts(locale, sender, s, false));
            m.part(parts::view_order(locale, sender, p.order_url));
            if s.next_step == NextStep::ContactCarrier {
                m.maybe_part(carrier_link(locale, s));
            }
            m.maybe_part(parts::faq(locale, p.faq, FAQ_SHOWN));
            (
                mail(locale, Mail::ProblemSubject { number }),
                t(locale, Msg::Banner(s.status, s.reason)),
            )
        }
        ParcelNews::Delayed => {
            m.para(mail(locale, Mail::DelayedIntro { number }));
            m.part(parcel_facts(locale, sender, s, true));
            m.part(parts::view_order(locale, sender, p.order_url));
            m.maybe_part(parts::faq(locale, p.faq, FAQ_SHOWN));
            (
                mail(locale, Mail::DelayedSubject { number }),
                t(locale, Msg::DelayTitle),
            )
        }
        ParcelNews::Stalled => {
            let days = s.last_update_at.or(s.shipped_at).map(|at| {
                let silent = p.at_ms.saturating_sub(at.utc_ms);
                u32::try_from(silent / 86_400_000).unwrap_or(u32::MAX)
            });
            m.para(mail(locale, Mail::StalledIntro { number }));
            m.part(parcel_facts(locale, sender, s, false));
            m.part(parts::view_order(locale, sender, p.order_url));
            m.maybe_part(parts::faq(locale, p.faq, FAQ_SHOWN));
            (
                mail(locale, Mail::ProblemSubject { number }),
                t(locale, Msg::Stalled(days.filter(|d| *d > 0))),
            )
        }
    };
    m.maybe_para(parts::questions(locale, sender));
    m.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &heading,
            heading: &heading,
            footer: &footer,
            unsubscribe: Some(&unsubscribe),
        },
    )
}

/// The order's lines in this parcel, with the quantities in it.
fn in_parcel<'a>(order: &'a Order, s: &Shipment) -> Vec<(&'a LineItem, u32)> {
    s.items
        .iter()
        .filter_map(|pi| {
            order
                .items
                .iter()
                .find(|l| l.id == pi.line_item_id)
                .map(|l| (l, pi.quantity))
        })
        .collect()
}

/// Carrier, tracking number and (with `eta`) the expected window.
fn parcel_facts(locale: Locale, sender: &Sender<'_>, s: &Shipment, eta: bool) -> Part {
    let mut rows = vec![
        (t(locale, Msg::Carrier), s.carrier.name.clone()),
        (t(locale, Msg::TrackingNumber), s.tracking_number.clone()),
    ];
    if let Some(w) = s.eta.as_ref().filter(|_| eta) {
        rows.push((t(locale, Msg::Eta), window(locale, w)));
    }
    Part {
        html: layout::facts(sender, &rows, false),
        text: layout::facts_text(&rows),
    }
}

/// "Track with UPS", when the carrier has a page for this parcel.
fn carrier_link(locale: Locale, s: &Shipment) -> Option<Part> {
    let url = s.tracking_url.as_deref()?;
    let label = t(locale, Msg::CarrierLink(&s.carrier.name));
    Some(Part {
        html: html! { p style="margin:0 0 12px" { a href=(url) { (label) } } },
        text: format!("{label}: {url}"),
    })
}

/// Where to collect the parcel, its opening hours and until when.
fn pickup(locale: Locale, s: &Shipment) -> Option<Part> {
    let point = s.pickup_point.as_ref()?;
    let heading = t(locale, Msg::PickupPoint);
    let mut lines = vec![point.name.clone()];
    lines.extend(
        point
            .address
            .lines()
            .into_iter()
            .filter(|l| *l != point.name),
    );
    let hours_heading = t(locale, Msg::OpeningHours);
    let by = point.pickup_deadline.map(|d| {
        t(
            locale,
            Msg::CollectBy(&aftercare_shared::format::date_time(locale, &d)),
        )
    });
    let mut text = format!("{heading}:\n{}", lines.join("\n"));
    if !point.opening_hours.is_empty() {
        text.push_str(&format!(
            "\n\n{hours_heading}:\n{}",
            point.opening_hours.join("\n")
        ));
    }
    if let Some(by) = &by {
        text.push_str(&format!("\n\n{by}"));
    }
    Some(Part {
        html: html! {
            (layout::heading(&heading))
            (layout::lines(&lines))
            @if !point.opening_hours.is_empty() {
                (layout::heading(&hours_heading))
                (layout::lines(&point.opening_hours))
            }
            @if let Some(by) = &by { p style="margin:0 0 12px;font-weight:700" { (by) } }
        },
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use aftercare_shared::TrackingStatus;

    fn news(locale: Locale, news: ParcelNews, status: TrackingStatus) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: None,
        };
        let mut order = sample::order(status);
        if news == ParcelNews::Problem {
            let s = &mut order.shipments[0];
            s.reason = Some(ExceptionReason::AddressIssue);
            s.next_step = NextStep::UpdateAddress;
        }
        if news == ParcelNews::Stalled {
            order.shipments[0].last_update_at = Some(aftercare_shared::Timestamp::from_utc_ms(
                sample::NOW - 4 * 86_400_000,
                0,
            ));
        }
        let faq = [FaqEntry {
            question: "Where is my parcel?".into(),
            answer: "Follow it on your order's page.".into(),
        }];
        render(
            locale,
            &sender,
            &ParcelMail {
                news,
                order: &order,
                parcel: &order.shipments[0],
                order_url: "https://care.example/orders/pk_x/1042?t=v1.abc",
                faq: &faq,
                at_ms: sample::NOW,
                unsubscribe_url: "https://care.example/unsubscribe/pk_x?t=v1.off",
            },
        )
    }

    #[test]
    fn shipped_names_the_carrier_number_window_contents_and_what_follows() {
        let m = news(Locale::En, ParcelNews::Shipped, TrackingStatus::InTransit);
        assert_eq!(m.subject, "Order 1042 is on its way");
        for part in [&m.html, &m.text] {
            for fact in [
                "now with UPS",
                "1Z999AA10123456784",
                "3 Dec 2026 – 5 Dec 2026",
                "Trail Runner (Blue / 42)",
                "Track with UPS",
                "follows in another parcel",
                "https://care.example/orders/pk_x/1042?t=v1.abc",
                "Unsubscribe from “Shipping updates”",
                "https://care.example/unsubscribe/pk_x?t=v1.off",
            ] {
                assert!(part.contains(fact), "{fact} missing from\n{part}");
            }
            assert!(!part.contains("Merino"), "not in this parcel");
        }
    }

    #[test]
    fn every_kind_of_news_has_its_own_subject_and_heading_in_every_language() {
        let cases = [
            (ParcelNews::Shipped, TrackingStatus::InTransit),
            (ParcelNews::OutForDelivery, TrackingStatus::OutForDelivery),
            (
                ParcelNews::ReadyForPickup,
                TrackingStatus::AvailableForPickup,
            ),
            (ParcelNews::Delivered, TrackingStatus::Delivered),
            (ParcelNews::Problem, TrackingStatus::Exception),
            (ParcelNews::Delayed, TrackingStatus::InTransit),
            (ParcelNews::Stalled, TrackingStatus::InTransit),
        ];
        for locale in Locale::ALL {
            let mut seen = Vec::new();
            for (kind, status) in cases {
                let m = news(locale, kind, status);
                assert!(m.text.contains("1042"), "{locale:?} {kind:?}");
                let first = m.text.lines().nth(2).unwrap().to_owned();
                seen.push(first);
            }
            let mut unique = seen.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "{locale:?}: {seen:?}");
        }
    }

    #[test]
    fn problems_say_what_to_do_and_answer_common_questions() {
        let m = news(Locale::En, ParcelNews::Problem, TrackingStatus::Exception);
        assert_eq!(m.subject, "About your parcel from order 1042");
        assert!(m
            .text
            .contains("There's a problem with the delivery address"));
        assert!(m.text.contains("Where is my parcel?"));
        let stalled = news(Locale::En, ParcelNews::Stalled, TrackingStatus::InTransit);
        assert!(stalled.text.contains("for 4 days"), "{}", stalled.text);
        let pickup = news(
            Locale::Es,
            ParcelNews::ReadyForPickup,
            TrackingStatus::AvailableForPickup,
        );
        for fact in ["Kiosko Sol", "Mon–Fri 09:00–20:00", "7 dic 2026"] {
            assert!(pickup.html.contains(fact), "{fact}");
        }
    }
}
