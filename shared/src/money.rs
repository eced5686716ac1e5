//! Money as integer minor units plus an ISO 4217 currency: no floats, ever.

use crate::error::FieldIssue;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 4217 alphabetic code (`EUR`, `USD`, `JPY`), upper-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "EUR"))]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// Parse three ASCII letters (any case).
    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldIssue::Required);
        }
        let b = s.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(FieldIssue::InvalidFormat);
        }
        Ok(Self([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Digits after the decimal point (ISO 4217): 0 for JPY/KRW/CLP…, 3 for KWD/BHD…, else 2.
    pub fn minor_digits(&self) -> u32 {
        match self.as_str() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF"
            | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).map_err(|_| format!("invalid currency code: {s:?}"))
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount in the currency's minor unit (cents for EUR, yen for JPY).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    /// Integer amount in minor units.
    pub amount_minor: i64,
    /// ISO 4217 currency.
    pub currency: Currency,
}

impl Money {
    /// Construct from minor units.
    pub fn new(amount_minor: i64, currency: Currency) -> Self {
        Self {
            amount_minor,
            currency,
        }
    }

    /// The amount in major units as a decimal string (`12.50`), for `Intl.NumberFormat`.
    pub fn decimal_string(&self) -> String {
        let digits = self.currency.minor_digits();
        if digits == 0 {
            return self.amount_minor.to_string();
        }
        let scale = 10i64.pow(digits);
        let sign = if self.amount_minor < 0 { "-" } else { "" };
        let a = self.amount_minor.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            a / scale as u64,
            a % scale as u64,
            width = digits as usize
        )
    }

    /// Checked sum of amounts that must share a currency.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        (self.currency == other.currency).then_some(())?;
        Some(Money::new(
            self.amount_minor.checked_add(other.amount_minor)?,
            self.currency,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies() {
        assert_eq!(Currency::parse("eur").unwrap().as_str(), "EUR");
        assert_eq!(Currency::parse("EURO"), Err(FieldIssue::InvalidFormat));
        assert_eq!(Currency::parse("E1R"), Err(FieldIssue::InvalidFormat));
        assert_eq!(Currency::parse("jpy").unwrap().minor_digits(), 0);
    }

    #[test]
    fn decimal_strings() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(Money::new(1250, eur).decimal_string(), "12.50");
        assert_eq!(Money::new(-5, eur).decimal_string(), "-0.05");
        assert_eq!(
            Money::new(1500, Currency::parse("JPY").unwrap()).decimal_string(),
            "1500"
        );
        assert_eq!(
            Money::new(1234, Currency::parse("KWD").unwrap()).decimal_string(),
            "1.234"
        );
        assert_eq!(
            Money::new(1, eur).checked_add(Money::new(1, Currency::parse("USD").unwrap())),
            None
        );
    }
}
