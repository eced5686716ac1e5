//! "Your data is ready" (transactional: the customer asked for it in the account page): the
//! link to download their data export, how long it works, and what to do if they did not ask,
//! since a copy of one's data is exactly what someone who got into an account would take.

use crate::layout;
use crate::parts::{self, Compose, Head, Part};
use crate::{Rendered, Sender};
use aftercare_shared::format::date_ms;
use aftercare_shared::i18n::{mail, t, Acc, Mail, Msg};
use aftercare_shared::Locale;

/// What the message is about.
#[derive(Debug, Clone, Copy)]
pub struct ExportReady<'a> {
    /// When the customer asked (unix ms).
    pub asked_at_ms: i64,
    /// The download link (signed, living `days` days).
    pub download_url: &'a str,
    /// How long the link works.
    pub days: u32,
}

/// The message in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, e: &ExportReady<'_>) -> Rendered {
    let store = sender.store;
    let subject = mail(locale, Mail::ExportSubject { store });
    let heading = mail(locale, Mail::ExportHeading);
    let date = date_ms(locale, e.asked_at_ms);
    let intro = mail(
        locale,
        Mail::ExportIntro {
            store,
            date: &date,
            days: e.days,
        },
    );
    let footer = mail(locale, Mail::AboutExport { store });
    let label = t(locale, Msg::Account(Acc::Download));
    let fallback = mail(locale, Mail::LinkFallback);
    let mut c = Compose::default();
    c.para(intro.clone());
    c.part(Part {
        html: layout::button(sender, e.download_url, &label, &fallback),
        text: format!("{label}: {}", e.download_url),
    });
    c.para(mail(locale, Mail::ExportNotYou { store }));
    c.maybe_para(parts::questions(locale, sender));
    c.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &intro,
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

    fn ready(locale: Locale) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: Some("help@aurora.example"),
        };
        render(
            locale,
            &sender,
            &ExportReady {
                asked_at_ms: 1_796_000_000_000,
                download_url: "https://care.example/exports/pk_x?t=v1.abc",
                days: 7,
            },
        )
    }

    #[test]
    fn it_carries_the_link_its_lifetime_and_what_to_do_if_it_was_not_you() {
        let m = ready(Locale::En);
        assert_eq!(m.subject, "Your data from Aurora is ready");
        for part in [&m.html, &m.text] {
            for fact in [
                "Your data is ready",
                "7 days",
                "https://care.example/exports/pk_x?t=v1.abc",
                "Download my data",
                "tell Aurora at once",
                "a copy of your data was asked for",
                "help@aurora.example",
            ] {
                assert!(part.contains(fact), "{fact} missing from\n{part}");
            }
            assert!(!part.contains("nsubscribe"), "transactional");
        }
        let es = ready(Locale::Es);
        assert!(es.html.contains("Tus datos están listos") && es.text.contains("7 días"));
    }
}
