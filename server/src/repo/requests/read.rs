//! Stored requests back as the shared `OrderRequest`: an order's (newest first), the admin
//! queue (one status, oldest first, cursor-paginated) and a customer's recent ones for the
//! account overview. Times are shown in the order's own offset, like its `placed_at`.

use crate::error::{Error, Result};
use aftercare_shared::changes::{CancelReason, OrderRequest, RequestKind, RequestStatus};
use aftercare_shared::order::Address;
use aftercare_shared::{OrderNumber, Timestamp};
use sqlx::AnyConnection;

/// How long (days) a decided request stays in the account overview, so the shopper sees the
/// store's answer.
pub const DECIDED_RECENT_DAYS: i64 = 7;

/// The columns every read selects, request `r` joined to its order `o`.
const SELECT: &str = "SELECT r.id, o.order_number, o.placed_offset_min, r.kind, r.status, \
     r.reason, r.comment, r.address, r.shipped_meanwhile, r.created_at_ms, r.decided_at_ms, \
     r.note, o.placed_at_ms, o.id AS order_id FROM order_requests r JOIN orders o ON o.id = r.order_id";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    order_number: String,
    placed_offset_min: Option<i64>,
    kind: String,
    status: String,
    reason: Option<String>,
    comment: Option<String>,
    address: Option<String>,
    shipped_meanwhile: i64,
    created_at_ms: i64,
    decided_at_ms: Option<i64>,
    note: Option<String>,
    placed_at_ms: i64,
    order_id: i64,
}

impl Row {
    fn request(self) -> Result<OrderRequest> {
        let offset = self
            .placed_offset_min
            .and_then(|o| i16::try_from(o).ok())
            .unwrap_or(0);
        let at = |ms| Timestamp::from_utc_ms(ms, offset);
        let reason = self
            .reason
            .as_deref()
            .map(|r| {
                serde_json::from_value::<CancelReason>(serde_json::Value::String(r.to_owned()))
                    .map_err(|_| Error::internal(format!("stored cancel reason {r:?}")))
            })
            .transpose()?;
        let address = self
            .address
            .as_deref()
            .map(serde_json::from_str::<Address>)
            .transpose()
            .map_err(|e| Error::internal(format!("stored request address: {e}")))?;
        Ok(OrderRequest {
            id: self.id,
            order_number: OrderNumber::parse(&self.order_number)
                .map_err(|_| Error::internal("stored order number"))?,
            kind: RequestKind::from_wire(&self.kind)
                .ok_or_else(|| Error::internal(format!("stored request kind {:?}", self.kind)))?,
            status: RequestStatus::from_wire(&self.status).ok_or_else(|| {
                Error::internal(format!("stored request status {:?}", self.status))
            })?,
            reason,
            comment: self.comment,
            address,
            created_at: at(self.created_at_ms),
            decided_at: self.decided_at_ms.map(at),
            note: self.note,
            shipped_meanwhile: self.shipped_meanwhile != 0,
        })
    }
}

/// An order's requests, newest first (what `Order.requests` holds).
pub async fn for_order(conn: &mut AnyConnection, order_id: i64) -> Result<Vec<OrderRequest>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE r.order_id = $1 ORDER BY r.created_at_ms DESC, r.id DESC"
    ))
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Row::request).collect()
}

/// One request of the store with its order's id, if the store has it.
pub(super) async fn find(
    conn: &mut AnyConnection,
    store_id: i64,
    id: i64,
) -> Result<Option<(OrderRequest, i64)>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE r.id = $1 AND r.store_id = $2 AND o.store_id = $2"
    ))
    .bind(id)
    .bind(store_id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        let order_id = r.order_id;
        Ok((r.request()?, order_id))
    })
    .transpose()
}

/// One page of the store's requests in `status`, oldest first by `(created_at_ms, id)` after
/// the cursor position `after`; with the position of the page's last row when more follow, and
/// how many requests are in that status altogether.
pub async fn list(
    conn: &mut AnyConnection,
    store_id: i64,
    status: RequestStatus,
    after: Option<(i64, i64)>,
    limit: u32,
) -> Result<(Vec<OrderRequest>, Option<(i64, i64)>, u64)> {
    let (after_ms, after_id) = after.unwrap_or((i64::MIN, i64::MIN));
    let mut rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE r.store_id = $1 AND o.store_id = $1 AND r.status = $2 \
         AND (r.created_at_ms > $3 OR (r.created_at_ms = $3 AND r.id > $4)) \
         ORDER BY r.created_at_ms, r.id LIMIT $5"
    ))
    .bind(store_id)
    .bind(status.as_str())
    .bind(after_ms)
    .bind(after_id)
    .bind(i64::from(limit) + 1)
    .fetch_all(&mut *conn)
    .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = more
        .then(|| rows.last().map(|r| (r.created_at_ms, r.id)))
        .flatten();
    let (total,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM order_requests WHERE store_id = $1 AND status = $2",
    )
    .bind(store_id)
    .bind(status.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let items = rows
        .into_iter()
        .map(Row::request)
        .collect::<Result<Vec<_>>>()?;
    Ok((items, next, u64::try_from(total).unwrap_or(0)))
}

/// A request for the account overview, with its order's `(placed_at_ms, id)` to rank by.
pub struct RecentRequest {
    /// The request.
    pub request: OrderRequest,
    /// Its order's `(placed_at_ms, id)`.
    pub order: (i64, i64),
}

/// The customer's requests that are pending, or were decided at or after `decided_since_ms`:
/// newest first, at most `limit`.
pub async fn recent_for_customer(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
    decided_since_ms: i64,
    limit: i64,
) -> Result<Vec<RecentRequest>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} JOIN customers c ON c.id = o.customer_id \
         WHERE r.store_id = $1 AND o.store_id = $1 AND c.store_id = $1 AND c.external_id = $2 \
         AND (r.status = $3 OR r.decided_at_ms >= $4) \
         ORDER BY r.created_at_ms DESC, r.id DESC LIMIT $5"
    ))
    .bind(store_id)
    .bind(customer)
    .bind(RequestStatus::Pending.as_str())
    .bind(decided_since_ms)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let order = (r.placed_at_ms, r.order_id);
            Ok(RecentRequest {
                request: r.request()?,
                order,
            })
        })
        .collect()
}
