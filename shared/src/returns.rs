//! Returns and exchanges: which units may go back, what the shopper gets for them, and how a
//! return moves through its states. One place for the rules the server enforces and the
//! widget explains; money is integer minor units throughout and every rounding is explicit.

use crate::money::{Currency, Money};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

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
    /// Days to start a return, counted from delivery.
    pub window_days: u32,
    /// Without a delivery scan, the window starts this many days after shipment.
    pub transit_buffer_days: u32,
    /// Restocking fee on refunded items, in basis points (100 = 1 %).
    pub restocking_fee_bps: u32,
    /// Flat return shipping fee taken from refunds (exchanges and store credit go back free).
    pub return_shipping_fee_minor: i64,
    /// Bonus on store credit, in basis points.
    pub store_credit_bonus_bps: u32,
    /// How parcels can go back.
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: i64 = 1_800_000_000_000;

    fn facts(delivered_days_ago: Option<i64>, shipped_days_ago: Option<i64>) -> LineFacts {
        LineFacts {
            quantity: 2,
            final_sale: false,
            delivered_at: delivered_days_ago.map(|d| Timestamp::from_utc_ms(T0 - d * DAY_MS, 0)),
            shipped_at: shipped_days_ago.map(|d| Timestamp::from_utc_ms(T0 - d * DAY_MS, 0)),
            already_returned: 0,
        }
    }

    #[test]
    fn eligibility_rules() {
        let p = ReturnPolicy::default();
        assert_eq!(
            returnability(&p, &facts(Some(5), Some(8)), T0).returnable_quantity,
            2
        );
        // Window counted from delivery: day 30 still open, past it closed.
        assert!(returnability(&p, &facts(Some(30), Some(33)), T0)
            .blocked
            .is_none());
        assert_eq!(
            returnability(
                &p,
                &LineFacts {
                    delivered_at: Some(Timestamp::from_utc_ms(T0 - 30 * DAY_MS - 1, 0)),
                    ..facts(None, None)
                },
                T0
            )
            .blocked,
            Some(NotReturnable::WindowClosed)
        );
        // No delivery scan: shipment + 7-day buffer.
        assert_eq!(
            returnability(&p, &facts(None, Some(3)), T0).blocked,
            Some(NotReturnable::NotDelivered)
        );
        assert!(returnability(&p, &facts(None, Some(7)), T0)
            .blocked
            .is_none());
        let closed = returnability(&p, &facts(None, Some(38)), T0);
        assert_eq!(closed.blocked, Some(NotReturnable::WindowClosed));
        // Shipped 38 days ago + 7 buffer + 30 window: closed a day ago, and says when.
        assert_eq!(
            closed.window_closes_at.map(|t| t.utc_ms),
            Some(T0 - 38 * DAY_MS + 37 * DAY_MS)
        );
        assert_eq!(
            returnability(&p, &facts(None, None), T0).blocked,
            Some(NotReturnable::NotDelivered)
        );
        // Final sale beats everything; partly returned lines keep the rest.
        assert_eq!(
            returnability(
                &p,
                &LineFacts {
                    final_sale: true,
                    ..facts(Some(1), None)
                },
                T0
            )
            .blocked,
            Some(NotReturnable::FinalSale)
        );
        assert_eq!(
            returnability(
                &p,
                &LineFacts {
                    already_returned: 1,
                    ..facts(Some(1), None)
                },
                T0
            )
            .returnable_quantity,
            1
        );
        assert_eq!(
            returnability(
                &p,
                &LineFacts {
                    already_returned: 2,
                    ..facts(Some(1), None)
                },
                T0
            )
            .blocked,
            Some(NotReturnable::AlreadyReturned)
        );
    }

    #[test]
    fn estimate_by_hand() {
        let eur = Currency::parse("EUR").unwrap();
        let p = ReturnPolicy {
            restocking_fee_bps: 1_000,
            return_shipping_fee_minor: 495,
            store_credit_bonus_bps: 1_000,
            ..ReturnPolicy::default()
        };
        let e = estimate(
            &p,
            eur,
            &[
                EstimateLine {
                    paid_minor: 8_900,
                    resolution: Resolution::Refund,
                },
                EstimateLine {
                    paid_minor: 2_500,
                    resolution: Resolution::StoreCredit,
                },
                EstimateLine {
                    paid_minor: 1_250,
                    resolution: Resolution::Exchange,
                },
            ],
        );
        assert_eq!(
            (
                e.refund_items.amount_minor,
                e.restocking_fee.amount_minor,
                e.return_shipping_fee.amount_minor,
                e.refund_total.amount_minor
            ),
            (8_900, 890, 495, 7_515)
        );
        assert_eq!(
            (
                e.store_credit_bonus.amount_minor,
                e.store_credit_total.amount_minor,
                e.exchange_items.amount_minor
            ),
            (250, 2_750, 1_250)
        );
        // Fees never push a small refund below zero.
        let tiny = estimate(
            &p,
            eur,
            &[EstimateLine {
                paid_minor: 300,
                resolution: Resolution::Refund,
            }],
        );
        assert_eq!(
            (
                tiny.restocking_fee.amount_minor,
                tiny.return_shipping_fee.amount_minor,
                tiny.refund_total.amount_minor
            ),
            (30, 270, 0)
        );
        // Only exchanges: no shipping fee.
        assert_eq!(
            estimate(
                &p,
                eur,
                &[EstimateLine {
                    paid_minor: 1_000,
                    resolution: Resolution::Exchange
                }]
            )
            .return_shipping_fee
            .amount_minor,
            0
        );
        // Half-up rounding in the currency's minor unit (JPY has none).
        assert_eq!(apply_bps(5, 1_000), 1);
        assert_eq!(apply_bps(4, 1_000), 0);
        assert_eq!(
            prorate_discount(&[1_000, 1_000, 1_000], 100),
            vec![34, 33, 33]
        );
        assert_eq!(
            prorate_discount(&[8_900, 2_500], 10_000_000),
            vec![8_900, 2_500]
        );
    }

    #[test]
    fn statuses_and_numbers() {
        use ReturnStatus::*;
        assert!(
            Requested.can_become(Approved)
                && Approved.can_become(InTransit)
                && InTransit.can_become(Received)
                && Received.can_become(Refunded)
        );
        assert!(
            !Refunded.can_become(Requested)
                && !InTransit.can_become(Cancelled)
                && !Requested.can_become(Refunded)
        );
        assert!(Approved.shopper_can_cancel() && !InTransit.shopper_can_cancel());
        for s in [Refunded, Exchanged, Rejected, Cancelled] {
            assert!(s.is_final());
            assert!([
                Requested, Approved, InTransit, Received, Refunded, Exchanged, Rejected, Cancelled
            ]
            .iter()
            .all(|n| !s.can_become(*n)));
        }
        let p = ReturnPolicy {
            withdrawal_enabled: true,
            ..ReturnPolicy::default()
        };
        let delivered = Some(Timestamp::from_utc_ms(T0, 0));
        assert!(withdrawal_deadline(&p, delivered, T0 + 14 * DAY_MS).is_some());
        assert!(withdrawal_deadline(&p, delivered, T0 + 14 * DAY_MS + 1).is_none());
        assert!(withdrawal_deadline(&ReturnPolicy::default(), delivered, T0).is_none());
        assert!(rma_number(1).starts_with("RMA-") && rma_number(1).len() == 12);
        let all: std::collections::HashSet<_> = (0..5_000).map(rma_number).collect();
        assert_eq!(all.len(), 5_000);
    }

    proptest! {
        #[test]
        fn money_is_never_negative_nor_more_than_paid(paid in proptest::collection::vec((0i64..1_000_000, 0u8..3), 0..8), restock in 0u32..=10_000, ship in 0i64..100_000, bonus in 0u32..=5_000, digits in proptest::sample::select(vec!["EUR", "JPY", "KWD"])) {
            let p = ReturnPolicy { restocking_fee_bps: restock, return_shipping_fee_minor: ship, store_credit_bonus_bps: bonus, ..ReturnPolicy::default() };
            let res = [Resolution::Refund, Resolution::StoreCredit, Resolution::Exchange];
            let lines: Vec<_> = paid.iter().map(|(v, r)| EstimateLine { paid_minor: *v, resolution: res[*r as usize] }).collect();
            let e = estimate(&p, Currency::parse(digits).unwrap(), &lines);
            for m in [e.refund_items, e.restocking_fee, e.return_shipping_fee, e.refund_total, e.store_credit_items, e.store_credit_bonus, e.store_credit_total, e.exchange_items] {
                prop_assert!(m.amount_minor >= 0);
            }
            let refunded_paid: i64 = lines.iter().filter(|l| l.resolution == Resolution::Refund).map(|l| l.paid_minor).sum();
            prop_assert!(e.refund_total.amount_minor <= refunded_paid);
            prop_assert_eq!(e.refund_total.amount_minor + e.restocking_fee.amount_minor + e.return_shipping_fee.amount_minor, e.refund_items.amount_minor);
            prop_assert_eq!(e.store_credit_total.amount_minor - e.store_credit_items.amount_minor, e.store_credit_bonus.amount_minor);
        }

        #[test]
        fn discount_shares_sum_exactly(values in proptest::collection::vec(0i64..10_000_000, 1..10), discount in 0i64..20_000_000) {
            let shares = prorate_discount(&values, discount);
            let subtotal: i64 = values.iter().sum();
            prop_assert_eq!(shares.iter().sum::<i64>(), discount.min(subtotal));
            for (s, v) in shares.iter().zip(&values) {
                prop_assert!(*s >= 0 && s <= v);
            }
        }

        #[test]
        fn returnable_never_exceeds_what_is_left(q in 0u32..20, done in 0u32..25, delivered in proptest::option::of(0i64..60), shipped in proptest::option::of(0i64..60), final_sale in any::<bool>()) {
            let f = LineFacts { quantity: q, final_sale, already_returned: done, ..facts(delivered, shipped) };
            let r = returnability(&ReturnPolicy::default(), &f, T0);
            prop_assert!(r.returnable_quantity <= q.saturating_sub(done));
            prop_assert_eq!(r.returnable_quantity == 0, r.blocked.is_some());
            if final_sale { prop_assert_eq!(r.blocked, Some(NotReturnable::FinalSale)); }
        }
    }
}
