//! The mounted element against a scripted `window.fetch` (no server).

use crate::fixtures::options;
use aftercare_shared::api::ReturnOptions;
use aftercare_widgets::mount;
use aftercare_widgets::returns::draft::{self, Chosen, Step};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Replace `window.fetch` with one answering the return options of `opts` (and logging calls).
fn fake_api(opts: &ReturnOptions) {
    let body = serde_json::to_string(opts).unwrap();
    let setup = js_sys::Function::new_with_args(
        "body",
        r#"
        const st = window.__ret = { calls: [] };
        window.__realFetch = window.__realFetch || window.fetch;
        window.fetch = async (req) => {
            st.calls.push({ method: req.method, url: req.url, auth: req.headers.get("authorization") });
            if (req.url.includes("/returns/options")) return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
            return new Response(JSON.stringify({ code: "not_found", message: "x" }), { status: 404 });
        };
        "#,
    );
    setup
        .call1(&JsValue::NULL, &JsValue::from_str(&body))
        .unwrap();
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

async fn until(root: &ShadowRoot, needle: &str) -> String {
    for _ in 0..300 {
        let text = root.text_content().unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        sleep(10).await;
    }
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn mounted_items_step_explains_ineligible_lines_and_gates_continue() {
    let storage = window().local_storage().unwrap().unwrap();
    storage
        .remove_item(&draft::storage_key("pk_test", "1029"))
        .unwrap();
    fake_api(&options());
    let host: HtmlElement = document()
        .create_element("aftercare-returns-test")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host.set_attribute("order", "1029").unwrap();
    host.set_attribute("token", "tok_customer").unwrap();
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let handle = mount(
        host.clone(),
        root.clone(),
        "aftercare-returns",
        "pk_test",
        "http://127.0.0.1:9",
    )
    .unwrap();

    let text = until(&root, "Step 1 of 4").await;
    assert!(text.contains("Choose what to return"), "{text}");
    assert!(
        text.contains("Final sale: this item can't be returned."),
        "{text}"
    );
    let boxes = root.query_selector_all("input[type=checkbox]").unwrap();
    assert_eq!(boxes.length(), 3);
    let beanie: HtmlInputElement = boxes.item(2).unwrap().unchecked_into();
    assert!(beanie.disabled());
    let why = root
        .get_element_by_id(&beanie.get_attribute("aria-describedby").unwrap())
        .expect("described by its reason");
    assert!(why.text_content().unwrap().contains("Final sale"));

    // Continue with nothing chosen: the step stays, the error is shown and tied to the list.
    let go: HtmlElement = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    go.click();
    let text = until(&root, "Choose at least one item to return.").await;
    assert!(text.contains("Step 1 of 4"), "{text}");

    // Tick the socks, choose 2, continue: the Reasons step, and the draft is stored.
    let socks: HtmlInputElement = boxes.item(1).unwrap().unchecked_into();
    socks.click();
    // The view follows the draft in the same task (a microtask later): before any paint.
    sleep(0).await;
    let qty: web_sys::HtmlSelectElement = root
        .query_selector("select[data-id=\"2\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!qty.disabled());
    assert_eq!(qty.length(), 3, "bounded by the returnable quantity");
    qty.set_value("2");
    qty.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("change", &{
            let i = web_sys::EventInit::new();
            i.set_bubbles(true);
            i
        })
        .unwrap(),
    )
    .unwrap();
    go.click();
    let text = until(&root, "Step 2 of 4").await;
    assert!(text.contains("Tell us why"), "{text}");
    let stored = draft::load(&draft::storage_key("pk_test", "1029")).expect("stored draft");
    assert_eq!(stored.step, Step::Reasons);
    assert_eq!(
        stored.lines,
        vec![Chosen {
            quantity: 2,
            ..Chosen::new(2)
        }]
    );

    handle.unmount();
    host.remove();
    restore_fetch();
    storage
        .remove_item(&draft::storage_key("pk_test", "1029"))
        .unwrap();
}

/// A page that already signed the shopper in (the account page's order view) renders one
/// order's flow inside its own view, with its own token: no lookup, no order list.
#[wasm_bindgen_test]
async fn the_flow_composes_inside_another_component_with_the_pages_sign_in() {
    use aftercare_widgets::ReturnFlow;
    use leptos::prelude::*;
    let storage = window().local_storage().unwrap().unwrap();
    storage
        .remove_item(&draft::storage_key("pk_test", "1029"))
        .unwrap();
    fake_api(&options());
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = mount_to(host.clone(), || {
        view! {
            <section>
                <h1>"Your order"</h1>
                <ReturnFlow
                    api="http://127.0.0.1:9"
                    publishable_key="pk_test"
                    token="tok_page"
                    order="1029".to_owned()
                />
            </section>
        }
    });
    let mut text = String::new();
    for _ in 0..300 {
        text = host.text_content().unwrap_or_default();
        if text.contains("Step 1 of 4") {
            break;
        }
        sleep(10).await;
    }
    assert!(text.contains("Choose what to return"), "{text}");
    assert!(host.query_selector("form.step").unwrap().is_some());
    // On its own the flow brings the themed container (inside ReturnsWidget it does not).
    assert_eq!(
        host.query_selector_all(".root[part~=container] form.step")
            .unwrap()
            .length(),
        1
    );
    let calls = js_sys::Reflect::get(
        &js_sys::Reflect::get(&window(), &"__ret".into()).unwrap(),
        &"calls".into(),
    )
    .unwrap();
    let first = js_sys::Reflect::get(&calls, &0.into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&first, &"auth".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("Bearer tok_page")
    );
    drop(handle);
    host.remove();
    restore_fetch();
}
