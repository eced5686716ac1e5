//! Every string a shopper sees, in English and Spanish, plus `Intl`-based formatting.
//!
//! One [`Msg`] enum lists every message; [`t`] dispatches to one exhaustive `match` per
//! language, so adding a message without translating it is a compile error. Plurals are
//! variants that carry their count. Dates and money are formatted by the browser's `Intl`
//! (no date or number crate in the bundle).

use crate::returns::draft::{FileProblem, Step as RStep, What};
use aftercare_shared::error::FieldIssue;
use aftercare_shared::order::OrderStatus;
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
        Locale::En => en(msg),
        Locale::Es => es(msg),
    }
}

fn en(msg: Msg<'_>) -> String {
    use Msg::*;
    let s = match msg {
        Loading => "Loading…",
        TrackHeading => "Track your order",
        TrackIntro => "Enter your order number and the email address you used at checkout.",
        OrderNumberLabel => "Order number",
        EmailLabel => "Email address",
        TrackButton => "Track order",
        TrackBusy => "Looking up…",
        LookUpAnother => "Look up another order",
        YourOrders => "Your orders",
        NoOrders => "You have no orders yet.",
        LoadMore => "Show more orders",
        AllOrders => "All orders",
        OrderHeading(n) => return format!("Order {n}"),
        PlacedOn(d) => return format!("Placed {d}"),
        OrderRow {
            number,
            date,
            status,
            total,
        } => return format!("Order {number} · {date} · {status} · {total}"),
        OrderStatus(s) => {
            use aftercare_shared::order::OrderStatus::*;
            match s {
                Processing => "We're preparing your order",
                PartiallyShipped => "Part of your order is on its way",
                Shipped => "Your order is on its way",
                OutForDelivery => "Out for delivery",
                Delivered => "Delivered",
                Exception => "A delivery needs attention",
                Cancelled => "This order was cancelled",
            }
        }
        Status(s) => {
            use TrackingStatus::*;
            match s {
                Pending => "Label created",
                InfoReceived => "Carrier notified",
                InTransit => "In transit",
                OutForDelivery => "Out for delivery",
                AttemptedDelivery => "Delivery attempted",
                AvailableForPickup => "Ready for pickup",
                Delivered => "Delivered",
                Exception => "Delivery problem",
                ReturnedToSender => "Returned to sender",
                Expired => "No recent updates",
            }
        }
        Step(s) => match s {
            ProgressStep::Ordered => "Ordered",
            ProgressStep::Shipped => "Shipped",
            ProgressStep::InTransit => "In transit",
            ProgressStep::OutForDelivery => "Out for delivery",
            ProgressStep::Delivered => "Delivered",
        },
        ParcelOf(i, n) => return format!("Parcel {i} of {n}"),
        Carrier => "Carrier",
        TrackingNumber => "Tracking number",
        OpensNewTab => "(opens in a new tab)",
        Eta => "Estimated delivery",
        Progress => "Delivery progress",
        StepNow => "Now",
        StepDone => "(done)",
        InThisParcel => "In this parcel",
        History => "Tracking history",
        NoEvents => "No tracking updates yet.",
        LocalTime(time, zone) => return format!("{time} local time ({zone})"),
        Quantity(n) => return format!("Quantity: {n}"),
        NotShippedYet(1) => "1 item hasn't shipped yet",
        NotShippedYet(n) => return format!("{n} items haven't shipped yet"),
        Preparing => "We're preparing your order",
        PreparingBody => "Tracking details will appear here as soon as it ships.",
        FieldError(field, issue) => match (field, issue) {
            (Field::OrderNumber, FieldIssue::Required) => "Enter your order number.",
            (Field::Email, FieldIssue::Required) => "Enter your email address.",
            (Field::OrderNumber, FieldIssue::TooLong) => "That order number is too long.",
            (Field::Email, FieldIssue::TooLong) => "That email address is too long.",
            (Field::OrderNumber, _) => {
                "Use only the letters, digits and - _ . from your order confirmation."
            }
            (Field::Email, _) => "Enter an email address like name@example.com.",
        },
        LookupNotFound => {
            "We couldn't find an order with that number and email address. Check both and try again."
        }
        RateLimited(Some(1)) => "Too many attempts. Try again in 1 second.",
        RateLimited(Some(n)) => return format!("Too many attempts. Try again in {n} seconds."),
        RateLimited(None) => "Too many attempts. Try again in a moment.",
        SessionExpired => "Your session has expired. Look up your order again.",
        SignInAgain => "Your sign-in has expired. Please sign in again to see your orders.",
        OrderNotFound => "We couldn't find this order in your account.",
        Unreachable => {
            "We couldn't reach the order tracking service. Check your connection and try again."
        }
        Generic => "Something went wrong while loading your order.",
        TryAgain => "Try again",
        WidgetUnavailable => "This part of the page didn't load. Check your connection and try again.",
        Reason(r) => {
            use ExceptionReason::*;
            match r {
                AddressIssue => "address problem",
                CustomsHold => "held at customs",
                Damaged => "damaged",
                Lost => "lost",
                Delayed => "weather or carrier delay",
                Refused => "refused",
                Other => "other problem",
            }
        }
        Banner(status, reason) => {
            use ExceptionReason::*;
            match (status, reason) {
                (TrackingStatus::AttemptedDelivery, _) => "The courier couldn't deliver your parcel",
                (TrackingStatus::ReturnedToSender, _) => "Your parcel is being returned to the store",
                (TrackingStatus::Expired, _) => "We haven't had tracking updates for a long time",
                (_, Some(AddressIssue)) => "There's a problem with the delivery address",
                (_, Some(CustomsHold)) => "Your parcel is held at customs",
                (_, Some(Damaged)) => "Your parcel was damaged in transit",
                (_, Some(Lost)) => "The carrier has lost your parcel",
                (_, Some(Delayed)) => "Your parcel is delayed by weather or a carrier problem",
                (_, Some(Refused)) => "The delivery was refused",
                (_, _) => "The carrier reported a problem with your parcel",
            }
        }
        ReasonLine(r) => return format!("Reason: {}", en(Reason(r))),
        Next(step, carrier) => match step {
            NextStep::Wait => {
                "Nothing to do for now: this page updates when the carrier reports progress."
            }
            NextStep::UpdateAddress => "Check your delivery address with us.",
            NextStep::ContactCarrier => return format!("Contact {carrier} to sort it out."),
            NextStep::ContactStore => "Contact us and we'll sort it out.",
            NextStep::ArrangeRedelivery => {
                return format!(
                    "The courier will try again, or you can rearrange delivery with {carrier}."
                )
            }
            NextStep::CollectFromPickupPoint => "Collect it from the pickup point before the deadline.",
        },
        CustomsHint(c) => {
            return format!(
                "Customs may need documents or import duties before releasing it; {c} will tell you what is missing."
            )
        }
        CarrierLink(c) => return format!("Track with {c}"),
        DelayTitle => "Running late: the carrier's estimate has passed",
        DelayBody => "Most late parcels arrive within a few days. This page updates automatically.",
        Stalled(Some(1)) => "No update from the carrier for 1 day",
        Stalled(Some(n)) => return format!("No update from the carrier for {n} days"),
        Stalled(None) => "No recent update from the carrier",
        GetHelp => "Get help",
        HelpHeading => "Need help with your delivery?",
        ContactUs => "Contact us",
        ContactEmail(e) => return format!("Email {e}"),
        ContactPhone(p) => return format!("Call {p}"),
        ContactChat => "Chat with us",
        Copy => "Copy",
        CopyLabel => "Copy tracking number",
        Copied => "Copied",
        CopyFailed => "Couldn't copy: select the number and copy it.",
        ShowAll(n) => return format!("Show all {n} updates"),
        ShowFewer => "Show fewer updates",
        EtaRevised(was, now) => return format!("Was {was} — now {now}"),
        ShipsIn(n) => return format!("Your order ships in {n} packages"),
        PickupPoint => "Pickup point",
        OpeningHours => "Opening hours",
        CollectBy(d) => return format!("Collect by {d}"),
        UpdatedJustNow => "Updated just now",
        UpdatedAgo(rel) => return format!("Updated {rel}"),
        RefreshFailed => "Couldn't refresh — retrying",
        NpsRegion => "Your feedback",
        NotNow => "Not now",
        Close => "Close",
        FollowUp(kind, cat) => match (kind, cat) {
            (_, Category::Detractor) => "What went wrong?",
            (SurveyKind::Nps, Category::Passive) => "What would make it a 10?",
            (SurveyKind::Csat, Category::Passive) => "What could be better?",
            (SurveyKind::Nps, Category::Promoter) => "What did you love?",
            (SurveyKind::Csat, Category::Promoter) => "What did you like?",
        },
        ContactMe => "Ask the store to contact me",
        ContactNote => "The store will get in touch with you.",
        ReviewInvite => "Glad you liked it! Would you review the products you bought?",
        WriteReview => "Write a review",
        CharsLeft(1) => "1 character left",
        CharsLeft(n) => return format!("{n} characters left"),
        Send => "Send",
        Sending => "Sending…",
        NpsThanks => "Thank you — your feedback helps us improve.",
        SavedOffline => "Saved on this device — we'll send it when you're back online",
        NpsSaveFailed => "We couldn't save your feedback. Please try again.",
        ReturnsHeading => "Start a return",
        FindOrder => "Find order",
        ChooseOrder => "Choose an order to return",
        StepOf(n, of) => return format!("Step {n} of {of}"),
        ReturnStep(s) => match s {
            RStep::Items => "Choose what to return",
            RStep::Reasons => "Tell us why",
            RStep::Photos => "Add photos",
            RStep::Resolution => "Refund or exchange",
            RStep::Review => "Review and submit",
        },
        Back => "Back",
        Continue => "Continue",
        ReturnBy(d) => return format!("Return by {d}"),
        QtyToReturn => "Quantity to return",
        Blocked(r, date) => match (r, date) {
            (NotReturnable::FinalSale, _) => "Final sale: this item can't be returned.",
            (NotReturnable::AlreadyReturned, _) => "Already returned: every unit is in a return.",
            (NotReturnable::NotDelivered, _) => "Not delivered yet: you can return it once it arrives.",
            (NotReturnable::WindowClosed, Some(d)) => return format!("The return window closed on {d}."),
            (NotReturnable::WindowClosed, None) => "The return window for this item has closed.",
        },
        NothingReturnable => "None of the items in this order can be returned right now.",
        PastReturns => "Returns for this order",
        ReturnRow { rma, status, date, units } => {
            return format!("{rma} · {status} · {date} · {}", en(Units(units)))
        }
        Units(1) => "1 item",
        Units(n) => return format!("{n} items"),
        WithdrawalHeading => "Right of withdrawal",
        WithdrawalExplain(d) => {
            return format!("Under EU consumer law you can withdraw from this purchase within 14 days of delivery, without giving a reason. Deadline: {d}.")
        }
        WithdrawButton => "Withdraw from contract",
        WithdrawConfirmHeading => "Withdraw from the contract?",
        WithdrawConfirmBody(n) => {
            return format!("You are declaring that you withdraw from the purchase contract for order {n}. We record the date and time and show you a confirmation you can come back to. Then send the items back within 14 days; the store refunds your payment as the law requires.")
        }
        ConfirmWithdrawal => "Confirm withdrawal",
        GoBack => "Go back",
        WithdrawnHeading => "Withdrawal confirmed",
        Reference(r) => return format!("Reference: {r}"),
        RecordedOn(d) => return format!("Recorded on {d}"),
        Statement => "Your declaration",
        WithdrawalKeep => "Keep this confirmation. It stays listed on this page for this order.",
        PastWithdrawals => "Your withdrawal declarations",
        WithdrawalRow(r, d) => return format!("Withdrawal {r}, {d}"),
        BackToOrder => "Back to your order",
        ReasonLabel => "Reason",
        ChooseReason => "Choose a reason",
        CommentLabel(Requirement::Required) => "Describe the problem (required)",
        CommentLabel(_) => "Comment (optional)",
        PhotosNext(Requirement::Required) => "You'll add at least one photo in the next step.",
        PhotosNext(_) => "You can add photos in the next step.",
        Req(Requirement::Required) => "(required)",
        Req(Requirement::Optional) => "(optional)",
        Req(Requirement::Disabled) => "",
        PhotosIntro(size, n) => {
            return format!("JPEG, PNG or WebP photos, up to {size} each and {n} per item.")
        }
        ChoosePhotos => "Choose photos",
        DropHere => "or drag and drop them here",
        Uploading(name) => return format!("Uploading {name}"),
        Uploaded => "Uploaded",
        PhotoAdded(name) => return format!("{name} added"),
        RemovePhoto(name) => return format!("Remove {name}"),
        Remove => "Remove",
        PhotoN(n) => return format!("Photo {n}"),
        PhotoRemoved(name) => return format!("{name} removed"),
        FileRefused(p, name) => {
            return match p {
                FileProblem::Type => format!("{name} isn't a JPEG, PNG or WebP photo."),
                FileProblem::TooBig(max) => format!("{name} is larger than {}.", size(max)),
                FileProblem::TooMany(n) => format!("{name} wasn't added: at most {n} photos per item."),
                FileProblem::Unreadable => format!("{name} couldn't be read as a photo, or it has too many pixels."),
                FileProblem::Network => format!("{name} couldn't be uploaded. Check your connection and try again."),
                FileProblem::Expired => format!("{name} couldn't be uploaded: your session has expired. Reload the page to continue."),
                FileProblem::Failed => format!("{name} couldn't be uploaded. Try again."),
            }
        }
        ResolutionLabel(r, bonus) => match (r, bonus) {
            (Resolution::Refund, _) => "Refund to original payment",
            (Resolution::StoreCredit, Some(p)) => return format!("Store credit (+{p}% bonus)"),
            (Resolution::StoreCredit, None) => "Store credit",
            (Resolution::Exchange, _) => "Exchange for another size or colour",
        },
        ExchangeFor => "New size or colour",
        ChooseVariant => "Choose…",
        OutOfStock(l) => return format!("{l} (out of stock)"),
        ReasonIs(r) => return format!("Reason: {r}"),
        CommentIs(c) => return format!("Comment: {c}"),
        Photos(1) => "1 photo",
        Photos(n) => return format!("{n} photos"),
        Outcome(r, variant) => match r {
            Resolution::Refund => "Refund to original payment",
            Resolution::StoreCredit => "Store credit",
            Resolution::Exchange => return format!("Exchange for {variant}"),
        },
        EstimateHeading => "What you'll get",
        Calculating => "Calculating…",
        EstimateFailed => "We couldn't calculate the amounts right now. You can still submit your return.",
        EstRefundItems => "Items to refund",
        EstRestocking => "Restocking fee",
        EstShipping => "Return shipping",
        EstRefundTotal => "Refund to your original payment",
        EstCredit => "Store credit for items",
        EstBonus => "Store credit bonus",
        EstCreditTotal => "Total store credit",
        EstExchange => "Exchanged items (no charge)",
        MethodLegend => "How will you send it back?",
        Method(ReturnMethod::DropOff) => "Drop it off at a carrier point",
        Method(ReturnMethod::Pickup) => "Courier pickup from your address",
        SubmitReturn => "Submit return",
        Submitting => "Submitting…",
        SubmitOffline => {
            "We couldn't send your return. Check your connection and try again: it will never be sent twice."
        }
        SubmitConflict => {
            "Some of these items were returned in the meantime. We've updated the list: please check your choice."
        }
        SubmitMaybeSent => "This return may already have been sent. Check the returns listed for this order.",
        SubmitFailed => "Something went wrong while sending your return. Please try again.",
        Problem(w) => match w {
            What::Nothing => "Choose at least one item to return.",
            What::Quantity => "Choose a quantity you can still return.",
            What::Reason => "Choose a reason.",
            What::Comment => "Describe the problem in a few words.",
            What::CommentLong => "Keep the comment under 1,000 characters.",
            What::Photos => "Add at least one photo.",
            What::TooManyPhotos => "Too many photos for this item: remove some.",
            What::Uploading => "Wait until the photos have finished uploading.",
            What::Resolution => "Choose what you'd like instead.",
            What::Exchange => "Choose a size or colour that is in stock.",
            What::Method => "Choose how you'll send it back.",
        },
        ReturnHeading(rma) => return format!("Return {rma}"),
        ReturnStatus(s) => {
            use aftercare_shared::returns::ReturnStatus::*;
            match s {
                Requested => "Requested",
                Approved => "Approved",
                InTransit => "On its way back",
                Received => "Received",
                Refunded => "Refunded",
                Exchanged => "Exchanged",
                Rejected => "Rejected",
                Cancelled => "Cancelled",
            }
        }
        StatusIs(s) => return format!("Status: {s}"),
        ReturnCreated => "Your return has been requested.",
        QrAlt(rma) => return format!("QR code for return {rma}"),
        PrintLabel => "Print label",
        ReturnHistory => "Return history",
        StoreNote(n) => return format!("Note from the store: {n}"),
        CancelReturn => "Cancel return",
        CancelConfirm => "Cancel this return? The items will not be collected or refunded.",
        CancelYes => "Yes, cancel the return",
        CancelNo => "Keep the return",
        CancelFailed => "We couldn't cancel the return. Please try again.",
        StatusChanged(s) => return format!("Status updated: {s}"),
        WithdrawFailed => "We couldn't record your withdrawal. Please try again.",
        ItemsHeading => "Items",
        ReturnsUnreachable => {
            "We couldn't reach the returns service. Check your connection and try again."
        }
    };
    s.to_owned()
}

fn es(msg: Msg<'_>) -> String {
    use Msg::*;
    let s = match msg {
        Loading => "Cargando…",
        TrackHeading => "Sigue tu pedido",
        TrackIntro => "Introduce el número de pedido y el correo electrónico que usaste al comprar.",
        OrderNumberLabel => "Número de pedido",
        EmailLabel => "Correo electrónico",
        TrackButton => "Seguir pedido",
        TrackBusy => "Buscando…",
        LookUpAnother => "Buscar otro pedido",
        YourOrders => "Tus pedidos",
        NoOrders => "Todavía no tienes pedidos.",
        LoadMore => "Mostrar más pedidos",
        AllOrders => "Todos los pedidos",
        OrderHeading(n) => return format!("Pedido {n}"),
        PlacedOn(d) => return format!("Realizado el {d}"),
        OrderRow {
            number,
            date,
            status,
            total,
        } => return format!("Pedido {number} · {date} · {status} · {total}"),
        OrderStatus(s) => {
            use aftercare_shared::order::OrderStatus::*;
            match s {
                Processing => "Estamos preparando tu pedido",
                PartiallyShipped => "Parte de tu pedido está en camino",
                Shipped => "Tu pedido está en camino",
                OutForDelivery => "En reparto",
                Delivered => "Entregado",
                Exception => "Una entrega necesita atención",
                Cancelled => "Este pedido se ha cancelado",
            }
        }
        Status(s) => {
            use TrackingStatus::*;
            match s {
                Pending => "Etiqueta creada",
                InfoReceived => "Transportista avisado",
                InTransit => "En tránsito",
                OutForDelivery => "En reparto",
                AttemptedDelivery => "Intento de entrega",
                AvailableForPickup => "Listo para recoger",
                Delivered => "Entregado",
                Exception => "Incidencia en la entrega",
                ReturnedToSender => "Devuelto al remitente",
                Expired => "Sin novedades recientes",
            }
        }
        Step(s) => match s {
            ProgressStep::Ordered => "Pedido",
            ProgressStep::Shipped => "Enviado",
            ProgressStep::InTransit => "En tránsito",
            ProgressStep::OutForDelivery => "En reparto",
            ProgressStep::Delivered => "Entregado",
        },
        ParcelOf(i, n) => return format!("Paquete {i} de {n}"),
        Carrier => "Transportista",
        TrackingNumber => "Número de seguimiento",
        OpensNewTab => "(se abre en una pestaña nueva)",
        Eta => "Entrega estimada",
        Progress => "Progreso de la entrega",
        StepNow => "Ahora",
        StepDone => "(completado)",
        InThisParcel => "En este paquete",
        History => "Historial de seguimiento",
        NoEvents => "Aún no hay novedades del envío.",
        LocalTime(time, zone) => return format!("{time} hora local ({zone})"),
        Quantity(n) => return format!("Cantidad: {n}"),
        NotShippedYet(1) => "1 artículo aún no se ha enviado",
        NotShippedYet(n) => return format!("{n} artículos aún no se han enviado"),
        Preparing => "Estamos preparando tu pedido",
        PreparingBody => "Los datos de seguimiento aparecerán aquí en cuanto se envíe.",
        FieldError(field, issue) => match (field, issue) {
            (Field::OrderNumber, FieldIssue::Required) => "Introduce el número de pedido.",
            (Field::Email, FieldIssue::Required) => "Introduce tu correo electrónico.",
            (Field::OrderNumber, FieldIssue::TooLong) => "Ese número de pedido es demasiado largo.",
            (Field::Email, FieldIssue::TooLong) => "Ese correo electrónico es demasiado largo.",
            (Field::OrderNumber, _) => {
                "Usa solo las letras, cifras y - _ . de la confirmación del pedido."
            }
            (Field::Email, _) => "Introduce un correo como nombre@ejemplo.com.",
        },
        LookupNotFound => {
            "No encontramos ningún pedido con ese número y ese correo. Revisa ambos e inténtalo de nuevo."
        }
        RateLimited(Some(1)) => "Demasiados intentos. Vuelve a intentarlo en 1 segundo.",
        RateLimited(Some(n)) => {
            return format!("Demasiados intentos. Vuelve a intentarlo en {n} segundos.")
        }
        RateLimited(None) => "Demasiados intentos. Vuelve a intentarlo en un momento.",
        SessionExpired => "Tu sesión ha caducado. Vuelve a buscar tu pedido.",
        SignInAgain => "Tu sesión ha caducado. Vuelve a iniciar sesión para ver tus pedidos.",
        OrderNotFound => "No encontramos este pedido en tu cuenta.",
        Unreachable => {
            "No pudimos conectar con el servicio de seguimiento. Revisa tu conexión e inténtalo de nuevo."
        }
        Generic => "Algo salió mal al cargar tu pedido.",
        TryAgain => "Reintentar",
        WidgetUnavailable => "Esta parte de la página no se ha cargado. Comprueba tu conexión e inténtalo de nuevo.",
        Reason(r) => {
            use ExceptionReason::*;
            match r {
                AddressIssue => "problema con la dirección",
                CustomsHold => "retenido en aduana",
                Damaged => "dañado",
                Lost => "perdido",
                Delayed => "retraso por el tiempo o del transportista",
                Refused => "rechazado",
                Other => "otro problema",
            }
        }
        Banner(status, reason) => {
            use ExceptionReason::*;
            match (status, reason) {
                (TrackingStatus::AttemptedDelivery, _) => "El repartidor no pudo entregar tu paquete",
                (TrackingStatus::ReturnedToSender, _) => "Tu paquete está volviendo a la tienda",
                (TrackingStatus::Expired, _) => "Hace mucho que no hay novedades del seguimiento",
                (_, Some(AddressIssue)) => "Hay un problema con la dirección de entrega",
                (_, Some(CustomsHold)) => "Tu paquete está retenido en la aduana",
                (_, Some(Damaged)) => "Tu paquete se dañó durante el transporte",
                (_, Some(Lost)) => "El transportista ha perdido tu paquete",
                (_, Some(Delayed)) => {
                    "Tu paquete se retrasa por el tiempo o por un problema del transportista"
                }
                (_, Some(Refused)) => "La entrega fue rechazada",
                (_, _) => "El transportista ha informado de un problema con tu paquete",
            }
        }
        ReasonLine(r) => return format!("Motivo: {}", es(Reason(r))),
        Next(step, carrier) => match step {
            NextStep::Wait => {
                "Por ahora no tienes que hacer nada: esta página se actualiza cuando el transportista informa de avances."
            }
            NextStep::UpdateAddress => "Revisa con nosotros tu dirección de entrega.",
            NextStep::ContactCarrier => return format!("Contacta con {carrier} para resolverlo."),
            NextStep::ContactStore => "Contacta con nosotros y lo solucionamos.",
            NextStep::ArrangeRedelivery => {
                return format!(
                    "El repartidor volverá a intentarlo, o puedes acordar otra entrega con {carrier}."
                )
            }
            NextStep::CollectFromPickupPoint => {
                "Recógelo en el punto de recogida antes de la fecha límite."
            }
        },
        CustomsHint(c) => {
            return format!(
                "La aduana puede pedir documentos o aranceles antes de liberarlo; {c} te dirá qué falta."
            )
        }
        CarrierLink(c) => return format!("Seguir en {c}"),
        DelayTitle => "Va con retraso: la fecha estimada del transportista ya ha pasado",
        DelayBody => {
            "La mayoría de los paquetes retrasados llegan en pocos días. Esta página se actualiza sola."
        }
        Stalled(Some(1)) => "Sin novedades del transportista desde hace 1 día",
        Stalled(Some(n)) => return format!("Sin novedades del transportista desde hace {n} días"),
        Stalled(None) => "Sin novedades recientes del transportista",
        GetHelp => "Obtener ayuda",
        HelpHeading => "¿Necesitas ayuda con tu entrega?",
        ContactUs => "Contacta con nosotros",
        ContactEmail(e) => return format!("Escríbenos a {e}"),
        ContactPhone(p) => return format!("Llámanos al {p}"),
        ContactChat => "Chatea con nosotros",
        Copy => "Copiar",
        CopyLabel => "Copiar número de seguimiento",
        Copied => "Copiado",
        CopyFailed => "No se pudo copiar: selecciona el número y cópialo.",
        ShowAll(n) => return format!("Mostrar las {n} actualizaciones"),
        ShowFewer => "Mostrar menos actualizaciones",
        EtaRevised(was, now) => return format!("Antes: {was} — ahora: {now}"),
        ShipsIn(n) => return format!("Tu pedido se envía en {n} paquetes"),
        PickupPoint => "Punto de recogida",
        OpeningHours => "Horario",
        CollectBy(d) => return format!("Recógelo antes del {d}"),
        UpdatedJustNow => "Actualizado hace un momento",
        UpdatedAgo(rel) => return format!("Actualizado {rel}"),
        RefreshFailed => "No se pudo actualizar; lo reintentamos",
        NpsRegion => "Tu opinión",
        NotNow => "Ahora no",
        Close => "Cerrar",
        FollowUp(kind, cat) => match (kind, cat) {
            (_, Category::Detractor) => "¿Qué ha salido mal?",
            (SurveyKind::Nps, Category::Passive) => "¿Qué haría falta para que fuera un 10?",
            (SurveyKind::Csat, Category::Passive) => "¿Qué podríamos mejorar?",
            (SurveyKind::Nps, Category::Promoter) => "¿Qué es lo que más te ha gustado?",
            (SurveyKind::Csat, Category::Promoter) => "¿Qué te ha gustado?",
        },
        ContactMe => "Pedir a la tienda que se ponga en contacto conmigo",
        ContactNote => "La tienda se pondrá en contacto contigo.",
        ReviewInvite => "¡Nos alegra que te haya gustado! ¿Quieres valorar los productos que compraste?",
        WriteReview => "Escribir una valoración",
        CharsLeft(1) => "Queda 1 carácter",
        CharsLeft(n) => return format!("Quedan {n} caracteres"),
        Send => "Enviar",
        Sending => "Enviando…",
        NpsThanks => "Gracias: tu opinión nos ayuda a mejorar.",
        SavedOffline => "Guardado en este dispositivo: lo enviaremos cuando vuelvas a tener conexión",
        NpsSaveFailed => "No hemos podido guardar tu opinión. Inténtalo de nuevo.",
        ReturnsHeading => "Iniciar una devolución",
        FindOrder => "Buscar pedido",
        ChooseOrder => "Elige el pedido que quieres devolver",
        StepOf(n, of) => return format!("Paso {n} de {of}"),
        ReturnStep(s) => match s {
            RStep::Items => "Elige qué quieres devolver",
            RStep::Reasons => "Cuéntanos el motivo",
            RStep::Photos => "Añade fotos",
            RStep::Resolution => "Reembolso o cambio",
            RStep::Review => "Revisa y envía",
        },
        Back => "Atrás",
        Continue => "Continuar",
        ReturnBy(d) => return format!("Devuélvelo antes del {d}"),
        QtyToReturn => "Cantidad a devolver",
        Blocked(r, date) => match (r, date) {
            (NotReturnable::FinalSale, _) => "Venta final: este artículo no admite devoluciones.",
            (NotReturnable::AlreadyReturned, _) => "Ya devuelto: todas las unidades están en una devolución.",
            (NotReturnable::NotDelivered, _) => "Aún no entregado: podrás devolverlo cuando llegue.",
            (NotReturnable::WindowClosed, Some(d)) => return format!("El plazo de devolución terminó el {d}."),
            (NotReturnable::WindowClosed, None) => "El plazo de devolución de este artículo ha terminado.",
        },
        NothingReturnable => "Ahora mismo no se puede devolver ningún artículo de este pedido.",
        PastReturns => "Devoluciones de este pedido",
        ReturnRow { rma, status, date, units } => {
            return format!("{rma} · {status} · {date} · {}", es(Units(units)))
        }
        Units(1) => "1 artículo",
        Units(n) => return format!("{n} artículos"),
        WithdrawalHeading => "Derecho de desistimiento",
        WithdrawalExplain(d) => {
            return format!("Según la normativa europea de consumo puedes desistir de esta compra en los 14 días siguientes a la entrega, sin dar ningún motivo. Fecha límite: {d}.")
        }
        WithdrawButton => "Desistir del contrato",
        WithdrawConfirmHeading => "¿Desistir del contrato?",
        WithdrawConfirmBody(n) => {
            return format!("Declaras que desistes del contrato de compra del pedido {n}. Registramos la fecha y la hora y te mostramos una confirmación que podrás volver a consultar. Después, devuelve los artículos en un plazo de 14 días; la tienda te reembolsará el pago como exige la ley.")
        }
        ConfirmWithdrawal => "Confirmar el desistimiento",
        GoBack => "Volver",
        WithdrawnHeading => "Desistimiento confirmado",
        Reference(r) => return format!("Referencia: {r}"),
        RecordedOn(d) => return format!("Registrado el {d}"),
        Statement => "Tu declaración",
        WithdrawalKeep => "Guarda esta confirmación. Seguirá apareciendo en esta página para este pedido.",
        PastWithdrawals => "Tus declaraciones de desistimiento",
        WithdrawalRow(r, d) => return format!("Desistimiento {r}, {d}"),
        BackToOrder => "Volver a tu pedido",
        ReasonLabel => "Motivo",
        ChooseReason => "Elige un motivo",
        CommentLabel(Requirement::Required) => "Describe el problema (obligatorio)",
        CommentLabel(_) => "Comentario (opcional)",
        PhotosNext(Requirement::Required) => "En el siguiente paso añadirás al menos una foto.",
        PhotosNext(_) => "En el siguiente paso podrás añadir fotos.",
        Req(Requirement::Required) => "(obligatorio)",
        Req(Requirement::Optional) => "(opcional)",
        Req(Requirement::Disabled) => "",
        PhotosIntro(size, n) => {
            return format!("Fotos JPEG, PNG o WebP, de hasta {size} cada una y {n} por artículo.")
        }
        ChoosePhotos => "Elegir fotos",
        DropHere => "o arrástralas aquí",
        Uploading(name) => return format!("Subiendo {name}"),
        Uploaded => "Subida",
        PhotoAdded(name) => return format!("{name} añadida"),
        RemovePhoto(name) => return format!("Quitar {name}"),
        Remove => "Quitar",
        PhotoN(n) => return format!("Foto {n}"),
        PhotoRemoved(name) => return format!("{name} quitada"),
        FileRefused(p, name) => {
            return match p {
                FileProblem::Type => format!("{name} no es una foto JPEG, PNG o WebP."),
                FileProblem::TooBig(max) => format!("{name} ocupa más de {}.", size(max)),
                FileProblem::TooMany(n) => format!("{name} no se ha añadido: como máximo {n} fotos por artículo."),
                FileProblem::Unreadable => format!("{name} no se puede leer como foto o tiene demasiados píxeles."),
                FileProblem::Network => format!("{name} no se ha podido subir. Comprueba tu conexión e inténtalo de nuevo."),
                FileProblem::Expired => format!("{name} no se ha podido subir: tu sesión ha caducado. Recarga la página para continuar."),
                FileProblem::Failed => format!("{name} no se ha podido subir. Inténtalo de nuevo."),
            }
        }
        ResolutionLabel(r, bonus) => match (r, bonus) {
            (Resolution::Refund, _) => "Reembolso al método de pago original",
            (Resolution::StoreCredit, Some(p)) => return format!("Saldo en la tienda (+{p} % extra)"),
            (Resolution::StoreCredit, None) => "Saldo en la tienda",
            (Resolution::Exchange, _) => "Cambio por otra talla o color",
        },
        ExchangeFor => "Nueva talla o color",
        ChooseVariant => "Elige…",
        OutOfStock(l) => return format!("{l} (agotado)"),
        ReasonIs(r) => return format!("Motivo: {r}"),
        CommentIs(c) => return format!("Comentario: {c}"),
        Photos(1) => "1 foto",
        Photos(n) => return format!("{n} fotos"),
        Outcome(r, variant) => match r {
            Resolution::Refund => "Reembolso al método de pago original",
            Resolution::StoreCredit => "Saldo en la tienda",
            Resolution::Exchange => return format!("Cambio por {variant}"),
        },
        EstimateHeading => "Lo que recibirás",
        Calculating => "Calculando…",
        EstimateFailed => "Ahora mismo no podemos calcular los importes. Aun así puedes enviar tu devolución.",
        EstRefundItems => "Artículos a reembolsar",
        EstRestocking => "Gastos de reposición",
        EstShipping => "Envío de la devolución",
        EstRefundTotal => "Reembolso a tu método de pago",
        EstCredit => "Saldo por los artículos",
        EstBonus => "Saldo extra",
        EstCreditTotal => "Saldo total en la tienda",
        EstExchange => "Artículos cambiados (sin coste)",
        MethodLegend => "¿Cómo nos lo enviarás?",
        Method(ReturnMethod::DropOff) => "Llevarlo a un punto de entrega",
        Method(ReturnMethod::Pickup) => "Recogida a domicilio por mensajero",
        SubmitReturn => "Enviar devolución",
        Submitting => "Enviando…",
        SubmitOffline => {
            "No hemos podido enviar tu devolución. Comprueba tu conexión e inténtalo de nuevo: nunca se enviará dos veces."
        }
        SubmitConflict => {
            "Algunos de estos artículos se han devuelto mientras tanto. Hemos actualizado la lista: revisa tu elección."
        }
        SubmitMaybeSent => "Puede que esta devolución ya se haya enviado. Revisa las devoluciones de este pedido.",
        SubmitFailed => "Algo ha fallado al enviar tu devolución. Inténtalo de nuevo.",
        Problem(w) => match w {
            What::Nothing => "Elige al menos un artículo para devolver.",
            What::Quantity => "Elige una cantidad que aún puedas devolver.",
            What::Reason => "Elige un motivo.",
            What::Comment => "Describe el problema en pocas palabras.",
            What::CommentLong => "El comentario debe tener menos de 1000 caracteres.",
            What::Photos => "Añade al menos una foto.",
            What::TooManyPhotos => "Demasiadas fotos para este artículo: quita alguna.",
            What::Uploading => "Espera a que terminen de subirse las fotos.",
            What::Resolution => "Elige qué prefieres a cambio.",
            What::Exchange => "Elige una talla o un color disponible.",
            What::Method => "Elige cómo nos lo enviarás.",
        },
        ReturnHeading(rma) => return format!("Devolución {rma}"),
        ReturnStatus(s) => {
            use aftercare_shared::returns::ReturnStatus::*;
            match s {
                Requested => "Solicitada",
                Approved => "Aprobada",
                InTransit => "De vuelta en camino",
                Received => "Recibida",
                Refunded => "Reembolsada",
                Exchanged => "Cambio enviado",
                Rejected => "Rechazada",
                Cancelled => "Cancelada",
            }
        }
        StatusIs(s) => return format!("Estado: {s}"),
        ReturnCreated => "Hemos recibido tu solicitud de devolución.",
        QrAlt(rma) => return format!("Código QR de la devolución {rma}"),
        PrintLabel => "Imprimir etiqueta",
        ReturnHistory => "Historial de la devolución",
        StoreNote(n) => return format!("Nota de la tienda: {n}"),
        CancelReturn => "Cancelar devolución",
        CancelConfirm => "¿Cancelar esta devolución? Los artículos no se recogerán ni se reembolsarán.",
        CancelYes => "Sí, cancelar la devolución",
        CancelNo => "Mantener la devolución",
        CancelFailed => "No hemos podido cancelar la devolución. Inténtalo de nuevo.",
        StatusChanged(s) => return format!("Estado actualizado: {s}"),
        WithdrawFailed => "No hemos podido registrar tu desistimiento. Inténtalo de nuevo.",
        ItemsHeading => "Artículos",
        ReturnsUnreachable => {
            "No hemos podido conectar con el servicio de devoluciones. Comprueba tu conexión e inténtalo de nuevo."
        }
    };
    s.to_owned()
}

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

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn locales(locale: Locale) -> js_sys::Array {
    js_sys::Array::of1(&JsValue::from_str(locale.tag()))
}

fn call_format(format: js_sys::Function, arg: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, arg)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn date_of(ms: i64) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(ms as f64))
}

/// One `Intl.DateTimeFormat` per locale and option set, built once with its bound `format`:
/// constructing one costs far more than formatting with it, and a long timeline formats two
/// dates per checkpoint.
fn date_format(
    locale: Locale,
    opts: &[(&str, &str)],
) -> (js_sys::Intl::DateTimeFormat, js_sys::Function) {
    thread_local! {
        #[allow(clippy::type_complexity)]
        static CACHE: std::cell::RefCell<Vec<(String, js_sys::Intl::DateTimeFormat, js_sys::Function)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = opts
        .iter()
        .fold(String::from(locale.tag()), |mut k, (name, value)| {
            k.push('|');
            k.push_str(name);
            k.push('=');
            k.push_str(value);
            k
        });
    CACHE.with(|cache| {
        if let Some((_, f, g)) = cache.borrow().iter().find(|(k, ..)| *k == key) {
            return (f.clone(), g.clone());
        }
        let f = js_sys::Intl::DateTimeFormat::new(&locales(locale), &options(opts));
        let g = f.format();
        cache.borrow_mut().push((key, f.clone(), g.clone()));
        (f, g)
    })
}

/// `format` takes the epoch milliseconds as a number: no `Date` object per call.
fn format_ms(locale: Locale, ms: i64, opts: &[(&str, &str)]) -> String {
    call_format(date_format(locale, opts).1, &JsValue::from_f64(ms as f64))
}

const DATE: &[(&str, &str)] = &[("dateStyle", "medium")];
const DATE_TIME: &[(&str, &str)] = &[("dateStyle", "medium"), ("timeStyle", "short")];
const LOCAL_TIME: &[(&str, &str)] = &[("timeStyle", "short"), ("timeZone", "UTC")];

/// Build the date formats an order view uses ahead of time (e.g. while its request is in
/// flight): the first `Intl.DateTimeFormat` of a page loads locale data and costs tens of
/// milliseconds, which would otherwise land between the response and the first frame.
pub fn warm_dates(locale: Locale) {
    for opts in [DATE, DATE_TIME, LOCAL_TIME, DAY] {
        date_format(locale, opts);
    }
}

/// Date and time in the shopper's time zone: "Nov 20, 2026, 10:03 AM".
pub fn date_time(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, DATE_TIME)
}

/// A date in the shopper's time zone: "Nov 20, 2026".
pub fn date(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, DATE)
}

const DAY: &[(&str, &str)] = &[("weekday", "short"), ("month", "short"), ("day", "numeric")];

/// A day with its weekday ("Tue, Nov 24"): deadlines people plan around.
pub fn day(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, DAY)
}

/// "5 minutes ago" / "hace 5 minutos" (hours from 60 minutes on), from `Intl.RelativeTimeFormat`.
pub fn ago(locale: Locale, minutes: u32) -> String {
    let (n, unit) = if minutes < 60 {
        (minutes, "minute")
    } else {
        (minutes / 60, "hour")
    };
    js_sys::Intl::RelativeTimeFormat::new(&locales(locale), &options(&[("numeric", "auto")]))
        .format(-f64::from(n), unit)
        .into()
}

/// An expected-delivery window as the shortest range ("Sat, Nov 21 – Sun, Nov 22", or one day).
pub fn eta(locale: Locale, w: &EtaWindow) -> String {
    let (f, format) = date_format(locale, DAY);
    f.format_range(&date_of(w.earliest.utc_ms), &date_of(w.latest.utc_ms))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| call_format(format, &date_of(w.earliest.utc_ms)))
}

/// The checkpoint's own wall-clock time, when its offset differs from the shopper's at that instant.
pub fn local_time_note(locale: Locale, ts: &Timestamp) -> Option<String> {
    let offset = ts.offset_minutes?;
    let browser = -(date_of(ts.utc_ms).get_timezone_offset() as i64);
    if browser == i64::from(offset) {
        return None;
    }
    let time = format_ms(locale, ts.utc_ms + ts.local_shift_ms(), LOCAL_TIME);
    let (sign, a) = (if offset < 0 { '-' } else { '+' }, offset.unsigned_abs());
    let zone = match a % 60 {
        0 => format!("UTC{sign}{}", a / 60),
        m => format!("UTC{sign}{}:{m:02}", a / 60),
    };
    Some(t(locale, Msg::LocalTime(&time, &zone)))
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
    let sep = if locale == Locale::Es { ',' } else { '.' };
    match bps % 100 {
        0 => format!("{}", bps / 100),
        r if r % 10 == 0 => format!("{}{sep}{}", bps / 100, r / 10),
        r => format!("{}{sep}{r:02}", bps / 100),
    }
}

/// Money with `Intl.NumberFormat` from its exact decimal string (no float rounding).
pub fn money(locale: Locale, m: &Money) -> String {
    let f = js_sys::Intl::NumberFormat::new(
        &locales(locale),
        &options(&[("style", "currency"), ("currency", m.currency.as_str())]),
    );
    call_format(f.format(), &JsValue::from_str(&m.decimal_string()))
}

#[cfg(test)]
mod tests {
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
        use crate::returns::draft::What;
        use aftercare_shared::returns::ReturnStatus::*;
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
}
