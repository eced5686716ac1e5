//! The Today page's read model: what waits for the store, counted, with the first few of each
//! kind, read with the same repository functions as the admin API.

use crate::db::Db;
use crate::error::Result;
use crate::repo::insights::{self, ANXIOUS_HOURS, ANXIOUS_MIN_VIEWS};
use crate::repo::returns::{self, Links};
use crate::repo::stores::StoreRow;
use crate::repo::{requests, reviews, surveys};
use aftercare_console::pages::today::{FollowUp, Pile, Today, LISTED};
use aftercare_shared::changes::RequestStatus;
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::review::ReviewStatus;
use aftercare_shared::survey::SurveyKind;

/// Weeks of survey responses the follow-up list looks at (every response still waiting is
/// included whatever its age, as the report does).
const FOLLOW_UP_WEEKS: u32 = 12;

/// Everything waiting for `store` as of `now_ms`; `links` gives each return its links.
pub async fn today(
    db: &Db,
    store: &StoreRow,
    links: impl Fn(&str) -> Links,
    now_ms: i64,
) -> Result<Today> {
    let mut conn = db.pool.acquire().await?;
    let waiting: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM returns WHERE store_id = $1 AND status = $2",
    )
    .bind(store.id)
    .bind(returns::wire(ReturnStatus::Requested))
    .fetch_one(&mut *conn)
    .await?;
    let (rows, _) = returns::list(
        &mut conn,
        store.id,
        Some(ReturnStatus::Requested),
        "",
        None,
        LISTED as u32,
    )
    .await?;
    let mut listed = Vec::with_capacity(rows.len());
    for row in &rows {
        listed.push(returns::admin_view(&mut conn, row, &links(&row.rma)).await?);
    }
    let (pending, _, pending_total) = requests::list(
        &mut conn,
        store.id,
        RequestStatus::Pending,
        None,
        LISTED as u32,
    )
    .await?;
    // Today links no photos, so the reviews need no public address.
    let (waiting_reviews, _, reviews_total) = reviews::admin_list(
        &mut conn,
        store.id,
        ReviewStatus::Pending,
        None,
        LISTED as u32,
        "",
    )
    .await?;
    let waiting_reviews = super::reviews::items(&mut conn, store.id, waiting_reviews).await?;
    drop(conn);

    let mut follow_ups = Vec::new();
    for kind in [SurveyKind::Nps, SurveyKind::Csat] {
        let report = surveys::report(db, store.id, kind, FOLLOW_UP_WEEKS, now_ms).await?;
        follow_ups.extend(
            report
                .comments
                .into_iter()
                .filter(|c| c.awaiting_follow_up)
                .map(|comment| FollowUp { kind, comment }),
        );
    }
    // Oldest first: the longest wait is the most urgent.
    follow_ups.sort_by_key(|f| f.comment.created_at.utc_ms);
    let since = now_ms - i64::from(ANXIOUS_HOURS) * 3_600_000;
    let anxious = insights::anxious_orders(db, store.id, ANXIOUS_MIN_VIEWS, since, now_ms).await?;
    let parcels = insights::parcel_alerts(db, store, now_ms).await?;
    Ok(Today {
        returns: Pile {
            total: u64::try_from(waiting).unwrap_or(0),
            items: listed,
        },
        reviews: Pile {
            total: reviews_total,
            items: waiting_reviews,
        },
        requests: Pile {
            total: pending_total,
            items: pending,
        },
        follow_ups: pile(follow_ups),
        anxious: pile(anxious),
        parcels: pile(parcels),
    })
}

fn pile<T>(mut all: Vec<T>) -> Pile<T> {
    let total = all.len() as u64;
    all.truncate(LISTED);
    Pile { total, items: all }
}
