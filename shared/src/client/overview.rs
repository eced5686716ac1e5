//! `/v1/me/overview` through the typed client: what the account page shows first.

use super::wire::Method;
use super::{Client, ClientError};
use crate::api::AccountOverview;

impl Client {
    /// `GET /v1/me/overview`: what needs the signed-in customer, most urgent first.
    pub async fn overview(&self) -> Result<AccountOverview, ClientError> {
        self.call(Method::Get, "/v1/me/overview", None::<&()>).await
    }
}
