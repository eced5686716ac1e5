//! The merchant report: returns counted by status and returned units by product and reason.

use super::settings::settings;
use super::wire::wire;
use crate::error::Result;
use aftercare_shared::api::{
    ProductReasons, ReasonUnits, ReturnReasonOption, ReturnSettings, ReturnsReport, StatusCount,
};
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::Locale;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Counts by status and returned units by product and reason.
pub async fn report(conn: &mut AnyConnection, store_id: i64) -> Result<ReturnsReport> {
    let settings = settings(&mut *conn, store_id).await?;
    let counts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, CAST(COUNT(*) AS BIGINT) FROM returns WHERE store_id = $1 GROUP BY status",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?;
    let counts: HashMap<String, i64> = counts.into_iter().collect();
    use ReturnStatus::*;
    let by_status = [
        Requested, Approved, InTransit, Received, Refunded, Exchanged, Rejected, Cancelled,
    ]
    .into_iter()
    .map(|s| StatusCount {
        status: s,
        count: counts
            .get(&wire(s))
            .copied()
            .and_then(|c| u32::try_from(c).ok())
            .unwrap_or(0),
    })
    .collect();
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT oi.title, ri.reason, CAST(SUM(ri.quantity) AS BIGINT) FROM return_items ri \
         JOIN returns r ON r.id = ri.return_id JOIN order_items oi ON oi.id = ri.order_item_id \
         WHERE r.store_id = $1 AND r.status <> 'cancelled' GROUP BY oi.title, ri.reason",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut products: Vec<ProductReasons> = Vec::new();
    for (title, reason, units) in rows {
        let units = u32::try_from(units).unwrap_or(0);
        let entry = match products.iter_mut().position(|p| p.title == title) {
            Some(i) => &mut products[i],
            None => {
                products.push(ProductReasons {
                    title,
                    reasons: Vec::new(),
                    units: 0,
                });
                products.last_mut().expect("just pushed")
            }
        };
        entry.units += units;
        entry.reasons.push(ReasonUnits { reason, units });
    }
    let order_of = |code: &str| {
        settings
            .reasons
            .iter()
            .position(|r| r.code == code)
            .unwrap_or(usize::MAX)
    };
    for p in &mut products {
        p.reasons.sort_by_key(|r| order_of(&r.reason));
    }
    products.sort_by(|a, b| b.units.cmp(&a.units).then_with(|| a.title.cmp(&b.title)));
    Ok(ReturnsReport {
        by_status,
        reasons_by_product: products,
        reasons: settings
            .reasons
            .iter()
            .map(|r| ReturnReasonOption {
                code: r.code.clone(),
                label: ReturnSettings::reason_label(r, Locale::En),
                comment: r.comment,
                photos: r.photos,
            })
            .collect(),
    })
}
