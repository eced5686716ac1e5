//! Pieces several messages share, each as HTML and as plain text from the same data: the
//! order's lines, its totals, the delivery address, the store's FAQ, and the "questions?" line.

use crate::layout::{self, facts, facts_text};
use crate::Sender;
use aftercare_shared::api::FaqEntry;
use aftercare_shared::format::money;
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::order::{LineItem, Order};
use aftercare_shared::{Locale, Money};
use maud::{html, Markup};

/// A piece of a message in both forms.
pub struct Part {
    /// For the HTML body.
    pub html: Markup,
    /// For the text body (one block).
    pub text: String,
}

/// `lines` with the quantity each is shown with: "Trail Runner (Blue / 42) — 2 × EUR 89.00".
pub fn items(locale: Locale, lines: &[(&LineItem, u32)]) -> Part {
    let rows: Vec<(String, String)> = lines
        .iter()
        .map(|(l, qty)| {
            let name = match &l.variant {
                Some(v) => format!("{} ({v})", l.title),
                None => l.title.clone(),
            };
            let price = money(locale, &l.unit_price);
            (name, t(locale, Msg::LinePrice(&price, *qty)))
        })
        .collect();
    let heading = t(locale, Msg::ItemsHeading);
    Part {
        html: html! { (layout::heading(&heading)) (facts_plain(&rows)) },
        text: format!("{heading}:\n{}", facts_text(&rows).replace(": ", " — ")),
    }
}

/// A two-column table without the muted labels (the item names are what matters).
fn facts_plain(rows: &[(String, String)]) -> Markup {
    html! {
        table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 12px" {
            @for (name, price) in rows {
                tr {
                    td style="padding:4px 8px 4px 0" { (name) }
                    td align="right" style="padding:4px 0;white-space:nowrap" { (price) }
                }
            }
        }
    }
}

/// The order's totals, the total last and strong; tax and discount only when there are any.
pub fn totals(locale: Locale, sender: &Sender<'_>, order: &Order) -> Part {
    let tt = &order.totals;
    let mut rows = vec![
        (t(locale, Msg::Subtotal), money(locale, &tt.subtotal)),
        (t(locale, Msg::ShippingCharge), money(locale, &tt.shipping)),
    ];
    if tt.tax.amount_minor != 0 {
        rows.push((t(locale, Msg::Tax), money(locale, &tt.tax)));
    }
    if tt.discount.amount_minor != 0 {
        let off = Money::new(-tt.discount.amount_minor, tt.discount.currency);
        rows.push((t(locale, Msg::Discount), money(locale, &off)));
    }
    rows.push((t(locale, Msg::OrderTotal), money(locale, &tt.total)));
    let heading = t(locale, Msg::OrderSummary);
    Part {
        html: html! { (layout::heading(&heading)) (facts(sender, &rows, true)) },
        text: format!("{heading}:\n{}", facts_text(&rows)),
    }
}

/// Where the order goes, when it has an address.
pub fn address(locale: Locale, order: &Order) -> Option<Part> {
    let a = order.shipping_address.as_ref()?;
    let heading = t(locale, Msg::DeliveryAddress);
    let lines = a.lines();
    Some(Part {
        html: html! { (layout::heading(&heading)) (layout::lines(&lines)) },
        text: format!("{heading}:\n{}", lines.join("\n")),
    })
}

/// The store's answers to common questions (at most `max`), when it has written any.
pub fn faq(locale: Locale, entries: &[FaqEntry], max: usize) -> Option<Part> {
    if entries.is_empty() {
        return None;
    }
    let heading = mail(locale, Mail::FaqHeading);
    let shown = &entries[..entries.len().min(max)];
    Some(Part {
        html: html! {
            (layout::heading(&heading))
            @for e in shown {
                p style="margin:0 0 4px;font-weight:700" { (e.question) }
                p style="margin:0 0 12px" { (e.answer) }
            }
        },
        text: format!(
            "{heading}:\n{}",
            shown
                .iter()
                .map(|e| format!("{}\n{}", e.question, e.answer))
                .collect::<Vec<_>>()
                .join("\n\n")
        ),
    })
}

/// "Questions? Write to …", when the store has a support address.
pub fn questions(locale: Locale, sender: &Sender<'_>) -> Option<String> {
    sender
        .support_email
        .map(|email| mail(locale, Mail::Questions { email }))
}

/// The call to action "View your order" in both forms.
pub fn view_order(locale: Locale, sender: &Sender<'_>, url: &str) -> Part {
    let label = mail(locale, Mail::ViewOrder);
    let fallback = mail(locale, Mail::LinkFallback);
    Part {
        html: layout::button(sender, url, &label, &fallback),
        text: format!("{label}: {url}"),
    }
}

/// A message being put together: each piece goes into both bodies in the same order.
#[derive(Default)]
pub struct Compose {
    html: Vec<Markup>,
    text: Vec<String>,
}

impl Compose {
    /// A paragraph.
    pub fn para(&mut self, s: String) {
        self.html.push(layout::para(&s));
        self.text.push(s);
    }

    /// A paragraph when there is one.
    pub fn maybe_para(&mut self, s: Option<String>) {
        if let Some(s) = s {
            self.para(s);
        }
    }

    /// A shared piece.
    pub fn part(&mut self, p: Part) {
        self.html.push(p.html);
        self.text.push(p.text);
    }

    /// A shared piece when there is one.
    pub fn maybe_part(&mut self, p: Option<Part>) {
        if let Some(p) = p {
            self.part(p);
        }
    }

    /// The whole message.
    pub fn finish(self, sender: &Sender<'_>, head: Head<'_>) -> crate::Rendered {
        let Compose { html: parts, text } = self;
        let body = html! { @for p in parts { (p) } };
        let mut blocks = vec![head.heading.to_owned()];
        blocks.extend(text);
        crate::Rendered {
            subject: head.subject.to_owned(),
            html: layout::document(
                sender,
                layout::Frame {
                    locale: head.locale,
                    subject: head.subject,
                    preheader: head.preheader,
                    heading: head.heading,
                    body,
                    footer: head.footer,
                    unsubscribe: head.unsubscribe,
                },
            ),
            text: layout::text(sender, &blocks, head.footer, head.unsubscribe),
        }
    }
}

/// What frames a message: its language, subject, preheader, heading and footer.
pub struct Head<'a> {
    /// The message's language.
    pub locale: Locale,
    /// Subject line.
    pub subject: &'a str,
    /// The line inboxes show after the subject.
    pub preheader: &'a str,
    /// The heading.
    pub heading: &'a str,
    /// Why the shopper gets it.
    pub footer: &'a str,
    /// An optional message's way out.
    pub unsubscribe: Option<&'a layout::Unsubscribe>,
}
