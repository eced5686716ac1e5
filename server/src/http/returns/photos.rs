//! Return photos: the upload (sniffed, size- and pixel-checked, re-encoded without metadata)
//! and the stored copy, served by its unguessable id.

use super::access::{owner_of, public_base};
use crate::auth::Shopper;
use crate::error::{Error, Result};
use crate::http::plumbing::path_segment;
use crate::http::plumbing::Json;
use crate::repo::returns as repo;
use crate::state::AppState;
use aftercare_shared::api::ReturnPhoto;
use aftercare_shared::ApiError;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

/// Upload one photo for a return line: the raw file is the body. The server trusts neither the
/// name nor the declared type: it sniffs the bytes (JPEG, PNG or WebP only), refuses
/// oversized files and pixel bombs before decoding, re-encodes the image (dropping EXIF, GPS
/// included) and stores the copy under a generated id. Uploads share a bounded pool of photo
/// workers: when it and its short queue are full the answer is `503` with `Retry-After`.
#[utoipa::path(post, path = "/v1/return-photos", tag = "returns",
    operation_id = "upload_return_photo",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "The image file (JPEG, PNG or WebP)"),
    responses(
        (status = 201, body = ReturnPhoto),
        (status = 400, description = "`bad_request`: a bad `Idempotency-Key`, or the body could not be read or took too long", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 415, description = "`unsupported_media_type`", body = ApiError),
        (status = 422, description = "`validation_failed` (`photo`: empty, too many pixels, unreadable); `idempotency_key_reused`", body = ApiError),
        (status = 503, description = "`unavailable`: every photo worker is busy and the queue is full; retry after `Retry-After` seconds", body = ApiError,
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ))]
pub async fn upload_photo(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ReturnPhoto>)> {
    let processed = crate::http::uploads::process_photo(&state, body).await?;
    let owner = owner_of(&shopper.principal);
    let id = repo::store_photo(
        &state.db,
        shopper.store.id,
        &owner,
        &processed,
        crate::util::now_ms(),
    )
    .await?;
    let base = public_base(&headers, state.config.trust_proxy);
    Ok((
        StatusCode::CREATED,
        Json(ReturnPhoto {
            url: format!("{base}/v1/return-photos/{id}"),
            id,
            width: processed.width,
            height: processed.height,
        }),
    ))
}

/// A stored (re-encoded) photo. The unguessable id is the capability, so `<img>` works
/// without credentials; answers are private and immutable.
#[utoipa::path(get, path = "/v1/return-photos/{id}", tag = "returns",
    operation_id = "get_return_photo",
    security(()),
    params(("id" = String, Path, description = "Photo id")),
    responses(
        (status = 200, description = "JPEG", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, body = ApiError),
    ))]
pub async fn get_photo(
    State(state): State<AppState>,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let id = path_segment(path)?;
    let (content_type, bytes) = repo::photo_bytes(&state.db, &id)
        .await?
        .ok_or(Error::NotFound)?;
    crate::http::plumbing::photo_response(
        &content_type,
        "private, max-age=31536000, immutable",
        bytes,
    )
}
