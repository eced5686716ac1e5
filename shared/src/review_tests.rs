//! Tests of the review timing rules ([`super`]).

use super::*;
use proptest::prelude::*;

const T0: i64 = 1_800_000_000_000;

fn delivered(days_ago: i64) -> LineFacts {
    LineFacts {
        delivered_at_ms: Some(T0 - days_ago * DAY_MS),
        shipped_at_ms: Some(T0 - (days_ago + 3) * DAY_MS),
        ..LineFacts::default()
    }
}

fn reason(line: &LineFacts, use_days: u32) -> Option<NotAskedReason> {
    ask_decision(&ReviewTiming::default(), use_days, line, T0).reason
}

#[test]
fn ratings_are_one_to_five() {
    assert_eq!(Rating::new(0), Err(FieldIssue::OutOfRange));
    assert_eq!(Rating::new(1).unwrap().stars(), 1);
    assert_eq!(Rating::new(5).unwrap().stars(), 5);
    assert_eq!(Rating::new(6), Err(FieldIssue::OutOfRange));
    assert!(serde_json::from_str::<Rating>("6").is_err());
    assert_eq!(serde_json::from_str::<Rating>("4").unwrap().stars(), 4);
}

#[test]
fn wire_names_round_trip() {
    for s in ReviewStatus::ALL {
        assert_eq!(ReviewStatus::from_wire(s.as_str()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
    for r in RejectReason::ALL {
        assert_eq!(RejectReason::from_wire(r.as_str()), Some(r));
        assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
    }
}

#[test]
fn eligible_exactly_at_delivery_plus_use_period() {
    assert_eq!(reason(&delivered(14), 14), None);
    let e = ask_decision(&ReviewTiming::default(), 14, &delivered(13), T0);
    assert_eq!(e.reason, Some(NotAskedReason::TooSoon));
    assert_eq!(e.not_before.unwrap().utc_ms, T0 + DAY_MS);
    let one_ms_short = LineFacts {
        delivered_at_ms: Some(T0 - 14 * DAY_MS + 1),
        ..delivered(14)
    };
    assert_eq!(reason(&one_ms_short, 14), Some(NotAskedReason::TooSoon));
}

#[test]
fn without_a_scan_shipment_plus_transit_buffer() {
    let t = ReviewTiming::default(); // buffer 7
    let line = LineFacts {
        shipped_at_ms: Some(T0 - 10 * DAY_MS),
        ..LineFacts::default()
    };
    assert_eq!(ask_decision(&t, 3, &line, T0).reason, None);
    assert_eq!(
        ask_decision(&t, 3, &line, T0 - 1).reason,
        Some(NotAskedReason::TooSoon)
    );
    assert_eq!(
        reason(&LineFacts::default(), 0),
        Some(NotAskedReason::NotShipped)
    );
}

#[test]
fn use_periods_sku_then_longest_tag_then_default() {
    let t = ReviewTiming {
        default_use_days: 7,
        use_periods: vec![
            UsePeriod {
                target: UseTarget::Tag("consumables".into()),
                days: 3,
            },
            UsePeriod {
                target: UseTarget::Tag("furniture".into()),
                days: 30,
            },
            UsePeriod {
                target: UseTarget::Sku("CHAIR-1".into()),
                days: 45,
            },
        ],
        ..ReviewTiming::default()
    };
    let tags = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert_eq!(t.use_days("CHAIR-1", &tags(&["furniture"])), 45);
    assert_eq!(t.use_days("X", &tags(&["consumables", "furniture"])), 30);
    assert_eq!(t.use_days("X", &tags(&["consumables"])), 3);
    assert_eq!(t.use_days("X", &[]), 7);
}

#[test]
fn postponing_waits_seven_days_to_the_millisecond() {
    let at = |p| LineFacts {
        postponed_at_ms: Some(p),
        ..delivered(30)
    };
    let until = T0 - i64::from(POSTPONE_DAYS) * DAY_MS;
    assert_eq!(reason(&at(until), 0), None);
    assert_eq!(reason(&at(until + 1), 0), Some(NotAskedReason::Postponed));
}

#[test]
fn reminders_and_the_customer_cap() {
    let t = ReviewTiming::default(); // 1 reminder, 5 asks per 30 days
    let sent = |n| LineFacts {
        asks_sent: n,
        ..delivered(30)
    };
    assert_eq!(ask_decision(&t, 0, &sent(1), T0).reason, None);
    assert_eq!(
        ask_decision(&t, 0, &sent(2), T0).reason,
        Some(NotAskedReason::RemindersUsed)
    );
    let capped = |n| LineFacts {
        customer_asks_30_days: n,
        ..delivered(30)
    };
    assert_eq!(ask_decision(&t, 0, &capped(4), T0).reason, None);
    assert_eq!(
        ask_decision(&t, 0, &capped(5), T0).reason,
        Some(NotAskedReason::CustomerCap)
    );
}

#[test]
fn returned_reviewed_and_opted_out_lines_are_never_asked() {
    let returned = LineFacts {
        returned_or_refunded: true,
        ..delivered(30)
    };
    assert_eq!(
        reason(&returned, 0),
        Some(NotAskedReason::ReturnedOrRefunded)
    );
    let reviewed = LineFacts {
        already_reviewed: true,
        ..delivered(30)
    };
    assert_eq!(reason(&reviewed, 0), Some(NotAskedReason::AlreadyReviewed));
    let off = LineFacts {
        opted_out: true,
        returned_or_refunded: true,
        ..delivered(30)
    };
    assert_eq!(reason(&off, 0), Some(NotAskedReason::OptedOut));
}

#[test]
fn spent_reminders_and_the_cap_only_stop_the_prompt() {
    let t = ReviewTiming::default(); // 1 reminder, 5 asks per 30 days
    let with = |asks, cap| LineFacts {
        asks_sent: asks,
        customer_asks_30_days: cap,
        ..delivered(30)
    };
    assert_eq!(prompt_state(&t, 0, &with(1, 4), T0), Some(true));
    assert_eq!(prompt_state(&t, 0, &with(2, 0), T0), Some(false));
    assert_eq!(prompt_state(&t, 0, &with(0, 5), T0), Some(false));
    assert_eq!(prompt_state(&t, 0, &with(9, 9), T0), Some(false));
    let too_soon = with(0, 0);
    assert_eq!(prompt_state(&t, 60, &too_soon, T0), None);
    let reviewed = LineFacts {
        already_reviewed: true,
        ..with(2, 5)
    };
    assert_eq!(prompt_state(&t, 0, &reviewed, T0), None);
}

#[test]
fn an_email_reminds_a_week_after_the_last_ask_at_the_earliest() {
    let now = 100 * DAY_MS;
    assert!(email_ask_due(None, now), "never asked");
    assert!(
        !email_ask_due(Some(now - DAY_MS), now),
        "the prompt asked yesterday"
    );
    assert!(!email_ask_due(Some(now - 7 * DAY_MS + 1), now));
    assert!(email_ask_due(Some(now - 7 * DAY_MS), now));
}

proptest! {
    #[test]
    fn the_prompt_is_the_ask_rule_and_the_list_ignores_ask_counts(
        asks in 0u32..5, cap in 0u32..10, days_ago in 0i64..60, postponed: bool,
    ) {
        let t = ReviewTiming::default();
        let line = LineFacts { asks_sent: asks, customer_asks_30_days: cap,
            postponed_at_ms: postponed.then_some(T0 - 2 * DAY_MS), ..delivered(days_ago) };
        let state = prompt_state(&t, 7, &line, T0);
        prop_assert_eq!(state == Some(true), ask_decision(&t, 7, &line, T0).eligible);
        let fresh = LineFacts { asks_sent: 0, customer_asks_30_days: 0, ..line.clone() };
        prop_assert_eq!(state.is_some(), ask_decision(&t, 7, &fresh, T0).eligible);
    }
}

proptest! {
    #[test]
    fn never_before_ready_and_always_after_when_nothing_else_holds(
        use_days in 0u32..90, delivered_days_ago in 0i64..200, offset in -5i64..5,
    ) {
        let line = delivered(delivered_days_ago);
        let t = ReviewTiming::default();
        let ready = ready_at_ms(&t, use_days, &line).unwrap();
        let now = ready + offset;
        let e = ask_decision(&t, use_days, &line, now);
        prop_assert_eq!(e.eligible, now >= ready);
    }

    #[test]
    fn opt_out_always_wins(asks in 0u32..5, cap in 0u32..10, returned: bool) {
        let line = LineFacts { opted_out: true, asks_sent: asks,
            customer_asks_30_days: cap, returned_or_refunded: returned, ..delivered(60) };
        prop_assert_eq!(reason(&line, 0), Some(NotAskedReason::OptedOut));
    }
}
