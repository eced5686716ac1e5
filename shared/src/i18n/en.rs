//! English: every [`Msg`] in one exhaustive `match` (a missing message is a compile error).

use super::*;

/// Every message in English: its own function so a browser bundle can fetch one language
/// without the others.
pub fn en(msg: Msg<'_>) -> String {
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
            use crate::order::OrderStatus::*;
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
            use crate::returns::ReturnStatus::*;
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
        FilterLegend => "Show",
        Filter(f) => match f {
            OrderFilter::All => "All",
            OrderFilter::Open => "Open",
            OrderFilter::Delivered => "Delivered",
            OrderFilter::Returns => "With returns",
            OrderFilter::Cancelled => "Cancelled",
        },
        SearchOrders => "Search your orders",
        SearchHint => "Order number or product name",
        Search => "Search",
        ShowAllOrders => "Show all orders",
        ShowingOf(n, total) => return format!("Showing {n} of {total} orders"),
        NoMatchingOrders => "No orders match. Try another filter or search.",
        ReturnsOnOrder(1) => "1 return",
        ReturnsOnOrder(n) => return format!("{n} returns"),
        OrderSummary => "Order summary",
        Subtotal => "Subtotal",
        ShippingCharge => "Shipping",
        Tax => "Tax",
        Discount => "Discount",
        OrderTotal => "Total",
        DeliveryAddress => "Delivery address",
        Payment => "Payment",
        CardEnding(brand, last4) => return format!("{brand} ending in {last4}"),
        ReturnItems => "Return items",
        LinePrice(price, 1) => return price.to_owned(),
        LinePrice(price, n) => return format!("{n} × {price}"),
        AccountSections => "Your account",
        PreferencesHeading => "Communication preferences",
        PreferencesIntro => "Choose what the store may email you about, and whether it may count your opens and clicks. Each change is saved at once.",
        TopicName(t) => match t {
            Topic::ShippingUpdates => "Shipping updates",
            Topic::ReviewRequests => "Review requests",
            Topic::Surveys => "Surveys",
            Topic::Offers => "Offers and news",
            Topic::EmailTracking => "Counting email opens and clicks",
        },
        TopicHint(t) => match t {
            Topic::ShippingUpdates => "Where your order is, and what to do if a parcel has a problem.",
            Topic::ReviewRequests => "An invitation to review what you bought, once it has arrived.",
            Topic::Surveys => "Now and then, a short question about how it went.",
            Topic::Offers => "Promotions, new products and news from the store.",
            Topic::EmailTracking => "Lets the store count which of its emails you open and which links you follow, to send fewer and better ones. Turned off, nothing is counted.",
        },
        ChangedOn(d) => return format!("Changed {d}"),
        PreferenceSaved => "Saved.",
        PreferenceFailed => "We couldn't save this change. Please try again.",
        NeedsAttention => "Needs your attention",
        WaitingAt(p) => return format!("Your parcel is waiting at {p}"),
        ReturnToSend(rma) => return format!("Return {rma} is waiting to be sent"),
        ReturnToSendHow(ReturnMethod::DropOff) => "Pack the items with the return number and hand the parcel in at a carrier drop-off point.",
        ReturnToSendHow(ReturnMethod::Pickup) => "Pack the items with the return number: a courier will collect the parcel at your address.",
        ViewOrder(n) => return format!("View order {n}"),
        ReturnInstructions {
            status,
            method,
            rma,
            address,
        } => {
            use crate::returns::ReturnStatus::*;
            return match status {
                Requested | Approved => {
                    let send = match method {
                        ReturnMethod::DropOff => format!("Pack the items with a note saying {rma}, print the label (or show the QR code at the drop-off point) and hand the parcel in at any carrier drop-off point."),
                        ReturnMethod::Pickup => format!("Pack the items with a note saying {rma} and stick the printed label on the parcel: a courier will collect it at your address on the next working day."),
                    };
                    match address {
                        Some(a) => format!("{send} Return address: {a}."),
                        None => send,
                    }
                }
                InTransit => "Your parcel is on its way back to us. We will check it as soon as it arrives.".into(),
                Received => "We have your parcel and are checking the items.".into(),
                Refunded => "Your refund has been issued. It can take 3–5 working days to show on your statement.".into(),
                Exchanged => "Your replacement is on its way.".into(),
                Rejected => "This return was not accepted. See the store's note below.".into(),
                Cancelled => "This return was cancelled. Nothing needs to be sent.".into(),
            };
        }
        WithdrawalStatement {
            number,
            date,
            store,
        } => {
            return format!("I hereby give notice that I withdraw from my contract of sale for order {number} (placed on {date}) with {store}.")
        }
        LabelTitle => "Return label",
        LabelSendTo => "Send to",
        LabelItems => "Items in this parcel",
        LabelMethodHeading => "How it goes back",
        LabelMethod(ReturnMethod::DropOff) => "Drop-off at a carrier point",
        LabelMethod(ReturnMethod::Pickup) => "Courier pickup",
        LabelOutcome(Resolution::Refund) => "refund",
        LabelOutcome(Resolution::StoreCredit) => "store credit",
        LabelOutcome(Resolution::Exchange) => "exchange for",
        LabelPrintHint => "Print this page (Ctrl+P or ⌘P), cut along the dashed line and stick the label on the parcel.",
        LabelCut => "cut here",
        SurveyQuestion(SurveyKind::Nps) => "How likely are you to recommend {store} to a friend?",
        SurveyQuestion(SurveyKind::Csat) => "How satisfied are you with your delivery?",
        SurveyLow(SurveyKind::Nps) => "Not at all likely",
        SurveyLow(SurveyKind::Csat) => "Very dissatisfied",
        SurveyHigh(SurveyKind::Nps) => "Extremely likely",
        SurveyHigh(SurveyKind::Csat) => "Very satisfied",
        Account(a) => return account::en(a),
        Reviews(r) => return reviews::en(r),
        DefaultReason(r) => match r {
            crate::returns::DefaultReason::TooSmall => "Too small",
            crate::returns::DefaultReason::TooLarge => "Too large",
            crate::returns::DefaultReason::ChangedMind => "Changed my mind",
            crate::returns::DefaultReason::NotAsDescribed => "Not as described",
            crate::returns::DefaultReason::Damaged => "Arrived damaged",
            crate::returns::DefaultReason::WrongItem => "Wrong item sent",
        },
    };
    s.to_owned()
}
