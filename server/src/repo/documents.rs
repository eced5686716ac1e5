//! Store settings kept as one JSON document in a column of the store's row (the look, the
//! communication calendar): read back as the shared type, or its default until the merchant
//! saves one. Callers validate before writing, so what is read back is always valid.

use crate::db::Db;
use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Which document: each is its own column of `stores`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreDocument {
    /// `api::Branding`.
    Branding,
    /// `api::EmailCalendar`.
    EmailCalendar,
}

impl StoreDocument {
    /// Its column (a fixed name, never input).
    fn column(self) -> &'static str {
        match self {
            StoreDocument::Branding => "branding",
            StoreDocument::EmailCalendar => "email_calendar",
        }
    }
}

/// The store's `doc`: the saved one, or `T::default()` until one is saved.
pub async fn get<T: DeserializeOwned + Default>(
    db: &Db,
    store_id: i64,
    doc: StoreDocument,
) -> Result<T> {
    let column = doc.column();
    let stored: Option<(Option<String>,)> =
        sqlx::query_as(&format!("SELECT {column} FROM stores WHERE id = $1"))
            .bind(store_id)
            .fetch_optional(&db.pool)
            .await?;
    match stored.ok_or(Error::NotFound)?.0 {
        None => Ok(T::default()),
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| Error::internal(format!("stored {column} of store {store_id}: {e}"))),
    }
}

/// Replace the store's `doc` with `value` (already validated by the caller).
pub async fn put<T: Serialize>(
    db: &Db,
    store_id: i64,
    doc: StoreDocument,
    value: &T,
) -> Result<()> {
    let column = doc.column();
    let json = serde_json::to_string(value)
        .map_err(|e| Error::internal(format!("{column} as JSON: {e}")))?;
    let mut tx = db.begin_write().await?;
    sqlx::query(&format!(
        "UPDATE stores SET {column} = $1, updated_at_ms = $2 WHERE id = $3"
    ))
    .bind(json)
    .bind(crate::util::now_ms())
    .bind(store_id)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}
