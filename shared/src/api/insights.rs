//! `/v1/admin/insights/…`: what the merchant should act on now (anxious shoppers, parcels in
//! trouble).

use crate::ids::OrderNumber;
use crate::order::OrderStatus;
use crate::time::Timestamp;
use crate::tracking::{ExceptionReason, NextStep, TrackingStatus};
use serde::{Deserialize, Serialize};

/// Admin insight: an order whose shopper keeps checking tracking (worth a proactive message).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnxiousOrder {
    /// The order.
    pub order_number: OrderNumber,
    /// Checkout email (admin only).
    pub email: String,
    /// The merchant's customer id, for logged-in shoppers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_external_id: Option<String>,
    /// Tracking views in the window.
    pub views: u32,
    /// The most recent view.
    pub last_viewed_at: Timestamp,
    /// The order's status now.
    pub status: OrderStatus,
}

/// Admin insight: a parcel that is late, silent or in trouble right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelAlert {
    /// The order.
    pub order_number: OrderNumber,
    /// Parcel id.
    pub shipment_id: i64,
    /// Carrier display name.
    pub carrier: String,
    /// Tracking number.
    pub tracking_number: String,
    /// Current status.
    pub status: TrackingStatus,
    /// Exception reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The promised delivery has passed.
    pub delayed: bool,
    /// No scan for longer than the store allows.
    pub stalled: bool,
    /// What the shopper is being told to do.
    pub next_step: NextStep,
    /// Newest checkpoint time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_at: Option<Timestamp>,
}
