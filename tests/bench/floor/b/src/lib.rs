//! (b) Tracking floor without the shared crate: web-sys fetch + serde_json + Leptos view.
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Status {
    Processing,
    Shipped,
    OutForDelivery,
    Delivered,
    Exception,
}

impl Status {
    fn text(self) -> &'static str {
        match self {
            Status::Processing => "Processing",
            Status::Shipped => "Shipped",
            Status::OutForDelivery => "Out for delivery",
            Status::Delivered => "Delivered",
            Status::Exception => "Needs attention",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Event {
    at: String,
    status: Status,
    message: String,
    location: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Order {
    number: String,
    status: Status,
    events: Vec<Event>,
}

fn describe(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| "fetch failed".into())
}

async fn fetch_order(number: &str) -> Result<Order, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::Cors);
    let headers = web_sys::Headers::new().map_err(describe)?;
    headers
        .set("accept", "application/json")
        .map_err(describe)?;
    init.set_headers(&headers);
    let url = format!("/v1/orders/{number}");
    let req = web_sys::Request::new_with_str_and_init(&url, &init).map_err(describe)?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(describe)?)
        .await
        .map_err(describe)?
        .as_string()
        .ok_or("body is not text")?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn format_date(at: &str) -> String {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    let f = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en".into()), &opts);
    let date = js_sys::Date::new(&JsValue::from_str(at));
    f.format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[component]
fn OrderView(order: Order) -> impl IntoView {
    view! {
        <h2>"Order " {order.number}</h2>
        <p class="status">{order.status.text()}</p>
        <ol>
            {order
                .events
                .into_iter()
                .map(|e| {
                    view! {
                        <li>
                            <time>{format_date(&e.at)}</time>
                            " "
                            <strong>{e.status.text()}</strong>
                            " "
                            <span>{e.message}</span>
                            {e.location.map(|l| view! { <small>" · " {l}</small> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
fn Tracking() -> impl IntoView {
    let order = LocalResource::new(|| fetch_order("1002"));
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                order
                    .get()
                    .map(|r| match r {
                        Ok(o) => view! { <OrderView order=o /> }.into_any(),
                        Err(e) => view! { <p role="alert">"Could not load the order: " {e}</p> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(Tracking);
}
