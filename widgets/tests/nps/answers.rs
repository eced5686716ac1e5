//! Answering: scores saved at once, follow-ups by category, comments, "Not now".

use super::{
    calls, fake_api, fresh, mount_nps, puts, restore_fetch, sleep, storage, until, PENDING, TOKEN,
};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn detractor_saves_at_once_asks_to_contact_and_sends_the_comment_to_the_same_id() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN), ("order", "1002")]);
    m.wait_text("How likely").await;
    m.choose(3);
    let text = m.wait_text("What went wrong?").await;
    assert!(text.contains("Ask the store to contact me"), "{text}");
    assert!(text.contains("2000 characters left"), "{text}");
    assert!(!text.contains("Not now"), "dismiss only on the first step");
    assert!(until(2000, || !m.events("aftercare:nps-submitted").is_empty()).await);
    let put = &puts()[0];
    assert_eq!(put["body"]["score"], 3);
    assert_eq!(put["body"]["kind"], "nps");
    assert_eq!(put["body"]["order_number"], "1002");
    assert_eq!(put["body"]["wants_contact"], false);
    assert_eq!(put["query"], "?locale=en");
    let id = put["path"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert!((8..=64).contains(&id.len()), "{id}");
    assert_eq!(
        m.events("aftercare:nps-submitted")[0],
        json!({"kind": "nps", "score": 3, "category": "detractor"})
    );

    // Contact me: saved, and the store's channels are fetched only now.
    assert!(!calls().iter().any(|c| c["path"] == "/v1/store"));
    m.click("input[type=checkbox]");
    let text = m.wait_text("Email help@aurora.example").await;
    assert!(
        text.contains("The store will get in touch with you."),
        "{text}"
    );
    let mail = m.q("a[href^=mailto]").unwrap();
    assert_eq!(
        mail.get_attribute("href").as_deref(),
        Some("mailto:help@aurora.example")
    );
    assert!(
        until(2000, || puts()
            .iter()
            .any(|p| p["body"]["wants_contact"] == true))
        .await
    );

    m.type_comment("The parcel arrived late");
    let text = m.wait_text("1977 characters left").await;
    assert!(text.contains("1977 characters left"), "{text}");
    m.click_text("Send");
    let text = m
        .wait_text("Thank you — your feedback helps us improve.")
        .await;
    assert!(
        text.contains("Thank you — your feedback helps us improve."),
        "{text}"
    );
    let all = puts();
    let last = all.last().unwrap();
    assert!(all
        .iter()
        .all(|p| p["path"] == format!("/v1/survey-responses/{id}")));
    assert_eq!(last["body"]["comment"], "The parcel arrived late");
    assert_eq!(last["body"]["wants_contact"], true);
    assert_eq!(last["body"]["score"], 3);
    let saved = m.events("aftercare:nps-comment-saved");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0]["category"], "detractor");
    assert_eq!(
        m.events("aftercare:nps-submitted").len(),
        1,
        "score reported once"
    );
    assert!(
        storage().get_item(PENDING).unwrap().is_none(),
        "nothing left queued"
    );
    assert!(m.q("[part=thanks]").is_some());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn passive_and_promoter_follow_ups_and_review_invitation() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN), ("order", "1001")]);
    m.wait_text("How likely").await;
    m.choose(8);
    let text = m.wait_text("What would make it a 10?").await;
    assert!(!text.contains("Ask the store"), "{text}");
    assert!(!text.contains("Write a review"), "{text}");
    m.choose(10);
    let text = m.wait_text("What did you love?").await;
    assert!(
        text.contains("Glad you liked it! Would you review the products you bought?"),
        "{text}"
    );
    m.click_text("Write a review");
    let invited = m.events("aftercare:review-invited");
    assert_eq!(invited, vec![json!({"order_number": "1001"})]);
    // Same response id for every change of score; the last one wins.
    assert!(
        until(2000, || puts()
            .last()
            .is_some_and(|p| p["body"]["score"] == 10))
        .await
    );
    let ids: Vec<Value> = puts().iter().map(|p| p["path"].clone()).collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
    assert!(
        until(2000, || m
            .events("aftercare:nps-submitted")
            .iter()
            .any(|e| e["category"] == "promoter"))
        .await
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn not_now_posts_a_dismissal_and_the_card_disappears() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN)]);
    m.wait_text("How likely").await;
    m.click_text("Not now");
    sleep(20).await;
    assert_eq!(m.text(), "");
    assert_eq!(m.host.get_bounding_client_rect().height(), 0.0);
    assert_eq!(
        m.events("aftercare:nps-dismissed"),
        vec![json!({"kind": "nps"})]
    );
    assert!(
        until(2000, || calls()
            .iter()
            .any(|c| c["path"] == "/v1/surveys/nps/dismissals"))
        .await
    );
    let d = calls()
        .into_iter()
        .find(|c| c["path"] == "/v1/surveys/nps/dismissals")
        .unwrap();
    assert_eq!(d["method"], "POST");
    assert_eq!(d["body"]["visit_id"], calls()[0]["body"]["visit_id"]);
    assert!(d["key"].is_string(), "idempotency key on the POST");
    assert!(puts().is_empty());
    restore_fetch();
}
