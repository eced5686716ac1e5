//! "Your data is ready": the email a data export sends its customer, written in its own
//! transaction with a key per customer and hour, so pressing the button again does not fill
//! the inbox.

use crate::db::Db;
use crate::error::Result;
use crate::repo::outbox::{self, Letter};
use aftercare_shared::{Email, Locale};

const HOUR_MS: i64 = 3_600_000;

/// Write the email to `customer`'s address (their newest customer row with one), in `locale`;
/// answers whether it was written (not for a customer without an address, nor twice in an
/// hour).
pub async fn export_ready(
    db: &Db,
    store_id: i64,
    customer: &str,
    locale: Locale,
    now_ms: i64,
) -> Result<bool> {
    let mut tx = db.begin_write().await?;
    let to: Option<String> = sqlx::query_scalar(
        "SELECT email FROM customers WHERE store_id = $1 AND external_id = $2 \
         AND email IS NOT NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(store_id)
    .bind(customer)
    .fetch_optional(tx.conn())
    .await?;
    let Some(email) = to.and_then(|a| Email::parse(&a).ok()) else {
        return Ok(false);
    };
    let letter = Letter::DataExportReady {
        customer: customer.to_owned(),
        asked_at_ms: now_ms,
    };
    let key = format!("export:{customer}:{}", now_ms / HOUR_MS);
    let written = outbox::enqueue(
        tx.conn(),
        store_id,
        email.as_str(),
        locale,
        &letter,
        Some(&key),
        now_ms,
    )
    .await?;
    tx.commit().await?;
    Ok(written)
}
