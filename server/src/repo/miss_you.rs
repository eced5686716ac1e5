//! "We miss you" (issue #16): once an hour the server looks, in each store whose communication
//! calendar turns it on, for customers whose newest order has just become as old as the
//! calendar says (the shared [`miss_you_due`] rule), and writes them one message recalling it,
//! keyed on that order so a lapse is written to once whatever instance looks. Only customers
//! who turned offers on are written to (offers are off until a customer says yes); the sender
//! asks again when it sends, with the calendar's cap and quiet hours.

use super::calendar;
use super::consent;
use super::notices::recipient;
use super::orders::load_order_at;
use super::outbox::{self, Letter};
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::Topic;
use aftercare_shared::notify::calendar::{miss_you_due, MISS_YOU_WINDOW_DAYS};
use aftercare_shared::Email;
use std::time::Duration;

/// How often the server looks for lapsed customers.
pub const MISS_YOU_EVERY: Duration = Duration::from_secs(60 * 60);
const DAY_MS: i64 = 86_400_000;

/// Write "we miss you" to every customer due one now; answers how many were written.
pub async fn sweep(db: &Db, now_ms: i64) -> Result<usize> {
    let stores: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM stores WHERE email_calendar IS NOT NULL ORDER BY id")
            .fetch_all(&db.pool)
            .await?;
    let mut written = 0;
    for (store_id,) in stores {
        let Some(rule) = calendar::get(db, store_id).await?.we_miss_you else {
            continue;
        };
        let newest = now_ms - i64::from(rule.after_days) * DAY_MS;
        let oldest = newest - MISS_YOU_WINDOW_DAYS * DAY_MS;
        // Each customer's newest order that was not cancelled, when it falls in the window.
        let lapsed: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT o.customer_id, MAX(o.placed_at_ms) FROM orders o \
             WHERE o.store_id = $1 AND o.customer_id IS NOT NULL AND o.cancelled = 0 \
             GROUP BY o.customer_id HAVING MAX(o.placed_at_ms) > $2 AND MAX(o.placed_at_ms) <= $3 \
             ORDER BY o.customer_id",
        )
        .bind(store_id)
        .bind(oldest)
        .bind(newest)
        .fetch_all(&db.pool)
        .await?;
        for (customer_id, last_ms) in lapsed {
            if !miss_you_due(last_ms, rule.after_days, now_ms) {
                continue;
            }
            match write(db, store_id, customer_id, now_ms).await {
                Ok(true) => written += 1,
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(customer = customer_id, error = %e, "we-miss-you not written");
                }
            }
        }
    }
    Ok(written)
}

/// One customer's message, unless they have not turned offers on or it was written already.
async fn write(db: &Db, store_id: i64, customer_id: i64, now_ms: i64) -> Result<bool> {
    let mut tx = db.begin_write().await?;
    let order_id: i64 = sqlx::query_scalar(
        "SELECT id FROM orders WHERE customer_id = $1 AND cancelled = 0 \
         ORDER BY placed_at_ms DESC, id DESC LIMIT 1",
    )
    .bind(customer_id)
    .fetch_one(tx.conn())
    .await?;
    let (to, locale) = recipient(tx.conn(), order_id).await?;
    let Ok(email) = Email::parse(&to) else {
        return Ok(false);
    };
    if !consent::allows(tx.conn(), store_id, &email, Topic::Offers).await? {
        return Ok(false);
    }
    let order = load_order_at(tx.conn(), order_id, now_ms).await?;
    let letter = Letter::WeMissYou {
        order: Box::new(order),
    };
    let key = format!("miss:{order_id}");
    let done = outbox::enqueue(
        tx.conn(),
        store_id,
        &to,
        locale,
        &letter,
        Some(&key),
        now_ms,
    )
    .await?;
    tx.commit().await?;
    Ok(done)
}
