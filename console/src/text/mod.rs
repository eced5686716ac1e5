//! Every text of the console, in every language the suite has: one [`T`] enum with the data
//! each message interpolates, one exhaustive `match` per language (a message missing in any
//! language is a compile error). Shopper-facing wording the console shows as the shopper
//! sees it (return and tracking statuses, reasons) comes from the shared catalog instead,
//! so the merchant reads exactly what the shopper read.

mod admin;
mod branding;
mod embed;
mod en;
mod engagement;
mod es;
mod orders;
mod pt_br;
mod settings;
mod settings_emails;
mod settings_returns;
mod settings_reviews;
mod settings_surveys;

pub use orders::O;
mod reviews;

pub use reviews::Rv;

use crate::ctx::Flash;
use crate::pages::surveys::CommentFilter;
use crate::password::PasswordProblem;
use crate::role::{Area, Role};
pub use admin::Adm;
use aftercare_shared::returns::{Resolution, ReturnStatus};
use aftercare_shared::survey::{Category, SurveyKind};
use aftercare_shared::Locale;
pub use branding::Br;
pub use embed::Em;
pub use engagement::EngagementSet;
pub use settings::Set;
pub use settings_emails::EmailSet;
pub use settings_returns::RetSet;
pub use settings_reviews::ReviewSet;
pub use settings_surveys::SurveySet;

/// Every console message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's name says what it is; the English file is its text.
pub enum T<'a> {
    Console,
    SkipToContent,
    AreaName(Area),
    RoleName(Role),
    SignOut,
    Flash(Flash),
    Pages,
    FirstPage,
    NextPage,
    Save,
    Filter,
    Accept,
    Reject,
    // Signing in and setup.
    SignInHeading,
    SignedOut,
    BadCredentials,
    Throttled(u64),
    SessionEnded,
    StaleForm,
    Email,
    Password,
    SignIn,
    CodeHeading,
    CodeLabel,
    CodeHint,
    BadCode,
    Verify,
    SetupHeading,
    SetupIntro(&'a str),
    SetupLinkGone,
    NewPassword,
    ConfirmPassword,
    PasswordRule(usize),
    PasswordRefused(PasswordProblem),
    SavePassword,
    // Account.
    LanguageHeading,
    LanguageLabel,
    LanguageName(Locale),
    PasswordHeading,
    CurrentPassword,
    WrongCurrentPassword,
    ChangePassword,
    TotpHeading,
    TotpIsOn,
    TotpIsOff,
    TotpTurnOn,
    TotpTurnOff,
    TotpScan,
    TotpSecret,
    TotpConfirm,
    // Today.
    AllClear,
    Waiting,
    ReturnsWaiting(u64),
    RequestsWaiting(u64),
    FollowUpsWaiting(u64),
    AnxiousWaiting(u64),
    ParcelsWaiting(u64),
    ReturnsToApprove,
    RequestsToDecide,
    FollowUpsHeading,
    AnxiousHeading,
    AnxiousHint,
    ParcelsHeading,
    OrderRef(&'a str),
    ShippedMeanwhile,
    Views(u32),
    Delayed,
    Stalled,
    SeeAll(u64),
    // Returns.
    StatusLabel,
    AnyStatus,
    SearchLabel,
    ReturnSearchHint,
    NoReturns,
    OrderColumn,
    RequestedColumn,
    UnitsColumn,
    ValueColumn,
    ReturnTitle(&'a str),
    BackToReturns,
    MethodLabel,
    Actions,
    NoMoves,
    MoveTo(ReturnStatus),
    RejectNote,
    OptionalNote,
    LinesHeading,
    QuantityOf(u32),
    ReasonLabel,
    ResolutionLabel,
    ResolutionName(Resolution),
    PhotosLabel,
    PhotoAlt(usize, &'a str),
    EstimateHeading,
    RefundItems,
    RestockingFee,
    ReturnShippingFee,
    RefundTotal,
    StoreCreditTotal,
    ExchangeItems,
    HistoryHeading,
    ByShopper,
    ByStore,
    // Requests.
    NoRequests,
    NewAddress,
    DecisionNote,
    // Surveys.
    SurveyKinds,
    SurveyName(SurveyKind),
    ScoreHeading(SurveyKind),
    ResponsesLabel,
    CategoryName(SurveyKind, Category),
    ScoreOf(SurveyKind, u8),
    TrendAlt(SurveyKind),
    TrendCaption,
    DistributionAlt(SurveyKind),
    DistributionCaption,
    DownloadCsv,
    CommentsHeading,
    ShowLabel,
    CommentFilterName(SurveyKind, CommentFilter),
    NoComments,
    WantsContact,
    MarkFollowedUp,
    // Audit.
    NoAudit,
    WhenColumn,
    WhoColumn,
    ActionColumn,
    SubjectColumn,
    BeforeColumn,
    AfterColumn,
    // Errors.
    Conflict,
    NoteNeeded,
    NoteTooLong(usize),
    ForbiddenTitle,
    ForbiddenText,
    NotFoundTitle,
    NotFoundText,
    FailedTitle,
    FailedText,
    BackToToday,
    /// The owners' pages (users, keys).
    Admin(Adm<'a>),
    /// The Settings page.
    Settings(Set<'a>),
    /// Settings → Branding.
    Branding(Br<'a>),
    /// The Embed page.
    Embed(Em<'a>),
    // Orders and Insights (their own enum and file).
    Orders(O<'a>),
    // The review area (its own enum: `reviews/`).
    Reviews(Rv<'a>),
    /// The Returns tab of Settings.
    ReturnsSettings(RetSet<'a>),
    /// Settings — Surveys.
    SurveysSettings(SurveySet<'a>),
    /// Settings — Reviews.
    ReviewsSettings(ReviewSet),
    /// Settings — Emails.
    EmailsSettings(EmailSet<'a>),
    /// Insights — Emails.
    Engagement(EngagementSet<'a>),
}

/// `msg` in `locale`.
pub fn t(locale: Locale, msg: T<'_>) -> String {
    match locale {
        Locale::En => en::en(msg),
        Locale::Es => es::es(msg),
        Locale::PtBr => pt_br::pt_br(msg),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_index;
#[cfg(test)]
mod tests_orders;

/// A return status exactly as the shopper reads it (the shared catalog's label).
fn shopper_status(locale: Locale, status: ReturnStatus) -> String {
    aftercare_shared::i18n::t(locale, aftercare_shared::i18n::Msg::ReturnStatus(status))
}
