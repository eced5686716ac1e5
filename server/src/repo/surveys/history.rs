//! Who a survey is about and what they have seen: displays, "not now"s, whether they turned
//! surveys off in their communication preferences, and the [`SurveyHistory`] that
//! `shared::survey::eligibility` decides on.

use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::Topic;
use aftercare_shared::survey::{sample_bucket, SurveyHistory, SurveyKind};
use aftercare_shared::{OrderNumber, Timestamp};

/// Whom a survey decision is about: a logged-in customer or a guest's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The merchant's customer id (customer token).
    Customer(String),
    /// The order a guest session speaks for.
    Order(OrderNumber),
}

impl Subject {
    /// The stored key: `customer:<external id>` or `order:<order number>`.
    pub fn key(&self) -> String {
        match self {
            Self::Customer(id) => format!("customer:{id}"),
            Self::Order(n) => format!("order:{}", n.as_str()),
        }
    }
}
/// Everything `eligibility` needs about `subject` and `kind`, as stored now.
pub async fn history(
    db: &Db,
    store_id: i64,
    subject: &Subject,
    kind: SurveyKind,
    visit_id: &str,
) -> Result<SurveyHistory> {
    let key = subject.key();
    let mut conn = db.pool.acquire().await?;
    let delivered: Option<i64> = match subject {
        Subject::Customer(id) => {
            sqlx::query_scalar(
                "SELECT MIN(e.occurred_at_ms) FROM tracking_events e \
             JOIN shipments s ON s.id = e.shipment_id JOIN orders o ON o.id = s.order_id \
             JOIN customers c ON c.id = o.customer_id \
             WHERE o.store_id = $1 AND c.external_id = $2 AND e.status = 'delivered'",
            )
            .bind(store_id)
            .bind(id)
            .fetch_one(&mut *conn)
            .await?
        }
        Subject::Order(number) => {
            sqlx::query_scalar(
                "SELECT MIN(e.occurred_at_ms) FROM tracking_events e \
             JOIN shipments s ON s.id = e.shipment_id JOIN orders o ON o.id = s.order_id \
             WHERE o.store_id = $1 AND o.order_number = $2 AND e.status = 'delivered'",
            )
            .bind(store_id)
            .bind(number.as_str())
            .fetch_one(&mut *conn)
            .await?
        }
    };
    let last_response: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(created_at_ms) FROM survey_responses \
         WHERE store_id = $1 AND subject_key = $2 AND kind = $3",
    )
    .bind(store_id)
    .bind(&key)
    .bind(kind.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let (last_dismissal, dismissals): (Option<i64>, i64) = sqlx::query_as(
        "SELECT MAX(dismissed_at_ms), COUNT(*) FROM survey_dismissals \
         WHERE store_id = $1 AND subject_key = $2 AND kind = $3 AND dismissed_at_ms > $4",
    )
    .bind(store_id)
    .bind(&key)
    .bind(kind.as_str())
    .bind(last_response.unwrap_or(i64::MIN))
    .fetch_one(&mut *conn)
    .await?;
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM survey_displays \
         WHERE store_id = $1 AND subject_key = $2 AND visit_id = $3 AND kind <> $4",
    )
    .bind(store_id)
    .bind(&key)
    .bind(visit_id)
    .bind(kind.as_str())
    .fetch_one(&mut *conn)
    .await?;
    // Guests (an order session) have no preferences; customers may have turned surveys off.
    let opted_out = match subject {
        Subject::Customer(id) => !crate::repo::preferences::preferences(&mut conn, store_id, id)
            .await?
            .allows(Topic::Surveys),
        Subject::Order(_) => false,
    };
    let ts = |ms: i64| Timestamp::from_utc_ms(ms, 0);
    Ok(SurveyHistory {
        first_delivered_at: delivered.map(ts),
        last_response_at: last_response.map(ts),
        last_dismissal: last_dismissal.map(|d| (ts(d), u32::try_from(dismissals).unwrap_or(1))),
        other_survey_this_visit: others > 0,
        sample_bucket: sample_bucket(&key, kind),
        opted_out,
    })
}

/// Record that `kind` was shown to `subject_key` in `visit_id` (once per visit and kind).
pub async fn record_display(
    db: &Db,
    store_id: i64,
    subject_key: &str,
    kind: SurveyKind,
    visit_id: &str,
    at_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO survey_displays (store_id, subject_key, kind, visit_id, shown_at_ms) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (store_id, subject_key, visit_id, kind) DO NOTHING",
    )
    .bind(store_id)
    .bind(subject_key)
    .bind(kind.as_str())
    .bind(visit_id)
    .bind(at_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Record a "not now".
pub async fn record_dismissal(
    db: &Db,
    store_id: i64,
    subject_key: &str,
    kind: SurveyKind,
    visit_id: &str,
    at_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO survey_dismissals (store_id, subject_key, kind, visit_id, dismissed_at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(store_id)
    .bind(subject_key)
    .bind(kind.as_str())
    .bind(visit_id)
    .bind(at_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a visit id is acceptable: 8–64 visible ASCII characters.
pub fn valid_visit_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_graphic())
}
