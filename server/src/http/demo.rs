//! Demo-only helpers, answered only with `serve --demo` (a plain 404 otherwise):
//! `GET /demo/customer-token`, the stand-in for a merchant backend that signs the logged-in
//! customer's id; `POST /demo/clock`, which moves one customer's survey clock forward so the
//! recontact rules can be seen (and tested) without waiting days; and `/demo/insights/…`,
//! the demo store's survey and returns reports, charts and CSV for the insights page, so the
//! browser never holds the secret key.

use super::plumbing::{
    csv_response, path_segment, path_survey_kind, svg_response, ApiRouter, Json,
};
use crate::error::{Error, Result};
use crate::repo::stores;
use crate::repo::surveys::{self, Subject};
use crate::state::AppState;
use aftercare_shared::api::{CustomerToken, ProductInsight, ReturnsReport, SurveyReport};
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::validate::Problems;
use aftercare_shared::{ApiError, FieldIssue, Timestamp};
use axum::extract::rejection::PathRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::Path;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa_axum::routes;

/// Lifetime of a demo customer token.
pub const DEMO_TOKEN_SECONDS: i64 = 60 * 60;

/// Demo routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(customer_token))
        .routes(routes!(clock))
        .routes(routes!(insights))
        .routes(routes!(insights_returns_reasons))
        .routes(routes!(insights_distribution))
        .routes(routes!(insights_trend))
}

/// Body of `POST /demo/clock`.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct DemoClockRequest {
    /// The merchant's customer id whose survey clock moves (`cus_ana`, a fresh id, …).
    #[schema(
        min_length = 1,
        max_length = 128,
        pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
    )]
    pub customer: String,
    /// Days to move forward (negative: back), added to any earlier shift; −3650…3650.
    #[schema(minimum = -3650, maximum = 3650)]
    pub advance_days: i64,
}

/// Answer of `POST /demo/clock`.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct DemoClock {
    /// The customer id.
    pub customer: String,
    /// Their total shift, in days.
    pub offset_days: i64,
    /// "Now" for their survey decisions.
    pub now: Timestamp,
}

fn demo_only(state: &AppState) -> Result<()> {
    if state.config.demo {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Move one customer's survey clock (demo only; kept in the database, so every instance
/// behind a load balancer sees it; seeding the demo store resets it): prompts, responses and dismissals
/// of `customer:<id>` then happen at the shifted time.
#[utoipa::path(post, path = "/demo/clock", tag = "demo",
    security(()),
    request_body = DemoClockRequest,
    responses(
        (status = 200, body = DemoClock),
        (status = 404, description = "server not started with `--demo`", body = ApiError),
        (status = 422, body = ApiError),
    ))]
pub async fn clock(
    State(state): State<AppState>,
    Json(req): Json<DemoClockRequest>,
) -> Result<Json<DemoClock>> {
    demo_only(&state)?;
    let mut p = Problems::default();
    p.text("customer", &req.customer, 128);
    if !(-3650..=3650).contains(&req.advance_days) {
        p.add("advance_days", FieldIssue::OutOfRange);
    }
    p.finish()?;
    let customer = req.customer.trim().to_owned();
    let key = Subject::Customer(customer.clone()).key();
    let offset =
        crate::repo::demo_clock::advance(&state.db, &key, req.advance_days * surveys::DAY_MS)
            .await?;
    Ok(Json(DemoClock {
        customer,
        offset_days: offset / surveys::DAY_MS,
        now: Timestamp::from_utc_ms(crate::util::now_ms() + offset, 0),
    }))
}

async fn demo_store(state: &AppState) -> Result<stores::StoreRow> {
    demo_only(state)?;
    stores::by_publishable_key(&state.db, crate::seed::DEMO_PUBLISHABLE_KEY)
        .await?
        .ok_or(Error::NotFound)
}

/// The demo store's returns report (counts by status, units by product and reason).
async fn demo_returns_report(state: &AppState) -> Result<ReturnsReport> {
    let store = demo_store(state).await?;
    let mut conn = state.db.pool.acquire().await?;
    crate::repo::returns::report(&mut conn, store.id).await
}

/// The demo store's survey report (`nps.json`, `csat.json`) or CSV export (`nps.csv`,
/// `csat.csv`), last 12 weeks, its returns report (`returns.json`), or its feedback per
/// product (`products.json`, and as a chart `products.svg`), for the demo insights page.
#[utoipa::path(get, path = "/demo/insights/{name}", tag = "demo",
    security(()),
    params(("name" = String, Path, description = "`nps.json`, `csat.json`, `nps.csv`, `csat.csv`, `returns.json`, `products.json` or `products.svg`")),
    responses(
        (status = 200, description = "`SurveyReport` (nps/csat .json), CSV (.csv), `ReturnsReport` (`returns.json`), `[ProductInsight]` (`products.json`) or SVG (`products.svg`)", content(
            (SurveyReport = "application/json"),
            (ReturnsReport = "application/json"),
            (Vec<ProductInsight> = "application/json"),
            (String = "text/csv"),
            (String = "image/svg+xml"),
        )),
        (status = 404, description = "unknown name, or server not started with `--demo`", body = ApiError),
    ))]
pub async fn insights(
    State(state): State<AppState>,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let name = path_segment(path)?;
    if name == "returns.json" {
        return Ok(Json(demo_returns_report(&state).await?).into_response());
    }
    if let Some(ext) = name.strip_prefix("products.") {
        let store = demo_store(&state).await?;
        let mut conn = state.db.pool.acquire().await?;
        let products = crate::repo::product_insights::product_insights(&mut conn, store.id).await?;
        return match ext {
            "json" => Ok(Json(products).into_response()),
            "svg" => Ok(svg_response(crate::charts::product_feedback_svg(&products))),
            _ => Err(Error::NotFound),
        };
    }
    let store = demo_store(&state).await?;
    let (kind, ext) = name.rsplit_once('.').ok_or(Error::NotFound)?;
    let kind = SurveyKind::from_wire(kind).ok_or(Error::NotFound)?;
    match ext {
        "json" => Ok(Json(
            surveys::report(&state.db, store.id, kind, 12, crate::util::now_ms()).await?,
        )
        .into_response()),
        "csv" => {
            let rows = surveys::all_responses(&state.db, store.id, kind).await?;
            Ok(csv_response(
                &surveys::csv_filename(kind),
                surveys::to_csv(kind, &rows),
            ))
        }
        _ => Err(Error::NotFound),
    }
}

/// The demo store's score distribution chart (`name` = `nps` or `csat`).
#[utoipa::path(get, path = "/demo/insights/{name}/distribution.svg", tag = "demo",
    security(()),
    params(("name" = String, Path, description = "`nps` or `csat`")),
    responses(
        (status = 200, description = "SVG document", content_type = "image/svg+xml", body = String),
        (status = 404, body = ApiError),
    ))]
pub async fn insights_distribution(
    State(state): State<AppState>,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let kind = path_survey_kind(path)?;
    let store = demo_store(&state).await?;
    let r = surveys::report(&state.db, store.id, kind, 12, crate::util::now_ms()).await?;
    Ok(svg_response(crate::charts::distribution_svg(
        kind,
        &r.distribution,
    )))
}

/// The demo store's weekly trend chart (`name` = `nps` or `csat`).
#[utoipa::path(get, path = "/demo/insights/{name}/trend.svg", tag = "demo",
    security(()),
    params(("name" = String, Path, description = "`nps` or `csat`")),
    responses(
        (status = 200, description = "SVG document", content_type = "image/svg+xml", body = String),
        (status = 404, body = ApiError),
    ))]
pub async fn insights_trend(
    State(state): State<AppState>,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let kind = path_survey_kind(path)?;
    let store = demo_store(&state).await?;
    let r = surveys::report(&state.db, store.id, kind, 12, crate::util::now_ms()).await?;
    Ok(svg_response(crate::charts::trend_svg(kind, &r.weekly)))
}

/// The demo store's returned units by product and reason, as a stacked bar chart
/// ([`crate::charts::returns_by_reason_svg`], always 720 × 420).
#[utoipa::path(get, path = "/demo/insights/returns/reasons.svg", tag = "demo",
    security(()),
    responses(
        (status = 200, description = "SVG document", content_type = "image/svg+xml", body = String),
        (status = 404, description = "server not started with `--demo`", body = ApiError),
    ))]
pub async fn insights_returns_reasons(State(state): State<AppState>) -> Result<Response> {
    let report = demo_returns_report(&state).await?;
    Ok(svg_response(crate::charts::returns_by_reason_svg(&report)))
}

/// Query of `/demo/customer-token`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DemoTokenParams {
    /// The merchant's customer id (`cus_ana`, `cus_ben`, …).
    #[param(required = true, value_type = String, min_length = 1, max_length = 128, pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]")]
    pub customer: Option<String>,
}

/// Mint a one-hour customer token for the seeded demo store.
#[utoipa::path(get, path = "/demo/customer-token", tag = "demo",
    security(()),
    params(DemoTokenParams),
    responses(
        (status = 200, body = CustomerToken),
        (status = 404, description = "server not started with `--demo`", body = ApiError),
        (status = 422, body = ApiError),
    ))]
pub async fn customer_token(
    State(state): State<AppState>,
    query: std::result::Result<Query<DemoTokenParams>, QueryRejection>,
) -> Result<Json<CustomerToken>> {
    if !state.config.demo {
        return Err(Error::NotFound);
    }
    let Query(params) = query?;
    let customer = params.customer.unwrap_or_default().trim().to_owned();
    if customer.is_empty() {
        return Err(Error::field(
            "customer",
            FieldIssue::Required,
            "customer is required",
        ));
    }
    if customer.chars().count() > 128 {
        return Err(Error::field(
            "customer",
            FieldIssue::TooLong,
            "customer is too long",
        ));
    }
    let store = stores::by_publishable_key(&state.db, crate::seed::DEMO_PUBLISHABLE_KEY)
        .await?
        .ok_or(Error::NotFound)?;
    let exp = crate::util::now_ms() / 1000 + DEMO_TOKEN_SECONDS;
    let token = token::mint(
        &Claims {
            kind: TokenKind::Customer,
            store: store.publishable_key.clone(),
            sub: customer.clone(),
            exp,
        },
        &store.secret_key,
    );
    Ok(Json(CustomerToken {
        token,
        customer,
        expires_at: Timestamp::from_utc_ms(exp * 1000, 0),
    }))
}
