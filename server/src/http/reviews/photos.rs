//! Review photos: the upload (through the same safe pipeline as return photos: sniffed,
//! size- and pixel-checked, re-encoded without metadata) and the stored copy, served by its
//! unguessable id.

use crate::auth::Reviewer;
use crate::error::{Error, Result};
use crate::http::plumbing::{path_segment, Json};
use crate::http::returns::public_base;
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_shared::api::ReturnPhoto;
use aftercare_shared::ApiError;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

/// Upload one photo for a review: the raw file is the body; name the returned `id` in the
/// review's `photo_ids` (at most four). The server trusts neither the name nor the declared
/// type: it sniffs the bytes (JPEG, PNG or WebP only), refuses oversized files and pixel bombs
/// before decoding, re-encodes the image (dropping EXIF, GPS included) and stores the copy
/// under a generated id. Only the uploader can attach it to a review. Uploads share a bounded
/// pool of photo workers: when it and its short queue are full the answer is `503` with
/// `Retry-After`.
#[utoipa::path(post, path = "/v1/review-photos", tag = "reviews",
    operation_id = "upload_review_photo",
    security(("publishable_key" = [], "customer_token" = []), ("publishable_key" = [], "review_link" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, max_length = 255, description = "Makes retries safe (1–255 characters)"),
    ),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "The image file (JPEG, PNG or WebP)"),
    responses(
        (status = 201, body = ReturnPhoto),
        (status = 400, description = "`bad_request`: a bad `Idempotency-Key`, or the body could not be read or took too long", body = ApiError),
        (status = 401, description = "`unauthorized`, `invalid_key`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "`forbidden`: an order session cannot review; `origin_not_allowed`", body = ApiError),
        (status = 409, description = "`idempotency_in_flight`", body = ApiError),
        (status = 413, description = "`payload_too_large`", body = ApiError),
        (status = 415, description = "`unsupported_media_type`", body = ApiError),
        (status = 422, description = "`validation_failed` (`photo`: empty, too many pixels, unreadable); `idempotency_key_reused`", body = ApiError),
        (status = 503, description = "`unavailable`: every photo worker is busy and the queue is full; retry after `Retry-After` seconds", body = ApiError,
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ))]
pub async fn upload_photo(
    State(state): State<AppState>,
    reviewer: Reviewer,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ReturnPhoto>)> {
    let processed = crate::http::uploads::process_photo(&state, body).await?;
    // The customer owns the photo whether they came with their token or the store's review
    // link (the review that attaches it is checked against the link's SKUs).
    let owner = repo::photo_owner(reviewer.customer());
    let id = repo::store_photo(
        &state.db,
        reviewer.store.id,
        &owner,
        &processed,
        crate::util::now_ms(),
    )
    .await?;
    let base = public_base(&headers, state.config.trust_proxy);
    Ok((
        StatusCode::CREATED,
        Json(ReturnPhoto {
            url: repo::photo_url(&base, &id),
            id,
            width: processed.width,
            height: processed.height,
        }),
    ))
}

/// A stored (re-encoded) review photo. The unguessable id (128 random bits) is the
/// capability, so `<img>` works without credentials, and answers may be cached publicly:
/// photos of published reviews are shown on product pages. A photo not attached yet, or of a
/// pending or rejected review, is served the same way: only whoever holds its id (its
/// uploader, the store) can find it, which is the same protection an unlisted link gives, and
/// checking the review's state here would make the cached public answer wrong once it changes.
#[utoipa::path(get, path = "/v1/review-photos/{id}", tag = "reviews",
    operation_id = "get_review_photo",
    security(()),
    params(("id" = String, Path, description = "Photo id")),
    responses(
        (status = 200, description = "JPEG", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, description = "`not_found`: no such photo (or a malformed id)", body = ApiError),
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
        "public, max-age=31536000, immutable",
        bytes,
    )
}

#[cfg(test)]
mod tests {
    use crate::http::plumbing::REVIEW_PHOTO_UPLOAD_PATH;
    use utoipa::Path;

    /// The upload's larger body limit is keyed by [`REVIEW_PHOTO_UPLOAD_PATH`], while `routes!`
    /// serves the handler at its `#[utoipa::path]`: the two must not drift apart.
    #[test]
    fn photo_upload_is_served_at_the_path_with_the_larger_body_limit() {
        assert_eq!(super::__path_upload_photo::path(), REVIEW_PHOTO_UPLOAD_PATH);
        assert_eq!(
            crate::http::plumbing::body_limit_for(REVIEW_PHOTO_UPLOAD_PATH),
            crate::photos::MAX_UPLOAD_BYTES
        );
        assert_eq!(
            format!("{}/x", crate::repo::reviews::PHOTO_PATH),
            "/v1/review-photos/x"
        );
    }
}
