//! Shopper order routes: guest lookup, a customer's history, and one order.

use super::plumbing::{
    decode_cursor, encode_cursor, etag_of, if_none_match_hits, path_order_number, ApiRouter, Json,
    DEFAULT_PAGE, MAX_PAGE,
};
use crate::auth::{ClientIp, Principal, PublicStore, Shopper};
use crate::error::{Error, Result};
use crate::repo::insights::{self, Viewer};
use crate::repo::orders as repo;
use crate::repo::requests;
use crate::state::AppState;
use aftercare_shared::api::{LookupRequest, OrderListQuery, OrderSession, Page, MAX_ORDER_SEARCH};
use aftercare_shared::order::{Order, OrderFilter, OrderSummary};
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::{ApiError, FieldError, FieldIssue, Timestamp};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::routes;

/// How long a guest's order session lasts.
pub const ORDER_SESSION_SECONDS: i64 = 30 * 60;
/// The kind tag of `GET /v1/orders` cursors.
const CURSOR_KIND: &str = "o1";

/// Compared against when the order does not exist, so both failures do the same work.
const DUMMY_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Order routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(lookup))
        .routes(routes!(list))
        .routes(routes!(get_order))
}

/// Guest lookup: order number + checkout email → a 30-minute order session.
///
/// An unknown order and a wrong email give byte-identical `404 order_not_found` answers
/// after the same database work and a constant-time hash comparison.
#[utoipa::path(post, path = "/v1/orders/lookup", tag = "orders",
    security(("publishable_key" = [])),
    request_body = LookupRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 200, body = OrderSession),
        (status = 404, description = "`order_not_found`", body = ApiError),
        (status = 422, description = "`validation_failed`", body = ApiError),
        (status = 429, description = "`rate_limited`, with Retry-After", body = ApiError),
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    PublicStore(store): PublicStore,
    ClientIp(ip): ClientIp,
    Json(req): Json<LookupRequest>,
) -> Result<Json<OrderSession>> {
    let (number, email) = req.normalized()?;
    state
        .limits
        .check_lookup(&state.db, &store, ip, number.as_str())
        .await?;
    let mut conn = state.db.pool.acquire().await?;
    let candidate = repo::lookup_candidate(&mut conn, store.id, &number).await?;
    let presented = repo::email_hash(&email);
    let expected = candidate
        .as_ref()
        .map(|(_, h)| h.as_str())
        .unwrap_or(DUMMY_HASH);
    let same = crate::util::constant_time_eq(presented.as_bytes(), expected.as_bytes());
    if candidate.filter(|_| same).is_none() {
        return Err(Error::OrderNotFound);
    }
    drop(conn);
    // Not a view by itself: the page open that follows (a GET without If-None-Match) is the
    // one view, so a guest checking once counts once towards the anxiety signal.
    let exp = crate::util::now_ms() / 1000 + ORDER_SESSION_SECONDS;
    let token = token::mint(
        &Claims {
            kind: TokenKind::Order,
            store: store.publishable_key.clone(),
            sub: number.as_str().to_owned(),
            exp,
        },
        &store.secret_key,
    );
    Ok(Json(OrderSession {
        token,
        expires_at: Timestamp::from_utc_ms(exp * 1000, 0),
        order_number: number,
    }))
}

/// Query of `GET /v1/orders`. Every value is read as text, so a bad one gets the API's own
/// `422` naming its field rather than the framework's rejection; the attributes put in the
/// OpenAPI document the bounds the handler enforces (literals, as utoipa takes no constants:
/// `tests/orders_list_rows.rs` checks them against `MAX_ORDER_SEARCH` and the page limits).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Which orders: `all` (the default), `open` (neither delivered nor cancelled), `delivered`,
    /// `returns` (at least one return started) or `cancelled`.
    #[param(value_type = OrderFilter, inline, required = false)]
    pub status: Option<String>,
    /// Search: orders whose number, or one of whose product titles, contains this text,
    /// ignoring case (a leading `#` is ignored on numbers). Trimmed; at most 100 characters;
    /// empty means no search.
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// `next_cursor` of the previous page. It is a position in the list, so a cursor taken
    /// under another filter or search still works.
    #[param(pattern = r"^o1\.[0-9]{1,15}\.[0-9]{1,18}$", max_length = 40)]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
}

/// What a valid `GET /v1/orders` query asks for.
struct ListRequest {
    /// Filter and search (the shared rules).
    query: OrderListQuery,
    /// The decoded cursor.
    after: Option<(i64, i64)>,
    /// Page size.
    limit: u32,
}

impl ListParams {
    /// The request these parameters make, or one `422` naming every bad field (`status`, `q`,
    /// `limit`, `cursor`); the search and page-size rules are the shared
    /// `OrderListQuery::validate`, only worded here.
    fn request(&self) -> Result<ListRequest> {
        let mut fields = Vec::new();
        let status = match self.status.as_deref() {
            None => OrderFilter::All,
            Some(s) => OrderFilter::from_wire(s).unwrap_or_else(|| {
                let allowed: Vec<&str> = OrderFilter::ALL.iter().map(|f| f.as_str()).collect();
                fields.push(FieldError::new(
                    "status",
                    FieldIssue::InvalidFormat,
                    format!("status must be one of: {}", allowed.join(", ")),
                ));
                OrderFilter::All
            }),
        };
        let (limit, unparsable_limit) = match self.limit.as_deref() {
            None => (None, false),
            Some(v) if !v.is_empty() && v.len() <= 10 && v.bytes().all(|b| b.is_ascii_digit()) => {
                (v.parse::<u32>().ok(), false)
            }
            Some(_) => (None, true),
        };
        let query = OrderListQuery {
            status,
            q: self.q.clone(),
            cursor: self.cursor.clone(),
            limit,
        };
        let limit_problem = || {
            FieldError::new(
                "limit",
                FieldIssue::OutOfRange,
                format!("limit must be between 1 and {MAX_PAGE}"),
            )
        };
        if let Err(e) = query.validate() {
            fields.extend(e.fields.into_iter().map(|f| match f.field.as_str() {
                "q" => FieldError::new(
                    "q",
                    f.issue,
                    format!("q must be at most {MAX_ORDER_SEARCH} characters"),
                ),
                "limit" => limit_problem(),
                _ => f,
            }));
        }
        if unparsable_limit {
            fields.push(limit_problem());
        }
        let after = match self.cursor.as_deref() {
            None => None,
            Some(c) => {
                let after = decode_cursor(CURSOR_KIND, c);
                if after.is_none() {
                    fields.push(FieldError::new(
                        "cursor",
                        FieldIssue::InvalidFormat,
                        "cursor is not one this server issued",
                    ));
                }
                after
            }
        };
        if !fields.is_empty() {
            return Err(ApiError::validation(fields).into());
        }
        Ok(ListRequest {
            limit: query.limit.unwrap_or(DEFAULT_PAGE),
            query,
            after,
        })
    }
}

/// The logged-in customer's orders, newest first (`placed_at`, then id), cursor-paginated,
/// optionally filtered by `status` and searched with `q`; `total` counts the matching orders
/// in all pages, and each row previews its first 4 lines and counts the order's returns.
///
/// Only the customer's 1,000 newest orders are listed, searched and counted: status is derived
/// from parcels, so filtering reads every order it looks at, and the cap bounds that work.
#[utoipa::path(get, path = "/v1/orders", tag = "orders",
    security(("publishable_key" = [], "customer_token" = [])),
    params(ListParams),
    responses(
        (status = 200, body = Page<OrderSummary>),
        (status = 401, description = "`unauthorized`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 403, description = "an order session cannot list orders", body = ApiError),
        (status = 422, description = "bad `status`, `q`, `limit` or `cursor`", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    shopper: Shopper,
    query: std::result::Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<Page<OrderSummary>>> {
    let Query(params) = query?;
    let Principal::Customer(customer) = &shopper.principal else {
        return Err(Error::Forbidden);
    };
    let req = params.request()?;
    let mut conn = state.db.pool.acquire().await?;
    let page = repo::customer_orders(
        &mut conn,
        shopper.store.id,
        customer,
        &req.query,
        req.after,
        req.limit,
    )
    .await?;
    Ok(Json(Page {
        items: page.items,
        next_cursor: page.next.map(|at| encode_cursor(CURSOR_KIND, at)),
        total: Some(page.total),
    }))
}

/// Record a tracking view; a failure is logged, never shown: analytics must not cost a
/// shopper their tracking page.
async fn record_view(state: &AppState, store_id: i64, order_id: i64, viewer: Viewer) {
    if let Err(e) =
        insights::record_view(&state.db, store_id, order_id, viewer, crate::util::now_ms()).await
    {
        tracing::warn!(error = %e, order_id, "could not record a tracking view");
    }
}

/// Whether the request was sent by a console page (`Referer` path under `/console/`): the
/// merchant looking at the order (`http::console::orders`), not a shopper checking on it,
/// so not a tracking view. Same-origin requests carry the full URL (the console's
/// `Referrer-Policy` is `same-origin`); a forged header can only leave a view uncounted.
fn from_console(headers: &HeaderMap) -> bool {
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].starts_with("/console/")))
        .unwrap_or(false)
}

/// One order with parcels and checkpoints: for the customer who owns it, or a guest whose
/// order session opens it. Anyone else gets `404 not_found` (existence is not revealed).
///
/// Parcels are assessed now with the store's tracking policy; `requests` lists the order's
/// cancellation and address-change requests (newest first) and `changes` what the shopper may
/// ask for now under the store's change policy. The answer carries a strong `ETag` computed
/// from the body, so it changes whenever the body does (also when time closes the
/// cancellation window); a request whose `If-None-Match` names the current one gets `304`
/// without a body (what the widget's background refresh sends). A request without `If-None-Match` that is
/// answered `200` is a page open and is recorded as a tracking view.
#[utoipa::path(get, path = "/v1/orders/{order_number}", tag = "orders",
    operation_id = "get_order",
    security(("publishable_key" = [], "customer_token" = [])),
    params(
        ("order_number" = String, Path, description = "The merchant's order number"),
        ("If-None-Match" = Option<String>, Header, description = "The `ETag` of the copy the caller holds"),
    ),
    responses(
        (status = 200, body = Order, headers(
            ("ETag" = String, description = "Strong entity tag of this body"),
            ("Cache-Control" = String, description = "`private, no-cache`"),
        )),
        (status = 304, description = "Unchanged since the `If-None-Match` tag; no body", headers(
            ("ETag" = String, description = "The current entity tag"),
        )),
        (status = 401, description = "`unauthorized`, `invalid_token`, `token_expired`", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
    ))]
pub async fn get_order(
    State(state): State<AppState>,
    shopper: Shopper,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let number = path_order_number(path)?;
    let mut conn = state.db.pool.acquire().await?;
    let (id, owner) = repo::order_owner(&mut conn, shopper.store.id, &number)
        .await?
        .ok_or(Error::NotFound)?;
    let allowed = match &shopper.principal {
        Principal::Customer(c) => owner.as_deref() == Some(c.as_str()),
        Principal::OrderSession(n) => *n == number,
    };
    if !allowed {
        return Err(Error::NotFound);
    }
    let now = crate::util::now_ms();
    let mut order = repo::load_order_at(&mut conn, id, now).await?;
    let policy = requests::policy(&mut conn, shopper.store.id).await?;
    order.changes = Some(requests::options_for(&order, &policy, now));
    drop(conn);
    let body = serde_json::to_vec(&order).map_err(|e| Error::internal(e.to_string()))?;
    let etag = etag_of(&body);
    let etag_value = HeaderValue::from_str(&etag).map_err(|e| Error::internal(e.to_string()))?;
    let cache = HeaderValue::from_static("private, no-cache");
    match headers.get(header::IF_NONE_MATCH) {
        Some(v) if if_none_match_hits(v, &etag) => {
            return Ok((
                StatusCode::NOT_MODIFIED,
                [(header::ETAG, etag_value), (header::CACHE_CONTROL, cache)],
            )
                .into_response());
        }
        Some(_) => {}
        None if from_console(&headers) => {}
        None => {
            let viewer = match shopper.principal {
                Principal::Customer(_) => Viewer::Customer,
                Principal::OrderSession(_) => Viewer::Guest,
            };
            record_view(&state, shopper.store.id, id, viewer).await;
        }
    }
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = encode_cursor(CURSOR_KIND, (1_700_000_000_000, 42));
        assert_eq!(
            decode_cursor(CURSOR_KIND, &c),
            Some((1_700_000_000_000, 42))
        );
        assert_eq!(decode_cursor(CURSOR_KIND, "nope"), None);
        assert_eq!(
            decode_cursor(CURSOR_KIND, &URL_SAFE_NO_PAD.encode("o1:1:2:3")),
            None
        );
    }

    #[test]
    fn console_pages_are_told_apart_by_their_referer() {
        let with = |r: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::REFERER, HeaderValue::from_str(r).unwrap());
            from_console(&h)
        };
        assert!(with("https://shop.example/console/orders/1002"));
        assert!(!with("https://shop.example/track.html?order=1002"));
        assert!(!with("https://shop.example/"));
        assert!(!from_console(&HeaderMap::new()));
    }

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        let tag = etag_of(b"{}");
        let hv = |s: &str| HeaderValue::from_str(s).unwrap();
        assert!(if_none_match_hits(&hv(&tag), &tag));
        assert!(if_none_match_hits(&hv(&format!("\"x\", W/{tag}")), &tag));
        assert!(if_none_match_hits(&hv("*"), &tag));
        assert!(!if_none_match_hits(&hv("\"other\""), &tag));
    }
}
