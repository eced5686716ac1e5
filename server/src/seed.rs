//! `aftercare-server seed-demo`: the "Aurora Outfitters" demo store and 20 realistic orders.
//!
//! Times are relative to the moment of seeding, with the carriers' real offsets (+01:00
//! Spain, -05:00 US East…). Everything goes through `repo::orders::put_order`, the code
//! path of the admin `PUT` (validation included), so re-running replaces orders by number
//! and never duplicates anything. docs/CONTRACTS.md lists the orders tests rely on.

use crate::db::Db;
use crate::error::Result;
use crate::repo::{orders, stores};
use aftercare_shared::api::{
    CustomerInput, LineItemInput, OrderInput, ParcelItemInput, ShipmentInput, SupportContacts,
    TrackingEventInput,
};
use aftercare_shared::order::{Address, PaymentMethod};
use aftercare_shared::tracking::Location;
use aftercare_shared::{Locale, Timestamp, TrackingStatus};

/// The demo store's publishable key.
pub const DEMO_PUBLISHABLE_KEY: &str = "pk_demo_aurora";
/// The demo store's secret key.
pub const DEMO_SECRET_KEY: &str = "sk_demo_aurora_secret";

/// The demo store: name, keys, support contacts and local-development origins.
pub fn demo_store() -> stores::StoreInput {
    stores::StoreInput {
        name: "Aurora Outfitters".into(),
        publishable_key: DEMO_PUBLISHABLE_KEY.into(),
        secret_key: DEMO_SECRET_KEY.into(),
        default_locale: Locale::En,
        support: SupportContacts {
            email: Some("help@aurora.example".into()),
            phone: Some("+34 910 000 000".into()),
            chat_url: Some("https://aurora.example/help".into()),
        },
        origins: vec!["http://127.0.0.1:*".into(), "http://localhost:*".into()],
    }
}

/// What `seed-demo` wrote.
#[derive(Debug)]
pub struct SeedReport {
    /// The demo store's id.
    pub store_id: i64,
    /// Orders created or replaced.
    pub orders: usize,
}

/// Create or refresh the demo store and its orders (idempotent).
pub async fn seed_demo(db: &Db) -> Result<SeedReport> {
    let store = stores::upsert(db, &demo_store()).await?;
    let list = demo_orders(crate::now_ms());
    for order in &list {
        orders::put_order(db, store.id, order).await?;
    }
    Ok(SeedReport {
        store_id: store.id,
        orders: list.len(),
    })
}

const HOUR: i64 = 3_600_000;
const ES: i16 = 60;
const US_EAST: i16 = -300;

struct Clock(i64);

impl Clock {
    /// `hours` from now (negative = past), at a place with this UTC offset.
    fn at(&self, hours: i64, offset: i16) -> Timestamp {
        Timestamp::from_utc_ms(self.0 + hours * HOUR, offset)
    }
    fn days(&self, days: i64, offset: i16) -> Timestamp {
        self.at(days * 24, offset)
    }
}

fn customer(id: &str) -> Option<CustomerInput> {
    let (email, name) = match id {
        "cus_ana" => ("ana@example.com", "Ana López"),
        "cus_ben" => ("ben@example.com", "Ben Carter"),
        "cus_carla" => ("carla@example.com", "Carla Ruiz"),
        "cus_dev" => ("dev@example.com", "Dev Patel"),
        _ => return None,
    };
    Some(CustomerInput {
        external_id: id.into(),
        email: email.into(),
        name: Some(name.into()),
    })
}

fn address(who: &str) -> Address {
    let a = |name: &str,
             line1: &str,
             line2: Option<&str>,
             city: &str,
             region: Option<&str>,
             postal: &str,
             country: &str| Address {
        name: name.into(),
        line1: line1.into(),
        line2: line2.map(Into::into),
        city: city.into(),
        region: region.map(Into::into),
        postal_code: postal.into(),
        country: country.into(),
    };
    match who {
        "ana" => a(
            "Ana López",
            "Calle de Alcalá 123",
            Some("3º B"),
            "Madrid",
            Some("Madrid"),
            "28009",
            "ES",
        ),
        "ben" => a(
            "Ben Carter",
            "245 W 17th St",
            Some("Apt 4C"),
            "New York",
            Some("NY"),
            "10011",
            "US",
        ),
        "carla" => a(
            "Carla Ruiz",
            "Carrer de Mallorca 210",
            Some("Principal 2ª"),
            "Barcelona",
            Some("Barcelona"),
            "08008",
            "ES",
        ),
        "dev" => a(
            "Dev Patel",
            "77 Massachusetts Ave",
            None,
            "Cambridge",
            Some("MA"),
            "02139",
            "US",
        ),
        "marta" => a(
            "Marta Gil",
            "Avenida del Puerto 45",
            Some("Puerta 12"),
            "Valencia",
            Some("Valencia"),
            "46023",
            "ES",
        ),
        "tom" => a(
            "Tom Reed",
            "1200 Peachtree St NE",
            Some("Suite 300"),
            "Atlanta",
            Some("GA"),
            "30309",
            "US",
        ),
        _ => a(
            "Lucía Fernández",
            "Calle Sierpes 8",
            None,
            "Sevilla",
            Some("Sevilla"),
            "41004",
            "ES",
        ),
    }
}

fn card(brand: &str, last4: Option<&str>) -> Option<PaymentMethod> {
    Some(PaymentMethod {
        brand: brand.into(),
        last4: last4.map(Into::into),
    })
}

/// (sku, title, variant, unit price in minor units, image slug)
type Product = (
    &'static str,
    &'static str,
    Option<&'static str>,
    i64,
    &'static str,
);

const SWEATER: Product = (
    "MER-CREW-FG-M",
    "Merino Crew Sweater",
    Some("Forest Green / M"),
    8900,
    "merino-crew-forest-green",
);
const SOCKS: Product = (
    "SOCK-WOOL-HIKE",
    "Wool Hiking Socks",
    None,
    1250,
    "wool-hiking-socks",
);
const LINEN: Product = (
    "LIN-SHIRT-WH-L",
    "Linen Shirt",
    Some("White / L"),
    5900,
    "linen-shirt-white",
);
const TOTE: Product = (
    "TOTE-CANVAS-NAT",
    "Canvas Tote",
    Some("Natural"),
    2900,
    "canvas-tote",
);
const BELT: Product = (
    "BELT-LEA-BR-90",
    "Leather Belt",
    Some("Brown / 90 cm"),
    4500,
    "leather-belt-brown",
);
const JACKET: Product = (
    "RAIN-PACK-NV-M",
    "Packable Rain Jacket",
    Some("Navy / M"),
    12900,
    "packable-rain-jacket-navy",
);
const SHOES: Product = (
    "TRAIL-RUN-SL-42",
    "Trail Running Shoes",
    Some("Slate / EU 42"),
    11900,
    "trail-running-shoes-slate",
);
const BEANIE: Product = (
    "BEANIE-RIB-CH",
    "Ribbed Beanie",
    Some("Charcoal"),
    2200,
    "ribbed-beanie-charcoal",
);
const VEST: Product = (
    "VEST-DOWN-BK-S",
    "Down Vest",
    Some("Black / S"),
    9900,
    "down-vest-black",
);
const CHINOS: Product = (
    "CHINO-ORG-SD-32",
    "Organic Cotton Chinos",
    Some("Sand / 32"),
    6900,
    "organic-chinos-sand",
);
const BASE: Product = (
    "BASE-MER-BK-M",
    "Merino Base Layer",
    Some("Black / M"),
    7500,
    "merino-base-layer",
);
const DAYPACK: Product = (
    "PACK-ROLL-20",
    "Roll-top Daypack 20 L",
    Some("Olive"),
    8900,
    "rolltop-daypack-olive",
);
const SUNGLASSES: Product = (
    "SUN-POL-TORT",
    "Polarised Sunglasses",
    Some("Tortoise"),
    6500,
    "polarised-sunglasses",
);
const BOTTLE: Product = (
    "BOTTLE-INS-750",
    "Insulated Bottle 750 ml",
    Some("Glacier"),
    2900,
    "insulated-bottle",
);
const FLANNEL: Product = (
    "FLAN-OVER-RD-M",
    "Flannel Overshirt",
    Some("Red Check / M"),
    6900,
    "flannel-overshirt-red",
);
const GLOVES: Product = (
    "GLOVE-TOUCH-M",
    "Touchscreen Gloves",
    Some("M"),
    2500,
    "touchscreen-gloves",
);
const SCARF: Product = (
    "SCARF-ALP-GR",
    "Alpaca Scarf",
    Some("Grey"),
    5500,
    "alpaca-scarf-grey",
);

fn line(p: Product, quantity: u32) -> LineItemInput {
    LineItemInput {
        sku: p.0.into(),
        title: p.1.into(),
        variant: p.2.map(Into::into),
        quantity,
        unit_price_minor: p.3,
        image_url: Some(format!(
            "https://images.aurora.example/products/{}.jpg",
            p.4
        )),
    }
}

/// Price in another currency (the US storefront lists the same catalogue in USD).
fn usd(p: Product) -> Product {
    (p.0, p.1, p.2, p.3 + p.3 / 10, p.4)
}

fn ev(
    status: TrackingStatus,
    description: &str,
    place: (&str, Option<&str>, &str),
    occurred_at: Timestamp,
) -> TrackingEventInput {
    TrackingEventInput {
        carrier_event_id: None,
        status,
        description: description.into(),
        location: Some(Location {
            city: Some(place.0.into()),
            region: place.1.map(Into::into),
            country: Some(place.2.into()),
            postal_code: None,
        }),
        occurred_at,
    }
}

fn tracking_url(carrier: &str, number: &str) -> String {
    match carrier {
        "correos" => format!("https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={number}"),
        "seur" => format!("https://www.seur.com/livetracking/?segOnlineIdentificador={number}"),
        "ups" => format!("https://www.ups.com/track?tracknum={number}"),
        "dhl" => format!("https://www.dhl.com/es-en/home/tracking/tracking-parcel.html?submit=1&tracking-id={number}"),
        "fedex" => format!("https://www.fedex.com/fedextrack/?trknbr={number}"),
        _ => format!("https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
    }
}

fn parcel(
    carrier: &str,
    number: &str,
    shipped_at: Option<Timestamp>,
    eta: Option<(Timestamp, Timestamp)>,
    items: &[(Product, u32)],
    events: Vec<TrackingEventInput>,
) -> ShipmentInput {
    let name = match carrier {
        "correos" => "Correos",
        "seur" => "SEUR",
        "ups" => "UPS",
        "dhl" => "DHL",
        "fedex" => "FedEx",
        _ => "USPS",
    };
    ShipmentInput {
        carrier_code: carrier.into(),
        carrier_name: Some(name.into()),
        tracking_number: number.into(),
        tracking_url: Some(tracking_url(carrier, number)),
        eta_earliest: eta.map(|e| e.0),
        eta_latest: eta.map(|e| e.1),
        shipped_at,
        items: items
            .iter()
            .map(|(p, q)| ParcelItemInput {
                sku: p.0.into(),
                quantity: *q,
            })
            .collect(),
        events,
    }
}

#[allow(clippy::too_many_arguments)]
fn order(
    number: &str,
    email: &str,
    customer_id: Option<&str>,
    currency: &str,
    placed_at: Timestamp,
    items: &[(Product, u32)],
    (shipping_minor, tax_minor, discount_minor): (i64, i64, i64),
    ship_to: &str,
    payment: Option<PaymentMethod>,
    shipments: Vec<ShipmentInput>,
) -> OrderInput {
    OrderInput {
        order_number: number.into(),
        email: email.into(),
        customer: customer_id.and_then(customer),
        currency: currency.into(),
        placed_at,
        items: items.iter().map(|(p, q)| line(*p, *q)).collect(),
        shipping_minor,
        tax_minor,
        discount_minor,
        shipping_address: Some(address(ship_to)),
        payment,
        cancelled: false,
        shipments,
    }
}

const MADRID: (&str, Option<&str>, &str) = ("Madrid", None, "ES");
const ZARAGOZA: (&str, Option<&str>, &str) = ("Zaragoza", None, "ES");
const BARCELONA: (&str, Option<&str>, &str) = ("Barcelona", None, "ES");
const VALENCIA: (&str, Option<&str>, &str) = ("Valencia", None, "ES");
const SEVILLA: (&str, Option<&str>, &str) = ("Sevilla", None, "ES");
const COSLADA: (&str, Option<&str>, &str) = ("Coslada", Some("Madrid"), "ES");
const SECAUCUS: (&str, Option<&str>, &str) = ("Secaucus", Some("NJ"), "US");
const NEW_YORK: (&str, Option<&str>, &str) = ("New York", Some("NY"), "US");
const KEARNY: (&str, Option<&str>, &str) = ("Kearny", Some("NJ"), "US");
const BOSTON: (&str, Option<&str>, &str) = ("Boston", Some("MA"), "US");
const CAMBRIDGE: (&str, Option<&str>, &str) = ("Cambridge", Some("MA"), "US");
const ATLANTA: (&str, Option<&str>, &str) = ("Atlanta", Some("GA"), "US");
const LEIPZIG: (&str, Option<&str>, &str) = ("Leipzig", None, "DE");
const CINCINNATI: (&str, Option<&str>, &str) = ("Cincinnati", Some("OH"), "US");

/// The demo orders 1001–1020, with times relative to `now_ms`.
#[allow(clippy::vec_init_then_push)] // one commented block per order reads better than a vec![]
pub fn demo_orders(now_ms: i64) -> Vec<OrderInput> {
    use TrackingStatus::*;
    let c = Clock(now_ms - now_ms.rem_euclid(60_000));
    let mut out = Vec::new();

    // 1001 — Ana: delivered by Correos about two weeks ago.
    out.push(order(
        "1001",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-16, ES),
        &[(JACKET, 1)],
        (0, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450097001E",
            Some(c.days(-15, ES)),
            Some((c.days(-13, ES), c.days(-12, ES))),
            &[(JACKET, 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    c.at(-15 * 24 - 6, ES),
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-15, ES),
                ),
                ev(
                    OutForDelivery,
                    "Out for delivery",
                    MADRID,
                    c.at(-13 * 24 - 6, ES),
                ),
                ev(
                    Delivered,
                    "Delivered to the recipient",
                    MADRID,
                    c.at(-13 * 24 - 2, ES),
                ),
            ],
        )],
    ));

    // 1002 — Ana: Correos, in transit (CONTRACTS.md).
    out.push(order(
        "1002",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-4, ES),
        &[(SWEATER, 1), (SOCKS, 2)],
        (0, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450128001W",
            Some(c.days(-3, ES)),
            Some((c.days(1, ES), c.days(2, ES))),
            &[(SWEATER, 1), (SOCKS, 2)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    Timestamp {
                        utc_ms: c.days(-3, 0).utc_ms,
                        offset_minutes: None,
                    },
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    MADRID,
                    c.days(-2, ES),
                ),
                ev(
                    InTransit,
                    "In transit to the destination hub",
                    ZARAGOZA,
                    c.days(-1, ES),
                ),
            ],
        )],
    ));

    // 1003 — Ana: processing, nothing shipped yet (CONTRACTS.md).
    out.push(order(
        "1003",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.at(-5, ES),
        &[(BEANIE, 1), (GLOVES, 1)],
        (495, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![],
    ));

    // 1004 — Ben: label created, UPS has not received the parcel.
    out.push(order(
        "1004",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-1, US_EAST),
        &[(usd(SHOES), 1)],
        (0, 1155, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![parcel(
            "ups",
            "1Z9A7W840354813025",
            None,
            Some((c.days(3, US_EAST), c.days(4, US_EAST))),
            &[(usd(SHOES), 1)],
            vec![ev(
                InfoReceived,
                "Shipper created a label, UPS has not received the package yet.",
                SECAUCUS,
                c.at(-20, US_EAST),
            )],
        )],
    ));

    // 1005 — Ben: USPS, out for delivery today.
    out.push(order(
        "1005",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-4, US_EAST),
        &[(usd(BASE), 1), (usd(BOTTLE), 2)],
        (695, 1303, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![parcel(
            "usps",
            "9400111899223197428490",
            Some(c.days(-3, US_EAST)),
            Some((c.at(-2, US_EAST), c.at(6, US_EAST))),
            &[(usd(BASE), 1), (usd(BOTTLE), 2)],
            vec![
                ev(
                    InfoReceived,
                    "Shipping Label Created, USPS Awaiting Item",
                    SECAUCUS,
                    c.days(-3, US_EAST),
                ),
                ev(
                    InTransit,
                    "Accepted at USPS Origin Facility",
                    KEARNY,
                    c.at(-60, US_EAST),
                ),
                ev(
                    InTransit,
                    "Arrived at USPS Regional Facility",
                    NEW_YORK,
                    c.at(-30, US_EAST),
                ),
                ev(
                    OutForDelivery,
                    "Out for Delivery, Expected Delivery by 8:00pm",
                    NEW_YORK,
                    c.at(-3, US_EAST),
                ),
            ],
        )],
    ));

    // 1006 — Carla: two parcels (UPS delivered, SEUR in transit), belt not shipped (CONTRACTS.md).
    out.push(order(
        "1006",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-6, ES),
        &[(LINEN, 1), (TOTE, 1), (BELT, 1)],
        (0, 0, 0),
        "carla",
        card("amex", Some("0005")),
        vec![
            parcel(
                "ups",
                "1Z999AA10123456784",
                Some(c.days(-5, ES)),
                Some((c.days(-2, ES), c.days(-2, ES))),
                &[(LINEN, 1)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipper created a label, UPS has not received the package yet.",
                        MADRID,
                        c.at(-5 * 24 - 4, ES),
                    ),
                    ev(InTransit, "Departed from Facility", MADRID, c.days(-4, ES)),
                    ev(InTransit, "Arrived at Facility", BARCELONA, c.days(-3, ES)),
                    ev(
                        OutForDelivery,
                        "Out For Delivery Today",
                        BARCELONA,
                        c.at(-2 * 24 - 6, ES),
                    ),
                    ev(
                        Delivered,
                        "Delivered, Front Door",
                        BARCELONA,
                        c.at(-2 * 24 - 2, ES),
                    ),
                ],
            ),
            parcel(
                "seur",
                "SEUR7788123",
                Some(c.days(-2, ES)),
                Some((c.days(1, ES), c.days(2, ES))),
                &[(TOTE, 1)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipment data received",
                        MADRID,
                        c.at(-2 * 24 - 3, ES),
                    ),
                    ev(
                        InTransit,
                        "Parcel in transit to the delivery branch",
                        ZARAGOZA,
                        c.at(-20, ES),
                    ),
                ],
            ),
        ],
    ));

    // 1007 — Carla: SEUR tried to deliver and failed.
    out.push(order("1007", "carla@example.com", Some("cus_carla"), "EUR", c.days(-5, ES), &[(VEST, 1)], (0, 0, 0), "carla", card("amex", Some("0005")), vec![
        parcel("seur", "SEUR7790456", Some(c.days(-4, ES)), Some((c.days(-1, ES), c.days(0, ES))), &[(VEST, 1)], vec![
            ev(InfoReceived, "Shipment data received", MADRID, c.at(-4 * 24 - 2, ES)),
            ev(InTransit, "Parcel in transit to the delivery branch", MADRID, c.days(-3, ES)),
            ev(InTransit, "Parcel at the delivery branch", BARCELONA, c.at(-30, ES)),
            ev(OutForDelivery, "Parcel out for delivery", BARCELONA, c.at(-9, ES)),
            ev(AttemptedDelivery, "Delivery attempted: recipient absent. A new attempt will be made on the next business day.", BARCELONA, c.at(-5, ES)),
        ]),
    ]));

    // 1008 — Dev: FedEx, waiting at a pickup point.
    out.push(order(
        "1008",
        "dev@example.com",
        Some("cus_dev"),
        "USD",
        c.days(-5, US_EAST),
        &[(usd(DAYPACK), 1)],
        (0, 612, 0),
        "dev",
        card("visa", Some("1881")),
        vec![parcel(
            "fedex",
            "771234567890",
            Some(c.days(-4, US_EAST)),
            Some((c.days(-1, US_EAST), c.days(-1, US_EAST))),
            &[(usd(DAYPACK), 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information sent to FedEx",
                    SECAUCUS,
                    c.at(-4 * 24 - 5, US_EAST),
                ),
                ev(InTransit, "Picked up", SECAUCUS, c.days(-4, US_EAST)),
                ev(
                    InTransit,
                    "Arrived at FedEx location",
                    BOSTON,
                    c.days(-2, US_EAST),
                ),
                ev(
                    AvailableForPickup,
                    "Ready for pickup at FedEx Office, 1 Broadway. Bring a photo ID.",
                    CAMBRIDGE,
                    c.at(-20, US_EAST),
                ),
            ],
        )],
    ));

    // 1009 — Dev: international DHL Express parcel held in customs.
    out.push(order("1009", "dev@example.com", Some("cus_dev"), "EUR", c.days(-6, ES), &[(SCARF, 1), (SWEATER, 1)], (1995, 0, 0), "dev", card("visa", Some("1881")), vec![
        parcel("dhl", "4812776530", Some(c.days(-5, ES)), Some((c.days(-2, US_EAST), c.days(-1, US_EAST))), &[(SCARF, 1), (SWEATER, 1)], vec![
            ev(InfoReceived, "Shipment information received", MADRID, c.at(-5 * 24 - 3, ES)),
            ev(InTransit, "Shipment picked up", MADRID, c.days(-5, ES)),
            ev(InTransit, "Processed at DHL hub", LEIPZIG, c.days(-4, ES)),
            ev(InTransit, "Arrived at DHL hub", CINCINNATI, c.days(-3, US_EAST)),
            ev(Exception, "Clearance delay: the shipment is on hold awaiting customs documentation from the importer.", CINCINNATI, c.days(-2, US_EAST)),
        ]),
    ]));

    // 1010 — guest: DHL parcel in transit (CONTRACTS.md).
    out.push(order(
        "1010",
        "guest@example.com",
        None,
        "EUR",
        c.days(-3, ES),
        &[(FLANNEL, 1), (BEANIE, 1)],
        (0, 0, 0),
        "marta",
        card("paypal", None),
        vec![parcel(
            "dhl",
            "JD014600006281234567",
            Some(c.days(-2, ES)),
            Some((c.days(1, ES), c.days(2, ES))),
            &[(FLANNEL, 1), (BEANIE, 1)],
            vec![
                ev(
                    InfoReceived,
                    "The shipment has been electronically announced",
                    MADRID,
                    c.at(-2 * 24 - 4, ES),
                ),
                ev(
                    InTransit,
                    "The shipment has been processed in the parcel centre",
                    MADRID,
                    c.at(-30, ES),
                ),
                ev(
                    InTransit,
                    "The shipment is on its way to the destination parcel centre",
                    VALENCIA,
                    c.at(-8, ES),
                ),
            ],
        )],
    ));

    // 1011 — Ana: weather delay; the promised window has already passed.
    out.push(order("1011", "ana@example.com", Some("cus_ana"), "EUR", c.days(-8, ES), &[(SHOES, 1)], (0, 0, 1190), "ana", card("visa", Some("4242")), vec![
        parcel("ups", "1Z9A7W846802751186", Some(c.days(-7, ES)), Some((c.days(-4, ES), c.days(-3, ES))), &[(SHOES, 1)], vec![
            ev(InfoReceived, "Shipper created a label, UPS has not received the package yet.", BARCELONA, c.at(-7 * 24 - 5, ES)),
            ev(InTransit, "Departed from Facility", BARCELONA, c.days(-6, ES)),
            ev(InTransit, "Arrived at Facility", ZARAGOZA, c.days(-5, ES)),
            ev(Exception, "Severe weather conditions have delayed delivery. We will deliver as soon as conditions allow.", ZARAGOZA, c.days(-3, ES)),
        ]),
    ]));

    // 1012 — Ben: unclaimed at the post office and returned to sender.
    out.push(order(
        "1012",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-25, US_EAST),
        &[(usd(SUNGLASSES), 1)],
        (695, 633, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![parcel(
            "usps",
            "9400111899560412783315",
            Some(c.days(-24, US_EAST)),
            Some((c.days(-21, US_EAST), c.days(-20, US_EAST))),
            &[(usd(SUNGLASSES), 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipping Label Created, USPS Awaiting Item",
                    SECAUCUS,
                    c.days(-24, US_EAST),
                ),
                ev(
                    InTransit,
                    "Arrived at USPS Regional Facility",
                    KEARNY,
                    c.days(-23, US_EAST),
                ),
                ev(
                    AttemptedDelivery,
                    "Notice Left (No Authorized Recipient Available)",
                    NEW_YORK,
                    c.days(-21, US_EAST),
                ),
                ev(
                    AvailableForPickup,
                    "Available for Pickup at the Post Office",
                    NEW_YORK,
                    c.at(-21 * 24 + 3, US_EAST),
                ),
                ev(
                    ReturnedToSender,
                    "Unclaimed/Being Returned to Sender",
                    NEW_YORK,
                    c.days(-6, US_EAST),
                ),
            ],
        )],
    ));

    // 1013 — Carla: an old order, delivered about 200 days ago.
    out.push(order(
        "1013",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-203, ES),
        &[(CHINOS, 2), (BELT, 1)],
        (0, 0, 1830),
        "carla",
        card("amex", Some("0005")),
        vec![parcel(
            "correos",
            "PQ4F6P0700119876540008X",
            Some(c.days(-202, ES)),
            Some((c.days(-200, ES), c.days(-199, ES))),
            &[(CHINOS, 2), (BELT, 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    c.at(-202 * 24 - 4, ES),
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-202, ES),
                ),
                ev(
                    OutForDelivery,
                    "Out for delivery",
                    BARCELONA,
                    c.at(-200 * 24 - 5, ES),
                ),
                ev(
                    Delivered,
                    "Delivered to the recipient",
                    BARCELONA,
                    c.at(-200 * 24 - 1, ES),
                ),
            ],
        )],
    ));

    // 1014 — Dev: two parcels, everything shipped (one delivered, one still moving).
    out.push(order(
        "1014",
        "dev@example.com",
        Some("cus_dev"),
        "USD",
        c.days(-7, US_EAST),
        &[(usd(JACKET), 1), (usd(FLANNEL), 1), (usd(GLOVES), 2)],
        (0, 1657, 0),
        "dev",
        card("visa", Some("1881")),
        vec![
            parcel(
                "ups",
                "1Z9A7W841276540031",
                Some(c.days(-6, US_EAST)),
                Some((c.days(-3, US_EAST), c.days(-3, US_EAST))),
                &[(usd(JACKET), 1)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipper created a label, UPS has not received the package yet.",
                        SECAUCUS,
                        c.at(-6 * 24 - 3, US_EAST),
                    ),
                    ev(
                        InTransit,
                        "Departed from Facility",
                        SECAUCUS,
                        c.days(-5, US_EAST),
                    ),
                    ev(
                        OutForDelivery,
                        "Out For Delivery Today",
                        CAMBRIDGE,
                        c.at(-3 * 24 - 6, US_EAST),
                    ),
                    ev(
                        Delivered,
                        "Delivered, Front Door",
                        CAMBRIDGE,
                        c.at(-3 * 24 - 1, US_EAST),
                    ),
                ],
            ),
            parcel(
                "usps",
                "9400111899223100457712",
                Some(c.days(-3, US_EAST)),
                Some((c.days(1, US_EAST), c.days(2, US_EAST))),
                &[(usd(FLANNEL), 1), (usd(GLOVES), 2)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipping Label Created, USPS Awaiting Item",
                        SECAUCUS,
                        c.days(-3, US_EAST),
                    ),
                    ev(
                        InTransit,
                        "In Transit to Next Facility",
                        KEARNY,
                        c.days(-2, US_EAST),
                    ),
                    ev(
                        InTransit,
                        "Arrived at USPS Regional Facility",
                        BOSTON,
                        c.at(-10, US_EAST),
                    ),
                ],
            ),
        ],
    ));

    // 1015 — guest in Atlanta: UPS in transit.
    out.push(order(
        "1015",
        "tom.reed@example.com",
        None,
        "USD",
        c.days(-3, US_EAST),
        &[(usd(VEST), 1)],
        (0, 968, 0),
        "tom",
        card("visa", Some("0077")),
        vec![parcel(
            "ups",
            "1Z9A7W840398870021",
            Some(c.days(-2, US_EAST)),
            Some((c.days(1, US_EAST), c.days(1, US_EAST))),
            &[(usd(VEST), 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipper created a label, UPS has not received the package yet.",
                    SECAUCUS,
                    c.at(-2 * 24 - 5, US_EAST),
                ),
                ev(
                    InTransit,
                    "Departed from Facility",
                    SECAUCUS,
                    c.days(-2, US_EAST),
                ),
                ev(InTransit, "Arrived at Facility", ATLANTA, c.at(-6, US_EAST)),
            ],
        )],
    ));

    // 1016 — Ben: cancelled before shipping.
    let mut cancelled = order(
        "1016",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-10, US_EAST),
        &[(usd(SCARF), 1)],
        (695, 596, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![],
    );
    cancelled.cancelled = true;
    out.push(cancelled);

    // 1017 — Ana: delivered by DHL about 40 days ago.
    out.push(order(
        "1017",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-42, ES),
        &[(DAYPACK, 1), (BOTTLE, 1)],
        (0, 0, 0),
        "ana",
        card("paypal", None),
        vec![parcel(
            "dhl",
            "JD014600006199887766",
            Some(c.days(-41, ES)),
            Some((c.days(-39, ES), c.days(-38, ES))),
            &[(DAYPACK, 1), (BOTTLE, 1)],
            vec![
                ev(
                    InfoReceived,
                    "The shipment has been electronically announced",
                    MADRID,
                    c.at(-41 * 24 - 3, ES),
                ),
                ev(
                    InTransit,
                    "The shipment has been processed in the parcel centre",
                    MADRID,
                    c.days(-41, ES),
                ),
                ev(
                    OutForDelivery,
                    "The shipment has been loaded onto the delivery vehicle",
                    MADRID,
                    c.at(-39 * 24 - 6, ES),
                ),
                ev(
                    Delivered,
                    "The shipment has been successfully delivered",
                    MADRID,
                    c.at(-39 * 24 - 3, ES),
                ),
            ],
        )],
    ));

    // 1018 — Dev: placed two hours ago, processing.
    out.push(order(
        "1018",
        "dev@example.com",
        Some("cus_dev"),
        "USD",
        c.at(-2, US_EAST),
        &[(usd(BEANIE), 2), (usd(SOCKS), 3)],
        (695, 568, 0),
        "dev",
        card("visa", Some("1881")),
        vec![],
    ));

    // 1019 — Carla: Correos, out for delivery today.
    out.push(order(
        "1019",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-3, ES),
        &[(SUNGLASSES, 1)],
        (0, 0, 0),
        "carla",
        card("amex", Some("0005")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450155002N",
            Some(c.days(-2, ES)),
            Some((c.at(-4, ES), c.at(6, ES))),
            &[(SUNGLASSES, 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    c.at(-2 * 24 - 5, ES),
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-2, ES),
                ),
                ev(
                    InTransit,
                    "Arrived at the delivery office",
                    BARCELONA,
                    c.at(-14, ES),
                ),
                ev(OutForDelivery, "Out for delivery", BARCELONA, c.at(-3, ES)),
            ],
        )],
    ));

    // 1020 — guest in Sevilla: SEUR label created yesterday.
    out.push(order(
        "1020",
        "lucia.fernandez@example.com",
        None,
        "EUR",
        c.days(-1, ES),
        &[(TOTE, 2), (BOTTLE, 1)],
        (495, 0, 0),
        "lucia",
        card("visa", Some("3184")),
        vec![parcel(
            "seur",
            "SEUR7791870",
            None,
            Some((c.days(2, ES), c.days(3, ES))),
            &[(TOTE, 2), (BOTTLE, 1)],
            vec![ev(
                InfoReceived,
                "Shipment data received",
                SEVILLA,
                c.at(-10, ES),
            )],
        )],
    ));

    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::validate;

    #[test]
    fn every_demo_order_is_valid_and_numbered_1001_to_1020() {
        let orders = demo_orders(1_800_000_000_000);
        let numbers: Vec<_> = orders.iter().map(|o| o.order_number.as_str()).collect();
        let expected: Vec<String> = (1001..=1020).map(|n| n.to_string()).collect();
        assert_eq!(
            numbers,
            expected.iter().map(String::as_str).collect::<Vec<_>>()
        );
        for o in &orders {
            validate::order_input(o).unwrap_or_else(|e| panic!("{}: {e:?}", o.order_number));
        }
    }
}
