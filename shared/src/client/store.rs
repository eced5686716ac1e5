//! `/v1/store` through the typed client: the store's public configuration, optionally with
//! its texts in the shopper's language.

use super::wire::Method;
use super::{Client, ClientError};
use crate::api::StoreConfig;
use crate::locale::Locale;

impl Client {
    /// `GET /v1/store`: the store's public configuration.
    pub async fn store_config(&self) -> Result<StoreConfig, ClientError> {
        self.call(Method::Get, "/v1/store", None::<&()>).await
    }

    /// `GET /v1/store?locale=xx`: the public configuration with its shopper-facing texts (the
    /// shipping FAQ) in `locale`, so a Spanish widget never shows English answers when the store
    /// has Spanish ones. [`Client::store_config`] stays for callers that need no texts.
    pub async fn store_config_for(&self, locale: Locale) -> Result<StoreConfig, ClientError> {
        self.call(
            Method::Get,
            &format!("/v1/store?locale={}", locale.tag()),
            None::<&()>,
        )
        .await
    }
}
