//! Orders as shoppers see them: items, totals, addresses, masked payment, parcels.

pub use crate::address::Address;
use crate::changes::{ChangeOptions, OrderRequest};
use crate::ids::OrderNumber;
use crate::money::{Currency, Money};
use crate::time::Timestamp;
use crate::tracking::{
    self, EtaWindow, ExceptionReason, NextStep, ProgressStep, TrackingEvent, TrackingPolicy,
    TrackingStatus,
};
use serde::{Deserialize, Serialize};

/// An order's overall state, derived from its parcels by [`OrderStatus::derive`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Paid, nothing handed to a carrier yet.
    Processing,
    /// Some items are on their way, others not shipped yet.
    PartiallyShipped,
    /// Everything shipped and moving.
    Shipped,
    /// At least one parcel is out for delivery or waiting at a pickup point.
    OutForDelivery,
    /// Every parcel delivered.
    Delivered,
    /// A parcel needs attention (exception, failed attempt, return to sender, expired).
    Exception,
    /// Cancelled by the merchant.
    Cancelled,
}

impl OrderStatus {
    /// The order status from its parcels' statuses and whether any items are still unshipped.
    pub fn derive(parcels: &[TrackingStatus], has_unshipped_items: bool, cancelled: bool) -> Self {
        if cancelled {
            return Self::Cancelled;
        }
        if parcels.is_empty() {
            return Self::Processing;
        }
        if parcels.iter().any(|s| s.needs_attention()) {
            return Self::Exception;
        }
        if parcels.iter().all(|s| *s == TrackingStatus::Delivered) {
            return if has_unshipped_items {
                Self::PartiallyShipped
            } else {
                Self::Delivered
            };
        }
        if has_unshipped_items {
            return Self::PartiallyShipped;
        }
        if parcels.iter().any(|s| {
            matches!(
                s,
                TrackingStatus::OutForDelivery | TrackingStatus::AvailableForPickup
            )
        }) {
            return Self::OutForDelivery;
        }
        Self::Shipped
    }
}

/// The payment method, masked: brand and last four digits only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentMethod {
    /// "visa", "mastercard", "paypal"…
    pub brand: String,
    /// Last four digits, when a card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineItem {
    /// Stable id of this line within the store.
    pub id: i64,
    /// Merchant SKU.
    pub sku: String,
    /// Product title.
    pub title: String,
    /// Variant, e.g. "Blue / M".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Units bought.
    pub quantity: u32,
    /// Price of one unit.
    pub unit_price: Money,
    /// Product image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// The product's page on the store, for "Buy again".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_url: Option<String>,
}

/// Order totals, all in the order's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderTotals {
    /// Sum of line items.
    pub subtotal: Money,
    /// Shipping charged.
    pub shipping: Money,
    /// Tax charged.
    pub tax: Money,
    /// Discounts (a positive number that was taken off).
    pub discount: Money,
    /// What the shopper paid.
    pub total: Money,
    /// Given back so far (returns, goodwill, cancelled lines), as the merchant's system
    /// reports it; absent when nothing was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunded: Option<Money>,
}

/// How many units of which line travel in a parcel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelItem {
    /// The order line.
    pub line_item_id: i64,
    /// Units of it.
    pub quantity: u32,
}

/// A carrier as shoppers know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Carrier {
    /// Machine code ("ups", "correos", "dhl").
    pub code: String,
    /// Display name ("UPS", "Correos").
    pub name: String,
}

/// At most fourteen lines of opening hours, each a non-blank text of up to 100 characters.
#[cfg(feature = "openapi")]
fn opening_hours_schema() -> utoipa::openapi::schema::Array {
    crate::api::non_blank_texts(100, Some(14))
}

/// Where a parcel waits for collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PickupPoint {
    /// Shop or locker name.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 200
        )
    )]
    pub name: String,
    /// Its address (`name` repeats the point's name).
    pub address: Address,
    /// Opening hours as the carrier gives them, one line per range ("Mon–Fri 09:00–20:00").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(schema_with = opening_hours_schema))]
    pub opening_hours: Vec<String>,
    /// Collect before this, or it goes back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_deadline: Option<Timestamp>,
}

/// One parcel of an order with its checkpoints (newest first) and its assessed health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shipment {
    /// Stable id.
    pub id: i64,
    /// Who carries it.
    pub carrier: Carrier,
    /// The carrier's tracking number.
    pub tracking_number: String,
    /// Link to the carrier's own tracking page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
    /// Current status (from the events, `expired` when silent too long).
    pub status: TrackingStatus,
    /// Stepper position.
    pub step: ProgressStep,
    /// Why, when the status is an exception.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The promised delivery has passed.
    #[serde(default)]
    pub delayed: bool,
    /// No scan for longer than the store allows.
    #[serde(default)]
    pub stalled: bool,
    /// What the shopper should do now.
    #[serde(default = "wait")]
    pub next_step: NextStep,
    /// Expected delivery window (the latest revision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<EtaWindow>,
    /// The first promised window, present only when the carrier has revised it since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_original: Option<EtaWindow>,
    /// When it was handed to the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_at: Option<Timestamp>,
    /// Time of the newest checkpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_at: Option<Timestamp>,
    /// Where to collect it, when it goes to a pickup point or locker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_point: Option<PickupPoint>,
    /// Lines in this parcel.
    pub items: Vec<ParcelItem>,
    /// Checkpoints, newest first.
    pub events: Vec<TrackingEvent>,
}

fn wait() -> NextStep {
    NextStep::Wait
}

/// Everything stored about a parcel; [`Shipment::assemble`] derives the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentParts {
    /// Stable id.
    pub id: i64,
    /// Who carries it.
    pub carrier: Carrier,
    /// Tracking number.
    pub tracking_number: String,
    /// Carrier tracking page.
    pub tracking_url: Option<String>,
    /// Latest ETA window.
    pub eta: Option<EtaWindow>,
    /// First ETA window, if it differs from the latest.
    pub eta_original: Option<EtaWindow>,
    /// Hand-over time.
    pub shipped_at: Option<Timestamp>,
    /// Pickup point, if any.
    pub pickup_point: Option<PickupPoint>,
    /// Lines inside.
    pub items: Vec<ParcelItem>,
    /// Checkpoints in any order.
    pub events: Vec<TrackingEvent>,
}

impl Shipment {
    /// Assemble a parcel as of `now_ms`: events sorted newest first, status, step, delay,
    /// stall and next step computed by [`tracking::assess`] with the store's policy.
    pub fn assemble(parts: ShipmentParts, now_ms: i64, policy: &TrackingPolicy) -> Self {
        let ShipmentParts {
            id,
            carrier,
            tracking_number,
            tracking_url,
            eta,
            eta_original,
            shipped_at,
            pickup_point,
            items,
            mut events,
        } = parts;
        tracking::newest_first(&mut events);
        let health = tracking::assess(&events, eta.as_ref(), shipped_at.as_ref(), now_ms, policy);
        let step = match tracking::progress_step(&events) {
            // The merchant handed it over even if the carrier has not scanned it yet.
            ProgressStep::Ordered if shipped_at.is_some() => ProgressStep::Shipped,
            step => step,
        };
        let eta_original = eta_original.filter(|o| Some(o) != eta.as_ref());
        let last_update_at = events.first().map(|e| e.occurred_at);
        Self {
            id,
            carrier,
            tracking_number,
            tracking_url,
            status: health.status,
            step,
            reason: health.reason,
            delayed: health.delayed,
            stalled: health.stalled,
            next_step: health.next_step,
            eta,
            eta_original,
            shipped_at,
            last_update_at,
            pickup_point,
            items,
            events,
        }
    }
}

/// A shopper's order with everything the account and tracking widgets show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    /// The merchant's order number.
    pub order_number: OrderNumber,
    /// When the order was placed.
    pub placed_at: Timestamp,
    /// Overall status.
    pub status: OrderStatus,
    /// Order currency.
    pub currency: Currency,
    /// Lines bought.
    pub items: Vec<LineItem>,
    /// Totals.
    pub totals: OrderTotals,
    /// Delivery address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Masked payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentMethod>,
    /// Parcels, oldest first.
    pub shipments: Vec<Shipment>,
    /// Lines (or parts of lines) not in any parcel yet.
    pub unshipped: Vec<ParcelItem>,
    /// Cancellation and address-change requests, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<OrderRequest>,
    /// What the shopper may ask to change now (absent on reads that do not offer changes,
    /// such as the merchant's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangeOptions>,
}

/// What is left to ship: ordered quantities minus quantities in parcels, per line.
pub fn unshipped_items(items: &[LineItem], shipments: &[Shipment]) -> Vec<ParcelItem> {
    items
        .iter()
        .filter_map(|item| {
            let shipped: u32 = shipments
                .iter()
                .flat_map(|s| &s.items)
                .filter(|p| p.line_item_id == item.id)
                .map(|p| p.quantity)
                .sum();
            let left = item.quantity.saturating_sub(shipped);
            (left > 0).then_some(ParcelItem {
                line_item_id: item.id,
                quantity: left,
            })
        })
        .collect()
}

/// One row of a customer's order history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderSummary {
    /// The merchant's order number.
    pub order_number: OrderNumber,
    /// When placed.
    pub placed_at: Timestamp,
    /// Overall status.
    pub status: OrderStatus,
    /// What was paid.
    pub total: Money,
    /// Units bought.
    pub item_count: u32,
    /// The first lines, for the row's thumbnails (at most [`SUMMARY_PREVIEW`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preview: Vec<ItemPreview>,
    /// Returns started on this order (any status).
    #[serde(default)]
    pub return_count: u32,
}

/// How many lines an order row previews.
pub const SUMMARY_PREVIEW: usize = 4;

/// One line of an order row: enough for a thumbnail and its text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemPreview {
    /// Product title (the image's alternative text).
    pub title: String,
    /// Product image, when the merchant's data has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
}

/// Which of a customer's orders the account page lists: one rule for the server's filter and
/// the widget's chips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderFilter {
    /// Every order.
    #[default]
    All,
    /// Not delivered and not cancelled yet (being prepared, on its way, or in trouble).
    Open,
    /// Every parcel delivered.
    Delivered,
    /// At least one return started.
    Returns,
    /// Cancelled by the store.
    Cancelled,
}

impl OrderFilter {
    /// Every filter, in the order the account page offers them.
    pub const ALL: [Self; 5] = [
        Self::All,
        Self::Open,
        Self::Delivered,
        Self::Returns,
        Self::Cancelled,
    ];

    /// The wire name (`?status=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Open => "open",
            Self::Delivered => "delivered",
            Self::Returns => "returns",
            Self::Cancelled => "cancelled",
        }
    }

    /// The filter a wire name names.
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Whether an order with `status` and `return_count` returns is listed under this filter.
    pub fn matches(self, status: OrderStatus, return_count: u32) -> bool {
        match self {
            Self::All => true,
            Self::Open => !matches!(status, OrderStatus::Delivered | OrderStatus::Cancelled),
            Self::Delivered => status == OrderStatus::Delivered,
            Self::Returns => return_count > 0,
            Self::Cancelled => status == OrderStatus::Cancelled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TrackingStatus::*;

    #[test]
    fn order_filters() {
        use OrderFilter as F;
        use OrderStatus as S;
        for f in F::ALL {
            assert_eq!(F::from_wire(f.as_str()), Some(f));
        }
        assert_eq!(F::from_wire("Open"), None);
        assert!(F::Open.matches(S::Exception, 0));
        assert!(F::Open.matches(S::Processing, 2));
        assert!(!F::Open.matches(S::Delivered, 0));
        assert!(!F::Open.matches(S::Cancelled, 0));
        assert!(F::Delivered.matches(S::Delivered, 1));
        assert!(!F::Delivered.matches(S::PartiallyShipped, 0));
        assert!(F::Returns.matches(S::Delivered, 1));
        assert!(!F::Returns.matches(S::Delivered, 0));
        assert!(F::Cancelled.matches(S::Cancelled, 0));
        assert!(F::All.matches(S::Cancelled, 0));
    }

    #[test]
    fn order_status_from_parcels() {
        assert_eq!(
            OrderStatus::derive(&[], true, false),
            OrderStatus::Processing
        );
        assert_eq!(
            OrderStatus::derive(&[InTransit], true, false),
            OrderStatus::PartiallyShipped
        );
        assert_eq!(
            OrderStatus::derive(&[InTransit, OutForDelivery], false, false),
            OrderStatus::OutForDelivery
        );
        assert_eq!(
            OrderStatus::derive(&[Delivered, Delivered], false, false),
            OrderStatus::Delivered
        );
        assert_eq!(
            OrderStatus::derive(&[Delivered, Exception], false, false),
            OrderStatus::Exception
        );
        assert_eq!(
            OrderStatus::derive(&[Delivered], false, true),
            OrderStatus::Cancelled
        );
    }

    #[test]
    fn unshipped_counts_partial_lines() {
        let eur = Currency::parse("EUR").unwrap();
        let line = |id, quantity| LineItem {
            id,
            sku: format!("S{id}"),
            title: "T".into(),
            variant: None,
            quantity,
            unit_price: Money::new(100, eur),
            image_url: None,
            product_url: None,
        };
        let parcel = |items| {
            let parts = ShipmentParts {
                id: 1,
                carrier: Carrier {
                    code: "ups".into(),
                    name: "UPS".into(),
                },
                tracking_number: "1Z".into(),
                tracking_url: None,
                eta: None,
                eta_original: None,
                shipped_at: None,
                pickup_point: None,
                items,
                events: vec![],
            };
            Shipment::assemble(parts, 0, &TrackingPolicy::default())
        };
        let items = [line(1, 2), line(2, 1)];
        let left = unshipped_items(
            &items,
            &[parcel(vec![ParcelItem {
                line_item_id: 1,
                quantity: 1,
            }])],
        );
        assert_eq!(
            left,
            vec![
                ParcelItem {
                    line_item_id: 1,
                    quantity: 1
                },
                ParcelItem {
                    line_item_id: 2,
                    quantity: 1
                }
            ]
        );
    }
}
