//! Request and response bodies of the `/v1` API, shared by server, client and widgets.

use crate::ids::OrderNumber;
use crate::locale::Locale;
use crate::order::{Address, PaymentMethod};
use crate::time::Timestamp;
use crate::tracking::{Location, TrackingStatus};
use serde::{Deserialize, Serialize};

/// Header carrying the store's publishable key on public routes.
pub const KEY_HEADER: &str = "aftercare-key";
/// Header naming a POST's idempotency key.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";
/// Response header set when a stored response is replayed for a repeated idempotency key.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// The public part of a store's configuration, safe for any browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoreConfig {
    /// Store display name.
    pub name: String,
    /// Language used when the shopper's cannot be served.
    pub default_locale: Locale,
    /// How shoppers reach the store.
    pub support: SupportContacts,
}

/// Contact channels a worried shopper can use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportContacts {
    /// Support email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Support phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Link to a chat or help centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_url: Option<String>,
}

/// Guest lookup: what is printed on the confirmation email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LookupRequest {
    /// Order number as the shopper typed it.
    pub order_number: String,
    /// Email used at checkout.
    pub email: String,
}

/// A short-lived session scoped to one order, for guests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderSession {
    /// Bearer token for this order's routes.
    pub token: String,
    /// When it stops working.
    pub expires_at: Timestamp,
    /// The order it opens.
    pub order_number: OrderNumber,
}

/// A page of a cursor-paginated list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// Items on this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Admin: an order pushed by the merchant's system (create or replace by order number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderInput {
    /// The merchant's order number.
    pub order_number: String,
    /// Email used at checkout (guest lookups match it).
    pub email: String,
    /// The logged-in customer who placed it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerInput>,
    /// ISO 4217 currency.
    pub currency: String,
    /// When placed.
    pub placed_at: Timestamp,
    /// Lines bought (at least one).
    pub items: Vec<LineItemInput>,
    /// Shipping charged, minor units.
    #[serde(default)]
    pub shipping_minor: i64,
    /// Tax charged, minor units.
    #[serde(default)]
    pub tax_minor: i64,
    /// Discount taken off, minor units (positive).
    #[serde(default)]
    pub discount_minor: i64,
    /// Delivery address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Masked payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentMethod>,
    /// Whether the merchant cancelled it.
    #[serde(default)]
    pub cancelled: bool,
    /// Parcels already known (an import file carries them inline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shipments: Vec<ShipmentInput>,
}

/// Admin: the customer account an order belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerInput {
    /// The merchant's own customer id (what customer tokens carry).
    pub external_id: String,
    /// Email on the account.
    pub email: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Admin: one order line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineItemInput {
    /// Merchant SKU, unique within the order.
    pub sku: String,
    /// Product title.
    pub title: String,
    /// Variant label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Units bought (≥ 1).
    pub quantity: u32,
    /// Unit price in minor units (≥ 0).
    pub unit_price_minor: i64,
    /// Product image URL (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
}

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

/// Admin: one carrier checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventInput {
    /// The carrier's id for this event; repeats are dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_event_id: Option<String>,
    /// Normalised status.
    pub status: TrackingStatus,
    /// The carrier's message.
    pub description: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// When, with the place's offset.
    pub occurred_at: Timestamp,
}

/// Admin: a batch of checkpoints for one parcel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventBatch {
    /// Events in any order.
    pub events: Vec<TrackingEventInput>,
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

/// `aftercare-server import FILE`: orders (with parcels and events) for one store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportFile {
    /// Orders to create or replace.
    pub orders: Vec<OrderInput>,
}

/// A customer token as a merchant backend hands it to the page (the demo server's
/// `GET /demo/customer-token` answers with this, so the demo storefront can set the
/// widgets' `token` attribute the way a real storefront template would).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerToken {
    /// The signed token (`v1.…`), for the `token` attribute.
    pub token: String,
    /// The merchant's customer id it speaks for.
    pub customer: String,
    /// When it stops working.
    pub expires_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_token_wire_shape() {
        let t = CustomerToken {
            token: "v1.x.y".into(),
            customer: "cus_ana".into(),
            expires_at: Timestamp::from_utc_ms(0, 0),
        };
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"token":"v1.x.y","customer":"cus_ana","expires_at":"1970-01-01T00:00:00Z"})
        );
        assert_eq!(serde_json::from_value::<CustomerToken>(v).unwrap(), t);
    }
}
