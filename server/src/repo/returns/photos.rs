//! Return photos: stored under unguessable ids, owned by their uploader until a return line
//! uses them.

use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::ReturnRequestInput;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Largest photo accepted (what the form is told; the upload route enforces it).
pub const PHOTO_MAX_BYTES: u64 = crate::photos::MAX_UPLOAD_BYTES as u64;

/// A photo as the create check sees it: who uploaded it and whether a return uses it.
#[derive(Debug, Clone)]
pub struct PhotoFacts {
    /// Uploader subject key.
    pub owner: String,
    /// Already attached to a return line.
    pub attached: bool,
}

/// Photos named by a request, with their owner and whether they are attached.
pub async fn photo_facts(
    conn: &mut AnyConnection,
    store_id: i64,
    input: &ReturnRequestInput,
) -> Result<HashMap<String, PhotoFacts>> {
    let mut out = HashMap::new();
    for id in input.lines.iter().flat_map(|l| l.photo_ids.iter()) {
        if out.contains_key(id) || !valid_photo_id(id) {
            continue;
        }
        let row: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT owner, return_item_id FROM return_photos WHERE id = $1 AND store_id = $2",
        )
        .bind(id)
        .bind(store_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((owner, item)) = row {
            out.insert(
                id.clone(),
                PhotoFacts {
                    owner,
                    attached: item.is_some(),
                },
            );
        }
    }
    Ok(out)
}

/// Photo ids are 32 lowercase hex characters (128 random bits): the id is the capability to
/// fetch the photo, so it must not be guessable.
pub fn valid_photo_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Store a processed photo under a fresh generated id.
pub async fn store_photo(
    db: &Db,
    store_id: i64,
    owner: &str,
    photo: &crate::photos::StoredPhoto,
    now_ms: i64,
) -> Result<String> {
    let id = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO return_photos (id, store_id, return_item_id, owner, content_type, width, \
         height, data, created_at_ms) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(store_id)
    .bind(owner)
    .bind(photo.content_type)
    .bind(i64::from(photo.width))
    .bind(i64::from(photo.height))
    .bind(photo.bytes.clone())
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A stored photo's bytes and type.
pub async fn photo_bytes(db: &Db, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    if !valid_photo_id(id) {
        return Ok(None);
    }
    Ok(
        sqlx::query_as("SELECT content_type, data FROM return_photos WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_ids_must_be_unguessable_hex() {
        assert!(valid_photo_id("0123456789abcdef0123456789abcdef"));
        assert!(!valid_photo_id("0123456789ABCDEF0123456789abcdef"));
        assert!(!valid_photo_id("../etc/passwd"));
        assert!(!valid_photo_id(""));
    }
}
