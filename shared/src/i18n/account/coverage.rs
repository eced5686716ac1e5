//! Every account message with every value of its enums, for the catalog's coverage test.

use super::*;
use crate::address::{PostalKind as P, RegionKind as R};
use crate::changes::NotChangeable as N;

/// Which variant a message is (a new variant breaks this `match` until it gets a number).
pub(in crate::i18n) fn variant(m: &Acc<'_>) -> usize {
    match m {
        Acc::RequestTitle(..) => 0,
        Acc::RequestAsked(..) => 1,
        Acc::ShippedMeanwhile => 2,
        Acc::StoreNote(..) => 3,
        Acc::CancelReason(..) => 4,
        Acc::NotChangeable(..) => 5,
        Acc::Country(..) => 6,
        Acc::Region(..) => 7,
        Acc::Postal(..) => 8,
    }
}

/// How many variants [`Acc`] has.
pub(in crate::i18n) const VARIANTS: usize = 9;

/// A sample of every message.
pub(in crate::i18n) fn samples() -> Vec<Acc<'static>> {
    let kinds = [RequestKind::Cancellation, RequestKind::AddressChange];
    let statuses = [
        RequestStatus::Pending,
        RequestStatus::Accepted,
        RequestStatus::Rejected,
    ];
    let nots = [
        N::NotOffered,
        N::Cancelled,
        N::Shipped,
        N::WindowClosed,
        N::AlreadyRequested,
    ];
    let mut v = Vec::new();
    for k in kinds {
        for s in statuses {
            v.push(Acc::RequestTitle(k, s));
        }
        for n in nots {
            v.push(Acc::NotChangeable(k, n));
        }
    }
    v.push(Acc::RequestAsked("X1"));
    v.push(Acc::ShippedMeanwhile);
    v.push(Acc::StoreNote("X1"));
    v.extend(CancelReason::ALL.map(Acc::CancelReason));
    v.extend(Country::ALL.map(Acc::Country));
    v.extend([R::State, R::Province, R::County, R::Region].map(Acc::Region));
    v.extend([P::PostalCode, P::Postcode, P::Zip, P::Cep].map(Acc::Postal));
    v
}
