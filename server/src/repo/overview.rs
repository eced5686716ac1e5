//! The account overview (`GET /v1/me/overview`): what about a customer's orders needs them
//! now — parcels in trouble, parcels waiting to be collected, cancellation and address-change
//! requests waiting for the store or answered in the last days, returns not sent back yet.
//!
//! Only recent parcels are looked at, so an old problem does not stay on the page forever
//! and the work per request stays small: a parcel counts while its status is at most
//! [`RECENT_DAYS`] old. A status dates from the parcel's last news (its newest checkpoint or
//! its hand-over, whichever is later, as `tracking::assess` reads it); an `expired` parcel's
//! status dates from the moment it expired (last news + the store's `expire_after_days`),
//! since by then its last news is always older than the expiry period. The candidate parcels
//! are found with one query and assessed one by one with the read model's `shipment_at`
//! (the same status, reason and next step the order page shows); returns come from one query.

use crate::error::{Error, Result};
use crate::repo::orders::shipment_at;
use crate::repo::requests;
use crate::repo::returns::{from_wire, wire};
use crate::repo::stores::{self, StoreRow};
use aftercare_shared::api::{AccountOverview, Attention};
use aftercare_shared::order::Shipment;
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::{OrderNumber, TrackingStatus};
use sqlx::AnyConnection;
use std::cmp::Reverse;

/// How old (in days) a parcel's status may be and still show: older problems are history.
pub const RECENT_DAYS: i64 = 30;
/// At most this many items are answered, the most urgent.
pub const MAX_ITEMS: usize = 20;
/// At most this many recent parcels are assessed (the newest orders'), bounding one request's
/// work for a customer with unusually many parcels on the move.
pub const MAX_PARCELS: i64 = 200;

const DAY_MS: i64 = 86_400_000;

/// An item with what orders it: its order's `(placed_at_ms, id)` and a tie-break within the
/// order (parcel id, return creation time).
struct Ranked {
    item: Attention,
    order: (i64, i64),
    within: i64,
}

/// What needs customer `customer` of `store` as of `now_ms`, most urgent first
/// ([`Attention::rank`]), then newest order first; at most [`MAX_ITEMS`].
pub async fn overview(
    conn: &mut AnyConnection,
    store: &StoreRow,
    customer: &str,
    now_ms: i64,
) -> Result<AccountOverview> {
    let mut items = parcels(conn, store, customer, now_ms).await?;
    items.extend(returns_to_send(conn, store.id, customer).await?);
    items.extend(requests(conn, store.id, customer, now_ms).await?);
    items.sort_by_key(|r| (r.item.rank(), Reverse(r.order), r.within));
    Ok(AccountOverview {
        attention: items.into_iter().take(MAX_ITEMS).map(|r| r.item).collect(),
    })
}

/// Parcels of the customer's orders that are not cancelled, with a recent status that needs
/// them: a problem ([`TrackingStatus::needs_attention`]) or waiting at a pickup point.
async fn parcels(
    conn: &mut AnyConnection,
    store: &StoreRow,
    customer: &str,
    now_ms: i64,
) -> Result<Vec<Ranked>> {
    let policy = stores::policy_of(store.stall_after_hours, store.expire_after_days);
    let expiry_ms = i64::from(policy.expire_after_days) * DAY_MS;
    let recent_since = now_ms - RECENT_DAYS * DAY_MS;
    // Every parcel whose status can be recent: an expired one's last news is up to the expiry
    // period older than its status.
    let candidates_since = recent_since - expiry_ms;
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT s.id, o.order_number, o.placed_at_ms, o.id FROM shipments s \
         JOIN orders o ON o.id = s.order_id JOIN customers c ON c.id = o.customer_id \
         WHERE o.store_id = $1 AND c.store_id = $1 AND c.external_id = $2 AND o.cancelled = 0 \
         AND (s.shipped_at_ms >= $3 OR EXISTS (SELECT 1 FROM tracking_events e \
         WHERE e.shipment_id = s.id AND e.occurred_at_ms >= $3)) \
         ORDER BY o.placed_at_ms DESC, o.id DESC, s.id LIMIT $4",
    )
    .bind(store.id)
    .bind(customer)
    .bind(candidates_since)
    .bind(MAX_PARCELS)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for (id, number, placed_at_ms, order_id) in rows {
        let parcel = shipment_at(&mut *conn, id, now_ms, &policy).await?;
        if status_since(&parcel, expiry_ms).is_none_or(|t| t < recent_since) {
            continue;
        }
        let Some(item) = attention_of(order_number(&number)?, parcel) else {
            continue;
        };
        out.push(Ranked {
            item,
            order: (placed_at_ms, order_id),
            within: id,
        });
    }
    Ok(out)
}

/// When the parcel's current status began, as far as the overview is concerned: its last
/// news (newest checkpoint or hand-over, whichever is later), or for an expired parcel the
/// moment it expired. `None` when there has been no news at all.
fn status_since(parcel: &Shipment, expiry_ms: i64) -> Option<i64> {
    let last_news = parcel
        .last_update_at
        .iter()
        .chain(parcel.shipped_at.iter())
        .map(|t| t.utc_ms)
        .max()?;
    Some(if parcel.status == TrackingStatus::Expired {
        last_news.saturating_add(expiry_ms)
    } else {
        last_news
    })
}

/// What a parcel asks of the customer, if anything. A parcel at a pickup point with no point
/// on record still shows, under its carrier's name.
fn attention_of(order_number: OrderNumber, parcel: Shipment) -> Option<Attention> {
    if parcel.status == TrackingStatus::AvailableForPickup {
        let (point, deadline) = match parcel.pickup_point {
            Some(p) => (p.name, p.pickup_deadline),
            None => (parcel.carrier.name, None),
        };
        return Some(Attention::Pickup {
            order_number,
            shipment_id: parcel.id,
            point,
            deadline,
        });
    }
    parcel
        .status
        .needs_attention()
        .then_some(Attention::ParcelProblem {
            order_number,
            shipment_id: parcel.id,
            status: parcel.status,
            reason: parcel.reason,
            next_step: parcel.next_step,
            carrier: parcel.carrier.name,
        })
}

/// The customer's returns whose parcel has not been sent back yet (`requested` or
/// `approved`), newest order first; at most [`MAX_ITEMS`], as they rank last anyway.
async fn returns_to_send(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Vec<Ranked>> {
    let rows: Vec<(String, String, String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT r.rma, r.status, r.method, o.order_number, o.placed_at_ms, o.id, \
         r.created_at_ms FROM returns r JOIN orders o ON o.id = r.order_id \
         JOIN customers c ON c.id = o.customer_id \
         WHERE r.store_id = $1 AND o.store_id = $1 AND c.store_id = $1 AND c.external_id = $2 \
         AND r.status IN ($3, $4) \
         ORDER BY o.placed_at_ms DESC, o.id DESC, r.created_at_ms LIMIT $5",
    )
    .bind(store_id)
    .bind(customer)
    .bind(wire(ReturnStatus::Requested))
    .bind(wire(ReturnStatus::Approved))
    .bind(MAX_ITEMS as i64)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(
            |(rma, status, method, number, placed_at_ms, order_id, created)| {
                Ok(Ranked {
                    item: Attention::ReturnToSend {
                        order_number: order_number(&number)?,
                        rma,
                        status: from_wire(&status)?,
                        method: from_wire(&method)?,
                    },
                    order: (placed_at_ms, order_id),
                    within: created,
                })
            },
        )
        .collect()
}

/// The customer's requests that are pending, or that the store decided in the last
/// [`requests::DECIDED_RECENT_DAYS`] days (so the shopper sees the answer); at most
/// [`MAX_ITEMS`], newest first.
async fn requests(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
    now_ms: i64,
) -> Result<Vec<Ranked>> {
    let since = now_ms - requests::DECIDED_RECENT_DAYS * DAY_MS;
    let rows =
        requests::recent_for_customer(conn, store_id, customer, since, MAX_ITEMS as i64).await?;
    Ok(rows
        .into_iter()
        .map(|r| Ranked {
            within: r.request.created_at.utc_ms,
            order: r.order,
            item: Attention::Request {
                order_number: r.request.order_number,
                request_id: r.request.id,
                request: r.request.kind,
                status: r.request.status,
                created_at: r.request.created_at,
            },
        })
        .collect())
}

/// A stored order number back.
fn order_number(stored: &str) -> Result<OrderNumber> {
    OrderNumber::parse(stored).map_err(|_| Error::internal("stored order number"))
}
