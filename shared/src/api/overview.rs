//! `/v1/me/overview`: what the account page shows first — everything about the customer's
//! orders that needs them to act or to know, before the list of orders.

use crate::changes::{RequestKind, RequestStatus};
use crate::ids::OrderNumber;
use crate::returns::{ReturnMethod, ReturnStatus};
use crate::time::Timestamp;
use crate::tracking::{ExceptionReason, NextStep, TrackingStatus};
use serde::{Deserialize, Serialize};

/// One thing that needs the customer: a parcel in trouble, a parcel waiting to be collected, a
/// request waiting for the store,
/// a return waiting to be sent back. Most urgent first (see [`Attention::rank`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Attention {
    /// A parcel needs attention (an exception, a failed attempt, on its way back, no news).
    ParcelProblem {
        /// The order it belongs to.
        order_number: OrderNumber,
        /// The parcel.
        shipment_id: i64,
        /// Its status.
        status: TrackingStatus,
        /// Why, when the carrier said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<ExceptionReason>,
        /// What the customer should do now.
        next_step: NextStep,
        /// The carrier's name, for "Contact {carrier}".
        carrier: String,
    },
    /// A parcel waits at a pickup point or locker.
    Pickup {
        /// The order it belongs to.
        order_number: OrderNumber,
        /// The parcel.
        shipment_id: i64,
        /// The point's name.
        point: String,
        /// Collect before this, or it goes back.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadline: Option<Timestamp>,
    },
    /// A return was started and its parcel has not been sent back yet.
    ReturnToSend {
        /// The order it belongs to.
        order_number: OrderNumber,
        /// The return's number.
        rma: String,
        /// Requested or approved.
        status: ReturnStatus,
        /// Drop-off or courier pickup.
        method: ReturnMethod,
    },
    /// A cancellation or address change waits for the store, or the store answered it in the
    /// last days.
    Request {
        /// The order it belongs to.
        order_number: OrderNumber,
        /// The request.
        request_id: i64,
        /// Cancel or deliver elsewhere.
        request: RequestKind,
        /// Pending, or the store's answer.
        status: RequestStatus,
        /// When the shopper asked.
        created_at: Timestamp,
    },
}

impl Attention {
    /// Most urgent first: a pickup with a deadline goes back if missed, a parcel problem needs
    /// an action, a return only waits for the customer.
    pub fn rank(&self) -> (u8, i64) {
        match self {
            Self::Pickup { deadline, .. } => (0, deadline.map_or(i64::MAX, |d| d.utc_ms)),
            Self::ParcelProblem { .. } => (1, 0),
            Self::Request { created_at, .. } => (2, -created_at.utc_ms),
            Self::ReturnToSend { .. } => (3, 0),
        }
    }

    /// The order the item is about (the account opens it).
    pub fn order_number(&self) -> &OrderNumber {
        match self {
            Self::ParcelProblem { order_number, .. }
            | Self::Pickup { order_number, .. }
            | Self::ReturnToSend { order_number, .. }
            | Self::Request { order_number, .. } => order_number,
        }
    }
}

/// `GET /v1/me/overview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountOverview {
    /// What needs the customer, most urgent first (empty when nothing does).
    pub attention: Vec<Attention>,
}
