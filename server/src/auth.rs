//! Request extractors for the trust model: publishable key (+ origin allowlist), customer or
//! order-session tokens, the secret key for admin routes, and the client IP for rate limits.

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

impl FromRequestParts<AppState> for Shopper {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let PublicStore(store) = PublicStore::from_request_parts(parts, state).await?;
        let token = bearer(&parts.headers)?;
        let now = crate::util::now_ms() / 1000;
        let claims: Claims = token::verify(token, &store.secret_key, &store.publishable_key, now)
            .map_err(token_error)?;
        let principal = match claims.kind {
            TokenKind::Customer => Principal::Customer(claims.sub),
            TokenKind::Order => Principal::OrderSession(
                OrderNumber::parse(&claims.sub).map_err(|_| Error::InvalidToken)?,
            ),
        };
        Ok(Self { store, principal })
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
