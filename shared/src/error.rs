//! The one JSON error shape of the API, with stable machine codes.
//!
//! The server maps every failure to [`ApiError`]; the typed client decodes the same type, so
//! a widget branches on [`ErrorCode`], never on message text. Codes are part of the public
//! contract: add new ones, never rename.

use serde::{Deserialize, Serialize};

/// Stable, machine-readable error codes (serialised in snake_case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request could not be read (malformed JSON, wrong content type).
    BadRequest,
    /// The body was readable but some fields break the rules; see `fields`.
    ValidationFailed,
    /// No credentials were sent.
    Unauthorized,
    /// The publishable or secret key is unknown.
    InvalidKey,
    /// The customer or order-session token is malformed or its signature is wrong.
    InvalidToken,
    /// The token was valid but has expired; the storefront must mint a new one.
    TokenExpired,
    /// The request's Origin is not in the store's allowlist.
    OriginNotAllowed,
    /// Authenticated, but this resource belongs to someone else.
    Forbidden,
    /// No such resource (or not one the caller may know about).
    NotFound,
    /// Guest lookup failed: order number and email do not match an order.
    OrderNotFound,
    /// The resource already exists or conflicts with the current state.
    Conflict,
    /// The same Idempotency-Key was used with a different request body.
    IdempotencyKeyReused,
    /// A request with this Idempotency-Key is still being processed.
    IdempotencyInFlight,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body is not a kind of file this route accepts (e.g. an upload that is not a
    /// JPEG, PNG or WebP image, whatever its name or declared type says).
    UnsupportedMediaType,
    /// Too many requests; retry after the number of seconds given.
    RateLimited,
    /// The server failed; nothing about the cause is disclosed.
    Internal,
    /// The service is temporarily unavailable.
    Unavailable,
}

impl ErrorCode {
    /// The HTTP status this code is always sent with.
    pub fn http_status(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::ValidationFailed => 422,
            Self::Unauthorized | Self::InvalidKey | Self::InvalidToken | Self::TokenExpired => 401,
            Self::OriginNotAllowed | Self::Forbidden => 403,
            Self::NotFound | Self::OrderNotFound => 404,
            Self::Conflict | Self::IdempotencyInFlight => 409,
            Self::IdempotencyKeyReused => 422,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::RateLimited => 429,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// The snake_case code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::ValidationFailed => "validation_failed",
            Self::Unauthorized => "unauthorized",
            Self::InvalidKey => "invalid_key",
            Self::InvalidToken => "invalid_token",
            Self::TokenExpired => "token_expired",
            Self::OriginNotAllowed => "origin_not_allowed",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::OrderNotFound => "order_not_found",
            Self::Conflict => "conflict",
            Self::IdempotencyKeyReused => "idempotency_key_reused",
            Self::IdempotencyInFlight => "idempotency_in_flight",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::Unavailable => "unavailable",
        }
    }
}

/// What is wrong with one field (serialised in snake_case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldIssue {
    /// Missing or empty.
    Required,
    /// Longer than allowed.
    TooLong,
    /// Not of the expected form (email, order number, currency code…).
    InvalidFormat,
    /// A number outside the allowed range.
    OutOfRange,
    /// Refers to something that does not exist (e.g. an unknown SKU).
    UnknownReference,
    /// Repeats a value that must be unique within the request.
    Duplicate,
}

/// One field's problem: `field` is a JSON path such as `items[2].quantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON path of the offending field.
    pub field: String,
    /// Machine-readable issue.
    pub issue: FieldIssue,
    /// English explanation for developers; widgets translate from `issue`.
    pub message: String,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{code:?}: {message}")]
pub struct ApiError {
    /// Stable machine code.
    pub code: ErrorCode,
    /// Human explanation (English); never contains internal details.
    pub message: String,
    /// Per-field problems, for `validation_failed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// Seconds to wait before retrying, for `rate_limited` and `unavailable`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
}

impl ApiError {
    /// An error with no field details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
            retry_after_seconds: None,
        }
    }

    /// A `validation_failed` error listing every field problem at once.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        Self {
            fields,
            ..Self::new(ErrorCode::ValidationFailed, "Some fields are not valid.")
        }
    }
}

impl FieldError {
    /// A field problem with a developer-facing message.
    pub fn new(field: impl Into<String>, issue: FieldIssue, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            issue,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_code_matches_serde() {
        for code in [
            ErrorCode::BadRequest,
            ErrorCode::IdempotencyKeyReused,
            ErrorCode::OrderNotFound,
            ErrorCode::RateLimited,
        ] {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().into())
            );
        }
    }

    #[test]
    fn error_shape_is_flat() {
        let e = ApiError::validation(vec![FieldError::new(
            "email",
            FieldIssue::InvalidFormat,
            "not an email",
        )]);
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "validation_failed");
        assert_eq!(v["fields"][0]["issue"], "invalid_format");
        assert!(v.get("retry_after_seconds").is_none());
    }
}
