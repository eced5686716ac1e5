//! Normalised carrier tracking: the statuses every carrier's codes map onto, and the one
//! place that decides a parcel's current status and progress step from its events.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A parcel's normalised tracking status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrackingStatus {
    /// Label created or order packed; the carrier has nothing yet.
    Pending,
    /// The carrier received the shipment's data but not the parcel.
    InfoReceived,
    /// Moving through the carrier's network.
    InTransit,
    /// On the vehicle for delivery today.
    OutForDelivery,
    /// The courier tried and failed to deliver.
    AttemptedDelivery,
    /// Waiting at a pickup point or locker.
    AvailableForPickup,
    /// Handed over.
    Delivered,
    /// Something went wrong (address, customs, damage, loss, delay, refusal).
    Exception,
    /// On its way back to the merchant.
    ReturnedToSender,
    /// No update for a long time; the carrier stopped reporting.
    Expired,
}

impl TrackingStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [TrackingStatus; 10] = [
        Self::Pending,
        Self::InfoReceived,
        Self::InTransit,
        Self::OutForDelivery,
        Self::AttemptedDelivery,
        Self::AvailableForPickup,
        Self::Delivered,
        Self::Exception,
        Self::ReturnedToSender,
        Self::Expired,
    ];

    /// The wire name (snake_case).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::InfoReceived => "info_received",
            Self::InTransit => "in_transit",
            Self::OutForDelivery => "out_for_delivery",
            Self::AttemptedDelivery => "attempted_delivery",
            Self::AvailableForPickup => "available_for_pickup",
            Self::Delivered => "delivered",
            Self::Exception => "exception",
            Self::ReturnedToSender => "returned_to_sender",
            Self::Expired => "expired",
        }
    }

    /// Parse the wire name; `None` for anything else.
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether no further movement is expected.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Delivered | Self::ReturnedToSender | Self::Expired
        )
    }

    /// Whether the shopper should be told something needs attention.
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            Self::Exception | Self::AttemptedDelivery | Self::ReturnedToSender | Self::Expired
        )
    }

    /// Where this status sits on the shopper's progress stepper.
    pub fn step(self) -> ProgressStep {
        match self {
            Self::Pending | Self::InfoReceived => ProgressStep::Ordered,
            Self::InTransit | Self::Exception | Self::ReturnedToSender | Self::Expired => {
                ProgressStep::InTransit
            }
            Self::OutForDelivery | Self::AttemptedDelivery | Self::AvailableForPickup => {
                ProgressStep::OutForDelivery
            }
            Self::Delivered => ProgressStep::Delivered,
        }
    }
}

/// The five steps of the progress stepper: ordered → shipped → in transit → out for delivery → delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgressStep {
    /// Order placed; nothing handed to a carrier yet.
    Ordered,
    /// Handed to the carrier (first carrier scan).
    Shipped,
    /// Moving through the network.
    InTransit,
    /// On the last mile (or at a pickup point).
    OutForDelivery,
    /// Delivered.
    Delivered,
}

impl ProgressStep {
    /// The steps in order.
    pub const ALL: [ProgressStep; 5] = [
        Self::Ordered,
        Self::Shipped,
        Self::InTransit,
        Self::OutForDelivery,
        Self::Delivered,
    ];
}

/// Where a checkpoint happened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    /// City or facility name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

impl Location {
    /// "City, Region, CC" with empty parts left out; `None` when nothing is known.
    pub fn display(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.city, &self.region, &self.country]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// One carrier checkpoint as shoppers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEvent {
    /// Normalised status.
    pub status: TrackingStatus,
    /// The carrier's own message.
    pub description: String,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// When it happened, with the place's offset when the carrier gave one.
    pub occurred_at: Timestamp,
}

/// Expected delivery as a window (a single day has `earliest == latest` on the same day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EtaWindow {
    /// Earliest expected delivery.
    pub earliest: Timestamp,
    /// Latest expected delivery.
    pub latest: Timestamp,
}

/// The current status of a parcel from its checkpoints: the latest event by time wins, ties
/// broken by lifecycle order so a same-minute "delivered" beats "out for delivery".
/// No events means [`TrackingStatus::Pending`].
pub fn current_status(events: &[TrackingEvent]) -> TrackingStatus {
    events
        .iter()
        .max_by_key(|e| (e.occurred_at.utc_ms, e.status))
        .map(|e| e.status)
        .unwrap_or(TrackingStatus::Pending)
}

/// The stepper position: a parcel with any carrier scan past `info_received` has at least shipped.
pub fn progress_step(events: &[TrackingEvent]) -> ProgressStep {
    let status = current_status(events);
    let scanned = events.iter().any(|e| {
        !matches!(
            e.status,
            TrackingStatus::Pending | TrackingStatus::InfoReceived
        )
    });
    match status.step() {
        ProgressStep::Ordered if scanned => ProgressStep::Shipped,
        step => step,
    }
}

/// Events sorted newest first, the order shoppers read a timeline in (stable for ties).
pub fn newest_first(events: &mut [TrackingEvent]) {
    events.sort_by(|a, b| (b.occurred_at.utc_ms, b.status).cmp(&(a.occurred_at.utc_ms, a.status)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ev(status: TrackingStatus, ms: i64) -> TrackingEvent {
        TrackingEvent {
            status,
            description: String::new(),
            location: None,
            occurred_at: Timestamp::from_utc_ms(ms, 0),
        }
    }

    #[test]
    fn latest_event_wins_regardless_of_arrival_order() {
        let events = vec![
            ev(TrackingStatus::Delivered, 300),
            ev(TrackingStatus::InTransit, 100),
            ev(TrackingStatus::OutForDelivery, 200),
        ];
        assert_eq!(current_status(&events), TrackingStatus::Delivered);
        assert_eq!(progress_step(&events), ProgressStep::Delivered);
        assert_eq!(current_status(&[]), TrackingStatus::Pending);
        assert_eq!(
            progress_step(&[ev(TrackingStatus::InfoReceived, 1)]),
            ProgressStep::Ordered
        );
        assert_eq!(
            progress_step(&[
                ev(TrackingStatus::InTransit, 1),
                ev(TrackingStatus::InfoReceived, 2)
            ]),
            ProgressStep::Shipped
        );
    }

    #[test]
    fn wire_names_round_trip() {
        for s in TrackingStatus::ALL {
            assert_eq!(TrackingStatus::from_wire(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(
            Location {
                city: Some("Madrid".into()),
                country: Some("ES".into()),
                ..Default::default()
            }
            .display()
            .as_deref(),
            Some("Madrid, ES")
        );
    }

    fn any_status() -> impl Strategy<Value = TrackingStatus> {
        proptest::sample::select(TrackingStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn status_ignores_arrival_order_and_duplicates(mut raw in proptest::collection::vec((any_status(), 0i64..1_000), 0..20), seed in any::<u64>()) {
            let events: Vec<_> = raw.iter().map(|(s, t)| ev(*s, *t)).collect();
            let expected = current_status(&events);
            let n = raw.len().max(1);
            raw.rotate_left((seed as usize) % n);
            let mut shuffled: Vec<_> = raw.iter().map(|(s, t)| ev(*s, *t)).collect();
            shuffled.extend(shuffled.clone());
            prop_assert_eq!(current_status(&shuffled), expected);
            newest_first(&mut shuffled);
            prop_assert!(shuffled.windows(2).all(|w| w[0].occurred_at.utc_ms >= w[1].occurred_at.utc_ms));
            if let Some(first) = shuffled.first() { prop_assert_eq!(first.status, expected); }
        }
    }
}
