//! Orders, line items, parcels and tracking events: writes (admin API, seed, import) and the
//! read model shoppers see (assembled with the shared `Shipment::assemble`,
//! `order::unshipped_items` and `OrderStatus::derive`).

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::stores;
use aftercare_shared::api::{
    CustomerInput, IngestResult, OrderInput, ShipmentInput, TrackingEventBatch, TrackingEventInput,
};
use aftercare_shared::order::{
    self, Address, Carrier, LineItem, Order, OrderStatus, OrderSummary, OrderTotals, ParcelItem,
    PaymentMethod, PickupPoint, Shipment, ShipmentParts,
};
use aftercare_shared::tracking::{EtaWindow, Location, TrackingEvent, TrackingPolicy};
use aftercare_shared::validate::{self, Problems};
use aftercare_shared::{
    Currency, Email, ExceptionReason, FieldIssue, Money, OrderNumber, Timestamp, TrackingStatus,
};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The hash stored for a normalised email: guest lookups compare hashes in constant time.
pub fn email_hash(email: &Email) -> String {
    crate::sha256_hex(format!("aftercare-email-v1:{}", email.as_str()))
}

fn ts(ms: Option<i64>, offset: Option<i64>) -> Option<Timestamp> {
    ms.map(|utc_ms| Timestamp {
        utc_ms,
        offset_minutes: offset.and_then(|o| i16::try_from(o).ok()),
    })
}

fn offset(t: Option<&Timestamp>) -> Option<i64> {
    t.and_then(|t| t.offset_minutes).map(i64::from)
}

/// The wire name of a reason (`customs_hold`), which is also what the column stores.
fn reason_wire(r: ExceptionReason) -> Option<String> {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// A stored reason back; an unknown name (written by a newer server) reads as `other`.
fn reason_from_wire(s: &str) -> ExceptionReason {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .unwrap_or(ExceptionReason::Other)
}

fn u32_of(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| Error::internal(format!("stored quantity {v} out of range")))
}

// ---------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------

/// What `put_order` did.
#[derive(Debug)]
pub struct PutOutcome {
    /// The order as stored.
    pub order: Order,
    /// `true` when it did not exist before.
    pub created: bool,
}

/// Create or replace an order by number (admin `PUT`, `seed-demo` and `import` all use this).
///
/// Items are upserted by SKU (their ids stay stable) and lines no longer listed are removed.
/// When the input lists parcels they become the order's parcels: matched by carrier and
/// tracking number (ids and ingested history survive), the others removed; a parcel that
/// lists events gets exactly those events. An input without parcels leaves stored parcels
/// alone, so re-sending an order does not wipe tracking pushed through the events API.
pub async fn put_order(db: &Db, store_id: i64, input: &OrderInput) -> Result<PutOutcome> {
    validate::order_input(input)?;
    let number = OrderNumber::parse(&input.order_number).map_err(|_| Error::NotFound)?;
    let email = Email::parse(&input.email).map_err(|_| Error::internal("validated email"))?;
    let currency =
        Currency::parse(&input.currency).map_err(|_| Error::internal("validated currency"))?;
    let mut p = Problems::default();
    let mut subtotal: i64 = 0;
    for (i, item) in input.items.iter().enumerate() {
        match item
            .unit_price_minor
            .checked_mul(i64::from(item.quantity))
            .and_then(|line| subtotal.checked_add(line))
        {
            Some(s) => subtotal = s,
            None => p.add(
                format!("items[{i}].unit_price_minor"),
                FieldIssue::OutOfRange,
            ),
        }
    }
    let total = subtotal
        .checked_add(input.shipping_minor)
        .and_then(|t| t.checked_add(input.tax_minor))
        .and_then(|t| t.checked_sub(input.discount_minor));
    if !matches!(total, Some(t) if t >= 0) {
        p.add("discount_minor", FieldIssue::OutOfRange);
    }
    p.finish()?;
    let total = total.unwrap_or_default();
    let now = crate::now_ms();
    let address = input
        .shipping_address
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| Error::internal(e.to_string()))?;

    let mut tx = db.begin_write().await?;
    let customer_id = match &input.customer {
        Some(c) => Some(upsert_customer(tx.conn(), store_id, c, now).await?),
        None => None,
    };
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM orders WHERE store_id = $1 AND order_number = $2")
            .bind(store_id)
            .bind(number.as_str())
            .fetch_optional(tx.conn())
            .await?;
    // One portable upsert (SQLite ≥ 3.35 and PostgreSQL): created_at stays from the first write.
    let order_id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (store_id, customer_id, order_number, email_normalized, \
         email_hash, currency, subtotal_minor, shipping_minor, tax_minor, discount_minor, \
         total_minor, placed_at_ms, placed_offset_min, shipping_address, payment_brand, \
         payment_last4, cancelled, created_at_ms, updated_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) \
         ON CONFLICT (store_id, order_number) DO UPDATE SET customer_id = excluded.customer_id, \
         email_normalized = excluded.email_normalized, email_hash = excluded.email_hash, \
         currency = excluded.currency, subtotal_minor = excluded.subtotal_minor, \
         shipping_minor = excluded.shipping_minor, tax_minor = excluded.tax_minor, \
         discount_minor = excluded.discount_minor, total_minor = excluded.total_minor, \
         placed_at_ms = excluded.placed_at_ms, placed_offset_min = excluded.placed_offset_min, \
         shipping_address = excluded.shipping_address, payment_brand = excluded.payment_brand, \
         payment_last4 = excluded.payment_last4, cancelled = excluded.cancelled, \
         updated_at_ms = excluded.updated_at_ms \
         RETURNING id",
    )
    .bind(store_id)
    .bind(customer_id)
    .bind(number.as_str())
    .bind(email.as_str())
    .bind(email_hash(&email))
    .bind(currency.as_str())
    .bind(subtotal)
    .bind(input.shipping_minor)
    .bind(input.tax_minor)
    .bind(input.discount_minor)
    .bind(total)
    .bind(input.placed_at.utc_ms)
    .bind(offset(Some(&input.placed_at)))
    .bind(&address)
    .bind(input.payment.as_ref().map(|p| p.brand.clone()))
    .bind(input.payment.as_ref().and_then(|p| p.last4.clone()))
    .bind(i64::from(input.cancelled))
    .bind(now)
    .fetch_one(tx.conn())
    .await?;

    // Items: upsert by SKU, then drop lines that are no longer listed.
    let mut skus: HashMap<String, (i64, u32)> = HashMap::new();
    for (pos, item) in input.items.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO order_items (order_id, position, sku, title, variant, quantity, \
             unit_price_minor, image_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (order_id, sku) DO UPDATE SET position = excluded.position, \
             title = excluded.title, variant = excluded.variant, quantity = excluded.quantity, \
             unit_price_minor = excluded.unit_price_minor, image_url = excluded.image_url \
             RETURNING id",
        )
        .bind(order_id)
        .bind(pos as i64)
        .bind(&item.sku)
        .bind(&item.title)
        .bind(&item.variant)
        .bind(i64::from(item.quantity))
        .bind(item.unit_price_minor)
        .bind(&item.image_url)
        .fetch_one(tx.conn())
        .await?;
        skus.insert(item.sku.clone(), (id, item.quantity));
    }
    let stored: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, sku FROM order_items WHERE order_id = $1")
            .bind(order_id)
            .fetch_all(tx.conn())
            .await?;
    for (id, sku) in stored {
        if !skus.contains_key(&sku) {
            sqlx::query("DELETE FROM order_items WHERE id = $1")
                .bind(id)
                .execute(tx.conn())
                .await?;
        }
    }

    if !input.shipments.is_empty() {
        let mut keep = Vec::new();
        for (i, s) in input.shipments.iter().enumerate() {
            let id = upsert_shipment(tx.conn(), store_id, order_id, s, &skus, now)
                .await
                .map_err(|e| match e {
                    Error::Conflict(_) => Error::field(
                        &format!("shipments[{i}].tracking_number"),
                        FieldIssue::Duplicate,
                        "this tracking number already belongs to another order",
                    ),
                    other => other,
                })?;
            keep.push(id);
        }
        let stored: Vec<i64> = sqlx::query_scalar("SELECT id FROM shipments WHERE order_id = $1")
            .bind(order_id)
            .fetch_all(tx.conn())
            .await?;
        for id in stored.into_iter().filter(|id| !keep.contains(id)) {
            sqlx::query("DELETE FROM shipments WHERE id = $1")
                .bind(id)
                .execute(tx.conn())
                .await?;
        }
    }

    let order = load_order(tx.conn(), order_id).await?;
    tx.commit().await?;
    Ok(PutOutcome {
        order,
        created: existing.is_none(),
    })
}

async fn upsert_customer(
    conn: &mut AnyConnection,
    store_id: i64,
    c: &CustomerInput,
    now: i64,
) -> Result<i64> {
    let email = Email::parse(&c.email).map_err(|_| Error::internal("validated email"))?;
    Ok(sqlx::query_scalar(
        "INSERT INTO customers (store_id, external_id, email, name, created_at_ms, updated_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (store_id, external_id) DO UPDATE SET \
         email = excluded.email, name = excluded.name, updated_at_ms = excluded.updated_at_ms \
         RETURNING id",
    )
    .bind(store_id)
    .bind(c.external_id.trim())
    .bind(email.as_str())
    .bind(&c.name)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

/// Insert or update a parcel of `order_id` matched by carrier + tracking number; with
/// events listed, they replace the stored ones. `Conflict` if another order owns it.
async fn upsert_shipment(
    conn: &mut AnyConnection,
    store_id: i64,
    order_id: i64,
    s: &ShipmentInput,
    skus: &HashMap<String, (i64, u32)>,
    now: i64,
) -> Result<i64> {
    let code = s.carrier_code.trim().to_ascii_lowercase();
    let existing: Option<(i64, i64)> = sqlx::query_as(
        "SELECT id, order_id FROM shipments \
         WHERE store_id = $1 AND carrier_code = $2 AND tracking_number = $3",
    )
    .bind(store_id)
    .bind(&code)
    .bind(s.tracking_number.trim())
    .fetch_optional(&mut *conn)
    .await?;
    let id = match existing {
        Some((_, other)) if other != order_id => {
            return Err(Error::Conflict(
                "This tracking number already belongs to another order.".into(),
            ))
        }
        Some((id, _)) => {
            write_shipment(&mut *conn, Some(id), store_id, order_id, &code, s, now).await?
        }
        None => write_shipment(&mut *conn, None, store_id, order_id, &code, s, now).await?,
    };
    sqlx::query("DELETE FROM shipment_items WHERE shipment_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    insert_parcel_items(&mut *conn, id, s, skus).await?;
    if !s.events.is_empty() {
        sqlx::query("DELETE FROM tracking_events WHERE shipment_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        insert_events(&mut *conn, id, &code, &s.events, now).await?;
    }
    Ok(id)
}

async fn write_shipment(
    conn: &mut AnyConnection,
    id: Option<i64>,
    store_id: i64,
    order_id: i64,
    code: &str,
    s: &ShipmentInput,
    now: i64,
) -> Result<i64> {
    let name = s
        .carrier_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(code)
        .to_owned();
    // A window needs both ends; one given end stands for both.
    let (earliest, latest) = match (s.eta_earliest, s.eta_latest) {
        (Some(a), Some(b)) => (Some(a), Some(b)),
        (Some(a), None) | (None, Some(a)) => (Some(a), Some(a)),
        (None, None) => (None, None),
    };
    let pickup_point = s
        .pickup_point
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| Error::internal(e.to_string()))?;
    let q = match id {
        Some(_) => {
            "UPDATE shipments SET carrier_name = $1, tracking_url = $2, eta_earliest_ms = $3, \
             eta_earliest_offset_min = $4, eta_latest_ms = $5, eta_latest_offset_min = $6, \
             shipped_at_ms = $7, shipped_at_offset_min = $8, pickup_point = $9 WHERE id = $10 \
             RETURNING id"
        }
        None => {
            "INSERT INTO shipments (carrier_name, tracking_url, eta_earliest_ms, \
             eta_earliest_offset_min, eta_latest_ms, eta_latest_offset_min, shipped_at_ms, \
             shipped_at_offset_min, pickup_point, order_id, store_id, carrier_code, tracking_number, \
             created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             RETURNING id"
        }
    };
    let mut query = sqlx::query_scalar(q)
        .bind(name)
        .bind(&s.tracking_url)
        .bind(earliest.map(|t| t.utc_ms))
        .bind(offset(earliest.as_ref()))
        .bind(latest.map(|t| t.utc_ms))
        .bind(offset(latest.as_ref()))
        .bind(s.shipped_at.map(|t| t.utc_ms))
        .bind(offset(s.shipped_at.as_ref()))
        .bind(pickup_point);
    query = match id {
        Some(id) => query.bind(id),
        None => query
            .bind(order_id)
            .bind(store_id)
            .bind(code.to_owned())
            .bind(s.tracking_number.trim().to_owned())
            .bind(now),
    };
    let id: i64 = query.fetch_one(&mut *conn).await?;
    if let (Some(earliest), Some(latest)) = (earliest, latest) {
        record_eta(&mut *conn, id, &EtaWindow { earliest, latest }, now).await?;
    }
    Ok(id)
}

/// The `(earliest ms, offset, latest ms, offset)` a window is stored and compared as.
type EtaRow = (i64, Option<i64>, i64, Option<i64>);

fn eta_row(w: &EtaWindow) -> EtaRow {
    (
        w.earliest.utc_ms,
        offset(Some(&w.earliest)),
        w.latest.utc_ms,
        offset(Some(&w.latest)),
    )
}

fn eta_of(row: EtaRow) -> Option<EtaWindow> {
    Some(EtaWindow {
        earliest: ts(Some(row.0), row.1)?,
        latest: ts(Some(row.2), row.3)?,
    })
}

/// Append `eta` to the parcel's revision history unless it equals the latest revision, so
/// re-sending an unchanged order or batch never invents a revision. `true` when appended.
async fn record_eta(
    conn: &mut AnyConnection,
    shipment_id: i64,
    eta: &EtaWindow,
    now: i64,
) -> Result<bool> {
    let latest: Option<EtaRow> = sqlx::query_as(
        "SELECT eta_earliest_ms, eta_earliest_offset_min, eta_latest_ms, eta_latest_offset_min \
         FROM shipment_eta_revisions WHERE shipment_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(shipment_id)
    .fetch_optional(&mut *conn)
    .await?;
    let row = eta_row(eta);
    if latest == Some(row) {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO shipment_eta_revisions (shipment_id, eta_earliest_ms, eta_earliest_offset_min, \
         eta_latest_ms, eta_latest_offset_min, recorded_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(shipment_id)
    .bind(row.0)
    .bind(row.1)
    .bind(row.2)
    .bind(row.3)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Make `eta` the parcel's current window and append it to the revision history.
async fn set_eta(
    conn: &mut AnyConnection,
    shipment_id: i64,
    eta: &EtaWindow,
    now: i64,
) -> Result<()> {
    let row = eta_row(eta);
    sqlx::query(
        "UPDATE shipments SET eta_earliest_ms = $1, eta_earliest_offset_min = $2, \
         eta_latest_ms = $3, eta_latest_offset_min = $4 WHERE id = $5",
    )
    .bind(row.0)
    .bind(row.1)
    .bind(row.2)
    .bind(row.3)
    .bind(shipment_id)
    .execute(&mut *conn)
    .await?;
    record_eta(conn, shipment_id, eta, now).await?;
    Ok(())
}

/// Forget a store's ETA history for one order's parcels (only `seed-demo` does this: its
/// windows move with the seeding time, and a re-seed must not pile up revisions).
pub async fn reset_eta_history(db: &Db, store_id: i64, number: &OrderNumber) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "DELETE FROM shipment_eta_revisions WHERE shipment_id IN (SELECT s.id FROM shipments s \
         JOIN orders o ON o.id = s.order_id WHERE o.store_id = $1 AND o.order_number = $2)",
    )
    .bind(store_id)
    .bind(number.as_str())
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_parcel_items(
    conn: &mut AnyConnection,
    shipment_id: i64,
    s: &ShipmentInput,
    skus: &HashMap<String, (i64, u32)>,
) -> Result<()> {
    for item in &s.items {
        let Some((line_id, _)) = skus.get(&item.sku) else {
            continue; // validated by the caller
        };
        sqlx::query(
            "INSERT INTO shipment_items (shipment_id, order_item_id, quantity) VALUES ($1, $2, $3) \
             ON CONFLICT (shipment_id, order_item_id) DO UPDATE \
             SET quantity = shipment_items.quantity + excluded.quantity",
        )
        .bind(shipment_id)
        .bind(*line_id)
        .bind(i64::from(item.quantity))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The key two checkpoints are "the same" by: the carrier's id, else normalised status + time
/// + text (so the same scan sent once as a raw code and once normalised is still one event).
pub fn dedupe_key(e: &TrackingEventInput, status: TrackingStatus) -> String {
    match e
        .carrier_event_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(id) => format!("id:{id}"),
        None => format!(
            "t:{}",
            crate::sha256_hex(format!(
                "{}|{}|{}",
                status.as_str(),
                e.occurred_at.utc_ms,
                e.description.trim()
            ))
        ),
    }
}

/// Store checkpoints, dropping repeats (by the unique dedupe key, so concurrent ingests of the
/// same event cannot both insert it). Each event keeps what `normalized(carrier_code)` made
/// of it plus the carrier's raw code verbatim.
async fn insert_events(
    conn: &mut AnyConnection,
    shipment_id: i64,
    carrier_code: &str,
    events: &[TrackingEventInput],
    now: i64,
) -> Result<IngestResult> {
    let mut result = IngestResult {
        inserted: 0,
        duplicates: 0,
    };
    for e in events {
        let loc = e.location.clone().unwrap_or_default();
        let carrier_event_id = e
            .carrier_event_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let (status, reason) = e.normalized(carrier_code);
        let raw_status = e.raw_status.as_deref().filter(|r| !r.trim().is_empty());
        let rows = sqlx::query(
            "INSERT INTO tracking_events (shipment_id, carrier_event_id, dedupe_key, status, \
             reason, raw_status, description, city, region, country, postal_code, occurred_at_ms, \
             occurred_offset_min, received_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             ON CONFLICT DO NOTHING",
        )
        .bind(shipment_id)
        .bind(carrier_event_id)
        .bind(dedupe_key(e, status))
        .bind(status.as_str())
        .bind(reason.and_then(reason_wire))
        .bind(raw_status)
        .bind(e.description.trim())
        .bind(loc.city)
        .bind(loc.region)
        .bind(loc.country.map(|c| c.to_ascii_uppercase()))
        .bind(loc.postal_code)
        .bind(e.occurred_at.utc_ms)
        .bind(offset(Some(&e.occurred_at)))
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if rows > 0 {
            result.inserted += 1;
        } else {
            result.duplicates += 1;
        }
    }
    Ok(result)
}

/// Admin: add a parcel to an order. SKUs and quantities are checked against the stored lines.
pub async fn add_shipment(
    db: &Db,
    store_id: i64,
    number: &OrderNumber,
    input: &ShipmentInput,
) -> Result<Shipment> {
    validate::shipment_input(input, None)?;
    let mut tx = db.begin_write().await?;
    let order_id = order_id_by_number(tx.conn(), store_id, number)
        .await?
        .ok_or(Error::NotFound)?;
    let lines: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT id, sku, quantity FROM order_items WHERE order_id = $1")
            .bind(order_id)
            .fetch_all(tx.conn())
            .await?;
    let skus: HashMap<String, (i64, u32)> = lines
        .into_iter()
        .map(|(id, sku, q)| (sku, (id, u32::try_from(q).unwrap_or(u32::MAX))))
        .collect();
    let mut p = Problems::default();
    for (i, item) in input.items.iter().enumerate() {
        match skus.get(&item.sku) {
            None => p.add(format!("items[{i}].sku"), FieldIssue::UnknownReference),
            Some((_, q)) if item.quantity > *q => {
                p.add(format!("items[{i}].quantity"), FieldIssue::OutOfRange)
            }
            Some(_) => {}
        }
    }
    p.finish()?;
    let code = input.carrier_code.trim().to_ascii_lowercase();
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM shipments WHERE store_id = $1 AND carrier_code = $2 AND tracking_number = $3",
    )
    .bind(store_id)
    .bind(&code)
    .bind(input.tracking_number.trim())
    .fetch_optional(tx.conn())
    .await?;
    if taken.is_some() {
        return Err(Error::Conflict(
            "A parcel with this carrier and tracking number already exists.".into(),
        ));
    }
    let now = crate::now_ms();
    let id = write_shipment(tx.conn(), None, store_id, order_id, &code, input, now).await?;
    insert_parcel_items(tx.conn(), id, input, &skus).await?;
    insert_events(tx.conn(), id, &code, &input.events, now).await?;
    let shipment = load_shipment(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(shipment)
}

/// Admin: ingest checkpoints (raw carrier codes or normalised statuses, any order) for a
/// parcel of this store, and apply the batch's revised ETA, if any, as a new revision.
pub async fn ingest_events(
    db: &Db,
    store_id: i64,
    shipment_id: i64,
    batch: &TrackingEventBatch,
) -> Result<IngestResult> {
    validate::tracking_events(batch)?;
    let mut tx = db.begin_write().await?;
    let carrier_code: String =
        sqlx::query_scalar("SELECT carrier_code FROM shipments WHERE id = $1 AND store_id = $2")
            .bind(shipment_id)
            .bind(store_id)
            .fetch_optional(tx.conn())
            .await?
            .ok_or(Error::NotFound)?;
    let now = crate::now_ms();
    let result = insert_events(tx.conn(), shipment_id, &carrier_code, &batch.events, now).await?;
    if let Some(eta) = &batch.eta {
        set_eta(tx.conn(), shipment_id, eta, now).await?;
    }
    tx.commit().await?;
    Ok(result)
}

// ---------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------

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

/// id, sku, title, variant, quantity, unit price, image URL.
type ItemRow = (
    i64,
    String,
    String,
    Option<String>,
    i64,
    i64,
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
}

/// The full shopper view of one order, assessed now with its store's tracking policy.
pub async fn load_order(conn: &mut AnyConnection, order_id: i64) -> Result<Order> {
    load_order_at(conn, order_id, crate::now_ms()).await
}

/// The full shopper view of one order as of `now_ms` (parcels assessed with the store's policy).
pub async fn load_order_at(conn: &mut AnyConnection, order_id: i64, now_ms: i64) -> Result<Order> {
    let row: OrderRow = sqlx::query_as(
        "SELECT s.stall_after_hours, s.expire_after_days, o.order_number, o.currency, \
         o.subtotal_minor, o.shipping_minor, o.tax_minor, o.discount_minor, o.total_minor, \
         o.placed_at_ms, o.placed_offset_min, o.shipping_address, o.payment_brand, \
         o.payment_last4, o.cancelled FROM orders o JOIN stores s ON s.id = o.store_id \
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
        "SELECT id, sku, title, variant, quantity, unit_price_minor, image_url \
             FROM order_items WHERE order_id = $1 ORDER BY position, id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let items = items
        .into_iter()
        .map(|(id, sku, title, variant, quantity, price, image_url)| {
            Ok(LineItem {
                id,
                sku,
                title,
                variant,
                quantity: u32_of(quantity)?,
                unit_price: money(price),
                image_url,
            })
        })
        .collect::<Result<Vec<_>>>()?;
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
    let unshipped = order::unshipped_items(&items, &shipments);
    let statuses: Vec<TrackingStatus> = shipments.iter().map(|s| s.status).collect();
    let status = OrderStatus::derive(&statuses, !unshipped.is_empty(), row.cancelled != 0);
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
        },
        shipping_address,
        payment: row.payment_brand.map(|brand| PaymentMethod {
            brand,
            last4: row.payment_last4,
        }),
        shipments,
        unshipped,
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
    shipment_at(conn, id, crate::now_ms(), &stores::policy_of(stall, expire)).await
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

/// A page of a customer's orders, newest first, after the `(placed_at_ms, id)` cursor.
pub async fn customer_orders(
    conn: &mut AnyConnection,
    store_id: i64,
    customer_external_id: &str,
    after: Option<(i64, i64)>,
    limit: u32,
) -> Result<(Vec<OrderSummary>, Option<(i64, i64)>)> {
    let (before_ms, before_id) = after.unwrap_or((i64::MAX, i64::MAX));
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT o.id, o.placed_at_ms FROM orders o JOIN customers c ON c.id = o.customer_id \
         WHERE o.store_id = $1 AND c.store_id = $1 AND c.external_id = $2 \
         AND (o.placed_at_ms < $3 OR (o.placed_at_ms = $3 AND o.id < $4)) \
         ORDER BY o.placed_at_ms DESC, o.id DESC LIMIT $5",
    )
    .bind(store_id)
    .bind(customer_external_id)
    .bind(before_ms)
    .bind(before_id)
    .bind(i64::from(limit) + 1)
    .fetch_all(&mut *conn)
    .await?;
    let more = rows.len() > limit as usize;
    let mut items = Vec::new();
    let mut last = None;
    for (id, placed) in rows.into_iter().take(limit as usize) {
        let o = load_order(&mut *conn, id).await?;
        items.push(OrderSummary {
            item_count: o.items.iter().map(|i| i.quantity).sum(),
            order_number: o.order_number,
            placed_at: o.placed_at,
            status: o.status,
            total: o.totals.total,
        });
        last = Some((placed, id));
    }
    Ok((items, if more { last } else { None }))
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
