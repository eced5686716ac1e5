//! Reviews through the typed client: the customer's pending items, submitting (with a
//! caller-chosen idempotency key, so a reload cannot submit twice), editing and postponing;
//! a product's public reviews; and the store's moderation, replies and settings.

use super::wire::Method;
use super::{encode_component, Client, ClientError};
use crate::api::{
    AskInput, AsksRecorded, HelpfulInput, HelpfulVote, ModerationInput, Page, PendingReview,
    Postponed, ProductReviews, ReplyInput, Review, ReviewFilters, ReviewInput, ReviewLink,
    ReviewLinkInput, ReviewSettings, ReviewSettingsInput, ReviewSort,
};
use crate::review::ReviewStatus;
use crate::Locale;

impl Client {
    /// `GET /v1/me/reviews`: the customer's own reviews and where each one stands.
    pub async fn my_reviews(&self) -> Result<Vec<Review>, ClientError> {
        self.call(Method::Get, "/v1/me/reviews", None::<&()>).await
    }

    /// `GET /v1/me/reviews/pending`: delivered items waiting for the customer's review.
    pub async fn pending_reviews(&self) -> Result<Vec<PendingReview>, ClientError> {
        self.call(Method::Get, "/v1/me/reviews/pending", None::<&()>)
            .await
    }

    /// `POST /v1/reviews`: submit a review. `key` is the `Idempotency-Key`: keep it with the
    /// form, so a retry replays the first answer.
    pub async fn submit_review(
        &self,
        input: &ReviewInput,
        key: &str,
    ) -> Result<Review, ClientError> {
        self.call_keyed("/v1/reviews", input, key).await
    }

    /// `PUT /v1/reviews/{id}`: the author edits their review (it goes back to moderation).
    pub async fn edit_review(&self, id: i64, input: &ReviewInput) -> Result<Review, ClientError> {
        self.call(Method::Put, &format!("/v1/reviews/{id}"), Some(input))
            .await
    }

    /// `POST /v1/me/reviews/{sku}/postpone`: "not arrived yet", ask again in 7 days.
    pub async fn postpone_review(&self, sku: &str) -> Result<Postponed, ClientError> {
        let path = format!("/v1/me/reviews/{}/postpone", encode_component(sku));
        self.call(Method::Post, &path, None::<&()>).await
    }

    /// `POST /v1/me/reviews/asks`: the prompt was shown about these SKUs (so reminders and the
    /// customer's 30-day cap count it).
    pub async fn record_review_asks(&self, skus: &[String]) -> Result<AsksRecorded, ClientError> {
        let input = AskInput {
            skus: skus.to_vec(),
        };
        self.call(Method::Post, "/v1/me/reviews/asks", Some(&input))
            .await
    }

    /// `GET /v1/products/{sku}/reviews`: published reviews, filtered and sorted, one page,
    /// with the summary and the disclosure in `locale`.
    pub async fn product_reviews(
        &self,
        sku: &str,
        filters: ReviewFilters,
        sort: ReviewSort,
        locale: Locale,
        cursor: Option<&str>,
    ) -> Result<ProductReviews, ClientError> {
        let mut path = format!(
            "/v1/products/{}/reviews?sort={}&locale={}{}",
            encode_component(sku),
            sort.as_str(),
            locale.tag(),
            filters.query()
        );
        if let Some(c) = cursor {
            path.push_str(&format!("&cursor={}", encode_component(c)));
        }
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// `POST /v1/reviews/{id}/helpful`: "this helped me", once per browser (`voter`).
    pub async fn vote_helpful(&self, id: i64, voter: &str) -> Result<HelpfulVote, ClientError> {
        let input = HelpfulInput {
            voter: voter.to_owned(),
        };
        self.call(
            Method::Post,
            &format!("/v1/reviews/{id}/helpful"),
            Some(&input),
        )
        .await
    }

    /// Admin: `GET /v1/admin/reviews?status=…`: the moderation queue, oldest first.
    pub async fn admin_reviews(&self, status: ReviewStatus) -> Result<Page<Review>, ClientError> {
        let path = format!("/v1/admin/reviews?status={}", status.as_str());
        self.call(Method::Get, &path, None::<&()>).await
    }

    /// Admin: `POST /v1/admin/reviews/{id}/moderation`: approve, or reject with a reason.
    pub async fn moderate_review(
        &self,
        id: i64,
        input: &ModerationInput,
    ) -> Result<Review, ClientError> {
        let path = format!("/v1/admin/reviews/{id}/moderation");
        self.call(Method::Post, &path, Some(input)).await
    }

    /// Admin: `PUT /v1/admin/reviews/{id}/reply`: write or rewrite the public reply.
    pub async fn reply_to_review(
        &self,
        id: i64,
        input: &ReplyInput,
    ) -> Result<Review, ClientError> {
        let path = format!("/v1/admin/reviews/{id}/reply");
        self.call(Method::Put, &path, Some(input)).await
    }

    /// Admin: `DELETE /v1/admin/reviews/{id}/reply`: remove the public reply.
    pub async fn delete_review_reply(&self, id: i64) -> Result<Review, ClientError> {
        let path = format!("/v1/admin/reviews/{id}/reply");
        self.call(Method::Delete, &path, None::<&()>).await
    }

    /// Admin: `GET /v1/admin/reviews/settings`.
    pub async fn review_settings(&self) -> Result<ReviewSettings, ClientError> {
        self.call(Method::Get, "/v1/admin/reviews/settings", None::<&()>)
            .await
    }

    /// Admin: `PUT /v1/admin/reviews/settings` (rating-gated settings are refused with 422).
    pub async fn put_review_settings(
        &self,
        input: &ReviewSettingsInput,
    ) -> Result<ReviewSettings, ClientError> {
        self.call(Method::Put, "/v1/admin/reviews/settings", Some(input))
            .await
    }

    /// Admin: `POST /v1/admin/reviews/links`: a signed link for the store's own review email,
    /// opening only that order's reviews (`valid_days` 1–90, default 30).
    pub async fn create_review_link(
        &self,
        input: &ReviewLinkInput,
    ) -> Result<ReviewLink, ClientError> {
        self.call(Method::Post, "/v1/admin/reviews/links", Some(input))
            .await
    }
}
