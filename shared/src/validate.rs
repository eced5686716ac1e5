//! Validation rules, run by the server on every write and by widgets before sending.
//!
//! Every check reports all problems at once as [`FieldError`]s with JSON paths, so a form
//! can mark each bad field and a merchant's import log names each bad row. The rules are the
//! field checks of [`Problems`]; each API input type walks its own fields with them in its
//! `validate(&self)`, so this module needs nothing from the API types.

use crate::address::{Address, Country, MAX_ADDRESS_TEXT};
use crate::error::{ApiError, FieldError, FieldIssue};
use crate::order::PickupPoint;
use crate::time::Timestamp;
use crate::tracking::Location;
use std::ops::RangeInclusive;

/// Collects field problems under a path prefix.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// Record a problem at `field`.
    pub fn add(&mut self, field: impl Into<String>, issue: FieldIssue) {
        let field = field.into();
        let message = match issue {
            FieldIssue::Required => format!("{field} is required"),
            FieldIssue::TooLong => format!("{field} is too long"),
            FieldIssue::InvalidFormat => format!("{field} is not in the expected format"),
            FieldIssue::OutOfRange => format!("{field} is out of range"),
            FieldIssue::UnknownReference => {
                format!("{field} refers to something that does not exist")
            }
            FieldIssue::Duplicate => format!("{field} repeats a value that must be unique"),
        };
        self.0.push(FieldError::new(field, issue, message));
    }

    /// Record a problem at `field` whose developer message says more than its issue does
    /// (a measured contrast, say).
    pub fn add_with_message(
        &mut self,
        field: impl Into<String>,
        issue: FieldIssue,
        message: String,
    ) {
        self.0.push(FieldError::new(field.into(), issue, message));
    }

    /// Run a parser and record its issue, returning the parsed value when valid.
    pub fn check<T>(
        &mut self,
        field: impl Into<String>,
        result: Result<T, FieldIssue>,
    ) -> Option<T> {
        result.map_err(|issue| self.add(field, issue)).ok()
    }

    /// Text that must be present and at most `max` characters.
    pub fn text(&mut self, field: impl Into<String>, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.add(field, FieldIssue::Required);
        } else if value.chars().count() > max {
            self.add(field, FieldIssue::TooLong);
        }
    }

    /// Optional text of at most `max` characters.
    pub fn optional_text(&mut self, field: impl Into<String>, value: Option<&str>, max: usize) {
        if value.is_some_and(|v| v.chars().count() > max) {
            self.add(field, FieldIssue::TooLong);
        }
    }

    /// Optional absolute http(s) URL, at most 2,048 characters (as the document's `maxLength`
    /// counts them).
    pub fn optional_url(&mut self, field: impl Into<String>, value: Option<&str>) {
        if let Some(v) = value {
            let field = field.into();
            if v.chars().count() > 2048 {
                self.add(field, FieldIssue::TooLong);
            } else if !(v.starts_with("https://") || v.starts_with("http://"))
                || v.chars().any(char::is_whitespace)
            {
                self.add(field, FieldIssue::InvalidFormat);
            }
        }
    }

    /// A number that must lie in `range`.
    pub fn in_range<T: PartialOrd>(
        &mut self,
        field: impl Into<String>,
        value: T,
        range: &RangeInclusive<T>,
    ) {
        if !range.contains(&value) {
            self.add(field, FieldIssue::OutOfRange);
        }
    }

    /// Units of a line or parcel item: at least one, at most [`MAX_QUANTITY`].
    pub fn quantity(&mut self, field: impl Into<String>, units: u32) {
        self.in_range(field, units, &(1..=MAX_QUANTITY));
    }

    /// The end of a window (at `field`) that must not come before its start.
    pub fn not_before(&mut self, field: impl Into<String>, start: Timestamp, end: Timestamp) {
        if end.utc_ms < start.utc_ms {
            self.add(field, FieldIssue::OutOfRange);
        }
    }

    /// A pickup point or locker under `prefix`: named, with a street and city, and at most
    /// fourteen lines of opening hours.
    pub fn pickup_point(&mut self, prefix: &str, point: &PickupPoint) {
        self.text(format!("{prefix}.name"), &point.name, 200);
        self.text(format!("{prefix}.address.line1"), &point.address.line1, 200);
        self.text(format!("{prefix}.address.city"), &point.address.city, 100);
        if point.opening_hours.len() > 14 {
            self.add(format!("{prefix}.opening_hours"), FieldIssue::TooLong);
        }
        for (i, line) in point.opening_hours.iter().enumerate() {
            self.text(format!("{prefix}.opening_hours[{i}]"), line, 100);
        }
    }

    /// A checkpoint's place under `prefix`: short parts and a two-letter country code.
    pub fn location(&mut self, prefix: &str, location: &Location) {
        for (name, v) in [
            ("city", &location.city),
            ("region", &location.region),
            ("postal_code", &location.postal_code),
        ] {
            self.optional_text(format!("{prefix}.{name}"), v.as_deref(), 100);
        }
        if location
            .country
            .as_deref()
            .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            self.add(format!("{prefix}.country"), FieldIssue::InvalidFormat);
        }
    }

    /// How many problems are recorded so far (a caller checking a part can tell whether the
    /// part added any).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is recorded yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every field of an address under `prefix` (e.g. `"address"`), recording all problems;
    /// answers the address as it should be stored (trimmed, postal code and region normalised)
    /// when it is valid.
    pub fn address(&mut self, prefix: &str, a: &Address) -> Option<Address> {
        let p = self;
        let at = |f: &str| field_path(prefix, f);
        let before = p.len();
        p.text(at("name"), &a.name, MAX_ADDRESS_TEXT);
        p.text(at("line1"), &a.line1, MAX_ADDRESS_TEXT);
        p.optional_text(at("line2"), a.line2.as_deref(), MAX_ADDRESS_TEXT);
        p.text(at("city"), &a.city, MAX_ADDRESS_TEXT);
        let country_code = a.country.trim().to_ascii_uppercase();
        let country_code = if country_code == "UK" {
            "GB".to_string()
        } else {
            country_code
        };
        let (postal, region) = match Country::from_code(&country_code) {
            Some(c) => (
                p.check(at("postal_code"), c.postal_code(&a.postal_code)),
                p.check(at("region"), c.region_value(a.region.as_deref())),
            ),
            None => {
                if country_code.len() != 2 || !country_code.bytes().all(|b| b.is_ascii_uppercase())
                {
                    p.add(
                        at("country"),
                        if country_code.is_empty() {
                            FieldIssue::Required
                        } else {
                            FieldIssue::InvalidFormat
                        },
                    );
                }
                let postal = a.postal_code.trim();
                let postal = if postal.chars().count() > 12 {
                    p.add(at("postal_code"), FieldIssue::TooLong);
                    None
                } else {
                    Some(postal.to_ascii_uppercase())
                };
                p.optional_text(at("region"), a.region.as_deref(), MAX_ADDRESS_TEXT);
                let region = a
                    .region
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string);
                (postal, Some(region))
            }
        };
        if p.len() > before {
            return None;
        }
        let trim = |s: &str| s.trim().to_string();
        Some(Address {
            name: trim(&a.name),
            line1: trim(&a.line1),
            line2: a
                .line2
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
            city: trim(&a.city),
            region: region.flatten(),
            postal_code: postal.unwrap_or_default(),
            country: country_code,
        })
    }

    /// `Ok(())` when nothing was recorded, else a `validation_failed` error listing everything.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }
}

/// "Contains a character `str::trim` keeps", as a JSON Schema pattern: the document's form of
/// [`Problems::text`]'s "not blank". Spelled out, because a pattern's `\S` (ECMA-262) and
/// Rust's whitespace differ (U+0085 is whitespace to Rust, U+FEFF to ECMA). Field
/// annotations repeat this literal (attributes take no constants); the test below checks the
/// class, and `server/tests/it/http_misc.rs` that the document uses nothing else.
pub const NON_BLANK_PATTERN: &str =
    r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// Longest product title, carrier message and similar free text.
pub const MAX_TEXT: usize = 500;
/// Most lines in one order.
pub const MAX_ITEMS: usize = 250;
/// Most events in one parcel or batch.
pub const MAX_EVENTS: usize = 2_000;
/// Most units of one line.
pub const MAX_QUANTITY: u32 = 10_000;

/// `name` under `prefix` as a JSON path (`prefix.name`, or just `name` at the top level).
pub(crate) fn field_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(country: &str, postal: &str, region: Option<&str>) -> Address {
        Address {
            name: "Ana Souza".into(),
            line1: "Rua Augusta 100".into(),
            line2: Some("  ".into()),
            city: "Lisboa".into(),
            region: region.map(Into::into),
            postal_code: postal.into(),
            country: country.into(),
        }
    }

    fn check(a: &Address) -> Result<Address, Vec<(String, FieldIssue)>> {
        let mut p = Problems::default();
        let out = p.address("address", a);
        match p.finish() {
            Ok(()) => Ok(out.expect("valid")),
            Err(e) => Err(e.fields.into_iter().map(|f| (f.field, f.issue)).collect()),
        }
    }

    #[test]
    fn addresses_report_every_field_and_normalise() {
        let ok = check(&addr("pt", "1100148", None)).unwrap();
        assert_eq!(ok.postal_code, "1100-148");
        assert_eq!(ok.country, "PT");
        assert_eq!(ok.line2, None, "a blank second line is dropped");

        let mut a = addr("US", "941", None);
        a.name = " ".into();
        a.city = "x".repeat(MAX_ADDRESS_TEXT + 1);
        let err = check(&a).unwrap_err();
        assert_eq!(
            err,
            vec![
                ("address.name".into(), FieldIssue::Required),
                ("address.city".into(), FieldIssue::TooLong),
                ("address.postal_code".into(), FieldIssue::InvalidFormat),
                ("address.region".into(), FieldIssue::Required),
            ]
        );

        // Countries without rules: generic checks only.
        assert!(check(&addr("NL", "1012 JS", None)).is_ok());
        assert_eq!(
            check(&addr("Netherlands", "1012", None)).unwrap_err(),
            vec![("address.country".into(), FieldIssue::InvalidFormat)]
        );
        assert_eq!(
            check(&addr("", "1012", None)).unwrap_err(),
            vec![("address.country".into(), FieldIssue::Required)]
        );
    }
}

#[cfg(test)]
mod non_blank_tests {
    use super::NON_BLANK_PATTERN;

    /// The class lists exactly the characters Rust trims (`char::is_whitespace`).
    #[test]
    fn the_class_is_rusts_whitespace() {
        let inner = NON_BLANK_PATTERN
            .strip_prefix("[^")
            .and_then(|s| s.strip_suffix(']'))
            .unwrap();
        let code = |s: &str| u32::from_str_radix(s, 16).unwrap();
        let mut listed = Vec::new();
        let mut parts = inner.split("\\u").filter(|p| !p.is_empty());
        while let Some(part) = parts.next() {
            let (a, b) = match part.strip_suffix('-') {
                Some(a) => (code(a), code(parts.next().unwrap())),
                None => (code(part), code(part)),
            };
            listed.extend(a..=b);
        }
        let rust: Vec<u32> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .map(u32::from)
            .collect();
        assert_eq!(listed, rust);
    }
}
