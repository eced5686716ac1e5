//! Product reviews: the store's review settings, the customer's pending items (the shared
//! timing rule applied to facts gathered here), submitting, editing and postponing, the
//! public list with its summary, and moderation with its audit log.
//!
//! One file per concern: `read` (stored rows back as the shared types, lists), `pending`
//! (the items waiting for the customer's review), `asks` (recorded asks and the review
//! requests that fix a reward), `photos`, `write` (every change), `helpful` (votes) and
//! `links` (the order a review link opens). Every rule comes from `shared::review` and
//! `shared::api::reviews`; this module gathers facts and stores outcomes.

mod asks;
mod data;
mod helpful;
pub mod import_csv;
mod invite;
mod links;
mod pending;
mod photos;
mod read;
pub mod transfer;
mod write;

pub use asks::{record as record_asks, ASK_DEDUPE_MS};
pub use data::{
    all_published, product_facts, product_published, review_image_urls, ProductFacts,
    PublishedReview,
};
pub use import_csv::ANONYMOUS;
pub use invite::{invitations, INVITE_EVERY, MAX_ITEMS};
pub use pending::pending;
pub use photos::{photo_bytes, photo_url, store_photo, PHOTO_PATH};
pub use read::{admin_list, find, for_customer, public_list, PublicQuery};
pub use transfer::{export, import, EXPORT_COLUMNS};
pub use write::{delete_reply, edit, moderate, photo_owner, postpone, put_reply, submit};
pub use {helpful::vote, links::linked_order, links::LinkedOrder};

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::ReviewSettings;
use sqlx::AnyConnection;

/// The store's review settings (defaults when never set).
pub async fn settings(conn: &mut AnyConnection, store_id: i64) -> Result<ReviewSettings> {
    let doc: Option<String> =
        sqlx::query_scalar("SELECT document FROM review_settings WHERE store_id = $1")
            .bind(store_id)
            .fetch_optional(conn)
            .await?;
    match doc {
        None => Ok(ReviewSettings::default()),
        Some(d) => serde_json::from_str(&d)
            .map_err(|e| Error::internal(format!("stored review settings: {e}"))),
    }
}

/// Replace the store's review settings (already validated) and answer them.
pub async fn put_settings(
    db: &Db,
    store_id: i64,
    settings: &ReviewSettings,
    now_ms: i64,
) -> Result<ReviewSettings> {
    let doc = serde_json::to_string(settings).map_err(|e| Error::internal(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO review_settings (store_id, document, updated_at_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (store_id) DO UPDATE SET document = excluded.document, \
         updated_at_ms = excluded.updated_at_ms",
    )
    .bind(store_id)
    .bind(doc)
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(settings.clone())
}

/// The database id of the store's customer with this external id, if the store has one
/// (customers come from orders).
pub(crate) async fn find_customer(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM customers WHERE store_id = $1 AND external_id = $2")
            .bind(store_id)
            .bind(customer)
            .fetch_optional(conn)
            .await?,
    )
}

/// [`find_customer`], or `404` when the store has no order from them yet.
pub(crate) async fn customer_id(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<i64> {
    find_customer(conn, store_id, customer)
        .await?
        .ok_or(Error::NotFound)
}

/// The key a SKU's reviews are kept under: its catalog product (`p:<external id>`) when the
/// catalog knows the SKU, so every variant of a product shares one set of reviews and a
/// customer reviews the product once; else the SKU itself (`s:<sku>`).
pub(crate) fn key_of(sku: &str, product: Option<&str>) -> String {
    match product {
        Some(external_id) => format!("p:{external_id}"),
        None => format!("s:{sku}"),
    }
}

/// [`key_of`] `sku`, looking its product up in the store's catalog.
pub(crate) async fn product_key(
    conn: &mut AnyConnection,
    store_id: i64,
    sku: &str,
) -> Result<String> {
    let product: Option<String> = sqlx::query_scalar(
        "SELECT p.external_id FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE v.store_id = $1 AND v.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(conn)
    .await?;
    Ok(key_of(sku, product.as_deref()))
}
