//! Cancellation and address-change requests: the store's change policy, asking (shoppers),
//! deciding (merchants), and the requests as the order page, the admin queue and the account
//! overview read them.
//!
//! Every rule comes from `shared::changes` (`can_cancel`, `can_change_address`,
//! `ChangeOptions::decide`); this module gathers the facts it looks at and stores outcomes.
//! Asking, deciding and adding a parcel all begin by locking the order's row
//! ([`crate::repo::orders::lock_order`]), so a shipment arriving while a shopper asks is
//! serialised with the request: either the request sees the parcel and is refused, or the
//! parcel is stored afterwards and marks the pending request `shipped_meanwhile`.
//!
//! One file per concern: `policy` (the store's `ChangePolicy`), `read` (stored rows back as
//! `OrderRequest`s, the admin queue, the overview's items) and `write` (asking and deciding).

mod policy;
mod read;
mod write;

pub use policy::{policy, put_policy};
pub use read::{for_order, list, recent_for_customer, RecentRequest, DECIDED_RECENT_DAYS};
pub use write::{ask, decide, note_shipment, Ask};

use crate::error::Error;
use aftercare_shared::changes::{
    ChangeOptions, ChangePolicy, NotChangeable, OrderFacts, RequestKind, RequestStatus,
};
use aftercare_shared::order::{Order, OrderStatus};

/// The facts the shared rules look at, from an order as the read model assembles it (with its
/// requests): one derivation for the offer on the order page and the check when asking.
pub fn facts_of(order: &Order) -> OrderFacts {
    let pending = |kind: RequestKind| {
        order
            .requests
            .iter()
            .any(|r| r.kind == kind && r.status == RequestStatus::Pending)
    };
    let shipped_any = !order.shipments.is_empty();
    OrderFacts {
        placed_at_ms: order.placed_at.utc_ms,
        cancelled: order.status == OrderStatus::Cancelled,
        shipped_any,
        shipped_all: shipped_any && order.unshipped.is_empty(),
        cancellation_pending: pending(RequestKind::Cancellation),
        address_change_pending: pending(RequestKind::AddressChange),
    }
}

/// What the shopper may ask for on `order` at `now_ms` under `policy`, with the deadline in
/// the order's own offset (what `GET /v1/orders/{number}` answers in `changes`).
pub fn options_for(order: &Order, policy: &ChangePolicy, now_ms: i64) -> ChangeOptions {
    let offset = order.placed_at.offset_minutes.unwrap_or(0);
    ChangeOptions::decide(policy, &facts_of(order), now_ms, offset)
}

/// The `409 conflict` a rule's refusal is answered with, its message saying why.
pub fn refusal(kind: RequestKind, why: NotChangeable) -> Error {
    let what = match kind {
        RequestKind::Cancellation => "a cancellation",
        RequestKind::AddressChange => "a new delivery address",
    };
    let message = match (why, kind) {
        (NotChangeable::NotOffered, _) => format!("This store does not take requests for {what}."),
        (NotChangeable::Cancelled, _) => "The order is cancelled.".to_owned(),
        (NotChangeable::Shipped, RequestKind::Cancellation) => {
            "Part of the order has already been handed to the carrier, so it can no longer be \
             cancelled."
                .to_owned()
        }
        (NotChangeable::Shipped, RequestKind::AddressChange) => {
            "Everything in the order has already been handed to the carrier.".to_owned()
        }
        (NotChangeable::WindowClosed, _) => {
            format!("The time to ask for {what} on this order has passed.")
        }
        (NotChangeable::AlreadyRequested, _) => {
            format!("A request for {what} on this order is already waiting for the store.")
        }
    };
    Error::Conflict(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_why() {
        let msg = |k, w| match refusal(k, w) {
            Error::Conflict(m) => m,
            other => panic!("{other:?}"),
        };
        assert!(msg(RequestKind::Cancellation, NotChangeable::WindowClosed).contains("passed"));
        assert!(msg(RequestKind::Cancellation, NotChangeable::Shipped).contains("carrier"));
        assert!(
            msg(RequestKind::AddressChange, NotChangeable::AlreadyRequested)
                .contains("delivery address")
        );
        assert!(msg(RequestKind::AddressChange, NotChangeable::NotOffered).contains("does not"));
    }
}
