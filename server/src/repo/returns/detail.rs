//! Reading returns: the row that says who may see one, a return as its status page shows it
//! (with what to do next), and the merchant's paged list.

use super::settings::settings;
use super::wire::{from_wire, wire};
use crate::error::{Error, Result};
use aftercare_shared::api::{
    AdminReturn, ExchangeOption, ReturnDetail, ReturnLine, ReturnPhoto, ReturnSettings,
    ReturnStatusChange,
};
use aftercare_shared::i18n::{self, Msg};
use aftercare_shared::returns::{RefundEstimate, ReturnMethod, ReturnStatus};
use aftercare_shared::{Locale, Money, Timestamp};
use sqlx::AnyConnection;

/// Where a return's row is and who may see it.
#[derive(Debug, Clone)]
pub struct ReturnRow {
    /// Row id.
    pub id: i64,
    /// RMA number.
    pub rma: String,
    /// Store.
    pub store_id: i64,
    /// Order row id.
    pub order_id: i64,
    /// Order number.
    pub order_number: String,
    /// The order's customer (merchant id), if any.
    pub customer: Option<String>,
    /// Checkout email.
    pub email: String,
    /// Current status.
    pub status: ReturnStatus,
    /// Language it was requested in.
    pub locale: Locale,
}

/// Find a return of a store by RMA number.
pub async fn find(conn: &mut AnyConnection, store_id: i64, rma: &str) -> Result<Option<ReturnRow>> {
    let row: Option<RowColumns> = sqlx::query_as(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE r.store_id = $1 AND r.rma = $2"
    ))
    .bind(store_id)
    .bind(rma.trim().to_ascii_uppercase())
    .fetch_optional(conn)
    .await?;
    row.map(|r| return_row(store_id, r)).transpose()
}

/// Columns of a [`ReturnRow`] (plus the creation time, for list cursors).
const ROW_COLUMNS: &str = "r.id, r.rma, r.order_id, o.order_number, c.external_id, \
     o.email_normalized, r.status, r.locale, r.created_at_ms";
const ROW_FROM: &str = "FROM returns r JOIN orders o ON o.id = r.order_id \
     LEFT JOIN customers c ON c.id = o.customer_id";
type RowColumns = (
    i64,
    String,
    i64,
    String,
    Option<String>,
    String,
    String,
    String,
    i64,
);

fn return_row(
    store_id: i64,
    (id, rma, order_id, order_number, customer, email, status, locale, _created): RowColumns,
) -> Result<ReturnRow> {
    Ok(ReturnRow {
        id,
        rma,
        store_id,
        order_id,
        order_number,
        customer,
        email,
        status: from_wire(&status)?,
        locale: Locale::from_tag(&locale).unwrap_or_default(),
    })
}

/// Links a return's detail carries (built by the HTTP layer, which knows the public address
/// and the store's secret).
pub struct Links {
    /// Printable label page.
    pub label_url: Option<String>,
    /// QR SVG.
    pub qr_url: Option<String>,
    /// Base for photo URLs (`{base}/v1/return-photos/{id}`).
    pub photo_base: String,
}

/// A return as its status page shows it, in `locale`.
pub async fn detail(
    conn: &mut AnyConnection,
    row: &ReturnRow,
    locale: Locale,
    links: &Links,
) -> Result<ReturnDetail> {
    let (status, method, estimate, created): (String, String, String, i64) =
        sqlx::query_as("SELECT status, method, estimate, created_at_ms FROM returns WHERE id = $1")
            .bind(row.id)
            .fetch_one(&mut *conn)
            .await?;
    let status: ReturnStatus = from_wire(&status)?;
    let method: ReturnMethod = from_wire(&method)?;
    let estimate: RefundEstimate = serde_json::from_str(&estimate)
        .map_err(|e| Error::internal(format!("stored estimate: {e}")))?;
    let settings = settings(&mut *conn, row.store_id).await?;
    type ItemRow = (
        i64,
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        i64,
    );
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT ri.id, ri.order_item_id, oi.sku, oi.title, oi.variant, oi.image_url, ri.quantity, \
         ri.reason, ri.comment, ri.resolution, ri.exchange_sku, ri.exchange_label, ri.paid_minor \
         FROM return_items ri JOIN order_items oi ON oi.id = ri.order_item_id \
         WHERE ri.return_id = $1 ORDER BY oi.position, ri.id",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    let currency = estimate.refund_total.currency;
    let mut lines = Vec::with_capacity(items.len());
    for (
        ri_id,
        item_id,
        sku,
        title,
        variant,
        image_url,
        qty,
        reason,
        comment,
        resolution,
        ex_sku,
        ex_label,
        paid,
    ) in items
    {
        let photos: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT id, width, height FROM return_photos WHERE return_item_id = $1 \
             ORDER BY created_at_ms, id",
        )
        .bind(ri_id)
        .fetch_all(&mut *conn)
        .await?;
        let reason_label = settings
            .reasons
            .iter()
            .find(|r| r.code == reason)
            .map_or_else(
                || reason.clone(),
                |r| ReturnSettings::reason_label(r, locale),
            );
        lines.push(ReturnLine {
            item_id,
            sku,
            title,
            variant,
            image_url,
            quantity: u32::try_from(qty).unwrap_or(0),
            reason,
            reason_label,
            comment,
            photos: photos
                .into_iter()
                .map(|(id, w, h)| ReturnPhoto {
                    url: format!("{}/v1/return-photos/{id}", links.photo_base),
                    id,
                    width: u32::try_from(w).unwrap_or(0),
                    height: u32::try_from(h).unwrap_or(0),
                })
                .collect(),
            resolution: from_wire(&resolution)?,
            exchange: ex_sku.map(|sku| ExchangeOption {
                label: ex_label.unwrap_or_else(|| sku.clone()),
                sku,
                available: true,
            }),
            paid: Money::new(paid, currency),
        });
    }
    let history: Vec<(String, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT status, note, actor, at_ms FROM return_status_history WHERE return_id = $1 \
         ORDER BY at_ms, id",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    let mut changes = Vec::with_capacity(history.len());
    for (s, note, actor, at) in history {
        changes.push(ReturnStatusChange {
            status: from_wire(&s)?,
            at: Timestamp::from_utc_ms(at, 0),
            note,
            by: from_wire(&actor)?,
        });
    }
    let live = !matches!(status, ReturnStatus::Rejected | ReturnStatus::Cancelled);
    Ok(ReturnDetail {
        instructions: instructions(status, method, &row.rma, &settings.return_address, locale),
        rma: row.rma.clone(),
        order_number: row.order_number.clone(),
        status,
        method,
        created_at: Timestamp::from_utc_ms(created, 0),
        lines,
        estimate,
        history: changes,
        can_cancel: status.shopper_can_cancel(),
        label_url: links.label_url.clone().filter(|_| live),
        qr_url: links.qr_url.clone().filter(|_| live),
    })
}

/// What the shopper should do next, in their language (the shared message catalog).
pub fn instructions(
    status: ReturnStatus,
    method: ReturnMethod,
    rma: &str,
    address: &str,
    locale: Locale,
) -> String {
    let address = Some(address.trim()).filter(|a| !a.is_empty());
    i18n::t(
        locale,
        Msg::ReturnInstructions {
            status,
            method,
            rma,
            address,
        },
    )
}

/// A page of the store's returns, newest first, optionally in one status and matching
/// `search` (empty: all): its RMA or order number exactly, or part of the checkout email.
/// `after` is the (created_at_ms, id) of the last row of the previous page.
pub async fn list(
    conn: &mut AnyConnection,
    store_id: i64,
    status: Option<ReturnStatus>,
    search: &str,
    after: Option<(i64, i64)>,
    limit: u32,
) -> Result<(Vec<ReturnRow>, Option<(i64, i64)>)> {
    let (after_ms, after_id) = after.unwrap_or((i64::MAX, i64::MAX));
    let search = search.trim();
    let email_like = crate::repo::contains_pattern(search);
    let rows: Vec<RowColumns> = sqlx::query_as(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE r.store_id = $1 \
         AND ($2 = '' OR r.status = $2) \
         AND (r.created_at_ms < $3 OR (r.created_at_ms = $3 AND r.id < $4)) \
         AND ($5 = '' OR r.rma = $6 OR o.order_number = $5 \
              OR o.email_normalized LIKE $7 ESCAPE '\\') \
         ORDER BY r.created_at_ms DESC, r.id DESC LIMIT $8"
    ))
    .bind(store_id)
    .bind(status.map(wire).unwrap_or_default())
    .bind(after_ms)
    .bind(after_id)
    .bind(search)
    .bind(search.to_ascii_uppercase())
    .bind(email_like)
    .bind(i64::from(limit) + 1)
    .fetch_all(&mut *conn)
    .await?;
    let more = rows.len() > limit as usize;
    let last = rows
        .get((limit as usize).saturating_sub(1))
        .filter(|_| more)
        .map(|r| (r.8, r.0));
    let out = rows
        .into_iter()
        .take(limit as usize)
        .map(|r| return_row(store_id, r))
        .collect::<Result<Vec<_>>>()?;
    Ok((out, last))
}

/// The admin view of one return.
pub async fn admin_view(
    conn: &mut AnyConnection,
    row: &ReturnRow,
    links: &Links,
) -> Result<AdminReturn> {
    Ok(AdminReturn {
        detail: detail(conn, row, Locale::En, links).await?,
        email: row.email.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_name_the_rma_and_address() {
        let s = instructions(
            ReturnStatus::Requested,
            ReturnMethod::DropOff,
            "RMA-ABC",
            "Calle 1",
            Locale::Es,
        );
        assert!(s.contains("RMA-ABC") && s.contains("Calle 1"));
    }
}
