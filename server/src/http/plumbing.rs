//! What every HTTP resource module shares, so none of them reaches into another: the route
//! table ([`Routes`]), the JSON extractor whose rejections use the API error shape
//! ([`Json`]), and the request body limits with the layers that enforce them.

use crate::error::Error;
use crate::state::AppState;
use axum::extract::{FromRequest, Request};
use axum::handler::Handler;
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Path of the photo upload route: the one route whose body may be a whole image.
pub const PHOTO_UPLOAD_PATH: &str = "/v1/returns/photos";

/// Largest request body accepted (256 KiB): orders and event batches fit easily.
pub const BODY_LIMIT: usize = 256 * 1024;

/// The body limit of a path: photo uploads may carry a whole image, everything else is JSON.
pub fn body_limit_for(path: &str) -> usize {
    if path == PHOTO_UPLOAD_PATH {
        crate::photos::MAX_UPLOAD_BYTES
    } else {
        BODY_LIMIT
    }
}

/// A router that remembers every `(method, path)` it registers, so a test can prove the
/// OpenAPI document lists every route the server actually serves.
pub struct Routes {
    router: Router<AppState>,
    table: Vec<(Method, &'static str)>,
}

impl Default for Routes {
    fn default() -> Self {
        Self::new()
    }
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    /// Register `handler` for `method` on `path` (axum path syntax, `{param}`).
    pub fn route<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("a routable method");
        self.router = self.router.route(path, on(filter, handler));
        self.table.push((method, path));
        self
    }

    /// Add another module's routes.
    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.table.extend(other.table);
        self
    }

    /// Every registered `(method, path)`.
    pub fn table(&self) -> &[(Method, &'static str)] {
        &self.table
    }

    /// The plain axum router.
    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// Cap the request body at [`body_limit_for`] its path: a declared `Content-Length` over it
/// is refused at once, a streamed body stops being read at the limit (extractors then
/// answer `413 payload_too_large`).
pub async fn limit_body(req: Request, next: axum::middleware::Next) -> Response {
    let limit = body_limit_for(req.uri().path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Error::PayloadTooLarge.into_response();
    }
    let req = req.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, limit)));
    next.run(req).await
}

/// Body-limit refusals that are not already in the API's error shape get it.
pub async fn json_payload_too_large(resp: Response) -> Response {
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if resp.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_json {
        return Error::PayloadTooLarge.into_response();
    }
    resp
}

/// JSON body extractor/responder whose rejections use the API error shape
/// (`bad_request`, `validation_failed` with the offending field, `payload_too_large`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Self(v)),
            Err(rejection) => Err(Error::from(rejection)),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
