//! A customer's own data (GDPR arts. 15, 17 and 20): everything held about them as one
//! document, and erasing it. Both find the customer's data the same way — their customer rows
//! (the merchant's customer id from the token), every order linked to those rows or placed with
//! one of their emails, and what hangs off those orders — so an export shows exactly what an
//! erasure removes.

mod erase;
mod export;
mod ready;

pub use erase::erase;
pub use export::export;
pub use ready::export_ready;

use crate::error::Result;
use sqlx::AnyConnection;

/// Whose data: the customer rows, their emails, and their orders (id, number).
#[derive(Debug, Default)]
pub(crate) struct Footprint {
    /// `customers.id` of every row with this external id.
    pub customer_ids: Vec<i64>,
    /// The emails on those rows (normalised, lower case).
    pub emails: Vec<String>,
    /// Orders linked to those rows or placed with one of those emails, newest first.
    pub orders: Vec<(i64, String)>,
}

/// Find everything that belongs to `customer` (the merchant's customer id) in a store.
pub(crate) async fn footprint(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Footprint> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, email FROM customers WHERE store_id = $1 AND external_id = $2 ORDER BY id",
    )
    .bind(store_id)
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?;
    let mut f = Footprint::default();
    for (id, email) in rows {
        f.customer_ids.push(id);
        let email = email.trim().to_lowercase();
        if !f.emails.contains(&email) {
            f.emails.push(email);
        }
    }
    let mut orders: Vec<(i64, String, i64)> = Vec::new();
    for id in &f.customer_ids {
        let found: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, order_number, placed_at_ms FROM orders WHERE store_id = $1 AND customer_id = $2",
        )
        .bind(store_id)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        orders.extend(found);
    }
    for email in &f.emails {
        let found: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, order_number, placed_at_ms FROM orders \
             WHERE store_id = $1 AND email_normalized = $2",
        )
        .bind(store_id)
        .bind(email)
        .fetch_all(&mut *conn)
        .await?;
        orders.extend(found);
    }
    orders.sort_by(|a, b| b.2.cmp(&a.2).then(b.0.cmp(&a.0)));
    orders.dedup_by_key(|o| o.0);
    f.orders = orders.into_iter().map(|(id, n, _)| (id, n)).collect();
    Ok(f)
}
