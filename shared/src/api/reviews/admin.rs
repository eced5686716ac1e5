//! What the store sets and does (secret key): moderation, public replies, and the review
//! rules, refusing the settings the law forbids.

use super::ReviewAttribute;
use crate::error::{ApiError, FieldError, FieldIssue};
use crate::review::{RejectReason, ReviewTiming, MAX_REPLY};
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

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

/// The document states [`ModerationInput::validate`]: one branch per action.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ModerationInput {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use crate::api::schema::tag;
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        let reason = <RejectReason as utoipa::PartialSchema>::schema();
        OneOfBuilder::new()
            .description(Some(
                "Approve (no reason), or reject with a neutral reason (required).",
            ))
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .property("action", tag("approve", "Publish it."))
                    .required("action")
                    .property(
                        "reason",
                        ObjectBuilder::new()
                            .schema_type(Type::Null)
                            .description(Some("None to approve.")),
                    ),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .property("action", tag("reject", "Do not publish it."))
                    .required("action")
                    .property("reason", reason)
                    .required("reason"),
            )
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ModerationInput {}

/// Admin: `PUT /v1/admin/reviews/{id}/reply`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyInput {
    /// The public answer, up to 2,000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2000,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
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
/// every review, asks "would you recommend it?" and offers no reward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewSettings {
    /// Publish new and edited reviews without waiting for a moderator: the same for every
    /// rating (there is no per-star rule, by law).
    pub auto_publish: bool,
    /// When and how often to ask.
    pub timing: ReviewTiming,
    /// The extra questions and the products each one is asked about.
    #[serde(default = "default_attributes")]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub attributes: Vec<AttributeRule>,
    /// A reward with every review request, whatever the rating; none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentive: Option<Incentive>,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        Self {
            auto_publish: false,
            timing: ReviewTiming::default(),
            attributes: default_attributes(),
            incentive: None,
        }
    }
}

impl ReviewSettings {
    /// The extra questions a product with `tags` gets: every rule without tags or sharing one
    /// of them, in rule order, each question once (the form and the submit check agree).
    pub fn attributes_for(&self, tags: &[String]) -> Vec<ReviewAttribute> {
        let mut out = Vec::new();
        for rule in &self.attributes {
            let applies = rule.tags.is_empty() || rule.tags.iter().any(|t| tags.contains(t));
            if applies && !out.contains(&rule.attribute) {
                out.push(rule.attribute);
            }
        }
        out
    }
}

fn default_attributes() -> Vec<AttributeRule> {
    vec![AttributeRule {
        attribute: ReviewAttribute::WouldRecommend,
        tags: Vec::new(),
    }]
}

/// Ask one extra question about some products (fit only about apparel, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttributeRule {
    /// The question.
    pub attribute: ReviewAttribute,
    /// Products with any of these tags; empty: every product.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::api::NonEmptyText500>))]
    pub tags: Vec<String>,
}

/// A reward with every review request (FTC 16 CFR §465.4: never tied to the rating or to
/// publishing), disclosed on each review it came with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Incentive {
    /// What the shopper gets, in the store's words ("10% off your next order"), up to 120
    /// characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 120,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub offer: String,
    /// Each request's coupon code is this prefix, a dash and a random part (2–12 of `A-Z
    /// 0-9`).
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Z0-9]{2,12}$"))]
    pub code_prefix: String,
}

/// Length of the random part of a reward code (`PREFIX-` + this many of `A-Z 0-9`).
pub const REWARD_CODE_RANDOM_LEN: usize = 8;

impl Incentive {
    /// The coupon code of one review request: the prefix, a dash and `random` (the server
    /// draws [`REWARD_CODE_RANDOM_LEN`] characters of `A-Z 0-9`).
    pub fn code(&self, random: &str) -> String {
        format!("{}-{random}", self.code_prefix)
    }
}

/// Most attribute rules a store sets.
pub const MAX_ATTRIBUTE_RULES: usize = 20;
/// Longest incentive offer text (characters).
pub const MAX_OFFER: usize = 120;

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
    #[cfg_attr(feature = "openapi", schema(schema_with = refused_auto_publish_min_rating))]
    pub auto_publish_min_rating: Option<u8>,
    /// Refused whenever present: a reward may not depend on the rating or on publishing
    /// (FTC 16 CFR §465.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(schema_with = refused_reward_min_rating))]
    pub reward_min_rating: Option<u8>,
}

/// `auto_publish_min_rating` in the document: any value is refused, so only `null` (read as
/// absent) is valid.
#[cfg(feature = "openapi")]
fn refused_auto_publish_min_rating() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::api::schema::refused(
        "Refused with `422` whenever it has a value: publishing may not depend on the rating \
         (US FTC 16 CFR §465.7). Use `auto_publish` for every rating, or moderate. Only `null` \
         (the same as leaving it out) is accepted.",
    )
}

/// `reward_min_rating` in the document: any value is refused.
#[cfg(feature = "openapi")]
fn refused_reward_min_rating() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::api::schema::refused(
        "Refused with `422` whenever it has a value: a reward may not depend on the rating or \
         on publishing (US FTC 16 CFR §465.4). Only `null` (the same as leaving it out) is \
         accepted.",
    )
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
        if self.settings.attributes.len() > MAX_ATTRIBUTE_RULES {
            p.add("attributes", FieldIssue::TooLong);
        }
        for (i, rule) in self.settings.attributes.iter().enumerate() {
            for (k, tag) in rule.tags.iter().enumerate() {
                p.text(
                    format!("attributes[{i}].tags[{k}]"),
                    tag,
                    crate::validate::MAX_TEXT,
                );
            }
        }
        if let Some(inc) = &self.settings.incentive {
            p.text("incentive.offer", &inc.offer, MAX_OFFER);
            let prefix_ok = (2..=12).contains(&inc.code_prefix.len())
                && inc
                    .code_prefix
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            if !prefix_ok {
                p.add("incentive.code_prefix", FieldIssue::InvalidFormat);
            }
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

/// Shortest, default and longest life of a review link (days).
pub const REVIEW_LINK_DAYS: (u32, u32, u32) = (1, 30, 90);

/// Admin: `POST /v1/admin/reviews/links`: a signed link for the merchant's own review email,
/// opening one order's reviews for that order's customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewLinkInput {
    /// The order whose items the link lets the customer review.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*#*[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z0-9._-]{1,32}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub order_number: String,
    /// How long the link works, 1–90 days (default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 90, default = 30))]
    pub valid_days: Option<u32>,
}

impl ReviewLinkInput {
    /// The order number and the link's life in days, or `422` naming `order_number` or
    /// `valid_days`.
    pub fn validate(&self) -> Result<(crate::OrderNumber, u32), ApiError> {
        let (min, default, max) = REVIEW_LINK_DAYS;
        let mut p = Problems::default();
        let number = p.check(
            "order_number",
            crate::OrderNumber::parse(&self.order_number),
        );
        let days = self.valid_days.unwrap_or(default);
        p.in_range("valid_days", days, &(min..=max));
        p.finish()?;
        // `check` recorded a problem whenever `number` is `None`, so `finish` returned above.
        number
            .map(|n| (n, days))
            .ok_or_else(|| ApiError::validation(Vec::new()))
    }
}

/// A signed review link: the merchant puts `token` in their email's link to a page with the
/// review widget (its `token` attribute), exactly where a customer token would go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewLink {
    /// The bearer token (`v1.…`), kind `review_link`.
    pub token: String,
    /// When it stops working (`401 token_expired` after).
    pub expires_at: crate::Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(e: ApiError) -> Vec<String> {
        e.fields.into_iter().map(|f| f.field).collect()
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
    fn attributes_follow_the_rules_tags_in_order_once() {
        use ReviewAttribute::{Fit, WouldRecommend};
        let rule = |attribute, tags: &[&str]| AttributeRule {
            attribute,
            tags: tags.iter().map(ToString::to_string).collect(),
        };
        let s = ReviewSettings {
            attributes: vec![
                rule(Fit, &["knitwear", "outerwear"]),
                rule(WouldRecommend, &[]),
                rule(Fit, &["footwear"]),
            ],
            ..ReviewSettings::default()
        };
        let tags = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            s.attributes_for(&tags(&["outerwear"])),
            [Fit, WouldRecommend]
        );
        assert_eq!(
            s.attributes_for(&tags(&["footwear", "knitwear"])),
            [Fit, WouldRecommend]
        );
        assert_eq!(s.attributes_for(&[]), [WouldRecommend]);
        assert_eq!(
            ReviewSettings::default().attributes_for(&tags(&["knitwear"])),
            [WouldRecommend]
        );
        let none = ReviewSettings {
            attributes: Vec::new(),
            ..ReviewSettings::default()
        };
        assert!(none.attributes_for(&tags(&["x"])).is_empty());
    }

    #[test]
    fn a_reward_code_is_the_prefix_a_dash_and_the_random_part() {
        let inc = Incentive {
            offer: "10% off".into(),
            code_prefix: "THANKS".into(),
        };
        assert_eq!(inc.code("AB12CD34"), "THANKS-AB12CD34");
    }

    #[test]
    fn review_links_last_one_to_ninety_days() {
        let link = |n: &str, d| {
            ReviewLinkInput {
                order_number: n.into(),
                valid_days: d,
            }
            .validate()
        };
        assert_eq!(link("#1001", None).unwrap().1, 30);
        assert_eq!(link("1001", Some(1)).unwrap().1, 1);
        assert_eq!(link("1001", Some(90)).unwrap().1, 90);
        assert_eq!(fields(link("1001", Some(0)).unwrap_err()), ["valid_days"]);
        assert_eq!(fields(link("1001", Some(91)).unwrap_err()), ["valid_days"]);
        assert_eq!(
            fields(link(" ", Some(91)).unwrap_err()),
            ["order_number", "valid_days"]
        );
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
    fn an_incentive_needs_a_clean_code_prefix() {
        let with = |prefix: &str| {
            ReviewSettingsInput {
                settings: ReviewSettings {
                    incentive: Some(Incentive {
                        offer: "10% off your next order".into(),
                        code_prefix: prefix.into(),
                    }),
                    ..ReviewSettings::default()
                },
                auto_publish_min_rating: None,
                reward_min_rating: None,
            }
            .validate()
        };
        assert!(with("THANKS10").is_ok());
        assert_eq!(fields(with("x").unwrap_err()), ["incentive.code_prefix"]);
        assert_eq!(
            fields(with("no-dash").unwrap_err()),
            ["incentive.code_prefix"]
        );
    }
}

/// The review app a CSV export comes from (`?format=` of `POST /v1/admin/reviews/import`):
/// each names its columns differently, so the importer must know which one it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// Judge.me's "Export reviews" CSV.
    Judgeme,
    /// Okendo's reviews export CSV.
    Okendo,
}

impl ImportFormat {
    /// The wire (and stored `source`) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Judgeme => "judgeme",
            Self::Okendo => "okendo",
        }
    }

    /// From the wire name.
    pub fn from_wire(s: &str) -> Option<Self> {
        match s {
            "judgeme" => Some(Self::Judgeme),
            "okendo" => Some(Self::Okendo),
            _ => None,
        }
    }
}

/// Answer of `POST /v1/admin/reviews/import`: what one file did. A file with any bad row is
/// refused whole (`422`, every bad line named), so a report always describes a complete
/// import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Which app's export was read.
    pub format: ImportFormat,
    /// Data rows in the file.
    pub rows: u32,
    /// Reviews added.
    pub imported: u32,
    /// Of those, how many are "verified buyer" (the reviewer's email matched a customer with a
    /// delivered line of the product).
    pub verified: u32,
    /// Rows already imported before (same source and id or content), left alone.
    pub duplicates: u32,
}
