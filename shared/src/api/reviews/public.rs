//! What anyone with the publishable key reads on a product page: published reviews, their
//! summary, filters and sorts, "helpful" votes and the "How reviews work" disclosure.

use super::{MerchantReply, ReviewAttributes};
use crate::api::{Page, ReturnPhoto};
use crate::error::{ApiError, FieldIssue};
use crate::review::Rating;
use crate::time::Timestamp;
use crate::validate::Problems;
use crate::Locale;
use serde::{Deserialize, Serialize};

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
    #[serde(default)]
    pub photos: Vec<ReturnPhoto>,
    /// The review request carried a reward (disclosed as "received a discount for
    /// reviewing"); the reward never depends on the rating.
    #[serde(default)]
    pub incentivized: bool,
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
    /// "How reviews work", generated from the store's settings in the asked language.
    pub disclosure: ReviewDisclosure,
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

/// Which published reviews a product page lists (the summary always counts them all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFilters {
    /// Only this many stars (the histogram's bars filter this way).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<Rating>,
    /// Only reviews with photos.
    #[serde(default)]
    pub with_photos: bool,
    /// Only "verified buyer" reviews.
    #[serde(default)]
    pub verified: bool,
}

impl ReviewFilters {
    /// The query string's filter part (`&stars=5&with_photos=true`), empty without filters.
    pub fn query(&self) -> String {
        let mut q = String::new();
        if let Some(s) = self.stars {
            q.push_str(&format!("&stars={}", s.stars()));
        }
        if self.with_photos {
            q.push_str("&with_photos=true");
        }
        if self.verified {
            q.push_str("&verified=true");
        }
        q
    }
}

/// Shortest and longest browser voter id.
pub const VOTER_LEN: std::ops::RangeInclusive<usize> = 16..=64;

/// `POST /v1/reviews/{id}/helpful`: "this review helped me", once per browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpfulInput {
    /// A random id the browser keeps (16–64 of `A-Z a-z 0-9 - _`); a second vote from the
    /// same id is not counted again.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{16,64}$"))]
    pub voter: String,
}

impl HelpfulInput {
    /// The voter id's length and alphabet.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        let ok = VOTER_LEN.contains(&self.voter.len())
            && self
                .voter
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            p.add("voter", FieldIssue::InvalidFormat);
        }
        p.finish()
    }
}

/// The answer to a "helpful" vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpfulVote {
    /// The review.
    pub review_id: i64,
    /// Its votes now.
    pub helpful_count: u32,
    /// False when this browser had already voted (the count did not change).
    pub counted: bool,
}

/// "How reviews work" (EU Omnibus Directive: say whether and how reviews are verified),
/// generated by the server from the store's settings, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewDisclosure {
    /// The language of the texts.
    pub locale: Locale,
    /// The heading ("How reviews work").
    pub title: String,
    /// One paragraph each: verification, moderation, order, incentives.
    pub paragraphs: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_average_and_none_at_zero() {
        let s = ReviewSummary::from_histogram([0, 0, 0, 0, 0]);
        assert_eq!((s.count, s.average), (0, None));
        let s = ReviewSummary::from_histogram([1, 0, 0, 1, 1]);
        assert_eq!((s.count, s.average), (3, Some(3.3)));
    }

    #[test]
    fn filters_make_their_query() {
        assert_eq!(ReviewFilters::default().query(), "");
        let f = ReviewFilters {
            stars: Some(Rating::new(2).unwrap()),
            with_photos: true,
            verified: true,
        };
        assert_eq!(f.query(), "&stars=2&with_photos=true&verified=true");
    }

    #[test]
    fn voter_ids_are_checked() {
        let v = |s: &str| HelpfulInput { voter: s.into() }.validate().is_ok();
        assert!(v("abcdefgh-1234_XYZ"));
        assert!(!v("short"));
        assert!(!v(&"x".repeat(65)));
        assert!(!v("has space in it 12345"));
    }
}
