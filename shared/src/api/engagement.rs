//! What the store's emails achieved (`GET /v1/admin/emails/engagement`): per template, how many
//! went out, how many were opened (only while the store counts opens with its pixel) and how
//! many had a link followed (counted through signed redirects). Nothing is counted for an
//! address that turned counting off in its preferences.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The days an engagement report may cover: a day to the 90 days sent messages are kept.
pub const ENGAGEMENT_DAYS: RangeInclusive<u32> = 1..=90;

/// One template's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemplateEngagement {
    /// The template (`order_confirmed`, `order_welcome`, `parcel_shipped`, `parcel_delayed`,
    /// `return_created`, `review_request`, `survey_invite`, …).
    pub template: String,
    /// Messages sent in the period.
    pub sent: u64,
    /// Of those, how many were opened at least once (0 while opens are not counted).
    pub opened: u64,
    /// Of those, how many had at least one link followed.
    pub clicked: u64,
    /// Links followed in all (one shopper may follow several).
    pub clicks: u64,
}

/// The report: every template sent in the period, most sent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailEngagement {
    /// The period's start (messages created since).
    pub since: Timestamp,
    /// Whether opens are counted now (the calendar's `open_pixel`).
    pub opens_counted: bool,
    /// One row per template.
    pub templates: Vec<TemplateEngagement>,
}
