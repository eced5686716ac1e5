//! The demo store's reviews (`reviews.json`): published ones with and without a store reply,
//! some with photos, one waiting for moderation and one rejected, so the product page and the
//! moderation queue show every state; Ana has none, so the account page asks her. Then the
//! store's review settings: "fit" for apparel and shoes, "would you recommend it?" for all,
//! and a reward with every new review request.
//!
//! Reviews go through `repo::reviews::submit` (the customer's code path, which decides
//! "verified" from the seeded deliveries), then `moderate` and `put_reply` (the store's), at
//! past instants. Their photos are small gradients drawn here and passed through the upload
//! pipeline (`photos::process`). A review that already exists is left alone, so re-seeding
//! never duplicates or changes one. The settings are written after the past reviews: the
//! reward is new, so those reviews came without one, and Ana's requests carry it.

use super::format::{self, parse};
use crate::db::Db;
use crate::error::Error;
use crate::error::Result;
use crate::repo::reviews as repo;
use aftercare_shared::api::{ModerationInput, ReplyInput, ReviewInput, ReviewSettings};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewsFile {
    #[serde(rename = "about")]
    _about: String,
    settings: ReviewSettings,
    reviews: Vec<PastReview>,
}

/// A review written `at` from now, then moderated and answered, if the entry says.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastReview {
    customer: String,
    at: String,
    review: ReviewInput,
    /// Photos to draw and attach: each a top and a bottom colour (`#rrggbb`).
    #[serde(default)]
    photos: Vec<[String; 2]>,
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

fn colour(hex: &str) -> Result<[u8; 3]> {
    let bad = || Error::internal(format!("reviews.json: colour {hex:?}"));
    let h = hex
        .strip_prefix('#')
        .filter(|h| h.len() == 6)
        .ok_or_else(bad)?;
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).map_err(|_| bad());
    Ok([byte(0)?, byte(2)?, byte(4)?])
}

/// A 480×360 vertical gradient from `top` to `bottom` with a soft diagonal sheen, as PNG
/// bytes: a stand-in for a shopper's product photo, drawn the same on every run.
pub(crate) fn gradient_png(top: [u8; 3], bottom: [u8; 3]) -> Result<Vec<u8>> {
    let (w, h) = (480u32, 360u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let t = y as f32 / (h - 1) as f32;
        let sheen = 1.0 + 0.12 * (1.0 - ((x as f32 / w as f32) - t).abs() * 2.0).max(0.0);
        image::Rgb(std::array::from_fn(|i| {
            let v = f32::from(top[i]) * (1.0 - t) + f32::from(bottom[i]) * t;
            (v * sheen).clamp(0.0, 255.0) as u8
        }))
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| Error::internal(format!("demo photo: {e}")))?;
    Ok(out.into_inner())
}

/// Draw `photos`, store them as `customer`'s uploads at `at`, and answer their ids.
async fn upload(
    db: &Db,
    store_id: i64,
    customer: &str,
    photos: &[[String; 2]],
    at: i64,
) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for [top, bottom] in photos {
        let png = gradient_png(colour(top)?, colour(bottom)?)?;
        let stored = tokio::task::spawn_blocking(move || crate::photos::process(&png))
            .await
            .map_err(|e| Error::internal(format!("photo task: {e}")))??;
        let owner = format!("customer:{customer}");
        ids.push(repo::store_photo(db, store_id, &owner, &stored, at).await?);
    }
    Ok(ids)
}

/// The demo reviews (idempotent: a customer's existing review of the product is left alone),
/// then the store's review settings.
pub(super) async fn seed_reviews(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    let file = file()?;
    for past in file.reviews {
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
        let mut input = past.review.clone();
        input.photo_ids = upload(db, store_id, &past.customer, &past.photos, at).await?;
        let review = repo::submit(db, store_id, &past.customer, &input, at, "").await?;
        if let Some(m) = &past.moderation {
            let at = now_ms + format::span_ms(&m.at)?;
            repo::moderate(db, store_id, review.id, &m.input, at, "").await?;
        }
        if let Some(r) = &past.reply {
            let at = now_ms + format::span_ms(&r.at)?;
            let input = ReplyInput {
                body: r.body.clone(),
            };
            repo::put_reply(db, store_id, review.id, &input, at, "").await?;
        }
    }
    repo::put_settings(db, store_id, &file.settings, now_ms).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_reviews_are_valid() {
        let settings = aftercare_shared::api::ReviewSettingsInput {
            settings: file().unwrap().settings,
            auto_publish_min_rating: None,
            reward_min_rating: None,
        };
        settings.validate().unwrap();
        let apparel = ["outerwear".to_owned()];
        assert_eq!(settings.settings.attributes_for(&apparel).len(), 2);
        for r in file().unwrap().reviews {
            r.review.validate().unwrap();
            for [top, bottom] in &r.photos {
                colour(top).unwrap();
                colour(bottom).unwrap();
            }
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

    #[test]
    fn demo_photos_pass_the_upload_pipeline() {
        let png = gradient_png([0x3b, 0x5d, 0x50], [0x1d, 0x2b, 0x26]).unwrap();
        assert_eq!(
            png,
            gradient_png([0x3b, 0x5d, 0x50], [0x1d, 0x2b, 0x26]).unwrap()
        );
        let stored = crate::photos::process(&png).unwrap();
        assert_eq!((stored.width, stored.height), (480, 360));
        assert_eq!(stored.content_type, "image/jpeg");
    }
}
