//! The console's Orders area: finding orders by number or email, and what the store knows
//! about one order beyond what the shopper sees. Each order's status and parcels come from
//! the shopper's own read model (`repo::orders::load_order_at`), so the console shows what
//! the shopper's page shows.

use crate::error::{Error, Result};
use crate::repo::orders;
use crate::repo::returns;
use aftercare_console::pages::order::{OrderFacts, OrderReturn};
use aftercare_console::pages::orders::OrderRow;
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;

/// One page of search results and the `(placed_at_ms, id)` of its last row when more match.
pub type SearchPage = (Vec<OrderRow>, Option<(i64, i64)>);

/// The store's orders whose number is `search` exactly (a leading `#` ignored) or whose
/// email contains it, ignoring case (`%`, `_` and `\` match themselves); every order when
/// `search` is empty. Newest first, `limit` at a time after the `(placed_at_ms, id)` position
/// `after`.
///
/// Each row's status and parcels come from the shopper's read model: a page of `limit`
/// orders costs `limit` loads, bounded by the console's page size.
pub async fn search(
    conn: &mut AnyConnection,
    store_id: i64,
    search: &str,
    after: Option<(i64, i64)>,
    limit: u32,
    now_ms: i64,
) -> Result<SearchPage> {
    let search = search.trim();
    let number = search.trim_start_matches('#');
    let email_like = crate::repo::contains_pattern(search);
    let (after_ms, after_id) = after.unwrap_or((i64::MAX, i64::MAX));
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, placed_at_ms, email_normalized FROM orders WHERE store_id = $1 \
         AND (placed_at_ms < $2 OR (placed_at_ms = $2 AND id < $3)) \
         AND ($4 = '' OR order_number = $5 OR email_normalized LIKE $6 ESCAPE '\\') \
         ORDER BY placed_at_ms DESC, id DESC LIMIT $7",
    )
    .bind(store_id)
    .bind(after_ms)
    .bind(after_id)
    .bind(search)
    .bind(number)
    .bind(email_like)
    .bind(i64::from(limit) + 1)
    .fetch_all(&mut *conn)
    .await?;
    let more = rows.len() > limit as usize;
    let next = rows
        .get((limit as usize).saturating_sub(1))
        .filter(|_| more)
        .map(|(id, ms, _)| (*ms, *id));
    let mut out = Vec::with_capacity(rows.len().min(limit as usize));
    for (id, _, email) in rows.into_iter().take(limit as usize) {
        let order = orders::load_order_at(&mut *conn, id, now_ms).await?;
        out.push(OrderRow {
            number: order.order_number.as_str().to_owned(),
            email,
            placed_at: order.placed_at,
            status: order.status,
            total: order.totals.total,
            parcels: order.shipments.len(),
        });
    }
    Ok((out, next))
}

/// The store's order numbered `number` with what only the store sees: its email, customer,
/// returns, requests and the tracking views since `views_since_ms`; `None` when the store
/// has no such order.
pub async fn facts(
    conn: &mut AnyConnection,
    store_id: i64,
    number: &str,
    views_since_ms: i64,
    now_ms: i64,
) -> Result<Option<OrderFacts>> {
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT o.id, o.email_normalized, c.external_id FROM orders o \
         LEFT JOIN customers c ON c.id = o.customer_id \
         WHERE o.store_id = $1 AND o.order_number = $2",
    )
    .bind(store_id)
    .bind(number)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, email, customer)) = row else {
        return Ok(None);
    };
    let order = orders::load_order_at(&mut *conn, id, now_ms).await?;
    let views: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM tracking_views \
         WHERE store_id = $1 AND order_id = $2 AND viewed_at_ms >= $3",
    )
    .bind(store_id)
    .bind(id)
    .bind(views_since_ms)
    .fetch_one(&mut *conn)
    .await?;
    let return_rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT rma, status, created_at_ms FROM returns WHERE store_id = $1 AND order_id = $2 \
         ORDER BY created_at_ms DESC, id DESC",
    )
    .bind(store_id)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let returns = return_rows
        .into_iter()
        .map(|(rma, status, at)| {
            Ok(OrderReturn {
                rma,
                status: returns::from_wire(&status)?,
                created_at: Timestamp::from_utc_ms(at, 0),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(OrderFacts {
        number: order.order_number.as_str().to_owned(),
        email,
        customer,
        placed_at: order.placed_at,
        status: order.status,
        total: order.totals.total,
        views_last_day: u64::try_from(views).map_err(|_| Error::internal("negative view count"))?,
        returns,
        requests: order.requests,
    }))
}

/// The number of the store's newest order that has a parcel (a preview shows a timeline), or
/// its newest order, or `None` for a store without orders.
pub async fn sample(conn: &mut AnyConnection, store_id: i64) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT o.order_number FROM orders o WHERE o.store_id = $1 \
         ORDER BY CASE WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) \
         THEN 0 ELSE 1 END, o.placed_at_ms DESC, o.id DESC LIMIT 1",
    )
    .bind(store_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(n,)| n))
}
