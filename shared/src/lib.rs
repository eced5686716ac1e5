//! Aftercare's shared crate: the rules both sides of the wire must agree on.
//!
//! The server validates with these rules and the widgets pre-validate with the very same
//! code, so a shopper sees the server's verdict before the request is even sent. Types
//! here are the API's JSON shapes; the server's OpenAPI document is generated from them.

pub mod address;
pub mod address_schema;
pub mod api;
pub mod carrier;
pub mod changes;
pub mod error;
pub mod format;
pub mod i18n;
pub mod ids;
pub mod locale;
pub mod money;
pub mod notify;
pub mod order;
pub mod returns;
pub mod review;
pub mod survey;
#[cfg(test)]
mod test_patterns;
pub mod time;
pub mod tracking;
pub mod validate;

#[cfg(feature = "token")]
pub mod token;

#[cfg(feature = "client")]
pub mod client;

pub use error::{ApiError, ErrorCode, FieldError, FieldIssue};
pub use ids::{Email, OrderNumber, EMAIL_PATTERN, ORDER_NUMBER_PATTERN};
pub use locale::Locale;
pub use money::{Currency, Money};
pub use time::Timestamp;
pub use tracking::{ExceptionReason, NextStep, TrackingStatus};
