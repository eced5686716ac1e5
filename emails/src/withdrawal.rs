//! The EU withdrawal confirmation (Directive 2011/83/EU, art. 11(3) and 11a as amended by
//! Directive 2023/2673): the trader confirms a withdrawal "on a durable medium without undue
//! delay". The message carries the reference, when it was recorded, the declaration word for
//! word as the shopper made it, and what happens next (art. 13 and 14: 14 days each way).

use crate::layout::{self, document, para, Frame};
use crate::{Rendered, Sender};
use aftercare_shared::format::date_time;
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::{Locale, Timestamp};
use maud::html;

/// Days the shopper has to send the goods back, and the trader to refund (art. 13(1), 14(1)).
pub const DAYS: u32 = 14;

/// What the confirmation is about.
#[derive(Debug, Clone, Copy)]
pub struct Withdrawal<'a> {
    /// The declaration's reference (`WD-…`).
    pub reference: &'a str,
    /// The order's number as the shopper knows it.
    pub order_number: &'a str,
    /// When it was recorded.
    pub confirmed_at: Timestamp,
    /// The declaration, word for word as recorded.
    pub statement: &'a str,
}

/// The confirmation in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, w: &Withdrawal<'_>) -> Rendered {
    let store = sender.store;
    let number = w.order_number;
    let subject = mail(locale, Mail::WithdrawalSubject { number, store });
    let preheader = mail(
        locale,
        Mail::WithdrawalPreheader {
            reference: w.reference,
        },
    );
    let heading = t(locale, Msg::WithdrawnHeading);
    let intro = mail(locale, Mail::WithdrawalIntro { number, store });
    let durable = mail(locale, Mail::DurableMedium);
    let reference = t(locale, Msg::Reference(w.reference));
    let recorded = t(locale, Msg::RecordedOn(&date_time(locale, &w.confirmed_at)));
    let statement_heading = t(locale, Msg::Statement);
    let next = mail(locale, Mail::NextStepsHeading);
    let send_back = mail(locale, Mail::SendBack { days: DAYS });
    let refund = mail(locale, Mail::Refund { days: DAYS });
    let questions = sender
        .support_email
        .map(|email| mail(locale, Mail::Questions { email }));
    let footer = mail(locale, Mail::Transactional { store });
    let quote = format!(
        "border-left:4px solid {};margin:0 0 12px;padding:4px 0 4px 12px",
        sender.branding.colors.border
    );
    let body = html! {
        (para(&intro))
        p style="margin:0 0 12px;font-weight:700" { (durable) }
        p style="margin:0 0 12px" { (reference) br; (recorded) }
        (layout::heading(&statement_heading))
        blockquote style=(quote) { (w.statement) }
        (layout::heading(&next))
        ul style="margin:0 0 12px;padding-left:20px" {
            li style="margin:0 0 6px" { (send_back) }
            li { (refund) }
        }
        @if let Some(q) = &questions { (para(q)) }
    };
    let html = document(
        sender,
        Frame {
            locale,
            subject: &subject,
            preheader: &preheader,
            heading: &heading,
            body,
            footer: &footer,
            unsubscribe: None,
        },
    );
    let mut blocks = vec![
        heading.clone(),
        intro,
        durable,
        format!("{reference}\n{recorded}"),
        format!("{statement_heading}:\n\"{}\"", w.statement),
        format!("{next}:\n- {send_back}\n- {refund}"),
    ];
    blocks.extend(questions);
    let text = layout::text(sender, &blocks, &footer, None);
    Rendered {
        subject,
        html,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::api::Branding;

    fn sample(locale: Locale) -> Rendered {
        let branding = Branding::default();
        let sender = Sender {
            store: "Aurora <Outfitters>",
            branding: &branding,
            support_email: Some("help@aurora.example"),
        };
        render(
            locale,
            &sender,
            &Withdrawal {
                reference: "WD-7K3M9QXZ",
                order_number: "1042",
                confirmed_at: Timestamp::from_utc_ms(1_796_047_500_000, 60),
                statement:
                    "I hereby give notice that I withdraw from my contract of sale for order 1042.",
            },
        )
    }

    #[test]
    fn both_parts_carry_the_reference_the_time_the_declaration_and_the_deadlines() {
        let m = sample(Locale::En);
        assert_eq!(
            m.subject,
            "Withdrawal confirmed: order 1042 with Aurora <Outfitters>"
        );
        for part in [&m.html, &m.text] {
            assert!(part.contains("WD-7K3M9QXZ"), "{part}");
            assert!(part.contains("30 Nov 2026, 14:05 UTC"), "{part}");
            assert!(
                part.contains("I hereby give notice that I withdraw"),
                "{part}"
            );
            assert!(part.contains("within 14 days"), "{part}");
            assert!(part.contains("durable medium"), "{part}");
            assert!(part.contains("help@aurora.example"), "{part}");
        }
        assert!(m.html.contains("Aurora &lt;Outfitters&gt;"), "escaped");
        assert!(!m.html.contains("<Outfitters>"));
        assert!(m.html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
        assert!(m.html.contains("prefers-color-scheme: dark"));
        assert!(
            m.html.contains("color:#1d4ed8"),
            "the store's primary colour"
        );
        assert!(m.text.contains("\n-- \n"));
        assert!(
            m.text
                .lines()
                .all(|l| l.chars().count() <= 72 || !l.contains(' ')),
            "{}",
            m.text
        );
    }

    #[test]
    fn every_language_has_its_own_words() {
        let es = sample(Locale::Es);
        assert!(es
            .subject
            .starts_with("Desistimiento confirmado: pedido 1042"));
        assert!(es.html.starts_with("<!DOCTYPE html><html lang=\"es\">"));
        assert!(es.text.contains("30 nov 2026, 14:05 UTC"));
        let pt = sample(Locale::PtBr);
        assert!(pt.subject.starts_with("Desistência confirmada"));
        assert!(pt.text.contains("14 dias"));
    }
}
