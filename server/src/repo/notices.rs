//! Which emails a change makes due, written into the outbox in the change's own transaction
//! (so a committed change always gets its message, and a rolled-back one never does): the
//! order confirmation, a parcel's news, a return's news, and, from a periodic sweep, late and
//! silent parcels. The rules themselves (what is news, what is fresh) are the shared
//! [`aftercare_shared::notify`]; each piece of news carries a key, so writing the same news
//! twice (a repeated webhook, a re-sent order, the next sweep) sends one message.

use super::orders::load_order_at;
use super::outbox::{self, Letter};
use super::returns::{self, Links};
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::ReturnActor;
use aftercare_shared::notify::{self, ParcelNews};
use aftercare_shared::order::{Order, Shipment};
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::Locale;
use sqlx::AnyConnection;
use std::time::Duration;

/// How often the server looks for parcels that became late or silent.
pub const SWEEP_EVERY: Duration = Duration::from_secs(10 * 60);
/// Orders the sweep looks at: placed within this many days.
const SWEEP_DAYS: i64 = 60;
/// A parcel late by more than this is old news (an import, a store just connected).
const LATE_NEWS_MS: i64 = 7 * 86_400_000;

/// Who an order's messages go to and in which language: the order's email, in the shopper's
/// language at checkout, else the store's.
pub(crate) async fn recipient(conn: &mut AnyConnection, order_id: i64) -> Result<(String, Locale)> {
    let (email, tag): (String, String) = sqlx::query_as(
        "SELECT o.email_normalized, COALESCE(o.locale, s.default_locale) FROM orders o \
         JOIN stores s ON s.id = o.store_id WHERE o.id = $1",
    )
    .bind(order_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok((email, Locale::from_tag(&tag).unwrap_or_default()))
}

/// After an order was written (`created`: it did not exist before): its confirmation when it
/// is new and fresh, and its parcels' news. A new order that is not fresh (an import, a
/// backfill) sends nothing at all.
pub async fn order_written(
    conn: &mut AnyConnection,
    store_id: i64,
    order_id: i64,
    created: bool,
    placed_at_ms: i64,
    cancelled: bool,
    now_ms: i64,
) -> Result<()> {
    if created && !notify::confirmation_due(placed_at_ms, cancelled, now_ms) {
        return Ok(());
    }
    let order = load_order_at(conn, order_id, now_ms).await?;
    let (email, locale) = recipient(conn, order_id).await?;
    if created {
        let (earlier,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM orders WHERE store_id = $1 AND email_normalized = $2 \
             AND id <> $3 AND placed_at_ms <= $4",
        )
        .bind(store_id)
        .bind(&email)
        .bind(order_id)
        .bind(placed_at_ms)
        .fetch_one(&mut *conn)
        .await?;
        let letter = Letter::OrderConfirmed {
            order: Box::new(order.clone()),
            first: earlier == 0,
        };
        let key = format!("order:{}:confirmed", order.order_number.as_str());
        outbox::enqueue(conn, store_id, &email, locale, &letter, Some(&key), now_ms).await?;
    }
    parcels(conn, store_id, &order, &email, locale, now_ms).await
}

/// After a parcel was added or its checkpoints written: the news of the order's parcels.
pub async fn parcel_written(
    conn: &mut AnyConnection,
    store_id: i64,
    shipment_id: i64,
    now_ms: i64,
) -> Result<()> {
    let (order_id,): (i64,) = sqlx::query_as("SELECT order_id FROM shipments WHERE id = $1")
        .bind(shipment_id)
        .fetch_one(&mut *conn)
        .await?;
    let order = load_order_at(conn, order_id, now_ms).await?;
    let (email, locale) = recipient(conn, order_id).await?;
    parcels(conn, store_id, &order, &email, locale, now_ms).await
}

/// The news each parcel of `order` holds now (see [`parcel_news`]), written once per key.
async fn parcels(
    conn: &mut AnyConnection,
    store_id: i64,
    order: &Order,
    email: &str,
    locale: Locale,
    now_ms: i64,
) -> Result<()> {
    for s in &order.shipments {
        if let Some((news, key)) = parcel_news(s, now_ms) {
            let letter = Letter::Parcel {
                news,
                order: Box::new(order.clone()),
                shipment_id: s.id,
                at_ms: now_ms,
            };
            outbox::enqueue(conn, store_id, email, locale, &letter, Some(&key), now_ms).await?;
        }
    }
    Ok(())
}

/// The one piece of news a parcel holds at `now_ms`, with its key: its status's news when its
/// newest checkpoint is fresh, else "shipped" when it was handed over recently (or says
/// nothing of when, being written now).
pub fn parcel_news(s: &Shipment, now_ms: i64) -> Option<(ParcelNews, String)> {
    let newest = s.last_update_at.map(|t| t.utc_ms);
    if let Some(news) = notify::status_news(None, s.status) {
        if !newest.is_some_and(|t| notify::is_fresh(t, now_ms)) {
            return None;
        }
        let key = if news.repeats() {
            format!("parcel:{}:{}:{}", s.id, news.as_str(), newest.unwrap_or(0))
        } else {
            format!("parcel:{}:{}", s.id, news.as_str())
        };
        return Some((news, key));
    }
    if s.status.is_final() {
        return None;
    }
    let handed = s.shipped_at.map(|t| t.utc_ms).or(newest);
    handed
        .is_none_or(|t| notify::is_fresh(t, now_ms))
        .then(|| (ParcelNews::Shipped, format!("parcel:{}:shipped", s.id)))
}

/// After a return reached `status` by `by`'s hand: its news, when it is any
/// ([`notify::return_news`]), with the return as the shopper sees it now.
pub async fn return_changed(
    conn: &mut AnyConnection,
    store_id: i64,
    rma: &str,
    status: ReturnStatus,
    by: ReturnActor,
    now_ms: i64,
) -> Result<()> {
    let Some(news) = notify::return_news(status, by) else {
        return Ok(());
    };
    let Some(row) = returns::find(conn, store_id, rma).await? else {
        return Ok(());
    };
    let links = Links {
        label_url: None,
        qr_url: None,
        photo_base: String::new(),
    };
    let detail = returns::detail(conn, &row, row.locale, &links).await?;
    let key = format!("return:{rma}:{}", returns::wire(status));
    let letter = Letter::Return {
        news,
        detail: Box::new(detail),
    };
    outbox::enqueue(
        conn,
        store_id,
        &row.email,
        row.locale,
        &letter,
        Some(&key),
        now_ms,
    )
    .await?;
    Ok(())
}

/// Look at recent orders' parcels for those that became late or silent since the last look,
/// and write their news (once per parcel and kind). Runs on every instance; the keys make
/// that safe.
pub async fn sweep(db: &Db, now_ms: i64) -> Result<usize> {
    let orders: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT DISTINCT o.id, o.store_id FROM orders o JOIN shipments s ON s.order_id = o.id \
         WHERE o.placed_at_ms >= $1 AND o.cancelled = 0 ORDER BY o.id",
    )
    .bind(now_ms - SWEEP_DAYS * 86_400_000)
    .fetch_all(&db.pool)
    .await?;
    let mut written = 0;
    for (order_id, store_id) in orders {
        let mut conn = db.pool.acquire().await?;
        let order = load_order_at(&mut conn, order_id, now_ms).await?;
        drop(conn);
        let due: Vec<&Shipment> = order
            .shipments
            .iter()
            .filter(|s| late_news(s, now_ms).is_some())
            .collect();
        if due.is_empty() {
            continue;
        }
        let mut tx = db.begin_write().await?;
        let (email, locale) = recipient(tx.conn(), order_id).await?;
        for s in due {
            let Some(news) = late_news(s, now_ms) else {
                continue;
            };
            let letter = Letter::Parcel {
                news,
                order: Box::new(order.clone()),
                shipment_id: s.id,
                at_ms: now_ms,
            };
            let key = format!("parcel:{}:{}", s.id, news.as_str());
            if outbox::enqueue(
                tx.conn(),
                store_id,
                &email,
                locale,
                &letter,
                Some(&key),
                now_ms,
            )
            .await?
            {
                written += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(written)
}

/// A parcel's time-based news ([`notify::time_news`]) when it is recent: late by at most
/// [`LATE_NEWS_MS`], or silent for less than the store's "expired" threshold (an expired
/// parcel is final, so `time_news` already says nothing).
fn late_news(s: &Shipment, now_ms: i64) -> Option<ParcelNews> {
    let news = notify::time_news(s)?;
    match news {
        ParcelNews::Delayed => s
            .eta
            .is_some_and(|w| now_ms - w.latest.utc_ms <= LATE_NEWS_MS)
            .then_some(news),
        _ => Some(news),
    }
}
