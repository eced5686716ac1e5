//! Stored reviews back as the shared types: one review, the public list of a product with its
//! summary, the admin queue, and a customer's delivered items waiting for a review (the
//! shared timing rule applied to each line).

use super::{find_customer, key_of, product_key};
use crate::error::{Error, Result};
use crate::repo::preferences;
use aftercare_shared::api::{
    Fit, MerchantReply, PendingReview, PublicReview, Review, ReviewAttributes, ReviewSort,
    ReviewSummary, Topic,
};
use aftercare_shared::review::{
    ask_decision, LineFacts, Rating, RejectReason, ReviewStatus, ReviewTiming,
};
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The columns every review read selects.
const SELECT: &str = "SELECT id, sku, rating, title, body, fit, would_recommend, display_name, \
     verified, status, reject_reason, helpful_count, photo_count, reply_body, \
     reply_updated_at_ms, created_at_ms, updated_at_ms FROM reviews";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    sku: String,
    rating: i64,
    title: String,
    body: String,
    fit: Option<String>,
    would_recommend: Option<i64>,
    display_name: String,
    verified: i64,
    status: String,
    reject_reason: Option<String>,
    helpful_count: i64,
    #[allow(dead_code)] // read by the photo filter and sort in SQL
    photo_count: i64,
    reply_body: Option<String>,
    reply_updated_at_ms: Option<i64>,
    created_at_ms: i64,
    updated_at_ms: i64,
}

fn ts(ms: i64) -> Timestamp {
    Timestamp::from_utc_ms(ms, 0)
}

impl Row {
    fn attributes(&self) -> Result<ReviewAttributes> {
        let fit = self
            .fit
            .as_deref()
            .map(|f| {
                serde_json::from_value::<Fit>(serde_json::Value::String(f.to_owned()))
                    .map_err(|_| Error::internal(format!("stored fit {f:?}")))
            })
            .transpose()?;
        Ok(ReviewAttributes {
            fit,
            would_recommend: self.would_recommend.map(|w| w != 0),
        })
    }

    fn reply(&self) -> Option<MerchantReply> {
        Some(MerchantReply {
            body: self.reply_body.clone()?,
            updated_at: ts(self.reply_updated_at_ms.unwrap_or(self.updated_at_ms)),
        })
    }

    fn rating(&self) -> Result<Rating> {
        Rating::new(self.rating).map_err(|_| Error::internal("stored rating"))
    }

    fn review(self) -> Result<Review> {
        Ok(Review {
            rating: self.rating()?,
            attributes: self.attributes()?,
            reply: self.reply(),
            status: ReviewStatus::from_wire(&self.status)
                .ok_or_else(|| Error::internal(format!("stored status {:?}", self.status)))?,
            reject_reason: self
                .reject_reason
                .as_deref()
                .and_then(RejectReason::from_wire),
            id: self.id,
            sku: self.sku,
            title: self.title,
            body: self.body,
            display_name: self.display_name,
            verified: self.verified != 0,
            created_at: ts(self.created_at_ms),
            updated_at: ts(self.updated_at_ms),
            photos: Vec::new(),
            incentivized: false,
            reward_code: None,
        })
    }

    fn public(self) -> Result<PublicReview> {
        Ok(PublicReview {
            rating: self.rating()?,
            attributes: self.attributes()?,
            reply: self.reply(),
            id: self.id,
            title: self.title,
            body: self.body,
            display_name: self.display_name,
            verified: self.verified != 0,
            created_at: ts(self.created_at_ms),
            helpful_count: u32::try_from(self.helpful_count).unwrap_or(0),
            photos: Vec::new(),
            incentivized: false,
        })
    }
}

/// Review `id` of `store_id`.
pub async fn find(conn: &mut AnyConnection, store_id: i64, id: i64) -> Result<Option<Review>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE id = $1 AND store_id = $2"))
        .bind(id)
        .bind(store_id)
        .fetch_optional(conn)
        .await?;
    row.map(Row::review).transpose()
}

/// The customer's own reviews in every state, newest first: the author sees where each one
/// stands, and why when it was rejected.
pub async fn for_customer(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Vec<Review>> {
    let Some(cid) = find_customer(&mut *conn, store_id, customer).await? else {
        return Ok(Vec::new());
    };
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE store_id = $1 AND customer_id = $2 ORDER BY created_at_ms DESC, id DESC"
    ))
    .bind(store_id)
    .bind(cid)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Row::review).collect()
}

/// Filters and order of the public list.
#[derive(Debug, Clone, Copy, Default)]
pub struct PublicQuery {
    /// Only this many stars.
    pub stars: Option<u8>,
    /// Only reviews with photos.
    pub with_photos: bool,
    /// Only verified buyers' reviews.
    pub verified: bool,
    /// The order.
    pub sort: ReviewSort,
    /// Rows to skip (the cursor).
    pub offset: u64,
    /// Page size.
    pub limit: u32,
}

/// A product's published reviews (every variant's, when the catalog knows the SKU's
/// product): the summary of all of them, one filtered and sorted page, whether more follow,
/// and how many match the filters.
pub async fn public_list(
    conn: &mut AnyConnection,
    store_id: i64,
    sku: &str,
    q: PublicQuery,
) -> Result<(ReviewSummary, Vec<PublicReview>, bool, u64)> {
    let key = product_key(&mut *conn, store_id, sku).await?;
    let counts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT rating, COUNT(*) FROM reviews WHERE store_id = $1 AND product_key = $2 \
         AND status = 'published' GROUP BY rating",
    )
    .bind(store_id)
    .bind(&key)
    .fetch_all(&mut *conn)
    .await?;
    let mut histogram = [0u64; 5];
    for (rating, n) in counts {
        if let Some(slot) = usize::try_from(rating - 1)
            .ok()
            .and_then(|i| histogram.get_mut(i))
        {
            *slot = u64::try_from(n).unwrap_or(0);
        }
    }
    let mut filter = String::from("store_id = $1 AND product_key = $2 AND status = 'published'");
    if let Some(s) = q.stars {
        filter.push_str(&format!(" AND rating = {}", i64::from(s)));
    }
    if q.with_photos {
        filter.push_str(" AND photo_count > 0");
    }
    if q.verified {
        filter.push_str(" AND verified = 1");
    }
    let order = match q.sort {
        ReviewSort::Newest => "created_at_ms DESC, id DESC",
        ReviewSort::Highest => "rating DESC, created_at_ms DESC, id DESC",
        ReviewSort::Lowest => "rating ASC, created_at_ms DESC, id DESC",
        ReviewSort::MostHelpful => "helpful_count DESC, created_at_ms DESC, id DESC",
        ReviewSort::WithPhotos => "photo_count DESC, created_at_ms DESC, id DESC",
    };
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM reviews WHERE {filter}"))
        .bind(store_id)
        .bind(&key)
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE {filter} ORDER BY {order} LIMIT $3 OFFSET $4"
    ))
    .bind(store_id)
    .bind(&key)
    .bind(i64::from(q.limit) + 1)
    .bind(i64::try_from(q.offset).unwrap_or(i64::MAX))
    .fetch_all(conn)
    .await?;
    let more = rows.len() > q.limit as usize;
    let items = rows
        .into_iter()
        .take(q.limit as usize)
        .map(Row::public)
        .collect::<Result<Vec<_>>>()?;
    Ok((
        ReviewSummary::from_histogram(histogram),
        items,
        more,
        u64::try_from(total).unwrap_or(0),
    ))
}

/// The moderation queue: reviews in `status`, oldest first, after `after` (`(created ms,
/// id)` of the previous page's last row); the page, the next cursor and the total.
pub async fn admin_list(
    conn: &mut AnyConnection,
    store_id: i64,
    status: ReviewStatus,
    after: Option<(i64, i64)>,
    limit: u32,
) -> Result<(Vec<Review>, Option<(i64, i64)>, u64)> {
    let (after_ms, after_id) = after.unwrap_or((i64::MIN, i64::MIN));
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE store_id = $1 AND status = $2 AND (created_at_ms > $3 OR \
         (created_at_ms = $3 AND id > $4)) ORDER BY created_at_ms, id LIMIT $5"
    ))
    .bind(store_id)
    .bind(status.as_str())
    .bind(after_ms)
    .bind(after_id)
    .bind(i64::from(limit) + 1)
    .fetch_all(&mut *conn)
    .await?;
    let total: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM reviews WHERE store_id = $1 AND status = $2")
            .bind(store_id)
            .bind(status.as_str())
            .fetch_one(conn)
            .await?;
    let more = rows.len() > limit as usize;
    let items = rows
        .into_iter()
        .take(limit as usize)
        .map(Row::review)
        .collect::<Result<Vec<_>>>()?;
    let next = more
        .then(|| items.last().map(|r| (r.created_at.utc_ms, r.id)))
        .flatten();
    Ok((items, next, u64::try_from(total).unwrap_or(0)))
}

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

/// The delivered items waiting for the customer's review at `now_ms`: one per product (the
/// newest eligible line; the variants of a catalog product are one product), each passing the shared timing rule with the store's settings.
/// Nothing when review requests are off in the customer's preferences.
pub async fn pending(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
    timing: &ReviewTiming,
    now_ms: i64,
) -> Result<Vec<PendingReview>> {
    let Some(cid) = find_customer(&mut *conn, store_id, customer).await? else {
        return Ok(Vec::new());
    };
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
    let catalog = catalog(&mut *conn, store_id).await?;
    let mut asked: Vec<String> = Vec::new();
    let mut out: Vec<PendingReview> = Vec::new();
    for line in lines {
        let (product, tags) = catalog
            .get(&line.sku)
            .map_or((None, &[][..]), |(p, t)| (Some(p.as_str()), t.as_slice()));
        let key = key_of(&line.sku, product);
        if asked.contains(&key) {
            continue;
        }
        let facts = LineFacts {
            delivered_at_ms: line.delivered_at_ms,
            shipped_at_ms: line.shipped_at_ms,
            returned_or_refunded: line.returned > 0
                || (line.total_minor > 0 && line.refunded_minor >= line.total_minor),
            already_reviewed: reviewed.contains(&key),
            postponed_at_ms: postponed.get(&line.sku).copied(),
            // No review emails are sent yet: the account prompt is the only ask.
            asks_sent: 0,
            customer_asks_30_days: 0,
            opted_out,
        };
        let use_days = timing.use_days(&line.sku, tags);
        if ask_decision(timing, use_days, &facts, now_ms).eligible {
            asked.push(key);
            out.push(PendingReview {
                sku: line.sku,
                title: line.title,
                variant: line.variant,
                image_url: line.image_url,
                order_number: line.order_number,
                delivered_at: line.delivered_at_ms.map(ts),
                prompt: true,
                attributes: Vec::new(),
                incentive: None,
            });
        }
    }
    Ok(out)
}

/// Each catalog SKU's product (external id) and tags (use periods can be set per tag).
async fn catalog(
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
