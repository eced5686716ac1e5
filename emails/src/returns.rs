//! A return's news: the request registered (what to do next, the label and the QR code to
//! show at the drop-off point), and each decision the store takes on it, with its note.

use crate::parts::{self, Compose, Head, Part};
use crate::{layout, Rendered, Sender};
use aftercare_shared::api::ReturnDetail;
use aftercare_shared::format::money;
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::notify::ReturnNews;
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::Locale;
use maud::html;

/// What the message is about.
#[derive(Debug, Clone, Copy)]
pub struct ReturnMail<'a> {
    /// What happened.
    pub news: ReturnNews,
    /// The return as the shopper saw it then.
    pub detail: &'a ReturnDetail,
    /// The order's page (a signed link).
    pub order_url: &'a str,
    /// The printable label and the QR code image (PNG), while the parcel is still to send.
    pub label: Option<LabelLinks<'a>>,
}

/// Where the label and its QR code are.
#[derive(Debug, Clone, Copy)]
pub struct LabelLinks<'a> {
    /// The printable label page.
    pub label_url: &'a str,
    /// The QR code as a PNG (mail clients do not show SVG).
    pub qr_png_url: &'a str,
}

/// The message in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, r: &ReturnMail<'_>) -> Rendered {
    let d = r.detail;
    let rma = d.rma.as_str();
    let store = sender.store;
    let footer = mail(locale, Mail::AboutReturn { store });
    let mut m = Compose::default();
    let (subject, heading) = match r.news {
        ReturnNews::Created => {
            m.para(mail(
                locale,
                Mail::ReturnCreatedIntro {
                    number: &d.order_number,
                    rma,
                },
            ));
            (
                mail(locale, Mail::ReturnCreatedSubject { rma }),
                t(locale, Msg::ReturnCreated),
            )
        }
        ReturnNews::Status(status) => {
            let label = t(locale, Msg::ReturnStatus(status));
            m.para(mail(
                locale,
                Mail::ReturnStatusIntro {
                    rma,
                    status: &label,
                },
            ));
            if let Some(note) = d.history.iter().rev().find_map(|h| h.note.as_deref()) {
                m.para(t(locale, Msg::StoreNote(note)));
            }
            if status == ReturnStatus::Refunded && d.estimate.refund_total.amount_minor > 0 {
                let amount = money(locale, &d.estimate.refund_total);
                m.para(mail(locale, Mail::RefundAmount { amount: &amount }));
            }
            (
                mail(
                    locale,
                    Mail::ReturnStatusSubject {
                        rma,
                        status: &label,
                    },
                ),
                t(locale, Msg::ReturnHeading(rma)),
            )
        }
    };
    m.para(d.instructions.clone());
    if let Some(l) = r.label {
        m.part(label(locale, sender, rma, l));
    }
    m.part(lines(locale, d));
    m.part(parts::view_order(locale, sender, r.order_url));
    m.maybe_para(parts::questions(locale, sender));
    m.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &heading,
            heading: &heading,
            footer: &footer,
            unsubscribe: None,
        },
    )
}

/// The QR code to show at the drop-off point and the button to print the label.
fn label(locale: Locale, sender: &Sender<'_>, rma: &str, l: LabelLinks<'_>) -> Part {
    let alt = t(locale, Msg::QrAlt(rma));
    let hint = mail(locale, Mail::ReturnQrHint);
    let print = t(locale, Msg::PrintLabel);
    let fallback = mail(locale, Mail::LinkFallback);
    Part {
        html: html! {
            p style="margin:0 0 8px" { (hint) }
            img src=(l.qr_png_url) alt=(alt) width="180" height="180"
                style="display:block;width:180px;height:180px;margin:0 0 8px;background:#ffffff;border:0";
            (layout::button(sender, l.label_url, &print, &fallback))
        },
        text: format!("{hint}\n{print}: {}", l.label_url),
    }
}

/// The lines being returned, each with its reason.
fn lines(locale: Locale, d: &ReturnDetail) -> Part {
    let heading = t(locale, Msg::ItemsHeading);
    let rows: Vec<String> = d
        .lines
        .iter()
        .map(|l| {
            let name = match &l.variant {
                Some(v) => format!("{} ({v})", l.title),
                None => l.title.clone(),
            };
            format!("{} × {name} — {}", l.quantity, l.reason_label)
        })
        .collect();
    Part {
        html: html! { (layout::heading(&heading)) (layout::lines(&rows)) },
        text: format!("{heading}:\n{}", rows.join("\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use aftercare_shared::api::{ReturnActor, ReturnLine, ReturnStatusChange};
    use aftercare_shared::returns::{RefundEstimate, Resolution, ReturnMethod};
    use aftercare_shared::{Currency, Money, Timestamp};

    fn detail(status: ReturnStatus) -> ReturnDetail {
        let eur = |m| Money::new(m, Currency::parse("EUR").unwrap());
        let at = Timestamp::from_utc_ms(sample::NOW, 0);
        ReturnDetail {
            rma: "RMA-7K3M9Q2X".into(),
            order_number: "1042".into(),
            status,
            method: ReturnMethod::DropOff,
            created_at: at,
            lines: vec![ReturnLine {
                item_id: 1,
                sku: "TR-42".into(),
                title: "Trail Runner".into(),
                variant: Some("Blue / 42".into()),
                image_url: None,
                quantity: 1,
                reason: "too_small".into(),
                reason_label: "Too small".into(),
                comment: None,
                photos: Vec::new(),
                resolution: Resolution::Refund,
                exchange: None,
                paid: eur(8900),
            }],
            estimate: RefundEstimate {
                refund_items: eur(8900),
                restocking_fee: eur(0),
                return_shipping_fee: eur(0),
                refund_total: eur(8900),
                store_credit_items: eur(0),
                store_credit_bonus: eur(0),
                store_credit_total: eur(0),
                exchange_items: eur(0),
            },
            history: vec![ReturnStatusChange {
                status,
                at,
                note: Some("Checked, all good.".into())
                    .filter(|_| status != ReturnStatus::Requested),
                by: ReturnActor::Merchant,
            }],
            can_cancel: false,
            instructions: "Pack the items with a note saying RMA-7K3M9Q2X.".into(),
            label_url: None,
            qr_url: None,
        }
    }

    fn render_for(news: ReturnNews, status: ReturnStatus, label: bool) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: None,
        };
        let d = detail(status);
        render(
            Locale::En,
            &sender,
            &ReturnMail {
                news,
                detail: &d,
                order_url: "https://care.example/orders/pk_x/1042?t=v1.abc",
                label: label.then_some(LabelLinks {
                    label_url: "https://care.example/v1/returns/RMA-7K3M9Q2X/label?t=cap",
                    qr_png_url: "https://care.example/v1/returns/RMA-7K3M9Q2X/qr.png?t=cap",
                }),
            },
        )
    }

    #[test]
    fn a_new_return_carries_its_instructions_qr_code_and_label() {
        let m = render_for(ReturnNews::Created, ReturnStatus::Requested, true);
        assert_eq!(m.subject, "Return RMA-7K3M9Q2X: what to do next");
        assert!(m.html.contains(
            "<img src=\"https://care.example/v1/returns/RMA-7K3M9Q2X/qr.png?t=cap\" alt=\"QR code for return RMA-7K3M9Q2X\""
        ));
        for part in [&m.html, &m.text] {
            for fact in [
                "Pack the items",
                "label?t=cap",
                "1 × Trail Runner (Blue / 42) — Too small",
                "order 1042",
            ] {
                assert!(part.contains(fact), "{fact} missing from\n{part}");
            }
        }
    }

    #[test]
    fn a_decision_says_the_new_status_the_store_s_note_and_the_refund() {
        let m = render_for(
            ReturnNews::Status(ReturnStatus::Refunded),
            ReturnStatus::Refunded,
            false,
        );
        assert_eq!(m.subject, "Return RMA-7K3M9Q2X: Refunded");
        for part in [&m.html, &m.text] {
            assert!(part.contains("Note from the store: Checked, all good."));
            assert!(part.contains("Refund: EUR 89.00"));
            assert!(!part.contains("qr.png"));
        }
    }
}
