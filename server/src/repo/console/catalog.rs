//! The store's products as the console offers them for a product page's widget: one SKU per
//! product (any variant's SKU shows the product's reviews), by title.

use crate::error::Result;
use sqlx::AnyConnection;

/// Most products a picker lists.
pub const MAX_PRODUCTS: i64 = 200;

/// `(sku, title)` of the store's products, by title, each with its first variant's SKU.
pub async fn products(conn: &mut AnyConnection, store_id: i64) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT v.sku, p.title FROM products p JOIN product_variants v \
         ON v.product_id = p.id AND v.store_id = p.store_id \
         WHERE p.store_id = $1 AND v.position = \
         (SELECT MIN(w.position) FROM product_variants w WHERE w.product_id = p.id) \
         ORDER BY p.title, v.sku LIMIT $2",
    )
    .bind(store_id)
    .bind(MAX_PRODUCTS)
    .fetch_all(&mut *conn)
    .await?)
}
