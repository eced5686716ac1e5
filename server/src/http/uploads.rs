//! The one path every photo upload takes (return and review photos): a worker permit from
//! [`crate::photos::limit`] first, then the body, then the re-encode on a blocking thread.
//!
//! Taking the permit before reading the body bounds the upload bodies in memory as well as
//! the decodes (except when the `Idempotency-Key` layer already buffered the body to
//! fingerprint it). The permit travels into the blocking task, so a client that hangs up
//! mid-decode does not free a worker slot before the decode's memory is freed.

use crate::error::{Error, Result};
use crate::photos::{self, StoredPhoto};
use crate::state::AppState;
use axum::body::Body;
use std::time::Duration;

/// Longest an upload's body may take to arrive once it holds a worker: a 10 MiB photo at
/// ~175 KB/s. A slower client would hold a worker that others are queueing for.
pub const UPLOAD_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Wait for a photo worker (or `503 unavailable` with `Retry-After`), read the upload, and
/// re-encode it (the `photo` errors of [`photos::process`]).
pub async fn process_photo(state: &AppState, body: Body) -> Result<StoredPhoto> {
    let permit = state.photo_limit.acquire().await?;
    let read = axum::body::to_bytes(body, photos::MAX_UPLOAD_BYTES);
    let bytes = match tokio::time::timeout(UPLOAD_READ_TIMEOUT, read).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) if is_length_limit(&e) => return Err(Error::PayloadTooLarge),
        Ok(Err(_)) => return Err(Error::bad_request("The upload could not be read.")),
        Err(_) => return Err(Error::bad_request("The upload took too long to arrive.")),
    };
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        photos::process(&bytes)
    })
    .await
    .map_err(|e| Error::internal(format!("photo task: {e}")))?
    .map_err(Error::from)
}

/// Whether reading stopped at the body limit (`limit_body`'s `Limited` wrapper).
fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}
