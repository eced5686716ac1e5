//! `/v1/me/preferences` through the typed client: read the signed-in customer's communication
//! preferences and change one topic.

use super::wire::Method;
use super::{Client, ClientError};
use crate::api::{PreferenceChange, Preferences, Topic};

impl Client {
    /// `GET /v1/me/preferences`: every topic's setting (customer token only).
    pub async fn preferences(&self) -> Result<Preferences, ClientError> {
        self.call(Method::Get, "/v1/me/preferences", None::<&()>)
            .await
    }

    /// `PUT /v1/me/preferences/{topic}`: turn one topic on or off; answers every topic's
    /// setting after the change. Repeating it changes nothing more.
    pub async fn set_preference(
        &self,
        topic: Topic,
        enabled: bool,
    ) -> Result<Preferences, ClientError> {
        self.call(
            Method::Put,
            &format!("/v1/me/preferences/{}", topic.as_str()),
            Some(&PreferenceChange { enabled }),
        )
        .await
    }
}
