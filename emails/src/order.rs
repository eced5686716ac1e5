//! The order confirmation, with a welcome for a customer's first order: what was bought, what
//! it cost, where it goes, when it should arrive, and the link to follow it.

use crate::parts::{self, Compose, Head};
use crate::{Rendered, Sender};
use aftercare_shared::format::window;
use aftercare_shared::i18n::{mail, Mail};
use aftercare_shared::order::{LineItem, Order};
use aftercare_shared::Locale;

/// What the confirmation is about.
#[derive(Debug, Clone, Copy)]
pub struct Confirmation<'a> {
    /// The order as stored.
    pub order: &'a Order,
    /// The customer's first order with the store: the message welcomes them.
    pub first: bool,
    /// The order's page (a signed link).
    pub order_url: &'a str,
}

/// The confirmation in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, c: &Confirmation<'_>) -> Rendered {
    let number = c.order.order_number.as_str();
    let store = sender.store;
    let (subject, heading, intro) = if c.first {
        (
            mail(locale, Mail::WelcomeSubject { number, store }),
            mail(locale, Mail::WelcomeHeading { store }),
            mail(locale, Mail::WelcomeIntro { number }),
        )
    } else {
        (
            mail(locale, Mail::ConfirmedSubject { number }),
            mail(locale, Mail::ConfirmedHeading),
            mail(locale, Mail::ConfirmedIntro { number }),
        )
    };
    let preheader = mail(locale, Mail::ConfirmedPreheader { number });
    let footer = mail(locale, Mail::AboutOrder { store });
    let mut m = Compose::default();
    m.para(intro);
    m.maybe_para(
        c.order
            .shipments
            .iter()
            .find_map(|s| s.eta.as_ref())
            .map(|w| {
                mail(
                    locale,
                    Mail::EtaIs {
                        window: &window(locale, w),
                    },
                )
            }),
    );
    m.part(parts::view_order(locale, sender, c.order_url));
    let lines: Vec<(&LineItem, u32)> = c.order.items.iter().map(|l| (l, l.quantity)).collect();
    m.part(parts::items(locale, &lines));
    m.part(parts::totals(locale, sender, c.order));
    m.maybe_part(parts::address(locale, c.order));
    m.maybe_para(parts::questions(locale, sender));
    m.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &preheader,
            heading: &heading,
            footer: &footer,
            unsubscribe: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use aftercare_shared::TrackingStatus;

    fn confirm(locale: Locale, first: bool) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: Some("help@aurora.example"),
        };
        let order = sample::order(TrackingStatus::InfoReceived);
        render(
            locale,
            &sender,
            &Confirmation {
                order: &order,
                first,
                order_url: "https://care.example/orders/pk_x/1042?t=v1.abc",
            },
        )
    }

    #[test]
    fn the_confirmation_lists_lines_totals_address_eta_and_the_link_in_both_parts() {
        let m = confirm(Locale::En, false);
        assert_eq!(m.subject, "Order 1042 confirmed: thank you");
        for part in [&m.html, &m.text] {
            for fact in [
                "Trail Runner (Blue / 42)",
                "2 × EUR 89.00",
                "EUR 14.90",
                "EUR -10.00",
                "EUR 187.80",
                "Calle Mayor 1",
                "28013 Madrid",
                "3 Dec 2026 – 5 Dec 2026",
                "https://care.example/orders/pk_x/1042?t=v1.abc",
                "help@aurora.example",
            ] {
                assert!(part.contains(fact), "{fact} missing from\n{part}");
            }
        }
        assert!(m.html.contains("Merino &lt;Socks&gt;"), "escaped");
        assert!(m.text.contains("Merino <Socks>"), "text is not escaped");
        assert!(!m.html.contains("Tax"), "no tax row when there is none");
    }

    #[test]
    fn a_first_order_is_welcomed_in_the_shopper_s_language() {
        let m = confirm(Locale::En, true);
        assert_eq!(m.subject, "Welcome to Aurora: order 1042 is confirmed");
        assert!(m.text.contains("first order"));
        let es = confirm(Locale::Es, true);
        assert!(
            es.subject.starts_with("Bienvenido a Aurora"),
            "{}",
            es.subject
        );
        assert!(es
            .html
            .contains("Entrega estimada: 3 dic 2026 – 5 dic 2026"));
        assert!(es.html.contains("187,80 EUR"));
        assert!(es.text.contains("Ver tu pedido: https://care.example/"));
    }
}
