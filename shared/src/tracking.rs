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

/// Why a parcel is in [`TrackingStatus::Exception`] (or was refused), so the shopper gets a
/// concrete next step instead of "something went wrong".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExceptionReason {
    /// The address is incomplete or wrong.
    AddressIssue,
    /// Held at customs (documents or duties).
    CustomsHold,
    /// The parcel was damaged.
    Damaged,
    /// The carrier lost the parcel.
    Lost,
    /// Weather or carrier network delay.
    Delayed,
    /// The recipient refused it.
    Refused,
    /// Anything else the carrier reported.
    Other,
}

impl ExceptionReason {
    /// Every reason.
    pub const ALL: [ExceptionReason; 7] = [
        Self::AddressIssue,
        Self::CustomsHold,
        Self::Damaged,
        Self::Lost,
        Self::Delayed,
        Self::Refused,
        Self::Other,
    ];
}

/// What the shopper should do now, decided in one place for every widget and email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Nothing: it is moving as expected.
    Wait,
    /// Check or correct the delivery address with the store.
    UpdateAddress,
    /// Talk to the carrier (customs documents, rearranging delivery).
    ContactCarrier,
    /// Talk to the store (lost, damaged, returned, refused, stalled).
    ContactStore,
    /// Collect it from the pickup point before the deadline.
    CollectFromPickupPoint,
    /// The courier will try again, or the shopper can rearrange with the carrier.
    ArrangeRedelivery,
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
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z]{2}$"))]
    pub country: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
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
    /// Why, for exceptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The carrier's own status code, kept when it was mapped (or could not be).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_status: Option<String>,
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
    events.sort_by_key(|e| std::cmp::Reverse((e.occurred_at.utc_ms, e.status)));
}

/// Per-store thresholds for calling a parcel late or silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingPolicy {
    /// A parcel with no carrier scan for this long (and not delivered) is "stalled" (1–720
    /// hours).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 720))]
    pub stall_after_hours: u32,
    /// A parcel with no update for this many days is [`TrackingStatus::Expired`] (1–365).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365))]
    pub expire_after_days: u32,
}

impl Default for TrackingPolicy {
    fn default() -> Self {
        Self {
            stall_after_hours: 72,
            expire_after_days: 30,
        }
    }
}

/// A parcel's state at a given moment, beyond its last scan: what shoppers and merchants act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelHealth {
    /// Status after time-based rules ([`TrackingStatus::Expired`] when silent too long).
    pub status: TrackingStatus,
    /// Exception reason of the latest event, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The latest promised delivery has passed and it is not delivered.
    pub delayed: bool,
    /// No scan for longer than the store's threshold and not final.
    pub stalled: bool,
    /// What the shopper should do.
    pub next_step: NextStep,
}

/// Assess a parcel at `now_ms` (UTC ms): one function for server, widgets and insights.
///
/// `events` in any order; `last_activity_ms` is the latest of the newest scan and the
/// moment it was handed over (a parcel shipped today with no scan yet is not stalled).
pub fn assess(
    events: &[TrackingEvent],
    eta: Option<&EtaWindow>,
    shipped_at: Option<&Timestamp>,
    now_ms: i64,
    policy: &TrackingPolicy,
) -> ParcelHealth {
    let latest = events
        .iter()
        .max_by_key(|e| (e.occurred_at.utc_ms, e.status));
    let scanned = latest.map(|e| e.status);
    let last_activity = latest
        .map(|e| e.occurred_at.utc_ms)
        .into_iter()
        .chain(shipped_at.map(|t| t.utc_ms))
        .max();
    let mut status = scanned.unwrap_or(TrackingStatus::Pending);
    let reason = latest
        .filter(|e| {
            matches!(
                e.status,
                TrackingStatus::Exception | TrackingStatus::ReturnedToSender
            )
        })
        .and_then(|e| e.reason);
    let silent_ms = last_activity.map(|t| now_ms.saturating_sub(t));
    let expired = !status.is_final()
        && scanned.is_some()
        && silent_ms.is_some_and(|ms| ms > i64::from(policy.expire_after_days) * 86_400_000);
    if expired {
        status = TrackingStatus::Expired;
    }
    let stalled = !status.is_final()
        && status != TrackingStatus::AvailableForPickup
        && silent_ms.is_some_and(|ms| ms > i64::from(policy.stall_after_hours) * 3_600_000);
    // A parcel waiting at a pickup point has arrived: it is not late, whatever the ETA said.
    let delayed = !matches!(
        status,
        TrackingStatus::Delivered
            | TrackingStatus::AvailableForPickup
            | TrackingStatus::ReturnedToSender
            | TrackingStatus::Expired
    ) && eta.is_some_and(|w| now_ms > end_of_day(&w.latest));
    let next_step = match (status, reason) {
        (TrackingStatus::Exception, Some(ExceptionReason::AddressIssue)) => NextStep::UpdateAddress,
        (TrackingStatus::Exception, Some(ExceptionReason::CustomsHold)) => NextStep::ContactCarrier,
        (TrackingStatus::Exception, Some(ExceptionReason::Delayed)) => {
            if stalled {
                NextStep::ContactStore
            } else {
                NextStep::Wait
            }
        }
        (TrackingStatus::Exception, _)
        | (TrackingStatus::ReturnedToSender, _)
        | (TrackingStatus::Expired, _) => NextStep::ContactStore,
        (TrackingStatus::AttemptedDelivery, _) => NextStep::ArrangeRedelivery,
        (TrackingStatus::AvailableForPickup, _) => NextStep::CollectFromPickupPoint,
        _ if stalled => NextStep::ContactStore,
        _ => NextStep::Wait,
    };
    ParcelHealth {
        status,
        reason,
        delayed,
        stalled,
        next_step,
    }
}

/// The last millisecond of the calendar day of `t` in its own offset: an ETA of "Thursday"
/// is only missed once Thursday is over where the parcel is going.
fn end_of_day(t: &Timestamp) -> i64 {
    let local = t.utc_ms + t.local_shift_ms();
    local.div_euclid(86_400_000) * 86_400_000 + 86_399_999 - t.local_shift_ms()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ev(status: TrackingStatus, ms: i64) -> TrackingEvent {
        TrackingEvent {
            status,
            reason: None,
            raw_status: None,
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

    const H: i64 = 3_600_000;

    #[test]
    fn assessment_rules() {
        let p = TrackingPolicy::default();
        let day = 24 * H;
        // Moving normally.
        let moving = [ev(TrackingStatus::InTransit, 10 * day)];
        let h = assess(&moving, None, None, 10 * day + H, &p);
        assert_eq!(
            (h.status, h.delayed, h.stalled, h.next_step),
            (TrackingStatus::InTransit, false, false, NextStep::Wait)
        );
        // Silent for 4 days: stalled, contact the store.
        let h = assess(&moving, None, None, 14 * day, &p);
        assert_eq!((h.stalled, h.next_step), (true, NextStep::ContactStore));
        // Silent for 31 days: expired.
        assert_eq!(
            assess(&moving, None, None, 41 * day, &p).status,
            TrackingStatus::Expired
        );
        // ETA passed (the whole ETA day is over).
        let eta = EtaWindow {
            earliest: Timestamp::from_utc_ms(10 * day, 0),
            latest: Timestamp::from_utc_ms(11 * day + 5 * H, 0),
        };
        assert!(!assess(&moving, Some(&eta), None, 11 * day + 20 * H, &p).delayed);
        assert!(assess(&moving, Some(&eta), None, 12 * day + H, &p).delayed);
        // Delivered late is not "delayed" any more, nor stalled.
        let done = [
            ev(TrackingStatus::InTransit, 10 * day),
            ev(TrackingStatus::Delivered, 12 * day),
        ];
        let h = assess(&done, Some(&eta), None, 40 * day, &p);
        assert_eq!(
            (h.status, h.delayed, h.stalled),
            (TrackingStatus::Delivered, false, false)
        );
        // Exceptions carry their reason and next step.
        let mut customs = ev(TrackingStatus::Exception, 10 * day);
        customs.reason = Some(ExceptionReason::CustomsHold);
        let h = assess(&[customs], None, None, 10 * day + H, &p);
        assert_eq!(
            (h.reason, h.next_step),
            (Some(ExceptionReason::CustomsHold), NextStep::ContactCarrier)
        );
        // Shipped today without a scan is neither stalled nor expired.
        let shipped = Timestamp::from_utc_ms(10 * day, 0);
        let h = assess(&[], None, Some(&shipped), 10 * day + 2 * H, &p);
        assert_eq!((h.status, h.stalled), (TrackingStatus::Pending, false));
        // Waiting at a pickup point past the ETA is neither late nor silent: it has arrived.
        let waiting = assess(
            &[ev(TrackingStatus::AvailableForPickup, 0)],
            Some(&eta),
            None,
            15 * day,
            &p,
        );
        assert_eq!(
            (waiting.next_step, waiting.delayed, waiting.stalled),
            (NextStep::CollectFromPickupPoint, false, false)
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

        #[test]
        fn assessment_is_order_independent_and_consistent(raw in proptest::collection::vec((any_status(), 0i64..100 * H), 0..15), now in 0i64..2_000 * H, eta_end in proptest::option::of(0i64..2_000 * H), offset in -12 * 60i16..=14 * 60) {
            let events: Vec<_> = raw.iter().map(|(s, t)| TrackingEvent { occurred_at: Timestamp::from_utc_ms(*t, offset), ..ev(*s, *t) }).collect();
            let mut reversed = events.clone();
            reversed.reverse();
            let eta = eta_end.map(|e| EtaWindow { earliest: Timestamp::from_utc_ms(e, offset), latest: Timestamp::from_utc_ms(e, offset) });
            let p = TrackingPolicy::default();
            let a = assess(&events, eta.as_ref(), None, now, &p);
            prop_assert_eq!(a, assess(&reversed, eta.as_ref(), None, now, &p));
            // Final parcels are never stalled; delivered ones never delayed.
            if a.status.is_final() { prop_assert!(!a.stalled); }
            if a.status == TrackingStatus::Delivered { prop_assert!(!a.delayed); }
            // Expired only when the carrier said so or the last scan is older than the policy allows.
            if a.status == TrackingStatus::Expired && current_status(&events) != TrackingStatus::Expired {
                let last = events.iter().map(|e| e.occurred_at.utc_ms).max().unwrap();
                prop_assert!(now - last > 30 * 24 * H);
            }
            // Status only differs from the last scan's by expiring.
            let scanned = current_status(&events);
            prop_assert!(a.status == scanned || a.status == TrackingStatus::Expired);
        }
    }
}
