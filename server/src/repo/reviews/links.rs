//! What a signed review link opens: one order of the store, its customer and its SKUs. The
//! link itself is a stateless token (`shared::token`, kind `review_link`); this reads the
//! order it names each time it is used, so a link to an order that is gone opens nothing.

use crate::error::Result;
use aftercare_shared::OrderNumber;
use sqlx::AnyConnection;

/// The order a review link names: its customer (absent for a guest order) and its SKUs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedOrder {
    /// The customer's external id, when the order has a customer.
    pub customer: Option<String>,
    /// The order's SKUs, in line order.
    pub skus: Vec<String>,
}

/// The store's order `number`, or `None` when it has no such order.
pub async fn linked_order(
    conn: &mut AnyConnection,
    store_id: i64,
    number: &OrderNumber,
) -> Result<Option<LinkedOrder>> {
    let row: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT o.id, c.external_id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id \
         WHERE o.store_id = $1 AND o.order_number = $2",
    )
    .bind(store_id)
    .bind(number.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((order_id, customer)) = row else {
        return Ok(None);
    };
    let skus =
        sqlx::query_scalar("SELECT sku FROM order_items WHERE order_id = $1 ORDER BY position, id")
            .bind(order_id)
            .fetch_all(conn)
            .await?;
    Ok(Some(LinkedOrder { customer, skus }))
}
