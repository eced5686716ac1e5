//! Validation rules, run by the server on every write and by widgets before sending.
//!
//! Every check reports all problems at once as [`FieldError`]s with JSON paths, so a form
//! can mark each bad field and a merchant's import log names each bad row.

use crate::api::{LookupRequest, OrderInput, ShipmentInput, TrackingEventInput};
use crate::error::{ApiError, FieldError, FieldIssue};
use crate::ids::{Email, OrderNumber};
use crate::money::Currency;

/// Collects field problems under a path prefix.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// Record a problem at `field`.
    pub fn add(&mut self, field: impl Into<String>, issue: FieldIssue) {
        let field = field.into();
        let message = match issue {
            FieldIssue::Required => format!("{field} is required"),
            FieldIssue::TooLong => format!("{field} is too long"),
            FieldIssue::InvalidFormat => format!("{field} is not in the expected format"),
            FieldIssue::OutOfRange => format!("{field} is out of range"),
            FieldIssue::UnknownReference => {
                format!("{field} refers to something that does not exist")
            }
            FieldIssue::Duplicate => format!("{field} repeats a value that must be unique"),
        };
        self.0.push(FieldError::new(field, issue, message));
    }

    /// Run a parser and record its issue, returning the parsed value when valid.
    pub fn check<T>(
        &mut self,
        field: impl Into<String>,
        result: Result<T, FieldIssue>,
    ) -> Option<T> {
        result.map_err(|issue| self.add(field, issue)).ok()
    }

    /// Text that must be present and at most `max` characters.
    pub fn text(&mut self, field: impl Into<String>, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.add(field, FieldIssue::Required);
        } else if value.chars().count() > max {
            self.add(field, FieldIssue::TooLong);
        }
    }

    /// Optional text of at most `max` characters.
    pub fn optional_text(&mut self, field: impl Into<String>, value: Option<&str>, max: usize) {
        if value.is_some_and(|v| v.chars().count() > max) {
            self.add(field, FieldIssue::TooLong);
        }
    }

    /// Optional absolute http(s) URL.
    pub fn optional_url(&mut self, field: impl Into<String>, value: Option<&str>) {
        if let Some(v) = value {
            let field = field.into();
            if v.len() > 2048 {
                self.add(field, FieldIssue::TooLong);
            } else if !(v.starts_with("https://") || v.starts_with("http://"))
                || v.chars().any(char::is_whitespace)
            {
                self.add(field, FieldIssue::InvalidFormat);
            }
        }
    }

    /// `Ok(())` when nothing was recorded, else a `validation_failed` error listing everything.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }
}

/// A guest lookup's two fields, normalised.
pub fn lookup(req: &LookupRequest) -> Result<(OrderNumber, Email), ApiError> {
    let mut p = Problems::default();
    let number = p.check("order_number", OrderNumber::parse(&req.order_number));
    let email = p.check("email", Email::parse(&req.email));
    p.finish()?;
    Ok((number.expect("checked"), email.expect("checked")))
}

/// Longest product title, carrier message and similar free text.
pub const MAX_TEXT: usize = 500;
/// Most lines in one order.
pub const MAX_ITEMS: usize = 250;
/// Most events in one parcel or batch.
pub const MAX_EVENTS: usize = 2_000;
/// Most units of one line.
pub const MAX_QUANTITY: u32 = 10_000;

/// Every rule an admin order must meet, including its inline parcels.
pub fn order_input(o: &OrderInput) -> Result<(), ApiError> {
    let mut p = Problems::default();
    p.check("order_number", OrderNumber::parse(&o.order_number));
    p.check("email", Email::parse(&o.email));
    p.check("currency", Currency::parse(&o.currency));
    if let Some(c) = &o.customer {
        p.text("customer.external_id", &c.external_id, 128);
        p.check("customer.email", Email::parse(&c.email));
        p.optional_text("customer.name", c.name.as_deref(), 200);
    }
    if o.items.is_empty() {
        p.add("items", FieldIssue::Required);
    } else if o.items.len() > MAX_ITEMS {
        p.add("items", FieldIssue::TooLong);
    }
    for (i, item) in o.items.iter().enumerate() {
        p.text(format!("items[{i}].sku"), &item.sku, 64);
        p.text(format!("items[{i}].title"), &item.title, MAX_TEXT);
        p.optional_text(format!("items[{i}].variant"), item.variant.as_deref(), 200);
        if item.quantity == 0 || item.quantity > MAX_QUANTITY {
            p.add(format!("items[{i}].quantity"), FieldIssue::OutOfRange);
        }
        if item.unit_price_minor < 0 {
            p.add(
                format!("items[{i}].unit_price_minor"),
                FieldIssue::OutOfRange,
            );
        }
        p.optional_url(format!("items[{i}].image_url"), item.image_url.as_deref());
        if o.items[..i].iter().any(|other| other.sku == item.sku) {
            p.add(format!("items[{i}].sku"), FieldIssue::Duplicate);
        }
    }
    for (field, v) in [
        ("shipping_minor", o.shipping_minor),
        ("tax_minor", o.tax_minor),
        ("discount_minor", o.discount_minor),
    ] {
        if v < 0 {
            p.add(field, FieldIssue::OutOfRange);
        }
    }
    for (i, s) in o.shipments.iter().enumerate() {
        shipment_rules(&mut p, &format!("shipments[{i}]"), s, Some(o));
    }
    p.finish()
}

/// Every rule a parcel must meet; with the order at hand, its SKUs and quantities are checked too.
pub fn shipment_input(s: &ShipmentInput, order: Option<&OrderInput>) -> Result<(), ApiError> {
    let mut p = Problems::default();
    shipment_rules(&mut p, "", s, order);
    p.finish()
}

fn shipment_rules(p: &mut Problems, prefix: &str, s: &ShipmentInput, order: Option<&OrderInput>) {
    let f = |name: &str| {
        if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        }
    };
    p.text(f("carrier_code"), &s.carrier_code, 32);
    p.optional_text(f("carrier_name"), s.carrier_name.as_deref(), 100);
    p.text(f("tracking_number"), &s.tracking_number, 64);
    p.optional_url(f("tracking_url"), s.tracking_url.as_deref());
    if let Some(pp) = &s.pickup_point {
        p.text(f("pickup_point.name"), &pp.name, 200);
        p.text(f("pickup_point.address.line1"), &pp.address.line1, 200);
        p.text(f("pickup_point.address.city"), &pp.address.city, 100);
        if pp.opening_hours.len() > 14 {
            p.add(f("pickup_point.opening_hours"), FieldIssue::TooLong);
        }
        for (i, line) in pp.opening_hours.iter().enumerate() {
            p.text(f(&format!("pickup_point.opening_hours[{i}]")), line, 100);
        }
    }
    if let (Some(a), Some(b)) = (s.eta_earliest, s.eta_latest) {
        if b.utc_ms < a.utc_ms {
            p.add(f("eta_latest"), FieldIssue::OutOfRange);
        }
    }
    if s.items.is_empty() {
        p.add(f("items"), FieldIssue::Required);
    }
    for (i, item) in s.items.iter().enumerate() {
        if item.quantity == 0 || item.quantity > MAX_QUANTITY {
            p.add(f(&format!("items[{i}].quantity")), FieldIssue::OutOfRange);
        }
        if let Some(order) = order {
            match order.items.iter().find(|l| l.sku == item.sku) {
                None => p.add(f(&format!("items[{i}].sku")), FieldIssue::UnknownReference),
                Some(line) if item.quantity > line.quantity => {
                    p.add(f(&format!("items[{i}].quantity")), FieldIssue::OutOfRange)
                }
                Some(_) => {}
            }
        }
    }
    events_rules(p, &f("events"), &s.events);
}

/// Every rule a batch of checkpoints must meet (events, or at least a new ETA).
pub fn tracking_events(batch: &crate::api::TrackingEventBatch) -> Result<(), ApiError> {
    let mut p = Problems::default();
    if batch.events.is_empty() && batch.eta.is_none() {
        p.add("events", FieldIssue::Required);
    }
    if let Some(eta) = &batch.eta {
        if eta.latest.utc_ms < eta.earliest.utc_ms {
            p.add("eta.latest", FieldIssue::OutOfRange);
        }
    }
    events_rules(&mut p, "events", &batch.events);
    p.finish()
}

fn events_rules(p: &mut Problems, prefix: &str, events: &[TrackingEventInput]) {
    if events.len() > MAX_EVENTS {
        p.add(prefix, FieldIssue::TooLong);
    }
    for (i, e) in events.iter().enumerate() {
        if e.status.is_none() && e.raw_status.as_deref().is_none_or(|r| r.trim().is_empty()) {
            p.add(format!("{prefix}[{i}].status"), FieldIssue::Required);
        }
        p.optional_text(
            format!("{prefix}[{i}].raw_status"),
            e.raw_status.as_deref(),
            64,
        );
        p.text(
            format!("{prefix}[{i}].description"),
            &e.description,
            MAX_TEXT,
        );
        p.optional_text(
            format!("{prefix}[{i}].carrier_event_id"),
            e.carrier_event_id.as_deref(),
            128,
        );
        if let Some(loc) = &e.location {
            for (name, v) in [
                ("city", &loc.city),
                ("region", &loc.region),
                ("postal_code", &loc.postal_code),
            ] {
                p.optional_text(format!("{prefix}[{i}].location.{name}"), v.as_deref(), 100);
            }
            if loc
                .country
                .as_deref()
                .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                p.add(
                    format!("{prefix}[{i}].location.country"),
                    FieldIssue::InvalidFormat,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{LineItemInput, ParcelItemInput};
    use crate::time::Timestamp;
    use crate::ErrorCode;

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
            }],
            shipping_minor: 0,
            tax_minor: 0,
            discount_minor: 0,
            shipping_address: None,
            payment: None,
            cancelled: false,
            shipments: vec![],
        }
    }

    #[test]
    fn lookup_reports_both_fields() {
        let err = lookup(&LookupRequest {
            order_number: "".into(),
            email: "nope".into(),
        })
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
        assert!(lookup(&LookupRequest {
            order_number: "#1001".into(),
            email: "A@B.co".into()
        })
        .is_ok());
    }

    #[test]
    fn order_paths_name_the_bad_rows() {
        assert!(order_input(&order()).is_ok());
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
        let err = order_input(&o).unwrap_err();
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
}
