//! Reading orders: ids and owners by number, and the read model shoppers see (assembled with
//! the shared `Shipment::assemble`, `order::unshipped_items` and `OrderStatus::derive`).

use super::stored::{eta_of, reason_from_wire, ts, u32_of, EtaRow};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::stores;
use aftercare_shared::order::{
    self, Address, Carrier, LineItem, Order, OrderStatus, OrderTotals, ParcelItem, PaymentMethod,
    PickupPoint, Shipment, ShipmentParts,
};
use aftercare_shared::tracking::{EtaWindow, Location, TrackingEvent, TrackingPolicy};
use aftercare_shared::{Currency, Money, OrderNumber, Timestamp, TrackingStatus};
use sqlx::AnyConnection;

/// The id of an order by store and number.
pub async fn order_id_by_number(
    conn: &mut AnyConnection,
    store_id: i64,
    number: &OrderNumber,
) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM orders WHERE store_id = $1 AND order_number = $2")
            .bind(store_id)
            .bind(number.as_str())
            .fetch_optional(conn)
            .await?,
    )
}

/// What a guest lookup compares against: the order's id and email hash, if it exists.
pub async fn lookup_candidate(
    conn: &mut AnyConnection,
    store_id: i64,
    number: &OrderNumber,
) -> Result<Option<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, email_hash FROM orders WHERE store_id = $1 AND order_number = $2",
    )
    .bind(store_id)
    .bind(number.as_str())
    .fetch_optional(conn)
    .await?)
}

/// The order's id and owning customer's external id (for ownership checks).
pub async fn order_owner(
    conn: &mut AnyConnection,
    store_id: i64,
    number: &OrderNumber,
) -> Result<Option<(i64, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT o.id, c.external_id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id \
         WHERE o.store_id = $1 AND o.order_number = $2",
    )
    .bind(store_id)
    .bind(number.as_str())
    .fetch_optional(conn)
    .await?)
}

/// id, sku, title, variant, quantity, unit price, image URL, product page URL.
pub(super) type ItemRow = (
    i64,
    String,
    String,
    Option<String>,
    i64,
    i64,
    Option<String>,
    Option<String>,
);

#[derive(sqlx::FromRow)]
struct OrderRow {
    stall_after_hours: i64,
    expire_after_days: i64,
    order_number: String,
    currency: String,
    subtotal_minor: i64,
    shipping_minor: i64,
    tax_minor: i64,
    discount_minor: i64,
    total_minor: i64,
    placed_at_ms: i64,
    placed_offset_min: Option<i64>,
    shipping_address: Option<String>,
    payment_brand: Option<String>,
    payment_last4: Option<String>,
    cancelled: i64,
    refunded_minor: i64,
}

/// Stored lines back as line items in the order's currency (the read model and the order
/// list read them alike).
pub(super) fn line_items(rows: Vec<ItemRow>, currency: Currency) -> Result<Vec<LineItem>> {
    rows.into_iter()
        .map(
            |(id, sku, title, variant, quantity, price, image_url, product_url)| {
                Ok(LineItem {
                    id,
                    sku,
                    title,
                    variant,
                    quantity: u32_of(quantity)?,
                    unit_price: Money::new(price, currency),
                    image_url,
                    product_url,
                })
            },
        )
        .collect()
}

/// An order's status and what is left to ship, from its lines and assembled parcels: the one
/// place the read model and the order list derive it (with the shared
/// `order::unshipped_items` and `OrderStatus::derive`).
pub(super) fn order_status(
    items: &[LineItem],
    shipments: &[Shipment],
    cancelled: bool,
) -> (OrderStatus, Vec<ParcelItem>) {
    let unshipped = order::unshipped_items(items, shipments);
    let statuses: Vec<TrackingStatus> = shipments.iter().map(|s| s.status).collect();
    let status = OrderStatus::derive(&statuses, !unshipped.is_empty(), cancelled);
    (status, unshipped)
}

/// The full shopper view of one order, assessed now with its store's tracking policy.
pub async fn load_order(conn: &mut AnyConnection, order_id: i64) -> Result<Order> {
    load_order_at(conn, order_id, crate::util::now_ms()).await
}

/// The full view of one order as of `now_ms` (parcels assessed with the store's policy), with
/// its cancellation and address-change requests; `changes` is left to the shopper's read
/// ([`crate::repo::requests::options_for`]), as the merchant's own read offers none.
pub async fn load_order_at(conn: &mut AnyConnection, order_id: i64, now_ms: i64) -> Result<Order> {
    let row: OrderRow = sqlx::query_as(
        "SELECT s.stall_after_hours, s.expire_after_days, o.order_number, o.currency, \
         o.subtotal_minor, o.shipping_minor, o.tax_minor, o.discount_minor, o.total_minor, \
         o.placed_at_ms, o.placed_offset_min, o.shipping_address, o.payment_brand, \
         o.payment_last4, o.cancelled, o.refunded_minor FROM orders o \
         JOIN stores s ON s.id = o.store_id \
         WHERE o.id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound)?;
    let currency = Currency::parse(&row.currency)
        .map_err(|_| Error::internal(format!("stored currency {:?}", row.currency)))?;
    let money = |minor| Money::new(minor, currency);
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, sku, title, variant, quantity, unit_price_minor, image_url, product_url \
             FROM order_items WHERE order_id = $1 ORDER BY position, id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let items = line_items(items, currency)?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM shipments WHERE order_id = $1 ORDER BY created_at_ms, id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let policy = stores::policy_of(row.stall_after_hours, row.expire_after_days);
    let mut shipments = Vec::with_capacity(ids.len());
    for id in ids {
        shipments.push(shipment_at(&mut *conn, id, now_ms, &policy).await?);
    }
    let (status, unshipped) = order_status(&items, &shipments, row.cancelled != 0);
    let shipping_address = row
        .shipping_address
        .as_deref()
        .map(serde_json::from_str::<Address>)
        .transpose()
        .map_err(|e| Error::internal(format!("stored address: {e}")))?;
    Ok(Order {
        order_number: OrderNumber::parse(&row.order_number)
            .map_err(|_| Error::internal("stored order number"))?,
        placed_at: ts(Some(row.placed_at_ms), row.placed_offset_min)
            .unwrap_or(Timestamp::from_utc_ms(row.placed_at_ms, 0)),
        status,
        currency,
        items,
        totals: OrderTotals {
            subtotal: money(row.subtotal_minor),
            shipping: money(row.shipping_minor),
            tax: money(row.tax_minor),
            discount: money(row.discount_minor),
            total: money(row.total_minor),
            // Absent when nothing was given back, so a page shows no "Refunded €0.00" line.
            refunded: (row.refunded_minor > 0).then(|| money(row.refunded_minor)),
        },
        shipping_address,
        payment: row.payment_brand.map(|brand| PaymentMethod {
            brand,
            last4: row.payment_last4,
        }),
        shipments,
        unshipped,
        requests: crate::repo::requests::for_order(&mut *conn, order_id).await?,
        changes: None,
    })
}

#[derive(sqlx::FromRow)]
struct ShipmentRow {
    id: i64,
    carrier_code: String,
    carrier_name: String,
    tracking_number: String,
    tracking_url: Option<String>,
    eta_earliest_ms: Option<i64>,
    eta_earliest_offset_min: Option<i64>,
    eta_latest_ms: Option<i64>,
    eta_latest_offset_min: Option<i64>,
    shipped_at_ms: Option<i64>,
    shipped_at_offset_min: Option<i64>,
    pickup_point: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    status: String,
    reason: Option<String>,
    raw_status: Option<String>,
    description: String,
    city: Option<String>,
    region: Option<String>,
    country: Option<String>,
    postal_code: Option<String>,
    occurred_at_ms: i64,
    occurred_offset_min: Option<i64>,
}

/// One parcel with its items and checkpoints, assessed now with its store's policy.
pub async fn load_shipment(conn: &mut AnyConnection, id: i64) -> Result<Shipment> {
    let (stall, expire): (i64, i64) = sqlx::query_as(
        "SELECT st.stall_after_hours, st.expire_after_days FROM shipments s \
         JOIN stores st ON st.id = s.store_id WHERE s.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound)?;
    shipment_at(
        conn,
        id,
        crate::util::now_ms(),
        &stores::policy_of(stall, expire),
    )
    .await
}

/// One parcel as of `now_ms`: stored parts handed to the shared `Shipment::assemble`, which
/// sorts the checkpoints by event time and decides status, delay, stall and next step.
pub async fn shipment_at(
    conn: &mut AnyConnection,
    id: i64,
    now_ms: i64,
    policy: &TrackingPolicy,
) -> Result<Shipment> {
    let s: ShipmentRow = sqlx::query_as(
        "SELECT id, carrier_code, carrier_name, tracking_number, tracking_url, eta_earliest_ms, \
         eta_earliest_offset_min, eta_latest_ms, eta_latest_offset_min, shipped_at_ms, \
         shipped_at_offset_min, pickup_point FROM shipments WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound)?;
    let items: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT si.order_item_id, si.quantity FROM shipment_items si \
         JOIN order_items oi ON oi.id = si.order_item_id \
         WHERE si.shipment_id = $1 ORDER BY oi.position, oi.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let items = items
        .into_iter()
        .map(|(line_item_id, q)| {
            Ok(ParcelItem {
                line_item_id,
                quantity: u32_of(q)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let events: Vec<EventRow> = sqlx::query_as(
        "SELECT status, reason, raw_status, description, city, region, country, postal_code, \
         occurred_at_ms, occurred_offset_min FROM tracking_events WHERE shipment_id = $1 \
         ORDER BY occurred_at_ms DESC, id DESC",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let events = events
        .into_iter()
        .filter_map(|e| {
            let status = TrackingStatus::from_wire(&e.status)?;
            let location = Location {
                city: e.city,
                region: e.region,
                country: e.country,
                postal_code: e.postal_code,
            };
            let location = (location != Location::default()).then_some(location);
            Some(TrackingEvent {
                status,
                reason: e.reason.as_deref().map(reason_from_wire),
                raw_status: e.raw_status,
                description: e.description,
                location,
                occurred_at: ts(Some(e.occurred_at_ms), e.occurred_offset_min)?,
            })
        })
        .collect();
    let eta = match (
        ts(s.eta_earliest_ms, s.eta_earliest_offset_min),
        ts(s.eta_latest_ms, s.eta_latest_offset_min),
    ) {
        (Some(earliest), Some(latest)) => Some(EtaWindow { earliest, latest }),
        _ => None,
    };
    let eta_original = match eta {
        Some(_) => sqlx::query_as::<_, EtaRow>(
            "SELECT eta_earliest_ms, eta_earliest_offset_min, eta_latest_ms, eta_latest_offset_min \
             FROM shipment_eta_revisions WHERE shipment_id = $1 ORDER BY id LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .and_then(eta_of),
        None => None,
    };
    let pickup_point = s
        .pickup_point
        .as_deref()
        .map(serde_json::from_str::<PickupPoint>)
        .transpose()
        .map_err(|e| Error::internal(format!("stored pickup point: {e}")))?;
    let parts = ShipmentParts {
        id: s.id,
        carrier: Carrier {
            code: s.carrier_code,
            name: s.carrier_name,
        },
        tracking_number: s.tracking_number,
        tracking_url: s.tracking_url,
        eta,
        eta_original,
        shipped_at: ts(s.shipped_at_ms, s.shipped_at_offset_min),
        pickup_point,
        items,
        events,
    };
    Ok(Shipment::assemble(parts, now_ms, policy))
}

/// Row counts of a store's data (tests and `seed-demo` output).
pub async fn counts(db: &Db, store_id: i64) -> Result<[i64; 5]> {
    let mut out = [0i64; 5];
    let queries = [
        "SELECT COUNT(*) FROM orders WHERE store_id = $1",
        "SELECT COUNT(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.store_id = $1",
        "SELECT COUNT(*) FROM shipments WHERE store_id = $1",
        "SELECT COUNT(*) FROM tracking_events e JOIN shipments s ON s.id = e.shipment_id WHERE s.store_id = $1",
        "SELECT COUNT(*) FROM customers WHERE store_id = $1",
    ];
    for (slot, q) in out.iter_mut().zip(queries) {
        *slot = sqlx::query_scalar(q)
            .bind(store_id)
            .fetch_one(&db.pool)
            .await?;
    }
    Ok(out)
}
