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
}
