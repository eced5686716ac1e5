//! Instants as the API carries them: a UTC instant plus the offset the source gave.
//!
//! A carrier scan at "09:03 in Madrid" must be shown to a shopper in Mexico both in their
//! own time and as the place's local time, so the offset is kept, not normalised away.
//! Serialised as RFC 3339; an unknown offset is written `-00:00` as RFC 3339 §4.3 says.
//! Hand-written (no chrono/time) because every dependency costs the wasm bundle bytes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A point in time with the UTC offset its source reported, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Milliseconds since the Unix epoch, UTC.
    pub utc_ms: i64,
    /// Offset east of UTC in minutes as reported by the source; `None` when unknown.
    pub offset_minutes: Option<i16>,
}

/// On the wire a [`Timestamp`] is one RFC 3339 string, so the schema says so (utoipa cannot
/// derive that for a named struct, hence the hand-written impl).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Timestamp {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
            .description(Some(
                "RFC 3339 instant with the source's UTC offset (`-00:00` when unknown).",
            ))
            .examples(["2026-11-20T09:03:00+01:00"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Timestamp {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Timestamp")
    }
}

/// Why a string is not an RFC 3339 timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected an RFC 3339 timestamp such as 2026-11-20T09:03:00+01:00")]
pub struct TimestampParseError;

impl Timestamp {
    /// An instant with a known offset (0 for UTC).
    pub fn from_utc_ms(utc_ms: i64, offset_minutes: i16) -> Self {
        Self {
            utc_ms,
            offset_minutes: Some(offset_minutes),
        }
    }

    /// Seconds since the Unix epoch (what tokens and the database store).
    pub fn unix_seconds(&self) -> i64 {
        self.utc_ms.div_euclid(1000)
    }

    /// The same instant shifted by `ms`, keeping the offset.
    pub fn plus_ms(&self, ms: i64) -> Self {
        Self {
            utc_ms: self.utc_ms + ms,
            offset_minutes: self.offset_minutes,
        }
    }

    /// Milliseconds to add to the UTC instant to get the source's wall-clock time.
    pub fn local_shift_ms(&self) -> i64 {
        i64::from(self.offset_minutes.unwrap_or(0)) * 60_000
    }

    /// Parse RFC 3339 (`2026-11-20T09:03:00Z`, `…T09:03:00.250-05:00`, `…-00:00`).
    pub fn parse(s: &str) -> Result<Self, TimestampParseError> {
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Result<i64, TimestampParseError> {
            let part = b.get(r).ok_or(TimestampParseError)?;
            if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
                return Err(TimestampParseError);
            }
            Ok(part
                .iter()
                .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0')))
        };
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return Err(TimestampParseError);
        }
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return Err(TimestampParseError);
        }
        let mut i = 19;
        let mut millis = 0i64;
        if b[i] == b'.' {
            let start = i + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            if end == start {
                return Err(TimestampParseError);
            }
            let digits = &b[start..end.min(start + 3)];
            millis = digits
                .iter()
                .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0'));
            millis *= 10i64.pow(3 - digits.len() as u32);
            i = end;
        }
        let offset = match b.get(i) {
            Some(b'Z' | b'z') if b.len() == i + 1 => Some(0i16),
            Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
                let (oh, om) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
                if oh > 23 || om > 59 {
                    return Err(TimestampParseError);
                }
                let minutes = (oh * 60 + om) as i16;
                match (sign, minutes) {
                    (b'-', 0) => None,
                    (b'-', m) => Some(-m),
                    (_, m) => Some(m),
                }
            }
            _ => return Err(TimestampParseError),
        };
        let second = second.min(59); // a leap second is folded into :59
        let local_ms = ((days_from_civil(year, month, day) * 24 + hour) * 60 + minute) * 60_000
            + second * 1000
            + millis;
        let utc_ms = local_ms - i64::from(offset.unwrap_or(0)) * 60_000;
        Ok(Self {
            utc_ms,
            offset_minutes: offset,
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.utc_ms + self.local_shift_ms();
        let days = local.div_euclid(86_400_000);
        let ms_of_day = local.rem_euclid(86_400_000);
        let (y, m, d) = civil_from_days(days);
        let (h, mi, s, ms) = (
            ms_of_day / 3_600_000,
            ms_of_day / 60_000 % 60,
            ms_of_day / 1000 % 60,
            ms_of_day % 1000,
        );
        write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}")?;
        if ms != 0 {
            write!(f, ".{ms:03}")?;
        }
        match self.offset_minutes {
            Some(0) => f.write_str("Z"),
            None => f.write_str("-00:00"),
            Some(o) => {
                let sign = if o < 0 { '-' } else { '+' };
                let a = o.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", a / 60, a % 60)
            }
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Timestamp::parse(&s).map_err(serde::de::Error::custom)
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_offsets_and_keeps_them() {
        let t = Timestamp::parse("2026-11-20T09:03:00+01:00").unwrap();
        assert_eq!(t.offset_minutes, Some(60));
        assert_eq!(
            t,
            Timestamp::parse("2026-11-20T08:03:00Z")
                .map(|u| Timestamp {
                    offset_minutes: Some(60),
                    ..u
                })
                .unwrap()
        );
        assert_eq!(t.to_string(), "2026-11-20T09:03:00+01:00");
        let unknown = Timestamp::parse("2026-11-20T09:03:00-00:00").unwrap();
        assert_eq!(unknown.offset_minutes, None);
        assert_eq!(unknown.to_string(), "2026-11-20T09:03:00-00:00");
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00.5Z").unwrap().utc_ms,
            500
        );
        assert_eq!(
            Timestamp::parse("2026-03-08T01:30:00-05:30")
                .unwrap()
                .offset_minutes,
            Some(-330)
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "2026-11-20",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T09:03:00",
            "2026-11-20T09:03:00+1:00",
            "2026-11-20T09:03:00Zjunk",
            "２026-11-20T09:03:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn schema_is_a_date_time_string() {
        use utoipa::PartialSchema;
        let json = serde_json::to_value(Timestamp::schema()).unwrap();
        assert_eq!(json["type"], "string");
        assert_eq!(json["format"], "date-time");
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(ms in -2_000_000_000_000i64..8_000_000_000_000, off in proptest::option::of(-14*60i16..=14*60)) {
            let t = Timestamp { utc_ms: ms, offset_minutes: off };
            let back = Timestamp::parse(&t.to_string()).unwrap();
            prop_assert_eq!(back, t);
        }

        #[test]
        fn civil_round_trips(days in -1_000_000i64..1_000_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
