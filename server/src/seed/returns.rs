//! The demo store's returns (`returns.json`): its return settings (5 % restocking, €4.95
//! return shipping on refunds, 10 % store-credit bonus, drop-off and pickup, EU withdrawal
//! on), a catalog with exchange variants and a final-sale tag, and a handful of past returns
//! in every kind of state for the merchant insights page. The orders made for trying returns
//! (1029–1031) are in `orders.json` with the others.
//!
//! Past returns go through `repo::returns::create` and `transition` — the admin and shopper
//! code paths — at past instants, so their eligibility, values and histories are real. They
//! are created only for orders that have none yet, so re-seeding never duplicates them.

use super::format::{self, parse};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::orders;
use crate::repo::returns as repo;
use aftercare_shared::api::{
    ExchangeOption, ProductInput, ReturnActor, ReturnLineInput, ReturnRequestInput, ReturnSettings,
};
use aftercare_shared::returns::{Resolution, ReturnMethod, ReturnPolicy, ReturnStatus};
use aftercare_shared::{Locale, OrderNumber};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnsFile {
    #[serde(rename = "about")]
    _about: String,
    policy: ReturnPolicy,
    final_sale_tags: Vec<String>,
    return_address: String,
    catalog: Vec<Product>,
    past_returns: Vec<PastReturn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Product {
    id: String,
    title: String,
    tags: Vec<String>,
    variants: Vec<ExchangeOption>,
}

/// A past return: requested `requested` from now, then moved through `steps`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastReturn {
    order: String,
    owner: String,
    method: ReturnMethod,
    requested: String,
    lines: Vec<PastLine>,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastLine {
    sku: String,
    quantity: u32,
    reason: String,
    comment: Option<String>,
    resolution: Resolution,
    exchange_sku: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    status: ReturnStatus,
    at: String,
    by: ReturnActor,
    note: Option<String>,
}

fn file() -> Result<ReturnsFile> {
    parse("returns.json", include_str!("returns.json"))
}

/// The demo store's return settings: the default ones with the demo policy, final-sale tags
/// and return address.
pub fn demo_return_settings() -> Result<ReturnSettings> {
    let file = file()?;
    let mut s = repo::default_settings();
    s.policy = file.policy;
    s.final_sale_tags = file.final_sale_tags;
    s.return_address = file.return_address;
    Ok(s)
}

/// The demo catalog as `(external id, product)`. Bought SKUs are among the variants, so
/// exchanges offer the others.
pub fn demo_products() -> Result<Vec<(String, ProductInput)>> {
    Ok(file()?
        .catalog
        .into_iter()
        .map(|p| {
            let product = ProductInput {
                title: p.title,
                tags: p.tags,
                variants: p.variants,
            };
            (p.id, product)
        })
        .collect())
}

/// Settings, catalog and past returns of the demo store (idempotent).
pub(super) async fn seed_returns(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    repo::put_settings(db, store_id, &demo_return_settings()?).await?;
    for (id, product) in demo_products()? {
        repo::put_product(db, store_id, &id, &product).await?;
    }
    for past in file()?.past_returns {
        seed_past_return(db, store_id, now_ms, &past).await?;
    }
    Ok(())
}

/// Create one past return and walk it through its steps, unless its order has a return.
async fn seed_past_return(db: &Db, store_id: i64, now_ms: i64, past: &PastReturn) -> Result<()> {
    let number =
        OrderNumber::parse(&past.order).map_err(|_| Error::internal("demo order number"))?;
    let mut conn = db.pool.acquire().await?;
    let order_id = orders::order_id_by_number(&mut conn, store_id, &number)
        .await?
        .ok_or_else(|| Error::internal("demo order for a past return"))?;
    let (existing,): (i64,) =
        sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM returns WHERE order_id = $1")
            .bind(order_id)
            .fetch_one(&mut *conn)
            .await?;
    if existing > 0 {
        return Ok(());
    }
    let order = orders::load_order(&mut conn, order_id).await?;
    drop(conn);
    let mut lines = Vec::new();
    for line in &past.lines {
        let item = order
            .items
            .iter()
            .find(|i| i.sku == line.sku)
            .ok_or_else(|| {
                Error::internal(format!("demo order {} has no {}", past.order, line.sku))
            })?;
        lines.push(ReturnLineInput {
            item_id: item.id,
            quantity: line.quantity,
            reason: line.reason.clone(),
            comment: line.comment.clone(),
            photo_ids: vec![],
            resolution: line.resolution,
            exchange_sku: line.exchange_sku.clone(),
        });
    }
    let input = ReturnRequestInput {
        lines,
        method: past.method,
        locale: Some(Locale::En),
    };
    let requested = now_ms + format::span_ms(&past.requested)?;
    let rma = repo::create(db, store_id, order_id, &past.owner, &input, requested).await?;
    for step in &past.steps {
        let mut conn = db.pool.acquire().await?;
        let row = repo::find(&mut conn, store_id, &rma)
            .await?
            .ok_or_else(|| Error::internal("seeded return vanished"))?;
        drop(conn);
        let when = now_ms + format::span_ms(&step.at)?;
        repo::transition(db, &row, step.status, step.note.as_deref(), step.by, when).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_return_settings_and_catalog_are_valid() {
        demo_return_settings().unwrap().validate().unwrap();
        for (id, p) in demo_products().unwrap() {
            p.validate(&id).unwrap();
        }
    }
}
