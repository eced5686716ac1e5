//! `aftercare-nps` in a real browser (headless Chromium through wasm-bindgen-test-runner),
//! mounted the way the loader does it, against a scripted `window.fetch` (no server).
#![cfg(target_arch = "wasm32")]

use aftercare_widgets::mount;
use serde_json::{json, Value};
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
            if (u.pathname.startsWith("/v1/surveys/responses/")) {
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
        .all(|p| p["path"] == format!("/v1/surveys/responses/{id}")));
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
    assert_eq!(ok["path"], format!("/v1/surveys/responses/{id}"));
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
        .all(|p| p["path"] == format!("/v1/surveys/responses/{id}")));
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
    assert_eq!(c[0]["path"], "/v1/surveys/responses/resp_reload_0001");
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
    assert_eq!(p["path"], "/v1/surveys/responses/resp_reload_0002");
    assert_eq!(p["body"]["comment"], "Half a thought, finished");
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
