//! The EU right of withdrawal: the declaration text and recording one per order within the
//! 14 days after delivery.

use super::eligibility::order_facts;
use super::settings::settings;
use crate::db::{Backend, Db};
use crate::error::{Error, Result};
use crate::repo::outbox::{self, Letter};
use aftercare_shared::api::WithdrawalConfirmation;
use aftercare_shared::order::Order;
use aftercare_shared::returns;
use aftercare_shared::{Locale, Timestamp};
use sqlx::AnyConnection;

/// The declaration text recorded for a withdrawal (the model form of Directive 2011/83/EU,
/// Annex I(B), as amended by Directive 2023/2673).
pub fn withdrawal_statement(store: &str, order: &Order, locale: Locale) -> String {
    let number = order.order_number.as_str();
    let placed = order.placed_at.to_string();
    let date = placed.get(..10).unwrap_or(&placed);
    aftercare_shared::i18n::t(
        locale,
        aftercare_shared::i18n::Msg::WithdrawalStatement {
            number,
            date,
            store,
        },
    )
}

/// Declarations already made for an order.
pub async fn withdrawals(
    conn: &mut AnyConnection,
    order_id: i64,
    order: &Order,
) -> Result<Vec<WithdrawalConfirmation>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT reference, statement, confirmed_at_ms FROM withdrawals WHERE order_id = $1 \
         ORDER BY confirmed_at_ms, id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(reference, statement, at)| WithdrawalConfirmation {
            reference,
            order_number: order.order_number.as_str().to_owned(),
            confirmed_at: Timestamp::from_utc_ms(at, 0),
            statement,
        })
        .collect())
}

/// Record a withdrawal (one per order: a repeat answers the first declaration). `Err(Conflict)`
/// when the store does not offer it or the 14 days are over.
pub async fn withdraw(
    db: &Db,
    store_id: i64,
    store_name: &str,
    order_id: i64,
    locale: Locale,
    now_ms: i64,
) -> Result<(WithdrawalConfirmation, bool)> {
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        sqlx::query("SELECT id FROM orders WHERE id = $1 FOR UPDATE")
            .bind(order_id)
            .execute(tx.conn())
            .await?;
    }
    let settings = settings(tx.conn(), store_id).await?;
    let facts = order_facts(tx.conn(), store_id, order_id, &settings, now_ms).await?;
    if let Some(first) = withdrawals(tx.conn(), order_id, &facts.order)
        .await?
        .into_iter()
        .next()
    {
        return Ok((first, false));
    }
    if !settings.policy.withdrawal_enabled {
        return Err(Error::Conflict(
            "This store does not offer online withdrawal.".into(),
        ));
    }
    if returns::withdrawal_deadline(&settings.policy, facts.delivered_at, now_ms).is_none() {
        return Err(Error::Conflict(
            "The 14-day withdrawal period for this order is over (or it has not been delivered yet)."
                .into(),
        ));
    }
    let statement = withdrawal_statement(store_name, &facts.order, locale);
    let placeholder = format!("pending-{}", fastrand::u64(..));
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO withdrawals (store_id, order_id, reference, statement, locale, \
         confirmed_at_ms) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(store_id)
    .bind(order_id)
    .bind(&placeholder)
    .bind(&statement)
    .bind(locale.tag())
    .bind(now_ms)
    .fetch_one(tx.conn())
    .await?;
    let reference = returns::rma_number(id as u64).replacen("RMA-", "WD-", 1);
    sqlx::query("UPDATE withdrawals SET reference = $1 WHERE id = $2")
        .bind(&reference)
        .bind(id)
        .execute(tx.conn())
        .await?;
    // The confirmation on a durable medium (art. 11a): in this transaction, so a recorded
    // withdrawal always gets its email.
    let (email,): (String,) = sqlx::query_as("SELECT email_normalized FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_one(tx.conn())
        .await?;
    let letter = Letter::WithdrawalConfirmed {
        reference: reference.clone(),
        order_number: facts.order.order_number.as_str().to_owned(),
        confirmed_at_ms: now_ms,
        statement: statement.clone(),
    };
    let news = format!("withdrawal:{reference}");
    outbox::enqueue(
        tx.conn(),
        store_id,
        &email,
        locale,
        &letter,
        Some(&news),
        now_ms,
    )
    .await?;
    tx.commit().await?;
    Ok((
        WithdrawalConfirmation {
            reference,
            order_number: facts.order.order_number.as_str().to_owned(),
            confirmed_at: Timestamp::from_utc_ms(now_ms, 0),
            statement,
        },
        true,
    ))
}
