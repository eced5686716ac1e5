//! Returns and exchanges: which units may go back, what the shopper gets for them, and how a
//! return moves through its states. One place for the rules the server enforces and the
//! widget explains; money is integer minor units throughout and every rounding is explicit.

use crate::money::{Currency, Money};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

pub mod flow;

const DAY_MS: i64 = 86_400_000;

/// How a reason treats comments or photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Not asked for.
    Disabled,
    /// Asked for, may be left out.
    Optional,
    /// Must be given.
    Required,
}

/// The return reasons a store gets before it writes its own: their codes and rules live here,
/// their labels in every language in the message catalog (`crate::i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DefaultReason {
    /// Too small.
    TooSmall,
    /// Too large.
    TooLarge,
    /// Changed my mind (a comment is welcome).
    ChangedMind,
    /// Not as described (say how; a photo helps).
    NotAsDescribed,
    /// Arrived damaged (a photo is needed).
    Damaged,
    /// Wrong item sent.
    WrongItem,
}

impl DefaultReason {
    /// Every built-in reason, in menu order.
    pub const ALL: [DefaultReason; 6] = [
        Self::TooSmall,
        Self::TooLarge,
        Self::ChangedMind,
        Self::NotAsDescribed,
        Self::Damaged,
        Self::WrongItem,
    ];

    /// The reason's code in settings and on return lines.
    pub fn code(self) -> &'static str {
        match self {
            Self::TooSmall => "too_small",
            Self::TooLarge => "too_large",
            Self::ChangedMind => "changed_mind",
            Self::NotAsDescribed => "not_as_described",
            Self::Damaged => "damaged",
            Self::WrongItem => "wrong_item",
        }
    }

    /// Whether the reason asks for a comment, then for photos.
    pub fn rules(self) -> (Requirement, Requirement) {
        use Requirement::*;
        match self {
            Self::TooSmall | Self::TooLarge => (Disabled, Disabled),
            Self::ChangedMind => (Optional, Disabled),
            Self::NotAsDescribed => (Required, Optional),
            Self::Damaged => (Optional, Required),
            Self::WrongItem => (Optional, Optional),
        }
    }
}

/// How the parcel goes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnMethod {
    /// The shopper drops it at a carrier point.
    DropOff,
    /// A courier collects it.
    Pickup,
}

/// What the shopper wants for a returned unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Money back to the original payment method.
    Refund,
    /// Store credit (optionally with a bonus).
    StoreCredit,
    /// Another variant of the same product.
    Exchange,
}

/// A store's return policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnPolicy {
    /// Days to start a return, counted from delivery (1–365).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365))]
    pub window_days: u32,
    /// Without a delivery scan, the window starts this many days after shipment (0–60).
    #[cfg_attr(feature = "openapi", schema(maximum = 60))]
    pub transit_buffer_days: u32,
    /// Restocking fee on refunded items, in basis points (100 = 1 %; at most 10,000).
    #[cfg_attr(feature = "openapi", schema(maximum = 10_000))]
    pub restocking_fee_bps: u32,
    /// Flat return shipping fee taken from refunds (exchanges and store credit go back free;
    /// 0–1,000,000 minor units).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1_000_000))]
    pub return_shipping_fee_minor: i64,
    /// Bonus on store credit, in basis points (at most 10,000).
    #[cfg_attr(feature = "openapi", schema(maximum = 10_000))]
    pub store_credit_bonus_bps: u32,
    /// How parcels can go back (at least one).
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub methods: Vec<ReturnMethod>,
    /// EU right of withdrawal button offered.
    pub withdrawal_enabled: bool,
}

impl Default for ReturnPolicy {
    fn default() -> Self {
        Self {
            window_days: 30,
            transit_buffer_days: 7,
            restocking_fee_bps: 0,
            return_shipping_fee_minor: 0,
            store_credit_bonus_bps: 0,
            methods: vec![ReturnMethod::DropOff],
            withdrawal_enabled: false,
        }
    }
}

/// Why a line cannot be returned (the widget explains it in plain words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotReturnable {
    /// Marked final sale.
    FinalSale,
    /// Every unit is already in a return.
    AlreadyReturned,
    /// Not delivered yet (or still within the transit buffer).
    NotDelivered,
    /// The return window has closed.
    WindowClosed,
}

/// What the server knows about one order line when deciding returnability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineFacts {
    /// Units bought.
    pub quantity: u32,
    /// Final sale: never returnable.
    pub final_sale: bool,
    /// Delivery scan of the parcel carrying it.
    pub delivered_at: Option<Timestamp>,
    /// Hand-over to the carrier.
    pub shipped_at: Option<Timestamp>,
    /// Units already in returns that were not cancelled or rejected.
    pub already_returned: u32,
}

/// A line's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Returnability {
    /// Units that may still go back (0 when blocked).
    pub returnable_quantity: u32,
    /// Why not, when nothing may go back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<NotReturnable>,
    /// When the window closes, while it is open, or when it closed (blocked `window_closed`),
    /// so a shopper reads "closed on {date}", not just "closed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_closes_at: Option<Timestamp>,
}

/// When the return window of a line starts: delivery, else shipment + the transit buffer.
pub fn window_start_ms(policy: &ReturnPolicy, facts: &LineFacts) -> Option<i64> {
    facts.delivered_at.map(|d| d.utc_ms).or_else(|| {
        facts
            .shipped_at
            .map(|s| s.utc_ms + i64::from(policy.transit_buffer_days) * DAY_MS)
    })
}

/// Decide a line at `now_ms`. Reasons in a fixed order: final sale, already returned, not
/// delivered, window closed.
pub fn returnability(policy: &ReturnPolicy, facts: &LineFacts, now_ms: i64) -> Returnability {
    let blocked = |reason| Returnability {
        returnable_quantity: 0,
        blocked: Some(reason),
        window_closes_at: None,
    };
    if facts.final_sale {
        return blocked(NotReturnable::FinalSale);
    }
    let left = facts.quantity.saturating_sub(facts.already_returned);
    if left == 0 {
        return blocked(NotReturnable::AlreadyReturned);
    }
    let Some(start) = window_start_ms(policy, facts).filter(|s| *s <= now_ms) else {
        return blocked(NotReturnable::NotDelivered);
    };
    let closes = start + i64::from(policy.window_days) * DAY_MS;
    if now_ms > closes {
        return Returnability {
            window_closes_at: Some(Timestamp::from_utc_ms(closes, 0)),
            ..blocked(NotReturnable::WindowClosed)
        };
    }
    Returnability {
        returnable_quantity: left,
        blocked: None,
        window_closes_at: Some(Timestamp::from_utc_ms(closes, 0)),
    }
}

/// Spread an order discount over its lines in proportion to their value, so a refund never
/// pays back more than was paid. Largest-remainder rounding: the shares sum exactly to the
/// discount (capped at the subtotal) and no line gets more than its value.
pub fn prorate_discount(line_values: &[i64], discount_minor: i64) -> Vec<i64> {
    let subtotal: i64 = line_values.iter().map(|v| (*v).max(0)).sum();
    let discount = discount_minor.clamp(0, subtotal);
    if subtotal == 0 || discount == 0 {
        return vec![0; line_values.len()];
    }
    let exact: Vec<(i64, i128)> = line_values
        .iter()
        .map(|v| {
            let num = i128::from((*v).max(0)) * i128::from(discount);
            (
                (num / i128::from(subtotal)) as i64,
                num % i128::from(subtotal),
            )
        })
        .collect();
    let mut shares: Vec<i64> = exact.iter().map(|(q, _)| *q).collect();
    let mut left = discount - shares.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        if shares[i] < line_values[i].max(0) {
            shares[i] += 1;
            left -= 1;
        }
    }
    shares
}

/// `amount × bps / 10 000`, rounded half up to the minor unit (amount ≥ 0).
pub fn apply_bps(amount_minor: i64, bps: u32) -> i64 {
    let num = i128::from(amount_minor.max(0)) * i128::from(bps);
    ((num + 5_000) / 10_000) as i64
}

/// One returned line as the estimate sees it: what was actually paid for the units going back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EstimateLine {
    /// Amount paid for these units (unit price × quantity − their discount share).
    pub paid_minor: i64,
    /// What the shopper wants.
    pub resolution: Resolution,
}

/// What a return is worth, as the server computes it and the shopper reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefundEstimate {
    /// Paid value of the units to refund.
    pub refund_items: Money,
    /// Restocking fee taken (after capping).
    pub restocking_fee: Money,
    /// Return shipping fee taken (after capping).
    pub return_shipping_fee: Money,
    /// Back to the original payment method.
    pub refund_total: Money,
    /// Paid value of the units for store credit.
    pub store_credit_items: Money,
    /// Bonus credit on top.
    pub store_credit_bonus: Money,
    /// Store credit issued.
    pub store_credit_total: Money,
    /// Paid value of the units exchanged (no money moves).
    pub exchange_items: Money,
}

/// Compute a return's value. Fees apply to refunds only and never push the refund below zero:
/// restocking first, then shipping, each capped by what is left.
pub fn estimate(
    policy: &ReturnPolicy,
    currency: Currency,
    lines: &[EstimateLine],
) -> RefundEstimate {
    let sum = |r: Resolution| {
        lines
            .iter()
            .filter(|l| l.resolution == r)
            .map(|l| l.paid_minor.max(0))
            .sum::<i64>()
    };
    let refund_items = sum(Resolution::Refund);
    let restocking = apply_bps(refund_items, policy.restocking_fee_bps).min(refund_items);
    let shipping = if refund_items > 0 {
        policy
            .return_shipping_fee_minor
            .max(0)
            .min(refund_items - restocking)
    } else {
        0
    };
    let credit_items = sum(Resolution::StoreCredit);
    let bonus = apply_bps(credit_items, policy.store_credit_bonus_bps);
    let m = |v| Money::new(v, currency);
    RefundEstimate {
        refund_items: m(refund_items),
        restocking_fee: m(restocking),
        return_shipping_fee: m(shipping),
        refund_total: m(refund_items - restocking - shipping),
        store_credit_items: m(credit_items),
        store_credit_bonus: m(bonus),
        store_credit_total: m(credit_items + bonus),
        exchange_items: m(sum(Resolution::Exchange)),
    }
}

/// Where a return stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    /// Sent by the shopper, waiting for the merchant.
    Requested,
    /// Accepted; label and instructions apply.
    Approved,
    /// The carrier has the parcel.
    InTransit,
    /// The merchant has the parcel.
    Received,
    /// Money sent back (final).
    Refunded,
    /// Replacement sent (final).
    Exchanged,
    /// Refused by the merchant, with a note (final).
    Rejected,
    /// Withdrawn by the shopper or the merchant before it shipped (final).
    Cancelled,
}

impl ReturnStatus {
    /// No further change possible.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Refunded | Self::Exchanged | Self::Rejected | Self::Cancelled
        )
    }

    /// Whether units in this return count as "already returned" (cancelled/rejected free them).
    pub fn holds_units(self) -> bool {
        !matches!(self, Self::Rejected | Self::Cancelled)
    }

    /// The shopper may cancel only before the parcel ships.
    pub fn shopper_can_cancel(self) -> bool {
        matches!(self, Self::Requested | Self::Approved)
    }

    /// The merchant workflow's allowed moves.
    pub fn can_become(self, next: ReturnStatus) -> bool {
        use ReturnStatus::*;
        matches!(
            (self, next),
            (Requested, Approved | Rejected | Cancelled)
                | (Approved, InTransit | Received | Rejected | Cancelled)
                | (InTransit, Received)
                | (Received, Refunded | Exchanged | Rejected)
        )
    }
}

/// The EU withdrawal deadline (delivery + 14 days) while it is still open at `now_ms`.
pub fn withdrawal_deadline(
    policy: &ReturnPolicy,
    delivered_at: Option<Timestamp>,
    now_ms: i64,
) -> Option<Timestamp> {
    let deadline = delivered_at?.utc_ms + 14 * DAY_MS;
    (policy.withdrawal_enabled && now_ms <= deadline).then(|| Timestamp::from_utc_ms(deadline, 0))
}

/// A human-friendly RMA number from a sequence: "RMA-" + 8 Crockford base32 characters (no
/// I, L, O, U to misread on a phone call), scrambled so consecutive returns do not look
/// consecutive.
pub fn rma_number(sequence: u64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // An invertible mix over 40 bits keeps numbers unique while hiding the volume of returns.
    let mut x = (sequence & 0xFF_FFFF_FFFF).wrapping_mul(0x009E_3779_B97F) & 0xFF_FFFF_FFFF;
    x ^= x >> 17;
    let mut out = [b'0'; 8];
    for c in out.iter_mut().rev() {
        *c = ALPHABET[(x & 31) as usize];
        x >>= 5;
    }
    format!("RMA-{}", std::str::from_utf8(&out).expect("ascii"))
}

#[cfg(test)]
mod tests;
