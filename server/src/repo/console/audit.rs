//! The console's audit log: one row per action, written by the console's handlers after the
//! action succeeded, read by owners newest first.

use crate::db::Db;
use crate::error::Result;
use aftercare_console::pages::audit::AuditEntry;

/// Who acted: the user's id and email at the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor<'a> {
    /// The store.
    pub store_id: i64,
    /// The user's id.
    pub user_id: i64,
    /// The user's email.
    pub email: &'a str,
}

/// Record that `actor` did `action` to `subject`, with the state `before` and `after`.
pub async fn record(
    db: &Db,
    actor: &Actor<'_>,
    action: &str,
    subject: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    now_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO console_audit (store_id, user_id, actor, action, subject, before_json, \
         after_json, at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(actor.store_id)
    .bind(actor.user_id)
    .bind(actor.email)
    .bind(action)
    .bind(subject)
    .bind(before.map(|v| v.to_string()))
    .bind(after.map(|v| v.to_string()))
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await
}

/// A page of `store_id`'s log, newest first, below row id `before` (the previous page's
/// last); with the id to continue from when more follow.
pub async fn page(
    db: &Db,
    store_id: i64,
    before: Option<i64>,
    limit: u32,
) -> Result<(Vec<AuditEntry>, Option<i64>)> {
    type Row = (
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let mut rows: Vec<Row> = sqlx::query_as(
        "SELECT id, at_ms, actor, action, subject, before_json, after_json FROM console_audit \
         WHERE store_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3",
    )
    .bind(store_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(i64::from(limit) + 1)
    .fetch_all(&db.pool)
    .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = more.then(|| rows.last().map(|r| r.0)).flatten();
    let entries = rows
        .into_iter()
        .map(
            |(_, at_ms, actor, action, subject, before, after)| AuditEntry {
                at_ms,
                actor,
                action,
                subject,
                before,
                after,
            },
        )
        .collect();
    Ok((entries, next))
}
