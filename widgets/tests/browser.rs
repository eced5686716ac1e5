//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner).
//! No network: the timeline is a pure view over an `Order`, and the guest form validates
//! locally before it would ever send.
#![cfg(target_arch = "wasm32")]

mod fixtures;

use aftercare_shared::Locale;
use aftercare_widgets::{mount, OrderTimeline};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn new_div() -> HtmlElement {
    let div: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Let effects and spawned tasks run (they are microtasks; a timeout runs after them).
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn timeline_renders_parcels_and_newest_first() {
    let div = new_div();
    let order = fixtures::two_parcels();
    let _h = mount_to(
        div.clone(),
        move || view! { <OrderTimeline order=order locale=Locale::En /> },
    );

    let text = div.text_content().unwrap();
    assert!(text.contains("Order 1006"), "{text}");
    assert!(text.contains("Part of your order is on its way"));
    assert!(text.contains("Parcel 1 of 2: Delivered"));
    assert!(text.contains("Parcel 2 of 2: In transit"));
    assert!(text.contains("1 item hasn't shipped yet"));
    assert!(text.contains("Leather Belt"));
    assert!(text.contains("White / S"));

    let parcels = div.query_selector_all("[part=parcel]").unwrap();
    assert_eq!(parcels.length(), 2);
    let second: web_sys::Element = parcels.item(1).unwrap().unchecked_into();
    let events = texts(&second, "[part=event]");
    assert_eq!(events.len(), 3);
    assert!(
        events[0].contains("In transit to the destination hub"),
        "{events:?}"
    );
    assert!(events[0].contains("Zaragoza, Aragón, ES"));
    assert!(events[1].contains("Accepted at the sorting centre"));
    assert!(events[2].contains("Carrier notified"));
    assert!(events[2].contains("Shipment information received"));
    assert!(events[2].contains("Madrid, ES"));

    // Times: machine-readable datetime plus the shopper's locale; the place's local time
    // only when its offset differs from the browser's.
    let time = second.query_selector("[part=event] time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-11-21T10:15:00+01:00")
    );
    assert!(time.text_content().unwrap().contains("2026"));
    let browser_offset =
        -js_sys::Date::new(&JsValue::from_f64(1_763_716_500_000.0)).get_timezone_offset();
    assert_eq!(
        events[0].contains("local time (UTC+1)"),
        browser_offset != 60.0,
        "{}",
        events[0]
    );

    // Stepper: current step by text + aria-current, not colour alone.
    let current = texts(&second, "[part=stepper] [aria-current=step]");
    assert_eq!(current, vec!["In transitNow".to_string()]);
    assert_eq!(texts(&second, "[part=stepper] li").len(), 5);

    // Tracking link opens safely in a new tab; no link without a URL.
    let first: web_sys::Element = parcels.item(0).unwrap().unchecked_into();
    let a = first.query_selector("a").unwrap().unwrap();
    assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
    assert!(a.get_attribute("rel").unwrap().contains("noopener"));
    assert!(second.query_selector("a").unwrap().is_none());
    assert!(second.text_content().unwrap().contains("SEUR7788123"));
}

#[wasm_bindgen_test]
fn order_without_parcels_says_preparing() {
    let div = new_div();
    let order = fixtures::processing();
    let _h = mount_to(
        div.clone(),
        move || view! { <OrderTimeline order=order locale=Locale::Es /> },
    );
    let text = div.text_content().unwrap();
    assert!(text.contains("Pedido 1003"), "{text}");
    assert!(text.contains("Estamos preparando tu pedido"));
    assert!(text.contains("4 artículos aún no se han enviado"));
    assert!(div.query_selector("[part=parcel]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn locale_signal_change_rerenders() {
    let div = new_div();
    let order = fixtures::two_parcels();
    let locale = RwSignal::new(Locale::En);
    let _h = mount_to(div.clone(), move || {
        view! { {move || view! { <OrderTimeline order=order.clone() locale=locale.get() /> }} }
    });
    assert!(div.text_content().unwrap().contains("Tracking history"));
    locale.set(Locale::Es);
    tick().await;
    let text = div.text_content().unwrap();
    assert!(text.contains("Historial de seguimiento"), "{text}");
    assert!(!text.contains("Tracking history"));
}

struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    events: Rc<RefCell<Vec<(String, String)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::CustomEvent)>>,
}

/// A host element with an open shadow root and the widget mounted the way the loader does it.
fn mount_element(attrs: &[(&str, &str)]) -> (Mounted, aftercare_widgets::ElementHandle) {
    let host = new_div();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut listeners = Vec::new();
    for name in [
        "aftercare:ready",
        "aftercare:lookup-failed",
        "aftercare:error",
    ] {
        let log = events.clone();
        let cb = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&e.detail())
                .unwrap()
                .as_string()
                .unwrap();
            log.borrow_mut().push((e.type_(), detail));
        });
        document()
            .add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())
            .unwrap();
        listeners.push(cb);
    }
    let handle = mount(
        host.clone(),
        root.clone(),
        "aftercare-tracking",
        "pk_test",
        "http://127.0.0.1:9",
    )
    .unwrap();
    (
        Mounted {
            host,
            root,
            events,
            _listeners: listeners,
        },
        handle,
    )
}

fn shadow_text(m: &Mounted) -> String {
    m.root.text_content().unwrap_or_default()
}

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
