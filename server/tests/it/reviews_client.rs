//! Reviews through the typed client, as the widgets will call them: Ana's pending items, a
//! review submitted with a key, edited, moderated, answered and read on the product page;
//! a rating-gated setting refused with the API's error.

use crate::common;

use aftercare_shared::api::{
    ModerationAction, ModerationInput, ReplyInput, ReviewAttributes, ReviewFilters, ReviewInput,
    ReviewSettingsInput, ReviewSort,
};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::review::{Rating, ReviewStatus};
use aftercare_shared::Locale;
use common::*;

#[tokio::test]
async fn the_typed_client_covers_the_review_routes() {
    let t = setup().await;
    let base = t.spawn().await;
    let ana = Client::new(&base, PK)
        .with_retry(RetryPolicy::NONE)
        .with_token(&customer_token("cus_ana"));
    let admin = Client::admin(&base, SK).with_retry(RetryPolicy::NONE);

    let pending = ana.pending_reviews().await.unwrap();
    let item = pending.first().expect("Ana has delivered items to review");
    let mut input = ReviewInput {
        sku: item.sku.clone(),
        rating: Rating::new(3).unwrap(),
        title: "Does the job".into(),
        body: "Does what it says; nothing more, nothing less.".into(),
        attributes: ReviewAttributes::default(),
        display_name: "Ana L.".into(),
        photo_ids: Vec::new(),
    };
    let review = ana.submit_review(&input, "rv-client-1").await.unwrap();
    assert_eq!(review.status, ReviewStatus::Pending);
    let replay = ana.submit_review(&input, "rv-client-1").await.unwrap();
    assert_eq!(replay.id, review.id);
    input.rating = Rating::new(4).unwrap();
    let edited = ana.edit_review(review.id, &input).await.unwrap();
    assert_eq!(edited.rating.stars(), 4);
    assert_eq!(ana.my_reviews().await.unwrap()[0].id, review.id);

    let queue = admin.admin_reviews(ReviewStatus::Pending).await.unwrap();
    assert!(queue.items.iter().any(|r| r.id == review.id));
    let approve = ModerationInput {
        action: ModerationAction::Approve,
        reason: None,
    };
    admin.moderate_review(review.id, &approve).await.unwrap();
    let reply = ReplyInput {
        body: "Thank you, Ana!".into(),
    };
    admin.reply_to_review(review.id, &reply).await.unwrap();
    let page = ana
        .product_reviews(
            &item.sku,
            ReviewFilters {
                stars: Some(Rating::new(4).unwrap()),
                ..ReviewFilters::default()
            },
            ReviewSort::Newest,
            Locale::En,
            None,
        )
        .await
        .unwrap();
    let shown = page
        .reviews
        .items
        .iter()
        .find(|r| r.id == review.id)
        .unwrap();
    assert_eq!(shown.reply.as_ref().unwrap().body, "Thank you, Ana!");
    let cleared = admin.delete_review_reply(review.id).await.unwrap();
    assert!(cleared.reply.is_none());
    let later = ana
        .postpone_review(&pending.last().unwrap().sku)
        .await
        .unwrap();
    assert!(later.until.utc_ms > aftercare_server::now_ms());

    let mut gated = ReviewSettingsInput {
        settings: admin.review_settings().await.unwrap(),
        auto_publish_min_rating: Some(4),
        reward_min_rating: None,
    };
    gated.settings.auto_publish = true;
    match admin.put_review_settings(&gated).await {
        Err(ClientError::Api { status: 422, error }) => {
            assert_eq!(error.fields[0].field, "auto_publish_min_rating");
        }
        other => panic!("{other:?}"),
    }
    gated.auto_publish_min_rating = None;
    let saved = admin.put_review_settings(&gated).await.unwrap();
    assert!(saved.auto_publish);
}
