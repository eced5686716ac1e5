//! `POST /v1/me/reviews/asks`: the review prompt was shown, so the store's reminder count and
//! the customer's 30-day cap include it (what turns `prompt` off on the pending list).

use crate::auth::Reviewer;
use crate::error::Result;
use crate::http::plumbing::Json;
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_shared::api::{AskInput, AsksRecorded};
use aftercare_shared::ApiError;
use axum::extract::State;

/// Record that the prompt was shown about these SKUs (at most 50). One ask is recorded per
/// product currently on the customer's pending list (`GET /v1/me/reviews/pending`); other
/// SKUs are skipped, and a product already asked about in the last 24 hours is not counted
/// again, so a page reload does not spend a reminder. The first ask about a product makes its
/// review request, which fixes the store's reward of that moment (its coupon code is kept
/// even if the store later turns the reward off).
#[utoipa::path(post, path = "/v1/me/reviews/asks", tag = "reviews",
    security(("publishable_key" = [], "customer_token" = []), ("publishable_key" = [], "review_link" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = AskInput,
    responses(
        (status = 200, body = AsksRecorded),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no review prompts; `origin_not_allowed`", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `skus` (more than 50) or `skus[i]` (empty or too long); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn record_asks(
    State(state): State<AppState>,
    reviewer: Reviewer,
    Json(mut input): Json<AskInput>,
) -> Result<Json<AsksRecorded>> {
    // A review link asks only about its order's items.
    input.skus.retain(|s| reviewer.allows(s));
    Ok(Json(
        repo::record_asks(
            &state.db,
            reviewer.store.id,
            reviewer.customer(),
            &input,
            crate::util::now_ms(),
        )
        .await?,
    ))
}
