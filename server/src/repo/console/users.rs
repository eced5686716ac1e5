//! Console users: added by `aftercare-server user add` with a one-time setup link, signed in
//! with an argon2id password and, optionally, a TOTP code.

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_console::Role;
use aftercare_shared::{Email, Locale};
use sqlx::Row;

/// How long a setup link works.
pub const SETUP_LINK_MS: i64 = 72 * 3_600_000;

/// A console user as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleUser {
    /// Row id.
    pub id: i64,
    /// The store whose console this is.
    pub store_id: i64,
    /// Sign-in email, lower case.
    pub email: String,
    /// What the user may do.
    pub role: Role,
    /// Console language.
    pub locale: Locale,
    /// argon2id PHC string; `None` until the setup link is used.
    pub password_hash: Option<String>,
    /// Base32 TOTP secret when the second factor is on.
    pub totp_secret: Option<String>,
}

const COLUMNS: &str = "id, store_id, email, role, locale, password_hash, totp_secret";

fn user(row: &sqlx::any::AnyRow) -> Result<ConsoleUser> {
    let role: String = row.try_get("role")?;
    let locale: String = row.try_get("locale")?;
    Ok(ConsoleUser {
        id: row.try_get("id")?,
        store_id: row.try_get("store_id")?,
        email: row.try_get("email")?,
        role: Role::parse(&role).ok_or_else(|| Error::Internal(format!("unknown role {role}")))?,
        locale: Locale::from_tag(&locale).unwrap_or_default(),
        password_hash: row.try_get("password_hash")?,
        totp_secret: row.try_get("totp_secret")?,
    })
}

/// Add a user to `store_id` with a setup link whose token hashes to `setup_hash`.
/// An email already in any store's console is a conflict (sign-in asks only for the email).
pub async fn add(
    db: &Db,
    store_id: i64,
    email: &Email,
    role: Role,
    locale: Locale,
    setup_hash: &str,
    now_ms: i64,
) -> Result<ConsoleUser> {
    // `Email::parse` already trimmed and lower-cased it: `Ana@Shop` and `ana@shop` are one user.
    let email = email.as_str();
    let mut tx = db.begin_write().await?;
    // A removed user's email stays taken by their row (the audit log names it): adding them
    // again brings the row back with the new role and a new setup link.
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM console_users WHERE email = $1 AND removed_at_ms IS NULL",
    )
    .bind(email)
    .fetch_optional(tx.conn())
    .await?;
    if taken.is_some() {
        return Err(Error::Conflict(format!(
            "{email} is already a console user"
        )));
    }
    let revived = sqlx::query(&format!(
        "UPDATE console_users SET store_id = $1, role = $2, locale = $3, setup_hash = $4, \
         setup_expires_ms = $5, created_at_ms = $6, removed_at_ms = NULL WHERE email = $7 \
         AND removed_at_ms IS NOT NULL RETURNING {COLUMNS}"
    ))
    .bind(store_id)
    .bind(role.as_str())
    .bind(locale.tag())
    .bind(setup_hash)
    .bind(now_ms + SETUP_LINK_MS)
    .bind(now_ms)
    .bind(email)
    .fetch_optional(tx.conn())
    .await?;
    if let Some(row) = revived {
        let added = user(&row)?;
        tx.commit().await?;
        return Ok(added);
    }
    let row = sqlx::query(&format!(
        "INSERT INTO console_users (store_id, email, role, locale, setup_hash, setup_expires_ms, \
         created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
    ))
    .bind(store_id)
    .bind(email)
    .bind(role.as_str())
    .bind(locale.tag())
    .bind(setup_hash)
    .bind(now_ms + SETUP_LINK_MS)
    .bind(now_ms)
    .fetch_one(tx.conn())
    .await?;
    let added = user(&row)?;
    tx.commit().await?;
    Ok(added)
}

/// An active (not removed) user by sign-in email, as typed (normalised like every email).
pub async fn by_email(db: &Db, email: &str) -> Result<Option<ConsoleUser>> {
    let Ok(email) = Email::parse(email) else {
        return Ok(None);
    };
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM console_users WHERE email = $1 AND removed_at_ms IS NULL"
    ))
    .bind(email.as_str())
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(user).transpose()
}

/// An active user by id.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<ConsoleUser>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM console_users WHERE id = $1 AND removed_at_ms IS NULL"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(user).transpose()
}

/// The active user whose unexpired setup link hashes to `setup_hash`.
pub async fn by_setup(db: &Db, setup_hash: &str, now_ms: i64) -> Result<Option<ConsoleUser>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM console_users WHERE setup_hash = $1 AND setup_expires_ms > $2 \
         AND removed_at_ms IS NULL"
    ))
    .bind(setup_hash)
    .bind(now_ms)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(user).transpose()
}

/// Use the setup link `setup_hash` to set the first password: `false` when the link was used
/// or expired meanwhile (so two tabs cannot both set one).
pub async fn finish_setup(
    db: &Db,
    setup_hash: &str,
    password_hash: &str,
    now_ms: i64,
) -> Result<bool> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE console_users SET password_hash = $1, setup_hash = NULL, setup_expires_ms = NULL \
         WHERE setup_hash = $2 AND setup_expires_ms > $3 AND removed_at_ms IS NULL",
    )
    .bind(password_hash)
    .bind(setup_hash)
    .bind(now_ms)
    .execute(tx.conn())
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(done == 1)
}

/// Replace a user's password hash.
pub async fn set_password(db: &Db, id: i64, password_hash: &str) -> Result<()> {
    update(
        db,
        "UPDATE console_users SET password_hash = $1 WHERE id = $2",
        Some(password_hash),
        id,
    )
    .await
}

/// Turn the second factor on (`Some(secret)`) or off.
pub async fn set_totp(db: &Db, id: i64, secret: Option<&str>) -> Result<()> {
    update(
        db,
        "UPDATE console_users SET totp_secret = $1 WHERE id = $2",
        secret,
        id,
    )
    .await
}

/// Save the console language.
pub async fn set_locale(db: &Db, id: i64, locale: Locale) -> Result<()> {
    update(
        db,
        "UPDATE console_users SET locale = $1 WHERE id = $2",
        Some(locale.tag()),
        id,
    )
    .await
}

async fn update(db: &Db, sql: &str, value: Option<&str>, id: i64) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(sql)
        .bind(value)
        .bind(id)
        .execute(tx.conn())
        .await?;
    tx.commit().await
}

/// A user as the Users page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The user.
    pub user: ConsoleUser,
    /// Still waiting for the setup link to be used.
    pub pending: bool,
    /// Added at, unix ms.
    pub created_at_ms: i64,
}

/// Every active user of `store_id`, owners first, then by email.
pub async fn list(db: &Db, store_id: i64) -> Result<Vec<Listed>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, created_at_ms FROM console_users WHERE store_id = $1 \
         AND removed_at_ms IS NULL ORDER BY CASE role WHEN 'owner' THEN 0 ELSE 1 END, email"
    ))
    .bind(store_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|row| {
            let user = user(row)?;
            Ok(Listed {
                pending: user.password_hash.is_none(),
                created_at_ms: row.try_get("created_at_ms")?,
                user,
            })
        })
        .collect()
}

/// Why a user cannot be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepUser {
    /// Users do not remove themselves (an owner would lock the store out by mistake).
    Yourself,
    /// The store's last owner stays.
    LastOwner,
}

/// Remove user `id` of `store_id` (kept for the audit log, unable to sign in, sessions
/// ended), unless it is `acting` themselves or the store's last owner; `Ok(None)` when there
/// is no such active user.
pub async fn remove(
    db: &Db,
    store_id: i64,
    id: i64,
    acting: i64,
    now_ms: i64,
) -> Result<Option<std::result::Result<ConsoleUser, KeepUser>>> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM console_users WHERE id = $1 AND store_id = $2 \
         AND removed_at_ms IS NULL"
    ))
    .bind(id)
    .bind(store_id)
    .fetch_optional(tx.conn())
    .await?;
    let Some(target) = row.as_ref().map(user).transpose()? else {
        return Ok(None);
    };
    if id == acting {
        return Ok(Some(Err(KeepUser::Yourself)));
    }
    if target.role == Role::Owner {
        let owners: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM console_users WHERE store_id = $1 \
             AND role = 'owner' AND removed_at_ms IS NULL",
        )
        .bind(store_id)
        .fetch_one(tx.conn())
        .await?;
        if owners <= 1 {
            return Ok(Some(Err(KeepUser::LastOwner)));
        }
    }
    sqlx::query(
        "UPDATE console_users SET removed_at_ms = $1, setup_hash = NULL, password_hash = NULL, \
         totp_secret = NULL WHERE id = $2",
    )
    .bind(now_ms)
    .bind(id)
    .execute(tx.conn())
    .await?;
    sqlx::query("DELETE FROM console_sessions WHERE user_id = $1")
        .bind(id)
        .execute(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(Some(Ok(target)))
}

/// Give pending user `id` of `store_id` a new setup link (the old one stops working);
/// `false` when there is no such user waiting for setup.
pub async fn reissue_setup(
    db: &Db,
    store_id: i64,
    id: i64,
    setup_hash: &str,
    now_ms: i64,
) -> Result<bool> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE console_users SET setup_hash = $1, setup_expires_ms = $2 WHERE id = $3 \
         AND store_id = $4 AND password_hash IS NULL AND removed_at_ms IS NULL",
    )
    .bind(setup_hash)
    .bind(now_ms + SETUP_LINK_MS)
    .bind(id)
    .bind(store_id)
    .execute(tx.conn())
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(done == 1)
}
