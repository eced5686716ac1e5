//! `/v1/orders` and `/v1/admin/orders` through the typed client: the guest lookup, the
//! customer's order list, one order (also conditionally, for live refresh) and the merchant's
//! order push.

use super::wire::Method;
use super::{encode_component, transport, Client, ClientError, Fetched};
use crate::api::{LookupRequest, OrderInput, OrderListQuery, OrderSession, Page};
use crate::ids::OrderNumber;
use crate::order::OrderFilter;
use crate::order::{Order, OrderSummary};

impl Client {
    /// `POST /v1/orders/lookup`: a guest proves order number + email and gets an order session.
    pub async fn lookup_order(&self, req: &LookupRequest) -> Result<OrderSession, ClientError> {
        self.call(Method::Post, "/v1/orders/lookup", Some(req))
            .await
    }

    /// `GET /v1/orders`: the logged-in customer's orders, newest first.
    pub async fn orders(&self, cursor: Option<&str>) -> Result<Page<OrderSummary>, ClientError> {
        self.orders_matching(&OrderListQuery {
            cursor: cursor.map(str::to_owned),
            ..OrderListQuery::default()
        })
        .await
    }

    /// `GET /v1/orders?status=…&q=…`: one page of the customer's orders under a filter and a
    /// search, newest first, with how many match in all.
    pub async fn orders_matching(
        &self,
        query: &OrderListQuery,
    ) -> Result<Page<OrderSummary>, ClientError> {
        let mut params = Vec::new();
        if query.status != OrderFilter::All {
            params.push(format!("status={}", query.status.as_str()));
        }
        if let Some(q) = query.search() {
            params.push(format!("q={}", encode_component(q)));
        }
        if let Some(c) = &query.cursor {
            params.push(format!("cursor={}", encode_component(c)));
        }
        if let Some(n) = query.limit {
            params.push(format!("limit={n}"));
        }
        let path = if params.is_empty() {
            "/v1/orders".to_owned()
        } else {
            format!("/v1/orders?{}", params.join("&"))
        };
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// `GET /v1/orders/{number}`: one order with its parcels and checkpoints.
    pub async fn order(&self, number: &OrderNumber) -> Result<Order, ClientError> {
        self.call(
            Method::Get,
            &format!("/v1/orders/{}", encode_component(number.as_str())),
            None::<&()>,
        )
        .await
    }

    /// `GET /v1/orders/{number}` only if it changed since `etag`: what live refresh polls, so an
    /// unchanged order costs a 304 with no body.
    pub async fn order_if_changed(
        &self,
        number: &OrderNumber,
        etag: Option<&str>,
    ) -> Result<Fetched<Order>, ClientError> {
        let raw = self
            .exchange(
                Method::Get,
                &format!("/v1/orders/{}", encode_component(number.as_str())),
                None,
                etag,
                None,
            )
            .await?;
        if raw.status == 304 {
            return Ok(Fetched::NotModified);
        }
        let value = transport::from_json(&raw.body).map_err(ClientError::Decode)?;
        Ok(Fetched::Changed {
            value,
            etag: raw.etag,
        })
    }

    /// Admin `PUT /v1/admin/orders/{number}`: create or replace an order.
    pub async fn admin_put_order(&self, order: &OrderInput) -> Result<Order, ClientError> {
        self.call(
            Method::Put,
            &format!(
                "/v1/admin/orders/{}",
                encode_component(order.order_number.trim())
            ),
            Some(order),
        )
        .await
    }
}
