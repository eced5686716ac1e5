//! `/v1/admin/orders/{number}/shipments` and `/v1/admin/shipments/{id}/events` through the
//! typed client: the merchant (or a carrier integration) pushes parcels and checkpoints.

use super::wire::Method;
use super::{encode_component, Client, ClientError};
use crate::api::{IngestResult, ShipmentInput, TrackingEventBatch};
use crate::ids::OrderNumber;
use crate::order::Shipment;

impl Client {
    /// Admin `POST /v1/admin/orders/{number}/shipments`: add a parcel.
    pub async fn admin_add_shipment(
        &self,
        number: &OrderNumber,
        shipment: &ShipmentInput,
    ) -> Result<Shipment, ClientError> {
        self.call(
            Method::Post,
            &format!(
                "/v1/admin/orders/{}/shipments",
                encode_component(number.as_str())
            ),
            Some(shipment),
        )
        .await
    }

    /// Admin `POST /v1/admin/shipments/{id}/events`: ingest checkpoints (duplicates dropped).
    pub async fn admin_add_events(
        &self,
        shipment_id: i64,
        batch: &TrackingEventBatch,
    ) -> Result<IngestResult, ClientError> {
        self.call(
            Method::Post,
            &format!("/v1/admin/shipments/{shipment_id}/events"),
            Some(batch),
        )
        .await
    }
}
