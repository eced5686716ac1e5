//! Offline and reloads: queued responses are flushed with the same id.

use super::{
    calls, fake_api, fresh, mount_nps, puts, restore_fetch, set_mode, sleep, storage, until,
    window, PENDING, TOKEN,
};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn offline_score_is_queued_without_credentials_and_flushed_with_the_same_id() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN), ("order", "1002")]);
    m.wait_text("How likely").await;
    set_mode("offline");
    m.choose(4);
    let text = m
        .wait_text("Saved on this device — we'll send it when you're back online")
        .await;
    assert!(text.contains("What went wrong?"), "{text}");
    let stored = storage().get_item(PENDING).unwrap().expect("queued");
    let entry: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(entry["score"], 4);
    let id = entry["id"].as_str().unwrap().to_owned();
    assert!(
        !stored.contains(TOKEN) && !stored.contains("tok_"),
        "{stored}"
    );
    assert!(
        !stored.contains('@') && !stored.contains("1002"),
        "{stored}"
    );
    assert!(
        m.events("aftercare:nps-submitted").is_empty(),
        "not saved yet"
    );

    // The draft is saved too (debounced) while typing.
    m.type_comment("Box was dented");
    assert!(
        until(2000, || storage()
            .get_item(PENDING)
            .unwrap()
            .is_some_and(|s| s.contains("Box was dented")))
        .await
    );

    // Back online: the same id goes out and the line disappears.
    set_mode("ok");
    window()
        .dispatch_event(&web_sys::Event::new("online").unwrap())
        .unwrap();
    assert!(until(3000, || !m.events("aftercare:nps-submitted").is_empty()).await);
    let ok = puts().into_iter().last().unwrap();
    assert_eq!(ok["path"], format!("/v1/survey-responses/{id}"));
    assert_eq!(ok["body"]["score"], 4);
    assert!(
        ok["body"]["comment"].is_null(),
        "a draft is not sent as the comment"
    );
    assert!(until(1000, || !m.text().contains("Saved on this device")).await);
    // The draft stays (the shopper may reload while writing); Send settles it.
    m.click_text("Send");
    m.wait_text("Thank you").await;
    assert!(puts()
        .iter()
        .all(|p| p["path"] == format!("/v1/survey-responses/{id}")));
    assert!(storage().get_item(PENDING).unwrap().is_none());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_reload_before_delivery_flushes_first_and_says_thank_you() {
    fresh();
    fake_api(true);
    storage()
        .set_item(
            PENDING,
            r#"{"id":"resp_reload_0001","kind":"nps","score":9,"contact":false,"done":false,"acked":false,"at":1}"#,
        )
        .unwrap();
    let m = mount_nps(&[("token", TOKEN)]);
    let text = m
        .wait_text("Thank you — your feedback helps us improve.")
        .await;
    assert!(text.contains("Thank you"), "{text}");
    let c = calls();
    assert_eq!(c[0]["method"], "PUT");
    assert_eq!(c[0]["path"], "/v1/survey-responses/resp_reload_0001");
    assert_eq!(c[0]["body"]["score"], 9);
    assert!(!c.iter().any(|c| c["path"] == "/v1/surveys/nps/prompt"));
    assert_eq!(
        m.events("aftercare:nps-submitted"),
        vec![json!({"kind": "nps", "score": 9, "category": "promoter"})]
    );
    assert!(storage().get_item(PENDING).unwrap().is_none());
    drop(m);

    // A draft written before a reload comes back in the follow-up (score already saved).
    fake_api(true);
    let now = js_sys::Date::now();
    storage()
        .set_item(
            PENDING,
            &format!(r#"{{"id":"resp_reload_0002","kind":"nps","score":5,"comment":"Half a thou","done":false,"acked":true,"at":{now}}}"#),
        )
        .unwrap();
    let m = mount_nps(&[("token", TOKEN)]);
    m.wait_text("What went wrong?").await;
    let ta = m.q("textarea").unwrap();
    assert_eq!(
        js_sys::Reflect::get(&ta, &"value".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("Half a thou"),
        "{}",
        m.text()
    );
    sleep(50).await;
    assert!(
        calls().is_empty(),
        "nothing to send, no new prompt: {:?}",
        calls()
    );
    m.type_comment("Half a thought, finished");
    m.click_text("Send");
    m.wait_text("Thank you").await;
    let p = &puts()[0];
    assert_eq!(p["path"], "/v1/survey-responses/resp_reload_0002");
    assert_eq!(p["body"]["comment"], "Half a thought, finished");
    restore_fetch();
}
