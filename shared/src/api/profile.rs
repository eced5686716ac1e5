//! `/v1/me/profile` and `/v1/me/addresses`: who the customer is as the merchant's data holds
//! them, and the address book they keep for deliveries (offered when changing where an
//! unshipped order goes).

use crate::error::ApiError;
use crate::order::Address;
use crate::time::Timestamp;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// Most addresses one customer may keep.
pub const MAX_ADDRESSES: usize = 20;

/// `GET /v1/me/profile`: the customer's details (read-only: the merchant's system owns them)
/// and their saved addresses, the default first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    /// The merchant's customer id.
    pub customer: String,
    /// Name on the account, when the merchant's data has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email on the account (absent for a customer the store has no orders from yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone on the account, when the merchant's data has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Saved addresses, the default first, then newest first.
    pub addresses: Vec<SavedAddress>,
}

/// One address in the customer's book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedAddress {
    /// Stable id (`PUT`/`DELETE /v1/me/addresses/{id}`).
    pub id: i64,
    /// The address, normalised by the country's rules.
    pub address: Address,
    /// Offered first, and used when nothing else is chosen.
    pub is_default: bool,
    /// When it was saved or last changed.
    pub updated_at: Timestamp,
}

/// `POST /v1/me/addresses` and `PUT /v1/me/addresses/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressInput {
    /// The address (checked per country).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::address_schema::address_input))]
    pub address: Address,
    /// Make it the default (the first address saved is the default anyway).
    #[serde(default)]
    pub make_default: bool,
}

impl AddressInput {
    /// Every rule the address must meet, all at once; answers the address as it will be
    /// stored (trimmed, postal code and region normalised).
    pub fn validate(&self) -> Result<Address, ApiError> {
        let mut p = Problems::default();
        let address = p.address("address", &self.address);
        p.finish()?;
        Ok(address.expect("checked"))
    }
}
