//! A store's look: the shared `api::Branding` document, kept as JSON on the store's row
//! (validated before it is written, so what is read back is always valid).

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::Branding;

/// The store's look: the saved document, or the built-in one until the merchant saves one.
pub async fn get(db: &Db, store_id: i64) -> Result<Branding> {
    let stored: Option<(Option<String>,)> =
        sqlx::query_as("SELECT branding FROM stores WHERE id = $1")
            .bind(store_id)
            .fetch_optional(&db.pool)
            .await?;
    match stored.ok_or(Error::NotFound)?.0 {
        None => Ok(Branding::default()),
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| Error::internal(format!("stored branding of store {store_id}: {e}"))),
    }
}

/// Validate and replace the store's look.
pub async fn put(db: &Db, store_id: i64, b: &Branding) -> Result<()> {
    b.validate()?;
    let json =
        serde_json::to_string(b).map_err(|e| Error::internal(format!("branding as JSON: {e}")))?;
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE stores SET branding = $1, updated_at_ms = $2 WHERE id = $3")
        .bind(json)
        .bind(crate::util::now_ms())
        .bind(store_id)
        .execute(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(())
}
