//! Customer and order-session tokens: HMAC-SHA256 over a small JSON payload.
//!
//! Format (mintable in any language with an HMAC library):
//!
//! ```text
//! payload = {"kind":"customer","store":"pk_…","sub":"<customer id>","exp":<unix seconds>}
//! body    = "v1." + base64url_nopad(payload_json)
//! token   = body + "." + base64url_nopad(HMAC_SHA256(key = store secret key, message = body))
//! ```
//!
//! `kind` is `customer` (minted by the merchant's backend for a logged-in shopper),
//! `order` (minted by the server after a guest lookup; `sub` is the order number) or
//! `review_link` (minted by `POST /v1/admin/reviews/links` for the merchant's own emails; `sub`
//! is the order number, and it opens only that order's reviews) or `order_link` (in the
//! store's emails: the hosted order page trades it for an order session) or `unsubscribe` (in
//! the store's optional emails: `sub` is `<topic>:<email hash>`, and it turns one topic off
//! for one address, without signing in, and opens nothing else) or `survey_link` (in a survey
//! invitation: `sub` is `<kind>:<order number>`; the hosted survey page answers that survey
//! for the order's customer with it, and the API refuses it) or `export_link` (in the "your
//! data is ready" email: `sub` is the customer id; it downloads their data export, 7 days).
//! Tokens live at most [`TokenKind::max_lifetime_seconds`] (one day; a review, order or survey
//! link 90 days; an unsubscribe link 400 days); a longer `exp` is refused.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The longest a customer or order-session token may live: one day.
pub const MAX_LIFETIME_SECONDS: i64 = 24 * 60 * 60;
/// The longest a review or order link may live: it sits in an email for weeks (90 days).
pub const MAX_REVIEW_LINK_SECONDS: i64 = 90 * 24 * 60 * 60;
/// The longest an unsubscribe link may live: a shopper may act on an old email a year on, and
/// an opt-out must keep working long after the message (400 days).
pub const MAX_UNSUBSCRIBE_SECONDS: i64 = 400 * 24 * 60 * 60;
/// The longest a data export's download link may live: long enough to get to one's inbox,
/// short for a key to someone's personal data (7 days).
pub const MAX_EXPORT_LINK_SECONDS: i64 = 7 * 24 * 60 * 60;
const PREFIX: &str = "v1.";

/// Who a token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A logged-in customer of the store; `sub` is the merchant's customer id.
    Customer,
    /// A guest who proved order number + email; `sub` is the order number.
    Order,
    /// A merchant's signed review link: `sub` is the order number; it reviews that order's
    /// items for the order's customer and opens nothing else.
    ReviewLink,
    /// The link in the store's emails to the order's page (`/orders/{pk}/{number}`): `sub` is
    /// the order number. The page exchanges it for a short order session; the API itself
    /// refuses it, so a forwarded email opens one order's page and nothing more.
    OrderLink,
    /// The one-click unsubscribe link of an optional email (RFC 8058): `sub` is
    /// `<topic>:<email hash>`. It turns that topic off for that address and opens nothing else;
    /// the API refuses it.
    Unsubscribe,
    /// The link of a survey invitation's scores: `sub` is `<kind>:<order number>`. The hosted
    /// survey page records that survey's answer for the order's customer with it; the API
    /// refuses it, so a forwarded invitation can answer one survey and read nothing.
    SurveyLink,
    /// The link of a "your data is ready" email: `sub` is the customer's id. It downloads that
    /// customer's data export (made afresh) for seven days and opens nothing else; the API
    /// refuses it.
    ExportLink,
}

impl TokenKind {
    /// How far ahead `exp` may be: a session is short-lived, a link in an email is not.
    pub fn max_lifetime_seconds(self) -> i64 {
        match self {
            Self::Customer | Self::Order => MAX_LIFETIME_SECONDS,
            Self::ReviewLink | Self::OrderLink | Self::SurveyLink => MAX_REVIEW_LINK_SECONDS,
            Self::Unsubscribe => MAX_UNSUBSCRIBE_SECONDS,
            Self::ExportLink => MAX_EXPORT_LINK_SECONDS,
        }
    }
}

/// The signed claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Whose token this is.
    pub kind: TokenKind,
    /// The store's publishable key.
    pub store: String,
    /// Customer id or order number, per `kind`.
    pub sub: String,
    /// Expiry, Unix seconds.
    pub exp: i64,
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not of the `v1.payload.signature` form, or the payload is not the claims JSON.
    #[error("token is malformed")]
    Malformed,
    /// The signature does not match the store's secret.
    #[error("token signature is invalid")]
    BadSignature,
    /// `exp` is in the past.
    #[error("token has expired")]
    Expired,
    /// `exp` is further away than tokens may live.
    #[error("token lifetime is longer than allowed")]
    TooLongLived,
    /// Signed for another store.
    #[error("token belongs to another store")]
    WrongStore,
}

fn mac(secret: &str, body: &str) -> Hmac<Sha256> {
    let mut m =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    m.update(body.as_bytes());
    m
}

/// Sign claims with the store's secret key.
pub fn mint(claims: &Claims, secret: &str) -> String {
    let payload = serde_json::to_vec(claims).expect("claims serialise");
    let body = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(payload));
    let sig = URL_SAFE_NO_PAD.encode(mac(secret, &body).finalize().into_bytes());
    format!("{body}.{sig}")
}

/// The claims a token carries, *unverified*: only to learn which store's secret to check with.
pub fn peek(token: &str) -> Result<Claims, TokenError> {
    let (body, _) = token.rsplit_once('.').ok_or(TokenError::Malformed)?;
    let payload = body.strip_prefix(PREFIX).ok_or(TokenError::Malformed)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| TokenError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| TokenError::Malformed)
}

/// Verify signature (constant time), store and expiry at `now` (Unix seconds).
pub fn verify(token: &str, secret: &str, store: &str, now: i64) -> Result<Claims, TokenError> {
    let (body, sig) = token.rsplit_once('.').ok_or(TokenError::Malformed)?;
    let claims = peek(token)?;
    let sig = URL_SAFE_NO_PAD
        .decode(sig)
        .map_err(|_| TokenError::Malformed)?;
    mac(secret, body)
        .verify_slice(&sig)
        .map_err(|_| TokenError::BadSignature)?;
    if claims.store != store {
        return Err(TokenError::WrongStore);
    }
    if claims.exp <= now {
        return Err(TokenError::Expired);
    }
    if claims.exp > now + claims.kind.max_lifetime_seconds() {
        return Err(TokenError::TooLongLived);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> Claims {
        Claims {
            kind: TokenKind::Customer,
            store: "pk_test".into(),
            sub: "cus_1".into(),
            exp,
        }
    }

    #[test]
    fn round_trip_and_refusals() {
        let t = mint(&claims(1_000), "sk_secret");
        assert_eq!(
            verify(&t, "sk_secret", "pk_test", 500).unwrap(),
            claims(1_000)
        );
        assert_eq!(
            verify(&t, "sk_other", "pk_test", 500),
            Err(TokenError::BadSignature)
        );
        assert_eq!(
            verify(&t, "sk_secret", "pk_else", 500),
            Err(TokenError::WrongStore)
        );
        assert_eq!(
            verify(&t, "sk_secret", "pk_test", 1_000),
            Err(TokenError::Expired)
        );
        assert_eq!(
            verify(&mint(&claims(1_000_000), "s"), "s", "pk_test", 0),
            Err(TokenError::TooLongLived)
        );
        assert_eq!(
            verify("garbage", "s", "pk_test", 0),
            Err(TokenError::Malformed)
        );
        // A forged payload with the old signature fails.
        let forged_payload = URL_SAFE_NO_PAD.encode(
            serde_json::to_vec(&Claims {
                sub: "cus_2".into(),
                ..claims(1_000)
            })
            .unwrap(),
        );
        let sig = t.rsplit_once('.').unwrap().1;
        assert_eq!(
            verify(
                &format!("v1.{forged_payload}.{sig}"),
                "sk_secret",
                "pk_test",
                500
            ),
            Err(TokenError::BadSignature)
        );
    }

    #[test]
    fn review_links_live_longer_but_not_forever() {
        let link = |exp| Claims {
            kind: TokenKind::ReviewLink,
            sub: "1001".into(),
            ..claims(exp)
        };
        let t = mint(&link(MAX_REVIEW_LINK_SECONDS), "k");
        assert_eq!(
            verify(&t, "k", "pk_test", 0).unwrap().kind,
            TokenKind::ReviewLink
        );
        let t = mint(&link(MAX_REVIEW_LINK_SECONDS + 1), "k");
        assert_eq!(verify(&t, "k", "pk_test", 0), Err(TokenError::TooLongLived));
        // A customer token may not borrow the link's lifetime.
        let t = mint(&claims(MAX_LIFETIME_SECONDS + 1), "k");
        assert_eq!(verify(&t, "k", "pk_test", 0), Err(TokenError::TooLongLived));
    }

    #[test]
    fn unsubscribe_links_outlive_a_year_but_not_forever() {
        let link = |exp| Claims {
            kind: TokenKind::Unsubscribe,
            sub: "offers:0123abcd".into(),
            ..claims(exp)
        };
        let year = 365 * 24 * 60 * 60;
        let t = mint(&link(year), "k");
        assert_eq!(
            verify(&t, "k", "pk_test", 0).unwrap().kind,
            TokenKind::Unsubscribe
        );
        let t = mint(&link(MAX_UNSUBSCRIBE_SECONDS + 1), "k");
        assert_eq!(verify(&t, "k", "pk_test", 0), Err(TokenError::TooLongLived));
        // An order link may not borrow its lifetime.
        let t = mint(
            &Claims {
                kind: TokenKind::OrderLink,
                ..link(year)
            },
            "k",
        );
        assert_eq!(verify(&t, "k", "pk_test", 0), Err(TokenError::TooLongLived));
    }

    #[test]
    fn documented_format_matches() {
        let t = mint(&claims(1_000), "k");
        assert!(t.starts_with("v1."));
        assert_eq!(t.matches('.').count(), 2);
        let payload: serde_json::Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(t.split('.').nth(1).unwrap())
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            payload,
            serde_json::json!({"kind":"customer","store":"pk_test","sub":"cus_1","exp":1000})
        );
    }
}
