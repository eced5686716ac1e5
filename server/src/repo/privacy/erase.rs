//! `POST /v1/me/erasure`: erase a customer's personal data in one transaction. Orders and
//! returns stay for the store's accounts, stripped of everything that identifies the customer
//! (email, delivery address, card digits, comments, photos, requests' texts and addresses);
//! tracking views, survey answers, preferences, saved addresses, stored idempotent answers,
//! review photos and the customer rows go (their reviews, asks and review requests with
//! them). On SQLite every connection runs with `secure_delete`, so freed space is zeroed, and
//! the write-ahead log is checkpointed and truncated afterwards: the email is nowhere in the
//! database files. The erasure itself is logged, without anything that identifies the customer.

use super::footprint;
use crate::db::{Backend, Db};
use crate::error::Result;
use crate::util::sha256_hex;
use aftercare_shared::api::ErasureReceipt;
use aftercare_shared::Timestamp;

/// What the stored email of an erased order becomes: it can match no lookup.
const ERASED: &str = "";

/// Erase everything that identifies `customer` in a store; `scopes` are the idempotency
/// credential hashes the customer's token and their orders' guest sessions were stored under.
pub async fn erase(
    db: &Db,
    store_id: i64,
    customer: &str,
    scopes: &(dyn Fn(Option<&str>) -> String + Sync),
    now_ms: i64,
) -> Result<ErasureReceipt> {
    let mut tx = db.begin_write().await?;
    let conn = tx.conn();
    let f = footprint(conn, store_id, customer).await?;
    let mut returns_kept = 0u32;
    for (id, number) in &f.orders {
        sqlx::query(
            "UPDATE orders SET customer_id = NULL, email_normalized = $1, email_hash = $2, \
             shipping_address = NULL, payment_last4 = NULL, updated_at_ms = $3 WHERE id = $4",
        )
        .bind(ERASED)
        .bind(sha256_hex(format!("erased\n{id}")))
        .bind(now_ms)
        .bind(id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE order_requests SET comment = NULL, address = NULL, previous_address = NULL, \
             note = NULL WHERE order_id = $1",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
        sqlx::query("DELETE FROM tracking_views WHERE order_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "DELETE FROM return_photos WHERE return_item_id IN (SELECT ri.id FROM return_items ri \
             JOIN returns r ON r.id = ri.return_id WHERE r.order_id = $1)",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE return_items SET comment = NULL WHERE return_id IN \
             (SELECT id FROM returns WHERE order_id = $1)",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM returns WHERE order_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        returns_kept += u32::try_from(n).unwrap_or(0);
        sqlx::query("DELETE FROM survey_responses WHERE store_id = $1 AND order_id = $2")
            .bind(store_id)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        let subject = format!("order:{number}");
        forget_subject(conn, store_id, &subject).await?;
        sqlx::query("DELETE FROM idempotency_keys WHERE store_id = $1 AND credential_hash = $2")
            .bind(store_id)
            .bind(scopes(Some(number)))
            .execute(&mut *conn)
            .await?;
    }
    forget_subject(conn, store_id, &format!("customer:{customer}")).await?;
    sqlx::query("DELETE FROM customer_addresses WHERE store_id = $1 AND customer_external_id = $2")
        .bind(store_id)
        .bind(customer)
        .execute(&mut *conn)
        .await?;
    for email in &f.emails {
        sqlx::query("DELETE FROM survey_responses WHERE store_id = $1 AND email = $2")
            .bind(store_id)
            .bind(email)
            .execute(&mut *conn)
            .await?;
        // Messages to the customer, sent or not: nothing more goes to an erased customer.
        sqlx::query("DELETE FROM email_outbox WHERE store_id = $1 AND recipient = $2")
            .bind(store_id)
            .bind(email)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM idempotency_keys WHERE store_id = $1 AND credential_hash = $2")
        .bind(store_id)
        .bind(scopes(None))
        .execute(&mut *conn)
        .await?;
    for id in &f.customer_ids {
        sqlx::query("DELETE FROM customer_preferences WHERE customer_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE survey_responses SET customer_id = NULL WHERE customer_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM customers WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    let orders_kept = u32::try_from(f.orders.len()).unwrap_or(u32::MAX);
    sqlx::query(
        "INSERT INTO erasures (store_id, subject_hash, orders_kept, returns_kept, erased_at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(store_id)
    .bind(sha256_hex(format!("{store_id}\n{customer}")))
    .bind(i64::from(orders_kept))
    .bind(i64::from(returns_kept))
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    tx.commit().await?;
    if db.backend == Backend::Sqlite {
        // The old pages live on in the write-ahead log until a checkpoint copies the new ones
        // over them; truncating it leaves no copy behind.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&db.pool)
            .await?;
    }
    tracing::info!(store_id, orders_kept, returns_kept, "customer data erased");
    Ok(ErasureReceipt {
        erased_at: Timestamp::from_utc_ms(now_ms, 0),
        orders_kept,
        returns_kept,
    })
}

/// Survey shows, dismissals, email invitations and answers, and uploaded photos (returns' and reviews', attached
/// or not), recorded under a subject key.
async fn forget_subject(
    conn: &mut sqlx::AnyConnection,
    store_id: i64,
    subject: &str,
) -> Result<()> {
    for sql in [
        "DELETE FROM survey_responses WHERE store_id = $1 AND subject_key = $2",
        "DELETE FROM survey_displays WHERE store_id = $1 AND subject_key = $2",
        "DELETE FROM survey_dismissals WHERE store_id = $1 AND subject_key = $2",
        "DELETE FROM survey_invitations WHERE store_id = $1 AND subject_key = $2",
        "DELETE FROM return_photos WHERE store_id = $1 AND owner = $2",
        "DELETE FROM review_photos WHERE store_id = $1 AND owner = $2",
    ] {
        sqlx::query(sql)
            .bind(store_id)
            .bind(subject)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
