//! A customer's delivered items waiting for a review: the facts of each order line gathered
//! here (delivery, returns, existing reviews, postponements, recorded asks, the product's
//! catalog tags), the shared rule (`prompt_state`) deciding whether it is listed and whether
//! the store may prompt about it, and the store's questions and reward for it.

use super::asks;
use super::{find_customer, key_of};
use crate::error::Result;
use crate::repo::preferences;
use aftercare_shared::api::{PendingReview, ReviewSettings, Topic};
use aftercare_shared::review::{prompt_state, LineFacts};
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// One line of a customer's order, with the facts the timing rule looks at.
#[derive(sqlx::FromRow)]
struct LineRow {
    sku: String,
    title: String,
    variant: Option<String>,
    image_url: Option<String>,
    order_number: String,
    delivered_at_ms: Option<i64>,
    shipped_at_ms: Option<i64>,
    returned: i64,
    refunded_minor: i64,
    total_minor: i64,
}

/// The customer's lines (not cancelled), newest order first, with their delivery scan, their
/// shipment and whether a live return holds them.
const LINES: &str = "SELECT oi.sku, oi.title, oi.variant, oi.image_url, o.order_number, \
     (SELECT MAX(e.occurred_at_ms) FROM shipment_items si JOIN tracking_events e \
       ON e.shipment_id = si.shipment_id WHERE si.order_item_id = oi.id \
       AND e.status = 'delivered') AS delivered_at_ms, \
     (SELECT MIN(COALESCE(s.shipped_at_ms, s.created_at_ms)) FROM shipment_items si \
       JOIN shipments s ON s.id = si.shipment_id WHERE si.order_item_id = oi.id) AS shipped_at_ms, \
     (SELECT COUNT(*) FROM return_items ri JOIN returns r ON r.id = ri.return_id \
       WHERE ri.order_item_id = oi.id AND r.status NOT IN ('rejected', 'cancelled')) AS returned, \
     o.refunded_minor, o.total_minor \
     FROM order_items oi JOIN orders o ON o.id = oi.order_id \
     WHERE o.store_id = $1 AND o.customer_id = $2 AND o.cancelled = 0 \
     ORDER BY o.placed_at_ms DESC, o.id DESC, oi.position";

/// A listed item and the product key its reviews and asks are kept under.
pub(crate) struct Item {
    /// `key_of` the SKU.
    pub key: String,
    /// What the customer sees.
    pub pending: PendingReview,
}

/// The delivered items waiting for the customer's review at `now_ms`: one per product (the
/// newest open line; the variants of a catalog product are one product), each open under the
/// shared timing rule with the store's settings. `prompt` is false for items only held back by
/// spent reminders or the customer's 30-day cap (still offered on the account page). Each item
/// carries the questions its product gets, and the reward of its review request: the one fixed
/// when the request was made (first ask or review), else the store's current offer, which
/// the first ask will fix. Nothing when review requests are off in the customer's preferences.
pub async fn pending(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
    settings: &ReviewSettings,
    now_ms: i64,
) -> Result<Vec<PendingReview>> {
    let Some(cid) = find_customer(&mut *conn, store_id, customer).await? else {
        return Ok(Vec::new());
    };
    Ok(items(conn, store_id, cid, customer, settings, now_ms)
        .await?
        .into_iter()
        .map(|i| i.pending)
        .collect())
}

/// [`pending`] for customer row `cid` (external id `customer`), with each item's product key.
pub(crate) async fn items(
    conn: &mut AnyConnection,
    store_id: i64,
    cid: i64,
    customer: &str,
    settings: &ReviewSettings,
    now_ms: i64,
) -> Result<Vec<Item>> {
    let timing = &settings.timing;
    let opted_out = !preferences::preferences(&mut *conn, store_id, customer)
        .await?
        .allows(Topic::ReviewRequests);
    let lines: Vec<LineRow> = sqlx::query_as(LINES)
        .bind(store_id)
        .bind(cid)
        .fetch_all(&mut *conn)
        .await?;
    let reviewed: Vec<String> = sqlx::query_scalar(
        "SELECT product_key FROM reviews WHERE store_id = $1 AND customer_id = $2",
    )
    .bind(store_id)
    .bind(cid)
    .fetch_all(&mut *conn)
    .await?;
    let postponed: HashMap<String, i64> = sqlx::query_as::<_, (String, i64)>(
        "SELECT sku, postponed_at_ms FROM review_postponements WHERE customer_id = $1",
    )
    .bind(cid)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let asked = asks::counts(&mut *conn, cid, now_ms).await?;
    let requests = asks::request_offers(&mut *conn, cid).await?;
    let catalog = catalog(&mut *conn, store_id).await?;
    let current_offer = settings.incentive.as_ref().map(|i| i.offer.clone());
    let mut seen: Vec<String> = Vec::new();
    let mut out: Vec<Item> = Vec::new();
    for line in lines {
        let (product, tags) = catalog
            .get(&line.sku)
            .map_or((None, &[][..]), |(p, t)| (Some(p.as_str()), t.as_slice()));
        let key = key_of(&line.sku, product);
        if seen.contains(&key) {
            continue;
        }
        let facts = LineFacts {
            delivered_at_ms: line.delivered_at_ms,
            shipped_at_ms: line.shipped_at_ms,
            returned_or_refunded: line.returned > 0
                || (line.total_minor > 0 && line.refunded_minor >= line.total_minor),
            already_reviewed: reviewed.contains(&key),
            postponed_at_ms: postponed.get(&line.sku).copied(),
            asks_sent: asked.per_product.get(&key).copied().unwrap_or(0),
            customer_asks_30_days: asked.last_30_days,
            opted_out,
        };
        let use_days = timing.use_days(&line.sku, tags);
        let Some(prompt) = prompt_state(timing, use_days, &facts, now_ms) else {
            continue;
        };
        let incentive = match requests.get(&key) {
            Some(fixed) => fixed.clone(),
            None => current_offer.clone(),
        };
        seen.push(key.clone());
        out.push(Item {
            key,
            pending: PendingReview {
                sku: line.sku,
                title: line.title,
                variant: line.variant,
                image_url: line.image_url,
                order_number: line.order_number,
                delivered_at: line.delivered_at_ms.map(|ms| Timestamp::from_utc_ms(ms, 0)),
                prompt,
                attributes: settings.attributes_for(tags),
                incentive,
            },
        });
    }
    Ok(out)
}

/// Each catalog SKU's product (external id) and tags (use periods and questions are set per
/// tag).
pub(crate) async fn catalog(
    conn: &mut AnyConnection,
    store_id: i64,
) -> Result<HashMap<String, (String, Vec<String>)>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT v.sku, p.external_id, p.tags FROM product_variants v \
         JOIN products p ON p.id = v.product_id WHERE v.store_id = $1",
    )
    .bind(store_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(sku, product, tags)| {
            (
                sku,
                (product, serde_json::from_str(&tags).unwrap_or_default()),
            )
        })
        .collect())
}

/// The catalog tags of `sku` (none when the catalog does not know it): which questions the
/// review form of that product asks.
pub(crate) async fn tags_of(
    conn: &mut AnyConnection,
    store_id: i64,
    sku: &str,
) -> Result<Vec<String>> {
    let tags: Option<String> = sqlx::query_scalar(
        "SELECT p.tags FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE v.store_id = $1 AND v.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(conn)
    .await?;
    Ok(tags
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}
