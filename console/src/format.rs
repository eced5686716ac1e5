//! Dates and money as the console shows them. The widgets format through the browser's
//! `Intl`; the console is rendered on the server, so it formats here, in the reader's
//! language, always in UTC and saying so (merchants compare times across shoppers' zones).

use aftercare_shared::time::civil_from_days;
use aftercare_shared::{Locale, Money, Timestamp};

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

/// A number to one decimal with the reader's decimal mark: `4.3` (English), `4,3`.
pub fn one_decimal(locale: Locale, x: f64) -> String {
    let text = format!("{x:.1}");
    match locale {
        Locale::En => text,
        Locale::Es | Locale::PtBr => text.replace('.', ","),
    }
}

/// A rate (0.125) as a percentage to one decimal: `12.5 %` (English), `12,5 %`; the space
/// is a no-break space, so the sign never wraps onto a line of its own.
pub fn percent(locale: Locale, rate: f64) -> String {
    format!("{}\u{a0}%", one_decimal(locale, rate * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::Currency;

    #[test]
    fn dates_are_utc_and_named_per_language() {
        let at = Timestamp::from_utc_ms(1_796_047_500_000, 60);
        assert_eq!(date_time(Locale::En, &at), "30 Nov 2026, 14:05 UTC");
        assert_eq!(date_time(Locale::Es, &at), "30 nov 2026, 14:05 UTC");
        assert_eq!(date_ms(Locale::PtBr, 0), "1 jan 1970");
    }

    #[test]
    fn money_names_its_currency() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(money(Locale::En, &Money::new(4990, eur)), "EUR 49.90");
        assert_eq!(money(Locale::Es, &Money::new(-5, eur)), "-0,05 EUR");
    }

    #[test]
    fn rates_use_the_readers_decimal_mark() {
        assert_eq!(one_decimal(Locale::En, 4.26), "4.3");
        assert_eq!(one_decimal(Locale::PtBr, 4.0), "4,0");
        assert_eq!(percent(Locale::Es, 0.125), "12,5\u{a0}%");
        assert_eq!(percent(Locale::En, 0.0), "0.0\u{a0}%");
    }
}
