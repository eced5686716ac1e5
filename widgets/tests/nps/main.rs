//! `aftercare-nps` in a real browser (headless Chromium through wasm-bindgen-test-runner),
//! mounted the way the loader does it, against a scripted `window.fetch` (no server).
#![cfg(target_arch = "wasm32")]

mod answers;
mod display;
mod offline;

use aftercare_widgets::mount;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const PENDING: &str = "aftercare:nps-pending";
const TOKEN: &str = "tok_secret_customer_token";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// Replace `window.fetch` with a scripted survey API. `mode`: "ok", "offline" (fetch rejects
/// like a dropped connection) or "down" (503). Every request is logged in `__nps.calls`.
fn fake_api(eligible: bool) {
    let setup = js_sys::Function::new_with_args(
        "eligible",
        r#"
        const st = window.__nps = { calls: [], mode: "ok", eligible };
        window.__realFetch = window.__realFetch || window.fetch;
        const cat = (k, s) => k === "csat" ? (s <= 2 ? "detractor" : s === 3 ? "passive" : "promoter")
            : (s <= 6 ? "detractor" : s <= 8 ? "passive" : "promoter");
        const json = (body, status) => new Response(JSON.stringify(body), { status,
            headers: { "content-type": "application/json" } });
        window.fetch = async (req) => {
            const text = req.method === "GET" ? "" : await req.text();
            const u = new URL(req.url);
            st.calls.push({ method: req.method, path: u.pathname, query: u.search,
                body: text ? JSON.parse(text) : null, auth: req.headers.get("authorization"),
                key: req.headers.get("idempotency-key") });
            if (st.mode === "offline") throw new TypeError("Failed to fetch");
            if (st.mode === "down") return json({ code: "unavailable", message: "down" }, 503);
            const kind = (u.pathname.match(/surveys\/(nps|csat)\//) || [])[1];
            if (u.pathname.endsWith("/prompt")) {
                const es = u.search.includes("locale=es");
                return json({ kind, eligibility: st.eligible ? { eligible: true }
                        : { eligible: false, reason: "recently_answered" },
                    question: kind === "csat"
                        ? (es ? "¿Qué tan satisfecho estás con Aurora Outfitters?" : "How satisfied are you with Aurora Outfitters?")
                        : (es ? "¿Recomendarías Aurora Outfitters a un amigo?" : "How likely are you to recommend Aurora Outfitters to a friend?"),
                    low_label: kind === "csat" ? "Very dissatisfied" : "Not at all likely",
                    high_label: kind === "csat" ? "Very satisfied" : "Extremely likely" }, 200);
            }
            if (u.pathname.startsWith("/v1/survey-responses/")) {
                const b = JSON.parse(text), now = "2026-11-23T08:00:00Z";
                return json({ id: decodeURIComponent(u.pathname.split("/").pop()), kind: b.kind,
                    score: b.score, category: cat(b.kind, b.score), comment: b.comment,
                    wants_contact: b.wants_contact, created_at: now, updated_at: now }, 201);
            }
            if (u.pathname.endsWith("/dismissals")) return json({ eligible: false, reason: "recently_dismissed" }, 201);
            if (u.pathname === "/v1/store") return json({ name: "Aurora Outfitters", default_locale: "en",
                support: { email: "help@aurora.example", chat_url: "https://aurora.example/help" } }, 200);
            return json({ code: "not_found", message: "no route" }, 404);
        };
        "#,
    );
    setup.call1(&JsValue::NULL, &eligible.into()).unwrap();
}

fn set_mode(mode: &str) {
    let st = js_sys::Reflect::get(&window(), &"__nps".into()).unwrap();
    js_sys::Reflect::set(&st, &"mode".into(), &mode.into()).unwrap();
}

/// Every request the widget made so far.
fn calls() -> Vec<Value> {
    let st = js_sys::Reflect::get(&window(), &"__nps".into()).unwrap();
    let c = js_sys::Reflect::get(&st, &"calls".into()).unwrap();
    let s: String = js_sys::JSON::stringify(&c).unwrap().into();
    serde_json::from_str(&s).unwrap()
}

fn puts() -> Vec<Value> {
    calls()
        .into_iter()
        .filter(|c| c["method"] == "PUT")
        .collect()
}

fn restore_fetch() {
    let real = js_sys::Reflect::get(&window(), &"__realFetch".into()).unwrap();
    js_sys::Reflect::set(&window(), &"fetch".into(), &real).unwrap();
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Wait (up to `ms`) until `f` holds; returns whether it did.
async fn until(ms: u32, f: impl Fn() -> bool) -> bool {
    for _ in 0..ms / 10 {
        if f() {
            return true;
        }
        sleep(10).await;
    }
    f()
}

struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    events: Rc<RefCell<Vec<(String, Value)>>>,
    handle: Option<aftercare_widgets::ElementHandle>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::CustomEvent)>>,
}

impl Mounted {
    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
    fn q(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.query_selector(selector).unwrap()
    }
    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let l = self.root.query_selector_all(selector).unwrap();
        (0..l.length())
            .map(|i| l.item(i).unwrap().unchecked_into())
            .collect()
    }
    fn events(&self, name: &str) -> Vec<Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
    async fn wait_text(&self, needle: &str) -> String {
        until(3000, || self.text().contains(needle)).await;
        self.text()
    }
    fn choose(&self, score: u8) {
        let r: HtmlInputElement = self
            .q(&format!("input[type=radio][value=\"{score}\"]"))
            .expect("radio")
            .unchecked_into();
        r.click();
    }
    fn type_comment(&self, text: &str) {
        let ta = self.q("textarea").expect("textarea");
        js_sys::Reflect::set(&ta, &"value".into(), &text.into()).unwrap();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        ta.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }
    fn click(&self, selector: &str) {
        self.q(selector)
            .unwrap_or_else(|| panic!("{selector}"))
            .unchecked_into::<HtmlElement>()
            .click();
    }
    fn click_text(&self, text: &str) {
        let b = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text:?} in {}", self.text()));
        b.unchecked_into::<HtmlElement>().click();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.unmount();
        }
        self.host.remove();
    }
}

fn mount_nps(attrs: &[(&str, &str)]) -> Mounted {
    let host: HtmlElement = document()
        .create_element("aftercare-nps-test")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
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
        "aftercare:error",
        "aftercare:nps-submitted",
        "aftercare:nps-comment-saved",
        "aftercare:nps-dismissed",
        "aftercare:review-invited",
    ] {
        let log = events.clone();
        let cb = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail: String = js_sys::JSON::stringify(&e.detail()).unwrap().into();
            log.borrow_mut()
                .push((e.type_(), serde_json::from_str(&detail).unwrap()));
        });
        host.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())
            .unwrap();
        listeners.push(cb);
    }
    let handle = mount(
        host.clone(),
        root.clone(),
        "aftercare-nps",
        "pk_test",
        "http://127.0.0.1:9",
    )
    .unwrap();
    Mounted {
        host,
        root,
        events,
        handle: Some(handle),
        _listeners: listeners,
    }
}

fn fresh() {
    storage().remove_item(PENDING).unwrap();
}
