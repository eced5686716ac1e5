use super::*;

const N: &str = "1042";
const S: &str = "Aurora";
const T: &str = "Shipping updates";

fn every() -> Vec<Mail<'static>> {
    vec![
        Mail::WithdrawalSubject {
            number: N,
            store: S,
        },
        Mail::WithdrawalPreheader {
            reference: "WD-7K3M9QXZ",
        },
        Mail::WithdrawalIntro {
            number: N,
            store: S,
        },
        Mail::DurableMedium,
        Mail::NextStepsHeading,
        Mail::SendBack { days: 14 },
        Mail::Refund { days: 14 },
        Mail::Questions {
            email: "help@aurora.example",
        },
        Mail::Transactional { store: S },
        Mail::ViewOrder,
        Mail::AboutOrder { store: S },
        Mail::AboutReturn { store: S },
        Mail::LinkFallback,
        Mail::ConfirmedSubject { number: N },
        Mail::WelcomeSubject {
            number: N,
            store: S,
        },
        Mail::ConfirmedPreheader { number: N },
        Mail::ConfirmedHeading,
        Mail::WelcomeHeading { store: S },
        Mail::ConfirmedIntro { number: N },
        Mail::WelcomeIntro { number: N },
        Mail::EtaIs {
            window: "3–5 Dec 2026",
        },
        Mail::ShippedSubject { number: N },
        Mail::ShippedHeading,
        Mail::ShippedIntro {
            number: N,
            carrier: "UPS",
        },
        Mail::MoreToFollow,
        Mail::OutSubject { number: N },
        Mail::OutHeading,
        Mail::OutIntro { carrier: "UPS" },
        Mail::PickupSubject { number: N },
        Mail::PickupHeading,
        Mail::PickupIntro,
        Mail::DeliveredSubject { number: N },
        Mail::DeliveredHeading,
        Mail::DeliveredIntro {
            number: N,
            when: "3 Dec 2026",
        },
        Mail::NotReceived,
        Mail::ProblemSubject { number: N },
        Mail::ProblemIntro { number: N },
        Mail::DelayedSubject { number: N },
        Mail::DelayedIntro { number: N },
        Mail::StalledIntro { number: N },
        Mail::FaqHeading,
        Mail::ReturnCreatedSubject { rma: "RMA-7K3M" },
        Mail::ReturnCreatedIntro {
            number: N,
            rma: "RMA-7K3M",
        },
        Mail::ReturnQrHint,
        Mail::ReturnStatusSubject {
            rma: "RMA-7K3M",
            status: "Approved",
        },
        Mail::ReturnStatusIntro {
            rma: "RMA-7K3M",
            status: "Approved",
        },
        Mail::RefundAmount {
            amount: "EUR 49.90",
        },
        Mail::AboutShipping { store: S },
        Mail::UnsubscribeLink { topic: T },
        Mail::UnsubscribeTitle,
        Mail::UnsubscribeAsk { topic: T, store: S },
        Mail::UnsubscribeButton,
        Mail::UnsubscribedTitle,
        Mail::UnsubscribedBody { topic: T, store: S },
        Mail::StillSent,
        Mail::ChangeInAccount,
        Mail::ResubscribeButton,
        Mail::ResubscribedTitle,
        Mail::ResubscribedBody { topic: T, store: S },
        Mail::UnsubscribeInvalid,
        Mail::ReviewSubject { store: S },
        Mail::ReviewReminderSubject { store: S },
        Mail::ReviewReminderIntro,
        Mail::AboutReviews { store: S },
        Mail::ReviewLinkExpired,
        Mail::MissYouSubject { store: S },
        Mail::MissYouHeading,
        Mail::MissYouIntro {
            number: N,
            date: "3 Dec 2026",
        },
        Mail::SeeAgain,
        Mail::AboutOffers { store: S },
        Mail::SurveySubject { store: S },
        Mail::SurveyIntro,
        Mail::AboutSurveys { store: S },
        Mail::SurveyPageIntro,
        Mail::SurveySaved { score: "14" },
        Mail::SurveyLinkExpired,
        Mail::SurveyChoose,
        Mail::ExportSubject { store: S },
        Mail::ExportHeading,
        Mail::ExportIntro {
            store: S,
            date: "3 Dec 2026",
            days: 14,
        },
        Mail::ExportNotYou { store: S },
        Mail::ExportLinkExpired,
        Mail::AboutExport { store: S },
    ]
}

#[test]
fn every_text_is_written_out_translated_and_keeps_its_values() {
    for m in every() {
        let english = mail(Locale::En, m);
        for l in Locale::ALL {
            let text = mail(l, m);
            assert!(!text.is_empty() && text.trim() == text, "{l:?} {m:?}");
            if l != Locale::En {
                assert_ne!(text, english, "{l:?} {m:?} left in English");
            }
            for value in [
                N,
                S,
                "WD-7K3M9QXZ",
                "14",
                "help@aurora.example",
                "UPS",
                "RMA-7K3M",
                "3 Dec 2026",
                "3–5 Dec 2026",
                "EUR 49.90",
                T,
            ] {
                assert_eq!(
                    english.contains(value),
                    text.contains(value),
                    "{l:?} {m:?} {value}"
                );
            }
        }
    }
}

#[test]
fn subjects_fit_an_inbox_line() {
    for m in every() {
        if format!("{m:?}").contains("Subject") {
            for l in Locale::ALL {
                let s = mail(l, m);
                assert!(s.chars().count() <= 78, "{l:?} {s}");
            }
        }
    }
}
