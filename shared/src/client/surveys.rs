//! `/v1/surveys/…` through the typed client: whether to show a survey now, saving the
//! response under a client-generated id, and "Not now".

use super::wire::Method;
use super::{encode_component, Client, ClientError};
use crate::api::{
    SurveyDismissal, SurveyPrompt, SurveyPromptRequest, SurveyResponse, SurveyResponseInput,
};
use crate::locale::Locale;
use crate::survey::{Eligibility, SurveyKind};

impl Client {
    /// `POST /v1/surveys/{kind}/prompt?locale=xx`: may the survey be shown now? The server
    /// alone applies the store's recontact rules (and records the showing when it says yes), so
    /// a widget never decides on its own; the answer carries the store's question and scale
    /// labels in `locale`. Needs a customer token or order session ([`Client::with_token`]).
    pub async fn survey_prompt(
        &self,
        kind: SurveyKind,
        req: &SurveyPromptRequest,
        locale: Locale,
    ) -> Result<SurveyPrompt, ClientError> {
        self.call(
            Method::Post,
            &format!(
                "/v1/surveys/{}/prompt?locale={}",
                kind.as_str(),
                locale.tag()
            ),
            Some(req),
        )
        .await
    }

    /// `PUT /v1/survey-responses/{id}?locale=xx`: create (201) or update (200) the response
    /// with this client-generated id (8–64 of `A-Za-z0-9_-`). The widget saves the score as
    /// soon as it is chosen and sends the comment later to the same id; because the id names the
    /// response, a retry after a lost answer or a reload never stores a second one, so this PUT
    /// is retried on network errors, `429` and `503` exactly like a POST with an idempotency key.
    pub async fn put_survey_response(
        &self,
        id: &str,
        input: &SurveyResponseInput,
        locale: Locale,
    ) -> Result<SurveyResponse, ClientError> {
        self.call(
            Method::Put,
            &format!(
                "/v1/survey-responses/{}?locale={}",
                encode_component(id),
                locale.tag()
            ),
            Some(input),
        )
        .await
    }

    /// `POST /v1/surveys/{kind}/dismissals`: the shopper said "Not now". The answer is the
    /// eligibility after the dismissal (when the survey may come back), so the store's quiet
    /// period starts on the server, not in a cookie the shopper may clear.
    pub async fn dismiss_survey(
        &self,
        kind: SurveyKind,
        dismissal: &SurveyDismissal,
    ) -> Result<Eligibility, ClientError> {
        self.call(
            Method::Post,
            &format!("/v1/surveys/{}/dismissals", kind.as_str()),
            Some(dismissal),
        )
        .await
    }
}
