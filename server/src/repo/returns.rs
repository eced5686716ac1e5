//! Returns and exchanges: the store's settings and catalog, the facts that decide what may
//! go back, creating a return (race-safe: the units check and the insert share one write
//! transaction that holds the order), photos, the status workflow, EU withdrawals and the
//! merchant report.
//!
//! Every rule (window, fees, proration, workflow) comes from `shared::returns`; this module
//! gathers the inputs and stores the outcomes.

use crate::db::{Backend, Db};
use crate::error::{Error, Result};
use crate::repo::orders;
use aftercare_shared::api::{
    AdminReturn, ExchangeOption, LocalizedLabel, ProductInput, ProductReasons, ReasonUnits,
    ResolutionChoice, ReturnActor, ReturnDetail, ReturnLine, ReturnOptions, ReturnPhoto,
    ReturnReasonOption, ReturnReasonSetting, ReturnRequestInput, ReturnSettings,
    ReturnStatusChange, ReturnSummary, ReturnTerms, ReturnableLine, ReturnsReport, StatusCount,
    WithdrawalConfirmation, MAX_PHOTOS_PER_LINE, MAX_RETURN_COMMENT, MAX_RETURN_NOTE,
};
use aftercare_shared::order::{LineItem, Order};
use aftercare_shared::returns::{
    self, EstimateLine, LineFacts, RefundEstimate, Requirement, Resolution, ReturnMethod,
    ReturnPolicy, ReturnStatus,
};
use aftercare_shared::validate::Problems;
use aftercare_shared::{FieldIssue, Locale, Money, Timestamp, TrackingStatus};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Largest photo accepted (what the form is told; the upload route enforces it).
pub const PHOTO_MAX_BYTES: u64 = crate::photos::MAX_UPLOAD_BYTES as u64;

// ---------------------------------------------------------------------------------------
// Wire names
// ---------------------------------------------------------------------------------------

/// The snake_case wire name of a serde enum value (what the columns store).
pub fn wire<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A stored wire name back.
pub fn from_wire<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| Error::internal(format!("unknown stored value {s:?}")))
}

// ---------------------------------------------------------------------------------------
// Settings and catalog
// ---------------------------------------------------------------------------------------

fn reason(
    code: &str,
    en: &str,
    es: &str,
    comment: Requirement,
    photos: Requirement,
) -> ReturnReasonSetting {
    ReturnReasonSetting {
        code: code.into(),
        labels: vec![
            LocalizedLabel {
                locale: Locale::En,
                label: en.into(),
            },
            LocalizedLabel {
                locale: Locale::Es,
                label: es.into(),
            },
        ],
        comment,
        photos,
    }
}

/// What a store that never saved return settings gets: a 30-day window, free returns, refund
/// and store credit, the common reasons (damaged ones need a photo).
pub fn default_settings() -> ReturnSettings {
    use Requirement::*;
    ReturnSettings {
        policy: ReturnPolicy::default(),
        resolutions: vec![
            ResolutionChoice {
                resolution: Resolution::Refund,
            },
            ResolutionChoice {
                resolution: Resolution::StoreCredit,
            },
            ResolutionChoice {
                resolution: Resolution::Exchange,
            },
        ],
        final_sale_tags: vec!["final-sale".into()],
        reasons: vec![
            reason(
                "too_small",
                "Too small",
                "Demasiado pequeño",
                Disabled,
                Disabled,
            ),
            reason(
                "too_large",
                "Too large",
                "Demasiado grande",
                Disabled,
                Disabled,
            ),
            reason(
                "changed_mind",
                "Changed my mind",
                "He cambiado de opinión",
                Optional,
                Disabled,
            ),
            reason(
                "not_as_described",
                "Not as described",
                "No es como se describía",
                Required,
                Optional,
            ),
            reason(
                "damaged",
                "Arrived damaged",
                "Llegó dañado",
                Optional,
                Required,
            ),
            reason(
                "wrong_item",
                "Wrong item sent",
                "Me enviaron otro artículo",
                Optional,
                Optional,
            ),
        ],
        return_address: String::new(),
    }
}

/// The store's return settings (defaults when never saved).
pub async fn settings(conn: &mut AnyConnection, store_id: i64) -> Result<ReturnSettings> {
    let doc: Option<(String,)> =
        sqlx::query_as("SELECT document FROM return_settings WHERE store_id = $1")
            .bind(store_id)
            .fetch_optional(conn)
            .await?;
    match doc {
        Some((json,)) => serde_json::from_str(&json)
            .map_err(|e| Error::internal(format!("stored return settings: {e}"))),
        None => Ok(default_settings()),
    }
}

/// Replace the store's return settings (validated with the shared rules).
pub async fn put_settings(db: &Db, store_id: i64, s: &ReturnSettings) -> Result<()> {
    s.validate()?;
    let json = serde_json::to_string(s).map_err(|e| Error::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO return_settings (store_id, document, updated_at_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (store_id) DO UPDATE SET document = excluded.document, \
         updated_at_ms = excluded.updated_at_ms",
    )
    .bind(store_id)
    .bind(json)
    .bind(crate::now_ms())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Validate a catalog product.
pub fn validate_product(external_id: &str, p: &ProductInput) -> Result<()> {
    let mut problems = Problems::default();
    problems.text("external_id", external_id, 100);
    problems.text("title", &p.title, 200);
    if p.variants.is_empty() {
        problems.add("variants", FieldIssue::Required);
    }
    if p.variants.len() > 200 {
        problems.add("variants", FieldIssue::TooLong);
    }
    let mut seen = std::collections::HashSet::new();
    for (i, v) in p.variants.iter().enumerate() {
        problems.text(format!("variants[{i}].sku"), &v.sku, 100);
        problems.text(format!("variants[{i}].label"), &v.label, 100);
        if !seen.insert(v.sku.trim()) {
            problems.add(format!("variants[{i}].sku"), FieldIssue::Duplicate);
        }
    }
    for (i, t) in p.tags.iter().enumerate() {
        problems.text(format!("tags[{i}]"), t, 60);
    }
    Ok(problems.finish()?)
}

/// Create or replace a catalog product and its variants (a SKU moves to this product if it
/// belonged to another).
pub async fn put_product(
    db: &Db,
    store_id: i64,
    external_id: &str,
    p: &ProductInput,
) -> Result<()> {
    validate_product(external_id, p)?;
    let tags = serde_json::to_string(&p.tags).map_err(|e| Error::internal(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    let (product_id,): (i64,) = sqlx::query_as(
        "INSERT INTO products (store_id, external_id, title, tags) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (store_id, external_id) DO UPDATE SET title = excluded.title, \
         tags = excluded.tags RETURNING id",
    )
    .bind(store_id)
    .bind(external_id.trim())
    .bind(p.title.trim())
    .bind(tags)
    .fetch_one(tx.conn())
    .await?;
    sqlx::query("DELETE FROM product_variants WHERE product_id = $1")
        .bind(product_id)
        .execute(tx.conn())
        .await?;
    for (i, v) in p.variants.iter().enumerate() {
        sqlx::query(
            "INSERT INTO product_variants (store_id, sku, product_id, position, label, available) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (store_id, sku) DO UPDATE SET \
             product_id = excluded.product_id, position = excluded.position, \
             label = excluded.label, available = excluded.available",
        )
        .bind(store_id)
        .bind(v.sku.trim())
        .bind(product_id)
        .bind(i as i64)
        .bind(v.label.trim())
        .bind(i64::from(v.available))
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await
}

/// A line's product in the catalog: its tags and the other variants.
struct CatalogEntry {
    tags: Vec<String>,
    others: Vec<ExchangeOption>,
    /// The label of the bought variant in the catalog.
    own_label: Option<String>,
}

async fn catalog_entry(
    conn: &mut AnyConnection,
    store_id: i64,
    sku: &str,
) -> Result<Option<CatalogEntry>> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT p.id, p.tags FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE v.store_id = $1 AND v.sku = $2",
    )
    .bind(store_id)
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((product_id, tags)) = row else {
        return Ok(None);
    };
    let variants: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT sku, label, available FROM product_variants WHERE product_id = $1 \
         ORDER BY position, sku",
    )
    .bind(product_id)
    .fetch_all(&mut *conn)
    .await?;
    let own_label = variants
        .iter()
        .find(|(s, _, _)| s == sku)
        .map(|(_, l, _)| l.clone());
    Ok(Some(CatalogEntry {
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        others: variants
            .into_iter()
            .filter(|(s, _, _)| s != sku)
            .map(|(sku, label, available)| ExchangeOption {
                sku,
                label,
                available: available != 0,
            })
            .collect(),
        own_label,
    }))
}

// ---------------------------------------------------------------------------------------
// What may go back
// ---------------------------------------------------------------------------------------

/// One order line with everything the return rules need.
pub struct LineState {
    /// The line as the order shows it.
    pub item: LineItem,
    /// What the line cost after its share of the order discount.
    pub paid_total: i64,
    /// Units in returns that still hold them.
    pub already_returned: u32,
    /// The facts `shared::returns::returnability` decides on.
    pub facts: LineFacts,
    /// Other variants of the product.
    pub exchange_options: Vec<ExchangeOption>,
}

impl LineState {
    /// What `quantity` more units cost, so that all returns of the line together never pay
    /// back more than the line cost (floor of the cumulative share, telescoping).
    pub fn paid_for(&self, quantity: u32) -> i64 {
        paid_for_units(
            self.paid_total,
            self.item.quantity,
            self.already_returned,
            quantity,
        )
    }
}

/// The paid value of `k` more units of a line that cost `paid_total` for `bought` units, `before`
/// of which are already in returns: `⌊P·(before+k)/q⌋ − ⌊P·before/q⌋`, so any sequence of
/// returns sums to at most `P` and the whole line sums to exactly `P`.
pub fn paid_for_units(paid_total: i64, bought: u32, before: u32, k: u32) -> i64 {
    if bought == 0 {
        return 0;
    }
    let p = i128::from(paid_total.max(0));
    let q = i128::from(bought);
    let upto = |n: u32| p * i128::from(n.min(bought)) / q;
    (upto(before.saturating_add(k)) - upto(before)) as i64
}

/// An order with the return facts of each line, as of `now_ms`.
pub struct OrderFacts {
    /// The order's row id.
    pub order_id: i64,
    /// The order as shoppers see it.
    pub order: Order,
    /// Lines in order.
    pub lines: Vec<LineState>,
    /// The latest delivery scan of the order (for the withdrawal window).
    pub delivered_at: Option<Timestamp>,
}

impl OrderFacts {
    /// The line with this id.
    pub fn line(&self, item_id: i64) -> Option<&LineState> {
        self.lines.iter().find(|l| l.item.id == item_id)
    }
}

fn delivered_at(s: &aftercare_shared::order::Shipment) -> Option<Timestamp> {
    if s.status != TrackingStatus::Delivered {
        return None;
    }
    s.events
        .iter()
        .filter(|e| e.status == TrackingStatus::Delivered)
        .map(|e| e.occurred_at)
        .max_by_key(|t| t.utc_ms)
        .or(s.last_update_at)
}

/// Gather an order's return facts (reads only; inside a write transaction for creates).
pub async fn order_facts(
    conn: &mut AnyConnection,
    store_id: i64,
    order_id: i64,
    settings: &ReturnSettings,
    now_ms: i64,
) -> Result<OrderFacts> {
    let order = orders::load_order_at(&mut *conn, order_id, now_ms).await?;
    let held: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT ri.order_item_id, CAST(SUM(ri.quantity) AS BIGINT) FROM return_items ri \
         JOIN returns r ON r.id = ri.return_id \
         WHERE r.order_id = $1 AND r.status NOT IN ('rejected', 'cancelled') \
         GROUP BY ri.order_item_id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let held: HashMap<i64, u32> = held
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect();
    let values: Vec<i64> = order
        .items
        .iter()
        .map(|i| i.unit_price.amount_minor * i64::from(i.quantity))
        .collect();
    let shares = returns::prorate_discount(&values, order.totals.discount.amount_minor);
    let mut lines = Vec::with_capacity(order.items.len());
    for (i, item) in order.items.iter().enumerate() {
        // The parcels carrying this line: delivered when every unit is in a delivered parcel.
        let carrying: Vec<_> = order
            .shipments
            .iter()
            .filter(|s| s.items.iter().any(|p| p.line_item_id == item.id))
            .collect();
        let shipped_units: u32 = carrying
            .iter()
            .flat_map(|s| s.items.iter().filter(|p| p.line_item_id == item.id))
            .map(|p| p.quantity)
            .sum();
        let fully_shipped = shipped_units >= item.quantity && !carrying.is_empty();
        let bounced = carrying
            .iter()
            .any(|s| s.status == TrackingStatus::ReturnedToSender);
        let deliveries: Vec<Option<Timestamp>> = carrying.iter().map(|s| delivered_at(s)).collect();
        let delivered = (fully_shipped && !bounced && deliveries.iter().all(Option::is_some))
            .then(|| {
                deliveries
                    .iter()
                    .flatten()
                    .max_by_key(|t| t.utc_ms)
                    .copied()
            })
            .flatten();
        let shipped = (fully_shipped && !bounced)
            .then(|| {
                carrying
                    .iter()
                    .filter_map(|s| s.shipped_at)
                    .max_by_key(|t| t.utc_ms)
            })
            .flatten();
        let catalog = catalog_entry(&mut *conn, store_id, &item.sku).await?;
        let final_sale = catalog.as_ref().is_some_and(|c| {
            c.tags.iter().any(|t| {
                settings
                    .final_sale_tags
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(t))
            })
        });
        let already = held.get(&item.id).copied().unwrap_or(0);
        let mut item = item.clone();
        if item.variant.is_none() {
            item.variant = catalog.as_ref().and_then(|c| c.own_label.clone());
        }
        lines.push(LineState {
            paid_total: values[i] - shares[i],
            already_returned: already,
            facts: LineFacts {
                quantity: item.quantity,
                final_sale,
                delivered_at: delivered,
                shipped_at: shipped,
                already_returned: already,
            },
            exchange_options: catalog.map(|c| c.others).unwrap_or_default(),
            item,
        });
    }
    let delivered_at = order
        .shipments
        .iter()
        .filter_map(delivered_at)
        .max_by_key(|t| t.utc_ms);
    Ok(OrderFacts {
        order_id,
        order,
        lines,
        delivered_at,
    })
}

/// The return form's options for an order.
pub async fn options(
    conn: &mut AnyConnection,
    store_id: i64,
    order_id: i64,
    locale: Locale,
    now_ms: i64,
) -> Result<ReturnOptions> {
    let settings = settings(&mut *conn, store_id).await?;
    let facts = order_facts(&mut *conn, store_id, order_id, &settings, now_ms).await?;
    let currency = facts.order.currency;
    let money = |v| Money::new(v, currency);
    let offers_exchange = settings
        .resolutions
        .iter()
        .any(|r| r.resolution == Resolution::Exchange);
    let lines = facts
        .lines
        .iter()
        .map(|l| ReturnableLine {
            item_id: l.item.id,
            sku: l.item.sku.clone(),
            title: l.item.title.clone(),
            variant: l.item.variant.clone(),
            image_url: l.item.image_url.clone(),
            unit_price: l.item.unit_price,
            paid_per_unit: money(paid_for_units(l.paid_total, l.item.quantity, 0, 1)),
            quantity: l.item.quantity,
            returnability: returns::returnability(&settings.policy, &l.facts, now_ms),
            exchange_options: if offers_exchange {
                l.exchange_options.clone()
            } else {
                Vec::new()
            },
        })
        .collect();
    let withdrawals = withdrawals(&mut *conn, order_id, &facts.order).await?;
    let withdrawal = if withdrawals.is_empty() {
        returns::withdrawal_deadline(&settings.policy, facts.delivered_at, now_ms)
            .map(|deadline| aftercare_shared::api::WithdrawalOffer { deadline })
    } else {
        None
    };
    let summaries: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT r.rma, r.status, r.created_at_ms, \
         CAST(COALESCE((SELECT SUM(ri.quantity) FROM return_items ri WHERE ri.return_id = r.id), 0) AS BIGINT) \
         FROM returns r WHERE r.order_id = $1 ORDER BY r.created_at_ms DESC, r.id DESC",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut past = Vec::with_capacity(summaries.len());
    for (rma, status, created, units) in summaries {
        past.push(ReturnSummary {
            rma,
            status: from_wire(&status)?,
            created_at: Timestamp::from_utc_ms(created, 0),
            units: u32::try_from(units).unwrap_or(0),
        });
    }
    Ok(ReturnOptions {
        order_number: facts.order.order_number.as_str().to_owned(),
        currency: currency.as_str().to_owned(),
        lines,
        reasons: settings
            .reasons
            .iter()
            .map(|r| ReturnReasonOption {
                code: r.code.clone(),
                label: ReturnSettings::reason_label(r, locale),
                comment: r.comment,
                photos: r.photos,
            })
            .collect(),
        resolutions: settings.resolutions.iter().map(|r| r.resolution).collect(),
        methods: settings.policy.methods.clone(),
        terms: ReturnTerms {
            window_days: settings.policy.window_days,
            restocking_fee_bps: settings.policy.restocking_fee_bps,
            return_shipping_fee: money(settings.policy.return_shipping_fee_minor),
            store_credit_bonus_bps: settings.policy.store_credit_bonus_bps,
        },
        photo_max_bytes: PHOTO_MAX_BYTES,
        photo_max_count: MAX_PHOTOS_PER_LINE as u32,
        withdrawal,
        withdrawals,
        returns: past,
    })
}

// ---------------------------------------------------------------------------------------
// Checking a request
// ---------------------------------------------------------------------------------------

/// How strictly a request is checked: the estimate ignores reasons, comments and photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Only lines, quantities and resolutions.
    Estimate,
    /// Everything.
    Create,
}

/// A photo as the create check sees it: who uploaded it and whether a return uses it.
#[derive(Debug, Clone)]
pub struct PhotoFacts {
    /// Uploader subject key.
    pub owner: String,
    /// Already attached to a return line.
    pub attached: bool,
}

/// Check a request against the order's facts and the store's settings. `Ok` carries the
/// estimate lines (paid value per line); units that another return took since the form
/// loaded are a `409 conflict`, everything else a `422` naming the field.
pub fn check_request(
    input: &ReturnRequestInput,
    facts: &OrderFacts,
    settings: &ReturnSettings,
    photos: &HashMap<String, PhotoFacts>,
    owner: &str,
    check: Check,
    now_ms: i64,
) -> Result<Vec<EstimateLine>> {
    let mut p = Problems::default();
    if input.lines.is_empty() {
        p.add("lines", FieldIssue::Required);
    }
    if !settings.policy.methods.contains(&input.method) {
        p.add("method", FieldIssue::UnknownReference);
    }
    let mut seen = std::collections::HashSet::new();
    let mut taken = false;
    let mut out = Vec::with_capacity(input.lines.len());
    for (i, l) in input.lines.iter().enumerate() {
        let f = |name: &str| format!("lines[{i}].{name}");
        if !seen.insert(l.item_id) {
            p.add(f("item_id"), FieldIssue::Duplicate);
            continue;
        }
        let Some(line) = facts.line(l.item_id) else {
            p.add(f("item_id"), FieldIssue::UnknownReference);
            continue;
        };
        let verdict = returns::returnability(&settings.policy, &line.facts, now_ms);
        if l.quantity == 0 || l.quantity > verdict.returnable_quantity {
            let raced = l.quantity > 0
                && verdict.blocked != Some(returns::NotReturnable::FinalSale)
                && line.already_returned > 0
                && l.quantity <= line.item.quantity;
            if raced {
                taken = true;
            }
            p.add(f("quantity"), FieldIssue::OutOfRange);
        }
        if !settings
            .resolutions
            .iter()
            .any(|r| r.resolution == l.resolution)
        {
            p.add(f("resolution"), FieldIssue::UnknownReference);
        }
        match (l.resolution, l.exchange_sku.as_deref()) {
            (Resolution::Exchange, None) => p.add(f("exchange_sku"), FieldIssue::Required),
            (Resolution::Exchange, Some(sku)) => {
                match line.exchange_options.iter().find(|o| o.sku == sku) {
                    None => p.add(f("exchange_sku"), FieldIssue::UnknownReference),
                    Some(o) if !o.available => p.add(f("exchange_sku"), FieldIssue::OutOfRange),
                    Some(_) => {}
                }
            }
            (_, Some(_)) => p.add(f("exchange_sku"), FieldIssue::OutOfRange),
            (_, None) => {}
        }
        if check == Check::Create {
            match settings.reasons.iter().find(|r| r.code == l.reason) {
                None => p.add(f("reason"), FieldIssue::UnknownReference),
                Some(reason) => {
                    let comment = l.comment.as_deref().map(str::trim).unwrap_or_default();
                    match reason.comment {
                        Requirement::Required if comment.is_empty() => {
                            p.add(f("comment"), FieldIssue::Required)
                        }
                        Requirement::Disabled if !comment.is_empty() => {
                            p.add(f("comment"), FieldIssue::OutOfRange)
                        }
                        _ => {}
                    }
                    if comment.chars().count() > MAX_RETURN_COMMENT {
                        p.add(f("comment"), FieldIssue::TooLong);
                    }
                    match reason.photos {
                        Requirement::Required if l.photo_ids.is_empty() => {
                            p.add(f("photo_ids"), FieldIssue::Required)
                        }
                        Requirement::Disabled if !l.photo_ids.is_empty() => {
                            p.add(f("photo_ids"), FieldIssue::OutOfRange)
                        }
                        _ => {}
                    }
                }
            }
            if l.photo_ids.len() > MAX_PHOTOS_PER_LINE {
                p.add(f("photo_ids"), FieldIssue::TooLong);
            }
            let mut seen_photos = std::collections::HashSet::new();
            for id in &l.photo_ids {
                let ok = seen_photos.insert(id.as_str())
                    && photos
                        .get(id)
                        .is_some_and(|ph| ph.owner == owner && !ph.attached);
                if !ok {
                    p.add(f("photo_ids"), FieldIssue::UnknownReference);
                    break;
                }
            }
        }
        out.push(EstimateLine {
            paid_minor: line.paid_for(l.quantity.min(verdict.returnable_quantity)),
            resolution: l.resolution,
        });
    }
    if taken {
        return Err(Error::Conflict(
            "Some of these units are already in another return.".into(),
        ));
    }
    p.finish()?;
    Ok(out)
}

/// The estimate for a checked request.
pub fn estimate_of(
    settings: &ReturnSettings,
    facts: &OrderFacts,
    lines: &[EstimateLine],
) -> RefundEstimate {
    returns::estimate(&settings.policy, facts.order.currency, lines)
}

/// Photos named by a request, with their owner and whether they are attached.
pub async fn photo_facts(
    conn: &mut AnyConnection,
    store_id: i64,
    input: &ReturnRequestInput,
) -> Result<HashMap<String, PhotoFacts>> {
    let mut out = HashMap::new();
    for id in input.lines.iter().flat_map(|l| l.photo_ids.iter()) {
        if out.contains_key(id) || !valid_photo_id(id) {
            continue;
        }
        let row: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT owner, return_item_id FROM return_photos WHERE id = $1 AND store_id = $2",
        )
        .bind(id)
        .bind(store_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((owner, item)) = row {
            out.insert(
                id.clone(),
                PhotoFacts {
                    owner,
                    attached: item.is_some(),
                },
            );
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Creating
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------

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
    /// Base for photo URLs (`{base}/v1/returns/photos/{id}`).
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
                    url: format!("{}/v1/returns/photos/{id}", links.photo_base),
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

/// What the shopper should do next, in their language.
pub fn instructions(
    status: ReturnStatus,
    method: ReturnMethod,
    rma: &str,
    address: &str,
    locale: Locale,
) -> String {
    use ReturnStatus::*;
    let es = locale == Locale::Es;
    let send = match (method, es) {
        (ReturnMethod::DropOff, false) => format!(
            "Pack the items with a note saying {rma}, print the label (or show the QR code at the drop-off point) and hand the parcel in at any carrier drop-off point."
        ),
        (ReturnMethod::DropOff, true) => format!(
            "Empaqueta los artículos con una nota que diga {rma}, imprime la etiqueta (o muestra el código QR en el punto de entrega) y entrega el paquete en cualquier punto de la transportista."
        ),
        (ReturnMethod::Pickup, false) => format!(
            "Pack the items with a note saying {rma} and stick the printed label on the parcel: a courier will collect it at your address on the next working day."
        ),
        (ReturnMethod::Pickup, true) => format!(
            "Empaqueta los artículos con una nota que diga {rma} y pega la etiqueta impresa en el paquete: un mensajero lo recogerá en tu dirección el siguiente día laborable."
        ),
    };
    let to = if address.trim().is_empty() {
        String::new()
    } else if es {
        format!(" Dirección de devolución: {}.", address.trim())
    } else {
        format!(" Return address: {}.", address.trim())
    };
    match (status, es) {
        (Requested | Approved, _) => format!("{send}{to}"),
        (InTransit, false) => "Your parcel is on its way back to us. We will check it as soon as it arrives.".into(),
        (InTransit, true) => "Tu paquete está de camino. Lo revisaremos en cuanto llegue.".into(),
        (Received, false) => "We have your parcel and are checking the items.".into(),
        (Received, true) => "Hemos recibido tu paquete y estamos revisando los artículos.".into(),
        (Refunded, false) => "Your refund has been issued. It can take 3–5 working days to show on your statement.".into(),
        (Refunded, true) => "Hemos emitido tu reembolso. Puede tardar de 3 a 5 días laborables en aparecer en tu extracto.".into(),
        (Exchanged, false) => "Your replacement is on its way.".into(),
        (Exchanged, true) => "Tu cambio está de camino.".into(),
        (Rejected, false) => "This return was not accepted. See the store's note below.".into(),
        (Rejected, true) => "Esta devolución no ha sido aceptada. Consulta la nota de la tienda más abajo.".into(),
        (Cancelled, false) => "This return was cancelled. Nothing needs to be sent.".into(),
        (Cancelled, true) => "Esta devolución se ha cancelado. No tienes que enviar nada.".into(),
    }
}

// ---------------------------------------------------------------------------------------
// Status changes
// ---------------------------------------------------------------------------------------

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
    tx.commit().await
}

// ---------------------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------------------

/// Photo ids are 32 lowercase hex characters (128 random bits): the id is the capability to
/// fetch the photo, so it must not be guessable.
pub fn valid_photo_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Store a processed photo under a fresh generated id.
pub async fn store_photo(
    db: &Db,
    store_id: i64,
    owner: &str,
    photo: &crate::photos::StoredPhoto,
    now_ms: i64,
) -> Result<String> {
    let id = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO return_photos (id, store_id, return_item_id, owner, content_type, width, \
         height, data, created_at_ms) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(store_id)
    .bind(owner)
    .bind(photo.content_type)
    .bind(i64::from(photo.width))
    .bind(i64::from(photo.height))
    .bind(photo.bytes.clone())
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A stored photo's bytes and type.
pub async fn photo_bytes(db: &Db, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    if !valid_photo_id(id) {
        return Ok(None);
    }
    Ok(
        sqlx::query_as("SELECT content_type, data FROM return_photos WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?,
    )
}

// ---------------------------------------------------------------------------------------
// Withdrawal
// ---------------------------------------------------------------------------------------

/// The declaration text recorded for a withdrawal (the model form of Directive 2011/83/EU,
/// Annex I(B), as amended by Directive 2023/2673).
pub fn withdrawal_statement(store: &str, order: &Order, locale: Locale) -> String {
    let number = order.order_number.as_str();
    let placed = order.placed_at.to_string();
    let date = placed.get(..10).unwrap_or(&placed);
    match locale {
        Locale::Es => format!(
            "Por la presente le comunico que desisto de mi contrato de venta del pedido {number} (realizado el {date}) con {store}."
        ),
        Locale::En => format!(
            "I hereby give notice that I withdraw from my contract of sale for order {number} (placed on {date}) with {store}."
        ),
    }
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

// ---------------------------------------------------------------------------------------
// Merchant list and report
// ---------------------------------------------------------------------------------------

/// A page of the store's returns, newest first, optionally in one status; `after` is the
/// (created_at_ms, id) of the last row of the previous page.
pub async fn list(
    conn: &mut AnyConnection,
    store_id: i64,
    status: Option<ReturnStatus>,
    after: Option<(i64, i64)>,
    limit: u32,
) -> Result<(Vec<ReturnRow>, Option<(i64, i64)>)> {
    let (after_ms, after_id) = after.unwrap_or((i64::MAX, i64::MAX));
    let rows: Vec<RowColumns> = sqlx::query_as(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE r.store_id = $1 \
         AND ($2 = '' OR r.status = $2) \
         AND (r.created_at_ms < $3 OR (r.created_at_ms = $3 AND r.id < $4)) \
         ORDER BY r.created_at_ms DESC, r.id DESC LIMIT $5"
    ))
    .bind(store_id)
    .bind(status.map(wire).unwrap_or_default())
    .bind(after_ms)
    .bind(after_id)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paid_units_never_exceed_the_line_and_sum_exactly() {
        // 3 units that cost 2 500 after discount: 833 + 833 + 834.
        assert_eq!(paid_for_units(2_500, 3, 0, 1), 833);
        assert_eq!(paid_for_units(2_500, 3, 1, 1), 833);
        assert_eq!(paid_for_units(2_500, 3, 2, 1), 834);
        assert_eq!(paid_for_units(2_500, 3, 0, 3), 2_500);
        assert_eq!(paid_for_units(2_500, 3, 3, 1), 0);
        for total in [0, 1, 99, 1_001, 123_457] {
            for q in 1..7u32 {
                let mut before = 0;
                let mut sum = 0;
                for k in [1, 2, 1, 3] {
                    sum += paid_for_units(total, q, before, k);
                    before += k;
                    assert!(sum <= total);
                }
                assert_eq!(paid_for_units(total, q, 0, q), total);
            }
        }
    }

    #[test]
    fn default_settings_are_valid() {
        default_settings().validate().unwrap();
    }

    #[test]
    fn photo_ids_must_be_unguessable_hex() {
        assert!(valid_photo_id("0123456789abcdef0123456789abcdef"));
        assert!(!valid_photo_id("0123456789ABCDEF0123456789abcdef"));
        assert!(!valid_photo_id("../etc/passwd"));
        assert!(!valid_photo_id(""));
    }

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
