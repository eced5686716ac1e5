//! "This review helped me": anyone on the product page (publishable key, no sign-in) votes
//! once per browser; the count is part of the public list and its `most_helpful` sort.

use crate::auth::{ClientIp, PublicStore};
use crate::error::Result;
use crate::http::plumbing::{path_id, Json};
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_shared::api::{HelpfulInput, HelpfulVote};
use aftercare_shared::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};

/// Count a "helpful" vote on a published review, once per browser: `voter` is a random id
/// the browser keeps; a repeat (or a parallel duplicate) answers `200` with `counted: false`
/// and the count unchanged. Limited per client IP (30 a minute by default,
/// `AFTERCARE_VOTES_PER_MINUTE`). No `Idempotency-Key` is needed, since the vote is idempotent
/// per voter by itself; one sent is honoured as on every POST. The votes hold no personal
/// data (no account, no IP is stored).
#[utoipa::path(post, path = "/v1/reviews/{id}/helpful", tag = "reviews",
    security(("publishable_key" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "The review's id"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Optional: the vote is idempotent per `voter` already"),
    ),
    request_body = HelpfulInput,
    responses(
        (status = 200, description = "The vote, `counted: false` when this voter had already voted", body = HelpfulVote),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: no published review with this id in this store", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `voter` (16–64 of `A-Z a-z 0-9 - _`); `idempotency_key_reused`", body = ApiError),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ApiError),
    ))]
pub async fn vote_helpful(
    State(state): State<AppState>,
    PublicStore(store): PublicStore,
    ClientIp(ip): ClientIp,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<HelpfulInput>,
) -> Result<Json<HelpfulVote>> {
    state.limits.check_vote(&state.db, &store, ip).await?;
    let id = path_id(path)?;
    input.validate()?;
    Ok(Json(
        repo::vote(&state.db, store.id, id, &input.voter, crate::util::now_ms()).await?,
    ))
}
