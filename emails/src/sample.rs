//! A sample order and its parcel, for the renderers' tests.

use aftercare_shared::api::Branding;
use aftercare_shared::order::{
    Carrier, LineItem, Order, OrderStatus, OrderTotals, ParcelItem, PickupPoint, Shipment,
};
use aftercare_shared::tracking::{EtaWindow, ProgressStep};
use aftercare_shared::{
    address::Address, Currency, Money, NextStep, OrderNumber, Timestamp, TrackingStatus,
};

/// 30 Nov 2026, 14:05 UTC.
pub(crate) const NOW: i64 = 1_796_047_500_000;
const DAY: i64 = 86_400_000;

pub(crate) fn branding() -> Branding {
    Branding::default()
}

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::parse("EUR").unwrap())
}

fn at(ms: i64) -> Timestamp {
    Timestamp::from_utc_ms(ms, 0)
}

pub(crate) fn address() -> Address {
    Address {
        name: "Ana García".into(),
        line1: "Calle Mayor 1".into(),
        line2: Some("3º B".into()),
        city: "Madrid".into(),
        region: None,
        postal_code: "28013".into(),
        country: "ES".into(),
    }
}

pub(crate) fn parcel(status: TrackingStatus) -> Shipment {
    Shipment {
        id: 7,
        carrier: Carrier {
            code: "ups".into(),
            name: "UPS".into(),
        },
        tracking_number: "1Z999AA10123456784".into(),
        tracking_url: Some("https://www.ups.com/track?tracknum=1Z999AA10123456784".into()),
        status,
        step: ProgressStep::InTransit,
        reason: None,
        delayed: false,
        stalled: false,
        next_step: NextStep::Wait,
        eta: Some(EtaWindow {
            earliest: at(NOW + 3 * DAY),
            latest: at(NOW + 5 * DAY),
        }),
        eta_original: None,
        shipped_at: Some(at(NOW - DAY)),
        last_update_at: Some(at(NOW - 3_600_000)),
        pickup_point: Some(PickupPoint {
            name: "Kiosko Sol".into(),
            address: Address {
                name: "Kiosko Sol".into(),
                ..address()
            },
            opening_hours: vec!["Mon–Fri 09:00–20:00".into()],
            pickup_deadline: Some(at(NOW + 7 * DAY)),
        })
        .filter(|_| status == TrackingStatus::AvailableForPickup),
        items: vec![ParcelItem {
            line_item_id: 1,
            quantity: 2,
        }],
        events: Vec::new(),
    }
}

pub(crate) fn order(status: TrackingStatus) -> Order {
    Order {
        order_number: OrderNumber::parse("1042").unwrap(),
        placed_at: at(NOW - 2 * DAY),
        status: OrderStatus::Shipped,
        currency: Currency::parse("EUR").unwrap(),
        items: vec![
            LineItem {
                id: 1,
                sku: "TR-42".into(),
                title: "Trail Runner".into(),
                variant: Some("Blue / 42".into()),
                quantity: 2,
                unit_price: eur(8900),
                image_url: None,
                product_url: None,
            },
            LineItem {
                id: 2,
                sku: "SOCK".into(),
                title: "Merino <Socks>".into(),
                variant: None,
                quantity: 1,
                unit_price: eur(1490),
                image_url: None,
                product_url: None,
            },
        ],
        totals: OrderTotals {
            subtotal: eur(19290),
            shipping: eur(490),
            tax: eur(0),
            discount: eur(1000),
            total: eur(18780),
            refunded: None,
        },
        shipping_address: Some(address()),
        payment: None,
        shipments: vec![parcel(status)],
        unshipped: vec![ParcelItem {
            line_item_id: 2,
            quantity: 1,
        }],
        requests: Vec::new(),
        changes: None,
    }
}
