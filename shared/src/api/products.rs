//! `/v1/admin/products/{external_id}`: the merchant's catalog, which exchanges offer variants
//! from and whose tags decide final sale.

use super::returns::ExchangeOption;
use serde::{Deserialize, Serialize};

/// Admin: a product of the store's catalog (exchanges offer its variants; tags decide final
/// sale).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductInput {
    /// Product title.
    pub title: String,
    /// Tags, e.g. `final-sale`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Variants (SKUs unique within the store).
    pub variants: Vec<ExchangeOption>,
}
