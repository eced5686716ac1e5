//! `/v1/me/profile` and `/v1/me/addresses` through the typed client: the customer's details
//! and address book. Every change answers the whole profile, so a page shows the new default.

use super::wire::Method;
use super::{Client, ClientError};
use crate::api::{AddressInput, Profile};

impl Client {
    /// `GET /v1/me/profile`: details and saved addresses (customer token only).
    pub async fn profile(&self) -> Result<Profile, ClientError> {
        self.call(Method::Get, "/v1/me/profile", None::<&()>).await
    }

    /// `POST /v1/me/addresses`: save a new address. `key` is the `Idempotency-Key`, kept with
    /// the form so a retry cannot save it twice.
    pub async fn add_address(
        &self,
        input: &AddressInput,
        key: &str,
    ) -> Result<Profile, ClientError> {
        self.call_keyed("/v1/me/addresses", input, key).await
    }

    /// `PUT /v1/me/addresses/{id}`: replace one address (or make it the default).
    pub async fn update_address(
        &self,
        id: i64,
        input: &AddressInput,
    ) -> Result<Profile, ClientError> {
        self.call(Method::Put, &format!("/v1/me/addresses/{id}"), Some(input))
            .await
    }

    /// `DELETE /v1/me/addresses/{id}`: remove one address (the next becomes the default).
    pub async fn remove_address(&self, id: i64) -> Result<Profile, ClientError> {
        self.call(
            Method::Delete,
            &format!("/v1/me/addresses/{id}"),
            None::<&()>,
        )
        .await
    }
}
