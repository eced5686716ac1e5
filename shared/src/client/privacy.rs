//! `/v1/me/data`, `/v1/me/data/exports` and `/v1/me/erasure` through the typed client: the
//! customer's data as one file (with its "ready" email), and erasing it.

use super::wire::Method;
use super::{transport, Client, ClientError};
use crate::api::{DataExport, ErasureInput, ErasureReceipt};

impl Client {
    /// `GET /v1/me/data`: everything held about the signed-in customer.
    pub async fn export_data(&self) -> Result<DataExport, ClientError> {
        self.call(Method::Get, "/v1/me/data", None::<&()>).await
    }

    /// `POST /v1/me/data/exports` as the server wrote it, for saving as a file, with its
    /// decoded form (so a body that is not an export fails here, not in the shopper's file).
    /// The server also emails the customer a link to it ("your data is ready").
    pub async fn export_data_file(&self) -> Result<(DataExport, String), ClientError> {
        let raw = self
            .exchange(Method::Post, "/v1/me/data/exports", None, None, None)
            .await?;
        let data = transport::from_json(&raw.body).map_err(ClientError::Decode)?;
        Ok((data, raw.body))
    }

    /// `POST /v1/me/erasure`: erase the customer's personal data (irreversible; `confirm` must
    /// be [`crate::api::ERASURE_CONFIRMATION`]).
    pub async fn erase_data(&self, confirm: &str) -> Result<ErasureReceipt, ClientError> {
        let input = ErasureInput {
            confirm: confirm.to_owned(),
        };
        self.call(Method::Post, "/v1/me/erasure", Some(&input))
            .await
    }
}
