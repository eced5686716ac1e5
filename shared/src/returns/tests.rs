//! Eligibility, estimates, statuses and RMA numbers, by hand and as properties.

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
