//! `/console/insights`: feedback per product with its two charts, the orders whose shoppers
//! keep checking their tracking, and what the store's emails achieved.

use super::extract::Console;
use super::reject::ConsoleResult;
use crate::http::plumbing::svg_response;
use crate::repo::engagement;
use crate::repo::insights::{anxious_orders, ANXIOUS_HOURS, ANXIOUS_MIN_VIEWS};
use crate::repo::product_insights::product_insights;
use crate::state::AppState;
use aftercare_console::pages::insights::{insights, Insights};
use aftercare_console::pages::insights_emails::ENGAGEMENT_DAYS;
use aftercare_console::Area;
use axum::extract::{Path, State};
use axum::response::{Html, Response};

/// The Insights page.
pub async fn page(State(state): State<AppState>, c: Console) -> ConsoleResult<Html<String>> {
    c.require(Area::Insights)?;
    let now = crate::util::now_ms();
    let mut conn = state.db.pool.acquire().await?;
    let products = product_insights(&mut conn, c.store.id).await?;
    let report = crate::repo::returns::report(&mut conn, c.store.id).await?;
    drop(conn);
    let since = now - i64::from(ANXIOUS_HOURS) * 3_600_000;
    let anxious = anxious_orders(&state.db, c.store.id, ANXIOUS_MIN_VIEWS, since, now).await?;
    let opens = crate::repo::calendar::get(&state.db, c.store.id)
        .await?
        .open_pixel;
    let emails_since = now - i64::from(ENGAGEMENT_DAYS) * 86_400_000;
    let emails = engagement::report(&state.db, c.store.id, emails_since, opens).await?;
    let data = Insights {
        feedback_chart: crate::charts::product_feedback_size(products.len()),
        reasons_chart: crate::charts::RETURNS_CHART_SIZE,
        products,
        reasons: report
            .reasons
            .into_iter()
            .map(|r| (r.code, r.label))
            .collect(),
        anxious,
        anxious_min_views: ANXIOUS_MIN_VIEWS,
        anxious_hours: ANXIOUS_HOURS,
        emails,
    };
    Ok(Html(insights(&c.ctx, &data).into_string()))
}

/// A chart of the page: `products.svg` (rating and return rate per product) or
/// `reasons.svg` (returned units per product by reason).
pub async fn chart(
    State(state): State<AppState>,
    c: Console,
    Path(chart): Path<String>,
) -> ConsoleResult<Response> {
    c.require(Area::Insights)?;
    let mut conn = state.db.pool.acquire().await?;
    let svg = match chart.as_str() {
        "products.svg" => {
            crate::charts::product_feedback_svg(&product_insights(&mut conn, c.store.id).await?)
        }
        "reasons.svg" => crate::charts::returns_by_reason_svg(
            &crate::repo::returns::report(&mut conn, c.store.id).await?,
        ),
        _ => return Err(c.not_found(Area::Insights)),
    };
    Ok(svg_response(svg))
}
