//! The demo orders (`orders.json`) and the names they use (`reference.json`: customers,
//! addresses, products, carriers, places), turned into the admin API's [`OrderInput`]s.
//!
//! Most orders are written out one by one, each telling its story; a customer's long history
//! (Olivia's 40 orders, there to show the account page's pagination) is a compact
//! [`Series`] that [`Series::expand`] turns into ordinary data orders, which then take the
//! same path as the others.

use super::format::{self, parse};
use crate::error::{Error, Result};
use aftercare_shared::api::{
    CustomerInput, LineItemInput, OrderInput, ParcelItemInput, ShipmentInput, TrackingEventInput,
};
use aftercare_shared::order::{Address, PaymentMethod, PickupPoint};
use aftercare_shared::tracking::{EtaWindow, Location};
use aftercare_shared::{ExceptionReason, Timestamp, TrackingStatus};
use serde::Deserialize;
use std::collections::HashMap;

/// What orders refer to by name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    #[serde(rename = "about")]
    _about: String,
    customers: HashMap<String, Customer>,
    addresses: HashMap<String, Address>,
    products: HashMap<String, Product>,
    carriers: HashMap<String, Carrier>,
    places: HashMap<String, Location>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Customer {
    name: String,
    email: String,
    /// The phone the account page shows.
    #[serde(default)]
    phone: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Product {
    title: String,
    variant: Option<String>,
    /// `demo-site/img/{image}.svg`.
    image: String,
    /// Unit price in minor units, by currency.
    price_minor: HashMap<String, i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Carrier {
    name: String,
    /// `{number}` is replaced by the tracking number.
    tracking_url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrdersFile {
    #[serde(rename = "about")]
    _about: String,
    orders: Vec<Order>,
    eta_revisions: Vec<EtaRevision>,
    generated: Vec<Series>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Order {
    number: String,
    /// What the order shows (the data file's comment).
    #[serde(rename = "story")]
    _story: String,
    email: String,
    customer: Option<String>,
    currency: String,
    placed: String,
    items: Vec<Units>,
    #[serde(default)]
    shipping_minor: i64,
    #[serde(default)]
    tax_minor: i64,
    #[serde(default)]
    discount_minor: i64,
    /// Given back so far (minor units).
    #[serde(default)]
    refunded_minor: i64,
    ship_to: String,
    payment: PaymentMethod,
    #[serde(default)]
    cancelled: bool,
    #[serde(default)]
    shipments: Vec<Shipment>,
    /// The shopper's language (the store's when absent).
    #[serde(default)]
    locale: Option<aftercare_shared::Locale>,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Units {
    sku: String,
    quantity: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shipment {
    carrier: String,
    tracking_number: String,
    shipped: Option<String>,
    eta: Option<[String; 2]>,
    pickup_point: Option<Pickup>,
    items: Vec<Units>,
    events: Vec<Event>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pickup {
    name: String,
    address: Address,
    opening_hours: Vec<String>,
    pickup_deadline: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Event {
    at: String,
    status: Option<TrackingStatus>,
    /// The carrier's own status code, mapped by the server.
    raw: Option<String>,
    reason: Option<ExceptionReason>,
    description: String,
    place: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EtaRevision {
    order: String,
    tracking_number: String,
    eta: [String; 2],
}

/// The demo orders, 1001–1034 written out and then the generated histories (Olivia's
/// 2001–2040), with times relative to `now_ms` (rounded down to the minute) and product
/// images under `public_url`.
pub fn demo_orders(now_ms: i64, public_url: &str) -> Result<Vec<OrderInput>> {
    let reference: Reference = parse("reference.json", include_str!("reference.json"))?;
    let file: OrdersFile = parse("orders.json", include_str!("orders.json"))?;
    let base = Base {
        clock: minute(now_ms),
        public_url: public_url.trim_end_matches('/'),
        reference: &reference,
    };
    let mut orders = file.orders;
    for series in &file.generated {
        orders.extend(series.expand()?);
    }
    orders.iter().map(|o| base.order(o)).collect()
}

/// A shipping address of `reference.json` by name (the address books reuse them).
pub(super) fn reference_address(name: &str) -> Result<Address> {
    let reference: Reference = parse("reference.json", include_str!("reference.json"))?;
    reference
        .addresses
        .get(name)
        .cloned()
        .ok_or_else(|| Error::internal(format!("seed: unknown address {name:?}")))
}

/// A customer's order history described compactly: one letter of `plan` per order, oldest
/// first, naming one of `kinds`. Orders are numbered from `first_number` and placed between
/// `oldest` and `newest`, closer together towards the present (the k-th newest is
/// (k−1)²/(n−1)² of the way back to `oldest`, as a customer's recent months are the busy ones
/// in the list), then moved (7 × index mod 12) hours earlier so times of day vary. Baskets
/// and carriers are taken in turn.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Series {
    #[serde(rename = "story")]
    _story: String,
    customer: String,
    email: String,
    currency: String,
    ship_to: String,
    payment: PaymentMethod,
    /// The UTC offset of every time (`+01:00`).
    offset: String,
    first_number: u32,
    oldest: String,
    newest: String,
    plan: String,
    kinds: HashMap<String, Kind>,
    /// `(carrier, tracking number template)`; `{n}` is the order number.
    carriers: Vec<(String, String)>,
    baskets: Vec<Vec<Units>>,
}

/// What an order of one `plan` letter looks like.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Kind {
    #[serde(default)]
    cancelled: bool,
    /// Its one parcel, holding every line; none while processing or cancelled.
    parcel: Option<ParcelPlan>,
}

/// A parcel's times as spans after the order was placed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParcelPlan {
    shipped: String,
    eta: [String; 2],
    /// `(after, status, description, place)`.
    events: Vec<(String, TrackingStatus, String, String)>,
}

impl Series {
    /// The data orders this history stands for; an error names a plan that would put a time
    /// in the future (the demo's "now" is the seeding time).
    fn expand(&self) -> Result<Vec<Order>> {
        const MINUTE: i64 = 60_000;
        const HOUR: i64 = 60 * MINUTE;
        let letters: Vec<char> = self.plan.chars().collect();
        let n = letters.len() as i64;
        if n < 2 || self.baskets.is_empty() || self.carriers.is_empty() {
            return Err(Error::internal(format!(
                "generated history of {}: a plan of two orders or more, baskets and carriers",
                self.customer
            )));
        }
        let newest = format::span_ms(&self.newest)?;
        let reach = newest - format::span_ms(&self.oldest)?;
        let mut orders = Vec::with_capacity(letters.len());
        for (i, letter) in letters.into_iter().enumerate() {
            let number = (self.first_number + i as u32).to_string();
            let bad = |what: &str| {
                Error::internal(format!("generated order {number} ({letter}): {what}"))
            };
            let kind = self
                .kinds
                .get(letter.to_string().as_str())
                .ok_or_else(|| bad("no such kind"))?;
            let k = n - 1 - i as i64;
            let placed = newest - reach * k * k / ((n - 1) * (n - 1)) - (7 * i as i64 % 12) * HOUR;
            let placed = placed - placed.rem_euclid(MINUTE);
            // An instant `after` the order was placed, in the seed notation.
            let when = |after: &str| -> Result<(i64, String)> {
                let t = placed + format::span_ms(after)?;
                Ok((t, format!("{}m {}", t / MINUTE, self.offset)))
            };
            // The same for what has happened already (an ETA may lie ahead).
            let at = |after: &str| -> Result<String> {
                match when(after)? {
                    (t, _) if t > 0 => Err(bad(&format!("{after} after placing is in the future"))),
                    (_, text) => Ok(text),
                }
            };
            let items = self.baskets[i % self.baskets.len()].clone();
            let shipments = match &kind.parcel {
                None => vec![],
                Some(p) => {
                    let (carrier, template) = &self.carriers[i % self.carriers.len()];
                    vec![Shipment {
                        carrier: carrier.clone(),
                        tracking_number: template.replace("{n}", &number),
                        shipped: Some(at(&p.shipped)?),
                        eta: Some([when(&p.eta[0])?.1, when(&p.eta[1])?.1]),
                        pickup_point: None,
                        items: items.clone(),
                        events: p
                            .events
                            .iter()
                            .map(|(after, status, description, place)| {
                                Ok(Event {
                                    at: at(after)?,
                                    status: Some(*status),
                                    raw: None,
                                    reason: None,
                                    description: description.clone(),
                                    place: place.clone(),
                                })
                            })
                            .collect::<Result<_>>()?,
                    }]
                }
            };
            orders.push(Order {
                _story: String::new(),
                email: self.email.clone(),
                customer: Some(self.customer.clone()),
                currency: self.currency.clone(),
                placed: at("0m")?,
                items,
                shipping_minor: 0,
                tax_minor: 0,
                discount_minor: 0,
                refunded_minor: 0,
                ship_to: self.ship_to.clone(),
                payment: self.payment.clone(),
                cancelled: kind.cancelled,
                shipments,
                number,
                locale: None,
            });
        }
        Ok(orders)
    }
}

/// Carrier ETA revisions sent after the orders, through the ingest path: (order number,
/// tracking number, new window), times relative to `now_ms` like the orders'.
pub fn demo_eta_revisions(now_ms: i64) -> Result<Vec<(String, String, EtaWindow)>> {
    let file: OrdersFile = parse("orders.json", include_str!("orders.json"))?;
    let clock = minute(now_ms);
    file.eta_revisions
        .into_iter()
        .map(|r| {
            let eta = EtaWindow {
                earliest: format::instant(&r.eta[0], clock)?,
                latest: format::instant(&r.eta[1], clock)?,
            };
            Ok((r.order, r.tracking_number, eta))
        })
        .collect()
}

/// Order times count from the seeding minute, so every seeded time is a whole minute.
fn minute(now_ms: i64) -> i64 {
    now_ms - now_ms.rem_euclid(60_000)
}

/// A product's page on the demo storefront ("Buy again" links there): `demo-site/product.html`,
/// the one product page the demo has, with the SKU in the query for a storefront that reads it.
pub fn product_url(public_url: &str, sku: &str) -> String {
    format!(
        "{}/product.html?sku={sku}",
        public_url.trim_end_matches('/')
    )
}

/// What turning a data order into an [`OrderInput`] needs.
struct Base<'a> {
    clock: i64,
    public_url: &'a str,
    reference: &'a Reference,
}

/// A name the data uses that `reference.json` does not define.
fn unknown(order: &str, what: &str, name: &str) -> Error {
    Error::internal(format!("demo order {order}: unknown {what} {name:?}"))
}

impl Base<'_> {
    fn at(&self, text: &str) -> Result<Timestamp> {
        format::instant(text, self.clock)
    }

    fn order(&self, o: &Order) -> Result<OrderInput> {
        let r = self.reference;
        let unknown = |what: &str, name: &str| unknown(&o.number, what, name);
        let customer = match &o.customer {
            Some(id) => {
                let c = r.customers.get(id).ok_or_else(|| unknown("customer", id))?;
                Some(CustomerInput {
                    external_id: id.clone(),
                    email: c.email.clone(),
                    name: Some(c.name.clone()),
                    phone: c.phone.clone(),
                })
            }
            None => None,
        };
        let items = o
            .items
            .iter()
            .map(|u| {
                let p = r
                    .products
                    .get(&u.sku)
                    .ok_or_else(|| unknown("SKU", &u.sku))?;
                let price = p.price_minor.get(&o.currency);
                Ok(LineItemInput {
                    sku: u.sku.clone(),
                    title: p.title.clone(),
                    variant: p.variant.clone(),
                    quantity: u.quantity,
                    unit_price_minor: *price.ok_or_else(|| unknown("price in", &o.currency))?,
                    image_url: Some(format!("{}/img/{}.svg", self.public_url, p.image)),
                    product_url: Some(product_url(self.public_url, &u.sku)),
                })
            })
            .collect::<Result<_>>()?;
        let address = r.addresses.get(&o.ship_to);
        Ok(OrderInput {
            order_number: o.number.clone(),
            email: o.email.clone(),
            customer,
            currency: o.currency.clone(),
            placed_at: self.at(&o.placed)?,
            items,
            shipping_minor: o.shipping_minor,
            tax_minor: o.tax_minor,
            discount_minor: o.discount_minor,
            shipping_address: Some(
                address
                    .ok_or_else(|| unknown("address", &o.ship_to))?
                    .clone(),
            ),
            payment: Some(o.payment.clone()),
            refunded_minor: o.refunded_minor,
            cancelled: o.cancelled,
            shipments: o
                .shipments
                .iter()
                .map(|s| self.shipment(&o.number, s))
                .collect::<Result<_>>()?,
            locale: o.locale,
        })
    }

    fn shipment(&self, order: &str, s: &Shipment) -> Result<ShipmentInput> {
        let r = self.reference;
        let carrier = r
            .carriers
            .get(&s.carrier)
            .ok_or_else(|| unknown(order, "carrier", &s.carrier))?;
        let (eta_earliest, eta_latest) = match &s.eta {
            Some([earliest, latest]) => (Some(self.at(earliest)?), Some(self.at(latest)?)),
            None => (None, None),
        };
        let pickup_point = match &s.pickup_point {
            Some(p) => Some(PickupPoint {
                name: p.name.clone(),
                address: p.address.clone(),
                opening_hours: p.opening_hours.clone(),
                pickup_deadline: p
                    .pickup_deadline
                    .as_deref()
                    .map(|t| self.at(t))
                    .transpose()?,
            }),
            None => None,
        };
        let events = s
            .events
            .iter()
            .map(|e| {
                let place = r.places.get(&e.place);
                Ok(TrackingEventInput {
                    carrier_event_id: None,
                    status: e.status,
                    reason: e.reason,
                    raw_status: e.raw.clone(),
                    description: e.description.clone(),
                    location: Some(
                        place
                            .ok_or_else(|| unknown(order, "place", &e.place))?
                            .clone(),
                    ),
                    occurred_at: self.at(&e.at)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(ShipmentInput {
            carrier_code: s.carrier.clone(),
            carrier_name: Some(carrier.name.clone()),
            tracking_number: s.tracking_number.clone(),
            tracking_url: Some(carrier.tracking_url.replace("{number}", &s.tracking_number)),
            eta_earliest,
            eta_latest,
            shipped_at: s.shipped.as_deref().map(|t| self.at(t)).transpose()?,
            pickup_point,
            items: s
                .items
                .iter()
                .map(|u| ParcelItemInput {
                    sku: u.sku.clone(),
                    quantity: u.quantity,
                })
                .collect(),
            events,
        })
    }
}
