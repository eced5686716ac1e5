//! Product reviews. Customers (publishable key + customer token) list the delivered items
//! waiting for their review, submit, edit and postpone; anyone with the publishable key reads
//! a product's published reviews; merchants (secret key) moderate, reply and set the rules.
//! When to ask is the shared `review` module's rule; "verified" is decided here, never sent.
//! The customer routes also take a signed review link ([`links`]), limited to its order's SKUs.

pub mod disclosure;
pub mod helpful;
pub mod links;

pub mod asks;
pub mod photos;

pub mod data;
pub mod transfer;

use super::plumbing::{
    encode_cursor, path_id, path_segment, query_cursor, query_enum, queue_params, ranged,
    ApiRouter, Json, DEFAULT_PAGE, MAX_PAGE,
};
use super::returns::public_base;
use crate::auth::{AdminStore, PublicStore, Reviewer, Shopper};
use crate::error::Result;
use crate::repo::reviews::{self as repo, PublicQuery};
use crate::state::AppState;
use aftercare_shared::api::{
    ModerationInput, Page, PendingReview, Postponed, ProductReviews, ReplyInput, Review,
    ReviewInput, ReviewSettings, ReviewSettingsInput, ReviewSort,
};
use aftercare_shared::review::ReviewStatus;
use aftercare_shared::validate::Problems;
use aftercare_shared::{ApiError, FieldIssue};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use utoipa_axum::routes;

/// The kind tag of the admin queue's cursors.
const QUEUE_CURSOR: &str = "v1";
/// The kind tag of the public list's cursors (an offset: the list has several sorts).
const PUBLIC_CURSOR: &str = "p1";

/// Review routes (customer, public and admin).
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(mine))
        .routes(routes!(pending))
        .routes(routes!(submit))
        .routes(routes!(edit))
        .routes(routes!(postpone))
        .routes(routes!(product_reviews))
        .routes(routes!(admin_reviews))
        .routes(routes!(moderate))
        .routes(routes!(put_reply, delete_reply))
        .routes(routes!(get_settings, put_settings))
        .routes(routes!(data::product_jsonld_route))
        .routes(routes!(data::product_reviews_feed))
        .routes(routes!(transfer::import))
        .routes(routes!(transfer::export))
        .routes(routes!(helpful::vote_helpful))
        .routes(routes!(disclosure::disclosure_text))
        .routes(routes!(links::create_link))
        .routes(routes!(photos::upload_photo))
        .routes(routes!(photos::get_photo))
        .routes(routes!(asks::record_asks))
}

/// The server's public address, for photo links in answers.
fn base(state: &AppState, headers: &HeaderMap) -> String {
    public_base(headers, state.config.trust_proxy)
}

/// The signed-in customer's own reviews in every state, newest first: `pending`,
/// `published`, or `rejected` with its `reject_reason`, and the store's reply.
#[utoipa::path(get, path = "/v1/me/reviews", tag = "reviews",
    security(("publishable_key" = [], "customer_token" = [])),
    responses(
        (status = 200, body = Vec<Review>),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no reviews; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn mine(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
) -> Result<Json<Vec<Review>>> {
    let customer = shopper.customer()?;
    let base = base(&state, &headers);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(
        repo::for_customer(&mut conn, shopper.store.id, customer, &base).await?,
    ))
}

/// The signed-in customer's delivered items waiting for a review, newest order first: one per
/// product, none already reviewed, none returned or refunded, none before its delivery scan
/// plus the product's use period (without a scan: shipment plus the transit buffer), none
/// postponed in the last 7 days, and nothing at all when review requests are off in the
/// customer's preferences. `prompt` is false when only spent reminders or the customer's
/// 30-day cap hold the item back (see `POST /v1/me/reviews/asks`); each item lists the
/// questions its product gets and the reward its review request carries. With a review link:
/// only that order's items.
#[utoipa::path(get, path = "/v1/me/reviews/pending", tag = "reviews",
    security(("publishable_key" = [], "customer_token" = []), ("publishable_key" = [], "review_link" = [])),
    responses(
        (status = 200, body = Vec<PendingReview>),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session has no reviews; a review link for an order that is gone; `origin_not_allowed`", body = ApiError),
    ))]
pub async fn pending(
    State(state): State<AppState>,
    reviewer: Reviewer,
) -> Result<Json<Vec<PendingReview>>> {
    let mut conn = state.db.pool.acquire().await?;
    let settings = repo::settings(&mut conn, reviewer.store.id).await?;
    let mut items = repo::pending(
        &mut conn,
        reviewer.store.id,
        reviewer.customer(),
        &settings,
        crate::util::now_ms(),
    )
    .await?;
    items.retain(|p| reviewer.allows(&p.sku));
    Ok(Json(items))
}

/// Review a product. "Verified buyer" is set only when the server finds a delivered line of
/// that SKU in the customer's orders. One review per product per customer: a second one is
/// `409` (edit the first instead), and parallel submits make one review. A review link
/// reviews only its order's SKUs. It starts `pending`,
/// or `published` when the store auto-publishes (the same for every rating). Send an
/// `Idempotency-Key`: a retry replays the first answer.
#[utoipa::path(post, path = "/v1/reviews", tag = "reviews",
    security(("publishable_key" = [], "customer_token" = []), ("publishable_key" = [], "review_link" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = ReviewInput,
    responses(
        (status = 201, body = Review),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session cannot review; a review link for another order's SKU; `origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: a customer the store has no order from", body = ApiError),
        (status = 409, description = "`conflict`: this customer already reviewed the product; `idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `sku` (unknown to the store), `rating` (1–5), `title` (1–120 characters), `body` (10–5,000), `display_name` (1–60), `attributes.fit` / `attributes.would_recommend` (not asked about this product) or `photo_ids` (more than 4, unknown, another uploader's, already on another review, or repeated); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    reviewer: Reviewer,
    headers: HeaderMap,
    Json(input): Json<ReviewInput>,
) -> Result<(StatusCode, Json<Review>)> {
    reviewer.may_review(&input.sku)?;
    let review = repo::submit(
        &state.db,
        reviewer.store.id,
        reviewer.customer(),
        &input,
        crate::util::now_ms(),
        &base(&state, &headers),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(review)))
}

/// The author edits their review: it goes back to `pending` (or straight to `published` when
/// the store auto-publishes), and a rejection reason is cleared. `sku` must stay the same.
/// Another customer's review is `404`, as if it did not exist. A review link edits only
/// reviews of its order's SKUs.
#[utoipa::path(put, path = "/v1/reviews/{id}", tag = "reviews",
    security(("publishable_key" = [], "customer_token" = []), ("publishable_key" = [], "review_link" = [])),
    params(("id" = i64, Path, minimum = 1, description = "The review's id")),
    request_body = ReviewInput,
    responses(
        (status = 200, body = Review),
        (status = 400, description = "`bad_request`: the body is not JSON", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session cannot review; a review link for another order's SKU; `origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: no such review of this customer", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed`, as for `POST /v1/reviews` (`photo_ids` is the full new list: photos left out are deleted); `sku` when it differs from the review's", body = ApiError),
    ))]
pub async fn edit(
    State(state): State<AppState>,
    reviewer: Reviewer,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ReviewInput>,
) -> Result<Json<Review>> {
    let id = path_id(path)?;
    reviewer.may_review(&input.sku)?;
    Ok(Json(
        repo::edit(
            &state.db,
            reviewer.store.id,
            reviewer.customer(),
            id,
            &input,
            crate::util::now_ms(),
            &base(&state, &headers),
        )
        .await?,
    ))
}

/// "Not arrived yet?": the product is not asked about for 7 days. Postponing again restarts
/// the 7 days. A review link postpones only its order's SKUs.
#[utoipa::path(post, path = "/v1/me/reviews/{sku}/postpone", tag = "reviews",
    security(("publishable_key" = [], "customer_token" = []), ("publishable_key" = [], "review_link" = [])),
    params(
        ("sku" = String, Path, description = "The product"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    responses(
        (status = 200, body = Postponed),
        (status = 400, description = "`bad_request`: a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session cannot postpone; a review link for another order's SKU; `origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: the customer has not ordered this SKU", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`", body = ApiError),
        (status = 422, description = "`idempotency_key_reused`", body = ApiError),
    ))]
pub async fn postpone(
    State(state): State<AppState>,
    reviewer: Reviewer,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<Postponed>> {
    let sku = path_segment(path)?;
    reviewer.may_review(&sku)?;
    Ok(Json(
        repo::postpone(
            &state.db,
            reviewer.store.id,
            reviewer.customer(),
            &sku,
            crate::util::now_ms(),
        )
        .await?,
    ))
}

/// Query of `GET /v1/products/{sku}/reviews`. Values are read as text, so a bad one gets the
/// API's own `422` naming its field.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductReviewParams {
    /// Only reviews with this many stars, 1–5.
    #[param(value_type = Option<u8>, minimum = 1, maximum = 5)]
    pub stars: Option<String>,
    /// `true`: only reviews with photos.
    #[param(value_type = Option<bool>)]
    pub with_photos: Option<String>,
    /// `true`: only verified buyers' reviews.
    #[param(value_type = Option<bool>)]
    pub verified: Option<String>,
    /// `newest` (the default), `highest`, `lowest`, `most_helpful` or `with_photos`.
    #[param(value_type = Option<ReviewSort>, inline)]
    pub sort: Option<String>,
    /// `next_cursor` of the previous page (same filters and sort).
    #[param(pattern = r"^p1\.[0-9]{1,15}\.[0-9]{1,18}$", max_length = 40)]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
    /// The language of `disclosure`: `en`, `es` or `pt-BR` (other tags of these languages,
    /// such as `es-MX` or `pt-PT`, are read by their language); unsupported or absent means
    /// the store's default language.
    #[param(value_type = Option<aftercare_shared::Locale>, inline)]
    pub locale: Option<String>,
}

fn flag(p: &mut Problems, field: &str, raw: Option<&str>) -> bool {
    match raw {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            p.add(field, FieldIssue::InvalidFormat);
            false
        }
    }
}

/// A product's published reviews: the summary of all of them (count, average, histogram of
/// 1–5 stars; no average without reviews) and one page of the list, filtered and sorted.
/// Pending and rejected reviews are never here. A SKU without reviews answers an empty list.
/// `disclosure` is "How reviews work" in `locale` (as `GET /v1/reviews/disclosure`).
#[utoipa::path(get, path = "/v1/products/{sku}/reviews", tag = "reviews",
    security(("publishable_key" = [])),
    params(("sku" = String, Path, description = "The product"), ProductReviewParams),
    responses(
        (status = 200, body = ProductReviews),
        (status = 400, description = "`bad_request`: the query string cannot be read", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
        (status = 422, description = "`validation_failed`: bad `stars`, `with_photos`, `verified`, `sort`, `limit` or `cursor`", body = ApiError),
    ))]
pub async fn product_reviews(
    State(state): State<AppState>,
    PublicStore(store): PublicStore,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<ProductReviewParams>, QueryRejection>,
) -> Result<Json<ProductReviews>> {
    let sku = path_segment(path)?;
    let Query(q) = query?;
    let mut p = Problems::default();
    let stars = q
        .stars
        .as_deref()
        .map(|s| ranged(&mut p, "stars", Some(s), 1..=5, 1) as u8);
    let with_photos = flag(&mut p, "with_photos", q.with_photos.as_deref());
    let verified = flag(&mut p, "verified", q.verified.as_deref());
    let sort =
        query_enum(&mut p, "sort", q.sort.as_deref(), ReviewSort::from_wire).unwrap_or_default();
    let limit = ranged(
        &mut p,
        "limit",
        q.limit.as_deref(),
        1..=MAX_PAGE,
        DEFAULT_PAGE,
    );
    let offset = query_cursor(&mut p, PUBLIC_CURSOR, q.cursor.as_deref())
        .and_then(|(o, _)| u64::try_from(o).ok())
        .unwrap_or(0);

    p.finish()?;
    let mut conn = state.db.pool.acquire().await?;
    let query = PublicQuery {
        stars,
        with_photos,
        verified,
        sort,
        offset,
        limit,
    };
    let base = base(&state, &headers);
    let (summary, items, more, total) =
        repo::public_list(&mut conn, store.id, &sku, query, &base).await?;
    drop(conn);
    let disclosure = disclosure::for_store(&state, &store, q.locale.as_deref()).await?;
    let next = offset + u64::from(limit);
    Ok(Json(ProductReviews {
        summary,
        reviews: Page {
            items,
            next_cursor: more
                .then(|| encode_cursor(PUBLIC_CURSOR, (i64::try_from(next).unwrap_or(0), 0))),
            total: Some(total),
        },
        disclosure,
    }))
}

/// Query of `GET /v1/admin/reviews`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminReviewParams {
    /// Which reviews: `pending` (the default: the moderation queue), `published` or
    /// `rejected`.
    #[param(value_type = ReviewStatus, inline, required = false)]
    pub status: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = r"^v1\.[0-9]{1,15}\.[0-9]{1,18}$", max_length = 40)]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
}

/// The store's reviews in one status, oldest first (the queue a moderator works through),
/// cursor-paginated; `total` counts the reviews in that status.
#[utoipa::path(get, path = "/v1/admin/reviews", tag = "admin",
    security(("secret_key" = [])),
    params(AdminReviewParams),
    responses(
        (status = 200, body = Page<Review>),
        (status = 400, description = "`bad_request`: the query string cannot be read", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 422, description = "`validation_failed`: bad `status`, `limit` or `cursor`", body = ApiError),
    ))]
pub async fn admin_reviews(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    query: std::result::Result<Query<AdminReviewParams>, QueryRejection>,
) -> Result<Json<Page<Review>>> {
    let Query(q) = query?;
    let mut p = Problems::default();
    let (status, limit, after) = queue_params(
        &mut p,
        (q.status.as_deref(), q.limit.as_deref(), q.cursor.as_deref()),
        ReviewStatus::from_wire,
        ReviewStatus::Pending,
        QUEUE_CURSOR,
    );
    p.finish()?;
    let mut conn = state.db.pool.acquire().await?;
    let base = base(&state, &headers);
    let (items, next, total) =
        repo::admin_list(&mut conn, store.id, status, after, limit, &base).await?;
    Ok(Json(Page {
        items,
        next_cursor: next.map(|at| encode_cursor(QUEUE_CURSOR, at)),
        total: Some(total),
    }))
}

/// Approve (publish) or reject a review with a neutral reason (`spam`, `off_topic`,
/// `personal_data`, `offensive`, `not_about_product`: never its rating). Works from any
/// state, so a published review can be taken down and a rejected one published. Every action
/// is written to the audit log.
#[utoipa::path(post, path = "/v1/admin/reviews/{id}/moderation", tag = "admin",
    security(("secret_key" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "The review's id"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body = ModerationInput,
    responses(
        (status = 200, body = Review),
        (status = 400, description = "`bad_request`: the body is not JSON, or a bad `Idempotency-Key`", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 404, description = "`not_found`: no such review in this store", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `reason` (required to reject, none to approve); `idempotency_key_reused`", body = ApiError),
    ))]
pub async fn moderate(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ModerationInput>,
) -> Result<Json<Review>> {
    let id = path_id(path)?;
    let (now, base) = (crate::util::now_ms(), base(&state, &headers));
    Ok(Json(
        repo::moderate(&state.db, store.id, id, &input, now, &base).await?,
    ))
}

/// Write or rewrite the store's public reply under a review (shown under it once it is
/// published); logged.
#[utoipa::path(put, path = "/v1/admin/reviews/{id}/reply", tag = "admin",
    security(("secret_key" = [])),
    params(("id" = i64, Path, minimum = 1, description = "The review's id")),
    request_body = ReplyInput,
    responses(
        (status = 200, body = Review),
        (status = 400, description = "`bad_request`: the body is not JSON", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 404, description = "`not_found`: no such review in this store", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `body` (1–2,000 characters)", body = ApiError),
    ))]
pub async fn put_reply(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
    Json(input): Json<ReplyInput>,
) -> Result<Json<Review>> {
    let id = path_id(path)?;
    let (now, base) = (crate::util::now_ms(), base(&state, &headers));
    Ok(Json(
        repo::put_reply(&state.db, store.id, id, &input, now, &base).await?,
    ))
}

/// Remove the store's reply under a review (idempotent: no reply is fine); logged.
#[utoipa::path(delete, path = "/v1/admin/reviews/{id}/reply", tag = "admin",
    security(("secret_key" = [])),
    params(("id" = i64, Path, minimum = 1, description = "The review's id")),
    responses(
        (status = 200, body = Review),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 404, description = "`not_found`: no such review in this store", body = ApiError),
    ))]
pub async fn delete_reply(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Json<Review>> {
    let id = path_id(path)?;
    let (now, base) = (crate::util::now_ms(), base(&state, &headers));
    Ok(Json(
        repo::delete_reply(&state.db, store.id, id, now, &base).await?,
    ))
}

/// The store's review settings (the defaults until set).
#[utoipa::path(get, path = "/v1/admin/reviews/settings", tag = "admin",
    operation_id = "get_review_settings",
    security(("secret_key" = [])),
    responses(
        (status = 200, body = ReviewSettings),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
    ))]
pub async fn get_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
) -> Result<Json<ReviewSettings>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(repo::settings(&mut conn, store.id).await?))
}

/// Replace the store's review settings. Auto-publishing applies to every rating alike:
/// `auto_publish_min_rating` and `reward_min_rating` are refused with `422` whatever their
/// value, as publishing or rewarding by rating is unlawful (US FTC 16 CFR §465.7, §465.4).
#[utoipa::path(put, path = "/v1/admin/reviews/settings", tag = "admin",
    operation_id = "put_review_settings",
    security(("secret_key" = [])),
    request_body = ReviewSettingsInput,
    responses(
        (status = 200, body = ReviewSettings),
        (status = 400, description = "`bad_request`: the body is not JSON", body = ApiError),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 422, description = "`validation_failed` naming `auto_publish_min_rating` or `reward_min_rating` (rating-gated settings, refused), a `timing.*` field out of range, `attributes` / `attributes[i].tags[k]`, or `incentive.offer` / `incentive.code_prefix`", body = ApiError),
    ))]
pub async fn put_settings(
    State(state): State<AppState>,
    AdminStore(store): AdminStore,
    Json(input): Json<ReviewSettingsInput>,
) -> Result<Json<ReviewSettings>> {
    let settings = input.validate()?;
    Ok(Json(
        repo::put_settings(&state.db, store.id, &settings, crate::util::now_ms()).await?,
    ))
}
