//! `/v1/admin/orders/{number}/shipments` and `/v1/admin/shipments/{id}/events`: the merchant
//! (or a carrier integration) pushes parcels and their checkpoints.

use crate::error::{ApiError, FieldIssue};
use crate::order::PickupPoint;
use crate::time::Timestamp;
use crate::tracking::{EtaWindow, ExceptionReason, Location, TrackingStatus};
use crate::validate::{field_path, Problems, MAX_EVENTS, MAX_TEXT};
use serde::{Deserialize, Serialize};

/// Admin: a parcel handed to a carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipmentInput {
    /// Carrier code ("ups", "correos").
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 32
        )
    )]
    pub carrier_code: String,
    /// Carrier display name; defaults to the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub carrier_name: Option<String>,
    /// Tracking number, unique per carrier within the store.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 64
        )
    )]
    pub tracking_number: String,
    /// The carrier's tracking page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^https?://[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$",
            max_length = 2048
        )
    )]
    pub tracking_url: Option<String>,
    /// Expected delivery, earliest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_earliest: Option<Timestamp>,
    /// Expected delivery, latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_latest: Option<Timestamp>,
    /// When handed over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_at: Option<Timestamp>,
    /// Where it waits for collection, when delivered to a pickup point or locker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_point: Option<PickupPoint>,
    /// What is inside, by SKU.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub items: Vec<ParcelItemInput>,
    /// Checkpoints known so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 2000))]
    pub events: Vec<TrackingEventInput>,
}

impl ShipmentInput {
    /// Every rule a parcel pushed on its own must meet, all problems at once (the server runs
    /// it on `POST /v1/admin/orders/{number}/shipments`).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        self.check(&mut p, "", None);
        p.finish()
    }

    /// The parcel's rules under `prefix`; with `bought` (the order's SKUs and units, when the
    /// parcel comes inline with its order) its items are checked against the order too.
    pub(crate) fn check(&self, p: &mut Problems, prefix: &str, bought: Option<&[(&str, u32)]>) {
        let f = |name: &str| field_path(prefix, name);
        p.text(f("carrier_code"), &self.carrier_code, 32);
        p.optional_text(f("carrier_name"), self.carrier_name.as_deref(), 100);
        p.text(f("tracking_number"), &self.tracking_number, 64);
        p.optional_url(f("tracking_url"), self.tracking_url.as_deref());
        if let Some(point) = &self.pickup_point {
            p.pickup_point(&f("pickup_point"), point);
        }
        if let (Some(earliest), Some(latest)) = (self.eta_earliest, self.eta_latest) {
            p.not_before(f("eta_latest"), earliest, latest);
        }
        if self.items.is_empty() {
            p.add(f("items"), FieldIssue::Required);
        }
        for (i, item) in self.items.iter().enumerate() {
            p.quantity(f(&format!("items[{i}].quantity")), item.quantity);
            if let Some(bought) = bought {
                match bought.iter().find(|(sku, _)| *sku == item.sku) {
                    None => p.add(f(&format!("items[{i}].sku")), FieldIssue::UnknownReference),
                    Some((_, units)) if item.quantity > *units => {
                        p.add(f(&format!("items[{i}].quantity")), FieldIssue::OutOfRange);
                    }
                    Some(_) => {}
                }
            }
        }
        check_events(p, &f("events"), &self.events);
    }
}

/// Admin: units of one SKU in a parcel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelItemInput {
    /// SKU of an order line.
    pub sku: String,
    /// Units (≥ 1).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10000))]
    pub quantity: u32,
}

/// Admin: one carrier checkpoint. Give the normalised `status`, or the carrier's
/// `raw_status` (mapped by [`crate::carrier::normalize`]), or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventInput {
    /// The carrier's id for this event; repeats are dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub carrier_event_id: Option<String>,
    /// Normalised status, when the sender already knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TrackingStatus>,
    /// Exception reason, when the sender already knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The carrier's own status code, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub raw_status: Option<String>,
    /// The carrier's message.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 500
        )
    )]
    pub description: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// When, with the place's offset.
    pub occurred_at: Timestamp,
}

impl TrackingEventInput {
    /// Status and reason: as given, else mapped from the raw code and message.
    pub fn normalized(&self, carrier_code: &str) -> (TrackingStatus, Option<ExceptionReason>) {
        let mapped = crate::carrier::normalize(
            carrier_code,
            self.raw_status.as_deref().unwrap_or(""),
            &self.description,
        );
        match self.status {
            Some(TrackingStatus::Exception) => (
                TrackingStatus::Exception,
                self.reason.or(mapped.1).or(Some(ExceptionReason::Other)),
            ),
            Some(status) => (status, None),
            None => (
                mapped.0,
                self.reason
                    .filter(|_| mapped.0 == TrackingStatus::Exception)
                    .or(mapped.1),
            ),
        }
    }
    /// The checkpoint's rules under `prefix`.
    fn check(&self, p: &mut Problems, prefix: &str) {
        if self.status.is_none()
            && self
                .raw_status
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            p.add(format!("{prefix}.status"), FieldIssue::Required);
        }
        p.optional_text(
            format!("{prefix}.raw_status"),
            self.raw_status.as_deref(),
            64,
        );
        p.text(format!("{prefix}.description"), &self.description, MAX_TEXT);
        p.optional_text(
            format!("{prefix}.carrier_event_id"),
            self.carrier_event_id.as_deref(),
            128,
        );
        if let Some(location) = &self.location {
            p.location(&format!("{prefix}.location"), location);
        }
    }
}

/// The rules of a list of checkpoints under `prefix` (a parcel's or a batch's `events`).
fn check_events(p: &mut Problems, prefix: &str, events: &[TrackingEventInput]) {
    if events.len() > MAX_EVENTS {
        p.add(prefix, FieldIssue::TooLong);
    }
    for (i, e) in events.iter().enumerate() {
        e.check(p, &format!("{prefix}[{i}]"));
    }
}

/// Admin: a batch of checkpoints for one parcel, optionally with the carrier's new ETA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventBatch {
    /// Events in any order (may be empty when only the ETA changes).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 2000))]
    pub events: Vec<TrackingEventInput>,
    /// A revised delivery window; the history of revisions is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<EtaWindow>,
}

impl TrackingEventBatch {
    /// Every rule a batch must meet (events, or at least a new ETA), all problems at once (the
    /// server runs it on `POST /v1/admin/shipments/{id}/events`).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if self.events.is_empty() && self.eta.is_none() {
            p.add("events", FieldIssue::Required);
        }
        if let Some(eta) = &self.eta {
            p.not_before("eta.latest", eta.earliest, eta.latest);
        }
        check_events(&mut p, "events", &self.events);
        p.finish()
    }
}

/// Admin: what an event ingest did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IngestResult {
    /// New events stored.
    pub inserted: u32,
    /// Events dropped as repeats of stored ones.
    pub duplicates: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Address;

    fn parcel() -> ShipmentInput {
        ShipmentInput {
            carrier_code: "correos".into(),
            carrier_name: None,
            tracking_number: "PK123".into(),
            tracking_url: None,
            eta_earliest: Some(Timestamp::from_utc_ms(2_000, 0)),
            eta_latest: Some(Timestamp::from_utc_ms(1_000, 0)),
            shipped_at: None,
            pickup_point: Some(PickupPoint {
                name: " ".into(),
                address: Address {
                    line1: "Calle Mayor 1".into(),
                    city: "Madrid".into(),
                    ..Address::default()
                },
                opening_hours: vec![String::new()],
                pickup_deadline: None,
            }),
            items: vec![ParcelItemInput {
                sku: "TEE-M".into(),
                quantity: 0,
            }],
            events: vec![],
        }
    }

    #[test]
    fn parcel_and_batch_paths_start_at_the_top() {
        let err = parcel().validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "pickup_point.name",
                "pickup_point.opening_hours[0]",
                "eta_latest",
                "items[0].quantity"
            ]
        );
        let empty = TrackingEventBatch {
            events: vec![],
            eta: None,
        };
        let err = empty.validate().unwrap_err();
        assert_eq!(err.fields[0].field, "events");
        let event = TrackingEventInput {
            carrier_event_id: None,
            status: None,
            reason: None,
            raw_status: Some("XX".into()),
            description: "Scanned".into(),
            location: Some(Location {
                country: Some("ESP".into()),
                ..Location::default()
            }),
            occurred_at: Timestamp::from_utc_ms(0, 0),
        };
        let batch = TrackingEventBatch {
            events: vec![event],
            eta: Some(EtaWindow {
                earliest: Timestamp::from_utc_ms(2_000, 0),
                latest: Timestamp::from_utc_ms(1_000, 0),
            }),
        };
        let err = batch.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["eta.latest", "events[0].location.country"]);
    }
}
