//! Every message in every language, plurals and formatting.

use super::*;

#[test]
fn plurals_and_interpolation() {
    assert_eq!(
        t(Locale::En, Msg::NotShippedYet(1)),
        "1 item hasn't shipped yet"
    );
    assert_eq!(
        t(Locale::En, Msg::NotShippedYet(3)),
        "3 items haven't shipped yet"
    );
    assert_eq!(
        t(Locale::Es, Msg::NotShippedYet(1)),
        "1 artículo aún no se ha enviado"
    );
    assert_eq!(
        t(Locale::Es, Msg::NotShippedYet(2)),
        "2 artículos aún no se han enviado"
    );
    assert_eq!(
        t(Locale::Es, Msg::RateLimited(Some(30))),
        "Demasiados intentos. Vuelve a intentarlo en 30 segundos."
    );
    assert_eq!(t(Locale::En, Msg::OrderHeading("1002")), "Order 1002");
}

#[test]
fn tracking_notices_in_both_languages() {
    assert_eq!(t(Locale::En, Msg::ShowAll(7)), "Show all 7 updates");
    assert_eq!(
        t(Locale::En, Msg::Stalled(Some(1))),
        "No update from the carrier for 1 day"
    );
    assert_eq!(
        t(Locale::En, Msg::Stalled(Some(4))),
        "No update from the carrier for 4 days"
    );
    assert_eq!(
        t(Locale::Es, Msg::Stalled(Some(4))),
        "Sin novedades del transportista desde hace 4 días"
    );
    assert_eq!(
        t(Locale::En, Msg::Next(NextStep::ContactCarrier, "DHL")),
        "Contact DHL to sort it out."
    );
    for r in ExceptionReason::ALL {
        let (en, es) = (t(Locale::En, Msg::Reason(r)), t(Locale::Es, Msg::Reason(r)));
        assert_ne!(en, es, "{r:?}");
        let title = t(Locale::En, Msg::Banner(TrackingStatus::Exception, Some(r)));
        assert_ne!(
            title,
            t(Locale::Es, Msg::Banner(TrackingStatus::Exception, Some(r)))
        );
    }
}

#[test]
fn survey_texts_in_both_languages() {
    assert_eq!(t(Locale::En, Msg::CharsLeft(1)), "1 character left");
    assert_eq!(t(Locale::En, Msg::CharsLeft(2000)), "2000 characters left");
    assert_eq!(t(Locale::Es, Msg::CharsLeft(1)), "Queda 1 carácter");
    assert_eq!(t(Locale::Es, Msg::CharsLeft(5)), "Quedan 5 caracteres");
    for kind in [SurveyKind::Nps, SurveyKind::Csat] {
        for cat in [Category::Detractor, Category::Passive, Category::Promoter] {
            let m = Msg::FollowUp(kind, cat);
            assert_ne!(t(Locale::En, m), t(Locale::Es, m));
        }
    }
    assert_eq!(
        t(Locale::En, Msg::NpsThanks),
        "Thank you — your feedback helps us improve."
    );
}

#[test]
fn returns_texts_in_both_languages() {
    use crate::returns::flow::What;
    use crate::returns::ReturnStatus::*;
    assert_eq!(t(Locale::En, Msg::StepOf(2, 5)), "Step 2 of 5");
    assert_eq!(t(Locale::Es, Msg::StepOf(2, 5)), "Paso 2 de 5");
    assert_eq!(t(Locale::En, Msg::Units(1)), "1 item");
    assert_eq!(t(Locale::Es, Msg::Units(3)), "3 artículos");
    assert_eq!(
        t(
            Locale::En,
            Msg::ResolutionLabel(Resolution::StoreCredit, Some("10"))
        ),
        "Store credit (+10% bonus)"
    );
    assert_eq!(
        t(
            Locale::Es,
            Msg::ResolutionLabel(Resolution::StoreCredit, Some("2,5"))
        ),
        "Saldo en la tienda (+2,5 % extra)"
    );
    assert_eq!(
        t(
            Locale::En,
            Msg::Blocked(NotReturnable::WindowClosed, Some("Oct 1, 2026"))
        ),
        "The return window closed on Oct 1, 2026."
    );
    assert_eq!(
        t(
            Locale::En,
            Msg::FileRefused(FileProblem::TooBig(10 * 1_048_576), "a.jpg")
        ),
        "a.jpg is larger than 10 MB."
    );
    let statuses = [
        Requested, Approved, InTransit, Received, Refunded, Exchanged, Rejected, Cancelled,
    ];
    for l in Locale::ALL {
        let labels: Vec<String> = statuses
            .iter()
            .map(|s| t(l, Msg::ReturnStatus(*s)))
            .collect();
        for (i, a) in labels.iter().enumerate() {
            assert!(!labels[i + 1..].contains(a), "{l:?}: {a} twice");
        }
    }
    for w in [
        What::Nothing,
        What::Comment,
        What::Photos,
        What::Exchange,
        What::Method,
    ] {
        assert_ne!(
            t(Locale::En, Msg::Problem(w)),
            t(Locale::Es, Msg::Problem(w))
        );
    }
}

#[test]
fn sizes_and_percentages() {
    assert_eq!(size(10 * 1_048_576), "10 MB");
    assert_eq!(size(1_572_864), "1.5 MB");
    assert_eq!(size(500_000), "489 KB");
    assert_eq!(percent(Locale::En, 1000), "10");
    assert_eq!(percent(Locale::En, 250), "2.5");
    assert_eq!(percent(Locale::Es, 250), "2,5");
    assert_eq!(percent(Locale::En, 1234), "12.34");
}

#[test]
fn every_status_is_translated_and_distinct_per_language() {
    for s in TrackingStatus::ALL {
        let (en, es) = (t(Locale::En, Msg::Status(s)), t(Locale::Es, Msg::Status(s)));
        assert!(!en.is_empty() && !es.is_empty());
        assert_ne!(en, es, "{s:?}");
    }
    for s in ProgressStep::ALL {
        assert_ne!(t(Locale::En, Msg::Step(s)), t(Locale::Es, Msg::Step(s)));
    }
}

#[test]
fn brazilian_portuguese_plurals_and_numbers() {
    assert_eq!(
        t(Locale::PtBr, Msg::NotShippedYet(1)),
        "1 item ainda não foi enviado"
    );
    assert_eq!(
        t(Locale::PtBr, Msg::NotShippedYet(3)),
        "3 itens ainda não foram enviados"
    );
    assert_eq!(t(Locale::PtBr, Msg::CharsLeft(1)), "Resta 1 caractere");
    assert_eq!(t(Locale::PtBr, Msg::CharsLeft(5)), "Restam 5 caracteres");
    assert_eq!(percent(Locale::PtBr, 250), "2,5");
    assert_eq!(percent(Locale::En, 250), "2.5");
    assert_eq!(t(Locale::PtBr, Msg::OrderHeading("1002")), "Pedido 1002");
}
