//! Stores: keys, secret, public configuration and allowed origins.

use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::{StoreConfig, SupportContacts};
use aftercare_shared::Locale;

/// A store as the server needs it (includes the secret: never serialise this).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoreRow {
    /// Internal id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `pk_…`, sent by browsers.
    pub publishable_key: String,
    /// `sk_…`, signs tokens and authorises the admin API.
    pub secret_key: String,
    /// BCP 47 tag of the default language.
    pub default_locale: String,
    /// Support email.
    pub support_email: Option<String>,
    /// Support phone.
    pub support_phone: Option<String>,
    /// Help centre / chat URL.
    pub support_chat_url: Option<String>,
}

impl StoreRow {
    /// The public part, for `GET /v1/store`.
    pub fn config(&self) -> StoreConfig {
        StoreConfig {
            name: self.name.clone(),
            default_locale: Locale::from_tag(&self.default_locale).unwrap_or_default(),
            support: SupportContacts {
                email: self.support_email.clone(),
                phone: self.support_phone.clone(),
                chat_url: self.support_chat_url.clone(),
            },
        }
    }
}

const COLUMNS: &str = "id, name, publishable_key, secret_key, default_locale, support_email, support_phone, support_chat_url";

/// The store owning a publishable key.
pub async fn by_publishable_key(db: &Db, key: &str) -> Result<Option<StoreRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM stores WHERE publishable_key = $1"
    ))
    .bind(key)
    .fetch_optional(&db.pool)
    .await?)
}

/// The store owning a secret key: found by the key's hash, then compared in constant time.
pub async fn by_secret_key(db: &Db, secret: &str) -> Result<Option<StoreRow>> {
    let row: Option<StoreRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM stores WHERE secret_key_hash = $1"
    ))
    .bind(crate::sha256_hex(secret))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.filter(|s| crate::constant_time_eq(s.secret_key.as_bytes(), secret.as_bytes())))
}

/// Every store (the `token` subcommand picks the only one by default).
pub async fn all(db: &Db) -> Result<Vec<StoreRow>> {
    Ok(
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM stores ORDER BY id"))
            .fetch_all(&db.pool)
            .await?,
    )
}

/// A store's allowed origin patterns.
pub async fn origins(db: &Db, store_id: i64) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT origin FROM store_origins WHERE store_id = $1")
            .bind(store_id)
            .fetch_all(&db.pool)
            .await?,
    )
}

/// Every store's origin patterns (for CORS preflights).
pub async fn all_origins(db: &Db) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT origin FROM store_origins")
            .fetch_all(&db.pool)
            .await?,
    )
}

/// A store to create or update by publishable key (demo seed, tests, tooling).
#[derive(Debug, Clone)]
pub struct StoreInput {
    /// Display name.
    pub name: String,
    /// `pk_…`.
    pub publishable_key: String,
    /// `sk_…`.
    pub secret_key: String,
    /// Default language.
    pub default_locale: Locale,
    /// Support contacts.
    pub support: SupportContacts,
    /// Allowed origins (exact, or `scheme://host:*` for any port).
    pub origins: Vec<String>,
}

/// Create or update a store by publishable key; its origin list is replaced.
pub async fn upsert(db: &Db, s: &StoreInput) -> Result<StoreRow> {
    let now = crate::now_ms();
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO stores (name, publishable_key, secret_key, secret_key_hash, default_locale, \
         support_email, support_phone, support_chat_url, created_at_ms, updated_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
         ON CONFLICT (publishable_key) DO UPDATE SET name = excluded.name, \
         secret_key = excluded.secret_key, secret_key_hash = excluded.secret_key_hash, \
         default_locale = excluded.default_locale, support_email = excluded.support_email, \
         support_phone = excluded.support_phone, support_chat_url = excluded.support_chat_url, \
         updated_at_ms = excluded.updated_at_ms \
         RETURNING id",
    )
    .bind(&s.name)
    .bind(&s.publishable_key)
    .bind(&s.secret_key)
    .bind(crate::sha256_hex(&s.secret_key))
    .bind(s.default_locale.tag())
    .bind(&s.support.email)
    .bind(&s.support.phone)
    .bind(&s.support.chat_url)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    sqlx::query("DELETE FROM store_origins WHERE store_id = $1")
        .bind(id)
        .execute(tx.conn())
        .await?;
    for origin in &s.origins {
        sqlx::query(
            "INSERT INTO store_origins (store_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(origin.trim().trim_end_matches('/'))
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await?;
    by_publishable_key(db, &s.publishable_key)
        .await?
        .ok_or_else(|| crate::Error::internal("store vanished after upsert"))
}
