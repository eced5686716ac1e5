//! Shoppers' answers: checked, tied to the order they are about (when it is theirs),
//! written idempotently by their client-generated id, followed up by the merchant; and the
//! seeded answers of the demo store.

use super::history::{valid_visit_id, Subject};
use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{SurveyResponse, SurveyResponseInput};
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::validate::Problems;
use aftercare_shared::{FieldIssue, OrderNumber, Timestamp};
use sqlx::AnyConnection;

/// Longest comment a shopper may write.
pub const MAX_COMMENT: usize = aftercare_shared::api::MAX_SURVEY_COMMENT;

/// Whether a client-generated response id is acceptable: 8–64 of `[A-Za-z0-9_-]`.
pub fn valid_response_id(id: &str) -> bool {
    (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The outcome of a response `PUT`.
#[derive(Debug, Clone)]
pub struct PutResponse {
    /// A new row was written (else an existing one was updated).
    pub created: bool,
    /// The stored response.
    pub response: SurveyResponse,
}

/// The columns [`SurveyResponse`] is read from.
pub(crate) const RESPONSE_COLUMNS: &str =
    "id, kind, score, comment, wants_contact, order_number, created_at_ms, updated_at_ms";

pub(crate) type ResponseRow = (
    String,
    String,
    i64,
    Option<String>,
    i64,
    Option<String>,
    i64,
    i64,
);

pub(crate) fn response_of(row: ResponseRow) -> Result<SurveyResponse> {
    let (id, kind, score, comment, wants_contact, order_number, created, updated) = row;
    let kind = SurveyKind::from_wire(&kind)
        .ok_or_else(|| Error::internal(format!("stored survey kind {kind:?}")))?;
    let score = kind
        .score(score)
        .map_err(|_| Error::internal(format!("stored survey score {score}")))?;
    Ok(SurveyResponse {
        id,
        kind,
        score: score.value(),
        category: score.category(),
        comment,
        wants_contact: wants_contact != 0,
        order_number: order_number.and_then(|n| OrderNumber::parse(&n).ok()),
        created_at: Timestamp::from_utc_ms(created, 0),
        updated_at: Timestamp::from_utc_ms(updated, 0),
    })
}

/// Check a response body, all problems at once; the trimmed comment when valid.
pub fn validate_response(id: &str, input: &SurveyResponseInput) -> Result<Option<String>> {
    let mut p = Problems::default();
    if !valid_response_id(id) {
        p.add("id", FieldIssue::InvalidFormat);
    }
    p.check("score", input.kind.score(i64::from(input.score)));
    let comment = input
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    p.optional_text("comment", comment, MAX_COMMENT);
    if input.visit_id.is_empty() {
        p.add("visit_id", FieldIssue::Required);
    } else if !valid_visit_id(&input.visit_id) {
        p.add("visit_id", FieldIssue::InvalidFormat);
    }
    if let Some(n) = &input.order_number {
        p.check("order_number", OrderNumber::parse(n));
    }
    p.finish()?;
    Ok(comment.map(str::to_owned))
}

/// The order a response is about, checked against the subject: (order id, number, email).
async fn resolve_order(
    conn: &mut AnyConnection,
    store_id: i64,
    subject: &Subject,
    requested: Option<&str>,
) -> Result<Option<(i64, String, String)>> {
    let requested = requested
        .map(OrderNumber::parse)
        .transpose()
        .map_err(|issue| {
            Error::field("order_number", issue, "order_number is not an order number")
        })?;
    let number = match (subject, requested) {
        (Subject::Order(own), Some(n)) if *own != n => None,
        (Subject::Order(own), _) => Some(own.clone()),
        (Subject::Customer(_), None) => return Ok(None),
        (Subject::Customer(_), Some(n)) => Some(n),
    };
    let unknown = || {
        Error::field(
            "order_number",
            FieldIssue::UnknownReference,
            "order_number is not one of your orders",
        )
    };
    let number = number.ok_or_else(unknown)?;
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT o.id, o.email_normalized, c.external_id FROM orders o \
         LEFT JOIN customers c ON c.id = o.customer_id WHERE o.store_id = $1 AND o.order_number = $2",
    )
    .bind(store_id)
    .bind(number.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match (subject, row) {
        (Subject::Customer(me), Some((id, email, Some(owner)))) if *me == owner => {
            Ok(Some((id, number.as_str().to_owned(), email)))
        }
        (Subject::Order(_), Some((id, email, _))) => {
            Ok(Some((id, number.as_str().to_owned(), email)))
        }
        (Subject::Order(_), None) => Ok(None),
        _ => Err(unknown()),
    }
}

/// Create or update response `id` for `subject` at `now_ms`. The same id from another subject
/// is `NotFound`; concurrent calls with one id write one row (insert-or-nothing on the key).
pub async fn put_response(
    db: &Db,
    store_id: i64,
    subject: &Subject,
    id: &str,
    input: &SurveyResponseInput,
    now_ms: i64,
) -> Result<PutResponse> {
    let comment = validate_response(id, input)?;
    let score = input
        .kind
        .score(i64::from(input.score))
        .map_err(|issue| Error::field("score", issue, "score is out of range"))?;
    let key = subject.key();
    let (customer_id, customer_email) = match subject {
        Subject::Customer(ext) => {
            let row: Option<(i64, String)> = sqlx::query_as(
                "SELECT id, email FROM customers WHERE store_id = $1 AND external_id = $2",
            )
            .bind(store_id)
            .bind(ext)
            .fetch_optional(&db.pool)
            .await?;
            (row.as_ref().map(|r| r.0), row.map(|r| r.1))
        }
        Subject::Order(_) => (None, None),
    };
    let order = {
        let mut conn = db.pool.acquire().await?;
        resolve_order(&mut conn, store_id, subject, input.order_number.as_deref()).await?
    };
    let (order_id, order_number, order_email) = match order {
        Some((id, n, e)) => (Some(id), Some(n), Some(e)),
        None => (None, None, None),
    };
    let email = order_email.or(customer_email);
    let wants = i64::from(input.wants_contact);

    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO survey_responses (store_id, id, subject_key, customer_id, order_id, order_number, \
         email, kind, score, category, comment, wants_contact, visit_id, created_at_ms, updated_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) \
         ON CONFLICT (store_id, id) DO NOTHING",
    )
    .bind(store_id)
    .bind(id)
    .bind(&key)
    .bind(customer_id)
    .bind(order_id)
    .bind(&order_number)
    .bind(&email)
    .bind(input.kind.as_str())
    .bind(i64::from(score.value()))
    .bind(score.category().as_str())
    .bind(&comment)
    .bind(wants)
    .bind(&input.visit_id)
    .bind(now_ms)
    .execute(tx.conn())
    .await?
    .rows_affected()
        == 1;
    if !inserted {
        let (owner, kind): (String, String) = sqlx::query_as(
            "SELECT subject_key, kind FROM survey_responses WHERE store_id = $1 AND id = $2",
        )
        .bind(store_id)
        .bind(id)
        .fetch_one(tx.conn())
        .await?;
        if owner != key {
            return Err(Error::NotFound);
        }
        if kind != input.kind.as_str() {
            return Err(Error::Conflict(
                "This response was saved for another survey: kind cannot change once a \
                 response is saved."
                    .into(),
            ));
        }
        sqlx::query(
            "UPDATE survey_responses SET score = $1, category = $2, comment = $3, wants_contact = $4, \
             order_id = COALESCE($5, order_id), order_number = COALESCE($6, order_number), \
             email = COALESCE($7, email), updated_at_ms = $8 \
             WHERE store_id = $9 AND id = $10 AND subject_key = $11",
        )
        .bind(i64::from(score.value()))
        .bind(score.category().as_str())
        .bind(&comment)
        .bind(wants)
        .bind(order_id)
        .bind(&order_number)
        .bind(&email)
        .bind(now_ms)
        .bind(store_id)
        .bind(id)
        .bind(&key)
        .execute(tx.conn())
        .await?;
    }
    let row: ResponseRow = sqlx::query_as(&format!(
        "SELECT {RESPONSE_COLUMNS} FROM survey_responses WHERE store_id = $1 AND id = $2"
    ))
    .bind(store_id)
    .bind(id)
    .fetch_one(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(PutResponse {
        created: inserted,
        response: response_of(row)?,
    })
}

/// Mark a response followed up (the first time is kept); `None` when there is no such response.
pub async fn mark_followed_up(
    db: &Db,
    store_id: i64,
    id: &str,
    now_ms: i64,
) -> Result<Option<i64>> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE survey_responses SET followed_up_at_ms = COALESCE(followed_up_at_ms, $1) \
         WHERE store_id = $2 AND id = $3",
    )
    .bind(now_ms)
    .bind(store_id)
    .bind(id)
    .execute(tx.conn())
    .await?;
    let at: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT followed_up_at_ms FROM survey_responses WHERE store_id = $1 AND id = $2",
    )
    .bind(store_id)
    .bind(id)
    .fetch_optional(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(at.flatten())
}

/// A seeded response (demo data), written or refreshed by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedResponse {
    /// Fixed id, so re-seeding replaces instead of duplicating.
    pub id: String,
    /// Subject key.
    pub subject_key: String,
    /// Survey kind.
    pub kind: SurveyKind,
    /// Score on the kind's scale.
    pub score: u8,
    /// Comment.
    pub comment: Option<String>,
    /// Asked to be contacted.
    pub wants_contact: bool,
    /// Followed up at.
    pub followed_up_at_ms: Option<i64>,
    /// Order number it is about.
    pub order_number: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// When given.
    pub created_at_ms: i64,
}

/// Write or refresh seeded responses (idempotent by id).
pub async fn upsert_seed_responses(db: &Db, store_id: i64, list: &[SeedResponse]) -> Result<()> {
    let mut tx = db.begin_write().await?;
    for r in list {
        let score = r
            .kind
            .score(i64::from(r.score))
            .map_err(|_| Error::internal(format!("seed score {}", r.score)))?;
        sqlx::query(
            "INSERT INTO survey_responses (store_id, id, subject_key, order_number, email, kind, score, \
             category, comment, wants_contact, followed_up_at_ms, visit_id, created_at_ms, updated_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) \
             ON CONFLICT (store_id, id) DO UPDATE SET subject_key = excluded.subject_key, \
             order_number = excluded.order_number, email = excluded.email, kind = excluded.kind, \
             score = excluded.score, category = excluded.category, comment = excluded.comment, \
             wants_contact = excluded.wants_contact, followed_up_at_ms = excluded.followed_up_at_ms, \
             created_at_ms = excluded.created_at_ms, updated_at_ms = excluded.updated_at_ms",
        )
        .bind(store_id)
        .bind(&r.id)
        .bind(&r.subject_key)
        .bind(&r.order_number)
        .bind(&r.email)
        .bind(r.kind.as_str())
        .bind(i64::from(score.value()))
        .bind(score.category().as_str())
        .bind(&r.comment)
        .bind(i64::from(r.wants_contact))
        .bind(r.followed_up_at_ms)
        .bind(format!("seed-visit-{}", r.id))
        .bind(r.created_at_ms)
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::settings::{default_text, personalise};
    use super::*;
    use aftercare_shared::Locale;

    #[test]
    fn ids_and_defaults() {
        assert!(valid_response_id("resp_1234"));
        assert!(!valid_response_id("short"));
        assert!(!valid_response_id("has space here"));
        assert!(!valid_response_id(&"x".repeat(65)));
        assert!(valid_visit_id("visit-1234"));
        assert!(!valid_visit_id("v i s i t 1"));
        assert_eq!(
            personalise(
                &default_text(SurveyKind::Nps, Locale::Es).question,
                "Aurora Outfitters"
            ),
            "¿Qué probabilidad hay de que recomiendes Aurora Outfitters a un amigo?"
        );
        assert_eq!(Subject::Customer("cus_x".into()).key(), "customer:cus_x");
    }
}
