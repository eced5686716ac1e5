//! Recorded asks and review requests. An ask is one showing of the prompt about a product: the
//! store's reminders and the customer's 30-day cap count them. A review request is made once
//! per customer and product, at its first recorded ask (or at the review itself when the
//! customer reviewed without ever being asked), and fixes the store's reward of that moment:
//! the offer and a coupon code, the same whatever the rating and whether or not the review is
//! published (FTC 16 CFR §465.4). Turning the reward off later takes no code back.

use super::pending;
use super::{find_customer, settings};
use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::{
    AskInput, AsksRecorded, Incentive, ReviewSettings, REWARD_CODE_RANDOM_LEN,
};
use aftercare_shared::review::CAP_WINDOW_DAYS;
use sqlx::AnyConnection;
use std::collections::HashMap;

const DAY_MS: i64 = 86_400_000;

/// A product is asked about at most once in this window, however often the prompt is shown
/// (a page reload must not spend a reminder).
pub const ASK_DEDUPE_MS: i64 = DAY_MS;

/// The asks that count for a customer's pending items.
pub(crate) struct AskCounts {
    /// Asks per product key, ever.
    pub per_product: HashMap<String, u32>,
    /// Asks about any product in the last 30 days.
    pub last_30_days: u32,
}

/// [`AskCounts`] of customer row `cid` at `now_ms`.
pub(crate) async fn counts(conn: &mut AnyConnection, cid: i64, now_ms: i64) -> Result<AskCounts> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT product_key, COUNT(*), \
         SUM(CASE WHEN asked_at_ms > $2 THEN 1 ELSE 0 END) \
         FROM review_asks WHERE customer_id = $1 GROUP BY product_key",
    )
    .bind(cid)
    .bind(now_ms - i64::from(CAP_WINDOW_DAYS) * DAY_MS)
    .fetch_all(conn)
    .await?;
    let mut out = AskCounts {
        per_product: HashMap::new(),
        last_30_days: 0,
    };
    for (key, all, recent) in rows {
        out.per_product
            .insert(key, u32::try_from(all).unwrap_or(u32::MAX));
        out.last_30_days += u32::try_from(recent).unwrap_or(0);
    }
    Ok(out)
}

/// The offer fixed by each of customer `cid`'s review requests (`None`: made without one).
pub(crate) async fn request_offers(
    conn: &mut AnyConnection,
    cid: i64,
) -> Result<HashMap<String, Option<String>>> {
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT product_key, offer FROM review_requests WHERE customer_id = $1")
            .bind(cid)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}

/// A fresh random part of a reward code: [`REWARD_CODE_RANDOM_LEN`] of `A-Z 0-9`.
fn random_part() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    (0..REWARD_CODE_RANDOM_LEN)
        .map(|_| char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]))
        .collect()
}

/// The review request of customer `cid` about product `key`, made now with `incentive` when
/// there is none yet; answers its reward code (`None`: the request carries no reward). Runs
/// in the caller's write transaction; a code is drawn until it is new in the store.
pub(crate) async fn ensure_request(
    conn: &mut AnyConnection,
    store_id: i64,
    cid: i64,
    key: &str,
    incentive: Option<&Incentive>,
    now_ms: i64,
) -> Result<Option<String>> {
    let existing: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT reward_code FROM review_requests WHERE customer_id = $1 AND product_key = $2",
    )
    .bind(cid)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((code,)) = existing {
        return Ok(code);
    }
    let code = match incentive {
        None => None,
        Some(inc) => loop {
            let code = inc.code(&random_part());
            let taken: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM review_requests WHERE store_id = $1 AND reward_code = $2",
            )
            .bind(store_id)
            .bind(&code)
            .fetch_one(&mut *conn)
            .await?;
            if taken == 0 {
                break Some(code);
            }
        },
    };
    sqlx::query(
        "INSERT INTO review_requests (store_id, customer_id, product_key, offer, reward_code, \
         created_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(store_id)
    .bind(cid)
    .bind(key)
    .bind(incentive.map(|i| i.offer.as_str()))
    .bind(code.as_deref())
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(code)
}

/// The prompt was shown to `customer` about `input.skus` at `now_ms`: one ask is recorded per
/// product currently on their pending list (a SKU of another variant of a listed product
/// counts as that product), unless that product was already asked about in the last 24 hours;
/// other SKUs (and a customer the store has no order from) are skipped. The first ask makes the product's review request.
pub async fn record(
    db: &Db,
    store_id: i64,
    customer: &str,
    input: &AskInput,
    now_ms: i64,
) -> Result<AsksRecorded> {
    input.validate()?;
    let mut tx = db.begin_write().await?;
    let conn = tx.conn();
    let Some(cid) = find_customer(&mut *conn, store_id, customer).await? else {
        return Ok(AsksRecorded { recorded: 0 });
    };
    let settings = settings(&mut *conn, store_id).await?;
    let items = pending::items(&mut *conn, store_id, cid, customer, &settings, now_ms).await?;
    let recorded = record_on(conn, store_id, cid, &items, &input.skus, &settings, now_ms).await?;
    tx.commit().await?;
    Ok(AsksRecorded { recorded })
}

/// [`record`] on the caller's transaction, for customer row `cid` whose pending `items` were
/// just read (the prompt, or the review invitation email written in the same transaction);
/// answers how many asks were recorded.
pub(crate) async fn record_on(
    conn: &mut AnyConnection,
    store_id: i64,
    cid: i64,
    items: &[pending::Item],
    skus: &[String],
    settings: &ReviewSettings,
    now_ms: i64,
) -> Result<u32> {
    let catalog = pending::catalog(&mut *conn, store_id).await?;
    let mut recorded = 0u32;
    let mut done: Vec<&str> = Vec::new();
    for sku in skus {
        let sku = sku.trim();
        let key = super::key_of(sku, catalog.get(sku).map(|(p, _)| p.as_str()));
        let Some(item) = items.iter().find(|i| i.key == key) else {
            continue;
        };
        if done.contains(&item.key.as_str()) {
            continue;
        }
        done.push(&item.key);
        let recent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM review_asks WHERE customer_id = $1 AND product_key = $2 \
             AND asked_at_ms > $3",
        )
        .bind(cid)
        .bind(&item.key)
        .bind(now_ms - ASK_DEDUPE_MS)
        .fetch_one(&mut *conn)
        .await?;
        if recent > 0 {
            continue;
        }
        sqlx::query(
            "INSERT INTO review_asks (store_id, customer_id, product_key, asked_at_ms) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(store_id)
        .bind(cid)
        .bind(&item.key)
        .bind(now_ms)
        .execute(&mut *conn)
        .await?;
        ensure_request(
            &mut *conn,
            store_id,
            cid,
            &item.key,
            settings.incentive.as_ref(),
            now_ms,
        )
        .await?;
        recorded += 1;
    }
    Ok(recorded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reward_codes_are_uppercase_letters_and_digits() {
        for _ in 0..100 {
            let r = random_part();
            assert_eq!(r.len(), REWARD_CODE_RANDOM_LEN);
            assert!(r
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        }
    }
}
