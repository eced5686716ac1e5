//! Request and response bodies of the `/v1` API, shared by server, client and widgets.

use crate::ids::OrderNumber;
use crate::locale::Locale;
use crate::order::{Address, OrderStatus, PaymentMethod, PickupPoint};
use crate::time::Timestamp;
use crate::tracking::{
    EtaWindow, ExceptionReason, Location, NextStep, TrackingPolicy, TrackingStatus,
};
use serde::{Deserialize, Serialize};

mod returns;
pub use returns::*;

/// Header carrying the store's publishable key on public routes.
pub const KEY_HEADER: &str = "aftercare-key";
/// Header naming a POST's idempotency key.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";
/// Response header set when a stored response is replayed for a repeated idempotency key.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// The public part of a store's configuration, safe for any browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoreConfig {
    /// Store display name.
    pub name: String,
    /// Language used when the shopper's cannot be served.
    pub default_locale: Locale,
    /// How shoppers reach the store.
    pub support: SupportContacts,
    /// Shipping questions and answers in the requested language ("where is my order" help).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<FaqEntry>,
}

/// One question of the store's shipping FAQ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqEntry {
    /// The question as shoppers ask it.
    pub question: String,
    /// The store's answer (plain text).
    pub answer: String,
}

/// Contact channels a worried shopper can use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportContacts {
    /// Support email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Support phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Link to a chat or help centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_url: Option<String>,
}

/// Guest lookup: what is printed on the confirmation email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LookupRequest {
    /// Order number as the shopper typed it.
    pub order_number: String,
    /// Email used at checkout.
    pub email: String,
}

/// A short-lived session scoped to one order, for guests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderSession {
    /// Bearer token for this order's routes.
    pub token: String,
    /// When it stops working.
    pub expires_at: Timestamp,
    /// The order it opens.
    pub order_number: OrderNumber,
}

/// A page of a cursor-paginated list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// Items on this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Admin: an order pushed by the merchant's system (create or replace by order number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderInput {
    /// The merchant's order number.
    pub order_number: String,
    /// Email used at checkout (guest lookups match it).
    pub email: String,
    /// The logged-in customer who placed it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerInput>,
    /// ISO 4217 currency.
    pub currency: String,
    /// When placed.
    pub placed_at: Timestamp,
    /// Lines bought (at least one).
    pub items: Vec<LineItemInput>,
    /// Shipping charged, minor units.
    #[serde(default)]
    pub shipping_minor: i64,
    /// Tax charged, minor units.
    #[serde(default)]
    pub tax_minor: i64,
    /// Discount taken off, minor units (positive).
    #[serde(default)]
    pub discount_minor: i64,
    /// Delivery address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Masked payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentMethod>,
    /// Whether the merchant cancelled it.
    #[serde(default)]
    pub cancelled: bool,
    /// Parcels already known (an import file carries them inline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shipments: Vec<ShipmentInput>,
}

/// Admin: the customer account an order belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerInput {
    /// The merchant's own customer id (what customer tokens carry).
    pub external_id: String,
    /// Email on the account.
    pub email: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Admin: one order line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineItemInput {
    /// Merchant SKU, unique within the order.
    pub sku: String,
    /// Product title.
    pub title: String,
    /// Variant label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Units bought (≥ 1).
    pub quantity: u32,
    /// Unit price in minor units (≥ 0).
    pub unit_price_minor: i64,
    /// Product image URL (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
}

/// Admin: a parcel handed to a carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipmentInput {
    /// Carrier code ("ups", "correos").
    pub carrier_code: String,
    /// Carrier display name; defaults to the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_name: Option<String>,
    /// Tracking number, unique per carrier within the store.
    pub tracking_number: String,
    /// The carrier's tracking page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
    /// Expected delivery, earliest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_earliest: Option<Timestamp>,
    /// Expected delivery, latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_latest: Option<Timestamp>,
    /// When handed over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_at: Option<Timestamp>,
    /// Where it waits for collection, when delivered to a pickup point or locker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_point: Option<PickupPoint>,
    /// What is inside, by SKU.
    pub items: Vec<ParcelItemInput>,
    /// Checkpoints known so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<TrackingEventInput>,
}

/// Admin: units of one SKU in a parcel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelItemInput {
    /// SKU of an order line.
    pub sku: String,
    /// Units (≥ 1).
    pub quantity: u32,
}

/// Admin: one carrier checkpoint. Give the normalised `status`, or the carrier's
/// `raw_status` (mapped by [`crate::carrier::normalize`]), or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventInput {
    /// The carrier's id for this event; repeats are dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_event_id: Option<String>,
    /// Normalised status, when the sender already knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TrackingStatus>,
    /// Exception reason, when the sender already knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The carrier's own status code, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_status: Option<String>,
    /// The carrier's message.
    pub description: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// When, with the place's offset.
    pub occurred_at: Timestamp,
}

impl TrackingEventInput {
    /// Status and reason: as given, else mapped from the raw code and message.
    pub fn normalized(&self, carrier_code: &str) -> (TrackingStatus, Option<ExceptionReason>) {
        let mapped = crate::carrier::normalize(
            carrier_code,
            self.raw_status.as_deref().unwrap_or(""),
            &self.description,
        );
        match self.status {
            Some(TrackingStatus::Exception) => (
                TrackingStatus::Exception,
                self.reason.or(mapped.1).or(Some(ExceptionReason::Other)),
            ),
            Some(status) => (status, None),
            None => (
                mapped.0,
                self.reason
                    .filter(|_| mapped.0 == TrackingStatus::Exception)
                    .or(mapped.1),
            ),
        }
    }
}

/// Admin: a batch of checkpoints for one parcel, optionally with the carrier's new ETA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEventBatch {
    /// Events in any order (may be empty when only the ETA changes).
    #[serde(default)]
    pub events: Vec<TrackingEventInput>,
    /// A revised delivery window; the history of revisions is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<EtaWindow>,
}

/// Admin: what an event ingest did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IngestResult {
    /// New events stored.
    pub inserted: u32,
    /// Events dropped as repeats of stored ones.
    pub duplicates: u32,
}

/// Admin insight: an order whose shopper keeps checking tracking (worth a proactive message).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnxiousOrder {
    /// The order.
    pub order_number: OrderNumber,
    /// Checkout email (admin only).
    pub email: String,
    /// The merchant's customer id, for logged-in shoppers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_external_id: Option<String>,
    /// Tracking views in the window.
    pub views: u32,
    /// The most recent view.
    pub last_viewed_at: Timestamp,
    /// The order's status now.
    pub status: OrderStatus,
}

/// Admin insight: a parcel that is late, silent or in trouble right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParcelAlert {
    /// The order.
    pub order_number: OrderNumber,
    /// Parcel id.
    pub shipment_id: i64,
    /// Carrier display name.
    pub carrier: String,
    /// Tracking number.
    pub tracking_number: String,
    /// Current status.
    pub status: TrackingStatus,
    /// Exception reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExceptionReason>,
    /// The promised delivery has passed.
    pub delayed: bool,
    /// No scan for longer than the store allows.
    pub stalled: bool,
    /// What the shopper is being told to do.
    pub next_step: NextStep,
    /// Newest checkpoint time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_at: Option<Timestamp>,
}

/// Admin: one FAQ entry in one language (`PUT /v1/admin/store/settings`); shoppers get the
/// entries of their language as [`FaqEntry`]s in [`StoreConfig::faq`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedFaq {
    /// The language this entry is written in.
    pub locale: Locale,
    /// The question as shoppers ask it (at most [`StoreSettings::MAX_QUESTION`] characters).
    pub question: String,
    /// The store's answer, plain text (at most [`StoreSettings::MAX_ANSWER`] characters).
    pub answer: String,
}

/// Admin: the store settings the tracking experience depends on, read and replaced as a whole
/// (`GET`/`PUT /v1/admin/store/settings`), so a merchant's settings page round-trips one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoreSettings {
    /// When a silent parcel counts as stalled, and when it is given up as expired.
    pub tracking_policy: TrackingPolicy,
    /// The shipping FAQ in every language, in display order within each language.
    #[serde(default)]
    pub faq: Vec<LocalizedFaq>,
    /// How shoppers reach the store.
    #[serde(default)]
    pub support: SupportContacts,
}

impl StoreSettings {
    /// Most FAQ entries a store may keep (all languages together).
    pub const MAX_FAQ: usize = 50;
    /// Longest FAQ question.
    pub const MAX_QUESTION: usize = 200;
    /// Longest FAQ answer.
    pub const MAX_ANSWER: usize = 2_000;
    /// Allowed `stall_after_hours` (one hour to thirty days).
    pub const STALL_HOURS: std::ops::RangeInclusive<u32> = 1..=720;
    /// Allowed `expire_after_days` (one day to a year).
    pub const EXPIRE_DAYS: std::ops::RangeInclusive<u32> = 1..=365;

    /// Every rule the settings must meet, all problems at once (the server runs this on
    /// `PUT`; a settings form can run the same code before sending).
    pub fn validate(&self) -> Result<(), crate::ApiError> {
        use crate::validate::Problems;
        use crate::FieldIssue;
        let mut p = Problems::default();
        if !Self::STALL_HOURS.contains(&self.tracking_policy.stall_after_hours) {
            p.add("tracking_policy.stall_after_hours", FieldIssue::OutOfRange);
        }
        if !Self::EXPIRE_DAYS.contains(&self.tracking_policy.expire_after_days) {
            p.add("tracking_policy.expire_after_days", FieldIssue::OutOfRange);
        }
        if self.faq.len() > Self::MAX_FAQ {
            p.add("faq", FieldIssue::TooLong);
        }
        for (i, entry) in self.faq.iter().enumerate() {
            p.text(
                format!("faq[{i}].question"),
                &entry.question,
                Self::MAX_QUESTION,
            );
            p.text(format!("faq[{i}].answer"), &entry.answer, Self::MAX_ANSWER);
        }
        if let Some(email) = &self.support.email {
            p.check("support.email", crate::Email::parse(email));
        }
        p.optional_text("support.phone", self.support.phone.as_deref(), 40);
        p.optional_url("support.chat_url", self.support.chat_url.as_deref());
        p.finish()
    }
}

/// `aftercare-server import FILE`: orders (with parcels and events) for one store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportFile {
    /// Orders to create or replace.
    pub orders: Vec<OrderInput>,
}

/// A customer token as a merchant backend hands it to the page (the demo server's
/// `GET /demo/customer-token` answers with this, so the demo storefront can set the
/// widgets' `token` attribute the way a real storefront template would).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerToken {
    /// The signed token (`v1.…`), for the `token` attribute.
    pub token: String,
    /// The merchant's customer id it speaks for.
    pub customer: String,
    /// When it stops working.
    pub expires_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_settings_validation_names_every_bad_field() {
        let ok = StoreSettings {
            tracking_policy: TrackingPolicy::default(),
            faq: vec![LocalizedFaq {
                locale: Locale::Es,
                question: "¿Cuándo llega?".into(),
                answer: "En 2–4 días laborables.".into(),
            }],
            support: SupportContacts {
                email: Some("help@shop.example".into()),
                phone: None,
                chat_url: None,
            },
        };
        assert!(ok.validate().is_ok());
        let v = serde_json::to_value(&ok).unwrap();
        assert_eq!(
            v["tracking_policy"],
            serde_json::json!({"stall_after_hours": 72, "expire_after_days": 30})
        );
        assert_eq!(v["faq"][0]["locale"], "es");
        let mut bad = ok.clone();
        bad.tracking_policy = TrackingPolicy {
            stall_after_hours: 0,
            expire_after_days: 366,
        };
        bad.faq = vec![ok.faq[0].clone(); StoreSettings::MAX_FAQ + 1];
        bad.faq[1].question = " ".into();
        bad.faq[2].answer = "x".repeat(StoreSettings::MAX_ANSWER + 1);
        bad.support.email = Some("nope".into());
        let err = bad.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "tracking_policy.stall_after_hours",
                "tracking_policy.expire_after_days",
                "faq",
                "faq[1].question",
                "faq[2].answer",
                "support.email"
            ]
        );
    }

    #[test]
    fn customer_token_wire_shape() {
        let t = CustomerToken {
            token: "v1.x.y".into(),
            customer: "cus_ana".into(),
            expires_at: Timestamp::from_utc_ms(0, 0),
        };
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"token":"v1.x.y","customer":"cus_ana","expires_at":"1970-01-01T00:00:00Z"})
        );
        assert_eq!(serde_json::from_value::<CustomerToken>(v).unwrap(), t);
    }
}

/// Ask whether to show a survey now (and record that it is shown when the answer is yes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyPromptRequest {
    /// A random id per browser tab session: "one survey per visit" counts against it.
    pub visit_id: String,
    /// The order the survey is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
}

/// The server's decision plus the store's wording for this survey, in the shopper's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyPrompt {
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// Show it or not, and why not.
    pub eligibility: crate::survey::Eligibility,
    /// The question, with the store's name in it.
    pub question: String,
    /// Label under the lowest score ("Not at all likely").
    pub low_label: String,
    /// Label under the highest score ("Extremely likely").
    pub high_label: String,
}

/// Create or update a survey response (PUT by a client-generated id: retries never duplicate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponseInput {
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// The score on the kind's scale.
    pub score: u8,
    /// The follow-up answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// A detractor asked the store to get in touch.
    #[serde(default)]
    pub wants_contact: bool,
    /// The order it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
    /// The visit it was given in.
    pub visit_id: String,
}

/// A stored survey response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponse {
    /// The client-generated id.
    pub id: String,
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// The score.
    pub score: u8,
    /// Its category.
    pub category: crate::survey::Category,
    /// The follow-up answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Asked to be contacted.
    pub wants_contact: bool,
    /// The order it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<OrderNumber>,
    /// First saved.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

/// "Not now".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyDismissal {
    /// The visit it was dismissed in.
    pub visit_id: String,
}

/// One comment in the merchant report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportComment {
    /// Response id.
    pub response_id: String,
    /// Score given.
    pub score: u8,
    /// Category.
    pub category: crate::survey::Category,
    /// What they wrote.
    pub comment: String,
    /// The order it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<OrderNumber>,
    /// Customer email (admin only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Asked to be contacted and not followed up yet.
    pub awaiting_follow_up: bool,
    /// When.
    pub created_at: Timestamp,
}

/// One week of the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyScore {
    /// Monday 00:00 UTC of the week.
    pub week_start: Timestamp,
    /// Responses that week.
    pub responses: u64,
    /// NPS (or CSAT % satisfied) that week; absent without responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i32>,
}

/// The merchant's survey report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyReport {
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// Responses counted.
    pub responses: u64,
    /// Promoters (NPS 9–10 / CSAT 4–5).
    pub promoters: u64,
    /// Passives.
    pub passives: u64,
    /// Detractors.
    pub detractors: u64,
    /// % promoters − % detractors (for CSAT: % promoters), absent without responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i32>,
    /// Responses per score, index = score (0–10 for NPS; 0 unused for CSAT).
    pub distribution: Vec<u64>,
    /// Weekly trend, oldest first.
    pub weekly: Vec<WeeklyScore>,
    /// Comments, newest first.
    pub comments: Vec<ReportComment>,
}

/// The store's wording of one survey in one language (`GET`/`PUT
/// /v1/admin/surveys/{kind}/settings`). `{store}` in any text is replaced by the store's name
/// when a prompt is served, so a rename does not leave stale questions behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyText {
    /// The language of these texts.
    pub locale: Locale,
    /// The question ("How likely are you to recommend {store} to a friend?").
    pub question: String,
    /// Label under the lowest score.
    pub low_label: String,
    /// Label under the highest score.
    pub high_label: String,
}

/// Admin: one survey's recontact rules and wording, read and replaced as a whole, so a
/// merchant's survey settings page round-trips one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySettings {
    /// When the survey may be shown (D, R, S, sampling).
    pub rules: crate::survey::SurveyRules,
    /// Wording per language (at most one entry per language); languages without an entry
    /// fall back to the store's default language, then to Aftercare's built-in wording.
    #[serde(default)]
    pub texts: Vec<SurveyText>,
}

impl SurveySettings {
    /// Allowed D (days after the first delivery): same day to a year.
    pub const DELIVERY_DAYS: std::ops::RangeInclusive<u32> = 0..=365;
    /// Allowed R (days after a response): none to two years.
    pub const RESPONSE_DAYS: std::ops::RangeInclusive<u32> = 0..=730;
    /// Allowed S (days after a dismissal, doubled per further dismissal): one day to a year.
    pub const DISMISSAL_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
    /// Longest question.
    pub const MAX_QUESTION: usize = 300;
    /// Longest scale label.
    pub const MAX_LABEL: usize = 60;

    /// Every rule the settings must meet, all problems at once (run by the server on `PUT`,
    /// and usable by a settings form before sending).
    pub fn validate(&self) -> Result<(), crate::ApiError> {
        use crate::validate::Problems;
        use crate::FieldIssue;
        let mut p = Problems::default();
        let r = &self.rules;
        if !Self::DELIVERY_DAYS.contains(&r.days_after_first_delivery) {
            p.add("rules.days_after_first_delivery", FieldIssue::OutOfRange);
        }
        if !Self::RESPONSE_DAYS.contains(&r.days_after_response) {
            p.add("rules.days_after_response", FieldIssue::OutOfRange);
        }
        if !Self::DISMISSAL_DAYS.contains(&r.days_after_dismissal) {
            p.add("rules.days_after_dismissal", FieldIssue::OutOfRange);
        }
        if r.sample_percent > 100 {
            p.add("rules.sample_percent", FieldIssue::OutOfRange);
        }
        for (i, t) in self.texts.iter().enumerate() {
            if self.texts[..i].iter().any(|o| o.locale == t.locale) {
                p.add(format!("texts[{i}].locale"), FieldIssue::Duplicate);
            }
            p.text(
                format!("texts[{i}].question"),
                &t.question,
                Self::MAX_QUESTION,
            );
            p.text(
                format!("texts[{i}].low_label"),
                &t.low_label,
                Self::MAX_LABEL,
            );
            p.text(
                format!("texts[{i}].high_label"),
                &t.high_label,
                Self::MAX_LABEL,
            );
        }
        p.finish()
    }
}

/// Admin: a response marked as followed up (`POST
/// /v1/admin/surveys/responses/{id}/followed-up`); repeating it keeps the first time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyFollowUp {
    /// The response id.
    pub response_id: String,
    /// When the merchant first marked it followed up.
    pub followed_up_at: Timestamp,
}

#[cfg(test)]
mod survey_settings_tests {
    use super::*;
    use crate::survey::SurveyRules;

    #[test]
    fn survey_settings_validation_names_every_bad_field() {
        let text = SurveyText {
            locale: Locale::Es,
            question: "¿Qué probabilidad hay de que recomiendes {store} a un amigo?".into(),
            low_label: "Nada probable".into(),
            high_label: "Muy probable".into(),
        };
        let ok = SurveySettings {
            rules: SurveyRules::default(),
            texts: vec![text.clone()],
        };
        assert!(ok.validate().is_ok());
        let v = serde_json::to_value(&ok).unwrap();
        assert_eq!(v["rules"]["days_after_dismissal"], 30);
        assert_eq!(v["texts"][0]["locale"], "es");
        let bad = SurveySettings {
            rules: SurveyRules {
                days_after_first_delivery: 400,
                days_after_response: 731,
                days_after_dismissal: 0,
                sample_percent: 101,
            },
            texts: vec![
                text.clone(),
                SurveyText {
                    question: " ".into(),
                    high_label: "x".repeat(61),
                    ..text
                },
            ],
        };
        let err = bad.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "rules.days_after_first_delivery",
                "rules.days_after_response",
                "rules.days_after_dismissal",
                "rules.sample_percent",
                "texts[1].locale",
                "texts[1].question",
                "texts[1].high_label"
            ]
        );
    }

    #[test]
    fn follow_up_wire_shape() {
        let f = SurveyFollowUp {
            response_id: "resp_12345678".into(),
            followed_up_at: Timestamp::from_utc_ms(0, 0),
        };
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            serde_json::json!({"response_id": "resp_12345678", "followed_up_at": "1970-01-01T00:00:00Z"})
        );
    }
}
