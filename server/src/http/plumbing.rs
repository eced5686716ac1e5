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
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::openapi::path::Paths;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

/// Path of the return photo upload route: with [`REVIEW_PHOTO_UPLOAD_PATH`], the only routes
/// whose body may be a whole image.
pub const PHOTO_UPLOAD_PATH: &str = "/v1/return-photos";

/// Largest request body accepted (256 KiB): orders and event batches fit easily.
pub const BODY_LIMIT: usize = 256 * 1024;

/// The path review photos are uploaded to (the same larger body limit as return photos).
pub const REVIEW_PHOTO_UPLOAD_PATH: &str = "/v1/review-photos";

/// Path of the review import route: the one route whose body is a whole CSV export.
pub const REVIEW_IMPORT_PATH: &str = "/v1/admin/reviews/import";

/// Largest review import file (5 MiB: tens of thousands of reviews).
pub const REVIEW_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The console's review import page: its form carries a pasted export, percent-encoded (up
/// to three bytes per byte), so its body may be three times the largest file and some.
pub const CONSOLE_REVIEW_IMPORT_PATH: &str = "/console/reviews/import";

/// Largest body of the console's review import form.
pub const CONSOLE_REVIEW_IMPORT_BYTES: usize = 3 * REVIEW_IMPORT_BYTES + 64 * 1024;

/// The body limit of a path: photo uploads may carry a whole image, review imports a whole
/// CSV file, everything else is JSON.
pub fn body_limit_for(path: &str) -> usize {
    if path == PHOTO_UPLOAD_PATH || path == REVIEW_PHOTO_UPLOAD_PATH {
        crate::photos::MAX_UPLOAD_BYTES
    } else if path == REVIEW_IMPORT_PATH {
        REVIEW_IMPORT_BYTES
    } else if path == CONSOLE_REVIEW_IMPORT_PATH {
        CONSOLE_REVIEW_IMPORT_BYTES
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
/// (`bad_request`, `validation_failed` with the offending field, `payload_too_large`). A
/// struct is read only from an object, as the document says (serde alone also takes an array
/// of the fields).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> std::result::Result<Self, Error> {
        let axum::Json(mut value) = axum::Json::<serde_json::Value>::from_request(req, state)
            .await
            .map_err(Error::from)?;
        integral_floats_as_integers(&mut value);
        serde_path_to_error::deserialize(super::strict_json::Strict(value))
            .map(Self)
            .map_err(|e| body_field_error(&e))
    }
}

/// JSON Schema counts `67.0` as an integer, and the document promises integers by that
/// rule; serde does not. Whole numbers written with a fraction become integers before the
/// body is read into its type (a real fraction stays a float and is refused where an
/// integer is due).
fn integral_floats_as_integers(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    *v = Value::from(f as i64);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(integral_floats_as_integers),
        Value::Object(o) => o.values_mut().for_each(integral_floats_as_integers),
        _ => {}
    }
}

/// A body that is JSON but not of its type: `422` naming the field (`items[0].sku`, or the
/// missing field's own path), as a missing field or a bad format.
fn body_field_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let message = e.inner().to_string();
    let path = e.path().to_string();
    let at = if path == "." { None } else { Some(path) };
    let (field, issue) = match message
        .strip_prefix("missing field `")
        .and_then(|r| r.split_once('`'))
    {
        Some((name, _)) => (
            at.map_or_else(|| name.to_owned(), |p| format!("{p}.{name}")),
            FieldIssue::Required,
        ),
        None => (
            at.unwrap_or_else(|| "body".into()),
            FieldIssue::InvalidFormat,
        ),
    };
    let message = if field == "body" {
        message
    } else {
        format!("{field}: {message}")
    };
    Error::field(&field, issue, message)
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

/// A whole-number query parameter within `range`, or `default` when absent. Only plain
/// digits are a number (no sign, no spaces, not empty), as the document's `integer` says.
pub fn ranged(
    p: &mut Problems,
    field: &str,
    raw: Option<&str>,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> u32 {
    let Some(v) = raw else {
        return default;
    };
    let digits = !v.is_empty() && v.len() <= 10 && v.bytes().all(|b| b.is_ascii_digit());
    match v.parse::<u32>() {
        Ok(n) if digits && range.contains(&n) => n,
        Ok(_) if digits => {
            p.add(field, FieldIssue::OutOfRange);
            default
        }
        _ => {
            p.add(field, FieldIssue::InvalidFormat);
            default
        }
    }
}

/// A query parameter naming one of an enum's wire values (`parse`), exactly (not trimmed,
/// not empty); `None` when absent or bad, a bad one recorded in `p` under `field`.
pub fn query_enum<T>(
    p: &mut Problems,
    field: &str,
    raw: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let v = raw?;
    let parsed = parse(v);
    if parsed.is_none() {
        p.add(field, FieldIssue::InvalidFormat);
    }
    parsed
}

/// Page size of a paged list when the caller gives none.
pub const DEFAULT_PAGE: u32 = 20;
/// Largest page size of a paged list.
pub const MAX_PAGE: u32 = 100;

/// A page cursor: the `(time ms, id)` position of a page's last row, tagged with the list's
/// `kind` (`o1` orders, `r1` returns, …) so one list refuses another's cursor. Written as
/// `kind.ms.id` in plain digits, so the document can state its exact pattern
/// ([`cursor_pattern`]) and every string matching it is a position the list accepts.
pub fn encode_cursor(kind: &str, (ms, id): (i64, i64)) -> String {
    format!("{kind}.{}.{}", ms.max(0), id.max(0))
}

/// The pattern of `kind`'s cursors, as the document states it (tested against
/// [`encode_cursor`] and [`decode_cursor`]).
pub fn cursor_pattern(kind: &str) -> String {
    format!("^{kind}\\.[0-9]{{1,15}}\\.[0-9]{{1,18}}$")
}

/// A cursor of `kind` in a query (absent: `None`); anything not of [`cursor_pattern`] is
/// recorded in `p` as a bad `cursor`.
pub fn query_cursor(p: &mut Problems, kind: &str, raw: Option<&str>) -> Option<(i64, i64)> {
    let c = raw?;
    let after = decode_cursor(kind, c);
    if after.is_none() {
        p.add("cursor", FieldIssue::InvalidFormat);
    }
    after
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
    let status = query_enum(p, "status", status, status_of).unwrap_or(default);
    let limit = ranged(p, "limit", limit, 1..=MAX_PAGE, DEFAULT_PAGE);
    let after = query_cursor(p, kind, cursor);
    (status, limit, after)
}

/// A cursor [`encode_cursor`] made for `kind`, back; `None` for anything else.
pub fn decode_cursor(kind: &str, s: &str) -> Option<(i64, i64)> {
    let mut parts = s.strip_prefix(kind)?.strip_prefix('.')?.split('.');
    let mut number = |max_len: usize| {
        let d = parts.next()?;
        (!d.is_empty() && d.len() <= max_len && d.bytes().all(|b| b.is_ascii_digit()))
            .then(|| d.parse::<i64>().ok())
            .flatten()
    };
    let ms = number(15)?;
    let id = number(18)?;
    parts.next().is_none().then_some((ms, id))
}

/// The shopper's language: the requested BCP 47 tag when supported, else `fallback` (the
/// store's default language, or English where the route says so).
pub fn negotiate_locale(requested: Option<&str>, fallback: Locale) -> Locale {
    requested.and_then(Locale::from_tag).unwrap_or(fallback)
}

/// A `?locale=` from a query: shaped like a language tag ([`LOCALE_TAG_PATTERN`]; empty means
/// absent) or a `422` naming `locale`; a well-formed tag the suite does not speak falls back
/// to `fallback`, as [`negotiate_locale`] does.
pub fn query_locale(raw: Option<&str>, fallback: Locale) -> Result<Locale> {
    let mut p = Problems::default();
    let locale = query_locale_in(&mut p, raw, fallback);
    p.finish()?;
    Ok(locale)
}

/// [`query_locale`] among a route's other parameters: a bad tag is recorded in `p`.
pub fn query_locale_in(p: &mut Problems, raw: Option<&str>, fallback: Locale) -> Locale {
    match raw {
        Some(tag) if !is_language_tag(tag) => {
            p.add("locale", FieldIssue::InvalidFormat);
            fallback
        }
        Some(tag) if !tag.is_empty() => negotiate_locale(Some(tag), fallback),
        _ => fallback,
    }
}

/// Longest `?locale=` accepted (BCP 47's usual 35-character bound).
pub const LOCALE_TAG_MAX: usize = 35;

/// [`is_language_tag`] as the document states it.
pub const LOCALE_TAG_PATTERN: &str = "^([A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)?$";

/// Whether `tag` has a language tag's shape: a 2–8 letter language, then `-`-separated
/// subtags of 1–8 letters or digits, at most [`LOCALE_TAG_MAX`] characters; empty is allowed
/// (it means "no preference").
pub fn is_language_tag(tag: &str) -> bool {
    if tag.is_empty() {
        return true;
    }
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or_default();
    tag.len() <= LOCALE_TAG_MAX
        && (2..=8).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
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

/// The strong entity tag of a response body: its SHA-256, quoted.
pub fn etag_of(body: &[u8]) -> String {
    format!("\"{}\"", crate::util::sha256_hex(body))
}

/// Whether an `If-None-Match` value names `etag` (weak comparison, as RFC 9110 prescribes for
/// `If-None-Match`; `*` matches any current representation).
pub fn if_none_match_hits(value: &HeaderValue, etag: &str) -> bool {
    let Ok(value) = value.to_str() else {
        return false;
    };
    value
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_anything_else() {
        let c = encode_cursor("r1", (1_764_000_000_000, 7));
        assert_eq!(c, "r1.1764000000000.7");
        assert_eq!(decode_cursor("r1", &c), Some((1_764_000_000_000, 7)));
        for bad in [
            "", "x", "o1.5.7", "r1.5", "r1.5.7.8", "r1.-5.7", "r1.5.", "r1..7", " r1.5.7",
        ] {
            assert_eq!(decode_cursor("r1", bad), None, "{bad:?}");
        }
        // The longest numbers the pattern allows still fit.
        let max = format!("r1.{}.{}", "9".repeat(15), "9".repeat(18));
        assert!(decode_cursor("r1", &max).is_some());
        assert_eq!(cursor_pattern("r1"), r"^r1\.[0-9]{1,15}\.[0-9]{1,18}$");
    }

    #[test]
    fn whole_numbers_are_plain_digits() {
        let mut p = Problems::default();
        assert_eq!(ranged(&mut p, "n", None, 1..=100, 20), 20);
        assert_eq!(ranged(&mut p, "n", Some("7"), 1..=100, 20), 7);
        assert!(p.is_empty());
        for bad in ["", " 7", "+7", "7.0", "abc", "0", "101"] {
            let mut p = Problems::default();
            ranged(&mut p, "n", Some(bad), 1..=100, 20);
            assert_eq!(p.len(), 1, "{bad:?}");
        }
    }

    #[test]
    fn language_tags() {
        for ok in ["", "en", "es-MX", "pt-BR", "zh-Hant-TW", "AAA"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "e",
            "en_US",
            "en-",
            "-en",
            "123",
            "en-toolongsubtag",
            &"a".repeat(36),
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        assert_eq!(
            query_locale(Some("es-MX"), Locale::En).ok(),
            Some(Locale::Es)
        );
        assert_eq!(query_locale(Some("xx"), Locale::Es).ok(), Some(Locale::Es));
        assert!(query_locale(Some("e s"), Locale::En).is_err());
    }
}
