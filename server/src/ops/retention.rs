//! Retention jobs: what the server deletes on its own, and when.
//!
//! | job | deletes |
//! |-----|---------|
//! | `idempotency` | stored answers older than 24 h, and claims left `in_flight` over 10 min (a crash) |
//! | `tracking_views` | tracking page views older than 90 days (the anxious-customer insight looks back far less) |
//! | `closed_return_photos` | photos of returns closed longer ago than the store's `photo_retention_days` |
//! | `unattached_photos` | return and review photos uploaded over 24 h ago and never attached |
//! | `console_sessions` | console sessions past their idle (30 min) or absolute (12 h) expiry |
//! | `sent_emails` | outbox messages sent, held back or failed over 90 days ago (addresses and order contents) |
//!
//! Guest sessions, customer tokens and review links are stateless signed tokens with an
//! expiry: nothing is stored, so nothing expires in the database. [`spawn`] runs every job
//! shortly after start and then on an interval; each is safe to run on several instances at
//! once (plain deletes by age) and each logs how many rows it removed.

use crate::db::Db;
use crate::error::Result;
use crate::repo::returns::wire;
use aftercare_shared::returns::ReturnStatus;
use std::time::Duration;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// Idempotency answers are replayed for this long (the `Idempotency-Key` contract).
pub const IDEMPOTENCY_WINDOW_MS: i64 = DAY_MS;
/// A claim still `in_flight` after this long belongs to a request that died with its server.
pub const IN_FLIGHT_ABANDONED_MS: i64 = 10 * 60_000;
/// Tracking page views are kept this long.
pub const TRACKING_VIEWS_DAYS: i64 = 90;
/// Emails done with (sent, held back, failed) are kept this long: long enough to answer "did
/// you email me?", and no longer, since each holds an address and an order's contents.
pub const SENT_EMAILS_DAYS: i64 = 90;
/// An uploaded photo no return or review uses by then is deleted.
pub const UNATTACHED_PHOTO_MS: i64 = DAY_MS;
/// Rows deleted per statement: photo rows carry their image, so a big purge is done in
/// short write transactions instead of one that holds the SQLite writer for long.
const BATCH: i64 = 200;

/// Rows one run removed, per job (`None`: the job failed and was logged).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Idempotency records.
    pub idempotency: Option<u64>,
    /// Tracking views.
    pub tracking_views: Option<u64>,
    /// Photos of long-closed returns.
    pub closed_return_photos: Option<u64>,
    /// Photos never attached to a return or review.
    pub unattached_photos: Option<u64>,
    /// Expired console sessions.
    pub console_sessions: Option<u64>,
    /// Old emails done with.
    pub sent_emails: Option<u64>,
}

/// Run every job once at `now_ms`, logging what each removed (or why it failed).
pub async fn run_all(db: &Db, now_ms: i64) -> Report {
    Report {
        idempotency: logged("idempotency", purge_idempotency(db, now_ms).await),
        tracking_views: logged("tracking_views", purge_tracking_views(db, now_ms).await),
        closed_return_photos: logged(
            "closed_return_photos",
            purge_closed_return_photos(db, now_ms).await,
        ),
        unattached_photos: logged(
            "unattached_photos",
            purge_unattached_photos(db, now_ms).await,
        ),
        console_sessions: logged(
            "console_sessions",
            crate::repo::console::sessions::purge(db, now_ms).await,
        ),
        sent_emails: logged("sent_emails", purge_sent_emails(db, now_ms).await),
    }
}

fn logged(job: &'static str, result: Result<u64>) -> Option<u64> {
    match result {
        Ok(removed) => {
            tracing::info!(job, removed, "retention job done");
            Some(removed)
        }
        Err(e) => {
            tracing::warn!(job, error = %e, "retention job failed");
            None
        }
    }
}

/// Run [`run_all`] after `first`, then every `every`, for as long as the runtime lives.
pub fn spawn(db: Db, first: Duration, every: Duration) {
    tokio::spawn(async move {
        tokio::time::sleep(first).await;
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            run_all(&db, crate::util::now_ms()).await;
        }
    });
}

/// Idempotency records past their window, and abandoned in-flight claims.
pub async fn purge_idempotency(db: &Db, now_ms: i64) -> Result<u64> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at_ms < $1")
        .bind(now_ms - IDEMPOTENCY_WINDOW_MS)
        .execute(tx.conn())
        .await?
        .rows_affected();
    let stale = sqlx::query(
        "DELETE FROM idempotency_keys WHERE state = 'in_flight' AND created_at_ms < $1",
    )
    .bind(now_ms - IN_FLIGHT_ABANDONED_MS)
    .execute(tx.conn())
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(done + stale)
}

/// Tracking page views older than [`TRACKING_VIEWS_DAYS`].
pub async fn purge_tracking_views(db: &Db, now_ms: i64) -> Result<u64> {
    batched(
        db,
        "DELETE FROM tracking_views WHERE id IN (SELECT id FROM tracking_views \
         WHERE viewed_at_ms < $1 LIMIT $2)",
        &[now_ms - TRACKING_VIEWS_DAYS * DAY_MS],
        &[],
    )
    .await
}

/// Outbox messages sent, held back or failed more than [`SENT_EMAILS_DAYS`] ago; queued ones
/// stay whatever their age. A purged message's news key goes with it, which cannot send the
/// news again: news is only ever written while it is fresh (48 h).
pub async fn purge_sent_emails(db: &Db, now_ms: i64) -> Result<u64> {
    batched(
        db,
        "DELETE FROM email_outbox WHERE id IN (SELECT id FROM email_outbox \
         WHERE status <> 'queued' AND created_at_ms < $1 LIMIT $2)",
        &[now_ms - SENT_EMAILS_DAYS * DAY_MS],
        &[],
    )
    .await
}

/// Photos of returns closed (final status) more than the store's `photo_retention_days` ago.
/// A closed return never changes again, so its `updated_at_ms` is when it closed.
pub async fn purge_closed_return_photos(db: &Db, now_ms: i64) -> Result<u64> {
    let stores: Vec<(i64,)> = sqlx::query_as("SELECT id FROM stores")
        .fetch_all(&db.pool)
        .await?;
    let finals = [
        ReturnStatus::Refunded,
        ReturnStatus::Exchanged,
        ReturnStatus::Rejected,
        ReturnStatus::Cancelled,
    ]
    .map(wire);
    let mut removed = 0;
    for (store_id,) in stores {
        let days = {
            let mut conn = db.pool.acquire().await?;
            crate::repo::returns::settings(&mut conn, store_id)
                .await?
                .photo_retention_days
        };
        let cutoff = now_ms - i64::from(days) * DAY_MS;
        removed += batched(
            db,
            "DELETE FROM return_photos WHERE id IN (SELECT p.id FROM return_photos p \
             JOIN return_items i ON i.id = p.return_item_id JOIN returns r ON r.id = i.return_id \
             WHERE r.store_id = $1 AND r.updated_at_ms < $2 \
             AND r.status IN ($3, $4, $5, $6) LIMIT $7)",
            &[store_id, cutoff],
            &finals,
        )
        .await?;
    }
    Ok(removed)
}

/// Return and review photos uploaded over [`UNATTACHED_PHOTO_MS`] ago that nothing uses.
pub async fn purge_unattached_photos(db: &Db, now_ms: i64) -> Result<u64> {
    let cutoff = now_ms - UNATTACHED_PHOTO_MS;
    let returns = batched(
        db,
        "DELETE FROM return_photos WHERE id IN (SELECT id FROM return_photos \
         WHERE return_item_id IS NULL AND created_at_ms < $1 LIMIT $2)",
        &[cutoff],
        &[],
    )
    .await?;
    let reviews = batched(
        db,
        "DELETE FROM review_photos WHERE id IN (SELECT id FROM review_photos \
         WHERE review_id IS NULL AND created_at_ms < $1 LIMIT $2)",
        &[cutoff],
        &[],
    )
    .await?;
    Ok(returns + reviews)
}

/// A `DELETE … IN (SELECT … LIMIT $n)` repeated until a batch comes back short. Its
/// placeholders are `ints`, then `texts`, then the batch size, in that order.
async fn batched(db: &Db, sql: &str, ints: &[i64], texts: &[String]) -> Result<u64> {
    let mut total = 0;
    loop {
        let mut tx = db.begin_write().await?;
        let mut q = sqlx::query(sql);
        for v in ints {
            q = q.bind(*v);
        }
        for t in texts {
            q = q.bind(t.as_str());
        }
        let n = q.bind(BATCH).execute(tx.conn()).await?.rows_affected();
        tx.commit().await?;
        total += n;
        if n < BATCH as u64 {
            return Ok(total);
        }
    }
}
