//! The invitation to review what was delivered (optional: review requests). The items are the
//! customer's pending list as the review widget shows it, when the store's review timing says
//! it is time to ask (or to remind); each has its own button to the order's review page, and
//! the store's reward, fixed with the request, is stated "whatever your rating".

use crate::layout::{self, Unsubscribe};
use crate::parts::{Compose, Head, Part};
use crate::{Rendered, Sender};
use aftercare_shared::api::{PendingReview, Topic};
use aftercare_shared::i18n::{mail, t, Mail, Msg, Rev};
use aftercare_shared::Locale;
use maud::html;

/// What the message is about.
#[derive(Debug, Clone, Copy)]
pub struct ReviewInvite<'a> {
    /// The items to review, newest order first.
    pub items: &'a [PendingReview],
    /// Each item's review page (a signed review link to its order), in `items` order.
    pub links: &'a [String],
    /// Whether the customer was asked about one of them before.
    pub reminder: bool,
    /// The signed one-click link that turns review requests off for this address.
    pub unsubscribe_url: &'a str,
}

/// The message in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, r: &ReviewInvite<'_>) -> Rendered {
    let store = sender.store;
    let rev = |m| t(locale, Msg::Reviews(m));
    let subject = if r.reminder {
        mail(locale, Mail::ReviewReminderSubject { store })
    } else {
        mail(locale, Mail::ReviewSubject { store })
    };
    let heading = rev(Rev::PromptHeading);
    let footer = mail(locale, Mail::AboutReviews { store });
    let unsubscribe = Unsubscribe {
        url: r.unsubscribe_url.to_owned(),
        label: mail(
            locale,
            Mail::UnsubscribeLink {
                topic: &t(locale, Msg::TopicName(Topic::ReviewRequests)),
            },
        ),
    };
    let mut m = Compose::default();
    m.para(rev(Rev::PromptIntro));
    if r.reminder {
        m.para(mail(locale, Mail::ReviewReminderIntro));
    }
    for (item, link) in r.items.iter().zip(r.links) {
        m.part(item_part(locale, sender, item, link));
    }
    m.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &rev(Rev::PromptIntro),
            heading: &heading,
            footer: &footer,
            unsubscribe: Some(&unsubscribe),
        },
    )
}

/// One item: its picture (when the store has one), name, order, the reward, and its button.
fn item_part(locale: Locale, sender: &Sender<'_>, item: &PendingReview, link: &str) -> Part {
    let rev = |m| t(locale, Msg::Reviews(m));
    let name = match &item.variant {
        Some(v) => format!("{} ({v})", item.title),
        None => item.title.clone(),
    };
    let from = rev(Rev::FromOrder(&item.order_number));
    let offer = item
        .incentive
        .as_deref()
        .map(|o| rev(Rev::IncentiveOffer(o)));
    let label = rev(Rev::WriteReview);
    let fallback = mail(locale, Mail::LinkFallback);
    let muted = &sender.branding.colors.muted;
    let html = html! {
        table role="presentation" width="100%" cellpadding="0" cellspacing="0"
            style={ "margin:16px 0 0;border-top:1px solid " (sender.branding.colors.border) } {
            tr {
                @if let Some(src) = &item.image_url {
                    td width="88" valign="top" style="padding:12px 12px 0 0" {
                        img src=(src) alt=(item.title) width="80" height="80"
                            style="display:block;width:80px;height:80px;object-fit:cover;border-radius:6px";
                    }
                }
                td valign="top" style="padding:12px 0 0" {
                    p style="margin:0;font-weight:700" { (name) }
                    p class="ac-muted" style={ "margin:0 0 8px;color:" (muted) } { (from) }
                    @if let Some(o) = &offer { p style="margin:0 0 8px" { (o) } }
                }
            }
        }
        (layout::button(sender, link, &label, &fallback))
    };
    let mut text = format!("{name}\n{from}");
    if let Some(o) = &offer {
        text.push('\n');
        text.push_str(o);
    }
    text.push_str(&format!("\n{label}: {link}"));
    Part { html, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn item(sku: &str, title: &str, incentive: Option<&str>) -> PendingReview {
        PendingReview {
            sku: sku.into(),
            title: title.into(),
            variant: Some("Blue / 42".into()),
            image_url: Some(format!("https://shop.example/{sku}.jpg")),
            order_number: "1042".into(),
            delivered_at: None,
            prompt: true,
            attributes: Vec::new(),
            incentive: incentive.map(str::to_owned),
        }
    }

    fn invite(locale: Locale, reminder: bool) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: None,
        };
        let items = [
            item("TR-42", "Trail Runner", Some("10% off your next order")),
            item("SOCK", "Merino <Socks>", None),
        ];
        let links = [
            "https://care.example/reviews/pk_x/1042?t=v1.a".to_owned(),
            "https://care.example/reviews/pk_x/1042?t=v1.b".to_owned(),
        ];
        render(
            locale,
            &sender,
            &ReviewInvite {
                items: &items,
                links: &links,
                reminder,
                unsubscribe_url: "https://care.example/unsubscribe/pk_x?t=v1.off",
            },
        )
    }

    #[test]
    fn every_item_has_its_button_picture_and_the_reward_whatever_the_rating() {
        let m = invite(Locale::En, false);
        assert_eq!(m.subject, "Tell Aurora what you think");
        for part in [&m.html, &m.text] {
            for fact in [
                "Trail Runner (Blue / 42)",
                "From order 1042",
                "10% off your next order, whatever your rating",
                "https://care.example/reviews/pk_x/1042?t=v1.a",
                "https://care.example/reviews/pk_x/1042?t=v1.b",
                "Unsubscribe from “Review requests”",
                "https://care.example/unsubscribe/pk_x?t=v1.off",
            ] {
                assert!(part.contains(fact), "{fact} missing from\n{part}");
            }
        }
        assert!(m.html.contains("alt=\"Trail Runner\""));
        assert!(m.html.contains("Merino &lt;Socks&gt;"), "escaped");
        assert_eq!(m.text.matches("Write a review:").count(), 2);
    }

    #[test]
    fn a_reminder_says_so_in_every_language() {
        for locale in Locale::ALL {
            let first = invite(locale, false);
            let again = invite(locale, true);
            assert_ne!(first.subject, again.subject, "{locale:?}");
            assert!(again.text.len() > first.text.len(), "{locale:?}");
        }
        let es = invite(Locale::Es, true);
        assert!(
            es.subject.starts_with("¿Aún tienes un minuto"),
            "{}",
            es.subject
        );
    }
}
