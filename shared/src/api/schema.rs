//! The document's statements of rules that a field attribute cannot carry: a rule that depends
//! on another field (a rejection needs a note: one `oneOf` branch per decision), and texts
//! measured after trimming. Each statement repeats a rule of `validate()` or of the server's
//! checks exactly, so a body the document calls valid is accepted; the rules themselves stay
//! where they are.

use crate::validate::NON_BLANK_PATTERN;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::RefOr;

/// The characters `str::trim` removes (Rust's `char::is_whitespace`), as the inside of a
/// pattern's character class: [`NON_BLANK_PATTERN`] without its `[^` and `]`.
pub(crate) fn whitespace_class() -> &'static str {
    &NON_BLANK_PATTERN[2..NON_BLANK_PATTERN.len() - 1]
}

/// A pattern for text whose trimmed form (`str::trim`) has at most `max` characters; `blank_ok`
/// also admits text that trims to nothing (an optional note a blank one leaves out).
pub(crate) fn trimmed_pattern(max: usize, blank_ok: bool) -> String {
    let w = whitespace_class();
    let inner = match max {
        0 => String::new(),
        1 => NON_BLANK_PATTERN.to_owned(),
        _ => format!(
            r"{NON_BLANK_PATTERN}(?:[\s\S]{{0,{}}}{NON_BLANK_PATTERN})?",
            max - 2
        ),
    };
    if blank_ok || max == 0 {
        format!("^[{w}]*(?:{inner})?[{w}]*$")
    } else {
        format!("^[{w}]*{inner}[{w}]*$")
    }
}

/// A pattern for [`crate::OrderNumber::parse`]: spaces and `#`s before, spaces after, and 1–32
/// of `A–Z a–z 0–9 . _ -`.
pub(crate) fn order_number_pattern() -> String {
    let w = whitespace_class();
    format!("^[{w}]*#*[{w}]*[A-Za-z0-9._-]{{1,32}}[{w}]*$")
}

/// A string schema with `pattern` (and `description`), `null` too when `nullable`.
pub(crate) fn text(pattern: String, nullable: bool, description: &str) -> ObjectBuilder {
    let ty = if nullable {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::Type(Type::String)
    };
    ObjectBuilder::new()
        .schema_type(ty)
        .pattern(Some(pattern))
        .description(Some(description))
}

/// A string that must be `value` (the tag of one `oneOf` branch).
pub(crate) fn tag(value: &str, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some([value]))
        .description(Some(description))
}

/// A property the server refuses whenever it has a value: the document admits only `null`
/// (which the server reads as absent), and says why in the description.
pub(crate) fn refused(description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Null)
        .description(Some(description))
        .into()
}

/// A `oneOf` of two objects told apart by `field` (a string enum): `special` needs a `note`
/// that is not blank, every other value takes an optional one (blank is the same as none);
/// both count the note's characters after trimming, up to `max`.
fn note_rule(
    field: &str,
    field_schema: RefOr<Schema>,
    special: &str,
    max: usize,
    description: &str,
) -> RefOr<Schema> {
    use utoipa::openapi::schema::OneOfBuilder;
    let narrowed = |keep: &dyn Fn(&serde_json::Value) -> bool| -> RefOr<Schema> {
        let mut schema = field_schema.clone();
        if let RefOr::T(Schema::Object(o)) = &mut schema {
            if let Some(values) = &mut o.enum_values {
                values.retain(|v| keep(v));
            }
        }
        schema
    };
    let optional =
        format!("Shown to the shopper (blank is none); at most {max} characters once trimmed.");
    let required = format!(
        "Shown to the shopper, who learns why: not blank, at most {max} characters once trimmed."
    );
    OneOfBuilder::new()
        .description(Some(description))
        .item(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property(field, narrowed(&|v| *v != *special))
                .required(field)
                .property("note", text(trimmed_pattern(max, true), true, &optional)),
        )
        .item(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property(field, narrowed(&|v| *v == *special))
                .required(field)
                .property("note", text(trimmed_pattern(max, false), false, &required))
                .required("note"),
        )
        .into()
}

/// [`crate::api::DecisionInput::validate`]: rejecting needs a note.
impl utoipa::PartialSchema for crate::api::DecisionInput {
    fn schema() -> RefOr<Schema> {
        note_rule(
            "decision",
            <crate::api::Decision as utoipa::PartialSchema>::schema(),
            "reject",
            crate::api::MAX_REQUEST_TEXT,
            "Accept (a note is optional), or reject with a note saying why.",
        )
    }
}

impl utoipa::ToSchema for crate::api::DecisionInput {}

/// The server's check of a merchant's status change (`repo::returns::transition`): moving
/// to `rejected` needs a note. Whether the target is allowed from the current status is data
/// on the server (`409`), not the body's shape.
impl utoipa::PartialSchema for crate::api::ReturnStatusInput {
    fn schema() -> RefOr<Schema> {
        note_rule(
            "status",
            <crate::returns::ReturnStatus as utoipa::PartialSchema>::schema(),
            "rejected",
            crate::api::MAX_RETURN_NOTE,
            "The next status (allowed from the current one, else `409`), with a note shown to \
             the shopper: required to reject.",
        )
    }
}

impl utoipa::ToSchema for crate::api::ReturnStatusInput {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_patterns_spell_out_the_class() {
        let w = whitespace_class();
        let n = NON_BLANK_PATTERN;
        assert_eq!(
            trimmed_pattern(3, false),
            format!(r"^[{w}]*{n}(?:[\s\S]{{0,1}}{n})?[{w}]*$")
        );
        assert_eq!(trimmed_pattern(1, true), format!(r"^[{w}]*(?:{n})?[{w}]*$"));
    }
}
