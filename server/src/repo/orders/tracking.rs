//! A parcel's tracking history: checkpoints stored once each (deduplicated), the ETA revision
//! history, and the admin ingest of both.

use super::stored::{eta_row, offset, reason_wire, EtaRow};
use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{IngestResult, TrackingEventBatch, TrackingEventInput};
use aftercare_shared::tracking::EtaWindow;
use aftercare_shared::{OrderNumber, TrackingStatus};
use sqlx::AnyConnection;

/// Append `eta` to the parcel's revision history unless it equals the latest revision, so
/// re-sending an unchanged order or batch never invents a revision. `true` when appended.
pub(super) async fn record_eta(
    conn: &mut AnyConnection,
    shipment_id: i64,
    eta: &EtaWindow,
    now: i64,
) -> Result<bool> {
    let latest: Option<EtaRow> = sqlx::query_as(
        "SELECT eta_earliest_ms, eta_earliest_offset_min, eta_latest_ms, eta_latest_offset_min \
         FROM shipment_eta_revisions WHERE shipment_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(shipment_id)
    .fetch_optional(&mut *conn)
    .await?;
    let row = eta_row(eta);
    if latest == Some(row) {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO shipment_eta_revisions (shipment_id, eta_earliest_ms, eta_earliest_offset_min, \
         eta_latest_ms, eta_latest_offset_min, recorded_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(shipment_id)
    .bind(row.0)
    .bind(row.1)
    .bind(row.2)
    .bind(row.3)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Make `eta` the parcel's current window and append it to the revision history.
async fn set_eta(
    conn: &mut AnyConnection,
    shipment_id: i64,
    eta: &EtaWindow,
    now: i64,
) -> Result<()> {
    let row = eta_row(eta);
    sqlx::query(
        "UPDATE shipments SET eta_earliest_ms = $1, eta_earliest_offset_min = $2, \
         eta_latest_ms = $3, eta_latest_offset_min = $4 WHERE id = $5",
    )
    .bind(row.0)
    .bind(row.1)
    .bind(row.2)
    .bind(row.3)
    .bind(shipment_id)
    .execute(&mut *conn)
    .await?;
    record_eta(conn, shipment_id, eta, now).await?;
    Ok(())
}

/// Forget a store's ETA history for one order's parcels (only `seed-demo` does this: its
/// windows move with the seeding time, and a re-seed must not pile up revisions).
pub async fn reset_eta_history(db: &Db, store_id: i64, number: &OrderNumber) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "DELETE FROM shipment_eta_revisions WHERE shipment_id IN (SELECT s.id FROM shipments s \
         JOIN orders o ON o.id = s.order_id WHERE o.store_id = $1 AND o.order_number = $2)",
    )
    .bind(store_id)
    .bind(number.as_str())
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The key two checkpoints are "the same" by: the carrier's id, else normalised status + time
/// + text (so the same scan sent once as a raw code and once normalised is still one event).
pub fn dedupe_key(e: &TrackingEventInput, status: TrackingStatus) -> String {
    match e
        .carrier_event_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(id) => format!("id:{id}"),
        None => format!(
            "t:{}",
            crate::util::sha256_hex(format!(
                "{}|{}|{}",
                status.as_str(),
                e.occurred_at.utc_ms,
                e.description.trim()
            ))
        ),
    }
}

/// Store checkpoints, dropping repeats (by the unique dedupe key, so concurrent ingests of the
/// same event cannot both insert it). Each event keeps what `normalized(carrier_code)` made
/// of it plus the carrier's raw code verbatim.
pub(super) async fn insert_events(
    conn: &mut AnyConnection,
    shipment_id: i64,
    carrier_code: &str,
    events: &[TrackingEventInput],
    now: i64,
) -> Result<IngestResult> {
    let mut result = IngestResult {
        inserted: 0,
        duplicates: 0,
    };
    for e in events {
        let loc = e.location.clone().unwrap_or_default();
        let carrier_event_id = e
            .carrier_event_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let (status, reason) = e.normalized(carrier_code);
        let raw_status = e.raw_status.as_deref().filter(|r| !r.trim().is_empty());
        let rows = sqlx::query(
            "INSERT INTO tracking_events (shipment_id, carrier_event_id, dedupe_key, status, \
             reason, raw_status, description, city, region, country, postal_code, occurred_at_ms, \
             occurred_offset_min, received_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             ON CONFLICT DO NOTHING",
        )
        .bind(shipment_id)
        .bind(carrier_event_id)
        .bind(dedupe_key(e, status))
        .bind(status.as_str())
        .bind(reason.and_then(reason_wire))
        .bind(raw_status)
        .bind(e.description.trim())
        .bind(loc.city)
        .bind(loc.region)
        .bind(loc.country.map(|c| c.to_ascii_uppercase()))
        .bind(loc.postal_code)
        .bind(e.occurred_at.utc_ms)
        .bind(offset(Some(&e.occurred_at)))
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if rows > 0 {
            result.inserted += 1;
        } else {
            result.duplicates += 1;
        }
    }
    Ok(result)
}

/// Admin: ingest checkpoints (raw carrier codes or normalised statuses, any order) for a
/// parcel of this store, and apply the batch's revised ETA, if any, as a new revision.
pub async fn ingest_events(
    db: &Db,
    store_id: i64,
    shipment_id: i64,
    batch: &TrackingEventBatch,
) -> Result<IngestResult> {
    batch.validate()?;
    let mut tx = db.begin_write().await?;
    let carrier_code: String =
        sqlx::query_scalar("SELECT carrier_code FROM shipments WHERE id = $1 AND store_id = $2")
            .bind(shipment_id)
            .bind(store_id)
            .fetch_optional(tx.conn())
            .await?
            .ok_or(Error::NotFound)?;
    let now = crate::util::now_ms();
    let result = insert_events(tx.conn(), shipment_id, &carrier_code, &batch.events, now).await?;
    if let Some(eta) = &batch.eta {
        set_eta(tx.conn(), shipment_id, eta, now).await?;
    }
    crate::repo::notices::parcel_written(tx.conn(), store_id, shipment_id, now).await?;
    tx.commit().await?;
    Ok(result)
}
