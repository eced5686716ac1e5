//! English.

use super::{shopper_status, T};
use crate::ctx::Flash;
use crate::pages::surveys::CommentFilter as F;
use crate::password::PasswordProblem as P;
use crate::role::{Area, Role};
use aftercare_shared::returns::{Resolution, ReturnStatus as S};
use aftercare_shared::survey::{Category as C, SurveyKind as K};
use aftercare_shared::Locale;

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `msg` in English.
pub(super) fn en(msg: T<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        T::Console => s("Aftercare console"),
        T::SkipToContent => s("Skip to content"),
        T::AreaName(a) => s(match a {
            Area::Today => "Today",
            Area::Returns => "Returns",
            Area::Requests => "Requests",
            Area::Orders => "Orders",
            Area::Reviews => "Reviews",
            Area::Surveys => "Surveys",
            Area::Insights => "Insights",
            Area::Settings => "Settings",
            Area::Keys => "Keys",
            Area::Users => "Users",
            Area::Audit => "Audit log",
            Area::Account => "Your account",
        }),
        T::RoleName(r) => s(match r {
            Role::Owner => "owner",
            Role::Agent => "agent",
        }),
        T::SignOut => s("Sign out"),
        T::Flash(f) => match f {
            Flash::ReturnMoved(st) => format!("Done: the return is now “{}”.", shopper_status(Locale::En, st)),
            Flash::FollowedUp => s("Marked as followed up."),
            Flash::RequestApproved => s("Request accepted. The shopper sees it now."),
            Flash::RequestRejected => s("Request rejected. The shopper sees your note now."),
            Flash::TotpOn => s("Two-step sign-in is on."),
            Flash::TotpOff => s("Two-step sign-in is off."),
            Flash::LanguageSaved => s("Language saved."),
            Flash::PasswordChanged => s("Password changed. Other sessions were signed out."),
            Flash::UserRemoved => s("User removed. They were signed out at once."),
            Flash::KeyRotated => s("Key replaced. Update the data-key of your embed snippets now."),
            Flash::SettingsSaved => s("Settings saved. Shoppers see them now."),
            Flash::Review(f) => super::reviews::flash_en(f),
        },
        T::Pages => s("Pages"),
        T::FirstPage => s("First page"),
        T::NextPage => s("Next page"),
        T::Save => s("Save"),
        T::Filter => s("Apply"),
        T::Accept => s("Accept"),
        T::Reject => s("Reject"),
        T::SignInHeading => s("Sign in"),
        T::SignedOut => s("You are signed out."),
        T::BadCredentials => s("That email and password do not match an account. Check both and try again."),
        T::Throttled(secs) => format!(
            "Too many sign-in attempts. Wait {} and try again.",
            plural(secs.div_ceil(60).max(1), "minute", "minutes")
        ),
        T::SessionEnded => s("Your session ended. Sign in again to continue."),
        T::StaleForm => s("This form had expired, so nothing was done. It is ready again: please send it once more."),
        T::Email => s("Email"),
        T::Password => s("Password"),
        T::SignIn => s("Sign in"),
        T::CodeHeading => s("Enter your code"),
        T::CodeLabel => s("6-digit code"),
        T::CodeHint => s("Open your authenticator app and type the code it shows for Aftercare."),
        T::BadCode => s("That code is not right, or it has expired. Type the code your app shows now."),
        T::Verify => s("Verify"),
        T::SetupHeading => s("Set your password"),
        T::SetupIntro(email) => format!("Choose a password for {email}. You will use it with this email to sign in."),
        T::SetupLinkGone => s("This setup link is not valid any more: it was used already or it expired. Ask the store owner for a new one."),
        T::NewPassword => s("New password"),
        T::ConfirmPassword => s("Type it again"),
        T::PasswordRule(n) => format!("At least {n} characters. A few unrelated words are easy to remember and hard to guess."),
        T::PasswordRefused(p) => match p {
            P::TooShort => s("That password is too short."),
            P::TooLong => format!("That password is too long: use at most {} characters.", crate::password::MAX_CHARS),
            P::IsEmail => s("Your password cannot be your email."),
            P::Mismatch => s("The two passwords differ. Type the same password twice."),
        },
        T::SavePassword => s("Save password"),
        T::LanguageHeading => s("Language"),
        T::LanguageLabel => s("Console language"),
        T::LanguageName(l) => s(language(l)),
        T::PasswordHeading => s("Password"),
        T::CurrentPassword => s("Current password"),
        T::WrongCurrentPassword => s("Your current password is not right. Nothing was changed."),
        T::ChangePassword => s("Change password"),
        T::TotpHeading => s("Two-step sign-in"),
        T::TotpIsOn => s("On: signing in asks for a code from your authenticator app."),
        T::TotpIsOff => s("Off: signing in asks only for your password."),
        T::TotpTurnOn => s("Turn on"),
        T::TotpTurnOff => s("Turn off"),
        T::TotpScan => s("Scan this code with an authenticator app, then type the 6-digit code it shows."),
        T::TotpSecret => s("Or type this key:"),
        T::TotpConfirm => s("Confirm and turn on"),
        T::AllClear => s("Nothing is waiting for you. Well done."),
        T::Waiting => s("Waiting for you"),
        T::ReturnsWaiting(n) => plural(n, "return waiting for approval", "returns waiting for approval"),
        T::RequestsWaiting(n) => plural(n, "request waiting for a decision", "requests waiting for a decision"),
        T::FollowUpsWaiting(n) => plural(n, "customer asked to be contacted", "customers asked to be contacted"),
        T::AnxiousWaiting(n) => plural(n, "customer checking tracking often", "customers checking tracking often"),
        T::ParcelsWaiting(n) => plural(n, "parcel delayed or in trouble", "parcels delayed or in trouble"),
        T::ReturnsToApprove => s("Returns waiting for approval"),
        T::RequestsToDecide => s("Cancellations and address changes"),
        T::FollowUpsHeading => s("Customers who asked to be contacted"),
        T::AnxiousHeading => s("Customers checking tracking often"),
        T::AnxiousHint => s("They looked at their tracking page many times in the last 24 hours. A short message now can save a complaint."),
        T::ParcelsHeading => s("Parcels delayed or in trouble"),
        T::OrderRef(n) => format!("Order {n}"),
        T::ShippedMeanwhile => s("A parcel shipped after the shopper asked"),
        T::Views(n) => plural(u64::from(n), "view", "views"),
        T::Delayed => s("late"),
        T::Stalled => s("no news"),
        T::SeeAll(n) => format!("See all {n}"),
        T::StatusLabel => s("Status"),
        T::AnyStatus => s("Any status"),
        T::SearchLabel => s("Search"),
        T::ReturnSearchHint => s("RMA, order number or email"),
        T::NoReturns => s("No returns match."),
        T::OrderColumn => s("Order"),
        T::RequestedColumn => s("Requested"),
        T::UnitsColumn => s("Units"),
        T::ValueColumn => s("Value"),
        T::ReturnTitle(rma) => format!("Return {rma}"),
        T::BackToReturns => s("← All returns"),
        T::MethodLabel => s("Sent back by"),
        T::Actions => s("Actions"),
        T::NoMoves => s("This return is closed: nothing more can change."),
        T::MoveTo(st) => s(match st {
            S::Approved => "Approve",
            S::InTransit => "Mark in transit",
            S::Received => "Mark received",
            S::Refunded => "Mark refunded",
            S::Exchanged => "Mark exchanged",
            S::Rejected => "Reject",
            S::Cancelled => "Cancel return",
            S::Requested => "Reopen",
        }),
        T::RejectNote => s("Why (the shopper reads this)"),
        T::OptionalNote => s("Note for the shopper (optional)"),
        T::LinesHeading => s("Items"),
        T::QuantityOf(n) => format!("× {n}"),
        T::ReasonLabel => s("Reason:"),
        T::ResolutionLabel => s("Wants:"),
        T::ResolutionName(r) => s(match r {
            Resolution::Refund => "a refund",
            Resolution::StoreCredit => "store credit",
            Resolution::Exchange => "an exchange",
        }),
        T::PhotosLabel => s("Photos"),
        T::PhotoAlt(i, title) => format!("Photo {i} of {title}, from the shopper"),
        T::EstimateHeading => s("What it is worth"),
        T::RefundItems => s("Items to refund"),
        T::RestockingFee => s("Restocking fee"),
        T::ReturnShippingFee => s("Return shipping fee"),
        T::RefundTotal => s("Refund"),
        T::StoreCreditTotal => s("Store credit"),
        T::ExchangeItems => s("Exchanged items"),
        T::HistoryHeading => s("History"),
        T::ByShopper => s("by the shopper"),
        T::ByStore => s("by the store"),
        T::NoRequests => s("No requests are waiting."),
        T::NewAddress => s("Deliver to:"),
        T::DecisionNote => s("Note for the shopper (needed to reject)"),
        T::SurveyKinds => s("Surveys"),
        T::SurveyName(k) => s(kind(k)),
        T::ScoreHeading(k) => s(match k {
            K::Nps => "Net Promoter Score",
            K::Csat => "Satisfied customers (%)",
        }),
        T::ResponsesLabel => s("Responses"),
        T::CategoryName(k, c) => s(category(k, c)),
        T::ScoreOf(k, n) => match k {
            K::Nps => format!("{n}/10"),
            K::Csat => format!("{n}/5"),
        },
        T::TrendAlt(k) => format!("{} per week over the last 12 weeks", kind(k)),
        T::TrendCaption => s("Score per week"),
        T::DistributionAlt(k) => format!("How many customers gave each {} score", kind(k)),
        T::DistributionCaption => s("Responses per score"),
        T::DownloadCsv => s("Download every response (CSV)"),
        T::CommentsHeading => s("Comments"),
        T::ShowLabel => s("Show"),
        T::CommentFilterName(k, f) => match f {
            F::All => s("All comments"),
            F::AwaitingFollowUp => s("Waiting for follow-up"),
            F::Category(c) => s(category(k, c)),
        },
        T::NoComments => s("No comments match."),
        T::WantsContact => s("Asked to be contacted"),
        T::MarkFollowedUp => s("Mark followed up"),
        T::NoAudit => s("Nothing has been done in the console yet."),
        T::WhenColumn => s("When"),
        T::WhoColumn => s("Who"),
        T::ActionColumn => s("Action"),
        T::SubjectColumn => s("On"),
        T::BeforeColumn => s("Before"),
        T::AfterColumn => s("After"),
        T::Conflict => s("This changed since you opened it, so nothing was saved. The page now shows where it stands."),
        T::NoteNeeded => s("Write a note: the shopper needs to know why."),
        T::NoteTooLong(n) => format!("The note is too long: use at most {n} characters."),
        T::ForbiddenTitle => s("Not for your role"),
        T::ForbiddenText => s("Only the store's owners can open this page. Ask an owner if you need something changed here."),
        T::NotFoundTitle => s("Not found"),
        T::NotFoundText => s("There is nothing here. It may have been removed, or the link is mistyped."),
        T::FailedTitle => s("Something went wrong"),
        T::FailedText => s("The server could not finish this. Nothing you typed was saved; go back and try again in a moment."),
        T::BackToToday => s("Back to Today"),
        T::Admin(m) => super::admin::adm(Locale::En, m),
        T::Settings(m) => super::settings::set(Locale::En, m),
        T::Orders(o) => super::orders::text(Locale::En, o),
        T::Reviews(m) => super::reviews::en(m),
    }
}

fn language(l: Locale) -> &'static str {
    match l {
        Locale::En => "English",
        Locale::Es => "Español",
        Locale::PtBr => "Português (Brasil)",
    }
}

fn kind(k: K) -> &'static str {
    match k {
        K::Nps => "NPS",
        K::Csat => "CSAT",
    }
}

fn category(k: K, c: C) -> &'static str {
    match (k, c) {
        (K::Nps, C::Promoter) => "Promoters (9–10)",
        (K::Nps, C::Passive) => "Passives (7–8)",
        (K::Nps, C::Detractor) => "Detractors (0–6)",
        (K::Csat, C::Promoter) => "Satisfied (4–5)",
        (K::Csat, C::Passive) => "Neutral (3)",
        (K::Csat, C::Detractor) => "Unsatisfied (1–2)",
    }
}
