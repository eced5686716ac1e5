//! Browser transport: `fetch` through web-sys, timers through `setTimeout`.

use super::wire::{RawRequest, RawResponse};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Give up on a request after this long (a flaky mobile connection can hang forever).
const TIMEOUT_MS: i32 = 20_000;

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "fetch failed".into())
}

pub(crate) async fn send(req: &RawRequest) -> Result<RawResponse, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method(req.method.as_str());
    init.set_mode(web_sys::RequestMode::Cors);
    // Conditional requests are ours to make: keep the HTTP cache from answering or rewriting them.
    init.set_cache(web_sys::RequestCache::NoStore);
    let headers = web_sys::Headers::new().map_err(describe)?;
    for (name, value) in &req.headers {
        headers.set(name, value).map_err(describe)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &req.body {
        init.set_body(&JsValue::from_str(body));
    }
    let abort = web_sys::AbortController::new().map_err(describe)?;
    init.set_signal(Some(&abort.signal()));
    let abort_fn =
        js_sys::Function::from(wasm_bindgen::closure::Closure::once_into_js(move || {
            abort.abort();
        }));
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(&abort_fn, TIMEOUT_MS)
        .map_err(describe)?;
    let request = web_sys::Request::new_with_str_and_init(&req.url, &init).map_err(describe)?;
    let result = JsFuture::from(window.fetch_with_request(&request)).await;
    let resp: web_sys::Response = match result {
        Ok(r) => r.unchecked_into(),
        Err(e) => {
            window.clear_timeout_with_handle(timer);
            return Err(describe(e));
        }
    };
    let status = resp.status();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse().ok());
    let etag = resp.headers().get("etag").ok().flatten();
    let text = JsFuture::from(resp.text().map_err(describe)?)
        .await
        .map_err(describe);
    window.clear_timeout_with_handle(timer);
    Ok(RawResponse {
        status,
        retry_after,
        etag,
        body: text?.as_string().unwrap_or_default(),
    })
}

pub(crate) async fn sleep_ms(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u64) as i32,
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}

pub(crate) fn unit_random() -> f64 {
    js_sys::Math::random()
}

pub(crate) fn random_key() -> String {
    (0..4)
        .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
        .collect()
}

/// Decode a JSON body with the browser's own `JSON.parse`: serde_json's parser would cost the
/// bundle ~40 KB brotli, serde-wasm-bindgen only walks the already-parsed value.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(body).map_err(describe)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Encode a JSON body with `JSON.stringify` (structs become plain objects).
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(describe)
}
