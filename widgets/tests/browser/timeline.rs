//! The order timeline as a component: parcels, history, markup safety, language.

use super::{document, fixtures, new_div, one, text_of, texts, tick, visible};
use aftercare_shared::tracking::Location;
use aftercare_shared::Locale;
use aftercare_widgets::OrderTimeline;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

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
async fn carrier_text_is_shown_as_text_never_as_markup() {
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
    let more = div.query_selector_all("button.more").unwrap();
    for i in 0..more.length() {
        more.get(i).unwrap().unchecked_into::<HtmlElement>().click();
    }
    tick().await;
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
    tick().await;
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
        document().active_element().map(|a| a.class_name()),
        Some("link more".into()),
        "focus survives the refresh"
    );
    more.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(visible(&div, "[part=event]"), 3);
    assert_eq!(text_of(&more), "Show all 8 updates");
    // Closing hides the older checkpoints; they stay built.
    assert_eq!(div.query_selector_all("[part=event]").unwrap().length(), 8);
    more.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(visible(&div, "[part=event]"), 8);
    assert_eq!(div.query_selector_all("[part=event]").unwrap().length(), 8);
    drop(h);
}
