//! Request and response bodies of the `/v1` API, shared by server, client and widgets.
//!
//! One module per resource, as the REST routes group them; every type is re-exported here, so
//! `api::X` names it whichever module it lives in.

mod branding;
mod emails;
mod engagement;
mod insights;
mod orders;
mod overview;
mod preferences;
mod privacy;
mod products;
mod profile;
mod requests;
mod returns;
mod reviews;
#[cfg(feature = "openapi")]
pub(crate) mod schema;
mod shipments;
mod store;
mod surveys;

pub use branding::*;
pub use emails::*;
pub use engagement::*;
pub use insights::*;
pub use orders::*;
pub use overview::*;
pub use preferences::*;
pub use privacy::*;
pub use products::*;
pub use profile::*;
pub use requests::*;
pub use returns::*;
pub use reviews::*;
pub use shipments::*;
pub use store::*;
pub use surveys::*;

use serde::{Deserialize, Serialize};

/// Header carrying the store's publishable key on public routes.
pub const KEY_HEADER: &str = "aftercare-key";
/// Header naming a POST's idempotency key.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";
/// Longest `Idempotency-Key` the server keeps (a UUID needs 36).
pub const IDEMPOTENCY_KEY_MAX: usize = 255;

/// Whether `key` can be an `Idempotency-Key`: 1 to [`IDEMPOTENCY_KEY_MAX`] visible ASCII
/// characters, no spaces. One rule for the server that refuses others, the document that
/// states it, and the client that makes keys.
pub fn is_idempotency_key(key: &[u8]) -> bool {
    !key.is_empty()
        && key.len() <= IDEMPOTENCY_KEY_MAX
        && key.iter().all(|c| (0x21..=0x7e).contains(c))
}

/// Response header set when a stored response is replayed for a repeated idempotency key.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// The document's name for one non-blank text of at most 500 characters (the rule of
/// [`crate::validate::Problems::text`] with [`crate::validate::MAX_TEXT`]), so a list of them
/// (`AskInput::skus`) can state it for each item.
#[cfg(feature = "openapi")]
pub struct NonEmptyText500(pub String);

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for NonEmptyText500 {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .max_length(Some(crate::validate::MAX_TEXT))
            .pattern(Some(crate::validate::NON_BLANK_PATTERN))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for NonEmptyText500 {}

/// The schema of a list of non-blank texts of at most `max_len` characters each (what
/// [`crate::validate::Problems::text`] checks per item), for fields such as a product's tags
/// whose items a field attribute cannot describe.
#[cfg(feature = "openapi")]
pub fn non_blank_texts(max_len: usize, max_items: Option<usize>) -> utoipa::openapi::schema::Array {
    let item = utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .max_length(Some(max_len))
        .pattern(Some(crate::validate::NON_BLANK_PATTERN));
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(item)
        .max_items(max_items)
        .build()
}

/// The schema of a flag that must be `true` (an explicit confirmation, such as the EU
/// withdrawal's second step): `false` is refused, so the document says `const: true`.
#[cfg(feature = "openapi")]
pub fn must_be_true() -> utoipa::openapi::schema::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::Boolean)
        .enum_values(Some([true]))
        .build()
}

/// A page of a cursor-paginated list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// Items on this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// How many items match across all pages, for lists that say "Showing 10 of 37" (absent
    /// where a list does not count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}
