//! `/v1/admin/products/{external_id}`: the merchant's catalog, which exchanges offer variants
//! from and whose tags decide final sale.

use super::returns::ExchangeOption;
use crate::error::{ApiError, FieldIssue};
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// Longest product id in the path, title, variant SKU or label, and tag.
const MAX_ID: usize = 100;
const MAX_TITLE: usize = 200;
const MAX_TAG: usize = 60;
/// Most variants one product lists.
pub const MAX_VARIANTS: usize = 200;

/// Admin: a product of the store's catalog (exchanges offer its variants; tags decide final
/// sale).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductInput {
    /// Product title.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
            max_length = 200
        )
    )]
    pub title: String,
    /// Tags, e.g. `final-sale`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = tags_schema))]
    pub tags: Vec<String>,
    /// Variants (SKUs unique within the store).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub variants: Vec<ExchangeOption>,
}

/// Each tag is a non-blank text of at most 60 characters.
#[cfg(feature = "openapi")]
fn tags_schema() -> utoipa::openapi::schema::Array {
    super::non_blank_texts(MAX_TAG, None)
}

impl ProductInput {
    /// Every rule a catalog product must meet, with the path's `external_id`, all problems at
    /// once (the server runs it on `PUT /v1/admin/products/{external_id}`).
    pub fn validate(&self, external_id: &str) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.text("external_id", external_id, MAX_ID);
        p.text("title", &self.title, MAX_TITLE);
        if self.variants.is_empty() {
            p.add("variants", FieldIssue::Required);
        }
        if self.variants.len() > MAX_VARIANTS {
            p.add("variants", FieldIssue::TooLong);
        }
        let mut seen = std::collections::HashSet::new();
        for (i, v) in self.variants.iter().enumerate() {
            p.text(format!("variants[{i}].sku"), &v.sku, MAX_ID);
            p.text(format!("variants[{i}].label"), &v.label, MAX_ID);
            if !seen.insert(v.sku.trim()) {
                p.add(format!("variants[{i}].sku"), FieldIssue::Duplicate);
            }
        }
        for (i, t) in self.tags.iter().enumerate() {
            p.text(format!("tags[{i}]"), t, MAX_TAG);
        }
        p.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_named() {
        let variant = |sku: &str| ExchangeOption {
            sku: sku.into(),
            label: "Blue / M".into(),
            available: true,
        };
        let product = ProductInput {
            title: " ".into(),
            tags: vec![String::new()],
            variants: vec![variant("TEE-M"), variant(" TEE-M ")],
        };
        let err = product.validate("").unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            ["external_id", "title", "variants[1].sku", "tags[0]"]
        );
        let ok = ProductInput {
            title: "Tee".into(),
            tags: vec!["final-sale".into()],
            variants: vec![variant("TEE-M")],
        };
        assert!(ok.validate("tee").is_ok());
    }
}
