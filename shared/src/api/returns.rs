//! Bodies of the returns routes: what the shopper's form is offered, what it sends, what a
//! return looks like afterwards, and the merchant's settings and workflow. The rules behind
//! the numbers live in [`crate::returns`]; these types only carry them.

use crate::error::{ApiError, FieldIssue};
use crate::locale::Locale;
use crate::money::Money;
use crate::returns::{
    RefundEstimate, Requirement, Resolution, ReturnMethod, ReturnPolicy, ReturnStatus,
    Returnability,
};
use crate::time::Timestamp;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// Longest free-text comment on a returned line.
pub const MAX_RETURN_COMMENT: usize = 1_000;
/// Most photos on one returned line.
pub const MAX_PHOTOS_PER_LINE: usize = 5;
/// Longest merchant note on a status change.
pub const MAX_RETURN_NOTE: usize = 1_000;

/// Another variant of the same product a line can be exchanged for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExchangeOption {
    /// The variant's SKU (what the exchange request names).
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 100
        )
    )]
    pub sku: String,
    /// What the shopper picks by, e.g. "Blue / L".
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 100
        )
    )]
    pub label: String,
    /// In stock: unavailable variants are listed but cannot be chosen.
    pub available: bool,
}

/// One order line as the return form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnableLine {
    /// The order line's id (what a return request names).
    pub item_id: i64,
    /// Merchant SKU.
    pub sku: String,
    /// Product title.
    pub title: String,
    /// Variant bought, e.g. "Blue / M".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Product image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// List price of one unit.
    pub unit_price: Money,
    /// What one unit actually cost after the order's discount (what a refund is based on).
    pub paid_per_unit: Money,
    /// Units bought.
    pub quantity: u32,
    /// How many may still go back, or why none.
    pub returnability: Returnability,
    /// Other variants of the same product (empty when the store has none).
    #[serde(default)]
    pub exchange_options: Vec<ExchangeOption>,
}

/// A reason from the store's list, in the shopper's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnReasonOption {
    /// Stable code (what a return request names), e.g. `too_small`.
    pub code: String,
    /// Shown to the shopper.
    pub label: String,
    /// Whether a comment is asked for.
    pub comment: Requirement,
    /// Whether photos are asked for.
    pub photos: Requirement,
}

/// The store's return terms as the shopper reads them before choosing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnTerms {
    /// Days to start a return after delivery.
    pub window_days: u32,
    /// Restocking fee on refunds, basis points.
    pub restocking_fee_bps: u32,
    /// Flat fee taken from refunds for the return label.
    pub return_shipping_fee: Money,
    /// Bonus on store credit, basis points.
    pub store_credit_bonus_bps: u32,
}

/// The EU "withdraw from contract" button, when the store offers it and it is still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawalOffer {
    /// Last moment the withdrawal can be declared (delivery + 14 days).
    pub deadline: Timestamp,
}

/// A stored, timestamped declaration of withdrawal the shopper can see again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawalConfirmation {
    /// Reference to quote to the store, e.g. `WD-7K3M9Q2X`.
    pub reference: String,
    /// The order withdrawn from.
    pub order_number: String,
    /// When the server recorded the declaration.
    pub confirmed_at: Timestamp,
    /// The declaration as recorded, in the language it was made in.
    pub statement: String,
}

/// The shopper confirms the withdrawal (the second, explicit step after the button).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawalInput {
    /// Must be `true`: the shopper ticked/pressed the confirmation.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::api::must_be_true))]
    pub confirm: bool,
    /// Language of the recorded statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// A return of an order, in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnSummary {
    /// RMA number.
    pub rma: String,
    /// Where it stands.
    pub status: ReturnStatus,
    /// When it was requested.
    pub created_at: Timestamp,
    /// Units in it.
    pub units: u32,
}

/// Everything the return form needs for one order: lines with their eligibility, the
/// store's reasons, resolutions and methods, the terms, and what already happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnOptions {
    /// The order.
    pub order_number: String,
    /// Currency of every amount.
    pub currency: String,
    /// Every line, eligible or not (ineligible ones say why).
    pub lines: Vec<ReturnableLine>,
    /// The store's reasons in the shopper's language, in the store's order.
    pub reasons: Vec<ReturnReasonOption>,
    /// What the store offers for returned units.
    pub resolutions: Vec<Resolution>,
    /// How parcels can go back.
    pub methods: Vec<ReturnMethod>,
    /// Window and fees.
    pub terms: ReturnTerms,
    /// Largest photo accepted, bytes.
    pub photo_max_bytes: u64,
    /// Most photos per line.
    pub photo_max_count: u32,
    /// The withdrawal button, when offered and still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<WithdrawalOffer>,
    /// Withdrawals already declared for this order.
    #[serde(default)]
    pub withdrawals: Vec<WithdrawalConfirmation>,
    /// Returns already requested for this order, newest first.
    #[serde(default)]
    pub returns: Vec<ReturnSummary>,
}

/// One line of a return request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnLineInput {
    /// The order line (`ReturnableLine::item_id`).
    pub item_id: i64,
    /// Units to send back (1..=returnable).
    pub quantity: u32,
    /// A reason code from the store's list.
    pub reason: String,
    /// Comment, when the reason asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Uploaded photo ids (`POST /v1/return-photos`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photo_ids: Vec<String>,
    /// Refund, store credit or exchange.
    pub resolution: Resolution,
    /// With `exchange`: the variant wanted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange_sku: Option<String>,
}

/// A return request (also the body of the estimate, where reasons and photos are not checked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnRequestInput {
    /// Lines going back (each order line at most once).
    pub lines: Vec<ReturnLineInput>,
    /// How the parcel goes back.
    pub method: ReturnMethod,
    /// Language for the instructions and status notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// A stored photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnPhoto {
    /// Generated id (what a return line names).
    pub id: String,
    /// Where the re-encoded copy is served.
    pub url: String,
    /// Stored width, pixels.
    pub width: u32,
    /// Stored height, pixels.
    pub height: u32,
}

/// One line of a stored return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnLine {
    /// The order line.
    pub item_id: i64,
    /// SKU.
    pub sku: String,
    /// Product title.
    pub title: String,
    /// Variant bought.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Product image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Units going back.
    pub quantity: u32,
    /// Reason code.
    pub reason: String,
    /// Reason in the reader's language.
    pub reason_label: String,
    /// Shopper's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Photos attached.
    #[serde(default)]
    pub photos: Vec<ReturnPhoto>,
    /// What the shopper gets.
    pub resolution: Resolution,
    /// With an exchange: the variant's SKU and label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange: Option<ExchangeOption>,
    /// Paid value of these units.
    pub paid: Money,
}

/// One step of a return's history, as the shopper and the merchant see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnStatusChange {
    /// The status entered.
    pub status: ReturnStatus,
    /// When.
    pub at: Timestamp,
    /// The merchant's note (e.g. why it was rejected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who made the change.
    pub by: ReturnActor,
}

/// Who changed a return's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnActor {
    /// The shopper (request, cancel).
    Shopper,
    /// The merchant (admin API).
    Merchant,
}

/// A return as its status page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnDetail {
    /// RMA number, e.g. `RMA-7K3M9Q2X`.
    pub rma: String,
    /// The order.
    pub order_number: String,
    /// Where it stands now.
    pub status: ReturnStatus,
    /// How the parcel goes back.
    pub method: ReturnMethod,
    /// Requested at.
    pub created_at: Timestamp,
    /// Lines.
    pub lines: Vec<ReturnLine>,
    /// What it is worth (computed when requested, with the store's rules then).
    pub estimate: RefundEstimate,
    /// Every status change, oldest first.
    pub history: Vec<ReturnStatusChange>,
    /// The shopper may still cancel (before it ships).
    pub can_cancel: bool,
    /// What to do next, in the shopper's language.
    pub instructions: String,
    /// Printable label page (no credentials needed: the link carries a capability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_url: Option<String>,
    /// QR code (SVG) for the drop-off point, same capability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_url: Option<String>,
}

/// Admin: a return with the order's contact, for the merchant's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminReturn {
    /// The return.
    #[serde(flatten)]
    pub detail: ReturnDetail,
    /// Checkout email of the order.
    pub email: String,
}

/// Admin: move a return along its workflow (its schema: `api::schema`, one branch for
/// `rejected`, which needs a note).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnStatusInput {
    /// The next status (must be allowed from the current one).
    pub status: ReturnStatus,
    /// Shown to the shopper; required when rejecting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A reason's wording in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedLabel {
    /// Language.
    pub locale: Locale,
    /// Text (not blank, at most 80 characters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 80,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub label: String,
}

/// Admin: one reason of the store's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnReasonSetting {
    /// Stable code (`a-z0-9_`, 1–40 characters), unique in the list.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9_]{1,40}$"))]
    pub code: String,
    /// Wording per language (at least one).
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub labels: Vec<LocalizedLabel>,
    /// Comment rule.
    pub comment: Requirement,
    /// Photo rule.
    pub photos: Requirement,
}

/// Admin: the store's return settings, read and replaced as one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnSettings {
    /// Window, fees, methods, withdrawal.
    pub policy: ReturnPolicy,
    /// What the store offers for returned units (at least one).
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub resolutions: Vec<ResolutionChoice>,
    /// Products carrying any of these tags are final sale (each not blank, at most 60
    /// characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<FinalSaleTag>))]
    pub final_sale_tags: Vec<String>,
    /// Reasons in display order (1–30, codes unique).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 30))]
    pub reasons: Vec<ReturnReasonSetting>,
    /// Where parcels go back to (printed on the label; empty = the store's name only; at most
    /// 500 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub return_address: String,
    /// Days a closed return's photos are kept after it closes (refunded, exchanged, rejected
    /// or cancelled); then the server deletes them. Enough time for a chargeback or a
    /// carrier claim, not a reason to keep shoppers' photos forever.
    /// 1–3,650 days.
    #[serde(default = "ReturnSettings::default_photo_retention_days")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 3650))]
    pub photo_retention_days: u32,
}

/// The document's name for one final-sale tag: not blank, at most 60 characters (the rule
/// [`ReturnSettings::validate`] checks each with).
#[cfg(feature = "openapi")]
pub struct FinalSaleTag(pub String);

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for FinalSaleTag {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .max_length(Some(60))
            .pattern(Some(crate::validate::NON_BLANK_PATTERN))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for FinalSaleTag {}

/// A resolution the store offers (a wrapper so the settings document can grow per-choice
/// options without breaking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionChoice {
    /// The resolution.
    pub resolution: Resolution,
}

/// Admin: returns counted for the insights page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnsReport {
    /// Returns per status (every status listed, zeros included).
    pub by_status: Vec<StatusCount>,
    /// Units per (product, reason), most returned products first.
    pub reasons_by_product: Vec<ProductReasons>,
    /// Reason codes with their English labels, in the store's order (the chart legend).
    pub reasons: Vec<ReturnReasonOption>,
}

/// Returns in one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    /// The status.
    pub status: ReturnStatus,
    /// How many returns are in it.
    pub count: u32,
}

/// One product's returned units by reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductReasons {
    /// Product title.
    pub title: String,
    /// Units per reason code (only reasons with units).
    pub reasons: Vec<ReasonUnits>,
    /// All units.
    pub units: u32,
}

/// Units returned for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonUnits {
    /// Reason code.
    pub reason: String,
    /// Units.
    pub units: u32,
}

impl ReturnSettings {
    /// Longest reason label.
    pub const MAX_LABEL: usize = 80;
    /// Most reasons a store may list.
    pub const MAX_REASONS: usize = 30;
    /// Longest return address.
    pub const MAX_ADDRESS: usize = 500;
    /// Allowed return windows (a day to a year).
    pub const WINDOW_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
    /// Allowed transit buffers.
    pub const BUFFER_DAYS: std::ops::RangeInclusive<u32> = 0..=60;
    /// Allowed photo retention after a return closes (a day to ten years).
    pub const PHOTO_RETENTION_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;
    /// Photo retention of stores that never chose one: about six months, past the usual
    /// chargeback window (120 days) with room for a carrier claim.
    pub const DEFAULT_PHOTO_RETENTION_DAYS: u32 = 180;

    /// [`Self::DEFAULT_PHOTO_RETENTION_DAYS`], for serde (documents saved before the setting).
    pub fn default_photo_retention_days() -> u32 {
        Self::DEFAULT_PHOTO_RETENTION_DAYS
    }

    /// Every rule the settings must meet, all problems at once (the server runs this on
    /// `PUT`; a settings form can run the same code before sending).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        let policy = &self.policy;
        p.in_range("policy.window_days", policy.window_days, &Self::WINDOW_DAYS);
        p.in_range(
            "policy.transit_buffer_days",
            policy.transit_buffer_days,
            &Self::BUFFER_DAYS,
        );
        p.in_range(
            "policy.restocking_fee_bps",
            policy.restocking_fee_bps,
            &(0..=10_000),
        );
        p.in_range(
            "policy.store_credit_bonus_bps",
            policy.store_credit_bonus_bps,
            &(0..=10_000),
        );
        p.in_range(
            "policy.return_shipping_fee_minor",
            policy.return_shipping_fee_minor,
            &(0..=1_000_000),
        );
        if policy.methods.is_empty() {
            p.add("policy.methods", FieldIssue::Required);
        }
        if self.resolutions.is_empty() {
            p.add("resolutions", FieldIssue::Required);
        }
        if self.reasons.is_empty() {
            p.add("reasons", FieldIssue::Required);
        }
        if self.reasons.len() > Self::MAX_REASONS {
            p.add("reasons", FieldIssue::TooLong);
        }
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.reasons.iter().enumerate() {
            let code_ok = (1..=40).contains(&r.code.len())
                && r.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !code_ok {
                p.add(format!("reasons[{i}].code"), FieldIssue::InvalidFormat);
            } else if !seen.insert(r.code.as_str()) {
                p.add(format!("reasons[{i}].code"), FieldIssue::Duplicate);
            }
            if r.labels.is_empty() {
                p.add(format!("reasons[{i}].labels"), FieldIssue::Required);
            }
            for (j, l) in r.labels.iter().enumerate() {
                p.text(
                    format!("reasons[{i}].labels[{j}].label"),
                    &l.label,
                    Self::MAX_LABEL,
                );
            }
        }
        for (i, tag) in self.final_sale_tags.iter().enumerate() {
            p.text(format!("final_sale_tags[{i}]"), tag, 60);
        }
        p.optional_text(
            "return_address",
            Some(&self.return_address),
            Self::MAX_ADDRESS,
        );
        p.in_range(
            "photo_retention_days",
            self.photo_retention_days,
            &Self::PHOTO_RETENTION_DAYS,
        );
        p.finish()
    }

    /// A reason's label in `locale`, else English, else its first label, else its code.
    pub fn reason_label(reason: &ReturnReasonSetting, locale: Locale) -> String {
        reason
            .labels
            .iter()
            .find(|l| l.locale == locale)
            .or_else(|| reason.labels.iter().find(|l| l.locale == Locale::En))
            .or_else(|| reason.labels.first())
            .map_or_else(|| reason.code.clone(), |l| l.label.clone())
    }
}
