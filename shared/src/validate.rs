//! Validation rules, run by the server on every write and by widgets before sending.
//!
//! Every check reports all problems at once as [`FieldError`]s with JSON paths, so a form
//! can mark each bad field and a merchant's import log names each bad row. The rules are the
//! field checks of [`Problems`]; each API input type walks its own fields with them in its
//! `validate(&self)`, so this module needs nothing from the API types.

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

    /// Optional absolute http(s) URL.
    pub fn optional_url(&mut self, field: impl Into<String>, value: Option<&str>) {
        if let Some(v) = value {
            let field = field.into();
            if v.len() > 2048 {
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

    /// `Ok(())` when nothing was recorded, else a `validation_failed` error listing everything.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }
}

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
