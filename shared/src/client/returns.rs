//! Returns and exchanges through the typed client: the form's options, the server's
//! estimate, creating a return (with a caller-chosen idempotency key so a reload cannot make
//! a second one), its status page, cancelling, the EU withdrawal, and the merchant workflow.
//! Photos are uploaded by the widget itself (it needs upload progress, which `fetch` lacks).

use super::wire::Method;
use super::{encode_component, Client, ClientError};
use crate::api::{
    AdminReturn, Page, ReturnDetail, ReturnOptions, ReturnRequestInput, ReturnSettings,
    ReturnStatusInput, WithdrawalConfirmation, WithdrawalInput,
};
use crate::ids::OrderNumber;
use crate::locale::Locale;
use crate::returns::RefundEstimate;

fn order_path(number: &OrderNumber, rest: &str) -> String {
    format!("/v1/orders/{}/{rest}", encode_component(number.as_str()))
}

impl Client {
    /// `GET /v1/orders/{number}/returns/options?locale=xx`: every line with its eligibility,
    /// the store's reasons in `locale`, resolutions, methods, terms, withdrawal and past returns.
    pub async fn return_options(
        &self,
        number: &OrderNumber,
        locale: Locale,
    ) -> Result<ReturnOptions, ClientError> {
        let path = order_path(number, &format!("returns/options?locale={}", locale.tag()));
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// `POST /v1/orders/{number}/returns/estimate`: what the return would be worth, computed
    /// by the server with the store's rules (nothing is stored).
    pub async fn estimate_return(
        &self,
        number: &OrderNumber,
        input: &ReturnRequestInput,
    ) -> Result<RefundEstimate, ClientError> {
        self.call(
            Method::Post,
            &order_path(number, "returns/estimate"),
            Some(input),
        )
        .await
    }

    /// `POST /v1/orders/{number}/returns`: create the return. `key` is the request's
    /// `Idempotency-Key`: generate it once per draft and keep it with the draft, so a double
    /// click, a network retry or a reload after sending replays the first answer.
    pub async fn create_return(
        &self,
        number: &OrderNumber,
        input: &ReturnRequestInput,
        key: &str,
    ) -> Result<ReturnDetail, ClientError> {
        self.call_keyed(&order_path(number, "returns"), input, key)
            .await
    }

    /// `GET /v1/returns/{rma}?locale=xx`: the status page.
    pub async fn return_detail(
        &self,
        rma: &str,
        locale: Locale,
    ) -> Result<ReturnDetail, ClientError> {
        let path = format!(
            "/v1/returns/{}?locale={}",
            encode_component(rma),
            locale.tag()
        );
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// `POST /v1/returns/{rma}/cancel`: the shopper withdraws the return before it ships.
    pub async fn cancel_return(
        &self,
        rma: &str,
        locale: Locale,
    ) -> Result<ReturnDetail, ClientError> {
        let path = format!(
            "/v1/returns/{}/cancel?locale={}",
            encode_component(rma),
            locale.tag()
        );
        self.call(Method::Post, &path, Some(&())).await
    }

    /// `POST /v1/orders/{number}/withdrawals`: declare the EU withdrawal from the contract
    /// (after the shopper's explicit confirmation); the stored declaration comes back.
    pub async fn withdraw(
        &self,
        number: &OrderNumber,
        input: &WithdrawalInput,
    ) -> Result<WithdrawalConfirmation, ClientError> {
        self.call(
            Method::Post,
            &order_path(number, "withdrawals"),
            Some(input),
        )
        .await
    }

    /// Admin `GET /v1/admin/returns?status=…`: the store's returns, newest first.
    pub async fn admin_returns(
        &self,
        status: Option<&str>,
        cursor: Option<&str>,
    ) -> Result<Page<AdminReturn>, ClientError> {
        let mut q = Vec::new();
        if let Some(s) = status {
            q.push(format!("status={}", encode_component(s)));
        }
        if let Some(c) = cursor {
            q.push(format!("cursor={}", encode_component(c)));
        }
        let path = if q.is_empty() {
            "/v1/admin/returns".to_owned()
        } else {
            format!("/v1/admin/returns?{}", q.join("&"))
        };
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// Admin `POST /v1/admin/returns/{rma}/status`: approve, reject (with a note), mark in
    /// transit, received, refunded or exchanged; the shopper's history gains the step.
    pub async fn admin_set_return_status(
        &self,
        rma: &str,
        input: &ReturnStatusInput,
    ) -> Result<AdminReturn, ClientError> {
        let path = format!("/v1/admin/returns/{}/status", encode_component(rma));
        self.call(Method::Post, &path, Some(input)).await
    }

    /// Admin `PUT /v1/admin/returns/settings`: replace the store's return settings.
    pub async fn admin_put_return_settings(
        &self,
        settings: &ReturnSettings,
    ) -> Result<ReturnSettings, ClientError> {
        self.call(Method::Put, "/v1/admin/returns/settings", Some(settings))
            .await
    }
}
