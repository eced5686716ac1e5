//! The demo store's reviews (`reviews.json`): published ones with and without a store reply,
//! one waiting for moderation and one rejected, so the product page and the moderation queue
//! show every state; Ana has none, so the account page asks her.
//!
//! Reviews go through `repo::reviews::submit` (the customer's code path, which decides
//! "verified" from the seeded deliveries), then `moderate` and `put_reply` (the store's), at
//! past instants. A review that already exists is left alone, so re-seeding never duplicates
//! or changes one.

use super::format::{self, parse};
use crate::db::Db;
use crate::error::Result;
use crate::repo::reviews as repo;
use aftercare_shared::api::{ModerationInput, ReplyInput, ReviewInput};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewsFile {
    #[serde(rename = "about")]
    _about: String,
    reviews: Vec<PastReview>,
}

/// A review written `at` from now, then moderated and answered, if the entry says.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastReview {
    customer: String,
    at: String,
    review: ReviewInput,
    moderation: Option<PastModeration>,
    reply: Option<PastReply>,
}

/// (Not `deny_unknown_fields`: serde does not support it with `flatten`.)
#[derive(Deserialize)]
struct PastModeration {
    at: String,
    #[serde(flatten)]
    input: ModerationInput,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastReply {
    at: String,
    body: String,
}

fn file() -> Result<ReviewsFile> {
    parse("reviews.json", include_str!("reviews.json"))
}

/// The demo reviews (idempotent: a customer's existing review of the product is left alone).
pub(super) async fn seed_reviews(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    for past in file()?.reviews {
        let mut conn = db.pool.acquire().await?;
        let key = repo::product_key(&mut conn, store_id, &past.review.sku).await?;
        let exists: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM reviews r JOIN customers c ON c.id = r.customer_id \
             WHERE r.store_id = $1 AND c.external_id = $2 AND r.product_key = $3",
        )
        .bind(store_id)
        .bind(&past.customer)
        .bind(key)
        .fetch_one(&mut *conn)
        .await?;
        drop(conn);
        if exists > 0 {
            continue;
        }
        let at = now_ms + format::span_ms(&past.at)?;
        let review = repo::submit(db, store_id, &past.customer, &past.review, at).await?;
        if let Some(m) = &past.moderation {
            let at = now_ms + format::span_ms(&m.at)?;
            repo::moderate(db, store_id, review.id, &m.input, at).await?;
        }
        if let Some(r) = &past.reply {
            let at = now_ms + format::span_ms(&r.at)?;
            let input = ReplyInput {
                body: r.body.clone(),
            };
            repo::put_reply(db, store_id, review.id, &input, at).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_reviews_are_valid() {
        for r in file().unwrap().reviews {
            r.review.validate().unwrap();
            if let Some(m) = &r.moderation {
                m.input.validate().unwrap();
            }
            if let Some(reply) = &r.reply {
                ReplyInput {
                    body: reply.body.clone(),
                }
                .validate()
                .unwrap();
            }
        }
    }
}
