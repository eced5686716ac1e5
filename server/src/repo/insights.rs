//! Tracking views and the merchant insights built on them and on parcel health: which
//! shoppers keep checking their tracking page, and which parcels need attention right now.
//!
//! Parcel health is never decided here: every parcel goes through the shared
//! `Shipment::assemble` (hence `tracking::assess`), exactly as shoppers see it.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::{orders, stores};
use aftercare_shared::api::{AnxiousOrder, ParcelAlert};
use aftercare_shared::{OrderNumber, Timestamp, TrackingStatus};

/// Who opened a tracking page (stored as text, checked by the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// A logged-in customer (customer token).
    Customer,
    /// A guest (order lookup or order session).
    Guest,
}

impl Viewer {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Guest => "guest",
        }
    }
}

/// Record one tracking page open of an order at `at_ms`.
pub async fn record_view(
    db: &Db,
    store_id: i64,
    order_id: i64,
    viewer: Viewer,
    at_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO tracking_views (store_id, order_id, viewed_at_ms, viewer) VALUES ($1, $2, $3, $4)",
    )
    .bind(store_id)
    .bind(order_id)
    .bind(at_ms)
    .bind(viewer.as_str())
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Tracking views that make a shopper "anxious" (the insight's and the console's default).
pub const ANXIOUS_MIN_VIEWS: u32 = 3;
/// The window (hours) those views are counted in.
pub const ANXIOUS_HOURS: u32 = 24;

/// Most orders the anxious-customers insight lists (the most-viewed ones).
pub const MAX_ANXIOUS: i64 = 200;

/// Orders of the store viewed at least `min_views` times since `since_ms`, most views first
/// (ties: most recently viewed first), with their status as of `now_ms`.
pub async fn anxious_orders(
    db: &Db,
    store_id: i64,
    min_views: u32,
    since_ms: i64,
    now_ms: i64,
) -> Result<Vec<AnxiousOrder>> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT order_id, COUNT(*) AS views, MAX(viewed_at_ms) AS last_viewed \
         FROM tracking_views WHERE store_id = $1 AND viewed_at_ms >= $2 \
         GROUP BY order_id HAVING COUNT(*) >= $3 \
         ORDER BY views DESC, last_viewed DESC, order_id LIMIT $4",
    )
    .bind(store_id)
    .bind(since_ms)
    .bind(i64::from(min_views))
    .bind(MAX_ANXIOUS)
    .fetch_all(&db.pool)
    .await?;
    let mut conn = db.pool.acquire().await?;
    let mut out = Vec::with_capacity(rows.len());
    for (order_id, views, last_viewed) in rows {
        let (email, customer): (String, Option<String>) = sqlx::query_as(
            "SELECT o.email_normalized, c.external_id FROM orders o \
             LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id = $1",
        )
        .bind(order_id)
        .fetch_one(&mut *conn)
        .await?;
        let order = orders::load_order_at(&mut conn, order_id, now_ms).await?;
        out.push(AnxiousOrder {
            order_number: order.order_number,
            email,
            customer_external_id: customer,
            views: u32::try_from(views).unwrap_or(u32::MAX),
            last_viewed_at: Timestamp::from_utc_ms(last_viewed, 0),
            status: order.status,
        });
    }
    Ok(out)
}

/// Whether a parcel's assessed state is one a merchant should act on.
pub fn needs_alert(status: TrackingStatus, delayed: bool, stalled: bool) -> bool {
    delayed
        || stalled
        || matches!(
            status,
            TrackingStatus::Exception
                | TrackingStatus::AttemptedDelivery
                | TrackingStatus::ReturnedToSender
                | TrackingStatus::Expired
        )
}

/// Every parcel of the store that is delayed, stalled, in exception, after a failed
/// delivery attempt, returned to sender or expired as of `now_ms`, by order number.
///
/// Parcels whose newest checkpoint is `delivered` are skipped in SQL: `assess` can never
/// flag them (delivered is final, and a delivered parcel is neither late nor stalled).
pub async fn parcel_alerts(
    db: &Db,
    store: &stores::StoreRow,
    now_ms: i64,
) -> Result<Vec<ParcelAlert>> {
    let candidates: Vec<(i64, String)> = sqlx::query_as(
        "SELECT s.id, o.order_number FROM shipments s JOIN orders o ON o.id = s.order_id \
         WHERE s.store_id = $1 AND NOT EXISTS ( \
           SELECT 1 FROM tracking_events d WHERE d.shipment_id = s.id AND d.status = 'delivered' \
           AND NOT EXISTS (SELECT 1 FROM tracking_events l WHERE l.shipment_id = s.id \
             AND (l.occurred_at_ms > d.occurred_at_ms OR (l.occurred_at_ms = d.occurred_at_ms \
             AND l.status IN ('exception', 'returned_to_sender', 'expired'))))) \
         ORDER BY o.order_number, s.id",
    )
    .bind(store.id)
    .fetch_all(&db.pool)
    .await?;
    let policy = store.policy();
    let mut conn = db.pool.acquire().await?;
    let mut out = Vec::new();
    for (id, number) in candidates {
        let s = orders::shipment_at(&mut conn, id, now_ms, &policy).await?;
        if !needs_alert(s.status, s.delayed, s.stalled) {
            continue;
        }
        out.push(ParcelAlert {
            order_number: OrderNumber::parse(&number)
                .map_err(|_| Error::internal(format!("stored order number {number:?}")))?,
            shipment_id: s.id,
            carrier: s.carrier.name,
            tracking_number: s.tracking_number,
            status: s.status,
            reason: s.reason,
            delayed: s.delayed,
            stalled: s.stalled,
            next_step: s.next_step,
            last_update_at: s.last_update_at,
        });
    }
    Ok(out)
}
