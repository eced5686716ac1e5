//! `/v1/orders/{number}/cancellation`, `/v1/orders/{number}/address-change` and
//! `/v1/admin/requests`: a shopper asks to cancel an order or to deliver it elsewhere, and the
//! store accepts or rejects. The rules for when they may ask live in [`crate::changes`].

use crate::changes::{CancelReason, ChangePolicy};
use crate::error::{ApiError, FieldIssue};
use crate::order::Address;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// Longest comment a shopper adds to a cancellation, and longest note a store adds to its
/// decision.
pub const MAX_REQUEST_TEXT: usize = 1_000;

/// `POST /v1/orders/{number}/cancellation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancellationInput {
    /// One of the reasons the store offers.
    pub reason: CancelReason,
    /// More words (required for `other`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl CancellationInput {
    /// Every rule the request must meet against the store's policy (the widget runs it before
    /// sending; the server answers 422 naming the same fields).
    pub fn validate(&self, policy: &ChangePolicy) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if !policy.cancel_reasons.contains(&self.reason) {
            p.add("reason", FieldIssue::UnknownReference);
        }
        let comment = self
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if self.reason.needs_comment() && comment.is_none() {
            p.add("comment", FieldIssue::Required);
        }
        p.optional_text("comment", comment, MAX_REQUEST_TEXT);
        p.finish()
    }
}

/// `POST /v1/orders/{number}/address-change`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressChangeInput {
    /// Where the unshipped parcels should go (checked per country).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::address_schema::address_input))]
    pub address: Address,
}

impl AddressChangeInput {
    /// Every rule the address must meet; answers the address as it will be stored.
    pub fn validate(&self) -> Result<Address, ApiError> {
        let mut p = Problems::default();
        let address = p.address("address", &self.address);
        p.finish()?;
        Ok(address.expect("checked"))
    }
}

/// The store's answer to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Do it: cancel the order, or change its delivery address.
    Accept,
    /// Do not.
    Reject,
}

/// Admin: `POST /v1/admin/requests/{id}/decision` (its schema: `api::schema`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInput {
    /// Accept or reject.
    pub decision: Decision,
    /// Shown to the shopper (required when rejecting, so the shopper learns why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DecisionInput {
    /// Every rule a decision must meet.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if self.decision == Decision::Reject && note.is_none() {
            p.add("note", FieldIssue::Required);
        }
        p.optional_text("note", note, MAX_REQUEST_TEXT);
        p.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancellation_needs_an_offered_reason_and_words_for_other() {
        let policy = ChangePolicy {
            cancel_reasons: vec![CancelReason::ChangedMind, CancelReason::Other],
            ..ChangePolicy::default()
        };
        let ok = CancellationInput {
            reason: CancelReason::ChangedMind,
            comment: None,
        };
        assert!(ok.validate(&policy).is_ok());
        let fields = |i: CancellationInput| -> Vec<String> {
            i.validate(&policy)
                .unwrap_err()
                .fields
                .into_iter()
                .map(|f| f.field)
                .collect()
        };
        assert_eq!(
            fields(CancellationInput {
                reason: CancelReason::FoundBetterPrice,
                comment: None
            }),
            ["reason"]
        );
        assert_eq!(
            fields(CancellationInput {
                reason: CancelReason::Other,
                comment: Some("  ".into())
            }),
            ["comment"]
        );
        assert_eq!(
            fields(CancellationInput {
                reason: CancelReason::ChangedMind,
                comment: Some("x".repeat(MAX_REQUEST_TEXT + 1))
            }),
            ["comment"]
        );
    }

    #[test]
    fn a_rejection_says_why() {
        assert!(DecisionInput {
            decision: Decision::Accept,
            note: None
        }
        .validate()
        .is_ok());
        let err = DecisionInput {
            decision: Decision::Reject,
            note: None,
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.fields[0].field, "note");
    }
}
