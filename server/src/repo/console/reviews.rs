//! What the console's review pages show beside each review, read here because the admin API
//! does not answer it: the product's name (as the structured data names it) and the
//! author's email; and how many reviews a store has (for the import's audit entry).

use crate::error::Result;
use crate::repo::reviews::product_facts;
use aftercare_console::pages::reviews::QueueItem;
use aftercare_shared::api::Review;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// `reviews` (one page) with their product names and authors' emails.
pub async fn items(
    conn: &mut AnyConnection,
    store_id: i64,
    reviews: Vec<Review>,
) -> Result<Vec<QueueItem>> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut items = Vec::with_capacity(reviews.len());
    for review in reviews {
        let product = match names.get(&review.sku) {
            Some(n) => n.clone(),
            None => {
                let name = product_facts(&mut *conn, store_id, &review.sku).await?.name;
                names.insert(review.sku.clone(), name.clone());
                name
            }
        };
        let email: Option<String> = sqlx::query_scalar(
            "SELECT c.email FROM reviews r JOIN customers c ON c.id = r.customer_id \
             WHERE r.id = $1 AND r.store_id = $2",
        )
        .bind(review.id)
        .bind(store_id)
        .fetch_optional(&mut *conn)
        .await?;
        items.push(QueueItem {
            review,
            product,
            email,
        });
    }
    Ok(items)
}

/// How many reviews the store has, in every status.
pub async fn count(conn: &mut AnyConnection, store_id: i64) -> Result<u64> {
    let n: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM reviews WHERE store_id = $1")
            .bind(store_id)
            .fetch_one(conn)
            .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}
