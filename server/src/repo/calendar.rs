//! A store's communication calendar (the shared `api::EmailCalendar`, kept as JSON on the
//! store's row like its branding) and what the sender asks of the database to follow it: the
//! customer's time zone and the optional messages an address was sent lately.

use super::documents::{self, StoreDocument};
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::EmailCalendar;
use aftercare_shared::Email;

/// The store's calendar: the saved one, or none of its rules until the merchant saves one.
pub async fn get(db: &Db, store_id: i64) -> Result<EmailCalendar> {
    documents::get(db, store_id, StoreDocument::EmailCalendar).await
}

/// Validate and replace the store's calendar. Messages already waiting follow the new rules
/// the next time they come up.
pub async fn put(db: &Db, store_id: i64, c: &EmailCalendar) -> Result<()> {
    c.validate()?;
    documents::put(db, store_id, StoreDocument::EmailCalendar, c).await
}

/// The customer's clock, minutes east of UTC: the offset of the newest order placed with the
/// address that gave one, else `None` (the calendar then reads UTC).
pub async fn offset_of(db: &Db, store_id: i64, email: &Email) -> Result<Option<i32>> {
    let row: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT placed_offset_min FROM orders WHERE store_id = $1 AND email_hash = $2 \
         AND placed_offset_min IS NOT NULL ORDER BY placed_at_ms DESC, id DESC LIMIT 1",
    )
    .bind(store_id)
    .bind(crate::repo::orders::email_hash(email))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|(o,)| o).and_then(|o| i32::try_from(o).ok()))
}

/// When optional messages were sent to `recipient` since `since_ms` (unix ms).
pub async fn optional_sent_since(
    db: &Db,
    store_id: i64,
    recipient: &str,
    since_ms: i64,
) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT sent_at_ms FROM email_outbox WHERE store_id = $1 AND recipient = $2 \
         AND sent_at_ms > $3 AND status = 'sent' AND topic IS NOT NULL",
    )
    .bind(store_id)
    .bind(recipient)
    .bind(since_ms)
    .fetch_all(&db.pool)
    .await?)
}
