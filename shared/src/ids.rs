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
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "1001", pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*#*[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z0-9._-]{1,32}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"))]
#[serde(try_from = "String", into = "String")]
pub struct OrderNumber(String);

/// [`OrderNumber::parse`]'s rule as the document's pattern (the type's and every field's
/// annotation repeat this literal; the tests below hold them to the parser). Whitespace is
/// Rust's `trim` class spelled out ([`crate::validate::NON_BLANK_PATTERN`] says why).
pub const ORDER_NUMBER_PATTERN: &str = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*#*[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z0-9._-]{1,32}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$";

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
#[cfg_attr(feature = "openapi", schema(value_type = String, format = "email", example = "ana@example.com", pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,64}@[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}(\.[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}){1,4}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"))]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// [`Email::parse`]'s rule as the document's pattern, so that a client (or a fuzzer) can
/// tell a valid address without asking: up to 64 characters before the `@` that are not
/// `@`, whitespace or control characters; then two to five labels of up to 63 letters,
/// digits or `-` (any non-ASCII letter counts: internationalised domains are typed in
/// Unicode); surrounding whitespace is trimmed.
pub const EMAIL_PATTERN: &str = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,64}@[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}(\.[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}){1,4}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$";

impl Email {
    /// Most characters before the `@` (RFC 5321's local-part limit).
    pub const MAX_LOCAL: usize = 64;
    /// Most characters in one domain label (RFC 1035).
    pub const MAX_LABEL: usize = 63;
    /// Most labels in the domain (`mail.shop.example.co.uk` has five).
    pub const MAX_LABELS: usize = 5;

    /// Normalise and validate ([`EMAIL_PATTERN`] is the same rule).
    pub fn parse(raw: &str) -> Result<Self, FieldIssue> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldIssue::Required);
        }
        let (local, domain) = s.split_once('@').ok_or(FieldIssue::InvalidFormat)?;
        let local_ok = (1..=Self::MAX_LOCAL).contains(&local.chars().count())
            && local
                .chars()
                .all(|c| !(c.is_whitespace() || c.is_control()));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = (2..=Self::MAX_LABELS).contains(&labels.len())
            && labels.iter().all(|l| {
                (1..=Self::MAX_LABEL).contains(&l.chars().count())
                    && l.chars().all(|c| {
                        c.is_ascii_alphanumeric()
                            || c == '-'
                            || !(c.is_ascii() || c.is_whitespace() || c.is_control())
                    })
            });
        if !(local_ok && domain_ok) {
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
    use crate::test_patterns::agree;

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
        assert!(Email::parse("ana@mail.shop.example.co.uk").is_ok());
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
    fn order_number_pattern_is_the_parser() {
        agree(
            ORDER_NUMBER_PATTERN,
            |s| OrderNumber::parse(s).is_ok(),
            &[
                " #1001 ",
                "##A-1",
                "# # 1",
                "\u{85}1\u{3000}",
                "\u{feff}1",
                "1\n",
                &"9".repeat(33),
            ],
        );
    }

    #[test]
    fn email_pattern_is_the_parser() {
        agree(
            EMAIL_PATTERN,
            |s| Email::parse(s).is_ok(),
            &[
                " Ana@Example.COM\n",
                "josé@correo.es",
                "ana@müller.de",
                "ana@mail.shop.example.co.uk",
                "ana@a.b.c.d.e.f",
                "a\u{1}@x.com",
                "a\u{feff}@x.com",
                "a@x_y.com",
                "a@b@c.com",
                "ana@x..com",
                &format!("{}@x.com", "a".repeat(65)),
                &format!("a@{}.com", "b".repeat(64)),
            ],
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
