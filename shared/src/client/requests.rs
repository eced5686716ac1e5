//! Cancellation and address-change requests through the typed client: the shopper asks (with a
//! caller-chosen idempotency key, so a reload cannot ask twice), the merchant lists and decides.

use super::wire::Method;
use super::{encode_component, Client, ClientError};
use crate::api::{AddressChangeInput, CancellationInput, DecisionInput, Page};
use crate::changes::{OrderRequest, RequestStatus};
use crate::ids::OrderNumber;

fn order_path(number: &OrderNumber, rest: &str) -> String {
    format!("/v1/orders/{}/{rest}", encode_component(number.as_str()))
}

impl Client {
    /// `POST /v1/orders/{number}/cancellation`: ask the store to cancel the order. `key` is the
    /// request's `Idempotency-Key`: keep it with the form, so a retry replays the first answer.
    pub async fn request_cancellation(
        &self,
        number: &OrderNumber,
        input: &CancellationInput,
        key: &str,
    ) -> Result<OrderRequest, ClientError> {
        self.call_keyed(&order_path(number, "cancellation"), input, key)
            .await
    }

    /// `POST /v1/orders/{number}/address-change`: ask the store to deliver the unshipped
    /// parcels elsewhere (same idempotency rule).
    pub async fn request_address_change(
        &self,
        number: &OrderNumber,
        input: &AddressChangeInput,
        key: &str,
    ) -> Result<OrderRequest, ClientError> {
        self.call_keyed(&order_path(number, "address-change"), input, key)
            .await
    }

    /// Admin: `GET /v1/admin/requests?status=…`: requests in one status, oldest first.
    pub async fn admin_requests(
        &self,
        status: RequestStatus,
    ) -> Result<Page<OrderRequest>, ClientError> {
        let path = format!("/v1/admin/requests?status={}", status.as_str());
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// Admin: `POST /v1/admin/requests/{id}/decision`: accept (cancel the order, or change
    /// its address) or reject with a note for the shopper.
    pub async fn decide_request(
        &self,
        id: i64,
        input: &DecisionInput,
    ) -> Result<OrderRequest, ClientError> {
        let path = format!("/v1/admin/requests/{id}/decision");
        self.call(Method::Post, &path, Some(input)).await
    }
}
