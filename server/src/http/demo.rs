//! `GET /demo/customer-token`: the demo's stand-in for a merchant backend that signs the
//! logged-in customer's id. Only with `serve --demo`; a plain 404 otherwise.

use super::{Json, Routes};
use crate::error::{Error, Result};
use crate::repo::stores;
use crate::state::AppState;
use aftercare_shared::api::CustomerToken;
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::{ApiError, FieldIssue, Timestamp};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::Method;
use serde::Deserialize;

/// Lifetime of a demo customer token.
pub const DEMO_TOKEN_SECONDS: i64 = 60 * 60;

/// Demo routes.
pub fn router() -> Routes {
    Routes::new().route(Method::GET, "/demo/customer-token", customer_token)
}

/// Query of `/demo/customer-token`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DemoTokenParams {
    /// The merchant's customer id (`cus_ana`, `cus_ben`, …).
    pub customer: Option<String>,
}

/// Mint a one-hour customer token for the seeded demo store.
#[utoipa::path(get, path = "/demo/customer-token", tag = "demo",
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
    let exp = crate::now_ms() / 1000 + DEMO_TOKEN_SECONDS;
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
