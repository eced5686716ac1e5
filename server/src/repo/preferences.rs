//! Customers' communication preferences: the stored rows merged over each topic's default, and
//! one topic's change. Customers are the merchant's external ids within a store (a customer
//! token's subject), as everywhere a customer token is read.
//!
//! A row exists only for a topic the customer changed: a topic without one has its default
//! and no `changed_at`. `changed_at` moves only when the setting does, so a repeated `PUT`
//! (a retry, a double click) keeps the time of the real change.

use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{Preferences, Topic, TopicPreference};
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;

/// The stored rows of a customer: `(topic, enabled 0/1, changed_at_ms)`.
async fn rows(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Vec<(String, i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT p.topic, p.enabled, p.changed_at_ms FROM customer_preferences p \
         JOIN customers c ON c.id = p.customer_id \
         WHERE c.store_id = $1 AND c.external_id = $2 AND p.store_id = $1",
    )
    .bind(store_id)
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?)
}

/// Every topic in [`Topic::ALL`] order: the stored setting where there is one, else the
/// default. Rows naming a topic this server does not know (one since retired) are ignored.
fn merge(rows: &[(String, i64, i64)]) -> Preferences {
    let mut prefs = Preferences::defaults();
    for (topic, enabled, changed_at_ms) in rows {
        let Some(topic) = Topic::from_wire(topic) else {
            continue;
        };
        if let Some(p) = prefs.topics.iter_mut().find(|p| p.topic == topic) {
            *p = TopicPreference {
                topic,
                enabled: *enabled != 0,
                changed_at: Some(Timestamp::from_utc_ms(*changed_at_ms, 0)),
            };
        }
    }
    prefs
}

/// A customer's preferences (by external id). A customer the store has no row for yet (a
/// token can be minted for anyone) has the defaults.
pub async fn preferences(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Preferences> {
    Ok(merge(&rows(conn, store_id, customer).await?))
}

/// Turn `topic` on or off for `customer` at `now_ms` and answer every topic's setting.
///
/// Setting a topic to the value it already has (stored, or its default when never changed)
/// writes nothing, so `changed_at` keeps the time of the last real change. A real change is
/// stored a millisecond after the previous one at the earliest, so it always moves
/// `changed_at` forward, even within one millisecond or across servers whose clocks differ.
///
/// `NotFound` when the store has no customer with that external id: customer rows come
/// from the merchant's orders (they need an email, which a token does not carry), so there
/// is nothing to attach the setting to until the customer has an order.
pub async fn set_preference(
    db: &Db,
    store_id: i64,
    customer: &str,
    topic: Topic,
    enabled: bool,
    now_ms: i64,
) -> Result<Preferences> {
    let mut tx = db.begin_write().await?;
    let customer_id: i64 =
        sqlx::query_scalar("SELECT id FROM customers WHERE store_id = $1 AND external_id = $2")
            .bind(store_id)
            .bind(customer)
            .fetch_optional(tx.conn())
            .await?
            .ok_or(Error::NotFound)?;
    store_setting(tx.conn(), store_id, customer_id, topic, enabled, now_ms).await?;
    if enabled {
        // Turned back on where the customer manages it: an earlier one-click opt-out of the
        // same topic from one of their addresses no longer stands.
        super::consent::clear_for_customer(tx.conn(), store_id, customer_id, topic).await?;
    }
    let prefs = preferences(tx.conn(), store_id, customer).await?;
    tx.commit().await?;
    Ok(prefs)
}

/// Store `topic` as `enabled` for customer row `customer_id` at `now_ms`, on the caller's
/// transaction: nothing is written when it already has that value (stored, or its default),
/// so `changed_at` keeps the time of the last real change. Shared by the account page's
/// `PUT` and the one-click unsubscribe link.
pub(crate) async fn store_setting(
    conn: &mut AnyConnection,
    store_id: i64,
    customer_id: i64,
    topic: Topic,
    enabled: bool,
    now_ms: i64,
) -> Result<()> {
    let stored: Option<(i64, i64)> = sqlx::query_as(
        "SELECT enabled, changed_at_ms FROM customer_preferences \
         WHERE customer_id = $1 AND topic = $2",
    )
    .bind(customer_id)
    .bind(topic.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let current = stored.map_or(topic.on_by_default(), |(e, _)| e != 0);
    if current != enabled {
        let at = stored.map_or(now_ms, |(_, prev)| now_ms.max(prev + 1));
        // The guard keeps a concurrent identical change (PostgreSQL runs writers side by
        // side) from moving `changed_at` a second time.
        sqlx::query(
            "INSERT INTO customer_preferences (store_id, customer_id, topic, enabled, changed_at_ms) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (customer_id, topic) DO UPDATE SET \
             enabled = excluded.enabled, changed_at_ms = excluded.changed_at_ms \
             WHERE customer_preferences.enabled <> excluded.enabled",
        )
        .bind(store_id)
        .bind(customer_id)
        .bind(topic.as_str())
        .bind(i64::from(enabled))
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_rows_override_defaults_in_topic_order() {
        let prefs = merge(&[
            ("offers".into(), 1, 5_000),
            ("retired_topic".into(), 0, 1_000),
            ("surveys".into(), 0, 2_000),
        ]);
        let topics: Vec<Topic> = prefs.topics.iter().map(|p| p.topic).collect();
        assert_eq!(topics, Topic::ALL);
        assert!(prefs.allows(Topic::Offers) && !prefs.allows(Topic::Surveys));
        assert!(prefs.allows(Topic::ShippingUpdates));
        assert_eq!(prefs.topics[0].changed_at, None);
        assert_eq!(
            prefs.topics[2].changed_at,
            Some(Timestamp::from_utc_ms(2_000, 0))
        );
        assert_eq!(merge(&[]), Preferences::defaults());
    }
}
