//! Product reviews: the rating scale, text limits, moderation states and the timing rule that
//! decides when a delivered line may be reviewed. The rules live here, once, like the survey
//! rules: the server applies them (widgets ask it), and the tests below cover every boundary.
//!
//! Lawful by construction: nothing here looks at a rating to decide whether to publish or
//! reward a review (US FTC 16 CFR §465.4 and §465.7), and "verified" is a server-side fact.

use crate::error::FieldIssue;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Longest review title (characters).
pub const MAX_TITLE: usize = 120;
/// Longest review text (characters).
pub const MAX_BODY: usize = 5_000;
/// Shortest review text once trimmed (characters): one word is not a review.
pub const MIN_BODY: usize = 10;
/// Longest display name (characters).
pub const MAX_DISPLAY_NAME: usize = 60;
/// Longest merchant reply (characters).
pub const MAX_REPLY: usize = 2_000;
/// Most photos on one review.
pub const MAX_REVIEW_PHOTOS: usize = 4;
/// How long "not arrived yet" postpones the ask (days).
pub const POSTPONE_DAYS: u32 = 7;
/// The window of the per-customer cap on asks (days).
pub const CAP_WINDOW_DAYS: u32 = 30;
/// An email asks about a product again (a reminder) this many days after the last ask at the
/// earliest, by email or by the prompt: an inbox is not a page visit.
pub const EMAIL_REMINDER_DAYS: u32 = 7;

const DAY_MS: i64 = 86_400_000;

/// A star rating, 1–5 (constructed only through [`Rating::new`], so an out-of-range value
/// cannot reach storage).
/// (In OpenAPI it is an integer 1–5 where it is used.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Rating(u8);

impl Rating {
    /// Fewest stars.
    pub const MIN: u8 = 1;
    /// Most stars.
    pub const MAX: u8 = 5;

    /// Check a raw number against the 1–5 scale.
    pub fn new(raw: i64) -> Result<Self, FieldIssue> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&raw) {
            Ok(Self(raw as u8))
        } else {
            Err(FieldIssue::OutOfRange)
        }
    }

    /// The number of stars.
    pub fn stars(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Rating {
    type Error = String;
    fn try_from(raw: i64) -> Result<Self, String> {
        Self::new(raw).map_err(|_| format!("a rating is 1 to 5, not {raw}"))
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

/// Where a review stands in moderation; the author sees it, the public only `published`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Waiting for the store (new, or edited by its author).
    Pending,
    /// Shown on the product page.
    Published,
    /// Not shown, with a neutral [`RejectReason`].
    Rejected,
}

impl ReviewStatus {
    /// Every status, in queue order.
    pub const ALL: [Self; 3] = [Self::Pending, Self::Published, Self::Rejected];

    /// The wire (and stored) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Published => "published",
            Self::Rejected => "rejected",
        }
    }

    /// Parse the wire name.
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Why a review was not published: about the content's form, never its sentiment, so a
/// negative review cannot be rejected for being negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Advertising, links, repeated text.
    Spam,
    /// About something else than the product or its use.
    OffTopic,
    /// Contains someone's personal data (address, phone, email…).
    PersonalData,
    /// Insults, hate, threats.
    Offensive,
    /// About shipping, the store or another product, not this one.
    NotAboutProduct,
}

impl RejectReason {
    /// Every reason.
    pub const ALL: [Self; 5] = [
        Self::Spam,
        Self::OffTopic,
        Self::PersonalData,
        Self::Offensive,
        Self::NotAboutProduct,
    ];

    /// The wire (and stored) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::OffTopic => "off_topic",
            Self::PersonalData => "personal_data",
            Self::Offensive => "offensive",
            Self::NotAboutProduct => "not_about_product",
        }
    }

    /// Parse the wire name.
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// When and how often to ask (per store; part of the review settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewTiming {
    /// Days after the delivery scan before asking, for products no use period names (0–365).
    #[cfg_attr(feature = "openapi", schema(maximum = 365))]
    pub default_use_days: u32,
    /// Days added to the shipment when no delivery scan came (the parcel's likely transit;
    /// 0–365).
    #[cfg_attr(feature = "openapi", schema(maximum = 365))]
    pub transit_buffer_days: u32,
    /// Reminders after the first ask, at most (0: ask once; up to 5).
    #[cfg_attr(feature = "openapi", schema(maximum = 5))]
    pub max_reminders: u32,
    /// Asks per customer in any 30 days, across products, at most (1–30).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 30))]
    pub max_asks_per_30_days: u32,
    /// Use periods per product or tag, overriding the default (at most 200).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub use_periods: Vec<UsePeriod>,
}

impl Default for ReviewTiming {
    fn default() -> Self {
        Self {
            default_use_days: 7,
            transit_buffer_days: 7,
            max_reminders: 1,
            max_asks_per_30_days: 5,
            use_periods: Vec::new(),
        }
    }
}

/// What a use period applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum UseTarget {
    /// One product, by SKU.
    Sku(String),
    /// Every product with this tag (e.g. `consumables`).
    Tag(String),
}

/// How long a product is used before its buyer has an opinion: experiences soon, furniture
/// after weeks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UsePeriod {
    /// The SKU or tag.
    pub target: UseTarget,
    /// Days after delivery (0–365).
    #[cfg_attr(feature = "openapi", schema(maximum = 365))]
    pub days: u32,
}

/// The document's `UseTarget`: `kind` and a `value` that is not blank, up to 500 characters
/// (the rule the review settings check each target's value with).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for UseTarget {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        let branch = |kind: &str, what: &str| {
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("kind", crate::api::schema::tag(kind, what))
                .required("kind")
                .property(
                    "value",
                    <crate::api::NonEmptyText500 as utoipa::PartialSchema>::schema(),
                )
                .required("value")
        };
        OneOfBuilder::new()
            .description(Some("What a use period applies to."))
            .item(branch("sku", "One product, by SKU."))
            .item(branch(
                "tag",
                "Every product with this tag (e.g. `consumables`).",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for UseTarget {}

impl ReviewTiming {
    /// The use period of a product: its SKU's own, else the longest of its tags' (a product
    /// that is both a consumable and furniture needs the furniture's time), else the default.
    pub fn use_days(&self, sku: &str, tags: &[String]) -> u32 {
        let own = self.use_periods.iter().find_map(|p| match &p.target {
            UseTarget::Sku(s) if s == sku => Some(p.days),
            _ => None,
        });
        own.or_else(|| {
            self.use_periods
                .iter()
                .filter_map(|p| match &p.target {
                    UseTarget::Tag(t) if tags.iter().any(|x| x == t) => Some(p.days),
                    _ => None,
                })
                .max()
        })
        .unwrap_or(self.default_use_days)
    }
}

/// What the server knows about one delivered (or shipped) line and its customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineFacts {
    /// The parcel's delivery scan.
    pub delivered_at_ms: Option<i64>,
    /// When the parcel was handed to the carrier.
    pub shipped_at_ms: Option<i64>,
    /// The line was returned (a return not rejected or cancelled) or refunded.
    pub returned_or_refunded: bool,
    /// The customer already reviewed this product.
    pub already_reviewed: bool,
    /// "Not arrived yet" was pressed at this time.
    pub postponed_at_ms: Option<i64>,
    /// Asks already sent for this line (the first one and its reminders).
    pub asks_sent: u32,
    /// Asks sent to this customer, any product, in the last 30 days.
    pub customer_asks_30_days: u32,
    /// The customer turned review requests off in their preferences.
    pub opted_out: bool,
}

/// Why a line is not asked about now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotAskedReason {
    /// Review requests are off in the customer's preferences.
    OptedOut,
    /// The line was returned or refunded: nothing to review.
    ReturnedOrRefunded,
    /// This customer already reviewed the product.
    AlreadyReviewed,
    /// Not shipped yet.
    NotShipped,
    /// Delivered (or shipped) too recently for the product's use period.
    TooSoon,
    /// The customer said it has not arrived; asked again later.
    Postponed,
    /// The first ask and every reminder were sent.
    RemindersUsed,
    /// The customer was asked enough in the last 30 days.
    CustomerCap,
}

/// The answer to "may this line be asked about now?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AskDecision {
    /// Ask.
    pub eligible: bool,
    /// Why not, when not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NotAskedReason>,
    /// The earliest time it could be asked, when that is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Timestamp>,
}

/// When the line becomes reviewable: delivery scan + use period, or, without a scan,
/// shipment + transit buffer + use period. `None` until shipped.
pub fn ready_at_ms(t: &ReviewTiming, use_days: u32, line: &LineFacts) -> Option<i64> {
    let use_ms = i64::from(use_days) * DAY_MS;
    match (line.delivered_at_ms, line.shipped_at_ms) {
        (Some(d), _) => Some(d + use_ms),
        (None, Some(s)) => Some(s + i64::from(t.transit_buffer_days) * DAY_MS + use_ms),
        (None, None) => None,
    }
}

/// Decide at `now_ms` whether to ask about a line. Checks run in a fixed order so the reason
/// is stable: preference, return, existing review, shipment, timing, postponement,
/// reminders, customer cap. Nothing here depends on a rating.
pub fn ask_decision(t: &ReviewTiming, use_days: u32, line: &LineFacts, now_ms: i64) -> AskDecision {
    let no = |reason, not_before: Option<i64>| AskDecision {
        eligible: false,
        reason: Some(reason),
        not_before: not_before.map(|ms| Timestamp::from_utc_ms(ms, 0)),
    };
    if line.opted_out {
        return no(NotAskedReason::OptedOut, None);
    }
    if line.returned_or_refunded {
        return no(NotAskedReason::ReturnedOrRefunded, None);
    }
    if line.already_reviewed {
        return no(NotAskedReason::AlreadyReviewed, None);
    }
    let Some(ready) = ready_at_ms(t, use_days, line) else {
        return no(NotAskedReason::NotShipped, None);
    };
    if now_ms < ready {
        return no(NotAskedReason::TooSoon, Some(ready));
    }
    if let Some(p) = line.postponed_at_ms {
        let until = p + i64::from(POSTPONE_DAYS) * DAY_MS;
        if now_ms < until {
            return no(NotAskedReason::Postponed, Some(until));
        }
    }
    if line.asks_sent > t.max_reminders {
        return no(NotAskedReason::RemindersUsed, None);
    }
    if line.customer_asks_30_days >= t.max_asks_per_30_days {
        return no(NotAskedReason::CustomerCap, None);
    }
    AskDecision {
        eligible: true,
        reason: None,
        not_before: None,
    }
}

/// Whether an invitation email may ask about a product the prompt may ask about now, given
/// its last ask (`None`: never asked): at least [`EMAIL_REMINDER_DAYS`] after it.
pub fn email_ask_due(last_ask_ms: Option<i64>, now_ms: i64) -> bool {
    last_ask_ms.is_none_or(|at| now_ms - at >= i64::from(EMAIL_REMINDER_DAYS) * DAY_MS)
}

/// Where a line stands on the customer's list: `None` when it is not open for a review at
/// all (too soon, returned, reviewed, postponed, opted out…); `Some(true)` when the store may
/// also interrupt to ask about it now; `Some(false)` when only the reminder count or the
/// customer's 30-day cap holds it back: the account page still offers it, nothing pops up.
pub fn prompt_state(
    t: &ReviewTiming,
    use_days: u32,
    line: &LineFacts,
    now_ms: i64,
) -> Option<bool> {
    let unasked = LineFacts {
        asks_sent: 0,
        customer_asks_30_days: 0,
        ..line.clone()
    };
    ask_decision(t, use_days, &unasked, now_ms)
        .eligible
        .then(|| ask_decision(t, use_days, line, now_ms).eligible)
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
