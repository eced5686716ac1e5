//! Identifiers shoppers type and merchants send, validated once for both sides.

use crate::error::FieldIssue;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A merchant's order number as printed on the confirmation (e.g. `1001`, `#A-1001`).
///
/// Shoppers type it with a leading `#` or spaces; [`OrderNumber::parse`] strips those so the
/// lookup matches what the merchant imported.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "1001", pattern = r"^\s*#*\s*[A-Za-z0-9._-]{1,32}\s*$"))]
#[serde(try_from = "String", into = "String")]
pub struct OrderNumber(String);

impl OrderNumber {
    /// The longest order number accepted.
    pub const MAX_LEN: usize = 32;

    /// Normalise (trim, drop a leading `#`) and validate: 1–32 of `A–Z a–z 0–9 - _ .`.
    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        let s = raw.trim().trim_start_matches('#').trim();
        if s.is_empty() {
            return Err(FieldIssue::Required);
        }
        if s.len() > Self::MAX_LEN {
            return Err(FieldIssue::TooLong);
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(FieldIssue::InvalidFormat);
        }
        Ok(Self(s.to_owned()))
    }

    /// The number as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OrderNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).map_err(|_| format!("invalid order number: {s:?}"))
    }
}

impl From<OrderNumber> for String {
    fn from(n: OrderNumber) -> String {
        n.0
    }
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An email address, trimmed and lower-cased so lookups are case-insensitive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, format = "email", example = "ana@example.com", pattern = r"^\s*[^\s@]{1,64}@[A-Za-z0-9-]{1,60}(\.[A-Za-z0-9-]{1,60}){1,2}\s*$"))]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// RFC 5321's limit on a forward path.
    pub const MAX_LEN: usize = 254;

    /// Normalise and validate: one `@`, a non-empty local part, a dotted domain, no spaces.
    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldIssue::Required);
        }
        if s.len() > Self::MAX_LEN {
            return Err(FieldIssue::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(FieldIssue::InvalidFormat)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'));
        if local.is_empty()
            || local.len() > 64
            || !domain_ok
            || s.chars().any(|c| c.is_whitespace() || c.is_control())
            || local.contains('@')
        {
            return Err(FieldIssue::InvalidFormat);
        }
        Ok(Self(s.to_lowercase()))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A masked form for display to someone who already proved they know it: `a***@example.com`.
    pub fn masked(&self) -> String {
        let (local, domain) = self.0.split_once('@').unwrap_or((&self.0, ""));
        let first: String = local.chars().take(1).collect();
        format!("{first}***@{domain}")
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).map_err(|_| "invalid email address".to_owned())
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_are_normalised() {
        assert_eq!(OrderNumber::parse(" #1001 ").unwrap().as_str(), "1001");
        assert_eq!(
            OrderNumber::parse("A-10_01.x").unwrap().as_str(),
            "A-10_01.x"
        );
        assert_eq!(OrderNumber::parse(""), Err(FieldIssue::Required));
        assert_eq!(OrderNumber::parse("#"), Err(FieldIssue::Required));
        assert_eq!(OrderNumber::parse("10 01"), Err(FieldIssue::InvalidFormat));
        assert_eq!(
            OrderNumber::parse("1'; drop"),
            Err(FieldIssue::InvalidFormat)
        );
        assert_eq!(
            OrderNumber::parse(&"9".repeat(33)),
            Err(FieldIssue::TooLong)
        );
    }

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse("  Ana.Lopez@Example.COM ").unwrap().as_str(),
            "ana.lopez@example.com"
        );
        assert_eq!(
            Email::parse("josé@correo.es").unwrap().as_str(),
            "josé@correo.es"
        );
        for bad in [
            "ana",
            "ana@",
            "@x.com",
            "ana@localhost",
            "a b@x.com",
            "ana@x..com",
            "a@b@c.com",
            "ana@.x.com",
        ] {
            assert_eq!(Email::parse(bad), Err(FieldIssue::InvalidFormat), "{bad}");
        }
        assert_eq!(Email::parse(" "), Err(FieldIssue::Required));
        assert_eq!(
            Email::parse("ana@example.com").unwrap().masked(),
            "a***@example.com"
        );
    }

    #[test]
    fn serde_validates() {
        assert!(serde_json::from_str::<OrderNumber>("\"bad number\"").is_err());
        assert_eq!(
            serde_json::from_str::<Email>("\"A@B.co\"")
                .unwrap()
                .as_str(),
            "a@b.co"
        );
    }
}
