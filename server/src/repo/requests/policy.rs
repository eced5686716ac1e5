//! The store's `ChangePolicy` (which requests it takes and for how long), stored beside the
//! other store settings and read inside the transaction that checks a request against it.

use crate::error::{Error, Result};
use aftercare_shared::changes::{CancelReason, ChangePolicy};
use sqlx::AnyConnection;

/// The store's change policy; the shared defaults (24 h, every reason, address changes on)
/// until the merchant saves one.
pub async fn policy(conn: &mut AnyConnection, store_id: i64) -> Result<ChangePolicy> {
    let row: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT cancel_window_hours, cancel_reasons, address_changes FROM store_change_policy \
         WHERE store_id = $1",
    )
    .bind(store_id)
    .fetch_optional(conn)
    .await?;
    let Some((hours, reasons, address)) = row else {
        return Ok(ChangePolicy::default());
    };
    let reasons: Vec<CancelReason> = serde_json::from_str(&reasons)
        .map_err(|e| Error::internal(format!("stored cancel reasons: {e}")))?;
    Ok(ChangePolicy {
        cancel_window_hours: u32::try_from(hours)
            .map_err(|_| Error::internal(format!("stored cancel window {hours}")))?,
        cancel_reasons: reasons,
        address_changes: address != 0,
    })
}

/// Replace the store's change policy (validated by the caller, as part of the settings).
pub async fn put_policy(
    conn: &mut AnyConnection,
    store_id: i64,
    policy: &ChangePolicy,
    now_ms: i64,
) -> Result<()> {
    let reasons = serde_json::to_string(&policy.cancel_reasons)
        .map_err(|e| Error::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO store_change_policy (store_id, cancel_window_hours, cancel_reasons, \
         address_changes, updated_at_ms) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (store_id) DO UPDATE SET cancel_window_hours = excluded.cancel_window_hours, \
         cancel_reasons = excluded.cancel_reasons, address_changes = excluded.address_changes, \
         updated_at_ms = excluded.updated_at_ms",
    )
    .bind(store_id)
    .bind(i64::from(policy.cancel_window_hours))
    .bind(reasons)
    .bind(i64::from(policy.address_changes))
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}
