//! The account page's texts in English.

use super::*;

/// Every account message in English.
pub(in crate::i18n) fn en(msg: Acc<'_>) -> String {
    use Acc::*;
    let s = match msg {
        RequestTitle(kind, status) => match (kind, status) {
            (RequestKind::Cancellation, RequestStatus::Pending) => "Cancellation requested",
            (RequestKind::Cancellation, RequestStatus::Accepted) => "Cancellation accepted",
            (RequestKind::Cancellation, RequestStatus::Rejected) => "Cancellation declined",
            (RequestKind::AddressChange, RequestStatus::Pending) => "Address change requested",
            (RequestKind::AddressChange, RequestStatus::Accepted) => "Delivery address changed",
            (RequestKind::AddressChange, RequestStatus::Rejected) => "Address change declined",
        },
        RequestAsked(d) => return format!("Asked {d}. The store will reply here."),
        ShippedMeanwhile => "A parcel left the warehouse before the store could answer. The store will try to stop it, or tell you how to send it back.",
        StoreNote(n) => return format!("The store says: {n}"),
        CancelReason(r) => match r {
            crate::changes::CancelReason::ChangedMind => "I changed my mind",
            crate::changes::CancelReason::OrderedByMistake => "I ordered the wrong item, size or quantity",
            crate::changes::CancelReason::FoundBetterPrice => "I found a better price",
            crate::changes::CancelReason::DeliveryTooSlow => "It would arrive too late",
            crate::changes::CancelReason::NeedToChangeOrder => "I need to change my order",
            crate::changes::CancelReason::Other => "Another reason",
        },
        NotChangeable(kind, why) => match (kind, why) {
            (_, crate::changes::NotChangeable::NotOffered) => "The store doesn't take this request online. Contact the store.",
            (_, crate::changes::NotChangeable::Cancelled) => "This order is cancelled.",
            (RequestKind::Cancellation, crate::changes::NotChangeable::Shipped) => "Part of this order has shipped, so it can no longer be cancelled. You can return it once it arrives.",
            (RequestKind::AddressChange, crate::changes::NotChangeable::Shipped) => "Everything has shipped, so the address can no longer be changed.",
            (_, crate::changes::NotChangeable::WindowClosed) => "The time to cancel this order online has passed.",
            (_, crate::changes::NotChangeable::AlreadyRequested) => "You have already asked; the store will reply here.",
        },
        Country(c) => country(c),
        Region(r) => match r {
            RegionKind::State => "State",
            RegionKind::Province => "Province",
            RegionKind::County => "County",
            RegionKind::Region => "Region",
        },
        Postal(p) => match p {
            PostalKind::PostalCode => "Postal code",
            PostalKind::Postcode => "Postcode",
            PostalKind::Zip => "ZIP code",
            PostalKind::Cep => "CEP",
        },
    };
    s.to_owned()
}

fn country(c: Country) -> &'static str {
    match c {
        Country::ES => "Spain",
        Country::PT => "Portugal",
        Country::FR => "France",
        Country::DE => "Germany",
        Country::IT => "Italy",
        Country::GB => "United Kingdom",
        Country::US => "United States",
        Country::MX => "Mexico",
        Country::BR => "Brazil",
    }
}
