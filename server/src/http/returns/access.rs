//! What every returns route shares: the shopper's language, which order or return a shopper
//! may act on, and the absolute links (label, QR, photos) a return's detail carries, signed
//! with the label capability.

use crate::auth::{Principal, Shopper};
use crate::error::{Error, Result};
pub(super) use crate::http::plumbing::shopper_order;
use crate::http::plumbing::{path_segment, query_locale};
use crate::repo::returns::{self as repo, Links, ReturnRow};
use crate::repo::stores::StoreRow;
use crate::state::AppState;
use aftercare_shared::api::ReturnDetail;
use aftercare_shared::Locale;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Query of shopper routes that answer text.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LocaleParams {
    /// BCP 47 tag (`en`, `es`); unsupported or absent = English.
    pub locale: Option<String>,
}

/// The shopper's language from `?locale=` (English when absent or unsupported).
pub(super) fn locale_of(
    q: std::result::Result<Query<LocaleParams>, QueryRejection>,
) -> Result<Locale> {
    let Query(p) = q?;
    query_locale(p.locale.as_deref(), Locale::default())
}

/// The subject key of a shopper (who uploaded a photo, who may attach it).
pub(super) fn owner_of(principal: &Principal) -> String {
    principal.subject().key()
}

/// A return the shopper may see.
pub(super) async fn shopper_return(
    state: &AppState,
    shopper: &Shopper,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<ReturnRow> {
    let rma = path_segment(path)?;
    let mut conn = state.db.pool.acquire().await?;
    let row = repo::find(&mut conn, shopper.store.id, &rma)
        .await?
        .ok_or(Error::NotFound)?;
    let allowed = match &shopper.principal {
        Principal::Customer(c) => row.customer.as_deref() == Some(c.as_str()),
        Principal::OrderSession(n) => n.as_str() == row.order_number,
    };
    allowed.then_some(row).ok_or(Error::NotFound)
}

/// The address this server is reached at, for absolute links in answers (photos, label, QR):
/// `X-Forwarded-Proto`/`-Host` behind a trusted proxy, else the `Host` header.
pub(crate) fn public_base(headers: &HeaderMap, trust_proxy: bool) -> String {
    let get = |h: &str| headers.get(h).and_then(|v| v.to_str().ok()).map(str::trim);
    let host = trust_proxy
        .then(|| get("x-forwarded-host"))
        .flatten()
        .or_else(|| get(header::HOST.as_str()))
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        })
        .unwrap_or("127.0.0.1");
    let proto = trust_proxy
        .then(|| get("x-forwarded-proto"))
        .flatten()
        .filter(|p| *p == "https" || *p == "http")
        .unwrap_or("http");
    format!("{proto}://{host}")
}

/// The capability in label and QR links: 128 bits of HMAC-SHA256(secret, "return-label:v1:" + RMA).
pub(crate) fn label_token(store: &StoreRow, rma: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(store.secret_key.as_bytes()).expect("any key length");
    mac.update(format!("return-label:v1:{rma}").as_bytes());
    URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..16])
}

/// The label, QR and photo links of a return, absolute at this server's public address.
pub(crate) fn links(state: &AppState, headers: &HeaderMap, store: &StoreRow, rma: &str) -> Links {
    let base = public_base(headers, state.config.trust_proxy);
    let t = label_token(store, rma);
    Links {
        label_url: Some(format!("{base}/v1/returns/{rma}/label?t={t}")),
        qr_url: Some(format!("{base}/v1/returns/{rma}/qr.svg?t={t}")),
        photo_base: base,
    }
}

/// A return's detail with its links, in `locale`.
pub(super) async fn detail_for(
    state: &AppState,
    headers: &HeaderMap,
    store: &StoreRow,
    row: &ReturnRow,
    locale: Locale,
) -> Result<ReturnDetail> {
    let links = links(state, headers, store, &row.rma);
    let mut conn = state.db.pool.acquire().await?;
    repo::detail(&mut conn, row, locale, &links).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn public_base_ignores_forwarded_headers_unless_trusted() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("shop.example:8080"));
        h.insert("x-forwarded-host", HeaderValue::from_static("evil.example"));
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(public_base(&h, false), "http://shop.example:8080");
        assert_eq!(public_base(&h, true), "https://evil.example");
        h.insert(header::HOST, HeaderValue::from_static("bad host/<x>"));
        assert_eq!(public_base(&h, false), "http://127.0.0.1");
    }
}
