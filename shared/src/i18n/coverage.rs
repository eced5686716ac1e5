//! Every message in every language: a sample of each variant with every value of its enums,
//! rendered in each [`Locale`]. The exhaustive `match` in each language file already makes a
//! missing message a compile error; this catches the runtime kind of gap: an empty text, a
//! placeholder left unfilled, or a text left in English.

use super::*;
use crate::error::FieldIssue;
use crate::returns::flow::{FileProblem, Step as RStep, What};
use crate::returns::{DefaultReason, NotReturnable, Requirement, Resolution, ReturnMethod};

const NEXT: [NextStep; 6] = [NextStep::Wait, NextStep::UpdateAddress, NextStep::ContactCarrier, NextStep::ContactStore, NextStep::CollectFromPickupPoint, NextStep::ArrangeRedelivery];
const RETURN_STATUSES: [RStatus; 8] = [RStatus::Requested, RStatus::Approved, RStatus::InTransit, RStatus::Received, RStatus::Refunded, RStatus::Exchanged, RStatus::Rejected, RStatus::Cancelled];
const ISSUES: [FieldIssue; 6] = [FieldIssue::Required, FieldIssue::TooLong, FieldIssue::InvalidFormat, FieldIssue::OutOfRange, FieldIssue::UnknownReference, FieldIssue::Duplicate];
const FIELDS: [Field; 2] = [Field::OrderNumber, Field::Email];
const ORDER_STATUSES: [OrderStatus; 7] = [OrderStatus::Processing, OrderStatus::PartiallyShipped, OrderStatus::Shipped, OrderStatus::OutForDelivery, OrderStatus::Delivered, OrderStatus::Exception, OrderStatus::Cancelled];
const FILE_PROBLEMS: [FileProblem; 7] = [FileProblem::Type, FileProblem::TooBig(10_485_760), FileProblem::TooMany(5), FileProblem::Unreadable, FileProblem::Network, FileProblem::Expired, FileProblem::Failed];
const REQUIREMENTS: [Requirement; 3] = [Requirement::Disabled, Requirement::Optional, Requirement::Required];
const METHODS: [ReturnMethod; 2] = [ReturnMethod::DropOff, ReturnMethod::Pickup];
const RESOLUTIONS: [Resolution; 3] = [Resolution::Refund, Resolution::StoreCredit, Resolution::Exchange];
const CATEGORIES: [Category; 3] = [Category::Detractor, Category::Passive, Category::Promoter];
const NOT_RETURNABLE: [NotReturnable; 4] = [NotReturnable::FinalSale, NotReturnable::AlreadyReturned, NotReturnable::NotDelivered, NotReturnable::WindowClosed];
const KINDS: [SurveyKind; 2] = [SurveyKind::Nps, SurveyKind::Csat];
const WHATS: [What; 11] = [What::Nothing, What::Quantity, What::Reason, What::Comment, What::CommentLong, What::Photos, What::TooManyPhotos, What::Uploading, What::Resolution, What::Exchange, What::Method];
const REASONS_OR_NONE: [Option<ExceptionReason>; 8] = [None, Some(ExceptionReason::ALL[0]), Some(ExceptionReason::ALL[1]), Some(ExceptionReason::ALL[2]), Some(ExceptionReason::ALL[3]), Some(ExceptionReason::ALL[4]), Some(ExceptionReason::ALL[5]), Some(ExceptionReason::ALL[6])];

fn first<T: Copy, const N: usize>(values: [T; N]) -> T {
    values[0]
}

/// Which variant a message is. Adding a variant breaks this `match` until it gets a number
/// here and a sample in [`samples`] (the test checks that every number is sampled).
fn variant(m: &Msg<'_>) -> usize {
    match m {
        Msg::Loading => 0,
        Msg::TrackHeading => 1,
        Msg::TrackIntro => 2,
        Msg::OrderNumberLabel => 3,
        Msg::EmailLabel => 4,
        Msg::TrackButton => 5,
        Msg::TrackBusy => 6,
        Msg::LookUpAnother => 7,
        Msg::YourOrders => 8,
        Msg::NoOrders => 9,
        Msg::LoadMore => 10,
        Msg::AllOrders => 11,
        Msg::OrderHeading(..) => 12,
        Msg::PlacedOn(..) => 13,
        Msg::OrderRow { .. } => 14,
        Msg::OrderStatus(..) => 15,
        Msg::Status(..) => 16,
        Msg::Step(..) => 17,
        Msg::ParcelOf(..) => 18,
        Msg::Carrier => 19,
        Msg::TrackingNumber => 20,
        Msg::OpensNewTab => 21,
        Msg::Eta => 22,
        Msg::Progress => 23,
        Msg::StepNow => 24,
        Msg::StepDone => 25,
        Msg::InThisParcel => 26,
        Msg::History => 27,
        Msg::NoEvents => 28,
        Msg::LocalTime(..) => 29,
        Msg::Quantity(..) => 30,
        Msg::NotShippedYet(..) => 31,
        Msg::Preparing => 32,
        Msg::PreparingBody => 33,
        Msg::FieldError(..) => 34,
        Msg::LookupNotFound => 35,
        Msg::RateLimited(..) => 36,
        Msg::SessionExpired => 37,
        Msg::SignInAgain => 38,
        Msg::OrderNotFound => 39,
        Msg::Unreachable => 40,
        Msg::Generic => 41,
        Msg::TryAgain => 42,
        Msg::WidgetUnavailable => 43,
        Msg::Reason(..) => 44,
        Msg::Banner(..) => 45,
        Msg::ReasonLine(..) => 46,
        Msg::Next(..) => 47,
        Msg::CustomsHint(..) => 48,
        Msg::CarrierLink(..) => 49,
        Msg::DelayTitle => 50,
        Msg::DelayBody => 51,
        Msg::Stalled(..) => 52,
        Msg::GetHelp => 53,
        Msg::HelpHeading => 54,
        Msg::ContactUs => 55,
        Msg::ContactEmail(..) => 56,
        Msg::ContactPhone(..) => 57,
        Msg::ContactChat => 58,
        Msg::Copy => 59,
        Msg::CopyLabel => 60,
        Msg::Copied => 61,
        Msg::CopyFailed => 62,
        Msg::ShowAll(..) => 63,
        Msg::ShowFewer => 64,
        Msg::EtaRevised(..) => 65,
        Msg::ShipsIn(..) => 66,
        Msg::PickupPoint => 67,
        Msg::OpeningHours => 68,
        Msg::CollectBy(..) => 69,
        Msg::UpdatedJustNow => 70,
        Msg::UpdatedAgo(..) => 71,
        Msg::RefreshFailed => 72,
        Msg::NpsRegion => 73,
        Msg::NotNow => 74,
        Msg::Close => 75,
        Msg::FollowUp(..) => 76,
        Msg::ContactMe => 77,
        Msg::ContactNote => 78,
        Msg::ReviewInvite => 79,
        Msg::WriteReview => 80,
        Msg::CharsLeft(..) => 81,
        Msg::Send => 82,
        Msg::Sending => 83,
        Msg::NpsThanks => 84,
        Msg::SavedOffline => 85,
        Msg::NpsSaveFailed => 86,
        Msg::ReturnsHeading => 87,
        Msg::FindOrder => 88,
        Msg::ChooseOrder => 89,
        Msg::StepOf(..) => 90,
        Msg::ReturnStep(..) => 91,
        Msg::Back => 92,
        Msg::Continue => 93,
        Msg::ReturnBy(..) => 94,
        Msg::QtyToReturn => 95,
        Msg::Blocked(..) => 96,
        Msg::NothingReturnable => 97,
        Msg::PastReturns => 98,
        Msg::ReturnRow { .. } => 99,
        Msg::Units(..) => 100,
        Msg::WithdrawalHeading => 101,
        Msg::WithdrawalExplain(..) => 102,
        Msg::WithdrawButton => 103,
        Msg::WithdrawConfirmHeading => 104,
        Msg::WithdrawConfirmBody(..) => 105,
        Msg::ConfirmWithdrawal => 106,
        Msg::GoBack => 107,
        Msg::WithdrawnHeading => 108,
        Msg::Reference(..) => 109,
        Msg::RecordedOn(..) => 110,
        Msg::Statement => 111,
        Msg::WithdrawalKeep => 112,
        Msg::PastWithdrawals => 113,
        Msg::WithdrawalRow(..) => 114,
        Msg::BackToOrder => 115,
        Msg::ReasonLabel => 116,
        Msg::ChooseReason => 117,
        Msg::CommentLabel(..) => 118,
        Msg::PhotosNext(..) => 119,
        Msg::Req(..) => 120,
        Msg::PhotosIntro(..) => 121,
        Msg::ChoosePhotos => 122,
        Msg::DropHere => 123,
        Msg::Uploading(..) => 124,
        Msg::Uploaded => 125,
        Msg::PhotoAdded(..) => 126,
        Msg::RemovePhoto(..) => 127,
        Msg::Remove => 128,
        Msg::PhotoN(..) => 129,
        Msg::PhotoRemoved(..) => 130,
        Msg::FileRefused(..) => 131,
        Msg::ResolutionLabel(..) => 132,
        Msg::ExchangeFor => 133,
        Msg::ChooseVariant => 134,
        Msg::OutOfStock(..) => 135,
        Msg::ReasonIs(..) => 136,
        Msg::CommentIs(..) => 137,
        Msg::Photos(..) => 138,
        Msg::Outcome(..) => 139,
        Msg::EstimateHeading => 140,
        Msg::Calculating => 141,
        Msg::EstimateFailed => 142,
        Msg::EstRefundItems => 143,
        Msg::EstRestocking => 144,
        Msg::EstShipping => 145,
        Msg::EstRefundTotal => 146,
        Msg::EstCredit => 147,
        Msg::EstBonus => 148,
        Msg::EstCreditTotal => 149,
        Msg::EstExchange => 150,
        Msg::MethodLegend => 151,
        Msg::Method(..) => 152,
        Msg::SubmitReturn => 153,
        Msg::Submitting => 154,
        Msg::SubmitOffline => 155,
        Msg::SubmitConflict => 156,
        Msg::SubmitMaybeSent => 157,
        Msg::SubmitFailed => 158,
        Msg::Problem(..) => 159,
        Msg::ReturnHeading(..) => 160,
        Msg::ReturnStatus(..) => 161,
        Msg::StatusIs(..) => 162,
        Msg::ReturnCreated => 163,
        Msg::QrAlt(..) => 164,
        Msg::PrintLabel => 165,
        Msg::ReturnHistory => 166,
        Msg::StoreNote(..) => 167,
        Msg::CancelReturn => 168,
        Msg::CancelConfirm => 169,
        Msg::CancelYes => 170,
        Msg::CancelNo => 171,
        Msg::CancelFailed => 172,
        Msg::StatusChanged(..) => 173,
        Msg::WithdrawFailed => 174,
        Msg::ItemsHeading => 175,
        Msg::ReturnsUnreachable => 176,
        Msg::ReturnInstructions { .. } => 177,
        Msg::WithdrawalStatement { .. } => 178,
        Msg::LabelTitle => 179,
        Msg::LabelSendTo => 180,
        Msg::LabelItems => 181,
        Msg::LabelMethodHeading => 182,
        Msg::LabelMethod(..) => 183,
        Msg::LabelOutcome(..) => 184,
        Msg::LabelPrintHint => 185,
        Msg::LabelCut => 186,
        Msg::SurveyQuestion(..) => 187,
        Msg::SurveyLow(..) => 188,
        Msg::SurveyHigh(..) => 189,
        Msg::DefaultReason(..) => 190,
        Msg::FilterLegend => 191,
        Msg::Filter(..) => 192,
        Msg::SearchOrders => 193,
        Msg::SearchHint => 194,
        Msg::Search => 195,
        Msg::ShowAllOrders => 196,
        Msg::ShowingOf(..) => 197,
        Msg::NoMatchingOrders => 198,
        Msg::ReturnsOnOrder(..) => 199,
        Msg::OrderSummary => 200,
        Msg::Subtotal => 201,
        Msg::ShippingCharge => 202,
        Msg::Tax => 203,
        Msg::Discount => 204,
        Msg::OrderTotal => 205,
        Msg::DeliveryAddress => 206,
        Msg::Payment => 207,
        Msg::CardEnding(..) => 208,
        Msg::ReturnItems => 209,
        Msg::LinePrice(..) => 210,
        Msg::AccountSections => 211,
        Msg::PreferencesHeading => 212,
        Msg::PreferencesIntro => 213,
        Msg::TopicName(..) => 214,
        Msg::TopicHint(..) => 215,
        Msg::ChangedOn(..) => 216,
        Msg::PreferenceSaved => 217,
        Msg::PreferenceFailed => 218,
        Msg::NeedsAttention => 219,
        Msg::WaitingAt(..) => 220,
        Msg::ReturnToSend(..) => 221,
        Msg::ReturnToSendHow(..) => 222,
        Msg::ViewOrder(..) => 223,
        Msg::Account(..) => 224,
        Msg::Reviews(..) => 225,
    }
}

const VARIANTS: usize = 226;

fn samples() -> Vec<Msg<'static>> {
    let mut v = Vec::new();
    v.push(Msg::Loading);
    v.push(Msg::TrackHeading);
    v.push(Msg::TrackIntro);
    v.push(Msg::OrderNumberLabel);
    v.push(Msg::EmailLabel);
    v.push(Msg::TrackButton);
    v.push(Msg::TrackBusy);
    v.push(Msg::LookUpAnother);
    v.push(Msg::YourOrders);
    v.push(Msg::NoOrders);
    v.push(Msg::LoadMore);
    v.push(Msg::AllOrders);
    for a0 in ["X1"] { v.push(Msg::OrderHeading(a0)); }
    for a0 in ["X1"] { v.push(Msg::PlacedOn(a0)); }
    for a in ["X1"] { v.push(Msg::OrderRow { number: a, date: first(["X1"]), status: first(["X1"]), total: first(["X1"]), }); }
    for a in ["X1"] { v.push(Msg::OrderRow { number: first(["X1"]), date: a, status: first(["X1"]), total: first(["X1"]), }); }
    for a in ["X1"] { v.push(Msg::OrderRow { number: first(["X1"]), date: first(["X1"]), status: a, total: first(["X1"]), }); }
    for a in ["X1"] { v.push(Msg::OrderRow { number: first(["X1"]), date: first(["X1"]), status: first(["X1"]), total: a, }); }
    for a0 in ORDER_STATUSES { v.push(Msg::OrderStatus(a0)); }
    for a0 in TrackingStatus::ALL { v.push(Msg::Status(a0)); }
    for a0 in ProgressStep::ALL { v.push(Msg::Step(a0)); }
    for a0 in [1usize, 3] { v.push(Msg::ParcelOf(a0, first([1usize, 3]))); }
    for a1 in [1usize, 3] { v.push(Msg::ParcelOf(first([1usize, 3]), a1)); }
    v.push(Msg::Carrier);
    v.push(Msg::TrackingNumber);
    v.push(Msg::OpensNewTab);
    v.push(Msg::Eta);
    v.push(Msg::Progress);
    v.push(Msg::StepNow);
    v.push(Msg::StepDone);
    v.push(Msg::InThisParcel);
    v.push(Msg::History);
    v.push(Msg::NoEvents);
    for a0 in ["X1"] { v.push(Msg::LocalTime(a0, first(["X1"]))); }
    for a1 in ["X1"] { v.push(Msg::LocalTime(first(["X1"]), a1)); }
    for a0 in [1u32, 3] { v.push(Msg::Quantity(a0)); }
    for a0 in [1u32, 3] { v.push(Msg::NotShippedYet(a0)); }
    v.push(Msg::Preparing);
    v.push(Msg::PreparingBody);
    for a0 in FIELDS { v.push(Msg::FieldError(a0, first(ISSUES))); }
    for a1 in ISSUES { v.push(Msg::FieldError(first(FIELDS), a1)); }
    v.push(Msg::LookupNotFound);
    for a0 in [None, Some(30u64)] { v.push(Msg::RateLimited(a0)); }
    v.push(Msg::SessionExpired);
    v.push(Msg::SignInAgain);
    v.push(Msg::OrderNotFound);
    v.push(Msg::Unreachable);
    v.push(Msg::Generic);
    v.push(Msg::TryAgain);
    v.push(Msg::WidgetUnavailable);
    for a0 in ExceptionReason::ALL { v.push(Msg::Reason(a0)); }
    for a0 in TrackingStatus::ALL { v.push(Msg::Banner(a0, first(REASONS_OR_NONE))); }
    for a1 in REASONS_OR_NONE { v.push(Msg::Banner(first(TrackingStatus::ALL), a1)); }
    for a0 in ExceptionReason::ALL { v.push(Msg::ReasonLine(a0)); }
    for a0 in NEXT { v.push(Msg::Next(a0, first(["X1"]))); }
    for a1 in ["X1"] { v.push(Msg::Next(first(NEXT), a1)); }
    for a0 in ["X1"] { v.push(Msg::CustomsHint(a0)); }
    for a0 in ["X1"] { v.push(Msg::CarrierLink(a0)); }
    v.push(Msg::DelayTitle);
    v.push(Msg::DelayBody);
    for a0 in [None, Some(1u32), Some(4)] { v.push(Msg::Stalled(a0)); }
    v.push(Msg::GetHelp);
    v.push(Msg::HelpHeading);
    v.push(Msg::ContactUs);
    for a0 in ["X1"] { v.push(Msg::ContactEmail(a0)); }
    for a0 in ["X1"] { v.push(Msg::ContactPhone(a0)); }
    v.push(Msg::ContactChat);
    v.push(Msg::Copy);
    v.push(Msg::CopyLabel);
    v.push(Msg::Copied);
    v.push(Msg::CopyFailed);
    for a0 in [1usize, 3] { v.push(Msg::ShowAll(a0)); }
    v.push(Msg::ShowFewer);
    for a0 in ["X1"] { v.push(Msg::EtaRevised(a0, first(["X1"]))); }
    for a1 in ["X1"] { v.push(Msg::EtaRevised(first(["X1"]), a1)); }
    for a0 in [1usize, 3] { v.push(Msg::ShipsIn(a0)); }
    v.push(Msg::PickupPoint);
    v.push(Msg::OpeningHours);
    for a0 in ["X1"] { v.push(Msg::CollectBy(a0)); }
    v.push(Msg::UpdatedJustNow);
    for a0 in ["X1"] { v.push(Msg::UpdatedAgo(a0)); }
    v.push(Msg::RefreshFailed);
    v.push(Msg::NpsRegion);
    v.push(Msg::NotNow);
    v.push(Msg::Close);
    for a0 in KINDS { v.push(Msg::FollowUp(a0, first(CATEGORIES))); }
    for a1 in CATEGORIES { v.push(Msg::FollowUp(first(KINDS), a1)); }
    v.push(Msg::ContactMe);
    v.push(Msg::ContactNote);
    v.push(Msg::ReviewInvite);
    v.push(Msg::WriteReview);
    for a0 in [1usize, 3] { v.push(Msg::CharsLeft(a0)); }
    v.push(Msg::Send);
    v.push(Msg::Sending);
    v.push(Msg::NpsThanks);
    v.push(Msg::SavedOffline);
    v.push(Msg::NpsSaveFailed);
    v.push(Msg::ReturnsHeading);
    v.push(Msg::FindOrder);
    v.push(Msg::ChooseOrder);
    for a0 in [1usize, 3] { v.push(Msg::StepOf(a0, first([1usize, 3]))); }
    for a1 in [1usize, 3] { v.push(Msg::StepOf(first([1usize, 3]), a1)); }
    for a0 in RStep::ALL { v.push(Msg::ReturnStep(a0)); }
    v.push(Msg::Back);
    v.push(Msg::Continue);
    for a0 in ["X1"] { v.push(Msg::ReturnBy(a0)); }
    v.push(Msg::QtyToReturn);
    for a0 in NOT_RETURNABLE { v.push(Msg::Blocked(a0, first([None, Some("X2")]))); }
    for a1 in [None, Some("X2")] { v.push(Msg::Blocked(first(NOT_RETURNABLE), a1)); }
    v.push(Msg::NothingReturnable);
    v.push(Msg::PastReturns);
    for a in ["X1"] { v.push(Msg::ReturnRow { rma: a, status: first(["X1"]), date: first(["X1"]), units: first([1u32, 3]), }); }
    for a in ["X1"] { v.push(Msg::ReturnRow { rma: first(["X1"]), status: a, date: first(["X1"]), units: first([1u32, 3]), }); }
    for a in ["X1"] { v.push(Msg::ReturnRow { rma: first(["X1"]), status: first(["X1"]), date: a, units: first([1u32, 3]), }); }
    for a in [1u32, 3] { v.push(Msg::ReturnRow { rma: first(["X1"]), status: first(["X1"]), date: first(["X1"]), units: a, }); }
    for a0 in [1u32, 3] { v.push(Msg::Units(a0)); }
    v.push(Msg::WithdrawalHeading);
    for a0 in ["X1"] { v.push(Msg::WithdrawalExplain(a0)); }
    v.push(Msg::WithdrawButton);
    v.push(Msg::WithdrawConfirmHeading);
    for a0 in ["X1"] { v.push(Msg::WithdrawConfirmBody(a0)); }
    v.push(Msg::ConfirmWithdrawal);
    v.push(Msg::GoBack);
    v.push(Msg::WithdrawnHeading);
    for a0 in ["X1"] { v.push(Msg::Reference(a0)); }
    for a0 in ["X1"] { v.push(Msg::RecordedOn(a0)); }
    v.push(Msg::Statement);
    v.push(Msg::WithdrawalKeep);
    v.push(Msg::PastWithdrawals);
    for a0 in ["X1"] { v.push(Msg::WithdrawalRow(a0, first(["X1"]))); }
    for a1 in ["X1"] { v.push(Msg::WithdrawalRow(first(["X1"]), a1)); }
    v.push(Msg::BackToOrder);
    v.push(Msg::ReasonLabel);
    v.push(Msg::ChooseReason);
    for a0 in REQUIREMENTS { v.push(Msg::CommentLabel(a0)); }
    for a0 in REQUIREMENTS { v.push(Msg::PhotosNext(a0)); }
    for a0 in REQUIREMENTS { v.push(Msg::Req(a0)); }
    for a0 in ["X1"] { v.push(Msg::PhotosIntro(a0, first([1u32, 3]))); }
    for a1 in [1u32, 3] { v.push(Msg::PhotosIntro(first(["X1"]), a1)); }
    v.push(Msg::ChoosePhotos);
    v.push(Msg::DropHere);
    for a0 in ["X1"] { v.push(Msg::Uploading(a0)); }
    v.push(Msg::Uploaded);
    for a0 in ["X1"] { v.push(Msg::PhotoAdded(a0)); }
    for a0 in ["X1"] { v.push(Msg::RemovePhoto(a0)); }
    v.push(Msg::Remove);
    for a0 in [1usize, 3] { v.push(Msg::PhotoN(a0)); }
    for a0 in ["X1"] { v.push(Msg::PhotoRemoved(a0)); }
    for a0 in FILE_PROBLEMS { v.push(Msg::FileRefused(a0, first(["X1"]))); }
    for a1 in ["X1"] { v.push(Msg::FileRefused(first(FILE_PROBLEMS), a1)); }
    for a0 in RESOLUTIONS { v.push(Msg::ResolutionLabel(a0, first([None, Some("X2")]))); }
    for a1 in [None, Some("X2")] { v.push(Msg::ResolutionLabel(first(RESOLUTIONS), a1)); }
    v.push(Msg::ExchangeFor);
    v.push(Msg::ChooseVariant);
    for a0 in ["X1"] { v.push(Msg::OutOfStock(a0)); }
    for a0 in ["X1"] { v.push(Msg::ReasonIs(a0)); }
    for a0 in ["X1"] { v.push(Msg::CommentIs(a0)); }
    for a0 in [1usize, 3] { v.push(Msg::Photos(a0)); }
    for a0 in RESOLUTIONS { v.push(Msg::Outcome(a0, first(["X1"]))); }
    for a1 in ["X1"] { v.push(Msg::Outcome(first(RESOLUTIONS), a1)); }
    v.push(Msg::EstimateHeading);
    v.push(Msg::Calculating);
    v.push(Msg::EstimateFailed);
    v.push(Msg::EstRefundItems);
    v.push(Msg::EstRestocking);
    v.push(Msg::EstShipping);
    v.push(Msg::EstRefundTotal);
    v.push(Msg::EstCredit);
    v.push(Msg::EstBonus);
    v.push(Msg::EstCreditTotal);
    v.push(Msg::EstExchange);
    v.push(Msg::MethodLegend);
    for a0 in METHODS { v.push(Msg::Method(a0)); }
    v.push(Msg::SubmitReturn);
    v.push(Msg::Submitting);
    v.push(Msg::SubmitOffline);
    v.push(Msg::SubmitConflict);
    v.push(Msg::SubmitMaybeSent);
    v.push(Msg::SubmitFailed);
    for a0 in WHATS { v.push(Msg::Problem(a0)); }
    for a0 in ["X1"] { v.push(Msg::ReturnHeading(a0)); }
    for a0 in RETURN_STATUSES { v.push(Msg::ReturnStatus(a0)); }
    for a0 in ["X1"] { v.push(Msg::StatusIs(a0)); }
    v.push(Msg::ReturnCreated);
    for a0 in ["X1"] { v.push(Msg::QrAlt(a0)); }
    v.push(Msg::PrintLabel);
    v.push(Msg::ReturnHistory);
    for a0 in ["X1"] { v.push(Msg::StoreNote(a0)); }
    v.push(Msg::CancelReturn);
    v.push(Msg::CancelConfirm);
    v.push(Msg::CancelYes);
    v.push(Msg::CancelNo);
    v.push(Msg::CancelFailed);
    for a0 in ["X1"] { v.push(Msg::StatusChanged(a0)); }
    v.push(Msg::WithdrawFailed);
    v.push(Msg::ItemsHeading);
    v.push(Msg::ReturnsUnreachable);
    for a in RETURN_STATUSES { v.push(Msg::ReturnInstructions { status: a, method: first(METHODS), rma: first(["X1"]), address: first([None, Some("X2")]), }); }
    for a in METHODS { v.push(Msg::ReturnInstructions { status: first(RETURN_STATUSES), method: a, rma: first(["X1"]), address: first([None, Some("X2")]), }); }
    for a in ["X1"] { v.push(Msg::ReturnInstructions { status: first(RETURN_STATUSES), method: first(METHODS), rma: a, address: first([None, Some("X2")]), }); }
    for a in [None, Some("X2")] { v.push(Msg::ReturnInstructions { status: first(RETURN_STATUSES), method: first(METHODS), rma: first(["X1"]), address: a, }); }
    for a in ["X1"] { v.push(Msg::WithdrawalStatement { number: a, date: first(["X1"]), store: first(["X1"]), }); }
    for a in ["X1"] { v.push(Msg::WithdrawalStatement { number: first(["X1"]), date: a, store: first(["X1"]), }); }
    for a in ["X1"] { v.push(Msg::WithdrawalStatement { number: first(["X1"]), date: first(["X1"]), store: a, }); }
    v.push(Msg::LabelTitle);
    v.push(Msg::LabelSendTo);
    v.push(Msg::LabelItems);
    v.push(Msg::LabelMethodHeading);
    for a0 in METHODS { v.push(Msg::LabelMethod(a0)); }
    for a0 in RESOLUTIONS { v.push(Msg::LabelOutcome(a0)); }
    v.push(Msg::LabelPrintHint);
    v.push(Msg::LabelCut);
    for a0 in KINDS { v.push(Msg::SurveyQuestion(a0)); }
    for a0 in KINDS { v.push(Msg::SurveyLow(a0)); }
    for a0 in KINDS { v.push(Msg::SurveyHigh(a0)); }
    for a0 in DefaultReason::ALL { v.push(Msg::DefaultReason(a0)); }
    v.push(Msg::FilterLegend);
    for a0 in OrderFilter::ALL { v.push(Msg::Filter(a0)); }
    v.push(Msg::SearchOrders);
    v.push(Msg::SearchHint);
    v.push(Msg::Search);
    v.push(Msg::ShowAllOrders);
    for (a0, a1) in [(10, 37), (1, 1)] { v.push(Msg::ShowingOf(a0, a1)); }
    v.push(Msg::NoMatchingOrders);
    for a0 in [1, 3] { v.push(Msg::ReturnsOnOrder(a0)); }
    v.push(Msg::OrderSummary);
    v.push(Msg::Subtotal);
    v.push(Msg::ShippingCharge);
    v.push(Msg::Tax);
    v.push(Msg::Discount);
    v.push(Msg::OrderTotal);
    v.push(Msg::DeliveryAddress);
    v.push(Msg::Payment);
    v.push(Msg::CardEnding("X1", "X2"));
    v.push(Msg::ReturnItems);
    for a0 in [1, 2] { v.push(Msg::LinePrice("X1", a0)); }
    v.push(Msg::AccountSections);
    v.push(Msg::PreferencesHeading);
    v.push(Msg::PreferencesIntro);
    for a0 in Topic::ALL { v.push(Msg::TopicName(a0)); }
    for a0 in Topic::ALL { v.push(Msg::TopicHint(a0)); }
    v.push(Msg::ChangedOn("X1"));
    v.push(Msg::PreferenceSaved);
    v.push(Msg::PreferenceFailed);
    v.push(Msg::NeedsAttention);
    v.push(Msg::WaitingAt("X1"));
    v.push(Msg::ReturnToSend("X1"));
    for a0 in METHODS { v.push(Msg::ReturnToSendHow(a0)); }
    v.push(Msg::ViewOrder("X1"));
    let account = account::coverage::samples();
    let mut seen = [false; account::coverage::VARIANTS];
    for a in &account {
        seen[account::coverage::variant(a)] = true;
    }
    assert!(seen.iter().all(|s| *s), "account variants without a sample: {seen:?}");
    v.extend(account.into_iter().map(Msg::Account));
    let reviews = reviews::coverage::samples();
    let mut seen = [false; reviews::coverage::VARIANTS];
    for r in &reviews {
        seen[reviews::coverage::variant(r)] = true;
    }
    assert!(seen.iter().all(|s| *s), "review variants without a sample: {seen:?}");
    v.extend(reviews.into_iter().map(Msg::Reviews));
    v
}

/// Texts that are the same word in English and the other language, by design.
const SAME_AS_ENGLISH: &[&str] = &[
    "1 item",                  // Portuguese "item" (plural "itens")
    "X1 · X1 · X1 · 1 item",   // a past return's row: all data, one unit
    "Status: X1",              // "Status" is Portuguese too
    "Subtotal",                // the same word in Spanish and Portuguese
    "Total",                   // likewise
    "X1",                      // a line of one unit: just its price
    "2 × X1",                  // two units: a number and a price
    "Portugal",                // the country's name in Spanish and Portuguese too
    "CEP",                     // Brazil's postal code is called CEP in Portuguese too
    "No",                      // "no" is the Spanish word as well
];

/// Messages that are empty on purpose in some language.
fn may_be_empty(m: &Msg<'_>) -> bool {
    matches!(m, Msg::Req(Requirement::Disabled))
}

#[test]
fn every_message_exists_in_every_language() {
    let samples = samples();
    let mut seen = [false; VARIANTS];
    for m in &samples {
        seen[variant(m)] = true;
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
    let mut untranslated = Vec::new();
    for m in &samples {
        let en = t(Locale::En, *m);
        for locale in Locale::ALL {
            let text = t(locale, *m);
            assert!(
                !text.trim().is_empty() || may_be_empty(m),
                "{m:?} is empty in {locale:?}"
            );
            let unfilled = text.replace("{store}", "");
            assert!(
                !unfilled.contains('{') && !unfilled.contains('}'),
                "{m:?} in {locale:?} has an unfilled placeholder: {text}"
            );
            if locale != Locale::En && text == en && !may_be_empty(m) && !SAME_AS_ENGLISH.contains(&en.as_str()) {
                untranslated.push(format!("{locale:?} {m:?}: {text}"));
            }
        }
    }
    assert!(
        untranslated.is_empty(),
        "left in English:\n{}",
        untranslated.join("\n")
    );
}
