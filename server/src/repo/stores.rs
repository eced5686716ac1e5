//! Stores: keys, secret, public configuration, allowed origins, tracking thresholds, the
//! shipping FAQ and (through `repo::requests`) the change policy.

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{FaqEntry, LocalizedFaq, StoreConfig, StoreSettings, SupportContacts};
use aftercare_shared::tracking::TrackingPolicy;
use aftercare_shared::Locale;

/// A store as the server needs it (includes the secret: never serialise this).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
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
    /// Hours without a scan before a parcel counts as stalled.
    pub stall_after_hours: i64,
    /// Days without an update before a parcel counts as expired.
    pub expire_after_days: i64,
}

impl StoreRow {
    /// The public part, for `GET /v1/store`, with the FAQ already chosen for the shopper's language.
    pub fn config(&self, faq: Vec<FaqEntry>) -> StoreConfig {
        StoreConfig {
            name: self.name.clone(),
            default_locale: self.locale(),
            support: self.support(),
            faq,
        }
    }

    /// The store's default language (English when the stored tag is not supported).
    pub fn locale(&self) -> Locale {
        Locale::from_tag(&self.default_locale).unwrap_or_default()
    }

    /// How shoppers reach the store.
    pub fn support(&self) -> SupportContacts {
        SupportContacts {
            email: self.support_email.clone(),
            phone: self.support_phone.clone(),
            chat_url: self.support_chat_url.clone(),
        }
    }

    /// The thresholds `tracking::assess` applies to this store's parcels.
    pub fn policy(&self) -> TrackingPolicy {
        policy_of(self.stall_after_hours, self.expire_after_days)
    }
}

/// A [`TrackingPolicy`] from stored columns; values outside `u32` (never written by this
/// server) fall back to the defaults rather than failing every read.
pub fn policy_of(stall_after_hours: i64, expire_after_days: i64) -> TrackingPolicy {
    let d = TrackingPolicy::default();
    TrackingPolicy {
        stall_after_hours: u32::try_from(stall_after_hours).unwrap_or(d.stall_after_hours),
        expire_after_days: u32::try_from(expire_after_days).unwrap_or(d.expire_after_days),
    }
}

const COLUMNS: &str = "id, name, publishable_key, secret_key, default_locale, support_email, support_phone, support_chat_url, stall_after_hours, expire_after_days";

/// The store owning a publishable key.
pub async fn by_publishable_key(db: &Db, key: &str) -> Result<Option<StoreRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM stores WHERE publishable_key = $1"
    ))
    .bind(key)
    .fetch_optional(&db.pool)
    .await?)
}

/// The store with this row id (label links name the return, which names its store).
pub async fn by_id(db: &Db, id: i64) -> Result<Option<StoreRow>> {
    Ok(
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM stores WHERE id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// The store owning a secret key: found by the key's hash, then compared in constant time.
pub async fn by_secret_key(db: &Db, secret: &str) -> Result<Option<StoreRow>> {
    let row: Option<StoreRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM stores WHERE secret_key_hash = $1"
    ))
    .bind(crate::util::sha256_hex(secret))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.filter(|s| crate::util::constant_time_eq(s.secret_key.as_bytes(), secret.as_bytes())))
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
    let now = crate::util::now_ms();
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
    .bind(crate::util::sha256_hex(&s.secret_key))
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
        .ok_or_else(|| Error::internal("store vanished after upsert"))
}

/// The FAQ for a shopper's language: entries in `wanted`, else in the store's default
/// language, else in any language that has some (so a shopper never gets nothing when the
/// merchant wrote an FAQ at all).
pub async fn faq_for(db: &Db, store: &StoreRow, wanted: Locale) -> Result<Vec<FaqEntry>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT locale, question, answer FROM store_faq WHERE store_id = $1 ORDER BY locale, position, id",
    )
    .bind(store.id)
    .fetch_all(&db.pool)
    .await?;
    let pick = |tag: &str| -> Vec<FaqEntry> {
        rows.iter()
            .filter(|(l, _, _)| l == tag)
            .map(|(_, question, answer)| FaqEntry {
                question: question.clone(),
                answer: answer.clone(),
            })
            .collect()
    };
    for tag in [wanted.tag(), store.locale().tag()] {
        let entries = pick(tag);
        if !entries.is_empty() {
            return Ok(entries);
        }
    }
    Ok(rows
        .first()
        .map(|(tag, _, _)| pick(tag))
        .unwrap_or_default())
}

/// The store's settings document (thresholds, every FAQ entry, support contacts, the change
/// policy).
pub async fn settings(db: &Db, store: &StoreRow) -> Result<StoreSettings> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT locale, question, answer FROM store_faq WHERE store_id = $1 ORDER BY position, id",
    )
    .bind(store.id)
    .fetch_all(&db.pool)
    .await?;
    let faq = rows
        .into_iter()
        .map(|(locale, question, answer)| {
            let locale = Locale::from_tag(&locale)
                .ok_or_else(|| Error::internal(format!("stored FAQ locale {locale:?}")))?;
            Ok(LocalizedFaq {
                locale,
                question,
                answer,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut conn = db.pool.acquire().await?;
    Ok(StoreSettings {
        tracking_policy: store.policy(),
        faq,
        support: store.support(),
        changes: crate::repo::requests::policy(&mut conn, store.id).await?,
    })
}

/// Validate and replace a store's settings as a whole (the FAQ list is replaced, in order; the
/// change policy is stored with them).
pub async fn put_settings(db: &Db, store_id: i64, s: &StoreSettings) -> Result<()> {
    s.validate()?;
    let trimmed = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let now = crate::util::now_ms();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE stores SET stall_after_hours = $1, expire_after_days = $2, support_email = $3, \
         support_phone = $4, support_chat_url = $5, updated_at_ms = $6 WHERE id = $7",
    )
    .bind(i64::from(s.tracking_policy.stall_after_hours))
    .bind(i64::from(s.tracking_policy.expire_after_days))
    .bind(trimmed(&s.support.email))
    .bind(trimmed(&s.support.phone))
    .bind(trimmed(&s.support.chat_url))
    .bind(now)
    .bind(store_id)
    .execute(tx.conn())
    .await?;
    crate::repo::requests::put_policy(tx.conn(), store_id, &s.changes, now).await?;
    sqlx::query("DELETE FROM store_faq WHERE store_id = $1")
        .bind(store_id)
        .execute(tx.conn())
        .await?;
    for (position, entry) in s.faq.iter().enumerate() {
        sqlx::query(
            "INSERT INTO store_faq (store_id, locale, position, question, answer) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(store_id)
        .bind(entry.locale.tag())
        .bind(position as i64)
        .bind(entry.question.trim())
        .bind(entry.answer.trim())
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Which key of a store is replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// The publishable key (`pk_…`) in every embed snippet.
    Publishable,
    /// The secret key (`sk_…`) of the admin API and of every signed token and link.
    Secret,
}

/// Replace a key of store `store_id` with `new` (the old one stops working at once).
pub async fn rotate_key(db: &Db, store_id: i64, kind: KeyKind, new: &str) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let now = crate::util::now_ms();
    match kind {
        KeyKind::Publishable => {
            sqlx::query("UPDATE stores SET publishable_key = $1, updated_at_ms = $2 WHERE id = $3")
                .bind(new)
                .bind(now)
                .bind(store_id)
                .execute(tx.conn())
                .await?;
        }
        KeyKind::Secret => {
            sqlx::query(
                "UPDATE stores SET secret_key = $1, secret_key_hash = $2, updated_at_ms = $3 \
                 WHERE id = $4",
            )
            .bind(new)
            .bind(crate::util::sha256_hex(new))
            .bind(now)
            .bind(store_id)
            .execute(tx.conn())
            .await?;
        }
    }
    tx.commit().await
}

/// Replace the allowed origins of store `store_id` (each already checked with
/// `api::origin_issue`; duplicates are stored once).
pub async fn put_origins(db: &Db, store_id: i64, origins: &[String]) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM store_origins WHERE store_id = $1")
        .bind(store_id)
        .execute(tx.conn())
        .await?;
    for origin in origins {
        sqlx::query(
            "INSERT INTO store_origins (store_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(store_id)
        .bind(origin)
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await
}
