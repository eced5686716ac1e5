//! Review photos: stored under unguessable ids (the same id rule as return photos), owned by
//! their uploader until a review attaches them, read back for a whole page of reviews in one
//! query, and replaced as a set when a review is edited.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::returns::valid_photo_id;
use aftercare_shared::api::ReturnPhoto;
use aftercare_shared::FieldIssue;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The path a review photo is served at, below the server's public address.
pub const PHOTO_PATH: &str = "/v1/review-photos";

/// The public link of photo `id` at `base` (the server's public address).
pub fn photo_url(base: &str, id: &str) -> String {
    format!("{base}{PHOTO_PATH}/{id}")
}

/// Store a processed photo for `owner` (a subject key) under a fresh random id, unattached.
pub async fn store_photo(
    db: &Db,
    store_id: i64,
    owner: &str,
    photo: &crate::photos::StoredPhoto,
    now_ms: i64,
) -> Result<String> {
    let id = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
    let mut tx = db.begin_write().await?;
    insert_photo(tx.conn(), store_id, owner, &id, photo, now_ms).await?;
    tx.commit().await?;
    Ok(id)
}

/// Insert one unattached photo row.
async fn insert_photo(
    conn: &mut AnyConnection,
    store_id: i64,
    owner: &str,
    id: &str,
    photo: &crate::photos::StoredPhoto,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO review_photos (id, store_id, owner, review_id, position, content_type, \
         width, height, data, created_at_ms) VALUES ($1, $2, $3, NULL, 0, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(store_id)
    .bind(owner)
    .bind(photo.content_type)
    .bind(i64::from(photo.width))
    .bind(i64::from(photo.height))
    .bind(photo.bytes.clone())
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// A stored photo's bytes and type, by its id alone (the id is the capability).
pub async fn photo_bytes(db: &Db, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    if !valid_photo_id(id) {
        return Ok(None);
    }
    Ok(
        sqlx::query_as("SELECT content_type, data FROM review_photos WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

fn refuse(msg: &str) -> Error {
    Error::field("photo_ids", FieldIssue::InvalidFormat, msg)
}

/// Make `ids` (in this order) the photos of review `review_id`, in the review's write
/// transaction: each must be this store's, uploaded by `owner`, and unattached or already this
/// review's; photos of the review left out are deleted (bytes gone). Keeps
/// `reviews.photo_count` in step. A bad id is `422 photo_ids`.
pub(crate) async fn set_review_photos(
    conn: &mut AnyConnection,
    store_id: i64,
    owner: &str,
    review_id: i64,
    ids: &[String],
) -> Result<()> {
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(Error::field(
                "photo_ids",
                FieldIssue::Duplicate,
                "The same photo is named twice.",
            ));
        }
        if !valid_photo_id(id) {
            return Err(refuse("No such photo: upload it first."));
        }
        let row: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT owner, review_id FROM review_photos WHERE id = $1 AND store_id = $2",
        )
        .bind(id)
        .bind(store_id)
        .fetch_optional(&mut *conn)
        .await?;
        match row {
            Some((o, attached)) if o == owner && attached.is_none_or(|r| r == review_id) => {}
            Some((o, _)) if o == owner => {
                return Err(refuse("This photo belongs to another review."));
            }
            _ => return Err(refuse("No such photo: upload it first.")),
        }
    }
    let kept: Vec<String> =
        sqlx::query_scalar("SELECT id FROM review_photos WHERE review_id = $1 AND store_id = $2")
            .bind(review_id)
            .bind(store_id)
            .fetch_all(&mut *conn)
            .await?;
    for old in kept.iter().filter(|k| !ids.contains(k)) {
        sqlx::query("DELETE FROM review_photos WHERE id = $1")
            .bind(old)
            .execute(&mut *conn)
            .await?;
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE review_photos SET review_id = $1, position = $2 WHERE id = $3")
            .bind(review_id)
            .bind(position as i64)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("UPDATE reviews SET photo_count = $1 WHERE id = $2")
        .bind(ids.len() as i64)
        .bind(review_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The photos of every review in `review_ids`, in their order, with links at `base`: one
/// query for a whole page.
pub(crate) async fn photos_of(
    conn: &mut AnyConnection,
    review_ids: &[i64],
    base: &str,
) -> Result<HashMap<i64, Vec<ReturnPhoto>>> {
    let mut out: HashMap<i64, Vec<ReturnPhoto>> = HashMap::new();
    if review_ids.is_empty() {
        return Ok(out);
    }
    let marks = (1..=review_ids.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT review_id, id, width, height FROM review_photos WHERE review_id IN ({marks}) \
         ORDER BY review_id, position, id"
    );
    let mut q = sqlx::query_as::<_, (i64, String, i64, i64)>(&sql);
    for id in review_ids {
        q = q.bind(*id);
    }
    for (review, id, width, height) in q.fetch_all(conn).await? {
        out.entry(review).or_default().push(ReturnPhoto {
            url: photo_url(base, &id),
            id,
            width: u32::try_from(width).unwrap_or(0),
            height: u32::try_from(height).unwrap_or(0),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_sit_under_the_public_base() {
        assert_eq!(
            photo_url("https://shop.example", "00ff"),
            "https://shop.example/v1/review-photos/00ff"
        );
    }
}
