//! Whether an optional email may go to an address, and the one-click opt-out (RFC 8058) that
//! changes it. Two records speak for a shopper: the preferences a customer sets in the
//! account page (per customer row), and the opt-outs clicked in an email (per address, as
//! the address's hash, so guests have a say and an opt-out outlives an erasure without
//! keeping the address). Either one turned off holds a message back; the account page
//! turning a topic on again clears the customer's addresses' opt-outs of it.

use super::orders::email_hash;
use super::preferences::store_setting;
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::Topic;
use aftercare_shared::Email;
use sqlx::AnyConnection;

/// Whether the store may email `email` about `topic` now: no opt-out of it from this address,
/// and no customer behind the address (through their orders) with it turned off. A topic
/// nobody chose keeps its default, so offers need a customer's explicit yes.
pub async fn allows(
    conn: &mut AnyConnection,
    store_id: i64,
    email: &Email,
    topic: Topic,
) -> Result<bool> {
    let hash = email_hash(email);
    let opted_out: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM email_unsubscribes WHERE store_id = $1 AND email_hash = $2 AND topic = $3",
    )
    .bind(store_id)
    .bind(&hash)
    .bind(topic.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    if opted_out.is_some() {
        return Ok(false);
    }
    let settings: Vec<i64> = sqlx::query_scalar(
        "SELECT p.enabled FROM customer_preferences p WHERE p.store_id = $1 AND p.topic = $3 \
         AND p.customer_id IN (SELECT o.customer_id FROM orders o \
         WHERE o.store_id = $1 AND o.email_hash = $2 AND o.customer_id IS NOT NULL)",
    )
    .bind(store_id)
    .bind(&hash)
    .bind(topic.as_str())
    .fetch_all(&mut *conn)
    .await?;
    Ok(decide(topic, &settings))
}

/// The rule over the customers' stored settings (0/1) for the topic: any "off" wins; else
/// any "on"; else the topic's default.
fn decide(topic: Topic, settings: &[i64]) -> bool {
    if settings.contains(&0) {
        false
    } else if settings.contains(&1) {
        true
    } else {
        topic.on_by_default()
    }
}

/// The customer rows behind an address (through the orders placed with it).
async fn customers_of(conn: &mut AnyConnection, store_id: i64, hash: &str) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT customer_id FROM orders \
         WHERE store_id = $1 AND email_hash = $2 AND customer_id IS NOT NULL ORDER BY customer_id",
    )
    .bind(store_id)
    .bind(hash)
    .fetch_all(&mut *conn)
    .await?)
}

/// The one-click opt-out (`enabled: false`): `topic` off for the address whose hash is
/// `hash`, and for every customer behind it (so their account page shows it off); or its
/// undo from the confirmation page (`enabled: true`, a click made by mistake): the address's
/// opt-out goes, and those customers have the topic on again. Repeating either changes
/// nothing.
pub async fn choose(
    db: &Db,
    store_id: i64,
    hash: &str,
    topic: Topic,
    enabled: bool,
    now_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let write = if enabled {
        sqlx::query(
            "DELETE FROM email_unsubscribes WHERE store_id = $1 AND email_hash = $2 AND topic = $3",
        )
    } else {
        sqlx::query(
            "INSERT INTO email_unsubscribes (store_id, email_hash, topic, at_ms) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (store_id, email_hash, topic) DO NOTHING",
        )
    };
    let write = write.bind(store_id).bind(hash).bind(topic.as_str());
    let write = if enabled { write } else { write.bind(now_ms) };
    write.execute(tx.conn()).await?;
    for customer in customers_of(tx.conn(), store_id, hash).await? {
        store_setting(tx.conn(), store_id, customer, topic, enabled, now_ms).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The customer turned `topic` on in the account page: opt-outs of it from their addresses
/// (their orders' and their own) no longer stand. On the caller's transaction.
pub(crate) async fn clear_for_customer(
    conn: &mut AnyConnection,
    store_id: i64,
    customer_id: i64,
    topic: Topic,
) -> Result<()> {
    let mut hashes: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT email_hash FROM orders WHERE store_id = $1 AND customer_id = $2",
    )
    .bind(store_id)
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    let own: Option<String> = sqlx::query_scalar("SELECT email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(email) = own.and_then(|e| Email::parse(&e).ok()) {
        hashes.push(email_hash(&email));
    }
    for hash in hashes {
        sqlx::query(
            "DELETE FROM email_unsubscribes WHERE store_id = $1 AND email_hash = $2 AND topic = $3",
        )
        .bind(store_id)
        .bind(hash)
        .bind(topic.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_off_wins_and_offers_need_a_yes() {
        assert!(decide(Topic::ShippingUpdates, &[]));
        assert!(!decide(Topic::Offers, &[]), "marketing is opt-in");
        assert!(decide(Topic::Offers, &[1]));
        assert!(!decide(Topic::Surveys, &[1, 0]), "one customer said no");
        assert!(decide(Topic::ReviewRequests, &[1, 1]));
    }
}
