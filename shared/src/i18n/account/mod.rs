//! The account page's own texts (order changes, profile and address book, privacy, receipt):
//! a catalog of its own so the main one stays readable, reached through [`Msg::Account`] and
//! fetched with the same language chunks.
//!
//! [`Msg::Account`]: super::Msg::Account

#[cfg(test)]
pub(super) mod coverage;
mod en;
mod es;
mod pt_br;

pub(super) use en::en;
pub(super) use es::es;
pub(super) use pt_br::pt_br;

use crate::address::{Country, PostalKind, RegionKind};
use crate::changes::{CancelReason, NotChangeable, RequestKind, RequestStatus};

/// Every account-page message, with the data it interpolates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acc<'a> {
    /// What a request is and where it stands, as a headline ("Cancellation requested").
    RequestTitle(RequestKind, RequestStatus),
    /// When a request was made ("Asked on {date}").
    RequestAsked(&'a str),
    /// A parcel left after the shopper asked to cancel.
    ShippedMeanwhile,
    /// The store's note on its decision.
    StoreNote(&'a str),
    /// A cancellation reason's label.
    CancelReason(CancelReason),
    /// Why a change cannot be asked for now.
    NotChangeable(RequestKind, NotChangeable),
    /// A country's name.
    Country(Country),
    /// What a country calls its region.
    Region(RegionKind),
    /// What a country calls its postal code.
    Postal(PostalKind),
    /// A field label followed by "(optional)".
    Optional(&'a str),
    /// Tab: the profile and address book.
    ProfileTab,
    /// Tab: download or delete the customer's data.
    PrivacyTab,
    /// Heading of the profile.
    ProfileHeading,
    /// Profile: the name.
    ProfileName,
    /// Profile: the email.
    ProfileEmail,
    /// Profile: the phone.
    ProfilePhone,
    /// Profile: a detail the store has no value for.
    NotOnFile,
    /// Profile: where the details come from.
    ProfileManaged,
    /// Heading of the address book.
    AddressBook,
    /// An empty address book.
    NoAddresses,
    /// Opens the form for a new saved address.
    AddAddress,
    /// Heading of the form for a new address.
    NewAddressHeading,
    /// Heading of the form editing an address.
    EditAddressHeading,
    /// Visible "Edit".
    Edit,
    /// Visible "Remove".
    Remove,
    /// Visible "Make default".
    MakeDefault,
    /// The default address's badge.
    DefaultBadge,
    /// Asks before removing an address.
    RemoveConfirm,
    /// Keeps the address instead.
    KeepIt,
    /// An address was saved.
    AddressSaved,
    /// An address was removed.
    AddressRemoved,
    /// Another address is the default now.
    DefaultChanged,
    /// Saves the address form.
    SaveAddress,
    /// While saving.
    Saving,
    /// Closes a form without saving.
    CancelForm,
    /// Address field: full name.
    FieldName,
    /// Address field: street and number.
    FieldLine1,
    /// Address field: flat, floor.
    FieldLine2,
    /// Address field: city.
    FieldCity,
    /// Address field: country.
    FieldCountry,
    /// A postal code's example, under the field.
    PostalExample(&'a str),
    /// A field left empty.
    FieldRequired,
    /// A field that is too long.
    FieldTooLong,
    /// A postal code in the wrong shape: its name and an example.
    BadPostal(&'a str, &'a str),
    /// A region the country's post does not know: its name.
    BadRegion(&'a str),
    /// A country that cannot be used.
    BadCountry,
    /// Opens the cancellation form.
    CancelOrder,
    /// Until when a cancellation may be asked for.
    CancelUntil(&'a str),
    /// Heading of the cancellation form.
    CancelHeading,
    /// The reasons' legend.
    CancelWhy,
    /// The comment's label (its requirement added after).
    CancelComment,
    /// No reason chosen.
    ChooseReason,
    /// Closes the cancellation form.
    KeepOrder,
    /// The cancellation's confirmation question.
    CancelConfirm(&'a str),
    /// What happens after confirming.
    CancelConfirmHint,
    /// Sends the cancellation.
    SendCancel,
    /// Opens the address-change form.
    ChangeAddress,
    /// Heading of the address-change form.
    ChangeAddressHeading,
    /// What an address change covers.
    ChangeAddressHint,
    /// Legend of the saved addresses offered.
    UseSaved,
    /// The option to type a new address.
    NewAddressOption,
    /// The address change's confirmation question.
    AddressConfirm,
    /// Sends the address change.
    SendAddressChange,
    /// A request was sent.
    RequestSent,
    /// A request could not be sent.
    RequestFailed,
    /// The rules no longer allow the request (the order changed meanwhile).
    RequestRefused,
    /// Heading of the order's requests.
    YourRequests,
    /// A cancellation's reason in its card.
    ReasonIs(&'a str),
    /// Opens the printable receipt.
    ViewReceipt,
    /// The receipt's heading.
    ReceiptHeading,
    /// Under the receipt's heading: order and date.
    ReceiptOf(&'a str, &'a str),
    /// Prints the receipt.
    Print,
    /// Back from the receipt.
    BackToOrder,
    /// Receipt column: item.
    ColItem,
    /// Receipt column: quantity.
    ColQty,
    /// Receipt column: unit price.
    ColUnit,
    /// Receipt column: amount.
    ColAmount,
    /// Totals: refunded so far.
    Refunded,
    /// Totals: what remains paid after refunds.
    NetPaid,
    /// Visible "Buy again".
    BuyAgain,
    /// Heading of the privacy section.
    PrivacyHeading,
    /// What the privacy section offers.
    PrivacyIntro,
    /// Heading of the export.
    DownloadHeading,
    /// What the export holds.
    DownloadHint,
    /// Starts the export.
    Download,
    /// While the export is prepared.
    Preparing,
    /// The export was saved.
    Downloaded,
    /// Heading of the erasure.
    DeleteHeading,
    /// What the erasure does and keeps.
    DeleteHint,
    /// Opens the erasure's confirmation.
    DeleteStart,
    /// The confirmation field's label, with the word to type.
    DeleteConfirmLabel(&'a str),
    /// The confirmation was not the word.
    DeleteMismatch(&'a str),
    /// Erases for good.
    DeleteNow,
    /// While erasing.
    Deleting,
    /// After the erasure.
    Deleted,
    /// The export or the erasure failed.
    PrivacyFailed,
    /// A new address was refused: the book already holds the most it can.
    AddressBookFull,
}
