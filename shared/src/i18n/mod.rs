//! Every text a shopper reads, in every language Aftercare speaks: one catalog for the
//! widgets, the server (return instructions, the withdrawal statement, the label page, survey
//! and return-reason defaults) and the emails.
//!
//! One [`Msg`] enum lists every message with the data it interpolates; [`t`] dispatches to one
//! exhaustive `match` per language (one file each), so a message missing in any language is a
//! compile error. Plurals are variants that carry their count. Dates and money are formatted
//! by the caller (the widgets through the browser's `Intl`) and passed in as text.
//!
//! Adding a language: a file like `pt_br.rs`, a [`Locale`] variant, one arm in [`t`], and in
//! the widgets one `language!` line (its lazily fetched chunk) with its arm in `load`.

mod account;
mod disclosure;
mod mail;
mod reviews;

use crate::api::Topic;
use crate::error::FieldIssue;
use crate::order::{OrderFilter, OrderStatus};
use crate::returns::flow::{FileProblem, Step as RStep, What};
use crate::returns::{
    DefaultReason, NotReturnable, Requirement, Resolution, ReturnMethod, ReturnStatus as RStatus,
};
use crate::survey::{Category, SurveyKind};
use crate::tracking::{ExceptionReason, NextStep, ProgressStep, TrackingStatus};
use crate::Locale;
pub use account::Acc;
pub use disclosure::review_disclosure;
pub use mail::{mail, Mail};
pub use reviews::Rev;

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
    /// The account page's order filter group.
    FilterLegend,
    /// One order filter chip.
    Filter(OrderFilter),
    /// Label of the order search box.
    SearchOrders,
    /// What the order search looks in.
    SearchHint,
    /// The search button.
    Search,
    /// Clears the search and the filter.
    ShowAllOrders,
    /// How many orders are listed, of how many match ("Showing 10 of 37 orders").
    ShowingOf(usize, u64),
    /// No order matches the filter and search.
    NoMatchingOrders,
    /// Returns started on an order (a count).
    ReturnsOnOrder(u32),
    /// Heading of an order's totals.
    OrderSummary,
    /// Totals: the items' sum.
    Subtotal,
    /// Totals: shipping charged.
    ShippingCharge,
    /// Totals: tax.
    Tax,
    /// Totals: discounts taken off.
    Discount,
    /// Totals: what was paid.
    OrderTotal,
    /// Heading of the delivery address.
    DeliveryAddress,
    /// Heading of the payment method.
    Payment,
    /// A masked card: brand and last four digits.
    CardEnding(&'a str, &'a str),
    /// Opens the return flow inside the order.
    ReturnItems,
    /// A line's price: unit price times quantity.
    LinePrice(&'a str, u32),
    /// The account's sections (navigation landmark).
    AccountSections,
    /// The communication preferences section.
    PreferencesHeading,
    /// What the preferences do.
    PreferencesIntro,
    /// A communication topic.
    TopicName(Topic),
    /// What a communication topic covers.
    TopicHint(Topic),
    /// When a preference was last changed.
    ChangedOn(&'a str),
    /// A preference change was saved.
    PreferenceSaved,
    /// A preference change could not be saved.
    PreferenceFailed,
    /// Heading of what needs the customer, above their orders.
    NeedsAttention,
    /// A parcel waiting at a pickup point: where.
    WaitingAt(&'a str),
    /// A return whose parcel has not been sent yet (its RMA).
    ReturnToSend(&'a str),
    /// How to send a return's parcel, by method.
    ReturnToSendHow(ReturnMethod),
    /// Opens the order an item is about.
    ViewOrder(&'a str),
    /// What to do next with a return, by its status and method; the store's return address
    /// when it has one.
    ReturnInstructions {
        /// The return's status.
        status: RStatus,
        /// How the parcel goes back.
        method: ReturnMethod,
        /// The RMA to write on the note.
        rma: &'a str,
        /// The store's return address, when set.
        address: Option<&'a str>,
    },
    /// The EU withdrawal declaration (the model form of Directive 2011/83/EU, Annex I(B)).
    WithdrawalStatement {
        /// Order number.
        number: &'a str,
        /// The date the order was placed (`YYYY-MM-DD`).
        date: &'a str,
        /// The store's name.
        store: &'a str,
    },
    /// Label page: its title.
    LabelTitle,
    /// Label page: heading of the address block.
    LabelSendTo,
    /// Label page: heading of the parcel's items.
    LabelItems,
    /// Label page: heading of the method.
    LabelMethodHeading,
    /// Label page: how the parcel goes back.
    LabelMethod(ReturnMethod),
    /// Label page: a line's outcome, in lower case after the item ("refund").
    LabelOutcome(Resolution),
    /// Label page: how to print and attach it.
    LabelPrintHint,
    /// Label page: the dashed line's caption.
    LabelCut,
    /// A survey's built-in question; `{store}` is replaced by the store's name later.
    SurveyQuestion(SurveyKind),
    /// A survey's built-in label under the lowest score.
    SurveyLow(SurveyKind),
    /// A survey's built-in label under the highest score.
    SurveyHigh(SurveyKind),
    /// A built-in return reason's label.
    DefaultReason(DefaultReason),
    /// One of the account page's own messages.
    Account(Acc<'a>),
    /// One of the review widgets' own messages.
    Reviews(Rev<'a>),
}

/// The text of `msg` in `locale`.
pub fn t(locale: Locale, msg: Msg<'_>) -> String {
    match locale {
        Locale::En => en(msg),
        Locale::Es => es(msg),
        Locale::PtBr => pt_br(msg),
    }
}

/// A file size limit in megabytes ("10 MB", "1.5 MB"), or kilobytes under one megabyte.
pub fn size(bytes: u64) -> String {
    const MB: u64 = 1_048_576;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            d => format!("{}.{d} MB", tenths / 10),
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Basis points as a percentage number without trailing zeros ("10", "2.5"; "2,5" in Spanish).
pub fn percent(locale: Locale, bps: u32) -> String {
    let sep = match locale {
        Locale::En => '.',
        Locale::Es | Locale::PtBr => ',',
    };
    match bps % 100 {
        0 => format!("{}", bps / 100),
        r if r % 10 == 0 => format!("{}{sep}{}", bps / 100, r / 10),
        r => format!("{}{sep}{r:02}", bps / 100),
    }
}

#[cfg(test)]
#[rustfmt::skip] // one sample per line
#[allow(clippy::single_element_loop, clippy::vec_init_then_push)]
mod coverage;
mod en;
mod es;
mod pt_br;

pub use en::en;
pub use es::es;
pub use pt_br::pt_br;
#[cfg(test)]
mod tests;
