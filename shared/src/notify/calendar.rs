//! When an optional email may go out under a store's [`EmailCalendar`]: after the customer's
//! quiet hours (in their own time zone) and once the cap leaves room. One pure rule, asked by
//! the sender for every optional message at sending time and tested here.

use crate::api::{EmailCalendar, EmailHold, QuietHours};

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// When a message may be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Now.
    Now,
    /// Not before `at_ms` (unix ms), for the reason given.
    Later {
        /// The earliest moment the calendar allows.
        at_ms: i64,
        /// What holds it.
        why: EmailHold,
    },
}

/// The earliest moment at or after `now_ms` that the calendar allows an optional message to a
/// customer whose clock is `offset_min` minutes east of UTC (0 when unknown), who was sent
/// optional messages at `sent_ms` (any order; older ones are ignored).
///
/// The cap counts a rolling window: with 2 per 7 days and messages sent on days 1 and 3, the
/// next may go on day 8. A moment the cap allows is then moved past quiet hours, which never
/// brings the cap back into play (later means fewer messages in the window).
pub fn slot(cal: &EmailCalendar, offset_min: i32, sent_ms: &[i64], now_ms: i64) -> Slot {
    let mut at = now_ms;
    let mut why = None;
    if let Some(cap) = cal.cap {
        let window = i64::from(cap.days) * DAY_MS;
        let mut inside: Vec<i64> = sent_ms
            .iter()
            .copied()
            .filter(|&t| t > now_ms - window)
            .collect();
        let allowed = cap.messages as usize;
        if inside.len() >= allowed {
            inside.sort_unstable();
            // The window must lose enough of its messages to leave one place free.
            at = inside[inside.len() - allowed] + window;
            why = Some(EmailHold::Cap);
        }
    }
    if let Some(q) = cal.quiet_hours {
        if let Some(end) = quiet_until(q, offset_min, at) {
            at = end;
            why = why.or(Some(EmailHold::QuietHours));
        }
    }
    match why {
        Some(why) if at > now_ms => Slot::Later { at_ms: at, why },
        _ => Slot::Now,
    }
}

/// Days after the threshold during which a lapsed customer is still written to: turning
/// "we miss you" on writes to customers who lapse from now on (and the last fortnight), not to
/// everyone who ever stopped ordering.
pub const MISS_YOU_WINDOW_DAYS: i64 = 14;

/// Whether a customer whose newest order was placed at `last_order_ms` is due a "we miss you"
/// at `now_ms` under `WeMissYou::after_days`: the lapse is at least `after_days` old and at
/// most [`MISS_YOU_WINDOW_DAYS`] beyond. Once per lapse: the sender keys it on that order.
pub fn miss_you_due(last_order_ms: i64, after_days: u32, now_ms: i64) -> bool {
    let since = now_ms - last_order_ms;
    let due = i64::from(after_days) * DAY_MS;
    since >= due && since < due + MISS_YOU_WINDOW_DAYS * DAY_MS
}

/// The end of the quiet hours `at_ms` falls in, for a clock `offset_min` east of UTC; `None`
/// outside them.
pub fn quiet_until(q: QuietHours, offset_min: i32, at_ms: i64) -> Option<i64> {
    let offset_ms = i64::from(offset_min) * 60_000;
    let local = at_ms + offset_ms;
    let hour = local.rem_euclid(DAY_MS) / HOUR_MS;
    let (from, until) = (i64::from(q.from_hour), i64::from(q.until_hour));
    let quiet = if from < until {
        (from..until).contains(&hour)
    } else {
        hour >= from || hour < until
    };
    if !quiet {
        return None;
    }
    let day_start = local - local.rem_euclid(DAY_MS);
    let mut end = day_start + until * HOUR_MS;
    if end <= local {
        end += DAY_MS;
    }
    Some(end - offset_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::EmailCap;

    /// 2026-12-01T00:00:00Z.
    const DAY0: i64 = 1_796_083_200_000;

    fn at(day: i64, hour: i64, min: i64) -> i64 {
        DAY0 + day * DAY_MS + hour * HOUR_MS + min * 60_000
    }

    fn quiet(from_hour: u32, until_hour: u32) -> EmailCalendar {
        EmailCalendar {
            cap: None,
            quiet_hours: Some(QuietHours {
                from_hour,
                until_hour,
            }),
            we_miss_you: None,
            open_pixel: false,
        }
    }

    fn cap(messages: u32, days: u32) -> EmailCalendar {
        EmailCalendar {
            cap: Some(EmailCap { messages, days }),
            quiet_hours: None,
            we_miss_you: None,
            open_pixel: false,
        }
    }

    #[test]
    fn an_empty_calendar_holds_nothing() {
        let sent = [at(0, 1, 0), at(0, 2, 0), at(0, 3, 0)];
        assert_eq!(
            slot(&EmailCalendar::default(), 0, &sent, at(0, 3, 30)),
            Slot::Now
        );
    }

    #[test]
    fn quiet_hours_wrap_past_midnight_in_the_customers_zone() {
        let cal = quiet(21, 8);
        // 23:00 UTC is 00:00 in Madrid (+60): quiet until 08:00 Madrid = 07:00 UTC.
        assert_eq!(
            slot(&cal, 60, &[], at(0, 23, 0)),
            Slot::Later {
                at_ms: at(1, 7, 0),
                why: EmailHold::QuietHours
            }
        );
        // 23:00 UTC is 20:00 in São Paulo (-180): not quiet yet.
        assert_eq!(slot(&cal, -180, &[], at(0, 23, 0)), Slot::Now);
        // 02:00 UTC is 23:00 in São Paulo: quiet until 08:00 there = 11:00 UTC.
        assert_eq!(
            slot(&cal, -180, &[], at(1, 2, 0)),
            Slot::Later {
                at_ms: at(1, 11, 0),
                why: EmailHold::QuietHours
            }
        );
        // The last quiet minute waits; the first waking minute goes.
        assert_eq!(
            slot(&cal, 0, &[], at(1, 7, 59)),
            Slot::Later {
                at_ms: at(1, 8, 0),
                why: EmailHold::QuietHours
            }
        );
        assert_eq!(slot(&cal, 0, &[], at(1, 8, 0)), Slot::Now);
        assert_eq!(slot(&cal, 0, &[], at(1, 20, 59)), Slot::Now);
        assert!(matches!(
            slot(&cal, 0, &[], at(1, 21, 0)),
            Slot::Later { .. }
        ));
    }

    #[test]
    fn quiet_hours_within_a_day() {
        // A lunchtime pause, 12 → 14.
        let cal = quiet(12, 14);
        assert_eq!(slot(&cal, 0, &[], at(0, 11, 59)), Slot::Now);
        assert_eq!(
            slot(&cal, 0, &[], at(0, 13, 0)),
            Slot::Later {
                at_ms: at(0, 14, 0),
                why: EmailHold::QuietHours
            }
        );
        assert_eq!(slot(&cal, 0, &[], at(0, 14, 0)), Slot::Now);
    }

    #[test]
    fn the_cap_is_a_rolling_window() {
        let cal = cap(2, 7);
        let sent = [at(1, 10, 0), at(3, 10, 0)];
        // Two sent in the last 7 days: the next waits until the day-1 message leaves the
        // window.
        assert_eq!(
            slot(&cal, 0, &sent, at(4, 9, 0)),
            Slot::Later {
                at_ms: at(8, 10, 0),
                why: EmailHold::Cap
            }
        );
        assert_eq!(slot(&cal, 0, &sent, at(8, 10, 0)), Slot::Now);
        // One inside the window leaves room; older ones do not count.
        assert_eq!(
            slot(&cal, 0, &[at(-30, 0, 0), at(3, 10, 0)], at(4, 9, 0)),
            Slot::Now
        );
        // Three inside a cap of one: the newest must leave.
        let one = cap(1, 7);
        assert_eq!(
            slot(
                &one,
                0,
                &[at(3, 0, 0), at(1, 0, 0), at(2, 0, 0)],
                at(4, 0, 0)
            ),
            Slot::Later {
                at_ms: at(10, 0, 0),
                why: EmailHold::Cap
            }
        );
    }

    #[test]
    fn a_moment_the_cap_allows_still_waits_for_the_morning() {
        let cal = EmailCalendar {
            cap: Some(EmailCap {
                messages: 1,
                days: 1,
            }),
            quiet_hours: Some(QuietHours {
                from_hour: 22,
                until_hour: 7,
            }),
            we_miss_you: None,
            open_pixel: false,
        };
        // Sent at 23:30 local (+60) yesterday: the cap frees it at 23:30 local tonight, which
        // is quiet, so it goes at 07:00 local = 06:00 UTC.
        let sent = [at(0, 22, 30)];
        assert_eq!(
            slot(&cal, 60, &sent, at(1, 12, 0)),
            Slot::Later {
                at_ms: at(2, 6, 0),
                why: EmailHold::Cap
            }
        );
    }

    #[test]
    fn we_miss_you_is_due_from_the_threshold_for_a_fortnight() {
        let last = at(0, 12, 0);
        assert!(!miss_you_due(last, 60, last + 60 * DAY_MS - 1));
        assert!(miss_you_due(last, 60, last + 60 * DAY_MS));
        assert!(miss_you_due(last, 60, last + 73 * DAY_MS));
        assert!(
            !miss_you_due(last, 60, last + 74 * DAY_MS),
            "long gone: not written to"
        );
        assert!(
            !miss_you_due(last, 60, last - DAY_MS),
            "an order in the future"
        );
    }
}
