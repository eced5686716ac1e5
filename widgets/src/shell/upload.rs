//! One photo upload, as returns and reviews both send them: the raw file as the body of a
//! `POST` through `XMLHttpRequest` (`fetch` has no upload progress), with the publishable
//! key, the sign-in and an idempotency key; the answer is the stored photo or the problem a
//! shopper can act on.

use crate::shell::visit::random_id;
use aftercare_shared::api::{IDEMPOTENCY_HEADER, KEY_HEADER};
use aftercare_shared::returns::flow::FileProblem;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Give up on one upload after this long (a photo on a slow phone connection takes a while).
const TIMEOUT_MS: u32 = 120_000;

/// The image types the server's photo pipeline accepts (an `<input accept>` value).
pub const ACCEPT: &str = "image/jpeg,image/png,image/webp";

/// Where and as whom to upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The upload route's full URL.
    pub url: String,
    /// The store's publishable key.
    pub key: String,
    /// The customer token or order session.
    pub token: String,
}

/// An upload on its way: keep it to abort it (dropping it stops progress reports).
pub struct Sending {
    /// The request, for `abort()`.
    pub xhr: web_sys::XmlHttpRequest,
    /// The progress listener, alive while the upload runs.
    pub listener: Closure<dyn FnMut(web_sys::ProgressEvent)>,
}

/// How an answer's status reads to the shopper (`max_bytes`: the limit a 413 refers to).
pub fn problem_of(status: u16, max_bytes: u64) -> FileProblem {
    match status {
        415 => FileProblem::Type,
        413 => FileProblem::TooBig(max_bytes),
        422 => FileProblem::Unreadable,
        401 => FileProblem::Expired,
        0 | 408 | 429 | 500..=599 => FileProblem::Network,
        _ => FileProblem::Failed,
    }
}

/// The `aftercare:error` detail for a failed upload, when the page should hear of it: not for
/// a refused file (its row says why), but for no answer, an expired sign-in or a failure.
pub fn error_detail(status: u16, p: FileProblem) -> Option<[(&'static str, JsValue); 2]> {
    matches!(
        p,
        FileProblem::Network | FileProblem::Expired | FileProblem::Failed
    )
    .then(|| {
        [
            (
                "code",
                JsValue::from_str(if status == 0 {
                    "network_error"
                } else {
                    "upload_failed"
                }),
            ),
            (
                "message",
                JsValue::from_str(&format!("photo upload failed (HTTP {status})")),
            ),
        ]
    })
}

/// Send `file` to `to`. `progress` gets 0–100; `done` gets the stored photo's id and URL, or
/// the HTTP status (0 without an answer). `None` when the request could not even start.
pub fn send(
    to: &Target,
    file: &web_sys::File,
    mut progress: impl FnMut(u32) + 'static,
    done: impl FnOnce(Result<(String, String), u16>) + 'static,
) -> Option<Sending> {
    let xhr = web_sys::XmlHttpRequest::new().ok()?;
    let opened = xhr.open_with_async("POST", &to.url, true).is_ok()
        && xhr.set_request_header(KEY_HEADER, &to.key).is_ok()
        && xhr
            .set_request_header("authorization", &format!("Bearer {}", to.token))
            .is_ok()
        && xhr
            .set_request_header(IDEMPOTENCY_HEADER, &random_id())
            .is_ok()
        && xhr
            .set_request_header("content-type", &file.type_())
            .is_ok();
    if !opened {
        return None;
    }
    xhr.set_timeout(TIMEOUT_MS);
    let listener =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress(((e.loaded() / e.total()) * 100.0).clamp(0.0, 100.0) as u32);
            }
        });
    if let Ok(up) = xhr.upload() {
        up.set_onprogress(Some(listener.as_ref().unchecked_ref()));
    }
    let x = xhr.clone();
    let end = Closure::once_into_js(move |_: web_sys::Event| done(answer(&x)));
    xhr.set_onloadend(Some(end.unchecked_ref()));
    xhr.send_with_opt_blob(Some(file)).ok()?;
    Some(Sending { xhr, listener })
}

/// The stored photo's id and URL from a finished request, or its status.
fn answer(xhr: &web_sys::XmlHttpRequest) -> Result<(String, String), u16> {
    let status = xhr.status().unwrap_or(0);
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    (200..300)
        .contains(&status)
        .then(|| js_sys::JSON::parse(&body).ok())
        .flatten()
        .and_then(|v| {
            let get = |k: &str| {
                js_sys::Reflect::get(&v, &JsValue::from_str(k))
                    .ok()
                    .and_then(|x| x.as_string())
            };
            Some((get("id")?, get("url")?))
        })
        .ok_or(if (200..300).contains(&status) {
            502
        } else {
            status
        })
}

/// Read `file` as a `data:` URL (previews pass a CSP of `img-src 'self' data:`, where `blob:`
/// URLs would be blocked) and hand it to `done`, as a JS string: a photo's megabytes never
/// cross into wasm.
pub fn preview(file: &web_sys::File, done: impl FnOnce(JsValue) + 'static) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let end = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(url) = r.result() {
            done(url);
        }
    });
    reader.set_onload(Some(end.unchecked_ref()));
    let _ = reader.read_as_data_url(file);
}
