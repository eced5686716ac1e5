//! The demo clock's per-subject offsets (`POST /demo/clock`, `serve --demo` only), kept in
//! the database so every server instance behind a load balancer shifts the same subjects.

use crate::db::Db;
use crate::error::Result;

/// The offset (ms) applied to `subject_key`, 0 when it was never moved.
pub async fn offset_ms(db: &Db, subject_key: &str) -> Result<i64> {
    let v: Option<i64> =
        sqlx::query_scalar("SELECT offset_ms FROM demo_clock WHERE subject_key = $1")
            .bind(subject_key)
            .fetch_optional(&db.pool)
            .await?;
    Ok(v.unwrap_or(0))
}

/// Move `subject_key`'s clock by `ms` (added to any earlier shift, atomically); returns the
/// new offset.
pub async fn advance(db: &Db, subject_key: &str, ms: i64) -> Result<i64> {
    let mut tx = db.begin_write().await?;
    let offset: i64 = sqlx::query_scalar(
        "INSERT INTO demo_clock (subject_key, offset_ms) VALUES ($1, $2) \
         ON CONFLICT (subject_key) DO UPDATE SET offset_ms = demo_clock.offset_ms + $2 \
         RETURNING offset_ms",
    )
    .bind(subject_key)
    .bind(ms)
    .fetch_one(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(offset)
}

/// Return every subject to the real time (seeding the demo store does this, as a restart
/// did when the offsets lived in memory).
pub async fn reset(db: &Db) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM demo_clock")
        .execute(tx.conn())
        .await?;
    tx.commit().await
}
