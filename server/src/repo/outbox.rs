//! The email outbox: messages written in the transaction of the change that makes them due,
//! then claimed, sent and marked by the sender (`crate::mail`). At least once: a claim is a
//! lease, so a sender that dies mid-send leaves the row to be claimed again when it runs out.

use crate::db::{Backend, Db};
use crate::error::{Error, Result};
use aftercare_shared::api::{EmailHold, PendingReview, ReturnDetail, SurveyText, Topic};
use aftercare_shared::notify::{Consent, ParcelNews, ReturnNews};
use aftercare_shared::order::Order;
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Locale;
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

/// How long a claimed message is left to its sender before another may take it.
pub const LEASE_MS: i64 = 2 * 60_000;
/// Attempts before a message is marked failed: with [`backoff_ms`], about three days.
pub const MAX_ATTEMPTS: i64 = 20;

/// What a message is, with what it renders from (kept as JSON in the row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Letter {
    /// The EU withdrawal confirmation (transactional: sent whatever the preferences).
    WithdrawalConfirmed {
        /// `WD-…`.
        reference: String,
        /// The order's number.
        order_number: String,
        /// When it was recorded (unix ms).
        confirmed_at_ms: i64,
        /// The declaration as recorded.
        statement: String,
    },
    /// The order confirmation (transactional).
    OrderConfirmed {
        /// The order as stored when it was placed.
        order: Box<Order>,
        /// The customer's first order with the store.
        first: bool,
    },
    /// A parcel's news (optional: a shipping update).
    Parcel {
        /// What happened.
        news: ParcelNews,
        /// The order as stored when it happened (its parcels assessed then).
        order: Box<Order>,
        /// Which of its parcels.
        shipment_id: i64,
        /// When it was found (unix ms).
        at_ms: i64,
    },
    /// A return's news (transactional).
    Return {
        /// What happened.
        news: ReturnNews,
        /// The return as the shopper saw it then (links are added when sending).
        detail: Box<ReturnDetail>,
    },
    /// An invitation to review delivered items (optional: review requests).
    ReviewRequest {
        /// The items, as the customer's pending list had them (order, picture, reward).
        items: Vec<PendingReview>,
        /// Whether one of them was asked about before.
        reminder: bool,
    },
    /// "We miss you", once per lapse (optional: offers, which customers turn on themselves).
    WeMissYou {
        /// The customer's last order as stored when the message was written.
        order: Box<Order>,
    },
    /// An invitation to a survey about a delivered order (optional: surveys).
    SurveyInvite {
        /// Which survey (not `kind`: that names the letter).
        survey: SurveyKind,
        /// The order its links answer about.
        order_number: String,
        /// The question and end labels as the store worded them, in the letter's language,
        /// when the invitation was written.
        text: SurveyText,
    },
    /// "Your data is ready" (transactional: the customer asked for it).
    DataExportReady {
        /// The customer's id (the download link is minted for them when the message goes).
        customer: String,
        /// When they asked (unix ms).
        asked_at_ms: i64,
    },
}

impl Letter {
    /// The stored kind (`withdrawal_confirmed`).
    pub fn kind(&self) -> &'static str {
        match self {
            Letter::WithdrawalConfirmed { .. } => "withdrawal_confirmed",
            Letter::OrderConfirmed { .. } => "order_confirmed",
            Letter::Parcel { .. } => "parcel",
            Letter::Return { .. } => "return",
            Letter::ReviewRequest { .. } => "review_request",
            Letter::WeMissYou { .. } => "we_miss_you",
            Letter::SurveyInvite { .. } => "survey_invite",
            Letter::DataExportReady { .. } => "data_export_ready",
        }
    }

    /// Its template, the name engagement is counted under: finer than [`Self::kind`] where one
    /// kind reads differently (each parcel news, a first order's welcome, a reminder).
    pub fn template(&self) -> &'static str {
        match self {
            Letter::WithdrawalConfirmed { .. } => "withdrawal_confirmed",
            Letter::OrderConfirmed { first: true, .. } => "order_welcome",
            Letter::OrderConfirmed { first: false, .. } => "order_confirmed",
            Letter::Parcel { news, .. } => match news {
                ParcelNews::Shipped => "parcel_shipped",
                ParcelNews::OutForDelivery => "parcel_out_for_delivery",
                ParcelNews::ReadyForPickup => "parcel_ready_for_pickup",
                ParcelNews::Delivered => "parcel_delivered",
                ParcelNews::Problem => "parcel_problem",
                ParcelNews::Delayed => "parcel_delayed",
                ParcelNews::Stalled => "parcel_stalled",
            },
            Letter::Return {
                news: ReturnNews::Created,
                ..
            } => "return_created",
            Letter::Return { .. } => "return_status",
            Letter::ReviewRequest {
                reminder: false, ..
            } => "review_request",
            Letter::ReviewRequest { reminder: true, .. } => "review_reminder",
            Letter::WeMissYou { .. } => "we_miss_you",
            Letter::SurveyInvite { .. } => "survey_invite",
            Letter::DataExportReady { .. } => "data_export_ready",
        }
    }

    /// Whether the shopper's choices may hold it back ([`Consent`]).
    pub fn consent(&self) -> Consent {
        match self {
            Letter::WithdrawalConfirmed { .. }
            | Letter::OrderConfirmed { .. }
            | Letter::Return { .. }
            | Letter::DataExportReady { .. } => Consent::Always,
            Letter::Parcel { news, .. } => news.consent(),
            Letter::ReviewRequest { .. } => Consent::Topic(Topic::ReviewRequests),
            Letter::WeMissYou { .. } => Consent::Topic(Topic::Offers),
            Letter::SurveyInvite { .. } => Consent::Topic(Topic::Surveys),
        }
    }
}

/// One message taken from the outbox to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    /// Its row.
    pub id: i64,
    /// Its store.
    pub store_id: i64,
    /// Who it goes to.
    pub recipient: String,
    /// Its language.
    pub locale: Locale,
    /// What it says.
    pub letter: Letter,
    /// Its `Message-ID` (with the angle brackets).
    pub message_id: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// Put `letter` for `recipient` into the outbox, on `conn` (the caller's transaction). With a
/// `news` key, a message about news already written for this store is not written again;
/// answers whether it was written.
pub async fn enqueue(
    conn: &mut AnyConnection,
    store_id: i64,
    recipient: &str,
    locale: Locale,
    letter: &Letter,
    news: Option<&str>,
    now_ms: i64,
) -> Result<bool> {
    let payload = serde_json::to_string(letter)
        .map_err(|e| Error::internal(format!("outbox payload: {e}")))?;
    let message_id = format!(
        "<{:016x}{:016x}.{store_id}@aftercare>",
        fastrand::u64(..),
        fastrand::u64(..)
    );
    let done = sqlx::query(
        "INSERT INTO email_outbox (store_id, kind, recipient, locale, payload, message_id, \
         next_attempt_ms, created_at_ms, dedupe_key, topic, template) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (store_id, dedupe_key) DO NOTHING",
    )
    .bind(store_id)
    .bind(letter.kind())
    .bind(recipient)
    .bind(locale.tag())
    .bind(payload)
    .bind(message_id)
    .bind(now_ms)
    .bind(now_ms)
    .bind(news)
    .bind(match letter.consent() {
        Consent::Always => None,
        Consent::Topic(t) => Some(t.as_str()),
    })
    .bind(letter.template())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Take up to `limit` due messages, leasing each for [`LEASE_MS`].
pub async fn claim(db: &Db, now_ms: i64, limit: i64) -> Result<Vec<Claimed>> {
    let lock = match db.backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let mut tx = db.begin_write().await?;
    let rows: Vec<(i64, i64, String, String, String, String, i64)> = sqlx::query_as(&format!(
        "UPDATE email_outbox SET next_attempt_ms = $1, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM email_outbox WHERE status = 'queued' \
         AND next_attempt_ms <= $2 ORDER BY next_attempt_ms, id LIMIT $3{lock}) \
         RETURNING id, store_id, recipient, locale, payload, message_id, attempts"
    ))
    .bind(now_ms + LEASE_MS)
    .bind(now_ms)
    .bind(limit)
    .fetch_all(tx.conn())
    .await?;
    tx.commit().await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, store_id, recipient, locale, payload, message_id, attempts) in rows {
        let letter = serde_json::from_str(&payload)
            .map_err(|e| Error::internal(format!("outbox row {id}: {e}")))?;
        let locale = Locale::from_tag(&locale).unwrap_or(Locale::En);
        out.push(Claimed {
            id,
            store_id,
            recipient,
            locale,
            letter,
            message_id,
            attempts,
        });
    }
    Ok(out)
}

/// The wait before attempt `attempts + 1`: one minute doubling to six hours, ±20 %.
pub fn backoff_ms(attempts: i64) -> i64 {
    let base = 60_000i64.saturating_mul(1 << attempts.clamp(1, 10).saturating_sub(1));
    let capped = base.min(6 * 3_600_000);
    let jitter = (capped / 5) as f64 * (fastrand::f64() * 2.0 - 1.0);
    capped + jitter as i64
}

/// Mark a message sent.
pub async fn sent(db: &Db, id: i64, now_ms: i64) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE email_outbox SET status = 'sent', sent_at_ms = $1, last_error = NULL, hold = NULL \
         WHERE id = $2",
    )
    .bind(now_ms)
    .bind(id)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Record a failed attempt: try again after [`backoff_ms`], or mark the message failed after
/// [`MAX_ATTEMPTS`].
pub async fn retry(db: &Db, c: &Claimed, error: &str, now_ms: i64) -> Result<()> {
    let status = if c.attempts >= MAX_ATTEMPTS {
        "failed"
    } else {
        "queued"
    };
    let error: String = error.chars().take(500).collect();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE email_outbox SET status = $1, last_error = $2, next_attempt_ms = $3, \
         hold = 'retry' WHERE id = $4",
    )
    .bind(status)
    .bind(error)
    .bind(now_ms + backoff_ms(c.attempts))
    .bind(c.id)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Mark a message not sent because the shopper turned its topic off since it was written:
/// `why` says so to the merchant.
pub async fn skipped(db: &Db, id: i64, why: &str) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE email_outbox SET status = 'skipped', last_error = $1 WHERE id = $2")
        .bind(why)
        .bind(id)
        .execute(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Put a claimed message back until `at_ms` because the store's calendar holds it (`hold`):
/// not an attempt, so it does not count towards [`MAX_ATTEMPTS`].
pub async fn defer(db: &Db, id: i64, at_ms: i64, hold: EmailHold) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE email_outbox SET next_attempt_ms = $1, hold = $2, \
         attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE id = $3",
    )
    .bind(at_ms)
    .bind(hold.as_str())
    .bind(id)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A waiting message as the plan lists it: row, recipient, kind, topic, due, hold, attempts.
pub type PlanRow = (
    i64,
    String,
    String,
    Option<String>,
    i64,
    Option<String>,
    i64,
);

/// The store's waiting messages, soonest first (at most `limit`), and how many wait in all.
pub async fn plan(db: &Db, store_id: i64, limit: i64) -> Result<(Vec<PlanRow>, i64)> {
    let rows = sqlx::query_as(
        "SELECT id, recipient, kind, topic, next_attempt_ms, hold, attempts FROM email_outbox \
         WHERE store_id = $1 AND status = 'queued' ORDER BY next_attempt_ms, id LIMIT $2",
    )
    .bind(store_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let total = sqlx::query_scalar(
        "SELECT COUNT(*) FROM email_outbox WHERE store_id = $1 AND status = 'queued'",
    )
    .bind(store_id)
    .fetch_one(&db.pool)
    .await?;
    Ok((rows, total))
}

/// Messages still to send (due now or waiting out a backoff), for the queue gauge.
pub async fn queued(db: &Db) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE status = 'queued'")
            .fetch_one(&db.pool)
            .await?,
    )
}

/// One outbox row as the demo's outbox page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its row.
    pub id: i64,
    /// Its store.
    pub store_id: i64,
    /// Who it goes to.
    pub recipient: String,
    /// Its language.
    pub locale: Locale,
    /// What it says.
    pub letter: Letter,
    /// `queued`, `sent`, `failed` or `skipped`.
    pub status: String,
    /// Why the last attempt failed, or why the message was held back.
    pub last_error: Option<String>,
    /// Attempts so far.
    pub attempts: i64,
    /// When it was written (unix ms).
    pub created_at_ms: i64,
}

/// The store's newest `limit` messages, newest first.
pub async fn recent(db: &Db, store_id: i64, limit: i64) -> Result<Vec<Row>> {
    let rows: Vec<RawRow> = sqlx::query_as(
        "SELECT id, recipient, locale, payload, status, last_error, attempts, created_at_ms \
         FROM email_outbox WHERE store_id = $1 ORDER BY created_at_ms DESC, id DESC LIMIT $2",
    )
    .bind(store_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows_of(store_id, rows)
}

/// The store's message `id`, if it has one.
pub async fn one(db: &Db, store_id: i64, id: i64) -> Result<Option<Row>> {
    let rows: Vec<RawRow> = sqlx::query_as(
        "SELECT id, recipient, locale, payload, status, last_error, attempts, created_at_ms \
         FROM email_outbox WHERE store_id = $1 AND id = $2",
    )
    .bind(store_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows_of(store_id, rows)?.into_iter().next())
}

/// A row as read: id, recipient, locale, payload, status, last error, attempts, created.
type RawRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
);

fn rows_of(store_id: i64, rows: Vec<RawRow>) -> Result<Vec<Row>> {
    rows.into_iter()
        .map(
            |(id, recipient, locale, payload, status, last_error, attempts, created_at_ms)| {
                Ok(Row {
                    id,
                    store_id,
                    recipient,
                    locale: Locale::from_tag(&locale).unwrap_or(Locale::En),
                    letter: serde_json::from_str(&payload)
                        .map_err(|e| Error::internal(format!("outbox row {id}: {e}")))?,
                    status,
                    last_error,
                    attempts,
                    created_at_ms,
                })
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_minute_to_six_hours_and_spans_about_three_days() {
        for _ in 0..50 {
            let first = backoff_ms(1);
            assert!((48_000..=72_000).contains(&first), "{first}");
            let late = backoff_ms(15);
            assert!((17_280_000..=25_920_000).contains(&late), "{late}");
        }
        let nominal: i64 = (1..MAX_ATTEMPTS)
            .map(|a| (60_000i64 << (a.clamp(1, 10) - 1)).min(6 * 3_600_000))
            .sum();
        let days = nominal as f64 / 86_400_000.0;
        assert!((2.5..=3.5).contains(&days), "{days} days");
    }

    #[test]
    fn letters_keep_their_kind_in_the_payload() {
        let l = Letter::WithdrawalConfirmed {
            reference: "WD-1".into(),
            order_number: "1042".into(),
            confirmed_at_ms: 1,
            statement: "I withdraw.".into(),
        };
        let json = serde_json::to_value(&l).unwrap();
        assert_eq!(json["kind"], l.kind());
        assert_eq!(serde_json::from_value::<Letter>(json).unwrap(), l);
    }
}
