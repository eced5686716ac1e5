//! A store's return settings (reasons, resolutions, policy; defaults until saved) and its
//! catalog (products whose tags decide final sale and whose variants exchanges offer).

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{
    ExchangeOption, LocalizedLabel, ProductInput, ResolutionChoice, ReturnReasonSetting,
    ReturnSettings,
};
use aftercare_shared::i18n::{self, Msg};
use aftercare_shared::returns::{DefaultReason, Resolution, ReturnPolicy};
use aftercare_shared::Locale;
use sqlx::AnyConnection;

/// A built-in reason with its label in every language the catalog has.
fn reason(r: DefaultReason) -> ReturnReasonSetting {
    let (comment, photos) = r.rules();
    ReturnReasonSetting {
        code: r.code().into(),
        labels: Locale::ALL
            .into_iter()
            .map(|locale| LocalizedLabel {
                locale,
                label: i18n::t(locale, Msg::DefaultReason(r)),
            })
            .collect(),
        comment,
        photos,
    }
}

/// What a store that never saved return settings gets: a 30-day window, free returns, refund
/// and store credit, the common reasons (damaged ones need a photo).
pub fn default_settings() -> ReturnSettings {
    ReturnSettings {
        policy: ReturnPolicy::default(),
        resolutions: vec![
            ResolutionChoice {
                resolution: Resolution::Refund,
            },
            ResolutionChoice {
                resolution: Resolution::StoreCredit,
            },
            ResolutionChoice {
                resolution: Resolution::Exchange,
            },
        ],
        final_sale_tags: vec!["final-sale".into()],
        reasons: DefaultReason::ALL.into_iter().map(reason).collect(),
        return_address: String::new(),
        photo_retention_days: ReturnSettings::DEFAULT_PHOTO_RETENTION_DAYS,
    }
}

/// The store's return settings (defaults when never saved).
pub async fn settings(conn: &mut AnyConnection, store_id: i64) -> Result<ReturnSettings> {
    let doc: Option<(String,)> =
        sqlx::query_as("SELECT document FROM return_settings WHERE store_id = $1")
            .bind(store_id)
            .fetch_optional(conn)
            .await?;
    match doc {
        Some((json,)) => serde_json::from_str(&json)
            .map_err(|e| Error::internal(format!("stored return settings: {e}"))),
        None => Ok(default_settings()),
    }
}

/// Replace the store's return settings (validated with the shared rules).
pub async fn put_settings(db: &Db, store_id: i64, s: &ReturnSettings) -> Result<()> {
    s.validate()?;
    let json = serde_json::to_string(s).map_err(|e| Error::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO return_settings (store_id, document, updated_at_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (store_id) DO UPDATE SET document = excluded.document, \
         updated_at_ms = excluded.updated_at_ms",
    )
    .bind(store_id)
    .bind(json)
    .bind(crate::util::now_ms())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Create or replace a catalog product and its variants (a SKU moves to this product if it
/// belonged to another).
pub async fn put_product(
    db: &Db,
    store_id: i64,
    external_id: &str,
    p: &ProductInput,
) -> Result<()> {
    p.validate(external_id)?;
    let tags = serde_json::to_string(&p.tags).map_err(|e| Error::internal(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    let (product_id,): (i64,) = sqlx::query_as(
        "INSERT INTO products (store_id, external_id, title, tags) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (store_id, external_id) DO UPDATE SET title = excluded.title, \
         tags = excluded.tags RETURNING id",
    )
    .bind(store_id)
    .bind(external_id.trim())
    .bind(p.title.trim())
    .bind(tags)
    .fetch_one(tx.conn())
    .await?;
    sqlx::query("DELETE FROM product_variants WHERE product_id = $1")
        .bind(product_id)
        .execute(tx.conn())
        .await?;
    for (i, v) in p.variants.iter().enumerate() {
        sqlx::query(
            "INSERT INTO product_variants (store_id, sku, product_id, position, label, available) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (store_id, sku) DO UPDATE SET \
             product_id = excluded.product_id, position = excluded.position, \
             label = excluded.label, available = excluded.available",
        )
        .bind(store_id)
        .bind(v.sku.trim())
        .bind(product_id)
        .bind(i as i64)
        .bind(v.label.trim())
        .bind(i64::from(v.available))
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await
}

/// A line's product in the catalog: its tags and the other variants.
pub(super) struct CatalogEntry {
    /// The product's tags.
    pub tags: Vec<String>,
    /// The product's other variants.
    pub others: Vec<ExchangeOption>,
    /// The label of the bought variant in the catalog.
    pub own_label: Option<String>,
}

/// The catalog entry of the product a SKU belongs to, if the catalog has it.
pub(super) async fn catalog_entry(
    conn: &mut AnyConnection,
    store_id: i64,
    sku: &str,
) -> Result<Option<CatalogEntry>> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT p.id, p.tags FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE v.store_id = $1 AND v.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((product_id, tags)) = row else {
        return Ok(None);
    };
    let variants: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT sku, label, available FROM product_variants WHERE product_id = $1 \
         ORDER BY position, sku",
    )
    .bind(product_id)
    .fetch_all(&mut *conn)
    .await?;
    let own_label = variants
        .iter()
        .find(|(s, _, _)| s == sku)
        .map(|(_, l, _)| l.clone());
    Ok(Some(CatalogEntry {
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        others: variants
            .into_iter()
            .filter(|(s, _, _)| s != sku)
            .map(|(sku, label, available)| ExchangeOption {
                sku,
                label,
                available: available != 0,
            })
            .collect(),
        own_label,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_settings_are_valid() {
        default_settings().validate().unwrap();
    }
}
