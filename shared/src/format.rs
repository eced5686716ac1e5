//! Dates and money as text for what the server renders (the console, emails). The widgets
//! format through the browser's `Intl`; server-rendered text formats here, in the reader's
//! language, always in UTC and saying so (readers compare times across zones).

use crate::time::civil_from_days;
use crate::{Locale, Money, Timestamp};

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];
const MONTHS_PT: [&str; 12] = [
    "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
];

/// `30 Nov 2026, 14:05 UTC` (English), `30 nov 2026, 14:05 UTC` (Spanish, Portuguese).
pub fn date_time(locale: Locale, at: &Timestamp) -> String {
    date_time_ms(locale, at.utc_ms)
}

/// [`date_time`] of a unix-millisecond instant.
pub fn date_time_ms(locale: Locale, utc_ms: i64) -> String {
    let secs = utc_ms.div_euclid(1000);
    let (days, in_day) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    format!(
        "{}, {:02}:{:02} UTC",
        date_of_days(locale, days),
        in_day / 3600,
        in_day % 3600 / 60
    )
}

/// `30 Nov 2026` of a unix-millisecond instant (UTC).
pub fn date_ms(locale: Locale, utc_ms: i64) -> String {
    date_of_days(locale, utc_ms.div_euclid(1000).div_euclid(86_400))
}

fn date_of_days(locale: Locale, days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    let months = match locale {
        Locale::En => &MONTHS_EN,
        Locale::Es => &MONTHS_ES,
        Locale::PtBr => &MONTHS_PT,
    };
    let month = months[usize::try_from(m - 1).unwrap_or(0).min(11)];
    format!("{d} {month} {y}")
}

/// `EUR 49.90` (English) or `49,90 EUR` (Spanish, Portuguese): the ISO code, never a symbol
/// that two currencies share.
pub fn money(locale: Locale, m: &Money) -> String {
    let amount = m.decimal_string();
    let code = m.currency.as_str();
    match locale {
        Locale::En => format!("{code} {amount}"),
        Locale::Es | Locale::PtBr => format!("{} {code}", amount.replace('.', ",")),
    }
}

/// An expected-delivery window as a reader says it: `3 Dec 2026` for one day, else
/// `3 Dec 2026 – 5 Dec 2026` (dates in UTC, like every server-written date).
pub fn window(locale: Locale, w: &crate::tracking::EtaWindow) -> String {
    let (a, b) = (
        date_ms(locale, w.earliest.utc_ms),
        date_ms(locale, w.latest.utc_ms),
    );
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}
