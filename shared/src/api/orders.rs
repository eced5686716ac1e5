//! `/v1/orders` and `/v1/admin/orders`: the guest lookup and its order session, the customer
//! token a storefront hands the widgets, and the merchant's order push and import file.

use super::shipments::ShipmentInput;
use crate::error::{ApiError, FieldIssue};
use crate::ids::{Email, OrderNumber};
use crate::money::Currency;
use crate::order::{Address, OrderFilter, PaymentMethod};
use crate::time::Timestamp;
use crate::validate::{Problems, MAX_ITEMS, MAX_TEXT};
use crate::Locale;
use serde::{Deserialize, Serialize};

/// Longest search text the order list accepts, in characters.
pub const MAX_ORDER_SEARCH: usize = 100;

/// `GET /v1/orders`: which page of a customer's orders, filtered and searched as the account
/// page asks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrderListQuery {
    /// Which orders (`?status=`).
    pub status: OrderFilter,
    /// Search by order number or product title (`?q=`), case-insensitive.
    pub q: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1–100 (the server's default is 20).
    pub limit: Option<u32>,
}

impl OrderListQuery {
    /// Every rule the query must meet (the server answers 422 naming the same fields).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if self
            .search()
            .is_some_and(|q| q.chars().count() > MAX_ORDER_SEARCH)
        {
            p.add("q", FieldIssue::TooLong);
        }
        if let Some(n) = self.limit {
            p.in_range("limit", n, &(1..=100));
        }
        p.finish()
    }

    /// The search text, trimmed; `None` when there is nothing to search for.
    pub fn search(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }

    /// Whether an order matches the search: its number or one of its product titles contains
    /// the text, ignoring case (a leading `#` on a number is ignored too).
    pub fn matches<'a>(&self, number: &str, titles: impl IntoIterator<Item = &'a str>) -> bool {
        let Some(q) = self.search() else {
            return true;
        };
        let q = q.to_lowercase();
        let number_q = q.strip_prefix('#').unwrap_or(&q);
        number.to_lowercase().contains(number_q)
            || titles.into_iter().any(|t| t.to_lowercase().contains(&q))
    }
}

/// Guest lookup: what is printed on the confirmation email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LookupRequest {
    /// Order number as the shopper typed it.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*#*[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z0-9._-]{1,32}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub order_number: String,
    /// Email used at checkout.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,64}@[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}(\.[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}){1,4}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub email: String,
}

impl LookupRequest {
    /// Every rule a guest lookup must meet, both fields at once (the widget runs it before
    /// sending, so the shopper sees the server's verdict without a round trip).
    pub fn validate(&self) -> Result<(), ApiError> {
        self.normalized().map(|_| ())
    }

    /// The two fields normalised, or every problem at once (what the server looks the order
    /// up by).
    pub fn normalized(&self) -> Result<(OrderNumber, Email), ApiError> {
        let mut p = Problems::default();
        let number = p.check("order_number", OrderNumber::parse(&self.order_number));
        let email = p.check("email", Email::parse(&self.email));
        p.finish()?;
        Ok((number.expect("checked"), email.expect("checked")))
    }
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
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*#*[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z0-9._-]{1,32}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub order_number: String,
    /// Email used at checkout (guest lookups match it).
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,64}@[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}(\.[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}){1,4}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub email: String,
    /// The logged-in customer who placed it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerInput>,
    /// ISO 4217 currency.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z]{3}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub currency: String,
    /// When placed.
    pub placed_at: Timestamp,
    /// Lines bought (at least one).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 250))]
    pub items: Vec<LineItemInput>,
    /// Shipping charged, minor units.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub shipping_minor: i64,
    /// Tax charged, minor units.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub tax_minor: i64,
    /// Discount taken off, minor units (positive).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub discount_minor: i64,
    /// Delivery address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Masked payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentMethod>,
    /// Refunded so far, minor units (≥ 0, at most what was paid).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub refunded_minor: i64,
    /// Whether the merchant cancelled it.
    #[serde(default)]
    pub cancelled: bool,
    /// Parcels already known (an import file carries them inline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shipments: Vec<ShipmentInput>,
    /// The shopper's language at checkout: the emails about this order are written in it
    /// (the store's default language when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

impl OrderInput {
    /// Every rule an admin order must meet, its inline parcels included, all problems at once
    /// (the server runs it on `PUT` and on import).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.check("order_number", OrderNumber::parse(&self.order_number));
        p.check("email", Email::parse(&self.email));
        p.check("currency", Currency::parse(&self.currency));
        if let Some(c) = &self.customer {
            p.text("customer.external_id", &c.external_id, 128);
            p.check("customer.email", Email::parse(&c.email));
            p.optional_text("customer.name", c.name.as_deref(), 200);
        }
        if self.items.is_empty() {
            p.add("items", FieldIssue::Required);
        } else if self.items.len() > MAX_ITEMS {
            p.add("items", FieldIssue::TooLong);
        }
        for (i, item) in self.items.iter().enumerate() {
            p.text(format!("items[{i}].sku"), &item.sku, 64);
            p.text(format!("items[{i}].title"), &item.title, MAX_TEXT);
            p.optional_text(format!("items[{i}].variant"), item.variant.as_deref(), 200);
            p.quantity(format!("items[{i}].quantity"), item.quantity);
            p.in_range(
                format!("items[{i}].unit_price_minor"),
                item.unit_price_minor,
                &(0..=i64::MAX),
            );
            p.optional_url(format!("items[{i}].image_url"), item.image_url.as_deref());
            p.optional_url(
                format!("items[{i}].product_url"),
                item.product_url.as_deref(),
            );
            if self.items[..i].iter().any(|other| other.sku == item.sku) {
                p.add(format!("items[{i}].sku"), FieldIssue::Duplicate);
            }
        }
        for (field, v) in [
            ("shipping_minor", self.shipping_minor),
            ("tax_minor", self.tax_minor),
            ("discount_minor", self.discount_minor),
        ] {
            p.in_range(field, v, &(0..=i64::MAX));
        }
        let paid = self
            .items
            .iter()
            .map(|l| l.unit_price_minor.saturating_mul(i64::from(l.quantity)))
            .fold(0i64, i64::saturating_add)
            .saturating_add(self.shipping_minor)
            .saturating_add(self.tax_minor)
            .saturating_sub(self.discount_minor);
        p.in_range("refunded_minor", self.refunded_minor, &(0..=paid.max(0)));
        if let Some(c) = &self.customer {
            p.optional_text("customer.phone", c.phone.as_deref(), 40);
        }

        let bought: Vec<(&str, u32)> = self
            .items
            .iter()
            .map(|l| (l.sku.as_str(), l.quantity))
            .collect();
        for (i, s) in self.shipments.iter().enumerate() {
            s.check(&mut p, &format!("shipments[{i}]"), Some(&bought));
        }
        p.finish()
    }
}

/// Admin: the customer account an order belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerInput {
    /// The merchant's own customer id (what customer tokens carry).
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 128
        )
    )]
    pub external_id: String,
    /// Email on the account.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,64}@[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}(\.[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}){1,4}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub email: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: Option<String>,
    /// Phone on the account (shown in the account's profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub phone: Option<String>,
}

/// Admin: one order line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineItemInput {
    /// Merchant SKU, unique within the order.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 64
        )
    )]
    pub sku: String,
    /// Product title.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 500
        )
    )]
    pub title: String,
    /// Variant label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub variant: Option<String>,
    /// Units bought (≥ 1).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10000))]
    pub quantity: u32,
    /// Unit price in minor units (≥ 0).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub unit_price_minor: i64,
    /// Product image URL (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^https?://[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$",
            max_length = 2048
        )
    )]
    pub image_url: Option<String>,
    /// The product's page on the store ("Buy again" links to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^https?://[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$",
            max_length = 2048
        )
    )]
    pub product_url: Option<String>,
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
    use crate::api::shipments::{ParcelItemInput, TrackingEventInput};
    use crate::error::ErrorCode;

    fn order() -> OrderInput {
        OrderInput {
            order_number: "1001".into(),
            email: "ana@example.com".into(),
            customer: None,
            currency: "EUR".into(),
            placed_at: Timestamp::from_utc_ms(0, 0),
            items: vec![LineItemInput {
                sku: "TEE-M".into(),
                title: "Tee".into(),
                variant: None,
                quantity: 2,
                unit_price_minor: 1500,
                image_url: None,
                product_url: None,
            }],
            shipping_minor: 0,
            tax_minor: 0,
            discount_minor: 0,
            shipping_address: None,
            payment: None,
            refunded_minor: 0,
            cancelled: false,
            shipments: vec![],
            locale: None,
        }
    }

    #[test]
    fn lookup_reports_both_fields() {
        let err = LookupRequest {
            order_number: "".into(),
            email: "nope".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::ValidationFailed);
        let fields: Vec<_> = err
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.issue))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("order_number", FieldIssue::Required),
                ("email", FieldIssue::InvalidFormat)
            ]
        );
        assert!(LookupRequest {
            order_number: "#1001".into(),
            email: "A@B.co".into()
        }
        .validate()
        .is_ok());
    }

    #[test]
    fn order_paths_name_the_bad_rows() {
        assert!(order().validate().is_ok());
        let mut o = order();
        o.items.push(o.items[0].clone());
        o.items[1].quantity = 0;
        o.shipments.push(ShipmentInput {
            carrier_code: "ups".into(),
            carrier_name: None,
            tracking_number: "1Z".into(),
            tracking_url: Some("javascript:alert(1)".into()),
            eta_earliest: None,
            eta_latest: None,
            shipped_at: None,
            pickup_point: None,
            items: vec![ParcelItemInput {
                sku: "NOPE".into(),
                quantity: 1,
            }],
            events: vec![TrackingEventInput {
                carrier_event_id: None,
                status: None,
                reason: None,
                raw_status: None,
                description: "Scanned".into(),
                location: None,
                occurred_at: Timestamp::from_utc_ms(0, 0),
            }],
        });
        let err = o.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "items[1].quantity",
                "items[1].sku",
                "shipments[0].tracking_url",
                "shipments[0].items[0].sku",
                "shipments[0].events[0].status"
            ]
        );
    }

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
