//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner).
//! No network: the timeline is a pure view over an `Order`, and the guest form validates
//! locally before it would ever send.
#![cfg(target_arch = "wasm32")]

#[path = "../fixtures/mod.rs"]
mod fixtures;

mod element;
mod notices;
mod timeline;

use aftercare_shared::api::StoreConfig;
use aftercare_shared::order::Order;
use aftercare_shared::Locale;
use aftercare_widgets::{mount, OrderTimeline};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot};

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
