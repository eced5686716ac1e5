//! Idempotency records: one row per (store, credential hash, Idempotency-Key).

use crate::db::Db;
use crate::error::Result;

/// What to do with a request carrying an Idempotency-Key.
#[derive(Debug, PartialEq, Eq)]
pub enum Begin {
    /// First time: the caller runs the request and then records or forgets it.
    Started,
    /// Done before with the same request: send this stored answer again.
    Replay {
        /// Stored HTTP status.
        status: u16,
        /// Stored JSON body.
        body: String,
    },
    /// Same key, different request.
    Mismatch,
    /// Same key, still running.
    InFlight,
}

/// Claim the key (an `in_flight` row guarded by the unique constraint) or report its state.
pub async fn begin(
    db: &Db,
    store_id: i64,
    credential_hash: &str,
    key: &str,
    request_hash: &str,
) -> Result<Begin> {
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (store_id, credential_hash, idem_key, request_hash, state, \
         created_at_ms) VALUES ($1, $2, $3, $4, 'in_flight', $5) ON CONFLICT DO NOTHING",
    )
    .bind(store_id)
    .bind(credential_hash)
    .bind(key)
    .bind(request_hash)
    .bind(crate::util::now_ms())
    .execute(tx.conn())
    .await?
    .rows_affected();
    if inserted == 1 {
        tx.commit().await?;
        return Ok(Begin::Started);
    }
    let row: Option<(String, String, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT request_hash, state, response_status, response_body FROM idempotency_keys \
         WHERE store_id = $1 AND credential_hash = $2 AND idem_key = $3",
    )
    .bind(store_id)
    .bind(credential_hash)
    .bind(key)
    .fetch_optional(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(match row {
        Some((hash, _, _, _)) if hash != request_hash => Begin::Mismatch,
        Some((_, state, Some(status), Some(body))) if state == "completed" => Begin::Replay {
            status: u16::try_from(status).unwrap_or(500),
            body,
        },
        // Still running, or forgotten a moment ago by a failing attempt: retry shortly.
        _ => Begin::InFlight,
    })
}

/// Record the answer so repeats replay it.
pub async fn complete(
    db: &Db,
    store_id: i64,
    credential_hash: &str,
    key: &str,
    status: u16,
    body: &str,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE idempotency_keys SET state = 'completed', response_status = $1, \
         response_body = $2, completed_at_ms = $3 \
         WHERE store_id = $4 AND credential_hash = $5 AND idem_key = $6",
    )
    .bind(i64::from(status))
    .bind(body)
    .bind(crate::util::now_ms())
    .bind(store_id)
    .bind(credential_hash)
    .bind(key)
    .execute(tx.conn())
    .await?;
    tx.commit().await
}

/// Drop the claim so a retry can run the request again (after a 5xx and similar).
pub async fn forget(db: &Db, store_id: i64, credential_hash: &str, key: &str) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "DELETE FROM idempotency_keys WHERE store_id = $1 AND credential_hash = $2 AND idem_key = $3",
    )
    .bind(store_id)
    .bind(credential_hash)
    .bind(key)
    .execute(tx.conn())
    .await?;
    tx.commit().await
}
