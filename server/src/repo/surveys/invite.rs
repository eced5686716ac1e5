//! Survey invitations by email (issue #16): once an hour, in every store that turned email
//! invitations on for a survey, each customer the shared rule says may be asked now
//! ([`email_invite_due`]: the card's own rule, and no invitation within the store's recontact
//! wait) is written one invitation about their latest delivered order. The invitation is
//! recorded in the same transaction as the message, keyed per customer and day, so two
//! instances never both write it. Guests are never invited, nor an address whose surveys are
//! turned off; the sender asks again when it sends.

use super::history::{history, Subject};
use super::settings::{rules, text_for};
use crate::db::Db;
use crate::error::Result;
use crate::repo::consent;
use crate::repo::outbox::{self, Letter};
use crate::repo::stores::{self, StoreRow};
use aftercare_shared::api::Topic;
use aftercare_shared::survey::{email_invite_due, SurveyKind};
use aftercare_shared::{Email, Locale};
use std::time::Duration;

/// How often the server looks for customers to invite.
pub const SURVEY_INVITE_EVERY: Duration = Duration::from_secs(60 * 60);
/// The visit id history is asked with: no visit, so "one survey per visit" never applies.
const NO_VISIT: &str = "email-invitation";
const DAY_MS: i64 = 86_400_000;

/// Invite every customer due a survey invitation now; answers how many were written.
pub async fn invitations(db: &Db, now_ms: i64) -> Result<usize> {
    let on: Vec<(i64, String)> = sqlx::query_as(
        "SELECT store_id, kind FROM survey_settings WHERE email_invitations <> 0 \
         ORDER BY store_id, kind",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut written = 0;
    for (store_id, kind) in on {
        let Some(kind) = SurveyKind::from_wire(&kind) else {
            continue;
        };
        let Some(store) = stores::by_id(db, store_id).await? else {
            continue;
        };
        let r = rules(db, store_id, kind).await?;
        let ready_before = now_ms - i64::from(r.days_after_first_delivery) * DAY_MS;
        // Customers with a delivery old enough; the rule decides the rest.
        let customers: Vec<(i64, String)> = sqlx::query_as(
            "SELECT DISTINCT c.id, c.external_id FROM customers c \
             JOIN orders o ON o.customer_id = c.id JOIN shipments s ON s.order_id = o.id \
             JOIN tracking_events e ON e.shipment_id = s.id \
             WHERE c.store_id = $1 AND e.status = 'delivered' AND e.occurred_at_ms <= $2 \
             ORDER BY c.id",
        )
        .bind(store_id)
        .bind(ready_before)
        .fetch_all(&db.pool)
        .await?;
        for (cid, external) in customers {
            let subject = Subject::Customer(external);
            let h = history(db, store_id, &subject, kind, NO_VISIT).await?;
            let last: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(invited_at_ms) FROM survey_invitations \
                 WHERE store_id = $1 AND subject_key = $2 AND kind = $3",
            )
            .bind(store_id)
            .bind(subject.key())
            .bind(kind.as_str())
            .fetch_one(&db.pool)
            .await?;
            if !email_invite_due(&r, &h, last, now_ms) {
                continue;
            }
            // One customer's failure leaves the others to be invited.
            match invite(db, &store, cid, &subject, kind, now_ms).await {
                Ok(true) => written += 1,
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(customer = cid, error = %e, "survey invitation not written");
                }
            }
        }
    }
    Ok(written)
}

/// Write one customer's invitation about their latest delivered order, with its record, in
/// one transaction; `false` when the address may not be asked or another instance wrote it
/// today.
async fn invite(
    db: &Db,
    store: &StoreRow,
    cid: i64,
    subject: &Subject,
    kind: SurveyKind,
    now_ms: i64,
) -> Result<bool> {
    let latest: Option<(String, String, String)> = sqlx::query_as(
        "SELECT o.order_number, o.email_normalized, COALESCE(o.locale, st.default_locale) \
         FROM orders o JOIN stores st ON st.id = o.store_id \
         JOIN shipments s ON s.order_id = o.id JOIN tracking_events e ON e.shipment_id = s.id \
         WHERE o.customer_id = $1 AND e.status = 'delivered' \
         ORDER BY e.occurred_at_ms DESC, o.id DESC LIMIT 1",
    )
    .bind(cid)
    .fetch_optional(&db.pool)
    .await?;
    let Some((number, to, tag)) = latest else {
        return Ok(false);
    };
    let Ok(email) = Email::parse(&to) else {
        return Ok(false);
    };
    let locale = Locale::from_tag(&tag).unwrap_or_default();
    let text = text_for(db, store, kind, locale).await?;
    let mut tx = db.begin_write().await?;
    let conn = tx.conn();
    if !consent::allows(&mut *conn, store.id, &email, Topic::Surveys).await? {
        return Ok(false);
    }
    let letter = Letter::SurveyInvite {
        survey: kind,
        order_number: number.clone(),
        text,
    };
    let key = format!("survey:{}:{cid}:{}", kind.as_str(), now_ms / DAY_MS);
    let written = outbox::enqueue(
        &mut *conn,
        store.id,
        email.as_str(),
        locale,
        &letter,
        Some(&key),
        now_ms,
    )
    .await?;
    if !written {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO survey_invitations (store_id, subject_key, kind, order_number, invited_at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(store.id)
    .bind(subject.key())
    .bind(kind.as_str())
    .bind(&number)
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    tx.commit().await?;
    Ok(true)
}
