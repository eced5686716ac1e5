//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner).
//! No network: the timeline is a pure view over an `Order`, and the guest form validates
//! locally before it would ever send.
#![cfg(target_arch = "wasm32")]

mod fixtures;

use aftercare_shared::tracking::Location;
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
fn carrier_text_is_shown_as_text_never_as_markup() {
    // The history is built as one escaped HTML string for speed: hostile carrier data must
    // come out as the same characters, with no element or attribute created from it.
    let div = new_div();
    let mut order = fixtures::two_parcels();
    // A long history too: its older checkpoints are built later, when "Show all" opens it.
    let long = fixtures::long_history(7).shipments.remove(0).events;
    order.shipments[0].events.extend(long);
    let total: usize = order.shipments.iter().map(|s| s.events.len()).sum();
    let hostile = "<img src=x onerror=\"window.__pwned=1\"> & 'quotes' </p><script>x</script>";
    for event in order.shipments.iter_mut().flat_map(|s| s.events.iter_mut()) {
        event.description = hostile.to_owned();
        event.location = Some(Location {
            city: Some("\"><b>Bold</b>".to_owned()),
            ..Location::default()
        });
    }
    let _h = mount_to(
        div.clone(),
        move || view! { <OrderTimeline order=order locale=Locale::En /> },
    );
    // Older checkpoints are built when a history is opened: open every one, so all are checked.
    let more = div.query_selector_all("button[data-act=more]").unwrap();
    for i in 0..more.length() {
        more.get(i).unwrap().unchecked_into::<HtmlElement>().click();
    }
    assert!(more.length() > 0);
    let events = div.query_selector_all("[part~=event]").unwrap();
    assert_eq!(events.length() as usize, total);
    for i in 0..events.length() {
        let event: web_sys::Element = events.get(i).unwrap().unchecked_into();
        let text = event.text_content().unwrap();
        assert!(text.contains(hostile), "{text}");
        assert!(text.contains("\"><b>Bold</b>"), "{text}");
        assert!(event.query_selector("img, script, b").unwrap().is_none());
    }
    assert!(js_sys::Reflect::get(&js_sys::global(), &"__pwned".into())
        .unwrap()
        .is_undefined());
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
    assert!(!text.contains("Tracking history"), "{text}");
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

// ---- The complete tracking capability: notices, banners, pickup, help, live refresh ----

use aftercare_shared::api::StoreConfig;
use aftercare_shared::order::Order;
use aftercare_shared::tracking::{ExceptionReason, NextStep, TrackingStatus};
use aftercare_widgets::i18n;

fn show(order: Order, locale: Locale, store: Option<StoreConfig>) -> HtmlElement {
    let div = new_div();
    let h = mount_to(div.clone(), move || {
        view! { <OrderTimeline order=order locale=locale store=store /> }
    });
    h.forget();
    div
}

fn set_attr(e: &web_sys::Element, k: &str, v: &str) {
    e.set_attribute(k, v).unwrap();
}

fn text_of(e: &web_sys::Element) -> String {
    e.text_content().unwrap_or_default()
}

fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", text_of(root)))
}

fn visible(root: &web_sys::Element, selector: &str) -> usize {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter(|i| {
            list.item(*i)
                .unwrap()
                .unchecked_into::<HtmlElement>()
                .offset_height()
                > 0
        })
        .count()
}

#[wasm_bindgen_test]
async fn long_history_collapses_and_keeps_its_state_across_updates() {
    let order = RwSignal::new(fixtures::long_history(7));
    let div = new_div();
    let h = mount_to(div.clone(), move || {
        view! { <OrderTimeline order=order locale=Locale::En /> }
    });
    assert_eq!(visible(&div, "[part=event]"), 3);
    // Only the latest are built until the shopper asks for the rest.
    assert_eq!(div.query_selector_all("[part=event]").unwrap().length(), 3);
    let events = texts(&div, "[part=event]");
    assert!(
        events[0].contains("Scan number 6"),
        "newest first: {events:?}"
    );
    let more = one(&div, "button[aria-controls]");
    assert_eq!(text_of(&more), "Show all 7 updates");
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let controls = more.get_attribute("aria-controls").unwrap();
    assert_eq!(
        div.query_selector(&format!("#{controls}"))
            .unwrap()
            .unwrap()
            .get_attribute("part")
            .as_deref(),
        Some("timeline")
    );

    let more: HtmlElement = more.unchecked_into();
    more.focus().unwrap();
    more.click();
    assert_eq!(visible(&div, "[part=event]"), 7);
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(text_of(&more), "Show fewer updates");

    // A live update rebuilds the parcel: still expanded, and focus is back on the toggle.
    let mut next = fixtures::long_history(8);
    next.shipments[0].events[7].description = "Arrived at the delivery office".into();
    order.set(next);
    tick().await;
    assert_eq!(visible(&div, "[part=event]"), 8);
    assert!(texts(&div, "[part=event]")[0].contains("Arrived at the delivery office"));
    let more = one(&div, "button[aria-controls]");
    assert_eq!(text_of(&more), "Show fewer updates");
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        document()
            .active_element()
            .and_then(|a| a.get_attribute("data-act")),
        Some("more".into()),
        "focus survives the refresh"
    );
    more.unchecked_ref::<HtmlElement>().click();
    assert_eq!(visible(&div, "[part=event]"), 3);
    assert_eq!(text_of(&more), "Show all 8 updates");
    // Closing hides the older checkpoints; they stay built.
    assert_eq!(div.query_selector_all("[part=event]").unwrap().length(), 8);
    more.unchecked_ref::<HtmlElement>().click();
    assert_eq!(visible(&div, "[part=event]"), 8);
    assert_eq!(div.query_selector_all("[part=event]").unwrap().length(), 8);
    drop(h);
}

#[wasm_bindgen_test]
fn revised_eta_says_was_and_now_in_both_languages() {
    let order = fixtures::revised_eta();
    let s = &order.shipments[0];
    let (was, now) = (s.eta_original.unwrap(), s.eta.unwrap());
    let en = show(order.clone(), Locale::En, None);
    let expected = format!(
        "Was {} — now {}",
        i18n::eta(Locale::En, &was),
        i18n::eta(Locale::En, &now)
    );
    assert!(
        expected.contains("Tue, Nov 24") && expected.contains("Thu, Nov 26"),
        "{expected}"
    );
    assert_eq!(text_of(&one(&en, ".was")), expected);
    let es = show(order, Locale::Es, None);
    assert_eq!(
        text_of(&one(&es, ".was")),
        format!(
            "Antes: {} — ahora: {}",
            i18n::eta(Locale::Es, &was),
            i18n::eta(Locale::Es, &now)
        )
    );
}

#[wasm_bindgen_test]
fn delay_notice_says_late_and_links_to_help() {
    let mut order = fixtures::one_parcel(TrackingStatus::InTransit, None, NextStep::Wait);
    order.shipments[0].delayed = true;
    let div = show(order, Locale::En, Some(fixtures::store()));
    let n = one(&div, "[part=notice]");
    assert_eq!(n.get_attribute("role").as_deref(), Some("status"));
    let text = text_of(&n);
    assert!(
        text.contains("Running late: the carrier's estimate has passed"),
        "{text}"
    );
    assert!(text.contains("Most late parcels arrive within a few days."));
    assert!(
        n.query_selector("[aria-hidden=true]").unwrap().is_some(),
        "icon, not colour alone"
    );

    // "Get help" moves focus to the help section's heading.
    let help = one(&n, "button[data-act=help]");
    assert_eq!(text_of(&help), "Get help");
    help.unchecked_into::<HtmlElement>().click();
    let focused = document().active_element().unwrap();
    assert_eq!(text_of(&focused), "Need help with your delivery?");
}

#[wasm_bindgen_test]
fn stall_notice_counts_days_and_offers_contacts() {
    let div = show(fixtures::stalled(), Locale::En, Some(fixtures::store()));
    let n = one(&div, "[part=notice]");
    let text = text_of(&n);
    assert!(
        text.contains("No update from the carrier for 4 days"),
        "{text}"
    );
    assert!(text.contains("Contact us and we'll sort it out."));
    assert_eq!(
        one(&n, "a[href^='mailto:']")
            .get_attribute("href")
            .as_deref(),
        Some("mailto:help@aurora.example")
    );
    assert_eq!(
        one(&n, "a[href^='tel:']").get_attribute("href").as_deref(),
        Some("tel:+34910000000")
    );
    // Without a store config: the same notice, no contacts and no help link.
    let bare = show(fixtures::stalled(), Locale::En, None);
    assert!(bare
        .query_selector("[part=notice] a, [data-act=help], [part=help]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn a_banner_per_reason_with_its_next_step() {
    use ExceptionReason::*;
    let cases = [
        (
            AddressIssue,
            NextStep::UpdateAddress,
            "There's a problem with the delivery address",
            "Check your delivery address with us.",
            "address problem",
        ),
        (
            CustomsHold,
            NextStep::ContactCarrier,
            "Your parcel is held at customs",
            "Contact SEUR to sort it out.",
            "held at customs",
        ),
        (
            Damaged,
            NextStep::ContactStore,
            "Your parcel was damaged in transit",
            "Contact us and we'll sort it out.",
            "damaged",
        ),
        (
            Lost,
            NextStep::ContactStore,
            "The carrier has lost your parcel",
            "Contact us and we'll sort it out.",
            "lost",
        ),
        (
            Delayed,
            NextStep::Wait,
            "Your parcel is delayed by weather or a carrier problem",
            "Nothing to do for now",
            "weather or carrier delay",
        ),
        (
            Refused,
            NextStep::ContactStore,
            "The delivery was refused",
            "Contact us and we'll sort it out.",
            "refused",
        ),
        (
            Other,
            NextStep::ContactStore,
            "The carrier reported a problem with your parcel",
            "Contact us and we'll sort it out.",
            "other problem",
        ),
    ];
    for (reason, next, title, step, words) in cases {
        let order = fixtures::one_parcel(TrackingStatus::Exception, Some(reason), next);
        let div = show(order, Locale::En, Some(fixtures::store()));
        let b = one(&div, "[part=notice]");
        assert_eq!(
            b.get_attribute("role").as_deref(),
            Some("alert"),
            "{reason:?}"
        );
        let text = text_of(&b);
        assert!(text.contains(title), "{reason:?}: {text}");
        assert!(text.contains(step), "{reason:?}: {text}");
        assert_eq!(
            text_of(&one(&div, "h3")),
            format!("Delivery problem: {words}")
        );
        match next {
            NextStep::ContactCarrier => {
                assert!(text.contains("Customs may need documents"), "{text}");
                let a = one(&b, "a[target=_blank]");
                assert!(text_of(&a).starts_with("Track with SEUR"));
            }
            NextStep::UpdateAddress | NextStep::ContactStore => {
                assert!(
                    b.query_selector("a[href^='mailto:']").unwrap().is_some(),
                    "{reason:?}"
                );
            }
            _ => {}
        }
        div.remove();
    }

    // The other statuses that need the shopper: failed attempt, return, long silence.
    let attempted = show(
        fixtures::one_parcel(
            TrackingStatus::AttemptedDelivery,
            None,
            NextStep::ArrangeRedelivery,
        ),
        Locale::En,
        None,
    );
    let b = one(&attempted, "[part=notice]");
    assert_eq!(b.get_attribute("role").as_deref(), Some("status"));
    assert!(text_of(&b).contains("The courier couldn't deliver your parcel"));
    assert!(text_of(&b)
        .contains("The courier will try again, or you can rearrange delivery with SEUR."));
    assert!(b
        .query_selector("a[href^='https://www.seur.com']")
        .unwrap()
        .is_some());

    let returned = show(
        fixtures::one_parcel(
            TrackingStatus::ReturnedToSender,
            Some(Refused),
            NextStep::ContactStore,
        ),
        Locale::En,
        None,
    );
    let text = text_of(&one(&returned, "[part=notice]"));
    assert!(
        text.contains("Your parcel is being returned to the store"),
        "{text}"
    );
    assert!(text.contains("Reason: refused"), "{text}");

    let expired = show(
        fixtures::one_parcel(TrackingStatus::Expired, None, NextStep::ContactStore),
        Locale::En,
        None,
    );
    assert!(text_of(&one(&expired, "[part=notice]"))
        .contains("We haven't had tracking updates for a long time"));
}

#[wasm_bindgen_test]
fn spanish_banner_names_reason_and_step() {
    let order = fixtures::one_parcel(
        TrackingStatus::Exception,
        Some(ExceptionReason::CustomsHold),
        NextStep::ContactCarrier,
    );
    let div = show(order, Locale::Es, Some(fixtures::store()));
    let text = text_of(&one(&div, "[part=notice]"));
    assert!(
        text.contains("Tu paquete está retenido en la aduana"),
        "{text}"
    );
    assert!(
        text.contains("Contacta con SEUR para resolverlo."),
        "{text}"
    );
    assert!(text.contains("Seguir en SEUR"), "{text}");
    assert_eq!(
        text_of(&one(&div, "h3")),
        "Incidencia en la entrega: retenido en aduana"
    );
    assert_eq!(text_of(&one(&div, "[data-act=help]")), "Obtener ayuda");
    assert_eq!(
        text_of(&one(&div, "[part=help] h3")),
        "¿Necesitas ayuda con tu entrega?"
    );
}

#[wasm_bindgen_test]
fn pickup_point_block_shows_where_and_by_when() {
    let div = show(fixtures::pickup(), Locale::En, None);
    let p = one(&div, "[part=pickup]");
    let text = text_of(&p);
    assert!(text.starts_with("Pickup point"), "{text}");
    assert!(text.contains("Kiosko Sol"));
    assert!(text.contains("Calle Mayor 5, 28013 Madrid, ES"), "{text}");
    assert!(text.contains("Opening hours"));
    assert_eq!(
        texts(&p, ".hours li"),
        vec!["Mon–Fri 09:00–20:00", "Sat 10:00–14:00"]
    );
    let due = one(&p, ".due time");
    assert!(
        text_of(&due).starts_with("Collect by "),
        "{}",
        text_of(&due)
    );
    assert!(text_of(&due).contains("Nov 28"));
    assert!(
        div.query_selector("[part=notice]").unwrap().is_none(),
        "pickup is not a problem"
    );
}

#[wasm_bindgen_test]
async fn ships_in_packages_with_item_images_and_copy_button() {
    let div = show(
        fixtures::with_images(fixtures::two_parcels()),
        Locale::En,
        None,
    );
    assert!(text_of(&div).contains("Your order ships in 2 packages"));
    let unshipped = one(&div, ".unshipped");
    assert!(text_of(&unshipped).contains("1 item hasn't shipped yet"));
    let img = one(&unshipped, "img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Leather Belt"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("56"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("56"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    // A broken picture is hidden; its tile keeps the row's size. (Lazy images below the fold
    // never load in the test page: load this one now.)
    set_attr(&one(&div, "img[alt='Linen Shirt']"), "loading", "eager");
    for _ in 0..50 {
        tick().await;
        if one(&div, "img[alt='Linen Shirt']").has_attribute("hidden") {
            break;
        }
    }
    assert!(one(&div, "img[alt='Linen Shirt']").has_attribute("hidden"));
    // Copy button (secure context: localhost) with a live region for "Copied".
    let copy = one(&div, "[part=copy]");
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy tracking number")
    );
    assert_eq!(text_of(&copy), "Copy");
    assert_eq!(
        copy.next_element_sibling()
            .unwrap()
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
    copy.unchecked_ref::<HtmlElement>().click();
    let live = copy.next_element_sibling().unwrap();
    for _ in 0..50 {
        tick().await;
        if !text_of(&live).is_empty() {
            break;
        }
    }
    // Headless Chromium may refuse clipboard access without a user gesture: either outcome is said.
    let said = text_of(&live);
    assert!(
        said == "Copied" || said == "Couldn't copy: select the number and copy it.",
        "{said}"
    );
    // Single parcel: no "ships in" sentence.
    let single = show(fixtures::revised_eta(), Locale::En, None);
    assert!(!text_of(&single).contains("ships in"));
}

#[wasm_bindgen_test]
fn help_section_lists_faq_and_contacts() {
    let div = show(fixtures::two_parcels(), Locale::En, Some(fixtures::store()));
    let help = one(&div, "[part=help]");
    assert_eq!(text_of(&one(&help, "h3")), "Need help with your delivery?");
    assert_eq!(
        texts(&help, "details summary"),
        vec!["When will my order arrive?", "What if I'm not home?"]
    );
    assert!(text_of(&help).contains("The courier leaves a note and tries again."));
    assert_eq!(
        text_of(&one(&help, "a[href^='mailto:']")),
        "Email help@aurora.example"
    );
    assert_eq!(
        text_of(&one(&help, "a[href^='tel:']")),
        "Call +34 910 000 000"
    );
    let chat = one(&help, "a[href='https://aurora.example/help']");
    assert!(text_of(&chat).starts_with("Chat with us"));
    // No notices for a parcel moving normally: nothing links here, but the section is there.
    assert!(div.query_selector("[part=notice]").unwrap().is_none());
}

/// Replace `window.fetch` with a scripted API: the order (with an ETag, 304 when unchanged),
/// the store config, or 503 while `mode` is "down". Calls to the order are counted.
fn fake_api(order: &Order) {
    let setup = js_sys::Function::new_with_args(
        "order, store",
        r#"
        const st = window.__ac = { calls: 0, mode: "ok", etag: '"v1"', body: order, store };
        window.__realFetch = window.__realFetch || window.fetch;
        window.fetch = (req) => {
            const json = (body, status, etag) => Promise.resolve(new Response(body, { status,
                headers: Object.assign({ "content-type": "application/json" }, etag ? { etag } : {}) }));
            if (req.url.includes("/v1/store")) return json(st.store, 200);
            st.calls++;
            if (st.mode === "down") return json('{"code":"unavailable","message":"down"}', 503);
            if (req.headers.get("if-none-match") === st.etag) return Promise.resolve(new Response(null, { status: 304 }));
            return json(st.body, 200, st.etag);
        };
        "#,
    );
    setup
        .call2(
            &JsValue::NULL,
            &serde_json::to_string(order).unwrap().into(),
            &serde_json::to_string(&fixtures::store()).unwrap().into(),
        )
        .unwrap();
}

fn fake(field: &str) -> JsValue {
    let st = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__ac".into()).unwrap();
    js_sys::Reflect::get(&st, &field.into()).unwrap()
}

fn set_fake(field: &str, value: &JsValue) {
    let st = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__ac".into()).unwrap();
    js_sys::Reflect::set(&st, &field.into(), value).unwrap();
}

async fn wait_for(m: &Mounted, needle: &str, ms: u32) -> String {
    let mut text = String::new();
    for _ in 0..ms / 10 {
        tick().await;
        text = shadow_text(m);
        if text.contains(needle) {
            break;
        }
    }
    text
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
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
        m.root
            .active_element()
            .and_then(|a| a.get_attribute("data-act")),
        Some("more".into())
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
