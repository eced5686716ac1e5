//! `/v1/me/data` and `/v1/me/erasure`: a customer downloads everything Aftercare holds about
//! them, or has it erased (GDPR arts. 15, 17 and 20). The order records a store must keep for
//! its accounts stay, stripped of everything that identifies the customer.

use super::{Preferences, Profile, ReturnDetail, Review, SurveyResponse};
use crate::changes::OrderRequest;
use crate::error::{ApiError, FieldIssue};
use crate::ids::OrderNumber;
use crate::order::Order;
use crate::time::Timestamp;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// What a shopper types to confirm an erasure (the widget asks for it; the server checks it,
/// so no stray request erases an account).
pub const ERASURE_CONFIRMATION: &str = "DELETE";

/// The version of the export's layout, so a reader can tell old files apart.
pub const EXPORT_FORMAT: u32 = 1;

/// `GET /v1/me/data`: everything Aftercare holds about the signed-in customer, as one JSON
/// document the account page saves as a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataExport {
    /// Layout version ([`EXPORT_FORMAT`]).
    pub format: u32,
    /// When the file was made.
    pub generated_at: Timestamp,
    /// The store that holds the data.
    pub store: String,
    /// The customer's details and address book.
    pub profile: Profile,
    /// Communication preferences, with the time of each change.
    pub preferences: Preferences,
    /// Every order, newest first, as the account page shows it.
    pub orders: Vec<Order>,
    /// Every return, with its lines, photos' metadata and history.
    pub returns: Vec<ReturnDetail>,
    /// Cancellation and address-change requests.
    pub requests: Vec<OrderRequest>,
    /// Survey answers given while signed in or about these orders.
    pub survey_answers: Vec<SurveyResponse>,
    /// Product reviews the customer wrote, in every moderation state, newest first (absent
    /// in files made before reviews existed).
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// When the customer (or a guest with their order) looked at an order's tracking.
    pub tracking_views: Vec<TrackingView>,
}

/// One look at an order's tracking page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingView {
    /// The order looked at.
    pub order_number: OrderNumber,
    /// When.
    pub viewed_at: Timestamp,
}

/// `POST /v1/me/erasure`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErasureInput {
    /// Exactly [`ERASURE_CONFIRMATION`] (case and surrounding spaces aside).
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[Dd][Ee][Ll][Ee][Tt][Ee][\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub confirm: String,
}

impl ErasureInput {
    /// The confirmation must be typed exactly (case and spaces aside).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if self.confirm.trim().is_empty() {
            p.add("confirm", FieldIssue::Required);
        } else if !self
            .confirm
            .trim()
            .eq_ignore_ascii_case(ERASURE_CONFIRMATION)
        {
            p.add("confirm", FieldIssue::InvalidFormat);
        }
        p.finish()
    }
}

/// What an erasure did (the answer to `POST /v1/me/erasure`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErasureReceipt {
    /// When the data was erased.
    pub erased_at: Timestamp,
    /// Orders kept for the store's accounts, without personal fields.
    pub orders_kept: u32,
    /// Returns kept the same way.
    pub returns_kept: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erasure_needs_the_word() {
        let c = |s: &str| ErasureInput { confirm: s.into() }.validate();
        assert!(c("DELETE").is_ok() && c(" delete ").is_ok());
        assert_eq!(c("").unwrap_err().fields[0].issue, FieldIssue::Required);
        assert_eq!(
            c("yes").unwrap_err().fields[0].issue,
            FieldIssue::InvalidFormat
        );
    }
}
