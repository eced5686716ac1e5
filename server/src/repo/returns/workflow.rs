//! Creating a return (race-safe: the units check and the insert share one write transaction
//! that holds the order) and moving it through the shared status workflow, each step
//! appended to its history.

use super::detail::ReturnRow;
use super::eligibility::{check_request, estimate_of, order_facts, Check};
use super::photos::photo_facts;
use super::settings::settings;
use super::wire::{from_wire, wire};
use crate::db::{Backend, Db};
use crate::error::{Error, Result};
use aftercare_shared::api::{ReturnActor, ReturnRequestInput, MAX_RETURN_NOTE};
use aftercare_shared::returns::{self, ReturnStatus};
use aftercare_shared::validate::Problems;
use aftercare_shared::FieldIssue;
use sqlx::AnyConnection;

/// Create a return. The order row is locked (PostgreSQL) or the single writer is held
/// (SQLite) from reading the units already returned to inserting the new ones, so two
/// concurrent requests can never return more units than were bought.
pub async fn create(
    db: &Db,
    store_id: i64,
    order_id: i64,
    owner: &str,
    input: &ReturnRequestInput,
    now_ms: i64,
) -> Result<String> {
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        sqlx::query("SELECT id FROM orders WHERE id = $1 FOR UPDATE")
            .bind(order_id)
            .execute(tx.conn())
            .await?;
    }
    let settings = settings(tx.conn(), store_id).await?;
    let facts = order_facts(tx.conn(), store_id, order_id, &settings, now_ms).await?;
    let photos = photo_facts(tx.conn(), store_id, input).await?;
    let lines = check_request(
        input,
        &facts,
        &settings,
        &photos,
        owner,
        Check::Create,
        now_ms,
    )?;
    let estimate = estimate_of(&settings, &facts, &lines);
    let estimate_json =
        serde_json::to_string(&estimate).map_err(|e| Error::internal(e.to_string()))?;
    let locale = input.locale.unwrap_or_default();
    let placeholder = format!("pending-{}", fastrand::u64(..));
    let (return_id,): (i64,) = sqlx::query_as(
        "INSERT INTO returns (store_id, order_id, rma, status, method, locale, estimate, \
         created_at_ms, updated_at_ms) VALUES ($1, $2, $3, 'requested', $4, $5, $6, $7, $7) \
         RETURNING id",
    )
    .bind(store_id)
    .bind(order_id)
    .bind(&placeholder)
    .bind(wire(input.method))
    .bind(locale.tag())
    .bind(estimate_json)
    .bind(now_ms)
    .fetch_one(tx.conn())
    .await?;
    let rma = returns::rma_number(return_id as u64);
    sqlx::query("UPDATE returns SET rma = $1 WHERE id = $2")
        .bind(&rma)
        .bind(return_id)
        .execute(tx.conn())
        .await?;
    for (l, est) in input.lines.iter().zip(&lines) {
        let line = facts
            .line(l.item_id)
            .ok_or_else(|| Error::internal("checked line vanished"))?;
        let exchange_label = l.exchange_sku.as_deref().and_then(|sku| {
            line.exchange_options
                .iter()
                .find(|o| o.sku == sku)
                .map(|o| o.label.clone())
        });
        let comment = l
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let (item_row,): (i64,) = sqlx::query_as(
            "INSERT INTO return_items (return_id, order_item_id, quantity, reason, comment, \
             resolution, exchange_sku, exchange_label, paid_minor) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(return_id)
        .bind(l.item_id)
        .bind(i64::from(l.quantity))
        .bind(&l.reason)
        .bind(comment)
        .bind(wire(l.resolution))
        .bind(l.exchange_sku.as_deref())
        .bind(exchange_label)
        .bind(est.paid_minor)
        .fetch_one(tx.conn())
        .await?;
        for id in &l.photo_ids {
            let done = sqlx::query(
                "UPDATE return_photos SET return_item_id = $1 \
                 WHERE id = $2 AND store_id = $3 AND return_item_id IS NULL",
            )
            .bind(item_row)
            .bind(id)
            .bind(store_id)
            .execute(tx.conn())
            .await?;
            if done.rows_affected() != 1 {
                return Err(Error::Conflict(
                    "A photo is already used by a return.".into(),
                ));
            }
        }
    }
    append_history(
        tx.conn(),
        return_id,
        ReturnStatus::Requested,
        None,
        ReturnActor::Shopper,
        now_ms,
    )
    .await?;
    crate::repo::notices::return_changed(
        tx.conn(),
        store_id,
        &rma,
        ReturnStatus::Requested,
        ReturnActor::Shopper,
        now_ms,
    )
    .await?;
    tx.commit().await?;
    Ok(rma)
}

async fn append_history(
    conn: &mut AnyConnection,
    return_id: i64,
    status: ReturnStatus,
    note: Option<&str>,
    by: ReturnActor,
    at_ms: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO return_status_history (return_id, status, note, actor, at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(return_id)
    .bind(wire(status))
    .bind(note)
    .bind(wire(by))
    .bind(at_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Move a return to `next` (the shared workflow decides what is allowed) and append the step
/// to its history, in one transaction.
pub async fn transition(
    db: &Db,
    row: &ReturnRow,
    next: ReturnStatus,
    note: Option<&str>,
    by: ReturnActor,
    now_ms: i64,
) -> Result<()> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    let mut p = Problems::default();
    if let Some(n) = note {
        p.text("note", n, MAX_RETURN_NOTE);
    }
    if next == ReturnStatus::Rejected && note.is_none() && by == ReturnActor::Merchant {
        p.add("note", FieldIssue::Required);
    }
    p.finish()?;
    let mut tx = db.begin_write().await?;
    let (current,): (String,) = sqlx::query_as("SELECT status FROM returns WHERE id = $1")
        .bind(row.id)
        .fetch_one(tx.conn())
        .await?;
    let current: ReturnStatus = from_wire(&current)?;
    let allowed = match by {
        ReturnActor::Shopper => next == ReturnStatus::Cancelled && current.shopper_can_cancel(),
        ReturnActor::Merchant => current.can_become(next),
    };
    if !allowed {
        return Err(Error::Conflict(format!(
            "A return that is {} cannot become {}.",
            wire(current),
            wire(next)
        )));
    }
    let done = sqlx::query(
        "UPDATE returns SET status = $1, updated_at_ms = $2 WHERE id = $3 AND status = $4",
    )
    .bind(wire(next))
    .bind(now_ms)
    .bind(row.id)
    .bind(wire(current))
    .execute(tx.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(Error::Conflict(
            "The return changed meanwhile; try again.".into(),
        ));
    }
    append_history(tx.conn(), row.id, next, note, by, now_ms).await?;
    crate::repo::notices::return_changed(tx.conn(), row.store_id, &row.rma, next, by, now_ms)
        .await?;
    tx.commit().await
}
