//! Writing orders: create or replace one by number (admin API, seed, import) with its
//! customer, lines and parcels, and add a parcel to an existing order.
//!
//! Every write to an existing order first locks its row ([`lock_order`]): cancellation and
//! address-change requests do the same, so a parcel and a request on one order never
//! interleave, and a parcel added while a request is pending marks it `shipped_meanwhile`
//! ([`crate::repo::requests::note_shipment`]) instead of being refused.

use super::read::{load_order, load_shipment};
use super::stored::{email_hash, offset};
use super::tracking::{insert_events, record_eta};
use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{CustomerInput, OrderInput, ShipmentInput};
use aftercare_shared::order::{Order, Shipment};
use aftercare_shared::tracking::EtaWindow;
use aftercare_shared::validate::Problems;
use aftercare_shared::{Currency, Email, FieldIssue, Locale, OrderNumber};
use sqlx::AnyConnection;
use std::collections::HashMap;

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
    input.validate()?;
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
    let now = crate::util::now_ms();
    let address = input
        .shipping_address
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| Error::internal(e.to_string()))?;

    let mut tx = db.begin_write().await?;
    // An existing order is locked before anything else (see the module docs).
    let existing = lock_order_by_number(tx.conn(), store_id, &number, now).await?;
    let customer_id = match &input.customer {
        Some(c) => Some(upsert_customer(tx.conn(), store_id, c, now).await?),
        None => None,
    };
    // One portable upsert (SQLite ≥ 3.35 and PostgreSQL): created_at stays from the first write.
    let order_id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (store_id, customer_id, order_number, email_normalized, \
         email_hash, currency, subtotal_minor, shipping_minor, tax_minor, discount_minor, \
         total_minor, placed_at_ms, placed_offset_min, shipping_address, payment_brand, \
         payment_last4, cancelled, refunded_minor, created_at_ms, updated_at_ms, locale) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, $20) \
         ON CONFLICT (store_id, order_number) DO UPDATE SET customer_id = excluded.customer_id, \
         email_normalized = excluded.email_normalized, email_hash = excluded.email_hash, \
         currency = excluded.currency, subtotal_minor = excluded.subtotal_minor, \
         shipping_minor = excluded.shipping_minor, tax_minor = excluded.tax_minor, \
         discount_minor = excluded.discount_minor, total_minor = excluded.total_minor, \
         placed_at_ms = excluded.placed_at_ms, placed_offset_min = excluded.placed_offset_min, \
         shipping_address = excluded.shipping_address, payment_brand = excluded.payment_brand, \
         payment_last4 = excluded.payment_last4, cancelled = excluded.cancelled, \
         refunded_minor = excluded.refunded_minor, updated_at_ms = excluded.updated_at_ms, \
         locale = excluded.locale \
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
    .bind(input.refunded_minor)
    .bind(now)
    .bind(input.locale.map(Locale::tag))
    .fetch_one(tx.conn())
    .await?;

    // Items: upsert by SKU, then drop lines that are no longer listed.
    let mut skus: HashMap<String, (i64, u32)> = HashMap::new();
    for (pos, item) in input.items.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO order_items (order_id, position, sku, title, variant, quantity, \
             unit_price_minor, image_url, product_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (order_id, sku) DO UPDATE SET position = excluded.position, \
             title = excluded.title, variant = excluded.variant, quantity = excluded.quantity, \
             unit_price_minor = excluded.unit_price_minor, image_url = excluded.image_url, \
             product_url = excluded.product_url \
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
        .bind(&item.product_url)
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

    crate::repo::notices::order_written(
        tx.conn(),
        store_id,
        order_id,
        existing.is_none(),
        input.placed_at.utc_ms,
        input.cancelled,
        now,
    )
    .await?;
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
    // Trimmed; a blank phone is none.
    let phone = c.phone.as_deref().map(str::trim).filter(|p| !p.is_empty());
    Ok(sqlx::query_scalar(
        "INSERT INTO customers (store_id, external_id, email, name, phone, created_at_ms, \
         updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $6) \
         ON CONFLICT (store_id, external_id) DO UPDATE SET email = excluded.email, \
         name = excluded.name, phone = excluded.phone, updated_at_ms = excluded.updated_at_ms \
         RETURNING id",
    )
    .bind(store_id)
    .bind(c.external_id.trim())
    .bind(email.as_str())
    .bind(&c.name)
    .bind(phone)
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
    let inserted = id.is_none();
    let id: i64 = query.fetch_one(&mut *conn).await?;
    if inserted {
        crate::repo::requests::note_shipment(&mut *conn, order_id).await?;
    }
    if let (Some(earliest), Some(latest)) = (earliest, latest) {
        record_eta(&mut *conn, id, &EtaWindow { earliest, latest }, now).await?;
    }
    Ok(id)
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

/// Admin: add a parcel to an order. SKUs and quantities are checked against the stored lines.
pub async fn add_shipment(
    db: &Db,
    store_id: i64,
    number: &OrderNumber,
    input: &ShipmentInput,
) -> Result<Shipment> {
    input.validate()?;
    let now = crate::util::now_ms();
    let mut tx = db.begin_write().await?;
    let order_id = lock_order_by_number(tx.conn(), store_id, number, now)
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
                p.add(format!("items[{i}].quantity"), FieldIssue::OutOfRange);
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
    let id = write_shipment(tx.conn(), None, store_id, order_id, &code, input, now).await?;
    insert_parcel_items(tx.conn(), id, input, &skus).await?;
    insert_events(tx.conn(), id, &code, &input.events, now).await?;
    crate::repo::notices::parcel_written(tx.conn(), store_id, id, now).await?;
    let shipment = load_shipment(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(shipment)
}

/// Lock order `order_id`'s row for the rest of the caller's write transaction (a write to it:
/// PostgreSQL holds the row lock, SQLite the database's write lock, until commit). Every
/// transaction that adds a parcel to an order or asks or decides a change on it begins with
/// this, so they run one after the other and each sees what the previous one wrote.
/// `404 not_found` when there is no such order.
pub async fn lock_order(conn: &mut AnyConnection, order_id: i64, now_ms: i64) -> Result<()> {
    let done = sqlx::query("UPDATE orders SET updated_at_ms = $1 WHERE id = $2")
        .bind(now_ms)
        .bind(order_id)
        .execute(conn)
        .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// [`lock_order`] by store and number: the order's id, or `None` when it does not exist.
async fn lock_order_by_number(
    conn: &mut AnyConnection,
    store_id: i64,
    number: &OrderNumber,
    now_ms: i64,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE orders SET updated_at_ms = $1 WHERE store_id = $2 AND order_number = $3 \
         RETURNING id",
    )
    .bind(now_ms)
    .bind(store_id)
    .bind(number.as_str())
    .fetch_optional(conn)
    .await?)
}
