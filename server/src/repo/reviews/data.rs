//! Published reviews as structured data for others to read: the product they are about
//! (name, SKU, catalog id, product page) and the reviews themselves, for the JSON-LD a
//! storefront embeds and the Google product ratings feed. Only `published` reviews are ever
//! read here.

use super::product_key;
use crate::error::Result;
use sqlx::AnyConnection;

/// A published review, as structured data shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublishedReview {
    /// Review id.
    pub id: i64,
    /// The SKU reviewed.
    pub sku: String,
    /// The product key it is kept under (`p:…` / `s:…`).
    pub product_key: String,
    /// 1–5 stars.
    pub rating: i64,
    /// Headline.
    pub title: String,
    /// Text.
    pub body: String,
    /// The name the reviewer chose to show (may be empty-ish for imports).
    pub display_name: String,
    /// Written at (Unix ms).
    pub created_at_ms: i64,
    /// Last changed at (Unix ms).
    pub updated_at_ms: i64,
}

/// What is known about the product a SKU belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductFacts {
    /// The product key (`p:<catalog id>` or `s:<sku>`).
    pub key: String,
    /// Display name: the catalog title, else the latest order line's title, else the SKU.
    pub name: String,
    /// The SKU asked about.
    pub sku: String,
    /// Its product page, from the latest order line that carries one.
    pub url: Option<String>,
}

const COLUMNS: &str = "SELECT id, sku, product_key, rating, title, body, display_name, \
     created_at_ms, updated_at_ms FROM reviews";

/// The product `sku` belongs to (variants of a catalog product share one key).
pub async fn product_facts(
    conn: &mut AnyConnection,
    store_id: i64,
    sku: &str,
) -> Result<ProductFacts> {
    let key = product_key(&mut *conn, store_id, sku).await?;
    let catalog: Option<String> = sqlx::query_scalar(
        "SELECT p.title FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE v.store_id = $1 AND v.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let line: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT oi.title, oi.product_url FROM order_items oi JOIN orders o ON o.id = oi.order_id \
         WHERE o.store_id = $1 AND oi.sku = $2 ORDER BY o.placed_at_ms DESC, oi.id DESC LIMIT 1",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let url: Option<String> = sqlx::query_scalar(
        "SELECT oi.product_url FROM order_items oi JOIN orders o ON o.id = oi.order_id \
         WHERE o.store_id = $1 AND oi.sku = $2 AND oi.product_url IS NOT NULL \
         ORDER BY o.placed_at_ms DESC, oi.id DESC LIMIT 1",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let name = catalog
        .or_else(|| line.map(|(title, _)| title))
        .unwrap_or_else(|| sku.to_owned());
    Ok(ProductFacts {
        key,
        name,
        sku: sku.to_owned(),
        url,
    })
}

/// A product's published reviews: how many, their average, and the `limit` newest.
pub async fn product_published(
    conn: &mut AnyConnection,
    store_id: i64,
    key: &str,
    limit: u32,
) -> Result<(u32, Option<f64>, Vec<PublishedReview>)> {
    let (count, sum): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), CAST(SUM(rating) AS BIGINT) FROM reviews WHERE store_id = $1 AND product_key = $2 \
         AND status = 'published'",
    )
    .bind(store_id)
    .bind(key)
    .fetch_one(&mut *conn)
    .await?;
    let rows: Vec<PublishedReview> = sqlx::query_as(&format!(
        "{COLUMNS} WHERE store_id = $1 AND product_key = $2 AND status = 'published' \
         ORDER BY created_at_ms DESC, id DESC LIMIT $3"
    ))
    .bind(store_id)
    .bind(key)
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    let count = u32::try_from(count).unwrap_or(0);
    let average = (count > 0).then(|| sum.unwrap_or(0) as f64 / f64::from(count));
    Ok((count, average, rows))
}

/// Every published review of the store, newest first (the feed).
pub async fn all_published(
    conn: &mut AnyConnection,
    store_id: i64,
) -> Result<Vec<PublishedReview>> {
    Ok(sqlx::query_as(&format!(
        "{COLUMNS} WHERE store_id = $1 AND status = 'published' ORDER BY created_at_ms DESC, id DESC"
    ))
    .bind(store_id)
    .fetch_all(conn)
    .await?)
}

/// The public URLs of the photos of `review_ids`, for the feed's `reviewer_images`: a few
/// queries for the whole feed (500 reviews each, well under every engine's bind limit).
pub async fn review_image_urls(
    conn: &mut AnyConnection,
    review_ids: &[i64],
    public_base: &str,
) -> Result<std::collections::HashMap<i64, Vec<String>>> {
    let mut out = std::collections::HashMap::new();
    for ids in review_ids.chunks(500) {
        for (id, photos) in super::photos::photos_of(&mut *conn, ids, public_base).await? {
            out.insert(id, photos.into_iter().map(|p| p.url).collect());
        }
    }
    Ok(out)
}
