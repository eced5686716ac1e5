//! The emails' own wording (subjects, the lines around the facts), in every language, for the
//! server's messages; the facts themselves (statuses, headings, next steps, totals) are the
//! widgets' [`Msg`](super::Msg)s, so an email says exactly what the page said. A separate
//! entry point from [`t`](super::t), so the widgets' bundles never carry email texts.
//!
//! One file per language, each an exhaustive `match`: a text missing in any language is a
//! compile error.

mod en;
mod es;
mod pt_br;

use crate::Locale;

/// Every email text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum Mail<'a> {
    // The EU withdrawal confirmation.
    WithdrawalSubject {
        number: &'a str,
        store: &'a str,
    },
    WithdrawalPreheader {
        reference: &'a str,
    },
    WithdrawalIntro {
        number: &'a str,
        store: &'a str,
    },
    DurableMedium,
    NextStepsHeading,
    SendBack {
        days: u32,
    },
    Refund {
        days: u32,
    },
    Questions {
        email: &'a str,
    },
    Transactional {
        store: &'a str,
    },
    // What every order message shares.
    ViewOrder,
    AboutOrder {
        store: &'a str,
    },
    AboutReturn {
        store: &'a str,
    },
    LinkFallback,
    // The order confirmation.
    ConfirmedSubject {
        number: &'a str,
    },
    WelcomeSubject {
        number: &'a str,
        store: &'a str,
    },
    ConfirmedPreheader {
        number: &'a str,
    },
    ConfirmedHeading,
    WelcomeHeading {
        store: &'a str,
    },
    ConfirmedIntro {
        number: &'a str,
    },
    WelcomeIntro {
        number: &'a str,
    },
    EtaIs {
        window: &'a str,
    },
    // A parcel's news.
    ShippedSubject {
        number: &'a str,
    },
    ShippedHeading,
    ShippedIntro {
        number: &'a str,
        carrier: &'a str,
    },
    MoreToFollow,
    OutSubject {
        number: &'a str,
    },
    OutHeading,
    OutIntro {
        carrier: &'a str,
    },
    PickupSubject {
        number: &'a str,
    },
    PickupHeading,
    PickupIntro,
    DeliveredSubject {
        number: &'a str,
    },
    DeliveredHeading,
    DeliveredIntro {
        number: &'a str,
        when: &'a str,
    },
    NotReceived,
    ProblemSubject {
        number: &'a str,
    },
    ProblemIntro {
        number: &'a str,
    },
    DelayedSubject {
        number: &'a str,
    },
    DelayedIntro {
        number: &'a str,
    },
    StalledIntro {
        number: &'a str,
    },
    FaqHeading,
    // A return's news.
    ReturnCreatedSubject {
        rma: &'a str,
    },
    ReturnCreatedIntro {
        number: &'a str,
        rma: &'a str,
    },
    ReturnQrHint,
    ReturnStatusSubject {
        rma: &'a str,
        status: &'a str,
    },
    ReturnStatusIntro {
        rma: &'a str,
        status: &'a str,
    },
    RefundAmount {
        amount: &'a str,
    },
    // Optional messages and the one-click unsubscribe page (RFC 8058).
    AboutShipping {
        store: &'a str,
    },
    UnsubscribeLink {
        topic: &'a str,
    },
    UnsubscribeTitle,
    UnsubscribeAsk {
        topic: &'a str,
        store: &'a str,
    },
    UnsubscribeButton,
    UnsubscribedTitle,
    UnsubscribedBody {
        topic: &'a str,
        store: &'a str,
    },
    StillSent,
    ChangeInAccount,
    ResubscribeButton,
    ResubscribedTitle,
    ResubscribedBody {
        topic: &'a str,
        store: &'a str,
    },
    UnsubscribeInvalid,
    // Review invitations (optional: review requests).
    ReviewSubject {
        store: &'a str,
    },
    ReviewReminderSubject {
        store: &'a str,
    },
    ReviewReminderIntro,
    AboutReviews {
        store: &'a str,
    },
    ReviewLinkExpired,
    // "We miss you" (optional: offers, which customers turn on themselves).
    MissYouSubject {
        store: &'a str,
    },
    MissYouHeading,
    MissYouIntro {
        number: &'a str,
        date: &'a str,
    },
    SeeAgain,
    AboutOffers {
        store: &'a str,
    },
    // Survey invitations (optional: surveys) and the hosted page their scores open.
    SurveySubject {
        store: &'a str,
    },
    SurveyIntro,
    AboutSurveys {
        store: &'a str,
    },
    SurveyPageIntro,
    SurveySaved {
        score: &'a str,
    },
    SurveyLinkExpired,
    SurveyChoose,
    // "Your data is ready" (transactional: the customer asked for it).
    ExportSubject {
        store: &'a str,
    },
    ExportHeading,
    ExportIntro {
        store: &'a str,
        date: &'a str,
        days: u32,
    },
    ExportNotYou {
        store: &'a str,
    },
    ExportLinkExpired,
    AboutExport {
        store: &'a str,
    },
}

/// `m` in `locale`.
pub fn mail(locale: Locale, m: Mail<'_>) -> String {
    match locale {
        Locale::En => en::text(m),
        Locale::Es => es::text(m),
        Locale::PtBr => pt_br::text(m),
    }
}

#[cfg(test)]
mod tests;
