//! `/v1/me/reviews/…`, `/v1/reviews`, `/v1/products/{sku}/reviews` and `/v1/admin/reviews…`:
//! customers review what was delivered to them, the public reads published reviews, and the
//! store moderates, replies and sets the rules. When to ask lives in [`crate::review`].

use super::Page;
use crate::error::{ApiError, FieldError, FieldIssue};
use crate::review::{
    Rating, RejectReason, ReviewStatus, ReviewTiming, MAX_BODY, MAX_DISPLAY_NAME, MAX_REPLY,
    MAX_TITLE, MIN_BODY,
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

/// `POST /v1/reviews` (with `sku`) and `PUT /v1/reviews/{id}` (its `sku` must match). Nothing
/// here claims "verified": the server decides that from the customer's delivered orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    /// The product reviewed.
    pub sku: String,
    /// 1–5 stars.
    #[cfg_attr(feature = "openapi", schema(value_type = u8, minimum = 1, maximum = 5))]
    pub rating: Rating,
    /// A headline, up to 120 characters.
    pub title: String,
    /// The review, 10–5,000 characters.
    pub body: String,
    /// The store's extra questions.
    #[serde(default)]
    pub attributes: ReviewAttributes,
    /// The name shown with the review, up to 60 characters.
    pub display_name: String,
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
}

/// A published review as the public sees it (no moderation details).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicReview {
    /// Its id.
    pub id: i64,
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
    /// "Verified buyer": the server tied it to a delivered order line of the author.
    pub verified: bool,
    /// When it was written (first submitted).
    pub created_at: Timestamp,
    /// "Helpful" votes.
    pub helpful_count: u32,
    /// Photos attached.
    pub photo_count: u32,
    /// The store's public answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<MerchantReply>,
}

/// A product's published reviews at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewSummary {
    /// Published reviews.
    pub count: u64,
    /// Mean rating rounded to one decimal; absent without reviews (never a fake 0 or 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Published reviews per star, index 0 = 1 star … index 4 = 5 stars.
    pub histogram: Vec<u64>,
}

impl ReviewSummary {
    /// The summary of `histogram` (counts of 1…5 stars).
    pub fn from_histogram(histogram: [u64; 5]) -> Self {
        let count: u64 = histogram.iter().sum();
        let stars: u64 = histogram
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1) * n)
            .sum();
        let average = (count > 0).then(|| (stars as f64 * 10.0 / count as f64).round() / 10.0);
        Self {
            count,
            average,
            histogram: histogram.to_vec(),
        }
    }
}

/// `GET /v1/products/{sku}/reviews`: the summary (of every published review, whatever the
/// filters) and one page of the filtered, sorted list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductReviews {
    /// Average, count and histogram.
    pub summary: ReviewSummary,
    /// The page of reviews.
    pub reviews: Page<PublicReview>,
}

/// The order of the public list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewSort {
    /// Newest first (the default).
    #[default]
    Newest,
    /// Most stars first, then newest.
    Highest,
    /// Fewest stars first, then newest.
    Lowest,
    /// Most "helpful" votes first, then newest.
    MostHelpful,
    /// Reviews with photos first, then newest.
    WithPhotos,
}

impl ReviewSort {
    /// Every sort.
    pub const ALL: [Self; 5] = [
        Self::Newest,
        Self::Highest,
        Self::Lowest,
        Self::MostHelpful,
        Self::WithPhotos,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Highest => "highest",
            Self::Lowest => "lowest",
            Self::MostHelpful => "most_helpful",
            Self::WithPhotos => "with_photos",
        }
    }

    /// Parse the wire name.
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What the store does with a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ModerationAction {
    /// Publish it.
    Approve,
    /// Do not publish it (a neutral reason is required).
    Reject,
}

/// Admin: `POST /v1/admin/reviews/{id}/moderation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationInput {
    /// Approve or reject.
    pub action: ModerationAction,
    /// Required to reject; none to approve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RejectReason>,
}

impl ModerationInput {
    /// A rejection names a neutral reason; an approval has none.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        match (self.action, self.reason) {
            (ModerationAction::Reject, None) => p.add("reason", FieldIssue::Required),
            (ModerationAction::Approve, Some(_)) => p.add("reason", FieldIssue::InvalidFormat),
            _ => {}
        }
        p.finish()
    }
}

/// Admin: `PUT /v1/admin/reviews/{id}/reply`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyInput {
    /// The public answer, up to 2,000 characters.
    pub body: String,
}

impl ReplyInput {
    /// Present and not too long.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.text("body", &self.body, MAX_REPLY);
        p.finish()
    }
}

/// The store's review rules (`GET/PUT /v1/admin/reviews/settings`); the default moderates
/// every review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewSettings {
    /// Publish new and edited reviews without waiting for a moderator: the same for every
    /// rating (there is no per-star rule, by law).
    pub auto_publish: bool,
    /// When and how often to ask.
    pub timing: ReviewTiming,
}

/// Most use periods a store sets.
pub const MAX_USE_PERIODS: usize = 200;
/// Longest use period (days).
pub const MAX_USE_DAYS: u32 = 365;

/// Admin: the body of `PUT /v1/admin/reviews/settings`: the settings, and the fields other
/// review tools offer that this one refuses, named so the refusal can say why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewSettingsInput {
    /// The settings.
    #[serde(flatten)]
    pub settings: ReviewSettings,
    /// Refused whenever present: publishing may not depend on the rating (FTC 16 CFR §465.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_publish_min_rating: Option<u8>,
    /// Refused whenever present: a reward may not depend on the rating or on publishing
    /// (FTC 16 CFR §465.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward_min_rating: Option<u8>,
}

impl ReviewSettingsInput {
    /// Every rule: no sentiment gating, sane timing.
    pub fn validate(&self) -> Result<ReviewSettings, ApiError> {
        let mut errors = Vec::new();
        if self.auto_publish_min_rating.is_some() {
            errors.push(FieldError::new(
                "auto_publish_min_rating",
                FieldIssue::InvalidFormat,
                "Publishing cannot depend on the rating: reviews of every rating are treated \
                 alike (US FTC 16 CFR 465.7). Use auto_publish for all ratings, or moderate.",
            ));
        }
        if self.reward_min_rating.is_some() {
            errors.push(FieldError::new(
                "reward_min_rating",
                FieldIssue::InvalidFormat,
                "A reward cannot depend on the rating or on publishing (US FTC 16 CFR 465.4): \
                 the same reward goes with every review request.",
            ));
        }
        let t = &self.settings.timing;
        let mut p = Problems::default();
        for (field, v) in [
            ("timing.default_use_days", t.default_use_days),
            ("timing.transit_buffer_days", t.transit_buffer_days),
        ] {
            p.in_range(field, v, &(0..=MAX_USE_DAYS));
        }
        p.in_range("timing.max_reminders", t.max_reminders, &(0..=5));
        p.in_range(
            "timing.max_asks_per_30_days",
            t.max_asks_per_30_days,
            &(1..=30),
        );
        if t.use_periods.len() > MAX_USE_PERIODS {
            p.add("timing.use_periods", FieldIssue::TooLong);
        }
        for (i, u) in t.use_periods.iter().enumerate() {
            p.in_range(
                format!("timing.use_periods[{i}].days"),
                u.days,
                &(0..=MAX_USE_DAYS),
            );
            let (crate::review::UseTarget::Sku(v) | crate::review::UseTarget::Tag(v)) = &u.target;
            p.text(
                format!("timing.use_periods[{i}].target.value"),
                v,
                crate::validate::MAX_TEXT,
            );
        }
        if let Err(e) = p.finish() {
            errors.extend(e.fields);
        }
        if errors.is_empty() {
            Ok(self.settings.clone())
        } else {
            Err(ApiError::validation(errors))
        }
    }
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
    fn star_gating_and_rating_rewards_are_refused() {
        let ok = ReviewSettingsInput {
            settings: ReviewSettings::default(),
            auto_publish_min_rating: None,
            reward_min_rating: None,
        };
        assert!(ok.validate().is_ok());
        let gated = ReviewSettingsInput {
            auto_publish_min_rating: Some(4),
            reward_min_rating: Some(5),
            ..ok
        };
        let err = gated.validate().unwrap_err();
        assert_eq!(
            fields(err.clone()),
            ["auto_publish_min_rating", "reward_min_rating"]
        );
        assert!(err.fields[0].message.contains("465.7"));
    }

    #[test]
    fn a_rejection_names_a_reason() {
        let m = |action, reason| ModerationInput { action, reason }.validate();
        assert!(m(ModerationAction::Approve, None).is_ok());
        assert!(m(ModerationAction::Reject, Some(RejectReason::Spam)).is_ok());
        assert_eq!(
            fields(m(ModerationAction::Reject, None).unwrap_err()),
            ["reason"]
        );
    }

    #[test]
    fn summary_average_and_none_at_zero() {
        let s = ReviewSummary::from_histogram([0, 0, 0, 0, 0]);
        assert_eq!((s.count, s.average), (0, None));
        let s = ReviewSummary::from_histogram([1, 0, 0, 1, 1]);
        assert_eq!((s.count, s.average), (3, Some(3.3)));
    }
}
