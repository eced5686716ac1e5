//! `/v1/me/reviews/…`, `/v1/reviews`, `/v1/products/{sku}/reviews` and `/v1/admin/reviews…`:
//! customers review what was delivered to them ([here](self)), the public reads published
//! reviews ([`public`]), and the store moderates, replies and sets the rules ([`admin`]).
//! When to ask lives in [`crate::review`].

mod admin;
mod public;

pub use admin::*;
pub use public::*;

use super::ReturnPhoto;
use crate::error::{ApiError, FieldIssue};
use crate::review::{
    Rating, RejectReason, ReviewStatus, MAX_BODY, MAX_DISPLAY_NAME, MAX_REVIEW_PHOTOS, MAX_TITLE,
    MIN_BODY,
};
use crate::time::Timestamp;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// A delivered line waiting for its review (`GET /v1/me/reviews/pending`): one per product,
/// so a product bought twice is asked about once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingReview {
    /// The product's SKU (what the review is about).
    pub sku: String,
    /// The product's title as ordered.
    pub title: String,
    /// The variant as ordered (size, colour…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// A picture of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// The order it came with (the latest delivered one, when bought more than once).
    pub order_number: String,
    /// Its delivery scan, or absent when the carrier never scanned it delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<Timestamp>,
    /// The store may interrupt to ask about it now (a floating prompt, an email): within the
    /// reminders and the customer's 30-day cap. False: still open for a review from the
    /// account, but nothing should pop up about it.
    pub prompt: bool,
    /// The store's extra questions for this product, in the order to ask them.
    #[serde(default)]
    pub attributes: Vec<ReviewAttribute>,
    /// The reward this review request carries ("10% off your next order"), fixed when the
    /// request was made and the same whatever the rating; absent without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentive: Option<String>,
}

/// A store-defined question on the review form (which ones a product gets is a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewAttribute {
    /// How it fits (runs small / true to size / runs large).
    Fit,
    /// Would they recommend it (yes / no).
    WouldRecommend,
}

/// How a garment fits, a store-defined attribute of the review form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Smaller than the size says.
    RunsSmall,
    /// As the size says.
    TrueToSize,
    /// Larger than the size says.
    RunsLarge,
}

/// Answers to the store's extra questions; each is optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewAttributes {
    /// How it fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<Fit>,
    /// Would they recommend it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub would_recommend: Option<bool>,
}

impl ReviewAttributes {
    /// Refuse answers to questions the store does not ask about this product (`asked`, from
    /// [`ReviewSettings::attributes_for`]): `422` naming `attributes.fit` or
    /// `attributes.would_recommend`.
    pub fn check_asked(&self, asked: &[ReviewAttribute]) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if self.fit.is_some() && !asked.contains(&ReviewAttribute::Fit) {
            p.add("attributes.fit", FieldIssue::InvalidFormat);
        }
        if self.would_recommend.is_some() && !asked.contains(&ReviewAttribute::WouldRecommend) {
            p.add("attributes.would_recommend", FieldIssue::InvalidFormat);
        }
        p.finish()
    }
}

/// `POST /v1/reviews` (with `sku`) and `PUT /v1/reviews/{id}` (its `sku` must match). Nothing
/// here claims "verified": the server decides that from the customer's delivered orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    /// The product reviewed.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 500,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub sku: String,
    /// 1–5 stars.
    #[cfg_attr(feature = "openapi", schema(value_type = u8, minimum = 1, maximum = 5))]
    pub rating: Rating,
    /// A headline, up to 120 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 120,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub title: String,
    /// The review, 10–5,000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 5000,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000][\s\S]{8,}[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub body: String,
    /// The store's extra questions.
    #[serde(default)]
    pub attributes: ReviewAttributes,
    /// The name shown with the review, up to 60 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 60,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub display_name: String,
    /// Photos uploaded first (`POST /v1/review-photos`), at most four. Editing sends the
    /// full list: ids left out are removed.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 4))]
    pub photo_ids: Vec<String>,
}

impl ReviewInput {
    /// Every rule the review must meet (the widget runs it before sending; the server answers
    /// 422 naming the same fields).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.text("sku", &self.sku, crate::validate::MAX_TEXT);
        p.text("title", &self.title, MAX_TITLE);
        p.text("body", &self.body, MAX_BODY);
        let body = self.body.trim();
        if !body.is_empty() && body.chars().count() < MIN_BODY {
            p.add("body", FieldIssue::OutOfRange);
        }
        p.text("display_name", &self.display_name, MAX_DISPLAY_NAME);
        if self.photo_ids.len() > MAX_REVIEW_PHOTOS {
            p.add("photo_ids", FieldIssue::TooLong);
        }
        p.finish()
    }
}

/// A merchant's public answer under a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MerchantReply {
    /// The answer.
    pub body: String,
    /// When it was written or last edited.
    pub updated_at: Timestamp,
}

/// A review as its author and the store see it: with its moderation state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    /// Its id.
    pub id: i64,
    /// The product.
    pub sku: String,
    /// 1–5 stars.
    #[cfg_attr(feature = "openapi", schema(value_type = u8, minimum = 1, maximum = 5))]
    pub rating: Rating,
    /// Headline.
    pub title: String,
    /// Text.
    pub body: String,
    /// Extra answers.
    pub attributes: ReviewAttributes,
    /// Name shown.
    pub display_name: String,
    /// Set by the server only: tied to a delivered order line of this customer.
    pub verified: bool,
    /// Moderation state.
    pub status: ReviewStatus,
    /// Why it was rejected, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<RejectReason>,
    /// First submitted.
    pub created_at: Timestamp,
    /// Last edited by its author.
    pub updated_at: Timestamp,
    /// The store's public answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<MerchantReply>,
    /// Photos attached (re-encoded, metadata dropped).
    #[serde(default)]
    pub photos: Vec<ReturnPhoto>,
    /// The review request carried a reward: shown on the review ("received a discount for
    /// reviewing").
    #[serde(default)]
    pub incentivized: bool,
    /// The reward's coupon code, for its author only, whatever the rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward_code: Option<String>,
    /// The product's name, where a list holds reviews of several products (the author's
    /// own, `GET /v1/me/reviews`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_title: Option<String>,
}

/// `POST /v1/me/reviews/{sku}/postpone`: when the product will be asked about again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Postponed {
    /// The product.
    pub sku: String,
    /// Not asked before this time (7 days on).
    pub until: Timestamp,
}

/// `POST /v1/me/reviews/asks`: the prompt was shown about these products, so the store's
/// reminder count and the customer's 30-day cap include it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AskInput {
    /// The SKUs shown (as in [`PendingReview::sku`]), at most 50.
    #[cfg_attr(feature = "openapi", schema(max_items = 50, value_type = Vec<crate::api::NonEmptyText500>))]
    pub skus: Vec<String>,
}

/// Most SKUs in one [`AskInput`].
pub const MAX_ASK_SKUS: usize = 50;

impl AskInput {
    /// At most [`MAX_ASK_SKUS`] SKUs, each a sane text.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if self.skus.len() > MAX_ASK_SKUS {
            p.add("skus", FieldIssue::TooLong);
        }
        for (i, sku) in self.skus.iter().enumerate() {
            p.text(format!("skus[{i}]"), sku, crate::validate::MAX_TEXT);
        }
        p.finish()
    }
}

/// The answer to [`AskInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AsksRecorded {
    /// Asks recorded (SKUs not pending for this customer are skipped).
    pub recorded: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ReviewInput {
        ReviewInput {
            sku: "TEE-M".into(),
            rating: Rating::new(4).unwrap(),
            title: "Soft".into(),
            body: "Soft and holds its shape after washing.".into(),
            attributes: ReviewAttributes::default(),
            display_name: "Ana L.".into(),
            photo_ids: Vec::new(),
        }
    }

    fn fields(e: ApiError) -> Vec<String> {
        e.fields.into_iter().map(|f| f.field).collect()
    }

    #[test]
    fn review_lengths_at_their_boundaries() {
        assert!(input().validate().is_ok());
        let with = |f: fn(&mut ReviewInput)| {
            let mut i = input();
            f(&mut i);
            i.validate()
        };
        assert!(with(|i| i.body = "x".repeat(MIN_BODY)).is_ok());
        assert_eq!(
            fields(with(|i| i.body = "x".repeat(MIN_BODY - 1)).unwrap_err()),
            ["body"]
        );
        assert!(with(|i| i.body = "x".repeat(MAX_BODY)).is_ok());
        assert_eq!(
            fields(with(|i| i.body = "x".repeat(MAX_BODY + 1)).unwrap_err()),
            ["body"]
        );
        assert!(with(|i| i.title = "t".repeat(MAX_TITLE)).is_ok());
        assert_eq!(
            fields(with(|i| i.title = "t".repeat(MAX_TITLE + 1)).unwrap_err()),
            ["title"]
        );
        assert_eq!(
            fields(with(|i| i.display_name = " ".into()).unwrap_err()),
            ["display_name"]
        );
    }

    #[test]
    fn only_asked_attributes_may_be_answered() {
        let both = ReviewAttributes {
            fit: Some(Fit::RunsSmall),
            would_recommend: Some(true),
        };
        assert!(both
            .check_asked(&[ReviewAttribute::WouldRecommend, ReviewAttribute::Fit])
            .is_ok());
        assert_eq!(
            fields(
                both.check_asked(&[ReviewAttribute::WouldRecommend])
                    .unwrap_err()
            ),
            ["attributes.fit"]
        );
        assert_eq!(
            fields(both.check_asked(&[]).unwrap_err()),
            ["attributes.fit", "attributes.would_recommend"]
        );
        assert!(ReviewAttributes::default().check_asked(&[]).is_ok());
    }

    #[test]
    fn at_most_fifty_skus_per_ask() {
        let ask = |n: usize| AskInput {
            skus: (0..n).map(|i| format!("SKU-{i}")).collect(),
        };
        assert!(ask(MAX_ASK_SKUS).validate().is_ok());
        assert_eq!(
            fields(ask(MAX_ASK_SKUS + 1).validate().unwrap_err()),
            ["skus"]
        );
        let blank = AskInput {
            skus: vec![" ".into()],
        };
        assert_eq!(fields(blank.validate().unwrap_err()), ["skus[0]"]);
    }

    #[test]
    fn at_most_four_photos() {
        let mut i = input();
        i.photo_ids = (0..MAX_REVIEW_PHOTOS).map(|n| format!("p{n}")).collect();
        assert!(i.validate().is_ok());
        i.photo_ids.push("one-more".into());
        assert_eq!(fields(i.validate().unwrap_err()), ["photo_ids"]);
    }
}
