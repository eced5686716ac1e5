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

/// Admin insight (`GET /v1/admin/insights/products`): one product's feedback side by side,
/// so a merchant sees why it is rated low or sent back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductInsight {
    /// The product's key: its catalog id, or the SKU when the catalog does not know it.
    pub product: String,
    /// Its title (catalog, else the latest order line's).
    pub title: String,
    /// Units ordered (orders not cancelled).
    pub units_ordered: u32,
    /// Units in returns that were not rejected or cancelled.
    pub units_returned: u32,
    /// `units_returned / units_ordered` (0 without orders).
    pub return_rate: f64,
    /// Published reviews.
    pub reviews: u32,
    /// Their average rating, 1–5 (absent without reviews).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_rating: Option<f64>,
    /// The most given return reasons, most units first (at most 3).
    pub top_return_reasons: Vec<ReasonCount>,
    /// The latest survey comments (NPS or CSAT) on orders that contained it (at most 3).
    pub comments: Vec<ProductComment>,
}

/// A return reason and how many returned units gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonCount {
    /// The reason code (`too_small`, `defective`, …).
    pub reason: String,
    /// Returned units.
    pub units: u32,
}

/// A survey comment on an order that contained the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductComment {
    /// `nps` or `csat`.
    pub kind: crate::survey::SurveyKind,
    /// The score given (0–10 for NPS, 1–5 for CSAT).
    pub score: u8,
    /// What the shopper wrote.
    pub comment: String,
    /// The order it was about.
    pub order_number: String,
    /// When it was given.
    pub created_at: Timestamp,
}
