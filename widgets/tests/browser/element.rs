//! The `aftercare-tracking` custom element: attributes, lookup form, errors, live refresh, layout.

use super::{
    fake, fake_api, fixtures, mount_element, new_div, set_fake, shadow_text, sleep, text_of, texts,
    tick, wait_for,
};
use aftercare_shared::tracking::{ExceptionReason, NextStep, TrackingStatus};
use aftercare_widgets::mount;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

#[wasm_bindgen_test]
async fn element_attributes_rerender_and_unmount_cleans_up() {
    let (m, handle) = mount_element(&[("order", "1002"), ("locale", "en")]);
    tick().await;
    assert!(
        shadow_text(&m).contains("Track your order"),
        "{}",
        shadow_text(&m)
    );
    assert_eq!(m.root.adopted_style_sheets().length(), 2);
    let input: HtmlInputElement = m
        .root
        .query_selector("input[name=order]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "1002");
    assert_eq!(
        m.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == "aftercare:ready")
            .count(),
        1,
        "ready fires once, composed, reaching document"
    );

    handle.attribute_changed("locale", Some("es-MX".into()));
    tick().await;
    assert!(
        shadow_text(&m).contains("Sigue tu pedido"),
        "{}",
        shadow_text(&m)
    );
    assert_eq!(input.value(), "1002", "the form survives a language change");
    handle.attribute_changed("order", Some("A-7".into()));
    tick().await;
    assert_eq!(input.value(), "A-7");

    handle.unmount();
    assert!(m.root.query_selector("form").unwrap().is_none());
    assert_eq!(m.root.child_nodes().length(), 0);
    m.host.remove();
}

#[wasm_bindgen_test]
async fn lookup_form_shows_field_errors_for_bad_input() {
    let (m, handle) = mount_element(&[]);
    tick().await;
    let email: HtmlInputElement = m
        .root
        .query_selector("input[name=email]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    email.set_value("not-an-email");
    let ev = web_sys::Event::new("input").unwrap();
    email.dispatch_event(&ev).unwrap();
    let form: web_sys::HtmlFormElement = m
        .root
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    tick().await;

    let errors = texts(
        &m.root.query_selector("form").unwrap().unwrap(),
        ".field-error",
    );
    assert_eq!(
        errors,
        vec![
            "Enter your order number.".to_string(),
            "Enter an email address like name@example.com.".to_string()
        ]
    );
    let order: HtmlInputElement = m
        .root
        .query_selector("input[name=order]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(order.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = order.get_attribute("aria-describedby").unwrap();
    assert!(
        m.root.get_element_by_id(&described).is_some(),
        "error is linked to its field"
    );
    assert_eq!(
        m.root.active_element().map(|e| e.get_attribute("name")),
        Some(Some("order".into())),
        "focus moves to the first invalid field"
    );
    assert!(m
        .events
        .borrow()
        .iter()
        .any(|(n, d)| n == "aftercare:lookup-failed" && d.contains("validation_failed")));

    // Fixing one field clears its error on the next submit and keeps the other.
    order.set_value("#1002");
    order
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    form.request_submit().unwrap();
    tick().await;
    let errors = texts(
        &m.root.query_selector("form").unwrap().unwrap(),
        ".field-error",
    );
    assert_eq!(
        errors,
        vec!["Enter an email address like name@example.com.".to_string()]
    );

    handle.unmount();
    m.host.remove();
}

#[wasm_bindgen_test]
fn unknown_tag_is_a_clear_error() {
    let host = new_div();
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let err = mount(host, root, "aftercare-nope", "pk", "http://x")
        .err()
        .unwrap();
    let msg = js_sys::Error::from(err).message().as_string().unwrap();
    assert!(msg.contains("unknown element <aftercare-nope>"), "{msg}");
}

#[wasm_bindgen_test]
async fn unreachable_api_offers_try_again_and_reports_an_error_event() {
    let (m, handle) = mount_element(&[("order", "1002"), ("email", "ana@example.com")]);
    tick().await;
    let form: web_sys::HtmlFormElement = m
        .root
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    // Port 9 refuses connections: the lookup (sent without retries) fails fast.
    let mut text = String::new();
    for _ in 0..100 {
        tick().await;
        text = shadow_text(&m);
        if text.contains("Try again") {
            break;
        }
    }
    assert!(
        text.contains("We couldn't reach the order tracking service"),
        "{text}"
    );
    let alert = m.root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("couldn't reach"));
    assert!(m
        .events
        .borrow()
        .iter()
        .any(|(n, d)| n == "aftercare:error" && d.contains("network_error")));
    handle.unmount();
    m.host.remove();
}

#[wasm_bindgen_test]
async fn live_refresh_updates_in_place_and_stops_on_unmount() {
    fake_api(&fixtures::long_history(5));
    let (m, handle) = mount_element(&[("token", "tok"), ("order", "1006"), ("refresh", "2")]);
    let text = wait_for(&m, "Need help with your delivery?", 3000).await;
    assert!(text.contains("Order 1006"), "{text}");
    assert!(text.contains("Updated just now"), "{text}");
    assert_eq!(fake("calls").as_f64(), Some(1.0));

    // Open the full history and keep focus on the toggle.
    let more: HtmlElement = m
        .root
        .query_selector("button[aria-controls]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    more.focus().unwrap();
    more.click();
    tick().await;
    assert_eq!(text_of(&more), "Show fewer updates");

    // Unchanged: a 304 changes nothing. Changed: new data in place, state kept.
    sleep(2300).await;
    assert_eq!(fake("calls").as_f64(), Some(2.0), "one poll per interval");
    let mut next = fixtures::long_history(6);
    next.shipments[0].events[5].description = "Out with the courier today".into();
    set_fake("body", &serde_json::to_string(&next).unwrap().into());
    set_fake("etag", &"\"v2\"".into());
    let text = wait_for(&m, "Out with the courier today", 3000).await;
    assert!(text.contains("Out with the courier today"), "{text}");
    let more = m
        .root
        .query_selector("button[aria-controls]")
        .unwrap()
        .unwrap();
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        m.root.active_element().map(|a| a.class_name()),
        Some("link more".into())
    );

    // A failed poll keeps the timeline and says so quietly.
    set_fake("mode", &"down".into());
    let text = wait_for(&m, "Couldn't refresh — retrying", 3000).await;
    assert!(text.contains("Couldn't refresh — retrying"), "{text}");
    assert!(text.contains("Out with the courier today"));
    assert!(m.root.query_selector("[role=alert]").unwrap().is_none());

    // Removal stops every timer: no request after unmount.
    handle.unmount();
    let calls = fake("calls").as_f64();
    sleep(2500).await;
    assert_eq!(fake("calls").as_f64(), calls, "no poll after unmount");
    m.host.remove();
    let real = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__realFetch".into()).unwrap();
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"fetch".into(), &real).unwrap();
}

#[wasm_bindgen_test]
async fn no_sideways_scroll_at_320px() {
    let mut order = fixtures::with_images(fixtures::one_parcel(
        TrackingStatus::Exception,
        Some(ExceptionReason::CustomsHold),
        NextStep::ContactCarrier,
    ));
    order.shipments[0].tracking_number = "JD014600006281234567JD014600006281234567".into();
    order.shipments[0].delayed = true;
    fake_api(&order);
    let (m, handle) = mount_element(&[("token", "tok"), ("order", "1006"), ("locale", "es")]);
    m.host
        .set_attribute("style", "display:block;width:320px")
        .unwrap();
    let text = wait_for(&m, "¿Necesitas ayuda con tu entrega?", 3000).await;
    assert!(
        text.contains("Tu paquete está retenido en la aduana"),
        "{text}"
    );
    let root = m.root.query_selector(".root").unwrap().unwrap();
    assert!(
        root.scroll_width() <= root.client_width(),
        "{} > {}",
        root.scroll_width(),
        root.client_width()
    );
    handle.unmount();
    m.host.remove();
    let real = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__realFetch".into()).unwrap();
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"fetch".into(), &real).unwrap();
}
