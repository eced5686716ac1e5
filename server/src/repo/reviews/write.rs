//! Every change to reviews: a customer submits, edits and postpones; the store moderates and
//! replies. Each runs in one write transaction (a review's photos and reward included);
//! moderation and replies add an audit row. Answers link photos at `base`, the server's
//! public address.

use super::asks::ensure_request;
use super::pending::tags_of;
use super::photos::set_review_photos;
use super::read::find;
use super::{customer_id, product_key, settings};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::surveys::Subject;
use aftercare_shared::api::{
    ModerationAction, ModerationInput, Postponed, ReplyInput, Review, ReviewInput, ReviewSettings,
};
use aftercare_shared::review::{RejectReason, ReviewStatus, POSTPONE_DAYS};
use aftercare_shared::{FieldIssue, Timestamp};
use sqlx::AnyConnection;

const DAY_MS: i64 = 86_400_000;

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(sqlx::error::DatabaseError::is_unique_violation)
}

fn fit_name(input: &ReviewInput) -> Result<Option<String>> {
    input
        .attributes
        .fit
        .map(|f| {
            serde_json::to_value(f)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .ok_or_else(|| Error::internal("fit name"))
        })
        .transpose()
}

/// The status a new or edited review starts in: published when the store auto-publishes
/// (whatever the rating), else pending.
fn initial_status(settings: &ReviewSettings) -> ReviewStatus {
    if settings.auto_publish {
        ReviewStatus::Published
    } else {
        ReviewStatus::Pending
    }
}

/// The store's settings, once the answers are checked against the questions it asks about
/// `sku`'s product (`422 attributes.*` for one it does not ask).
async fn checked_settings(
    conn: &mut AnyConnection,
    store_id: i64,
    input: &ReviewInput,
    sku: &str,
) -> Result<ReviewSettings> {
    let settings = settings(&mut *conn, store_id).await?;
    let tags = tags_of(conn, store_id, sku).await?;
    input
        .attributes
        .check_asked(&settings.attributes_for(&tags))?;
    Ok(settings)
}

/// Whose photos a customer's review may attach: the subject key they were uploaded under.
pub fn photo_owner(customer: &str) -> String {
    Subject::Customer(customer.to_owned()).key()
}

/// The customer's delivered line of `sku` (a delivery scan on a parcel carrying it, in an
/// order not cancelled), newest first: what makes a review "verified".
async fn delivered_line(
    conn: &mut AnyConnection,
    store_id: i64,
    cid: i64,
    sku: &str,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT oi.id FROM order_items oi JOIN orders o ON o.id = oi.order_id \
         WHERE o.store_id = $1 AND o.customer_id = $2 AND oi.sku = $3 AND o.cancelled = 0 \
         AND EXISTS (SELECT 1 FROM shipment_items si JOIN tracking_events e \
           ON e.shipment_id = si.shipment_id WHERE si.order_item_id = oi.id \
           AND e.status = 'delivered') \
         ORDER BY o.placed_at_ms DESC, oi.id DESC LIMIT 1",
    )
    .bind(store_id)
    .bind(cid)
    .bind(sku)
    .fetch_optional(conn)
    .await?)
}

/// Whether the store knows `sku`: in its catalog or on one of its orders.
async fn known_sku(conn: &mut AnyConnection, store_id: i64, sku: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM product_variants WHERE store_id = $1 AND sku = $2) + \
         (SELECT COUNT(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id \
          WHERE o.store_id = $1 AND oi.sku = $2)",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Store `customer`'s review at `now_ms`. Verified only when tied here to a delivered line
/// of theirs (of that SKU); one review per product per customer, a catalog product's variants
/// counting as one (a second one, even submitted in parallel, is `409`); a SKU the store does
/// not know is `422 sku`, an answer to a question not asked about the product `422
/// attributes.*`, a photo not theirs or already used `422 photo_ids`. The review carries the
/// reward of its review request: the request made at the first ask, or made now, with the
/// store's current reward, when the customer was never asked but has a delivered line of it
/// (a review of something never delivered to them earns nothing).
pub async fn submit(
    db: &Db,
    store_id: i64,
    customer: &str,
    input: &ReviewInput,
    now_ms: i64,
    base: &str,
) -> Result<Review> {
    input.validate()?;
    let sku = input.sku.trim();
    let mut tx = db.begin_write().await?;
    let cid = customer_id(tx.conn(), store_id, customer).await?;
    if !known_sku(tx.conn(), store_id, sku).await? {
        return Err(Error::field(
            "sku",
            FieldIssue::UnknownReference,
            "The store has no product with this SKU.",
        ));
    }
    let settings = checked_settings(tx.conn(), store_id, input, sku).await?;
    let line = delivered_line(tx.conn(), store_id, cid, sku).await?;
    let key = product_key(tx.conn(), store_id, sku).await?;
    let status = initial_status(&settings);
    let requested: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM review_requests WHERE customer_id = $1 AND product_key = $2",
    )
    .bind(cid)
    .bind(&key)
    .fetch_one(tx.conn())
    .await?;
    let reward_code = if line.is_some() || requested > 0 {
        let incentive = settings.incentive.as_ref();
        ensure_request(tx.conn(), store_id, cid, &key, incentive, now_ms).await?
    } else {
        None
    };
    let inserted: std::result::Result<i64, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO reviews (store_id, customer_id, sku, product_key, order_item_id, verified, \
         rating, title, body, fit, would_recommend, display_name, status, created_at_ms, \
         updated_at_ms, reward_code) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15) \
         RETURNING id",
    )
    .bind(store_id)
    .bind(cid)
    .bind(sku)
    .bind(&key)
    .bind(line)
    .bind(i64::from(line.is_some()))
    .bind(i64::from(input.rating.stars()))
    .bind(input.title.trim())
    .bind(input.body.trim())
    .bind(fit_name(input)?)
    .bind(input.attributes.would_recommend.map(i64::from))
    .bind(input.display_name.trim())
    .bind(status.as_str())
    .bind(now_ms)
    .bind(reward_code)
    .fetch_one(tx.conn())
    .await;
    let id = match inserted {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            return Err(Error::Conflict(
                "You have already reviewed this product: edit that review instead.".into(),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    with_photos_read(tx, store_id, customer, id, input, base).await
}

/// The author's edit of review `id`: back to moderation (or published again when the store
/// auto-publishes), any rejection reason cleared. Another customer's review is `404`; the
/// SKU cannot change (`422 sku`). `photo_ids` replaces the photos (those left out are
/// deleted); answers and photos are checked as on submit. The reward stays as it was.
pub async fn edit(
    db: &Db,
    store_id: i64,
    customer: &str,
    id: i64,
    input: &ReviewInput,
    now_ms: i64,
    base: &str,
) -> Result<Review> {
    input.validate()?;
    let mut tx = db.begin_write().await?;
    let cid = customer_id(tx.conn(), store_id, customer).await?;
    let sku: String = sqlx::query_scalar(
        "SELECT sku FROM reviews WHERE id = $1 AND store_id = $2 AND customer_id = $3",
    )
    .bind(id)
    .bind(store_id)
    .bind(cid)
    .fetch_optional(tx.conn())
    .await?
    .ok_or(Error::NotFound)?;
    if sku != input.sku.trim() {
        return Err(Error::field(
            "sku",
            FieldIssue::InvalidFormat,
            "A review stays with its product: the SKU cannot change.",
        ));
    }
    let settings = checked_settings(tx.conn(), store_id, input, &sku).await?;
    let status = initial_status(&settings);
    sqlx::query(
        "UPDATE reviews SET rating = $1, title = $2, body = $3, fit = $4, would_recommend = $5, \
         display_name = $6, status = $7, reject_reason = NULL, updated_at_ms = $8 WHERE id = $9",
    )
    .bind(i64::from(input.rating.stars()))
    .bind(input.title.trim())
    .bind(input.body.trim())
    .bind(fit_name(input)?)
    .bind(input.attributes.would_recommend.map(i64::from))
    .bind(input.display_name.trim())
    .bind(status.as_str())
    .bind(now_ms)
    .bind(id)
    .execute(tx.conn())
    .await?;
    with_photos_read(tx, store_id, customer, id, input, base).await
}

/// The end of a submit or an edit: attach the review's photos in its transaction, commit, and
/// answer the review as stored.
async fn with_photos_read(
    mut tx: crate::db::WriteTx,
    store_id: i64,
    customer: &str,
    id: i64,
    input: &ReviewInput,
    base: &str,
) -> Result<Review> {
    set_review_photos(
        tx.conn(),
        store_id,
        &photo_owner(customer),
        id,
        &input.photo_ids,
    )
    .await?;
    let review = find(tx.conn(), store_id, id, base)
        .await?
        .ok_or_else(|| Error::internal("stored review vanished"))?;
    tx.commit().await?;
    Ok(review)
}

/// "Not arrived yet": do not ask `customer` about `sku` for 7 days from `now_ms`. `404` when
/// they have no order line of that SKU.
pub async fn postpone(
    db: &Db,
    store_id: i64,
    customer: &str,
    sku: &str,
    now_ms: i64,
) -> Result<Postponed> {
    let mut tx = db.begin_write().await?;
    let cid = customer_id(tx.conn(), store_id, customer).await?;
    let bought: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id \
         WHERE o.store_id = $1 AND o.customer_id = $2 AND oi.sku = $3",
    )
    .bind(store_id)
    .bind(cid)
    .bind(sku)
    .fetch_one(tx.conn())
    .await?;
    if bought == 0 {
        return Err(Error::NotFound);
    }
    sqlx::query(
        "INSERT INTO review_postponements (store_id, customer_id, sku, postponed_at_ms) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id, sku) \
         DO UPDATE SET postponed_at_ms = excluded.postponed_at_ms",
    )
    .bind(store_id)
    .bind(cid)
    .bind(sku)
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(Postponed {
        sku: sku.to_owned(),
        until: Timestamp::from_utc_ms(now_ms + i64::from(POSTPONE_DAYS) * DAY_MS, 0),
    })
}

async fn log(
    conn: &mut AnyConnection,
    store_id: i64,
    id: i64,
    action: &str,
    reason: Option<&str>,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO review_moderation_log (store_id, review_id, action, reason, at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(store_id)
    .bind(id)
    .bind(action)
    .bind(reason)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// The store approves or rejects review `id` (any state: a published review can be taken
/// down, a rejected one approved); logged. Another store's is `404`.
pub async fn moderate(
    db: &Db,
    store_id: i64,
    id: i64,
    input: &ModerationInput,
    now_ms: i64,
    base: &str,
) -> Result<Review> {
    input.validate()?;
    let (status, reason, action) = match input.action {
        ModerationAction::Approve => (ReviewStatus::Published, None, "approve"),
        ModerationAction::Reject => (
            ReviewStatus::Rejected,
            input.reason.map(RejectReason::as_str),
            "reject",
        ),
    };
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE reviews SET status = $1, reject_reason = $2 WHERE id = $3 AND store_id = $4",
    )
    .bind(status.as_str())
    .bind(reason)
    .bind(id)
    .bind(store_id)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(Error::NotFound);
    }
    log(tx.conn(), store_id, id, action, reason, now_ms).await?;
    let review = find(tx.conn(), store_id, id, base)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(review)
}

/// Write or rewrite the store's public reply under review `id`; logged.
pub async fn put_reply(
    db: &Db,
    store_id: i64,
    id: i64,
    input: &ReplyInput,
    now_ms: i64,
    base: &str,
) -> Result<Review> {
    input.validate()?;
    set_reply(db, store_id, id, Some(input.body.trim()), now_ms, base).await
}

/// Remove the store's reply under review `id` (nothing to remove is fine); logged.
pub async fn delete_reply(
    db: &Db,
    store_id: i64,
    id: i64,
    now_ms: i64,
    base: &str,
) -> Result<Review> {
    set_reply(db, store_id, id, None, now_ms, base).await
}

async fn set_reply(
    db: &Db,
    store_id: i64,
    id: i64,
    body: Option<&str>,
    now_ms: i64,
    base: &str,
) -> Result<Review> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE reviews SET reply_body = $1, reply_updated_at_ms = $2 \
         WHERE id = $3 AND store_id = $4",
    )
    .bind(body)
    .bind(body.map(|_| now_ms))
    .bind(id)
    .bind(store_id)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(Error::NotFound);
    }
    let action = if body.is_some() {
        "reply"
    } else {
        "reply_delete"
    };
    log(tx.conn(), store_id, id, action, None, now_ms).await?;
    let review = find(tx.conn(), store_id, id, base)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(review)
}
