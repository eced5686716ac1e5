//! Signed review links for the merchant's own emails: the store (secret key) asks for a link to
//! one order; its token opens that order's reviews for the order's customer, and nothing else
//! (see `crate::auth::Reviewer`). The token is stateless: signed with the store's secret key,
//! bound to the store and the order number, expiring after 1–90 days.

use crate::auth::AdminStore;
use crate::error::{Error, Result};
use crate::http::plumbing::Json;
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_shared::api::{ReviewLink, ReviewLinkInput};
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::{ApiError, Timestamp};
use axum::extract::State;

const DAY_SECONDS: i64 = 86_400;

/// Make a review link for one order, for the store's own review email: put `token` in the
/// email's link to a page with the review widget (its `token` attribute). With it the order's
/// customer lists that order's items waiting for a review, reviews them, edits those reviews
/// and postpones them; every other route answers `403`, and after `expires_at` `401
/// token_expired`. Nothing is stored: a retry makes another, equally valid link.
#[utoipa::path(post, path = "/v1/admin/reviews/links", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = ReviewLinkInput,
    responses(
        (status = 200, body = ReviewLink),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 404, description = "`not_found`: the store has no order with this number", body = ApiError),
        (status = 409, description = "`conflict`: a guest order (no customer: reviews belong to a customer, so it cannot have a review link); `idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `order_number` (malformed) or `valid_days` (1–90); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn create_link(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    Json(input): Json<ReviewLinkInput>,
) -> Result<Json<ReviewLink>> {
    let (number, days) = input.validate()?;
    let mut conn = state.db.pool.acquire().await?;
    let order = repo::linked_order(&mut conn, store.id, &number)
        .await?
        .ok_or(Error::NotFound)?;
    if order.customer.is_none() {
        return Err(Error::Conflict(
            "This order has no customer (a guest checkout): reviews belong to a customer, so \
             it cannot have a review link."
                .into(),
        ));
    }
    let exp = crate::util::now_ms() / 1000 + i64::from(days) * DAY_SECONDS;
    let token = token::mint(
        &Claims {
            kind: TokenKind::ReviewLink,
            store: store.publishable_key.clone(),
            sub: number.as_str().to_owned(),
            exp,
        },
        &store.secret_key,
    );
    Ok(Json(ReviewLink {
        token,
        expires_at: Timestamp::from_utc_ms(exp * 1000, 0),
    }))
}
