//! Reviews in and out as CSV: importing another app's export (all rows or none, duplicates
//! skipped, "verified" decided here by the same delivered-line rule as native reviews) and
//! exporting every review of the store.
//!
//! Product rule for imported rows: the `sku` column when the store knows that SKU (catalog or
//! any order line); else the handle, then the product id, as a catalog product id (its first
//! variant's SKU is stored, and every variant shares the reviews) or as a known SKU. A row
//! matching nothing is a bad row.

use super::import_csv::{self, ImportRow};
use super::key_of;
use crate::db::Db;
use crate::error::{Error, Result};
use aftercare_shared::api::{ImportFormat, ImportReport};
use aftercare_shared::{ApiError, FieldError, FieldIssue, Timestamp};
use sqlx::AnyConnection;

/// A row's product: the SKU stored, its product key, and every SKU of that product (a
/// delivered line of any of them verifies the review).
struct Product {
    sku: String,
    key: String,
    skus: Vec<String>,
}

async fn catalog_product(
    conn: &mut AnyConnection,
    store_id: i64,
    external_id: &str,
) -> Result<Option<Product>> {
    let skus: Vec<String> = sqlx::query_scalar(
        "SELECT v.sku FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE p.store_id = $1 AND p.external_id = $2 ORDER BY v.position, v.sku",
    )
    .bind(store_id)
    .bind(external_id)
    .fetch_all(conn)
    .await?;
    Ok(skus.first().cloned().map(|sku| Product {
        sku,
        key: key_of("", Some(external_id)),
        skus,
    }))
}

async fn by_sku(conn: &mut AnyConnection, store_id: i64, sku: &str) -> Result<Option<Product>> {
    let product: Option<String> = sqlx::query_scalar(
        "SELECT p.external_id FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE v.store_id = $1 AND v.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(p) = product {
        let mut found = catalog_product(conn, store_id, &p).await?;
        if let Some(f) = &mut found {
            sku.clone_into(&mut f.sku);
        }
        return Ok(found);
    }
    let ordered: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id \
         WHERE o.store_id = $1 AND oi.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_one(conn)
    .await?;
    Ok((ordered > 0).then(|| Product {
        sku: sku.to_owned(),
        key: key_of(sku, None),
        skus: vec![sku.to_owned()],
    }))
}

async fn resolve(
    conn: &mut AnyConnection,
    store_id: i64,
    row: &ImportRow,
) -> Result<Option<Product>> {
    if let Some(sku) = &row.sku {
        if let Some(p) = by_sku(&mut *conn, store_id, sku).await? {
            return Ok(Some(p));
        }
    }
    for id in [&row.handle, &row.product_id].into_iter().flatten() {
        if let Some(p) = catalog_product(&mut *conn, store_id, id).await? {
            return Ok(Some(p));
        }
        if let Some(p) = by_sku(&mut *conn, store_id, id).await? {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

/// The customer with `email` who has a delivered line of one of `skus` (order not
/// cancelled), and that line: the native "verified buyer" rule, matched by email.
async fn verified_line(
    conn: &mut AnyConnection,
    store_id: i64,
    email: &str,
    skus: &[String],
) -> Result<Option<(i64, i64)>> {
    for sku in skus {
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT c.id, oi.id FROM customers c JOIN orders o ON o.customer_id = c.id \
             JOIN order_items oi ON oi.order_id = o.id \
             WHERE c.store_id = $1 AND LOWER(c.email) = $2 AND oi.sku = $3 AND o.cancelled = 0 \
             AND EXISTS (SELECT 1 FROM shipment_items si JOIN tracking_events e \
               ON e.shipment_id = si.shipment_id WHERE si.order_item_id = oi.id \
               AND e.status = 'delivered') \
             ORDER BY o.placed_at_ms DESC, oi.id DESC LIMIT 1",
        )
        .bind(store_id)
        .bind(email)
        .bind(sku)
        .fetch_optional(&mut *conn)
        .await?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

async fn already(conn: &mut AnyConnection, store_id: i64, source: &str, id: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reviews WHERE store_id = $1 AND source = $2 AND external_id = $3",
    )
    .bind(store_id)
    .bind(source)
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

async fn customer_reviewed(
    conn: &mut AnyConnection,
    store_id: i64,
    cid: i64,
    key: &str,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reviews WHERE store_id = $1 AND customer_id = $2 AND product_key = $3",
    )
    .bind(store_id)
    .bind(cid)
    .bind(key)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Import `text`, `format`'s CSV export, into the store in one transaction at `now_ms`:
/// every row is checked (values by the shared rules, product known to the store) before
/// anything is written, and any bad row refuses the whole file (`422`, every bad line named
/// `lines[N].column`). Rows imported before (same source and id, or same content when the
/// export has no id) and rows of a customer who already reviewed that product here count as
/// duplicates. Verified only when the reviewer's email is a customer's with a delivered
/// line of the product; then the review is theirs, else it has no customer.
pub async fn import(
    db: &Db,
    store_id: i64,
    format: ImportFormat,
    text: &str,
    now_ms: i64,
) -> Result<ImportReport> {
    let rows = import_csv::parse(format, text).map_err(|f| Error::Api(ApiError::validation(f)))?;
    let source = format.as_str();
    let mut tx = db.begin_write().await?;
    let mut resolved = Vec::with_capacity(rows.len());
    let mut bad = Vec::new();
    for row in &rows {
        if row.created_at_ms > now_ms {
            bad.push(FieldError::new(
                format!("lines[{}].date", row.line),
                FieldIssue::OutOfRange,
                format!("line {}: the date is in the future", row.line),
            ));
        }
        match resolve(tx.conn(), store_id, row).await? {
            Some(p) => resolved.push(p),
            None => bad.push(FieldError::new(
                format!("lines[{}].sku", row.line),
                FieldIssue::UnknownReference,
                format!(
                    "line {}: the store has no product with this SKU, handle or id",
                    row.line
                ),
            )),
        }
    }
    if !bad.is_empty() {
        return Err(Error::Api(ApiError::validation(bad)));
    }
    let mut report = ImportReport {
        format,
        rows: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        imported: 0,
        verified: 0,
        duplicates: 0,
    };
    for (row, product) in rows.iter().zip(resolved) {
        if already(tx.conn(), store_id, source, &row.external_id).await? {
            report.duplicates += 1;
            continue;
        }
        let line = match &row.email {
            Some(email) => verified_line(tx.conn(), store_id, email, &product.skus).await?,
            None => None,
        };
        if let Some((cid, _)) = line {
            if customer_reviewed(tx.conn(), store_id, cid, &product.key).await? {
                report.duplicates += 1;
                continue;
            }
        }
        let status = if row.published {
            "published"
        } else {
            "pending"
        };
        sqlx::query(
            "INSERT INTO reviews (store_id, customer_id, sku, product_key, order_item_id, \
             verified, rating, title, body, display_name, status, reply_body, \
             reply_updated_at_ms, created_at_ms, updated_at_ms, source, external_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(store_id)
        .bind(line.map(|(c, _)| c))
        .bind(&product.sku)
        .bind(&product.key)
        .bind(line.map(|(_, l)| l))
        .bind(i64::from(line.is_some()))
        .bind(i64::from(row.rating))
        .bind(&row.title)
        .bind(&row.body)
        .bind(&row.display_name)
        .bind(status)
        .bind(row.reply.as_deref())
        .bind(
            row.reply
                .as_ref()
                .map(|_| row.reply_at_ms.unwrap_or(row.created_at_ms)),
        )
        .bind(row.created_at_ms)
        .bind(row.created_at_ms)
        .bind(source)
        .bind(&row.external_id)
        .execute(tx.conn())
        .await?;
        report.imported += 1;
        report.verified += u32::from(line.is_some());
    }
    tx.commit().await?;
    Ok(report)
}

/// The export's columns, in order.
pub const EXPORT_COLUMNS: [&str; 15] = [
    "id",
    "sku",
    "rating",
    "title",
    "body",
    "display_name",
    "verified",
    "status",
    "reject_reason",
    "created_at",
    "updated_at",
    "reply",
    "reply_updated_at",
    "helpful_count",
    "source",
];

#[derive(sqlx::FromRow)]
struct ExportRow {
    id: i64,
    sku: String,
    rating: i64,
    title: String,
    body: String,
    display_name: String,
    verified: i64,
    status: String,
    reject_reason: Option<String>,
    created_at_ms: i64,
    updated_at_ms: i64,
    reply_body: Option<String>,
    reply_updated_at_ms: Option<i64>,
    helpful_count: i64,
    source: Option<String>,
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab / carriage
/// return first) gets a leading `'` (OWASP "CSV injection").
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Every review of the store, oldest first, as RFC 4180 CSV (header row, CRLF, quoted where
/// needed, formulas defused); `source` is `aftercare` for reviews written here.
pub async fn export(conn: &mut AnyConnection, store_id: i64) -> Result<String> {
    let rows: Vec<ExportRow> = sqlx::query_as(
        "SELECT id, sku, rating, title, body, display_name, verified, status, reject_reason, \
         created_at_ms, updated_at_ms, reply_body, reply_updated_at_ms, helpful_count, source \
         FROM reviews WHERE store_id = $1 ORDER BY created_at_ms, id",
    )
    .bind(store_id)
    .fetch_all(conn)
    .await?;
    let ts = |ms: i64| Timestamp::from_utc_ms(ms, 0).to_string();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| Error::internal(format!("csv: {e}"));
    w.write_record(EXPORT_COLUMNS).map_err(fail)?;
    for r in rows {
        let cells = [
            r.id.to_string(),
            r.sku,
            r.rating.to_string(),
            r.title,
            r.body,
            r.display_name,
            if r.verified != 0 { "true" } else { "false" }.to_owned(),
            r.status,
            r.reject_reason.unwrap_or_default(),
            ts(r.created_at_ms),
            ts(r.updated_at_ms),
            r.reply_body.unwrap_or_default(),
            r.reply_updated_at_ms.map(ts).unwrap_or_default(),
            r.helpful_count.to_string(),
            r.source.unwrap_or_else(|| "aftercare".to_owned()),
        ];
        w.write_record(cells.iter().map(|c| defuse(c)))
            .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::internal(format!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("-2"), "'-2");
        assert_eq!(defuse("@cmd"), "'@cmd");
        assert_eq!(defuse("plain, \"quoted\""), "plain, \"quoted\"");
    }
}
