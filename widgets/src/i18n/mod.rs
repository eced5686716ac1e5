//! Every string a shopper sees, in English and Spanish, plus `Intl`-based formatting.
//!
//! One [`Msg`] enum lists every message; [`t`] dispatches to one exhaustive `match` per
//! language, so adding a message without translating it is a compile error. Plurals are
//! variants that carry their count. Dates and money are formatted by the browser's `Intl`
//! (no date or number crate in the bundle).

use aftercare_shared::error::FieldIssue;
use aftercare_shared::order::OrderStatus;
use aftercare_shared::returns::flow::{FileProblem, Step as RStep, What};
use aftercare_shared::returns::{
    NotReturnable, Requirement, Resolution, ReturnMethod, ReturnStatus as RStatus,
};
use aftercare_shared::survey::{Category, SurveyKind};
use aftercare_shared::tracking::{
    EtaWindow, ExceptionReason, NextStep, ProgressStep, TrackingStatus,
};
use aftercare_shared::{Locale, Money, Timestamp};
use wasm_bindgen::JsValue;

/// A form field a message can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The guest lookup's order number.
    OrderNumber,
    /// The guest lookup's email address.
    Email,
}

/// Every message the widgets show, with the data it interpolates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg<'a> {
    /// Screen-reader text of the loading skeleton.
    Loading,
    /// Heading of the guest lookup form.
    TrackHeading,
    /// Explanation under the lookup heading.
    TrackIntro,
    /// Order number label.
    OrderNumberLabel,
    /// Email label.
    EmailLabel,
    /// Lookup submit button.
    TrackButton,
    /// Lookup submit button while waiting.
    TrackBusy,
    /// Link back to the lookup form.
    LookUpAnother,
    /// Heading of a customer's order list.
    YourOrders,
    /// A customer without orders.
    NoOrders,
    /// Load the next page of orders.
    LoadMore,
    /// Back from one order to the customer's list.
    AllOrders,
    /// Order heading: "Order 1002".
    OrderHeading(&'a str),
    /// "Placed {date}".
    PlacedOn(&'a str),
    /// One row of the order list: number, date, status, total.
    OrderRow {
        /// Order number.
        number: &'a str,
        /// Formatted date.
        date: &'a str,
        /// Status label.
        status: &'a str,
        /// Formatted total.
        total: &'a str,
    },
    /// Overall order status as a headline.
    OrderStatus(OrderStatus),
    /// A parcel's (or checkpoint's) normalised status.
    Status(TrackingStatus),
    /// A stepper step's label.
    Step(ProgressStep),
    /// "Parcel 1 of 2".
    ParcelOf(usize, usize),
    /// "Carrier".
    Carrier,
    /// "Tracking number".
    TrackingNumber,
    /// Screen-reader hint on links that open a new tab.
    OpensNewTab,
    /// "Estimated delivery".
    Eta,
    /// Accessible name of the stepper.
    Progress,
    /// Visible marker of the current step.
    StepNow,
    /// Screen-reader marker of completed steps.
    StepDone,
    /// Heading of a parcel's items.
    InThisParcel,
    /// Heading of a parcel's checkpoints.
    History,
    /// A parcel without checkpoints.
    NoEvents,
    /// The checkpoint's own wall-clock time and offset: "10:03 local time (UTC+1)".
    LocalTime(&'a str, &'a str),
    /// "Quantity: 2".
    Quantity(u32),
    /// Units not in any parcel yet: "1 item hasn't shipped yet".
    NotShippedYet(u32),
    /// An order with no parcels.
    Preparing,
    /// Explanation for an order with no parcels.
    PreparingBody,
    /// A field problem from local validation or the server's `fields`.
    FieldError(Field, FieldIssue),
    /// Guest lookup failed: deliberately does not say which of the two was wrong.
    LookupNotFound,
    /// Too many attempts; wait this many seconds when known.
    RateLimited(Option<u64>),
    /// A guest's order session ran out.
    SessionExpired,
    /// A customer token is expired or invalid.
    SignInAgain,
    /// The order is not in this customer's account.
    OrderNotFound,
    /// The API could not be reached.
    Unreachable,
    /// Any other failure.
    Generic,
    /// Retry button.
    TryAgain,
    /// A widget's own code could not be fetched (the rest of the page works).
    WidgetUnavailable,
    /// The exception reason in a few words, after the parcel's status: "held at customs".
    Reason(ExceptionReason),
    /// A problem banner's title, naming what happened (status, and the reason when known).
    Banner(TrackingStatus, Option<ExceptionReason>),
    /// "Reason: refused" under a returned-to-sender banner.
    ReasonLine(ExceptionReason),
    /// What the shopper should do now; the text names the carrier where it helps.
    Next(NextStep, &'a str),
    /// Extra guidance for a customs hold (documents, duties), naming the carrier.
    CustomsHint(&'a str),
    /// Link to the carrier's own tracking page: "Track with UPS".
    CarrierLink(&'a str),
    /// Title of the notice shown when the promised delivery has passed.
    DelayTitle,
    /// What happens next with a late parcel.
    DelayBody,
    /// Title of the notice for a silent parcel: days since the last scan, when known.
    Stalled(Option<u32>),
    /// Button that moves to the help section.
    GetHelp,
    /// Heading of the help section.
    HelpHeading,
    /// Heading of the help section's contact channels.
    ContactUs,
    /// Email link: "Email help@shop.example".
    ContactEmail(&'a str),
    /// Phone link: "Call +34 …".
    ContactPhone(&'a str),
    /// Chat / help-centre link.
    ContactChat,
    /// Visible text of the copy button.
    Copy,
    /// Accessible name of the copy button (includes its visible text).
    CopyLabel,
    /// Confirmation after copying.
    Copied,
    /// Copying was refused or is unavailable.
    CopyFailed,
    /// Expand a collapsed history: "Show all 7 updates".
    ShowAll(usize),
    /// Collapse the history again.
    ShowFewer,
    /// A revised delivery estimate: "Was Tue, Nov 24 — now Thu, Nov 26".
    EtaRevised(&'a str, &'a str),
    /// "Your order ships in 2 packages" (only said for 2 or more).
    ShipsIn(usize),
    /// Heading of the pickup point block.
    PickupPoint,
    /// Label of the pickup point's opening hours.
    OpeningHours,
    /// The pickup deadline: "Collect by Tue, Nov 24".
    CollectBy(&'a str),
    /// Live refresh: data confirmed less than a minute ago.
    UpdatedJustNow,
    /// Live refresh: "Updated 5 minutes ago" (the relative part comes from `Intl`).
    UpdatedAgo(&'a str),
    /// A background refresh failed; the data shown is kept.
    RefreshFailed,
    /// Accessible name of the survey card.
    NpsRegion,
    /// Dismiss the survey before answering.
    NotNow,
    /// Accessible name of the floating card's close button.
    Close,
    /// The follow-up question, by survey and category of the chosen score.
    FollowUp(SurveyKind, Category),
    /// A detractor asks the store to get in touch.
    ContactMe,
    /// Shown once the shopper asked to be contacted, above the store's channels.
    ContactNote,
    /// A promoter is invited to review what they bought.
    ReviewInvite,
    /// The button that opens the review prompt.
    WriteReview,
    /// Live counter under the comment box: "1,990 characters left".
    CharsLeft(usize),
    /// Send the follow-up comment.
    Send,
    /// Send button while waiting.
    Sending,
    /// The survey's final state.
    NpsThanks,
    /// A response waits in this browser for the connection to come back.
    SavedOffline,
    /// The server refused the response for good.
    NpsSaveFailed,
    /// Returns: heading of the guest lookup.
    ReturnsHeading,
    /// Returns: the guest lookup's submit button.
    FindOrder,
    /// Returns: heading of a customer's order list.
    ChooseOrder,
    /// "Step 2 of 5".
    StepOf(usize, usize),
    /// A return step's heading.
    ReturnStep(RStep),
    /// Back to the previous step.
    Back,
    /// On to the next step.
    Continue,
    /// "Return by {date}".
    ReturnBy(&'a str),
    /// Label of the quantity select.
    QtyToReturn,
    /// Why a line cannot go back; the date the window closed when known.
    Blocked(NotReturnable, Option<&'a str>),
    /// Nothing in the order can go back.
    NothingReturnable,
    /// Heading of the order's past returns.
    PastReturns,
    /// A past return: "RMA-… · Requested · Nov 20, 2026 · 2 items".
    ReturnRow {
        /// RMA number.
        rma: &'a str,
        /// Status label.
        status: &'a str,
        /// Formatted date.
        date: &'a str,
        /// Units.
        units: u32,
    },
    /// "1 item" / "3 items".
    Units(u32),
    /// Heading of the withdrawal section.
    WithdrawalHeading,
    /// What the withdrawal right is, with its deadline.
    WithdrawalExplain(&'a str),
    /// The withdrawal button.
    WithdrawButton,
    /// Heading of the withdrawal confirmation step.
    WithdrawConfirmHeading,
    /// What confirming means, for order {n}.
    WithdrawConfirmBody(&'a str),
    /// Confirm the withdrawal.
    ConfirmWithdrawal,
    /// Leave a confirmation step without doing anything.
    GoBack,
    /// Heading of a stored withdrawal.
    WithdrawnHeading,
    /// "Reference: WD-…".
    Reference(&'a str),
    /// "Recorded on {date}".
    RecordedOn(&'a str),
    /// Label of the recorded statement.
    Statement,
    /// Keep the confirmation.
    WithdrawalKeep,
    /// Heading of the order's past withdrawals.
    PastWithdrawals,
    /// A past withdrawal's button: reference and date.
    WithdrawalRow(&'a str, &'a str),
    /// Back from a status page / withdrawal to the order's return form.
    BackToOrder,
    /// Label of the reason select.
    ReasonLabel,
    /// The reason select's empty choice.
    ChooseReason,
    /// The comment box's label by its rule.
    CommentLabel(Requirement),
    /// Hint under a reason that asks for photos.
    PhotosNext(Requirement),
    /// "(required)" / "(optional)" after a label.
    Req(Requirement),
    /// Under the photos heading: types, size and count limits.
    PhotosIntro(&'a str, u32),
    /// The file chooser's visible label.
    ChoosePhotos,
    /// Drop zone hint.
    DropHere,
    /// Accessible name of a file's progress bar.
    Uploading(&'a str),
    /// A file is stored.
    Uploaded,
    /// Announced when a photo is stored.
    PhotoAdded(&'a str),
    /// Accessible name of a photo's remove button.
    RemovePhoto(&'a str),
    /// Visible text of the remove button.
    Remove,
    /// A stored photo whose file name is not known (after a reload): "Photo 2".
    PhotoN(usize),
    /// Announced when a photo is removed.
    PhotoRemoved(&'a str),
    /// Why a file was not added, naming it.
    FileRefused(FileProblem, &'a str),
    /// A resolution radio; the store-credit bonus in percent when there is one.
    ResolutionLabel(Resolution, Option<&'a str>),
    /// Label of the exchange variant select.
    ExchangeFor,
    /// The variant select's empty choice.
    ChooseVariant,
    /// An unavailable variant: "Forest Green / XL (out of stock)".
    OutOfStock(&'a str),
    /// Review: "Reason: {label}".
    ReasonIs(&'a str),
    /// Review: "Comment: {text}".
    CommentIs(&'a str),
    /// "1 photo" / "3 photos".
    Photos(usize),
    /// A line's outcome in the summary; the exchange variant's label.
    Outcome(Resolution, &'a str),
    /// Heading of the estimate.
    EstimateHeading,
    /// The estimate is being computed.
    Calculating,
    /// The estimate failed (submitting still works).
    EstimateFailed,
    /// Estimate rows.
    EstRefundItems,
    /// Restocking fee row.
    EstRestocking,
    /// Return shipping fee row.
    EstShipping,
    /// Refund total row.
    EstRefundTotal,
    /// Store credit for the items row.
    EstCredit,
    /// Store credit bonus row.
    EstBonus,
    /// Store credit total row.
    EstCreditTotal,
    /// Exchanged items' value row.
    EstExchange,
    /// Legend of the method radios.
    MethodLegend,
    /// A return method.
    Method(ReturnMethod),
    /// The submit button.
    SubmitReturn,
    /// The submit button while sending.
    Submitting,
    /// Creating the return failed for lack of a connection (retrying is safe).
    SubmitOffline,
    /// Units were returned meanwhile (409): the list was refreshed.
    SubmitConflict,
    /// The idempotency key was used with another request: it may have been sent.
    SubmitMaybeSent,
    /// Anything else went wrong.
    SubmitFailed,
    /// A problem that keeps the shopper on a step.
    Problem(What),
    /// Status page heading: "Return RMA-…".
    ReturnHeading(&'a str),
    /// A return's status.
    ReturnStatus(RStatus),
    /// "Status: Approved".
    StatusIs(&'a str),
    /// Just created.
    ReturnCreated,
    /// Alt text of the QR code.
    QrAlt(&'a str),
    /// Label link.
    PrintLabel,
    /// Heading of the return's history.
    ReturnHistory,
    /// The merchant's note on a status change.
    StoreNote(&'a str),
    /// Cancel button.
    CancelReturn,
    /// What cancelling means.
    CancelConfirm,
    /// Confirm the cancellation.
    CancelYes,
    /// Keep the return.
    CancelNo,
    /// Cancelling failed.
    CancelFailed,
    /// Announced when a refresh brought a new status.
    StatusChanged(&'a str),
    /// Withdrawing failed.
    WithdrawFailed,
    /// Heading of the items in the summary and on the status page.
    ItemsHeading,
    /// The returns API could not be reached.
    ReturnsUnreachable,
}

/// The text of `msg` in `locale`.
pub fn t(locale: Locale, msg: Msg<'_>) -> String {
    match locale {
        Locale::En => en::en(msg),
        Locale::Es => es::es(msg),
    }
}

mod en;
mod es;
mod format;
#[cfg(test)]
mod tests;

pub use format::*;

/// `msg` as reactive text that follows `locale`. One helper (one closure type) for every
/// call site keeps the wasm small: each distinct closure would be its own view code.
pub fn tr(
    locale: leptos::prelude::Signal<Locale>,
    msg: Msg<'static>,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::Get;
    move || t(locale.get(), msg)
}

/// The locale from the `locale` attribute, else the page's `<html lang>`, else the browser's languages.
pub fn negotiate(attr: Option<&str>) -> Locale {
    let mut prefs: Vec<String> = attr.map(str::to_owned).into_iter().collect();
    if let Some(window) = web_sys::window() {
        if let Some(lang) = window
            .document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
        {
            prefs.push(lang);
        }
        prefs.extend(
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string()),
        );
    }
    Locale::negotiate(prefs.iter().map(String::as_str))
}
