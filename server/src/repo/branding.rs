//! A store's look: the shared `api::Branding` document, kept as JSON on the store's row
//! (validated before it is written, so what is read back is always valid).

use super::documents::{self, StoreDocument};
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::Branding;

/// The store's look: the saved document, or the built-in one until the merchant saves one.
pub async fn get(db: &Db, store_id: i64) -> Result<Branding> {
    documents::get(db, store_id, StoreDocument::Branding).await
}

/// Validate and replace the store's look.
pub async fn put(db: &Db, store_id: i64, b: &Branding) -> Result<()> {
    b.validate()?;
    documents::put(db, store_id, StoreDocument::Branding, b).await
}
