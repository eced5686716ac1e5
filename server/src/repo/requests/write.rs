//! Asking for a change (shoppers) and deciding it (merchants). Each runs in one write
//! transaction that first locks the order's row, then re-reads the order and checks the shared
//! rules under that lock, so neither can interleave with a parcel being added to the order.

use super::policy::policy;
use super::read::find;
use super::{facts_of, refusal};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::orders::{load_order_at, lock_order};
use aftercare_shared::api::{AddressChangeInput, CancellationInput, Decision, DecisionInput};
use aftercare_shared::changes::{
    can_cancel, can_change_address, NotChangeable, OrderRequest, RequestKind, RequestStatus,
};
use sqlx::AnyConnection;

/// What a shopper asks for, with its body.
#[derive(Debug, Clone, Copy)]
pub enum Ask<'a> {
    /// Cancel the order.
    Cancellation(&'a CancellationInput),
    /// Deliver the unshipped parcels elsewhere.
    AddressChange(&'a AddressChangeInput),
}

impl Ask<'_> {
    fn kind(self) -> RequestKind {
        match self {
            Self::Cancellation(_) => RequestKind::Cancellation,
            Self::AddressChange(_) => RequestKind::AddressChange,
        }
    }
}

/// The text a shopper or merchant typed, trimmed; `None` when empty.
fn text(t: Option<&str>) -> Option<String> {
    t.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Store a pending request on order `order_id` of `store_id`, as of `now_ms`.
///
/// A kind the store does not take is refused first (`409`); then the body is checked
/// (`422`, the shared `validate`); then the rules (`409`, the shared `can_cancel` /
/// `can_change_address`) against the order as it is under its row lock.
pub async fn ask(
    db: &Db,
    store_id: i64,
    order_id: i64,
    ask: Ask<'_>,
    now_ms: i64,
) -> Result<OrderRequest> {
    let kind = ask.kind();
    let mut tx = db.begin_write().await?;
    lock_order(tx.conn(), order_id, now_ms).await?;
    let policy = policy(tx.conn(), store_id).await?;
    let order = load_order_at(tx.conn(), order_id, now_ms).await?;
    let facts = facts_of(&order);
    let rule = match kind {
        RequestKind::Cancellation => can_cancel(&policy, &facts, now_ms).map(|_| ()),
        RequestKind::AddressChange => can_change_address(&policy, &facts),
    };
    if rule == Err(NotChangeable::NotOffered) {
        return Err(refusal(kind, NotChangeable::NotOffered));
    }
    let (reason, comment, address) = match ask {
        Ask::Cancellation(input) => {
            input.validate(&policy)?;
            (Some(input.reason), text(input.comment.as_deref()), None)
        }
        Ask::AddressChange(input) => {
            let address = serde_json::to_string(&input.validate()?)
                .map_err(|e| Error::internal(e.to_string()))?;
            (None, None, Some(address))
        }
    };
    rule.map_err(|why| refusal(kind, why))?;
    let reason = reason
        .map(|r| serde_json::to_value(r).map_err(|e| Error::internal(e.to_string())))
        .transpose()?
        .and_then(|v| v.as_str().map(str::to_owned));
    let inserted: std::result::Result<i64, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO order_requests (store_id, order_id, kind, status, reason, comment, address, \
         created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(store_id)
    .bind(order_id)
    .bind(kind.as_str())
    .bind(RequestStatus::Pending.as_str())
    .bind(reason)
    .bind(comment)
    .bind(address)
    .bind(now_ms)
    .fetch_one(tx.conn())
    .await;
    let id = match inserted {
        Ok(id) => id,
        // The partial unique index: one pending request per order and kind.
        Err(e) if is_unique_violation(&e) => {
            return Err(refusal(kind, NotChangeable::AlreadyRequested))
        }
        Err(e) => return Err(e.into()),
    };
    let (request, _) = find(tx.conn(), store_id, id)
        .await?
        .ok_or_else(|| Error::internal("stored request vanished"))?;
    tx.commit().await?;
    Ok(request)
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(sqlx::error::DatabaseError::is_unique_violation)
}

/// The merchant's decision on request `id` of `store_id`, as of `now_ms`.
///
/// Accepting a cancellation cancels the order and closes a pending address change of it as
/// rejected (without a note); accepting an address change replaces the order's delivery
/// address, keeping the old one on the request, unless by now everything has shipped or the
/// order is cancelled (`409`: the merchant must reject instead). A request that is not
/// pending is `409`; another store's is `404`.
pub async fn decide(
    db: &Db,
    store_id: i64,
    id: i64,
    input: &DecisionInput,
    now_ms: i64,
) -> Result<OrderRequest> {
    input.validate()?;
    let mut tx = db.begin_write().await?;
    // Lock the order first (one write statement), then read the request under the lock.
    let order_id: i64 = sqlx::query_scalar(
        "UPDATE orders SET updated_at_ms = $1 WHERE id = \
         (SELECT order_id FROM order_requests WHERE id = $2 AND store_id = $3) RETURNING id",
    )
    .bind(now_ms)
    .bind(id)
    .bind(store_id)
    .fetch_optional(tx.conn())
    .await?
    .ok_or(Error::NotFound)?;
    let (request, _) = find(tx.conn(), store_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    if request.status != RequestStatus::Pending {
        return Err(Error::Conflict(format!(
            "This request was already {}.",
            request.status.as_str()
        )));
    }
    let mut previous_address = None;
    let status = match input.decision {
        Decision::Reject => RequestStatus::Rejected,
        Decision::Accept => {
            match request.kind {
                RequestKind::Cancellation => {
                    accept_cancellation(tx.conn(), order_id, now_ms).await?;
                }
                RequestKind::AddressChange => {
                    previous_address =
                        accept_address_change(tx.conn(), order_id, &request, now_ms).await?;
                }
            }
            RequestStatus::Accepted
        }
    };
    let done = sqlx::query(
        "UPDATE order_requests SET status = $1, decided_at_ms = $2, note = $3, \
         previous_address = $4 WHERE id = $5 AND status = $6",
    )
    .bind(status.as_str())
    .bind(now_ms)
    .bind(text(input.note.as_deref()))
    .bind(previous_address)
    .bind(id)
    .bind(RequestStatus::Pending.as_str())
    .execute(tx.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(Error::Conflict("This request was already decided.".into()));
    }
    let (request, _) = find(tx.conn(), store_id, id)
        .await?
        .ok_or_else(|| Error::internal("decided request vanished"))?;
    tx.commit().await?;
    Ok(request)
}

/// Cancel the order; a pending address change of it is moot and closes as rejected.
async fn accept_cancellation(conn: &mut AnyConnection, order_id: i64, now_ms: i64) -> Result<()> {
    sqlx::query("UPDATE orders SET cancelled = 1 WHERE id = $1")
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE order_requests SET status = $1, decided_at_ms = $2 \
         WHERE order_id = $3 AND kind = $4 AND status = $5",
    )
    .bind(RequestStatus::Rejected.as_str())
    .bind(now_ms)
    .bind(order_id)
    .bind(RequestKind::AddressChange.as_str())
    .bind(RequestStatus::Pending.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Send the order to the requested address; answers the address it replaced (as stored).
async fn accept_address_change(
    conn: &mut AnyConnection,
    order_id: i64,
    request: &OrderRequest,
    now_ms: i64,
) -> Result<Option<String>> {
    let order = load_order_at(&mut *conn, order_id, now_ms).await?;
    let facts = facts_of(&order);
    if facts.cancelled {
        return Err(Error::Conflict(
            "The order is cancelled: reject the request instead.".into(),
        ));
    }
    if facts.shipped_all {
        return Err(Error::Conflict(
            "Everything in the order has been handed to the carrier since the shopper asked: \
             reject the request instead."
                .into(),
        ));
    }
    // Only an erasure of the customer's data leaves an address change without its address.
    let address = request.address.as_ref().ok_or_else(|| {
        Error::Conflict(
            "The customer's data was erased since they asked, the new address with it: reject \
             the request instead."
                .into(),
        )
    })?;
    let json = |a| serde_json::to_string(a).map_err(|e| Error::internal(e.to_string()));
    let previous = order.shipping_address.as_ref().map(json).transpose()?;
    sqlx::query("UPDATE orders SET shipping_address = $1 WHERE id = $2")
        .bind(json(address)?)
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    Ok(previous)
}

/// A parcel was just added to order `order_id` (in the caller's transaction, which holds the
/// order's row lock): its pending requests now read `shipped_meanwhile`, and stay pending for
/// the store to intercept the parcel or say why not.
pub async fn note_shipment(conn: &mut AnyConnection, order_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE order_requests SET shipped_meanwhile = 1 WHERE order_id = $1 AND status = $2",
    )
    .bind(order_id)
    .bind(RequestStatus::Pending.as_str())
    .execute(conn)
    .await?;
    Ok(())
}
