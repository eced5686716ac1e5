//! Every console message in every language: none missing, empty or left in English by
//! mistake; plurals, interpolated values and punctuation consistent across languages.

use super::*;
use crate::password::{MAX_CHARS, MIN_CHARS};
use std::collections::BTreeSet;

const EMAIL: &str = "new.agent@shop.example.com";
const RMA: &str = "RMA-7K3M9QXZ";
const ORDER: &str = "#1042";
const PRODUCT: &str = "Linen shirt";

/// The listed values of a field-less enum, as an array; a value missing from the list is a
/// compile error (the unused closure's match is exhaustive).
macro_rules! all {
    ($e:ident: $($v:ident),+) => {{
        let _every_value_is_listed = |x: $e| match x {
            $($e::$v)|+ => (),
        };
        [$($e::$v),+]
    }};
}

fn areas() -> [Area; 13] {
    all!(Area: Today, Returns, Reviews, Requests, Orders, Surveys, Insights, Settings, Embed, Keys, Users,
        Audit, Account)
}

fn problems() -> [PasswordProblem; 4] {
    all!(PasswordProblem: TooShort, TooLong, IsEmail, Mismatch)
}

fn statuses() -> [ReturnStatus; 8] {
    all!(ReturnStatus: Requested, Approved, InTransit, Received, Refunded, Exchanged, Rejected,
        Cancelled)
}

fn resolutions() -> [Resolution; 3] {
    all!(Resolution: Refund, StoreCredit, Exchange)
}

fn kinds() -> [SurveyKind; 2] {
    all!(SurveyKind: Nps, Csat)
}

fn categories() -> [Category; 3] {
    all!(Category: Detractor, Passive, Promoter)
}

/// Every flash, each return status included (`Requested` never is a move, but its
/// message must still read well).
fn flashes() -> Vec<Flash> {
    let mut all = Flash::all();
    all.push(Flash::ReturnMoved(ReturnStatus::Requested));
    all
}

use super::tests_index::{variant_index, VARIANTS};

/// At least one sample of every variant, with every value of every enum a variant carries,
/// and the counts 0, 1 and many for plurals.
fn every() -> Vec<T<'static>> {
    let mut all = vec![T::Console, T::SkipToContent];
    all.extend(areas().map(T::AreaName));
    all.extend(Role::ALL.map(T::RoleName));
    all.push(T::SignOut);
    all.extend(flashes().into_iter().map(T::Flash));
    all.extend([
        T::Pages,
        T::FirstPage,
        T::NextPage,
        T::Save,
        T::Filter,
        T::Accept,
        T::Reject,
        T::SignInHeading,
        T::SignedOut,
        T::BadCredentials,
    ]);
    all.extend([0, 1, 59, 60, 61, 3600].map(T::Throttled));
    all.extend([
        T::SessionEnded,
        T::StaleForm,
        T::Email,
        T::Password,
        T::SignIn,
        T::CodeHeading,
        T::CodeLabel,
        T::CodeHint,
        T::BadCode,
        T::Verify,
        T::SetupHeading,
        T::SetupIntro(EMAIL),
        T::SetupLinkGone,
        T::NewPassword,
        T::ConfirmPassword,
        T::PasswordRule(MIN_CHARS),
    ]);
    all.extend(problems().map(T::PasswordRefused));
    all.extend([T::SavePassword, T::LanguageHeading, T::LanguageLabel]);
    all.extend(Locale::ALL.map(T::LanguageName));
    all.extend([
        T::PasswordHeading,
        T::CurrentPassword,
        T::WrongCurrentPassword,
        T::ChangePassword,
        T::TotpHeading,
        T::TotpIsOn,
        T::TotpIsOff,
        T::TotpTurnOn,
        T::TotpTurnOff,
        T::TotpScan,
        T::TotpSecret,
        T::TotpConfirm,
        T::AllClear,
        T::Waiting,
    ]);
    for n in [0, 1, 3] {
        all.extend([
            T::ReturnsWaiting(n),
            T::RequestsWaiting(n),
            T::FollowUpsWaiting(n),
            T::AnxiousWaiting(n),
            T::ParcelsWaiting(n),
        ]);
    }
    all.extend([
        T::ReturnsToApprove,
        T::RequestsToDecide,
        T::FollowUpsHeading,
        T::AnxiousHeading,
        T::AnxiousHint,
        T::ParcelsHeading,
        T::OrderRef(ORDER),
        T::ShippedMeanwhile,
        T::Views(1),
        T::Views(12),
        T::Delayed,
        T::Stalled,
        T::SeeAll(42),
        T::StatusLabel,
        T::AnyStatus,
        T::SearchLabel,
        T::ReturnSearchHint,
        T::NoReturns,
        T::OrderColumn,
        T::RequestedColumn,
        T::UnitsColumn,
        T::ValueColumn,
        T::ReturnTitle(RMA),
        T::BackToReturns,
        T::MethodLabel,
        T::Actions,
        T::NoMoves,
    ]);
    all.extend(statuses().map(T::MoveTo));
    all.extend([
        T::RejectNote,
        T::OptionalNote,
        T::LinesHeading,
        T::QuantityOf(2),
        T::ReasonLabel,
        T::ResolutionLabel,
    ]);
    all.extend(resolutions().map(T::ResolutionName));
    all.extend([
        T::PhotosLabel,
        T::PhotoAlt(2, PRODUCT),
        T::EstimateHeading,
        T::RefundItems,
        T::RestockingFee,
        T::ReturnShippingFee,
        T::RefundTotal,
        T::StoreCreditTotal,
        T::ExchangeItems,
        T::HistoryHeading,
        T::ByShopper,
        T::ByStore,
        T::NoRequests,
        T::NewAddress,
        T::DecisionNote,
        T::SurveyKinds,
        T::ResponsesLabel,
        T::TrendCaption,
        T::DistributionCaption,
        T::DownloadCsv,
        T::CommentsHeading,
        T::ShowLabel,
    ]);
    for k in kinds() {
        all.extend([
            T::SurveyName(k),
            T::ScoreHeading(k),
            T::TrendAlt(k),
            T::DistributionAlt(k),
            T::ScoreOf(k, 0),
            T::ScoreOf(k, 5),
        ]);
        all.extend(categories().map(|c| T::CategoryName(k, c)));
        all.extend(CommentFilter::ALL.map(|f| T::CommentFilterName(k, f)));
    }
    all.extend([
        T::NoComments,
        T::WantsContact,
        T::MarkFollowedUp,
        T::NoAudit,
        T::WhenColumn,
        T::WhoColumn,
        T::ActionColumn,
        T::SubjectColumn,
        T::BeforeColumn,
        T::AfterColumn,
        T::Conflict,
        T::NoteNeeded,
        T::NoteTooLong(500),
        T::ForbiddenTitle,
        T::ForbiddenText,
        T::NotFoundTitle,
        T::NotFoundText,
        T::FailedTitle,
        T::FailedText,
        T::BackToToday,
        T::Admin(Adm::UsersIntro),
        T::Settings(Set::Intro),
        T::Branding(Br::Intro),
        T::Embed(Em::Intro),
    ]);
    all.extend(tests_orders::every().into_iter().map(T::Orders));
    all.extend(reviews::tests::samples().into_iter().map(T::Reviews));
    all.extend(
        settings_returns::tests::samples()
            .into_iter()
            .map(T::ReturnsSettings),
    );
    all.extend(
        settings_surveys::tests::samples()
            .into_iter()
            .map(T::SurveysSettings),
    );
    all.extend(
        settings_reviews::tests::samples()
            .into_iter()
            .map(T::ReviewsSettings),
    );
    all.extend(
        settings_emails::tests::samples()
            .into_iter()
            .map(T::EmailsSettings),
    );
    all.extend(engagement::tests::samples().into_iter().map(T::Engagement));
    all
}

#[test]
fn every_variant_has_a_sample() {
    let seen: BTreeSet<usize> = every().iter().map(variant_index).collect();
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen.contains(i)).collect();
    assert!(missing.is_empty(), "no sample of variants {missing:?}");
    assert_eq!(seen.len(), VARIANTS, "numbers beyond VARIANTS");
    assert_eq!(
        variant_index(&T::Engagement(EngagementSet::Heading)),
        VARIANTS - 1
    );
}

#[test]
fn every_message_is_written_out_in_every_language() {
    for l in Locale::ALL {
        for m in every() {
            let text = t(l, m);
            let what = format!("{l:?} {m:?}: {text:?}");
            assert!(!text.is_empty(), "empty: {what}");
            assert_eq!(text.trim(), text, "untrimmed: {what}");
            assert!(!text.contains("  "), "double space: {what}");
            assert!(!text.contains(['{', '}']), "unformatted: {what}");
            assert!(!text.contains('"'), "straight quote: {what}");
        }
    }
}

/// Messages meant to read the same in every language: names and numbers.
fn same_in_every_language(m: &T<'_>) -> bool {
    matches!(
        m,
        T::LanguageName(_)
            | T::SurveyName(_)
            | T::ScoreHeading(SurveyKind::Nps)
            | T::ScoreOf(..)
            | T::QuantityOf(_)
            | T::Engagement(EngagementSet::OfSent(..))
    )
}

/// Words a language took from English, so its text is rightly the English one.
const LOANWORDS: [(Locale, T<'static>); 1] = [(Locale::PtBr, T::StatusLabel)];

#[test]
fn nothing_is_left_in_english_and_sentences_end_alike() {
    let end = |text: &str| text.chars().last().filter(|c| ".:?!".contains(*c));
    let mut english = Vec::new();
    for m in every() {
        let en = t(Locale::En, m);
        for l in [Locale::Es, Locale::PtBr] {
            let text = t(l, m);
            let what = format!("{l:?} {m:?}: {text:?}");
            if same_in_every_language(&m) {
                assert_eq!(text, en, "{what}");
            } else if text == en && !LOANWORDS.contains(&(l, m)) {
                english.push(what.clone());
            }
            assert_eq!(end(&text), end(&en), "ends unlike English: {what}");
        }
    }
    assert!(english.is_empty(), "still in English: {english:#?}");
    let sentences = [
        T::SignedOut,
        T::BadCredentials,
        T::StaleForm,
        T::AllClear,
        T::AnxiousHint,
        T::Conflict,
        T::ForbiddenText,
        T::FailedText,
        T::Flash(Flash::PasswordChanged),
    ];
    for m in sentences {
        assert_ne!(t(Locale::Es, m), t(Locale::PtBr, m), "{m:?}");
    }
}

#[test]
fn names_stay_in_their_own_language() {
    for l in Locale::ALL {
        let names = Locale::ALL.map(|own| t(l, T::LanguageName(own)));
        assert_eq!(names, ["English", "Español", "Português (Brasil)"]);
        assert_eq!(t(l, T::SurveyName(SurveyKind::Nps)), "NPS");
        assert_eq!(t(l, T::SurveyName(SurveyKind::Csat)), "CSAT");
    }
}

#[test]
fn plurals_say_one_for_one_and_the_number_otherwise() {
    let cases = [
        (Locale::En, "1 return", "3 returns waiting for approval"),
        (
            Locale::Es,
            "1 devolución pendiente",
            "3 devoluciones pendientes de aprobación",
        ),
        (
            Locale::PtBr,
            "1 devolução",
            "3 devoluções aguardando aprovação",
        ),
    ];
    for (l, one, many) in cases {
        assert!(t(l, T::ReturnsWaiting(1)).starts_with(one), "{l:?}");
        assert_eq!(t(l, T::ReturnsWaiting(3)), many);
    }
    let counted: [fn(u64) -> T<'static>; 6] = [
        T::ReturnsWaiting,
        T::RequestsWaiting,
        T::FollowUpsWaiting,
        T::AnxiousWaiting,
        T::ParcelsWaiting,
        |n| T::Views(u32::try_from(n).expect("small")),
    ];
    for l in Locale::ALL {
        for make in counted {
            let [zero, one, many] = [0, 1, 7].map(|n| t(l, make(n)));
            assert!(one.starts_with("1 "), "{l:?}: {one}");
            assert!(many.starts_with("7 "), "{l:?}: {many}");
            assert!(zero.starts_with("0 "), "{l:?}: {zero}");
            assert_ne!(one[2..], many[2..], "{l:?}: singular {many}");
            assert_eq!(zero[2..], many[2..], "{l:?}: singular {zero}");
        }
    }
}

#[test]
fn waits_are_rounded_up_to_whole_minutes() {
    assert_eq!(
        t(Locale::En, T::Throttled(30)),
        "Too many sign-in attempts. Wait 1 minute and try again."
    );
    assert_eq!(
        t(Locale::Es, T::Throttled(61)),
        "Demasiados intentos de inicio de sesión. Espera 2 minutos y vuelve a intentarlo."
    );
    assert_eq!(
        t(Locale::PtBr, T::Throttled(0)),
        "Muitas tentativas de login. Aguarde 1 minuto e tente novamente."
    );
    for l in Locale::ALL {
        assert_eq!(t(l, T::Throttled(60)), t(l, T::Throttled(1)));
        assert!(t(l, T::Throttled(3600)).contains(" 60 "), "{l:?}");
    }
}

#[test]
fn interpolated_values_appear_in_every_language() {
    for l in Locale::ALL {
        assert!(t(l, T::SetupIntro(EMAIL)).contains(EMAIL), "{l:?}");
        assert!(t(l, T::ReturnTitle(RMA)).contains(RMA), "{l:?}");
        assert!(t(l, T::OrderRef(ORDER)).ends_with(ORDER), "{l:?}");
        let rule = t(l, T::PasswordRule(MIN_CHARS));
        assert!(rule.contains(&format!(" {MIN_CHARS} ")), "{rule}");
        let long = t(l, T::PasswordRefused(PasswordProblem::TooLong));
        assert!(long.contains(&format!(" {MAX_CHARS} ")), "{long}");
        assert!(t(l, T::NoteTooLong(500)).contains(" 500 "), "{l:?}");
        let alt = t(l, T::PhotoAlt(2, PRODUCT));
        assert!(alt.contains(" 2 ") && alt.contains(PRODUCT), "{alt}");
        assert!(t(l, T::SeeAll(42)).contains("42"), "{l:?}");
        assert_eq!(t(l, T::ScoreOf(SurveyKind::Nps, 9)), "9/10");
        assert_eq!(t(l, T::ScoreOf(SurveyKind::Csat, 4)), "4/5");
        assert_eq!(t(l, T::QuantityOf(3)), "× 3");
        for k in kinds() {
            let name = t(l, T::SurveyName(k));
            assert!(t(l, T::TrendAlt(k)).contains(&name), "{l:?}");
            assert!(t(l, T::DistributionAlt(k)).contains(&name), "{l:?}");
        }
        for s in statuses() {
            let done = t(l, T::Flash(Flash::ReturnMoved(s)));
            assert!(done.contains('“') && done.contains('”'), "{done}");
        }
    }
}

#[test]
fn choices_shown_together_are_told_apart() {
    let mut groups: Vec<Vec<T<'static>>> = vec![
        areas().map(T::AreaName).to_vec(),
        Role::ALL.map(T::RoleName).to_vec(),
        flashes().into_iter().map(T::Flash).collect(),
        problems().map(T::PasswordRefused).to_vec(),
        statuses().map(T::MoveTo).to_vec(),
        resolutions().map(T::ResolutionName).to_vec(),
        kinds().map(T::SurveyName).to_vec(),
    ];
    for k in kinds() {
        groups.push(categories().map(|c| T::CategoryName(k, c)).to_vec());
        groups.push(
            CommentFilter::ALL
                .map(|f| T::CommentFilterName(k, f))
                .to_vec(),
        );
    }
    for l in Locale::ALL {
        for group in &groups {
            let texts: Vec<String> = group.iter().map(|m| t(l, *m)).collect();
            let unique: BTreeSet<&String> = texts.iter().collect();
            assert_eq!(unique.len(), texts.len(), "{l:?}: {texts:?}");
        }
    }
}
