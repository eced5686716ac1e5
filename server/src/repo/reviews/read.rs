//! Stored reviews back as the shared types: one review, a customer's own, the public list of
//! a product with its summary, and the admin queue; each with its photos (one query per page)
//! linked at the server's public address `base`.

use super::photos::photos_of;
use super::{find_customer, product_key};
use crate::error::{Error, Result};
use aftercare_shared::api::{
    Fit, MerchantReply, PublicReview, ReturnPhoto, Review, ReviewAttributes, ReviewSort,
    ReviewSummary,
};
use aftercare_shared::review::{Rating, RejectReason, ReviewStatus};
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;

/// The columns every review read selects.
const SELECT: &str = "SELECT id, sku, rating, title, body, fit, would_recommend, display_name, \
     verified, status, reject_reason, helpful_count, photo_count, reply_body, \
     reply_updated_at_ms, created_at_ms, updated_at_ms, reward_code FROM reviews";

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
    reward_code: Option<String>,
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

    fn review(self, photos: Vec<ReturnPhoto>) -> Result<Review> {
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
            photos,
            incentivized: self.reward_code.is_some(),
            reward_code: self.reward_code,
            product_title: None,
        })
    }

    fn public(self, photos: Vec<ReturnPhoto>) -> Result<PublicReview> {
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
            photos,
            incentivized: self.reward_code.is_some(),
        })
    }
}

/// `rows` with their photos (one query for all of them), through `make`.
async fn with_photos<T>(
    conn: &mut AnyConnection,
    rows: Vec<Row>,
    base: &str,
    make: fn(Row, Vec<ReturnPhoto>) -> Result<T>,
) -> Result<Vec<T>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut photos = photos_of(conn, &ids, base).await?;
    rows.into_iter()
        .map(|r| {
            let p = photos.remove(&r.id).unwrap_or_default();
            make(r, p)
        })
        .collect()
}

/// Review `id` of `store_id`, its photos linked at `base`.
pub async fn find(
    conn: &mut AnyConnection,
    store_id: i64,
    id: i64,
    base: &str,
) -> Result<Option<Review>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE id = $1 AND store_id = $2"))
        .bind(id)
        .bind(store_id)
        .fetch_optional(&mut *conn)
        .await?;
    let rows = row.into_iter().collect();
    Ok(with_photos(conn, rows, base, Row::review).await?.pop())
}

/// The customer's own reviews in every state, newest first: the author sees where each one
/// stands, and why when it was rejected.
pub async fn for_customer(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
    base: &str,
) -> Result<Vec<Review>> {
    let Some(cid) = find_customer(&mut *conn, store_id, customer).await? else {
        return Ok(Vec::new());
    };
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE store_id = $1 AND customer_id = $2 ORDER BY created_at_ms DESC, id DESC"
    ))
    .bind(store_id)
    .bind(cid)
    .fetch_all(&mut *conn)
    .await?;
    let mut reviews = with_photos(&mut *conn, rows, base, Row::review).await?;
    // The author's list spans products: name each (a customer has a handful of reviews).
    for r in &mut reviews {
        r.product_title = Some(
            super::product_facts(&mut *conn, store_id, &r.sku)
                .await?
                .name,
        );
    }
    Ok(reviews)
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
    base: &str,
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
    .fetch_all(&mut *conn)
    .await?;
    let more = rows.len() > q.limit as usize;
    let rows = rows.into_iter().take(q.limit as usize).collect();
    let items = with_photos(conn, rows, base, Row::public).await?;
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
    base: &str,
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
            .fetch_one(&mut *conn)
            .await?;
    let more = rows.len() > limit as usize;
    let rows = rows.into_iter().take(limit as usize).collect();
    let items = with_photos(conn, rows, base, Row::review).await?;
    let next = more
        .then(|| items.last().map(|r| (r.created_at.utc_ms, r.id)))
        .flatten();
    Ok((items, next, u64::try_from(total).unwrap_or(0)))
}
