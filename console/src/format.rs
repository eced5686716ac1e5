//! Numbers as the console shows them. Dates and money are the shared server-side formats
//! (`aftercare_shared::format`, also used by the emails), re-exported here.

pub use aftercare_shared::format::{date_ms, date_time, date_time_ms, money};
use aftercare_shared::Locale;

/// A number to one decimal with the reader's decimal mark: `4.3` (English), `4,3`.
pub fn one_decimal(locale: Locale, x: f64) -> String {
    let text = format!("{x:.1}");
    match locale {
        Locale::En => text,
        Locale::Es | Locale::PtBr => text.replace('.', ","),
    }
}

/// A contrast ratio to two decimals, rounded down (4.497 reads `4.49:1`, never a passing
/// `4.50:1`), with the locale's decimal mark.
pub fn contrast_ratio(locale: Locale, x: f64) -> String {
    let text = format!("{:.2}:1", (x * 100.0).floor() / 100.0);
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
    use aftercare_shared::{Currency, Money, Timestamp};

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
