//! `GET /v1/me/data`: the customer's data as one typed document.

use super::footprint;
use crate::error::Result;
use crate::repo::orders::load_order;
use crate::repo::returns::{self, Links};
use crate::repo::surveys::{response_of, ResponseRow, RESPONSE_COLUMNS};
use crate::repo::{preferences, profile, reviews};
use aftercare_shared::api::{DataExport, TrackingView, EXPORT_FORMAT};
use aftercare_shared::{Locale, OrderNumber, Timestamp};
use sqlx::AnyConnection;

/// Everything held about `customer` in a store, as of `now_ms`.
pub async fn export(
    conn: &mut AnyConnection,
    store: (i64, &str),
    customer: &str,
    locale: Locale,
    links: &(dyn Fn(&str) -> Links + Sync),
    now_ms: i64,
) -> Result<DataExport> {
    let (store_id, store_name) = store;
    let f = footprint(conn, store_id, customer).await?;
    let mut orders = Vec::with_capacity(f.orders.len());
    let mut returns_out = Vec::new();
    let mut views = Vec::new();
    let mut requests = Vec::new();
    for (id, number) in &f.orders {
        let order = load_order(&mut *conn, *id).await?;
        requests.extend(order.requests.iter().cloned());
        orders.push(order);
        let rmas: Vec<(String,)> = sqlx::query_as(
            "SELECT rma FROM returns WHERE order_id = $1 ORDER BY created_at_ms DESC",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        for (rma,) in rmas {
            if let Some(row) = returns::find(&mut *conn, store_id, &rma).await? {
                returns_out.push(returns::detail(&mut *conn, &row, locale, &links(&rma)).await?);
            }
        }
        let seen: Vec<(i64,)> = sqlx::query_as(
            "SELECT viewed_at_ms FROM tracking_views WHERE order_id = $1 ORDER BY viewed_at_ms DESC",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        if let Ok(n) = OrderNumber::parse(number) {
            views.extend(seen.into_iter().map(|(ms,)| TrackingView {
                order_number: n.clone(),
                viewed_at: Timestamp::from_utc_ms(ms, 0),
            }));
        }
    }
    let mut answers = Vec::new();
    let mut subjects = vec![format!("customer:{customer}")];
    subjects.extend(f.orders.iter().map(|(_, n)| format!("order:{n}")));
    for subject in &subjects {
        let rows: Vec<ResponseRow> = sqlx::query_as(&format!(
            "SELECT {RESPONSE_COLUMNS} FROM survey_responses WHERE store_id = $1 AND subject_key = $2 \
             ORDER BY created_at_ms DESC"
        ))
        .bind(store_id)
        .bind(subject)
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            answers.push(response_of(row)?);
        }
    }
    Ok(DataExport {
        format: EXPORT_FORMAT,
        generated_at: Timestamp::from_utc_ms(now_ms, 0),
        store: store_name.to_string(),
        profile: profile::profile(conn, store_id, customer).await?,
        preferences: preferences::preferences(conn, store_id, customer).await?,
        orders,
        returns: returns_out,
        requests,
        survey_answers: answers,
        reviews: reviews::for_customer(conn, store_id, customer, &links("").photo_base).await?,
        tracking_views: views,
    })
}
