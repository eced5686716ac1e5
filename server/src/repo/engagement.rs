//! Opens and clicks counted for the store's emails (issue #16), and the report per template.
//! A count is kept only for a message of the store that was sent, to an address that still
//! lets the store count ([`Topic::EmailTracking`]): turning counting off stops it at once, for
//! messages already in the inbox too.

use super::consent;
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::{EmailEngagement, TemplateEngagement, Topic};
use aftercare_shared::{Email, Timestamp};

/// What was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engagement {
    /// The open pixel loaded.
    Open,
    /// A link followed.
    Click,
}

impl Engagement {
    fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Click => "click",
        }
    }
}

/// Count `what` for message `outbox_id` of store `store_id`; answers whether it was counted
/// (not for another store's message, one never sent, or an address that turned counting off).
pub async fn record(
    db: &Db,
    store_id: i64,
    outbox_id: i64,
    what: Engagement,
    now_ms: i64,
) -> Result<bool> {
    let row: Option<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT recipient, template, kind FROM email_outbox \
         WHERE id = $1 AND store_id = $2 AND status = 'sent'",
    )
    .bind(outbox_id)
    .bind(store_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some((recipient, template, kind)) = row else {
        return Ok(false);
    };
    let Ok(email) = Email::parse(&recipient) else {
        return Ok(false);
    };
    let mut tx = db.begin_write().await?;
    if !consent::allows(tx.conn(), store_id, &email, Topic::EmailTracking).await? {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO email_events (store_id, outbox_id, template, kind, at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(store_id)
    .bind(outbox_id)
    .bind(template.unwrap_or(kind))
    .bind(what.as_str())
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Per template, the messages sent since `since_ms` and what was counted for them, most sent
/// first (then by name).
pub async fn report(
    db: &Db,
    store_id: i64,
    since_ms: i64,
    opens_counted: bool,
) -> Result<EmailEngagement> {
    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
        // Sums are cast back: PostgreSQL sums BIGINTs as NUMERIC.
        "SELECT COALESCE(o.template, o.kind) AS t, COUNT(*), \
         CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM email_events e \
           WHERE e.outbox_id = o.id AND e.kind = 'open') THEN 1 ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM email_events e \
           WHERE e.outbox_id = o.id AND e.kind = 'click') THEN 1 ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM((SELECT COUNT(*) FROM email_events e \
           WHERE e.outbox_id = o.id AND e.kind = 'click')), 0) AS BIGINT) \
         FROM email_outbox o WHERE o.store_id = $1 AND o.status = 'sent' AND o.created_at_ms >= $2 \
         GROUP BY COALESCE(o.template, o.kind) ORDER BY COUNT(*) DESC, t",
    )
    .bind(store_id)
    .bind(since_ms)
    .fetch_all(&db.pool)
    .await?;
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(EmailEngagement {
        since: Timestamp::from_utc_ms(since_ms, 0),
        opens_counted,
        templates: rows
            .into_iter()
            .map(
                |(template, sent, opened, clicked, clicks)| TemplateEngagement {
                    template,
                    sent: n(sent),
                    opened: n(opened),
                    clicked: n(clicked),
                    clicks: n(clicks),
                },
            )
            .collect(),
    })
}
