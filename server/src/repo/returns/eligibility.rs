//! What may go back: an order's return facts per line (delivery, final sale, units already
//! in returns, paid value after discount) and the check of a request against them.

use super::photos::PhotoFacts;
use super::settings::catalog_entry;
use crate::error::{Error, Result};
use crate::repo::orders;
use aftercare_shared::api::{
    ExchangeOption, ReturnRequestInput, ReturnSettings, MAX_PHOTOS_PER_LINE, MAX_RETURN_COMMENT,
};
use aftercare_shared::order::{LineItem, Order};
use aftercare_shared::returns::{
    self, EstimateLine, LineFacts, RefundEstimate, Requirement, Resolution,
};
use aftercare_shared::validate::Problems;
use aftercare_shared::{FieldIssue, Timestamp, TrackingStatus};
use sqlx::AnyConnection;
use std::collections::HashMap;

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
                            p.add(f("comment"), FieldIssue::Required);
                        }
                        Requirement::Disabled if !comment.is_empty() => {
                            p.add(f("comment"), FieldIssue::OutOfRange);
                        }
                        _ => {}
                    }
                    if comment.chars().count() > MAX_RETURN_COMMENT {
                        p.add(f("comment"), FieldIssue::TooLong);
                    }
                    match reason.photos {
                        Requirement::Required if l.photo_ids.is_empty() => {
                            p.add(f("photo_ids"), FieldIssue::Required);
                        }
                        Requirement::Disabled if !l.photo_ids.is_empty() => {
                            p.add(f("photo_ids"), FieldIssue::OutOfRange);
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
}
