//! When the card shows and how: eligibility, token, the scales, language, floating layout.

use super::{calls, fake_api, fresh, mount_nps, puts, restore_fetch, sleep, until, window, TOKEN};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

#[wasm_bindgen_test]
async fn renders_nothing_and_takes_no_space_when_not_eligible() {
    fresh();
    fake_api(false);
    let m = mount_nps(&[("token", TOKEN)]);
    assert_eq!(m.host.get_bounding_client_rect().height(), 0.0, "deciding");
    assert!(
        until(2000, || calls()
            .iter()
            .any(|c| c["path"] == "/v1/surveys/nps/prompt"))
        .await
    );
    sleep(50).await;
    assert!(m.q("[part~=nps]").is_none(), "{}", m.text());
    assert_eq!(m.text(), "");
    assert_eq!(m.host.get_bounding_client_rect().height(), 0.0);
    let prompt = &calls()[0];
    assert_eq!(prompt["method"], "POST");
    assert_eq!(prompt["auth"], format!("Bearer {TOKEN}"));
    let visit = prompt["body"]["visit_id"].as_str().unwrap().to_owned();
    assert!(visit.len() >= 8);
    assert_eq!(
        window()
            .session_storage()
            .unwrap()
            .unwrap()
            .get_item("aftercare:visit")
            .unwrap()
            .as_deref(),
        Some(visit.as_str()),
        "the visit id is kept for the tab session"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn without_a_token_renders_nothing_and_reports_once() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[]);
    sleep(50).await;
    assert_eq!(m.text(), "");
    let errors = m.events("aftercare:error");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["code"], "unauthorized");
    m.handle
        .as_ref()
        .unwrap()
        .attribute_changed("locale", Some("es".into()));
    sleep(30).await;
    assert_eq!(m.events("aftercare:error").len(), 1, "once");
    assert!(calls().is_empty());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn nps_scale_is_one_native_radio_group() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN)]);
    m.wait_text("How likely are you to recommend").await;
    let legend = m.q("fieldset > legend").expect("legend");
    assert_eq!(
        legend.text_content().unwrap(),
        "How likely are you to recommend Aurora Outfitters to a friend?"
    );
    let radios = m.all("fieldset input[type=radio]");
    assert_eq!(radios.len(), 11);
    let name = radios[0].get_attribute("name").unwrap();
    assert!(radios
        .iter()
        .all(|r| r.get_attribute("name").as_deref() == Some(name.as_str())));
    let values: Vec<String> = radios
        .iter()
        .map(|r| r.get_attribute("value").unwrap())
        .collect();
    assert_eq!(values.first().map(String::as_str), Some("0"));
    assert_eq!(values.last().map(String::as_str), Some("10"));
    // End labels describe the end radios.
    let low = radios[0].get_attribute("aria-describedby").unwrap();
    let high = radios[10].get_attribute("aria-describedby").unwrap();
    assert_eq!(
        m.q(&format!("#{low}")).unwrap().text_content().unwrap(),
        "Not at all likely"
    );
    assert_eq!(
        m.q(&format!("#{high}")).unwrap().text_content().unwrap(),
        "Extremely likely"
    );
    // Visually buttons of 40 px (targets ≥ 24 px), one part per score.
    let score = m.all("[part=score]");
    assert_eq!(score.len(), 11);
    let r = radios[5].get_bounding_client_rect();
    assert!(
        r.height() >= 40.0 && r.width() >= 24.0,
        "{}x{}",
        r.width(),
        r.height()
    );
    assert!(m.q("[part~=dismiss]").is_some(), "Not now");
    assert!(m.text().contains("Not now"));
    assert_eq!(m.events("aftercare:ready").len(), 1);
    assert!(
        m.root.active_element().is_none(),
        "focus is not taken on appear"
    );

    // Choosing (as arrow keys do) keeps the very same radios: focus and the group survive,
    // across a change of category too.
    let seven: HtmlInputElement = radios[7].clone().unchecked_into();
    seven.focus().unwrap();
    m.choose(7);
    m.wait_text("What would make it a 10?").await;
    m.choose(2);
    m.wait_text("What went wrong?").await;
    let again = m.all("fieldset input[type=radio]");
    assert!(again[7].is_same_node(Some(&radios[7])));
    assert!(again[2].unchecked_ref::<HtmlInputElement>().checked());
    assert!(!seven.checked());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn csat_has_five_scores_and_its_own_follow_ups() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN), ("kind", "csat")]);
    m.wait_text("How satisfied are you").await;
    assert_eq!(m.all("fieldset input[type=radio]").len(), 5);
    assert!(m.text().contains("Very dissatisfied") && m.text().contains("Very satisfied"));
    assert_eq!(calls()[0]["path"], "/v1/surveys/csat/prompt");
    m.choose(2);
    assert!(m
        .wait_text("What went wrong?")
        .await
        .contains("Ask the store to contact me"));
    m.choose(3);
    m.wait_text("What could be better?").await;
    m.choose(5);
    let text = m.wait_text("What did you like?").await;
    assert!(text.contains("Write a review"), "{text}");
    assert!(
        until(2000, || puts()
            .last()
            .is_some_and(|p| p["body"]["score"] == 5))
        .await
    );
    assert!(puts().iter().all(|p| p["body"]["kind"] == "csat"));
    restore_fetch();
}

#[wasm_bindgen_test]
async fn spanish_texts() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN), ("locale", "es")]);
    let text = m.wait_text("Recomendarías").await;
    assert!(text.contains("Ahora no"), "{text}");
    assert_eq!(calls()[0]["query"], "?locale=es");
    m.choose(2);
    let text = m.wait_text("¿Qué ha salido mal?").await;
    assert!(text.contains("Quedan 2000 caracteres"), "{text}");
    assert!(
        text.contains("Pedir a la tienda que se ponga en contacto conmigo"),
        "{text}"
    );
    assert!(text.contains("Enviar"), "{text}");
    m.choose(9);
    m.wait_text("¿Qué es lo que más te ha gustado?").await;
    assert_eq!(
        m.q("[part~=nps]")
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Tu opinión")
    );
    m.click_text("Enviar");
    m.wait_text("Gracias: tu opinión nos ayuda a mejorar.")
        .await;
    restore_fetch();
}

#[wasm_bindgen_test]
async fn floating_card_has_a_close_button_escape_dismisses_and_fits_a_phone() {
    fresh();
    fake_api(true);
    let m = mount_nps(&[("token", TOKEN), ("layout", "floating")]);
    m.wait_text("How likely").await;
    let card = m.q("[part~=nps]").unwrap();
    assert!(card.class_list().contains("float"));
    let close = m.q("button[part=dismiss]").expect("close button");
    assert_eq!(close.get_attribute("aria-label").as_deref(), Some("Close"));
    // Fixed in a corner: the page does not move, focus is not taken.
    assert_eq!(m.host.get_bounding_client_rect().height(), 0.0);
    assert!(m.root.active_element().is_none());
    let r = card.get_bounding_client_rect();
    let (vw, vh) = (
        window().inner_width().unwrap().as_f64().unwrap(),
        window().inner_height().unwrap().as_f64().unwrap(),
    );
    assert!(
        r.width() <= 360.0 + 0.5 && r.right() <= vw && r.bottom() <= vh,
        "{r:?}"
    );
    assert!(r.height() < vh, "never covers the whole page");

    // Escape from inside the card dismisses it.
    let radio: HtmlElement = m.q("input[type=radio]").unwrap().unchecked_into();
    radio.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    radio
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    sleep(20).await;
    assert!(m.q("[part~=nps]").is_none());
    assert_eq!(m.events("aftercare:nps-dismissed").len(), 1);
    assert!(
        until(2000, || calls()
            .iter()
            .any(|c| c["path"] == "/v1/surveys/nps/dismissals"))
        .await
    );
    restore_fetch();
}
