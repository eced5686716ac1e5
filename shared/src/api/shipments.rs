//! `/v1/admin/orders/{number}/shipments` and `/v1/admin/shipments/{id}/events`: the merchant
//! (or a carrier integration) pushes parcels and their checkpoints.

use crate::order::PickupPoint;
use crate::time::Timestamp;
use crate::tracking::{EtaWindow, ExceptionReason, Location, TrackingStatus};
use serde::{Deserialize, Serialize};

/// Admin: a parcel handed to a carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipmentInput {
    /// Carrier code ("ups", "correos").
    pub carrier_code: String,
    /// Carrier display name; defaults to the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_name: Option<String>,
    /// Tracking number, unique per carrier within the store.
    pub tracking_number: String,
    /// The carrier's tracking page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub items: Vec<ParcelItemInput>,
    /// Checkpoints known so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<TrackingEventInput>,
}

/// Admin: units of one SKU in a parcel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelItemInput {
    /// SKU of an order line.
    pub sku: String,
    /// Units (≥ 1).
    pub quantity: u32,
}

/// Admin: one carrier checkpoint. Give the normalised `status`, or the carrier's
/// `raw_status` (mapped by [`crate::carrier::normalize`]), or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventInput {
    /// The carrier's id for this event; repeats are dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_event_id: Option<String>,
    /// Normalised status, when the sender already knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TrackingStatus>,
    /// Exception reason, when the sender already knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The carrier's own status code, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_status: Option<String>,
    /// The carrier's message.
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
}

/// Admin: a batch of checkpoints for one parcel, optionally with the carrier's new ETA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventBatch {
    /// Events in any order (may be empty when only the ETA changes).
    #[serde(default)]
    pub events: Vec<TrackingEventInput>,
    /// A revised delivery window; the history of revisions is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<EtaWindow>,
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
