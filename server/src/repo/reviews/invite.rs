//! Review invitations by email: once an hour the server looks at customers with recent orders
//! and, for each one the store's review timing says to ask now (the same rule and the same
//! recorded asks as the review prompt, so the email and the widget never both spend an ask or
//! exceed the customer's 30-day cap), writes one invitation listing those items, recording the
//! asks in the same transaction. Guests are never asked (reviews belong to a customer), nor
//! anyone who turned review requests off in the account page or by an email's link.

use super::asks::{self, ASK_DEDUPE_MS};
use super::{pending, settings};
use crate::db::Db;
use crate::error::Result;
use crate::repo::consent;
use crate::repo::outbox::{self, Letter};
use aftercare_shared::api::Topic;
use aftercare_shared::review::email_ask_due;
use aftercare_shared::{Email, Locale};
use sqlx::AnyConnection;
use std::time::Duration;

/// How often the server looks for customers to invite.
pub const INVITE_EVERY: Duration = Duration::from_secs(60 * 60);
/// Customers looked at: an order placed within this many days that has a parcel.
const INVITE_DAYS: i64 = 180;
/// Items in one invitation, at most: a short list gets read (the rest wait for the next one).
pub const MAX_ITEMS: usize = 3;
const DAY_MS: i64 = 86_400_000;

/// Invite every customer who has items to be asked about now; answers how many invitations
/// were written. Runs on every instance: an invitation is keyed per customer and day, and an
/// instance that finds the key taken rolls its asks back.
pub async fn invitations(db: &Db, now_ms: i64) -> Result<usize> {
    let customers: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT DISTINCT c.id, c.store_id, c.external_id FROM customers c \
         JOIN orders o ON o.customer_id = c.id JOIN shipments s ON s.order_id = o.id \
         WHERE o.placed_at_ms >= $1 AND o.cancelled = 0 ORDER BY c.id",
    )
    .bind(now_ms - INVITE_DAYS * DAY_MS)
    .fetch_all(&db.pool)
    .await?;
    let mut written = 0;
    for (cid, store_id, external) in customers {
        // A cheap look first, without the write lock: most customers have nothing due.
        let mut conn = db.pool.acquire().await?;
        let due = !due_items(&mut conn, store_id, cid, &external, now_ms)
            .await?
            .is_empty();
        drop(conn);
        if !due {
            continue;
        }
        // One customer's failure (another instance inviting them at the same moment, on
        // PostgreSQL) leaves the others to be invited.
        match invite(db, store_id, cid, &external, now_ms).await {
            Ok(true) => written += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(customer = cid, error = %e, "review invitation not written"),
        }
    }
    Ok(written)
}

/// The customer's items the timing says to ask about now and not asked about in the last
/// [`EMAIL_REMINDER_DAYS`](aftercare_shared::review::EMAIL_REMINDER_DAYS), within what is left
/// of the customer's 30-day cap and [`MAX_ITEMS`], newest order first.
async fn due_items(
    conn: &mut AnyConnection,
    store_id: i64,
    cid: i64,
    customer: &str,
    now_ms: i64,
) -> Result<Vec<pending::Item>> {
    let settings = settings(&mut *conn, store_id).await?;
    let counts = asks::counts(&mut *conn, cid, now_ms).await?;
    let left = settings
        .timing
        .max_asks_per_30_days
        .saturating_sub(counts.last_30_days) as usize;
    let mut due = Vec::new();
    for item in pending::items(&mut *conn, store_id, cid, customer, &settings, now_ms).await? {
        if due.len() >= left.min(MAX_ITEMS) {
            break;
        }
        if !item.pending.prompt {
            continue;
        }
        let last: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(asked_at_ms) FROM review_asks WHERE customer_id = $1 AND product_key = $2",
        )
        .bind(cid)
        .bind(&item.key)
        .fetch_one(&mut *conn)
        .await?;
        if email_ask_due(last, now_ms) {
            due.push(item);
        }
    }
    Ok(due)
}

/// Write one customer's invitation with its asks, in one transaction; `false` when nothing
/// was due after all, the address may not be asked, or an invitation went out today.
async fn invite(db: &Db, store_id: i64, cid: i64, customer: &str, now_ms: i64) -> Result<bool> {
    let mut tx = db.begin_write().await?;
    let conn = tx.conn();
    let items = due_items(&mut *conn, store_id, cid, customer, now_ms).await?;
    if items.is_empty() {
        return Ok(false);
    }
    let Some((email, locale)) = recipient(&mut *conn, cid).await? else {
        return Ok(false);
    };
    if !consent::allows(&mut *conn, store_id, &email, Topic::ReviewRequests).await? {
        return Ok(false);
    }
    let mut reminder = false;
    for item in &items {
        let asked: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM review_asks WHERE customer_id = $1 AND product_key = $2",
        )
        .bind(cid)
        .bind(&item.key)
        .fetch_one(&mut *conn)
        .await?;
        reminder |= asked > 0;
    }
    // The asks are recorded now; each item was last asked a week ago at the earliest (above),
    // so the 24-hour dedupe never drops one.
    let settings = settings(&mut *conn, store_id).await?;
    let skus: Vec<String> = items.iter().map(|i| i.pending.sku.clone()).collect();
    let recorded =
        asks::record_on(&mut *conn, store_id, cid, &items, &skus, &settings, now_ms).await?;
    if recorded == 0 {
        return Ok(false);
    }
    let letter = Letter::ReviewRequest {
        items: items.into_iter().map(|i| i.pending).collect(),
        reminder,
    };
    let key = format!("reviews:{cid}:{}", now_ms / ASK_DEDUPE_MS);
    let written = outbox::enqueue(
        &mut *conn,
        store_id,
        email.as_str(),
        locale,
        &letter,
        Some(&key),
        now_ms,
    )
    .await?;
    if written {
        tx.commit().await?;
    }
    Ok(written)
}

/// Where a customer's invitation goes: the email and language of their newest order.
async fn recipient(conn: &mut AnyConnection, cid: i64) -> Result<Option<(Email, Locale)>> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT o.email_normalized, COALESCE(o.locale, s.default_locale) FROM orders o \
         JOIN stores s ON s.id = o.store_id WHERE o.customer_id = $1 \
         ORDER BY o.placed_at_ms DESC, o.id DESC LIMIT 1",
    )
    .bind(cid)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(email, tag)| {
        Some((
            Email::parse(&email).ok()?,
            Locale::from_tag(&tag).unwrap_or_default(),
        ))
    }))
}
