//! How the seed files are read: JSON, embedded in the binary (a mistake is reported with the
//! file's name), with times in a notation relative to the moment of seeding, so the demo
//! store always looks current:
//!
//! - A span is signed terms in days, hours and minutes, summed: `-15d-6h`, `+3d`, `-60m`, `0d`.
//! - An instant is a span from a base, then the UTC offset of the place, if the source gave
//!   one: `-15d-6h +01:00` (no offset: unknown, as some carriers send it).
//! - A day-anchored time is a span of days, then a UTC time of day: `-76d@08:00` is 08:00 UTC
//!   on the UTC day 76 days before the base.

use crate::error::{Error, Result};
use aftercare_shared::Timestamp;
use serde::de::DeserializeOwned;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// One embedded seed file, parsed; a mistake in it is reported with the file's name.
pub(super) fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::internal(format!("seed/{name}: {e}")))
}

/// A span such as `-15d-6h`, in milliseconds (the first term may leave out its `+`).
pub(super) fn span_ms(text: &str) -> Result<i64> {
    let bad = || Error::internal(format!("seed time {text:?}: expected a span like -15d-6h"));
    let mut rest = text;
    let mut total = 0i64;
    let mut first = true;
    while first || !rest.is_empty() {
        let (sign, body) = match rest.as_bytes().first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            Some(_) if first => (1, rest),
            _ => return Err(bad()),
        };
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let n: i64 = body[..digits].parse().map_err(|_| bad())?;
        let unit = match body.as_bytes().get(digits) {
            Some(b'd') => DAY,
            Some(b'h') => HOUR,
            Some(b'm') => MINUTE,
            _ => return Err(bad()),
        };
        total += sign * n * unit;
        rest = &body[digits + 1..];
        first = false;
    }
    Ok(total)
}

/// An instant `-15d-6h +01:00`: the span from `base_ms`, with the offset when one is given.
pub(super) fn instant(text: &str, base_ms: i64) -> Result<Timestamp> {
    let (span, offset) = match text.split_once(' ') {
        Some((span, offset)) => (span, Some(utc_offset(offset)?)),
        None => (text, None),
    };
    Ok(Timestamp {
        utc_ms: base_ms + span_ms(span)?,
        offset_minutes: offset,
    })
}

/// A day-anchored time `-76d@08:00`: that UTC time of day, that many days from `now_ms`'s
/// UTC day.
pub(super) fn day_time_ms(text: &str, now_ms: i64) -> Result<i64> {
    let (days, clock) = text
        .split_once('@')
        .ok_or_else(|| Error::internal(format!("seed time {text:?}: expected -76d@08:00")))?;
    let day_start = now_ms - now_ms.rem_euclid(DAY) + span_ms(days)?;
    Ok(day_start + clock_minutes(clock)? * MINUTE)
}

/// `+01:00` / `-05:00` in minutes east of UTC.
fn utc_offset(text: &str) -> Result<i16> {
    let bad = || Error::internal(format!("seed UTC offset {text:?}: expected +01:00"));
    let (sign, clock) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(bad()),
    };
    let minutes = clock_minutes(clock).map_err(|_| bad())?;
    i16::try_from(sign * minutes).map_err(|_| bad())
}

/// `HH:MM` in minutes since midnight.
fn clock_minutes(text: &str) -> Result<i64> {
    let bad = || Error::internal(format!("seed clock time {text:?}: expected HH:MM"));
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    if !two_digits(h) || !two_digits(m) {
        return Err(bad());
    }
    let (h, m): (i64, i64) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h < 24 && m < 60 {
        Ok(h * 60 + m)
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_instants_and_day_times() {
        assert_eq!(span_ms("-15d-6h").unwrap(), -(15 * DAY + 6 * HOUR));
        assert_eq!(span_ms("-21d+3h").unwrap(), -21 * DAY + 3 * HOUR);
        assert_eq!(span_ms("3d").unwrap(), 3 * DAY);
        assert_eq!(span_ms("+1d").unwrap(), DAY);
        assert_eq!(span_ms("-60m").unwrap(), -60 * MINUTE);
        assert_eq!(span_ms("0d").unwrap(), 0);
        for bad in ["", "-", "d", "-3", "-3x", "-3d-", "-3d 4h", "3d4h"] {
            assert!(span_ms(bad).is_err(), "{bad:?}");
        }
        let base = 1_800_000_000_000;
        assert_eq!(
            instant("-2h -05:00", base).unwrap(),
            Timestamp::from_utc_ms(base - 2 * HOUR, -300)
        );
        let unknown = instant("-3d", base).unwrap();
        assert_eq!(
            (unknown.utc_ms, unknown.offset_minutes),
            (base - 3 * DAY, None)
        );
        assert!(instant("-3d 01:00", base).is_err());
        assert!(instant("-3d +1:00", base).is_err());
        let midnight = base - base.rem_euclid(DAY);
        assert_eq!(
            day_time_ms("-76d@08:07", base + 5 * HOUR).unwrap(),
            midnight - 76 * DAY + 8 * HOUR + 7 * MINUTE
        );
        for bad in ["-76d", "-76d@8:00", "-76d@24:00", "-76d@08:60"] {
            assert!(day_time_ms(bad, base).is_err(), "{bad:?}");
        }
    }
}
