//! "Helpful" votes: one per review and browser, counted into `reviews.helpful_count` in the
//! same transaction. The voter id is random and made up by the browser: the votes hold no
//! personal data, so an erasure has nothing to look for here (they go with their review).

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::HelpfulVote;

/// Count `voter`'s vote on published review `review_id` of the store, once: a repeat (also a
/// parallel one, the primary key decides) answers the count unchanged with `counted: false`.
/// A review that is not published, or another store's, is `404`.
pub async fn vote(
    db: &Db,
    store_id: i64,
    review_id: i64,
    voter: &str,
    now_ms: i64,
) -> Result<HelpfulVote> {
    let mut tx = db.begin_write().await?;
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM reviews WHERE id = $1 AND store_id = $2")
            .bind(review_id)
            .bind(store_id)
            .fetch_optional(tx.conn())
            .await?;
    if status.as_deref() != Some("published") {
        return Err(Error::NotFound);
    }
    let inserted = sqlx::query(
        "INSERT INTO review_helpful_votes (review_id, voter, at_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (review_id, voter) DO NOTHING",
    )
    .bind(review_id)
    .bind(voter)
    .bind(now_ms)
    .execute(tx.conn())
    .await?
    .rows_affected();
    let counted = inserted == 1;
    if counted {
        sqlx::query("UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = $1")
            .bind(review_id)
            .execute(tx.conn())
            .await?;
    }
    let count: i64 = sqlx::query_scalar("SELECT helpful_count FROM reviews WHERE id = $1")
        .bind(review_id)
        .fetch_one(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(HelpfulVote {
        review_id,
        helpful_count: u32::try_from(count).unwrap_or(u32::MAX),
        counted,
    })
}
