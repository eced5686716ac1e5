//! Request extractors for the trust model: publishable key (+ origin allowlist), customer or
//! order-session tokens, the secret key for admin routes, and the client IP for rate limits.
//!
//! A review link (token kind `review_link`) is single-purpose: [`Shopper`] refuses it (`403`),
//! so no route can accept it by accident; only the review routes take [`Reviewer`], which
//! accepts a customer token or a review link and says which SKUs it may review.

use crate::error::{Error, Result};
use crate::repo::stores::{self, StoreRow};
use crate::repo::surveys::Subject;
use crate::state::{origin_matches, AppState};
use aftercare_shared::api::KEY_HEADER;
use aftercare_shared::token::{self, Claims, TokenError, TokenKind};
use aftercare_shared::OrderNumber;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The store identified by the `Aftercare-Key` header, with the request's `Origin` (if any)
/// checked against that store's allowlist.
#[derive(Debug, Clone)]
pub struct PublicStore(pub StoreRow);

impl FromRequestParts<AppState> for PublicStore {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let key = parts
            .headers
            .get(KEY_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .ok_or(Error::Unauthorized)?;
        let store = stores::by_publishable_key(&state.db, key)
            .await?
            .ok_or(Error::InvalidKey)?;
        if let Some(origin) = parts.headers.get(header::ORIGIN) {
            let origin = origin.to_str().map_err(|_| Error::OriginNotAllowed)?;
            let allowed = stores::origins(&state.db, store.id).await?;
            if !allowed.iter().any(|p| origin_matches(p, origin)) {
                return Err(Error::OriginNotAllowed);
            }
        }
        Ok(Self(store))
    }
}

/// Who a verified shopper token speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A logged-in customer (the merchant's customer id).
    Customer(String),
    /// A guest who looked one order up.
    OrderSession(OrderNumber),
}

impl Principal {
    /// Whom the credential speaks for, as a survey subject (its key also owns return photos).
    pub fn subject(&self) -> Subject {
        match self {
            Self::Customer(id) => Subject::Customer(id.clone()),
            Self::OrderSession(n) => Subject::Order(n.clone()),
        }
    }
}

/// A shopper: the store (publishable key) plus a verified `Authorization: Bearer v1.…` token.
#[derive(Debug, Clone)]
pub struct Shopper {
    /// The store.
    pub store: StoreRow,
    /// Whom the token speaks for.
    pub principal: Principal,
}

impl Shopper {
    /// The customer's external id, or `403 forbidden` for an order session: the `/v1/me/…`
    /// routes are about a person, and a guest's session speaks for one order only.
    pub fn customer(&self) -> Result<&str> {
        match &self.principal {
            Principal::Customer(id) => Ok(id),
            Principal::OrderSession(_) => Err(Error::Forbidden),
        }
    }
}

/// Map token refusals onto API codes: only expiry is distinguishable for the client.
pub fn token_error(e: TokenError) -> Error {
    match e {
        TokenError::Expired => Error::TokenExpired,
        TokenError::Malformed
        | TokenError::BadSignature
        | TokenError::TooLongLived
        | TokenError::WrongStore => Error::InvalidToken,
    }
}

fn bearer(headers: &HeaderMap) -> Result<&str, Error> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or(Error::Unauthorized)?
        .to_str()
        .map_err(|_| Error::InvalidToken)?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .ok_or(Error::InvalidToken)?;
    if token.is_empty() {
        return Err(Error::Unauthorized);
    }
    Ok(token)
}

/// The store and the verified claims of the request's bearer token.
async fn verified(parts: &mut Parts, state: &AppState) -> Result<(StoreRow, Claims), Error> {
    let PublicStore(store) = PublicStore::from_request_parts(parts, state).await?;
    let token = bearer(&parts.headers)?;
    let now = crate::util::now_ms() / 1000;
    let claims = token::verify(token, &store.secret_key, &store.publishable_key, now)
        .map_err(token_error)?;
    Ok((store, claims))
}

impl FromRequestParts<AppState> for Shopper {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let (store, claims) = verified(parts, state).await?;
        let principal = match claims.kind {
            TokenKind::Customer => Principal::Customer(claims.sub),
            TokenKind::Order => Principal::OrderSession(
                OrderNumber::parse(&claims.sub).map_err(|_| Error::InvalidToken)?,
            ),
            // Only the review routes take a review link, through `Reviewer`; an order link
            // only opens the hosted order page, which trades it for an order session.
            TokenKind::ReviewLink
            | TokenKind::OrderLink
            | TokenKind::Unsubscribe
            | TokenKind::SurveyLink
            | TokenKind::ExportLink => return Err(Error::Forbidden),
        };
        Ok(Self { store, principal })
    }
}

/// Who acts on the review routes: a customer token (any of their orders) or a review link
/// (one order's SKUs, for that order's customer). An order session is `403`.
#[derive(Debug, Clone)]
pub struct Reviewer {
    /// The store.
    pub store: StoreRow,
    customer: String,
    /// A review link's order and its SKUs; `None` for a customer token.
    link: Option<(OrderNumber, Vec<String>)>,
}

impl Reviewer {
    /// The customer's external id (a review link's: its order's customer).
    pub fn customer(&self) -> &str {
        &self.customer
    }

    /// The order a review link opens, `None` for a customer token.
    pub fn link_order(&self) -> Option<&OrderNumber> {
        self.link.as_ref().map(|(n, _)| n)
    }

    /// Whether this credential may review `sku`: always for a customer token (the routes
    /// check their orders), only the order's SKUs for a review link.
    pub fn allows(&self, sku: &str) -> bool {
        self.link
            .as_ref()
            .is_none_or(|(_, skus)| skus.iter().any(|s| s == sku))
    }

    /// [`Self::allows`], or `403 forbidden`.
    pub fn may_review(&self, sku: &str) -> Result<()> {
        if self.allows(sku) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

impl FromRequestParts<AppState> for Reviewer {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let (store, claims) = verified(parts, state).await?;
        let (customer, link) = match claims.kind {
            TokenKind::Customer => (claims.sub, None),
            TokenKind::Order
            | TokenKind::OrderLink
            | TokenKind::Unsubscribe
            | TokenKind::SurveyLink
            | TokenKind::ExportLink => return Err(Error::Forbidden),
            TokenKind::ReviewLink => {
                let number = OrderNumber::parse(&claims.sub).map_err(|_| Error::InvalidToken)?;
                let mut conn = state.db.pool.acquire().await?;
                // The order may have gone (erasure) or lost its customer since the link was
                // made: then the link opens nothing.
                let order = crate::repo::reviews::linked_order(&mut conn, store.id, &number)
                    .await?
                    .ok_or(Error::Forbidden)?;
                let customer = order.customer.ok_or(Error::Forbidden)?;
                (customer, Some((number, order.skus)))
            }
        };
        Ok(Self {
            store,
            customer,
            link,
        })
    }
}

/// The store whose secret key is in `Authorization: Bearer sk_…` (admin routes).
#[derive(Debug, Clone)]
pub struct AdminStore(pub StoreRow);

impl FromRequestParts<AppState> for AdminStore {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let secret = bearer(&parts.headers).map_err(|e| match e {
            Error::InvalidToken => Error::InvalidKey,
            other => other,
        })?;
        let store = stores::by_secret_key(&state.db, secret)
            .await?
            .ok_or(Error::InvalidKey)?;
        Ok(Self(store))
    }
}

/// The client's IP for rate limiting: the socket peer, or with `trust_proxy` the address
/// the (trusted) proxy appended last to `X-Forwarded-For`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        if state.config.trust_proxy {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|s| s.trim().parse::<IpAddr>().ok())
                .next_back();
            if let Some(ip) = forwarded {
                return Ok(Self(ip));
            }
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        Ok(Self(peer))
    }
}
