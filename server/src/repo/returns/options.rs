//! The return form for an order: each line's returnability and exchange options, the
//! store's reasons, resolutions, methods and terms, the withdrawal offer and past returns.

use super::eligibility::{order_facts, paid_for_units};
use super::photos::PHOTO_MAX_BYTES;
use super::settings::settings;
use super::wire::from_wire;
use super::withdrawals::withdrawals;
use crate::error::Result;
use aftercare_shared::api::{
    ReturnOptions, ReturnReasonOption, ReturnSettings, ReturnSummary, ReturnTerms, ReturnableLine,
    WithdrawalOffer, MAX_PHOTOS_PER_LINE,
};
use aftercare_shared::returns::{self, Resolution};
use aftercare_shared::{Locale, Money, Timestamp};
use sqlx::AnyConnection;

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
            .map(|deadline| WithdrawalOffer { deadline })
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
