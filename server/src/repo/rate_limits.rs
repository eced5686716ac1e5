//! Rate-limit state (GCRA "theoretical arrival times"), shared by every server instance
//! through the database. The rules (bursts, intervals, keys) live in [`crate::rate_limit`].

use crate::db::Db;
use crate::error::Result;

/// Outcome of counting one request against a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Counted: the request may proceed.
    Allowed,
    /// Refused and not counted; the limit's theoretical arrival time (unix ms) at that moment,
    /// from which the caller computes Retry-After.
    Limited {
        /// The stored theoretical arrival time.
        tat_ms: i64,
    },
}

/// Count one request for `(bucket, key_hash)` at `now_ms`, in one atomic statement: the
/// stored time moves to `max(tat, now) + interval` only while that stays within
/// `burst × interval` of now. Concurrent requests from any instance serialise on the row
/// (PostgreSQL row lock; SQLite's single writer), so none is lost or double-counted.
pub async fn hit(
    db: &Db,
    bucket: &str,
    key_hash: &str,
    now_ms: i64,
    interval_ms: i64,
    burst_ms: i64,
) -> Result<Hit> {
    let mut tx = db.begin_write().await?;
    let updated: Option<i64> = sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, key_hash, tat_ms) VALUES ($1, $2, $3 + $4) \
         ON CONFLICT (bucket, key_hash) DO UPDATE SET tat_ms = \
           (CASE WHEN rate_limits.tat_ms > $3 THEN rate_limits.tat_ms ELSE $3 END) + $4 \
         WHERE (CASE WHEN rate_limits.tat_ms > $3 THEN rate_limits.tat_ms ELSE $3 END) + $4 - $3 <= $5 \
         RETURNING tat_ms",
    )
    .bind(bucket)
    .bind(key_hash)
    .bind(now_ms)
    .bind(interval_ms)
    .bind(burst_ms)
    .fetch_optional(tx.conn())
    .await?;
    let outcome = match updated {
        Some(_) => Hit::Allowed,
        None => {
            let tat_ms: Option<i64> = sqlx::query_scalar(
                "SELECT tat_ms FROM rate_limits WHERE bucket = $1 AND key_hash = $2",
            )
            .bind(bucket)
            .bind(key_hash)
            .fetch_optional(tx.conn())
            .await?;
            // The row can only vanish between the two statements through a purge, which
            // removes recovered rows only: then the next attempt is allowed at once.
            Hit::Limited {
                tat_ms: tat_ms.unwrap_or(now_ms),
            }
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Delete the rows of limits that have fully recovered (their time is in the past), so the
/// table holds only subjects seen recently. Returns how many went.
pub async fn purge(db: &Db, now_ms: i64) -> Result<u64> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query("DELETE FROM rate_limits WHERE tat_ms < $1")
        .bind(now_ms)
        .execute(tx.conn())
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(n)
}
