//! When a shopper hears from the store by email about their order: one set of rules for the
//! server (which writes the message into its outbox in the transaction of the change) and for
//! the docs. Every rule here is about news: an order imported a month late, or a carrier
//! backfilling last week's scans, must not email anyone.

use crate::api::{ReturnActor, Topic};
use crate::order::Shipment;
use crate::returns::ReturnStatus;
use crate::tracking::TrackingStatus;
use serde::{Deserialize, Serialize};

pub mod calendar;

/// How old a change may be and still be news: older orders and checkpoints (imports,
/// backfills, a connector catching up) are stored without an email.
pub const FRESH_MS: i64 = 48 * 3_600_000;

/// The order confirmation is sent for a new order placed within [`FRESH_MS`] of now and not
/// already cancelled.
pub fn confirmation_due(placed_at_ms: i64, cancelled: bool, now_ms: i64) -> bool {
    !cancelled && is_fresh(placed_at_ms, now_ms)
}

/// `at_ms` is recent enough to tell a shopper about (a clock a little ahead counts as now).
pub fn is_fresh(at_ms: i64, now_ms: i64) -> bool {
    now_ms.saturating_sub(at_ms) <= FRESH_MS
}

/// Whether the shopper's choices may hold a message back. What an order or a return needs the
/// shopper to know (its confirmation, a return's steps, the withdrawal receipt) is sent
/// whatever they chose; everything else goes out under a [`Topic`] they can turn off, in the
/// account page or by the one-click link the message carries, and goes to nobody who did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// Transactional: always sent, no unsubscribe link.
    Always,
    /// Optional: sent only while the topic is on for the address.
    Topic(Topic),
}

impl ParcelNews {
    /// A parcel's news is a shipping update: the shopper can do without it (the order's page
    /// says the same) and may have turned it off.
    pub fn consent(self) -> Consent {
        Consent::Topic(Topic::ShippingUpdates)
    }
}

/// What a parcel's email is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParcelNews {
    /// Handed to the carrier (a new parcel of the order).
    Shipped,
    /// On the vehicle today.
    OutForDelivery,
    /// Waiting at a pickup point or locker.
    ReadyForPickup,
    /// Handed over.
    Delivered,
    /// Something went wrong: an exception, a failed attempt or a return to the sender.
    Problem,
    /// The promised delivery date has passed.
    Delayed,
    /// The carrier has said nothing for longer than the store allows.
    Stalled,
}

impl ParcelNews {
    /// Every kind, in the order a parcel may meet them.
    pub const ALL: [ParcelNews; 7] = [
        Self::Shipped,
        Self::OutForDelivery,
        Self::ReadyForPickup,
        Self::Delivered,
        Self::Problem,
        Self::Delayed,
        Self::Stalled,
    ];

    /// Its stable name (outbox keys, logs).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shipped => "shipped",
            Self::OutForDelivery => "out_for_delivery",
            Self::ReadyForPickup => "ready_for_pickup",
            Self::Delivered => "delivered",
            Self::Problem => "problem",
            Self::Delayed => "delayed",
            Self::Stalled => "stalled",
        }
    }

    /// Whether a shopper hears about this kind more than once for one parcel: a second
    /// attempt or a new exception is news again; being out for delivery twice is also worth
    /// saying (the first attempt failed). Delivered, ready, shipped, late and silent are said
    /// once.
    pub fn repeats(self) -> bool {
        matches!(self, Self::Problem | Self::OutForDelivery)
    }
}

/// The news in a parcel's status moving from `before` to `after` (a new parcel has no
/// `before`), if any is worth an email. Pending, info received and in transit are not: the
/// shipping notice already said it is on its way.
pub fn status_news(before: Option<TrackingStatus>, after: TrackingStatus) -> Option<ParcelNews> {
    if before == Some(after) {
        return None;
    }
    match after {
        TrackingStatus::OutForDelivery => Some(ParcelNews::OutForDelivery),
        TrackingStatus::AvailableForPickup => Some(ParcelNews::ReadyForPickup),
        TrackingStatus::Delivered => Some(ParcelNews::Delivered),
        TrackingStatus::Exception
        | TrackingStatus::AttemptedDelivery
        | TrackingStatus::ReturnedToSender => Some(ParcelNews::Problem),
        TrackingStatus::Pending
        | TrackingStatus::InfoReceived
        | TrackingStatus::InTransit
        | TrackingStatus::Expired => None,
    }
}

/// The time-based news a parcel holds at the moment it was assessed (its `delayed` and
/// `stalled` flags), checked by the server's periodic sweep: late first, since a late parcel
/// that is also silent is told once, as late.
pub fn time_news(s: &Shipment) -> Option<ParcelNews> {
    if s.status.is_final() {
        return None;
    }
    if s.delayed {
        Some(ParcelNews::Delayed)
    } else if s.stalled {
        Some(ParcelNews::Stalled)
    } else {
        None
    }
}

/// What a return's email is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "status")]
pub enum ReturnNews {
    /// The shopper asked for it: the instructions, label and QR code.
    Created,
    /// The store moved it along.
    Status(ReturnStatus),
}

/// The news in a return reaching `status` by `by`'s hand, if it is worth an email. The
/// shopper's own steps (asking is [`ReturnNews::Created`]; cancelling) are not told back to
/// them, nor is "on its way back", which the shopper just did themselves.
pub fn return_news(status: ReturnStatus, by: ReturnActor) -> Option<ReturnNews> {
    match (status, by) {
        (ReturnStatus::Requested, _) => Some(ReturnNews::Created),
        (_, ReturnActor::Shopper) | (ReturnStatus::InTransit, _) => None,
        (s, _) => Some(ReturnNews::Status(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TrackingStatus as S;

    #[test]
    fn the_store_s_decisions_are_news_the_shopper_s_own_steps_are_not() {
        use ReturnStatus as R;
        assert_eq!(
            return_news(R::Requested, ReturnActor::Shopper),
            Some(ReturnNews::Created)
        );
        assert_eq!(return_news(R::Cancelled, ReturnActor::Shopper), None);
        assert_eq!(return_news(R::InTransit, ReturnActor::Merchant), None);
        assert_eq!(
            return_news(R::Approved, ReturnActor::Merchant),
            Some(ReturnNews::Status(R::Approved))
        );
        assert_eq!(
            return_news(R::Cancelled, ReturnActor::Merchant),
            Some(ReturnNews::Status(R::Cancelled))
        );
        let json = serde_json::to_value(ReturnNews::Status(R::Refunded)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "status", "status": "refunded"})
        );
    }

    #[test]
    fn only_fresh_live_orders_are_confirmed() {
        let now = 1_000 * 3_600_000;
        assert!(confirmation_due(now - 3_600_000, false, now));
        assert!(confirmation_due(now + 60_000, false, now), "clock skew");
        assert!(!confirmation_due(now - FRESH_MS - 1, false, now), "import");
        assert!(!confirmation_due(now, true, now), "cancelled");
    }

    #[test]
    fn moving_along_is_not_news_but_arriving_and_trouble_are() {
        assert_eq!(status_news(None, S::InTransit), None);
        assert_eq!(status_news(Some(S::InfoReceived), S::InTransit), None);
        assert_eq!(
            status_news(Some(S::InTransit), S::OutForDelivery),
            Some(ParcelNews::OutForDelivery)
        );
        assert_eq!(status_news(Some(S::Delivered), S::Delivered), None);
        assert_eq!(
            status_news(Some(S::OutForDelivery), S::AttemptedDelivery),
            Some(ParcelNews::Problem)
        );
        assert_eq!(
            status_news(Some(S::InTransit), S::AvailableForPickup),
            Some(ParcelNews::ReadyForPickup)
        );
        assert_eq!(status_news(Some(S::InTransit), S::Expired), None);
        for news in ParcelNews::ALL {
            let json = serde_json::to_value(news).unwrap();
            assert_eq!(json, news.as_str());
        }
    }
}
