//! Console sessions. The cookie carries 256 random bits; only their SHA-256 is stored, so a
//! copy of the database signs nobody in. A session ends after [`IDLE_MS`] without a request
//! or [`ABSOLUTE_MS`] after sign-in, whichever comes first; one waiting for the second
//! factor's code ends after [`CODE_STAGE_MS`].

use crate::db::Db;
use crate::error::Result;

/// A session ends after this long without a request (30 minutes).
pub const IDLE_MS: i64 = 30 * 60_000;
/// A session ends this long after sign-in, however active (12 hours).
pub const ABSOLUTE_MS: i64 = 12 * 3_600_000;
/// The time a correct password leaves to type the second factor's code (5 minutes).
pub const CODE_STAGE_MS: i64 = 5 * 60_000;
/// `seen_at_ms` is written at most this often, so reading pages does not write every time.
const TOUCH_EVERY_MS: i64 = 60_000;

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The password was right; the second factor's code is still due.
    Code,
    /// Signed in.
    Active,
}

impl Stage {
    fn as_str(self) -> &'static str {
        match self {
            Stage::Code => "code",
            Stage::Active => "active",
        }
    }
}

/// A live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Its user.
    pub user_id: i64,
    /// The token its forms post back.
    pub csrf: String,
    /// Signed in, or waiting for the code.
    pub stage: Stage,
}

/// The stored form of a cookie value.
pub fn hash(cookie: &str) -> String {
    crate::util::sha256_hex(cookie)
}

/// Store a new session for `user_id` under cookie value `cookie` with CSRF token `csrf`.
pub async fn create(
    db: &Db,
    cookie: &str,
    user_id: i64,
    csrf: &str,
    stage: Stage,
    now_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO console_sessions (id_hash, user_id, csrf, stage, created_at_ms, seen_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(hash(cookie))
    .bind(user_id)
    .bind(csrf)
    .bind(stage.as_str())
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await
}

/// The live session behind `cookie` at `now_ms` (expired ones are deleted on sight), its
/// idle clock restarted.
pub async fn find(db: &Db, cookie: &str, now_ms: i64) -> Result<Option<Session>> {
    let id_hash = hash(cookie);
    let row: Option<(i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT user_id, csrf, stage, created_at_ms, seen_at_ms FROM console_sessions \
         WHERE id_hash = $1",
    )
    .bind(&id_hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some((user_id, csrf, stage, created, seen)) = row else {
        return Ok(None);
    };
    let stage = if stage == "code" {
        Stage::Code
    } else {
        Stage::Active
    };
    let lifetime = match stage {
        Stage::Code => CODE_STAGE_MS,
        Stage::Active => ABSOLUTE_MS,
    };
    if now_ms - seen >= IDLE_MS || now_ms - created >= lifetime {
        delete(db, cookie).await?;
        return Ok(None);
    }
    if now_ms - seen >= TOUCH_EVERY_MS {
        let mut tx = db.begin_write().await?;
        sqlx::query("UPDATE console_sessions SET seen_at_ms = $1 WHERE id_hash = $2")
            .bind(now_ms)
            .bind(&id_hash)
            .execute(tx.conn())
            .await?;
        tx.commit().await?;
    }
    Ok(Some(Session {
        user_id,
        csrf,
        stage,
    }))
}

/// End the session behind `cookie`.
pub async fn delete(db: &Db, cookie: &str) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM console_sessions WHERE id_hash = $1")
        .bind(hash(cookie))
        .execute(tx.conn())
        .await?;
    tx.commit().await
}

/// End every session of `user_id` except the one behind `keep` (after a password change).
pub async fn delete_others(db: &Db, user_id: i64, keep: &str) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM console_sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(hash(keep))
        .execute(tx.conn())
        .await?;
    tx.commit().await
}

/// Delete every session that has expired by `now_ms` (retention); how many.
pub async fn purge(db: &Db, now_ms: i64) -> Result<u64> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(
        "DELETE FROM console_sessions WHERE seen_at_ms <= $1 OR created_at_ms <= $2 \
         OR (stage = 'code' AND created_at_ms <= $3)",
    )
    .bind(now_ms - IDLE_MS)
    .bind(now_ms - ABSOLUTE_MS)
    .bind(now_ms - CODE_STAGE_MS)
    .execute(tx.conn())
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(n)
}
