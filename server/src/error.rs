//! The server's one error type and its mapping onto the shared [`ApiError`] JSON shape.
//!
//! Handlers return `Result<_, Error>`; [`IntoResponse`] turns every variant into the status
//! and body the shared crate defines, so widgets branch on the same `ErrorCode`s. Internal
//! failures are logged with their cause and shown to clients only as `internal`.

use aftercare_shared::{ApiError, ErrorCode, FieldError, FieldIssue};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while serving a request or running a subcommand.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A client-facing error already in the shared shape (validation, bad request…).
    #[error("{0}")]
    Api(ApiError),
    /// No credentials were sent.
    #[error("credentials are required")]
    Unauthorized,
    /// Unknown publishable or secret key.
    #[error("unknown API key")]
    InvalidKey,
    /// Malformed token, bad signature, or signed for another store.
    #[error("invalid token")]
    InvalidToken,
    /// The token's `exp` has passed.
    #[error("token expired")]
    TokenExpired,
    /// `Origin` not in the store's allowlist.
    #[error("origin not allowed")]
    OriginNotAllowed,
    /// Authenticated but not allowed to do this.
    #[error("forbidden")]
    Forbidden,
    /// No such resource (or not one the caller may know about).
    #[error("not found")]
    NotFound,
    /// Guest lookup failed; the same answer whether the order exists or not.
    #[error("order not found")]
    OrderNotFound,
    /// The write conflicts with stored data.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too many requests; retry after this many seconds.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    /// The same Idempotency-Key was used with another request.
    #[error("idempotency key reused with another request")]
    IdempotencyKeyReused,
    /// A request with this Idempotency-Key is still running.
    #[error("idempotent request in flight")]
    IdempotencyInFlight,
    /// The body is over the limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// The database (or another dependency) cannot be reached right now.
    #[error("service unavailable")]
    Unavailable,
    /// Too much work of this kind is running or waiting (photo re-encoding); the request was
    /// refused before it cost anything. Sent as `503 unavailable` with `Retry-After`.
    #[error("busy; retry after {retry_after} s")]
    Busy {
        /// Seconds after which a retry is likely to be admitted.
        retry_after: u64,
    },
    /// A database failure.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failure.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other failure; the message is logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// An internal error with a cause for the log.
    pub fn internal(msg: impl Into<String>) -> Self {
        Self::Internal(msg.into())
    }

    /// A `bad_request` with a human message.
    pub fn bad_request(msg: impl Into<String>) -> Self {
        Self::Api(ApiError::new(ErrorCode::BadRequest, msg))
    }

    /// A `validation_failed` error naming one field.
    pub fn field(field: &str, issue: FieldIssue, msg: impl Into<String>) -> Self {
        Self::Api(ApiError::validation(vec![FieldError::new(
            field, issue, msg,
        )]))
    }

    /// The stable code this error is sent with.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Api(e) => e.code,
            Self::Unauthorized => ErrorCode::Unauthorized,
            Self::InvalidKey => ErrorCode::InvalidKey,
            Self::InvalidToken => ErrorCode::InvalidToken,
            Self::TokenExpired => ErrorCode::TokenExpired,
            Self::OriginNotAllowed => ErrorCode::OriginNotAllowed,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::NotFound => ErrorCode::NotFound,
            Self::OrderNotFound => ErrorCode::OrderNotFound,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::RateLimited(_) => ErrorCode::RateLimited,
            Self::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            Self::IdempotencyInFlight => ErrorCode::IdempotencyInFlight,
            Self::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            Self::Unavailable | Self::Busy { .. } => ErrorCode::Unavailable,
            Self::Database(_) | Self::Migrate(_) | Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The HTTP status (always the one the shared code prescribes).
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code().http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The body sent to the client: fixed, non-revealing messages for everything but `Api`.
    pub fn to_api_error(&self) -> ApiError {
        let message = match self {
            Self::Api(e) => return e.clone(),
            Self::Unauthorized => "Credentials are required.",
            Self::InvalidKey => "The API key is not valid.",
            Self::InvalidToken => "The token is not valid.",
            Self::TokenExpired => "The token has expired.",
            Self::OriginNotAllowed => "This origin may not use this store's key.",
            Self::Forbidden => "You may not do this.",
            Self::NotFound => "Not found.",
            Self::OrderNotFound => "No order matches that order number and email.",
            Self::Conflict(msg) => msg.as_str(),
            Self::RateLimited(_) => "Too many requests; try again later.",
            Self::IdempotencyKeyReused => {
                "This Idempotency-Key was already used with a different request."
            }
            Self::IdempotencyInFlight => "A request with this Idempotency-Key is in progress.",
            Self::PayloadTooLarge => "The request body is too large.",
            Self::Unavailable => "The service is temporarily unavailable.",
            Self::Busy { .. } => "The server is busy; try again in a few seconds.",
            Self::Database(_) | Self::Migrate(_) | Self::Internal(_) => "Something went wrong.",
        };
        let mut e = ApiError::new(self.code(), message);
        e.retry_after_seconds = self.retry_after();
        e
    }

    fn retry_after(&self) -> Option<u64> {
        match self {
            Self::RateLimited(s) => Some(*s),
            Self::IdempotencyInFlight => Some(1),
            Self::Unavailable => Some(5),
            Self::Busy { retry_after } => Some(*retry_after),
            _ => None,
        }
    }
}

impl From<crate::photos::limit::Busy> for Error {
    fn from(b: crate::photos::limit::Busy) -> Self {
        Self::Busy {
            retry_after: b.retry_after,
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Self::Api(e)
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        if self.code() == ErrorCode::Internal {
            tracing::error!(error = %self, "internal error");
        } else if self.code() == ErrorCode::Unavailable {
            tracing::warn!(error = %self, "unavailable");
        }
        let body = self.to_api_error();
        let mut resp = (self.status_code(), axum::Json(&body)).into_response();
        if let Some(s) = body.retry_after_seconds {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        resp
    }
}

/// The dotted path serde_path_to_error puts before the message (`items[0].quantity: …`);
/// for a missing field, that path plus the field's name (`items[0].sku`, or `score` at the top).
fn field_from_serde_message(text: &str) -> Option<String> {
    let detail = text.split_once("target type: ")?.1;
    if let Some((before, rest)) = detail.split_once("missing field `") {
        let name = rest.split_once('`')?.0;
        let prefix = before.trim().trim_end_matches(':').trim();
        return Some(
            if prefix.is_empty() || prefix == "." || prefix.contains(' ') {
                name.to_owned()
            } else {
                format!("{prefix}.{name}")
            },
        );
    }
    let (path, _) = detail.split_once(": ")?;
    let path = path.trim();
    (!path.is_empty() && path != "." && !path.contains(' ')).then(|| path.to_owned())
}

impl From<JsonRejection> for Error {
    fn from(rej: JsonRejection) -> Self {
        match rej {
            JsonRejection::JsonDataError(e) => {
                let text = e.body_text();
                let field = field_from_serde_message(&text).unwrap_or_else(|| "body".into());
                let issue = if text.contains("missing field") {
                    FieldIssue::Required
                } else {
                    FieldIssue::InvalidFormat
                };
                let message = text
                    .split_once("target type: ")
                    .map(|(_, m)| m.to_owned())
                    .unwrap_or(text);
                Self::field(&field, issue, message)
            }
            JsonRejection::JsonSyntaxError(_) => Self::bad_request("The body is not valid JSON."),
            JsonRejection::MissingJsonContentType(_) => Self::Api(ApiError::new(
                ErrorCode::UnsupportedMediaType,
                "Expected `Content-Type: application/json`.",
            )),
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            _ => Self::bad_request("The request body could not be read."),
        }
    }
}

impl From<QueryRejection> for Error {
    fn from(_: QueryRejection) -> Self {
        Self::bad_request("The query string could not be read.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_shared_codes() {
        assert_eq!(Error::OrderNotFound.status_code(), StatusCode::NOT_FOUND);
        assert_eq!(
            Error::RateLimited(3).to_api_error().retry_after_seconds,
            Some(3)
        );
        let busy = Error::Busy { retry_after: 2 };
        assert_eq!(busy.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(busy.to_api_error().retry_after_seconds, Some(2));
        assert_eq!(busy.code(), ErrorCode::Unavailable);
        assert_eq!(
            Error::internal("secret detail").to_api_error().message,
            "Something went wrong."
        );
        assert_eq!(
            field_from_serde_message(
                "Failed to deserialize the JSON body into the target type: items[0].quantity: invalid type"
            )
            .as_deref(),
            Some("items[0].quantity")
        );
        assert_eq!(
            field_from_serde_message(
                "Failed to deserialize the JSON body into the target type: missing field `score` at line 1 column 40"
            )
            .as_deref(),
            Some("score")
        );
        assert_eq!(
            field_from_serde_message(
                "Failed to deserialize the JSON body into the target type: items[0]: missing field `sku` at line 1 column 9"
            )
            .as_deref(),
            Some("items[0].sku")
        );
    }
}
