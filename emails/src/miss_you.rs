//! "We miss you" (optional: offers, which a customer turns on in their account): sent once
//! when a customer's last order is as old as the store's communication calendar says, it
//! recalls that order and what was in it, each item with a link back to it in the store when
//! the store gave one, and the order's page.

use crate::layout::Unsubscribe;
use crate::parts::{self, Compose, Head, Part};
use crate::{Rendered, Sender};
use aftercare_shared::api::Topic;
use aftercare_shared::format::date_ms;
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::order::Order;
use aftercare_shared::Locale;
use maud::html;

/// What the message is about.
#[derive(Debug, Clone, Copy)]
pub struct MissYou<'a> {
    /// The customer's last order, as stored.
    pub order: &'a Order,
    /// The order's page (a signed link).
    pub order_url: &'a str,
    /// The signed one-click link that turns offers off for this address.
    pub unsubscribe_url: &'a str,
}

/// The message in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, m: &MissYou<'_>) -> Rendered {
    let store = sender.store;
    let number = m.order.order_number.as_str();
    let date = date_ms(locale, m.order.placed_at.utc_ms);
    let subject = mail(locale, Mail::MissYouSubject { store });
    let heading = mail(locale, Mail::MissYouHeading);
    let intro = mail(
        locale,
        Mail::MissYouIntro {
            number,
            date: &date,
        },
    );
    let footer = mail(locale, Mail::AboutOffers { store });
    let unsubscribe = Unsubscribe {
        url: m.unsubscribe_url.to_owned(),
        label: mail(
            locale,
            Mail::UnsubscribeLink {
                topic: &t(locale, Msg::TopicName(Topic::Offers)),
            },
        ),
    };
    let mut c = Compose::default();
    c.para(intro.clone());
    c.part(items(locale, sender, m.order));
    c.part(parts::view_order(locale, sender, m.order_url));
    c.maybe_para(parts::questions(locale, sender));
    c.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &intro,
            heading: &heading,
            footer: &footer,
            unsubscribe: Some(&unsubscribe),
        },
    )
}

/// The order's items by name, each linked to its page in the store when it has one.
fn items(locale: Locale, sender: &Sender<'_>, order: &Order) -> Part {
    let see = mail(locale, Mail::SeeAgain);
    // The text colour, underlined: the branding guarantees its contrast, not the primary's
    // against the background.
    let link = &sender.branding.colors.text;
    let name = |l: &aftercare_shared::order::LineItem| match &l.variant {
        Some(v) => format!("{} ({v})", l.title),
        None => l.title.clone(),
    };
    let html = html! {
        ul style="margin:16px 0;padding:0 0 0 20px" {
            @for l in &order.items {
                li style="margin:0 0 8px" {
                    (name(l))
                    @if let Some(url) = &l.product_url {
                        " — " a href=(url) style={ "color:" (link) ";text-decoration:underline" } { (see) }
                    }
                }
            }
        }
    };
    let text = order
        .items
        .iter()
        .map(|l| match &l.product_url {
            Some(url) => format!("- {}\n  {see}: {url}", name(l)),
            None => format!("- {}", name(l)),
        })
        .collect::<Vec<_>>()
        .join("\n");
    Part { html, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use aftercare_shared::TrackingStatus;

    fn miss(locale: Locale) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: Some("help@aurora.example"),
        };
        let mut order = sample::order(TrackingStatus::Delivered);
        order.items[0].product_url = Some("https://shop.example/p/trail-runner".into());
        render(
            locale,
            &sender,
            &MissYou {
                order: &order,
                order_url: "https://care.example/orders/pk_x/1042?t=v1.abc",
                unsubscribe_url: "https://care.example/unsubscribe?t=v1.xyz",
            },
        )
    }

    #[test]
    fn it_recalls_the_last_order_with_links_back_and_can_be_turned_off_in_both_parts() {
        let m = miss(Locale::En);
        assert_eq!(m.subject, "It has been a while — Aurora");
        for part in [&m.html, &m.text] {
            for fact in [
                "We miss you",
                "Your last order with us was 1042",
                "Trail Runner (Blue / 42)",
                "https://shop.example/p/trail-runner",
                "See it in the store",
                "https://care.example/orders/pk_x/1042?t=v1.abc",
                "https://care.example/unsubscribe?t=v1.xyz",
                "offers and news from Aurora are on",
            ] {
                assert!(part.contains(fact), "{fact} missing from\n{part}");
            }
        }
        assert!(m.html.contains("Merino &lt;Socks&gt;"), "escaped");
        assert!(
            m.text.contains("- Merino <Socks>\n"),
            "no link without a page"
        );
    }

    #[test]
    fn every_language_has_its_own_words() {
        let es = miss(Locale::Es);
        assert!(es.html.contains("Te echamos de menos"));
        assert!(es
            .text
            .contains("Verlo en la tienda: https://shop.example/"));
        let pt = miss(Locale::PtBr);
        assert!(pt.html.contains("Sentimos sua falta"));
        assert!(pt.subject.contains("Aurora"));
    }
}
