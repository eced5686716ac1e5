//! `/v1/orders` and `/v1/admin/orders`: the guest lookup and its order session, the customer
//! token a storefront hands the widgets, and the merchant's order push and import file.

use super::shipments::ShipmentInput;
use crate::ids::OrderNumber;
use crate::order::{Address, PaymentMethod};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

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

/// `aftercare-server import FILE`: orders (with parcels and events) for one store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportFile {
    /// Orders to create or replace.
    pub orders: Vec<OrderInput>,
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
