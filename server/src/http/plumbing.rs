//! What every HTTP resource module shares, so none of them reaches into another: the router
//! that documents what it routes ([`ApiRouter`]), the request body limits with the layers that
//! enforce them, reading a request (the JSON extractor and path parameters whose rejections
//! use the API error shape, the order a shopper may act on, bounded numbers, page sizes and
//! cursors, the shopper's language) and the CSV and SVG responses.

use crate::auth::{Principal, Shopper};
use crate::error::{Error, Result};
use crate::state::AppState;
use aftercare_shared::api::Topic;
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::validate::Problems;
use aftercare_shared::{FieldIssue, Locale, OrderNumber};
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::openapi::path::Paths;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

/// Path of the return photo upload route: with [`REVIEW_PHOTO_UPLOAD_PATH`], the only routes
/// whose body may be a whole image.
pub const PHOTO_UPLOAD_PATH: &str = "/v1/returns/photos";

/// Largest request body accepted (256 KiB): orders and event batches fit easily.
pub const BODY_LIMIT: usize = 256 * 1024;

/// The path review photos are uploaded to (the same larger body limit as return photos).
pub const REVIEW_PHOTO_UPLOAD_PATH: &str = "/v1/reviews/photos";

/// Path of the review import route: the one route whose body is a whole CSV export.
pub const REVIEW_IMPORT_PATH: &str = "/v1/admin/reviews/import";

/// Largest review import file (5 MiB: tens of thousands of reviews).
pub const REVIEW_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The body limit of a path: photo uploads may carry a whole image, review imports a whole
/// CSV file, everything else is JSON.
pub fn body_limit_for(path: &str) -> usize {
    if path == PHOTO_UPLOAD_PATH || path == REVIEW_PHOTO_UPLOAD_PATH {
        crate::photos::MAX_UPLOAD_BYTES
    } else if path == REVIEW_IMPORT_PATH {
        REVIEW_IMPORT_BYTES
    } else {
        BODY_LIMIT
    }
}

/// A resource module's routes. Each handler is added with `routes!(handler, …)`, which serves it
/// at the path and method of its own `#[utoipa::path]` and puts that operation in the OpenAPI
/// document, so a route can neither be served undocumented nor documented at another path
/// (`routes!` takes handlers of one path at a time: the same path's GET and PUT go together).
pub type ApiRouter = OpenApiRouter<AppState>;

/// [`OpenApiRouter::routes`] for a handler documented at `…/{name}` but serving every path below
/// it (axum's catch-all `…/{*name}`): OpenAPI cannot spell a parameter that spans segments, so
/// the document keeps the one-segment form and only the route takes the catch-all one.
#[allow(
    clippy::disallowed_methods,
    reason = "the one plain route: its operation is documented just below, from the same `routes!`"
)]
pub fn catch_all(
    router: ApiRouter,
    (schemas, paths, method_router): UtoipaMethodRouter<AppState>,
) -> ApiRouter {
    let mut router = paths.paths.keys().fold(router, |router, path| {
        let (head, name) = path
            .rsplit_once("/{")
            .filter(|(_, name)| name.ends_with('}') && !name.contains('/'))
            .expect("a catch-all path ends in a parameter");
        router.route(&format!("{head}/{{*{name}"), method_router.clone())
    });
    document(router.get_openapi_mut(), schemas, paths);
    router
}

/// Put a `routes!(handler)` operation in the OpenAPI document without routing it: for the
/// fallback, which axum runs for any path no route matches (so it has no path of its own to be
/// routed at) and which [`crate::http::app`] installs.
pub fn document_only(
    mut router: ApiRouter,
    (schemas, paths, _): UtoipaMethodRouter<AppState>,
) -> ApiRouter {
    document(router.get_openapi_mut(), schemas, paths);
    router
}

/// Add operations and the schemas they name to `doc`, as [`OpenApiRouter::routes`] does.
fn document(doc: &mut OpenApi, schemas: Vec<(String, RefOr<Schema>)>, paths: Paths) {
    doc.paths.merge(paths);
    doc.components
        .get_or_insert_with(Default::default)
        .schemas
        .extend(schemas);
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

    async fn from_request(req: Request, state: &S) -> std::result::Result<Self, Error> {
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

/// A path parameter; a path that does not match is `404 not_found` (the API never says more
/// about a bad path).
pub fn path_segment(path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let Path(raw) = path.map_err(|_| Error::NotFound)?;
    Ok(raw)
}

/// A stored row's id in a path (a positive whole number); anything else is `404 not_found`,
/// like an id that does not exist.
pub fn path_id(path: std::result::Result<Path<String>, PathRejection>) -> Result<i64> {
    let raw = path_segment(path)?;
    raw.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| raw.parse::<i64>().ok())
        .flatten()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// The order number in a path; anything that is not one is `404 not_found`, like an order
/// that does not exist.
pub fn path_order_number(
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<OrderNumber> {
    OrderNumber::parse(&path_segment(path)?).map_err(|_| Error::NotFound)
}

/// The order in the path that a shopper may act on: their own (customer token) or the one
/// their order session opened. Anything else is `404 not_found`, like `GET /v1/orders/{n}`
/// (existence is not revealed). The returns and the change-request routes share it.
pub async fn shopper_order(
    state: &AppState,
    shopper: &Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<i64> {
    let number = path_order_number(path)?;
    let mut conn = state.db.pool.acquire().await?;
    let (id, owner) = crate::repo::orders::order_owner(&mut conn, shopper.store.id, &number)
        .await?
        .ok_or(Error::NotFound)?;
    let allowed = match &shopper.principal {
        Principal::Customer(c) => owner.as_deref() == Some(c.as_str()),
        Principal::OrderSession(n) => *n == number,
    };
    allowed.then_some(id).ok_or(Error::NotFound)
}

/// The survey kind in a path (`nps`, `csat`); anything else is `404 not_found`.
pub fn path_survey_kind(
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<SurveyKind> {
    SurveyKind::from_wire(&path_segment(path)?).ok_or(Error::NotFound)
}

/// The communication topic in a path (`shipping_updates`, `review_requests`, `surveys`,
/// `offers`); anything else is `404 not_found`, like every other bad path segment.
pub fn path_topic(path: std::result::Result<Path<String>, PathRejection>) -> Result<Topic> {
    Topic::from_wire(&path_segment(path)?).ok_or(Error::NotFound)
}

/// A whole-number query parameter within `range`, or `default` when absent.
pub fn ranged(
    p: &mut Problems,
    field: &str,
    raw: Option<&str>,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> u32 {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        None => default,
        Some(v) => match v.parse::<u32>() {
            Ok(n) if range.contains(&n) => n,
            Ok(_) => {
                p.add(field, FieldIssue::OutOfRange);
                default
            }
            Err(_) => {
                p.add(field, FieldIssue::InvalidFormat);
                default
            }
        },
    }
}

/// Page size of a paged list when the caller gives none.
pub const DEFAULT_PAGE: u32 = 20;
/// Largest page size of a paged list.
pub const MAX_PAGE: u32 = 100;

/// An opaque page cursor: the `(time ms, id)` position of a page's last row, tagged with
/// the list's `kind` (`o1` orders, `r1` returns) so one list refuses another's cursor.
pub fn encode_cursor(kind: &str, (ms, id): (i64, i64)) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{ms}:{id}"))
}

/// An admin queue's `?status=&limit=&cursor=`, read once for every queue (requests, reviews):
/// the status by its wire name (absent: `default`), a page size in `1..=MAX_PAGE` and a
/// cursor of `kind`; each bad one is recorded in `p` under its own name.
pub fn queue_params<S>(
    p: &mut Problems,
    q: (Option<&str>, Option<&str>, Option<&str>),
    status_of: impl Fn(&str) -> Option<S>,
    default: S,
    kind: &str,
) -> (S, u32, Option<(i64, i64)>) {
    let (status, limit, cursor) = q;
    let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
        None => default,
        Some(s) => status_of(s).unwrap_or_else(|| {
            p.add("status", FieldIssue::InvalidFormat);
            default
        }),
    };
    let limit = ranged(p, "limit", limit, 1..=MAX_PAGE, DEFAULT_PAGE);
    let after = cursor.filter(|c| !c.trim().is_empty()).and_then(|c| {
        let after = decode_cursor(kind, c);
        if after.is_none() {
            p.add("cursor", FieldIssue::InvalidFormat);
        }
        after
    });
    (status, limit, after)
}

/// A cursor [`encode_cursor`] made for `kind`, back; `None` for anything else.
pub fn decode_cursor(kind: &str, s: &str) -> Option<(i64, i64)> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(s.trim()).ok()?).ok()?;
    let mut parts = raw.strip_prefix(kind)?.strip_prefix(':')?.split(':');
    let ms = parts.next()?.parse().ok()?;
    let id = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((ms, id))
}

/// The shopper's language: the requested BCP 47 tag when supported, else `fallback` (the
/// store's default language, or English where the route says so).
pub fn negotiate_locale(requested: Option<&str>, fallback: Locale) -> Locale {
    requested.and_then(Locale::from_tag).unwrap_or(fallback)
}

/// A CSV download (`text/csv`, attachment named `filename`).
pub fn csv_response(filename: &str, body: String) -> Response {
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let disposition = format!("attachment; filename=\"{filename}\"");
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

/// An SVG document response.
pub fn svg_response(body: String) -> Response {
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml; charset=utf-8"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    resp
}

/// A stored photo as served: its type, how long it may be cached (`private` for a return's,
/// `public` for a review's), and headers that stop a browser from reading it as anything but
/// an image.
pub fn photo_response(
    content_type: &str,
    cache_control: &'static str,
    bytes: Vec<u8>,
) -> Result<Response> {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;
    let ct = HeaderValue::from_str(content_type).map_err(|e| Error::internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, ct),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'"),
            ),
        ],
        bytes,
    )
        .into_response())
}
