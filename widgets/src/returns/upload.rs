//! Photo uploads: files are checked here first (type, size, count) and sent one request each
//! with `XMLHttpRequest` (`fetch` has no upload progress) to `POST /v1/returns/photos`; a
//! refused or failed file keeps its own message in its own row and never touches the rest of
//! the form. Previews are `data:` URLs read by a `FileReader`: they pass a CSP of
//! `img-src 'self' data:`, where `blob:` object URLs would be blocked.

use super::draft::{self, check_file, FileProblem, Photo};
use super::state::{Flow, Focus, Upload};
use crate::i18n::{t, Msg};
use aftercare_shared::api::{IDEMPOTENCY_HEADER, KEY_HEADER};
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Give up on one upload after this long (a photo on a slow phone connection takes a while).
const TIMEOUT_MS: u32 = 120_000;

fn update(f: Flow, id: u32, change: impl FnOnce(&mut Upload)) {
    f.uploads.try_update(|ups| {
        if let Some(u) = ups.iter_mut().find(|u| u.id == id) {
            change(u);
        }
    });
}

/// Files chosen or dropped for a line: check each, start the good ones, list them all.
pub(crate) fn add(f: Flow, item_id: i64, list: web_sys::FileList) {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let l = f.lang();
    for k in 0..list.length() {
        let Some(file) = list.get(k) else { continue };
        let name = file.name();
        let on_line = f
            .draft
            .with_untracked(|d| d.line(item_id).map_or(0, |c| c.photos.len()))
            + f.uploads.with_untracked(|ups| {
                ups.iter()
                    .filter(|u| u.item_id == item_id && u.failed.is_none())
                    .count()
            });
        let Some(verdict) = f
            .options
            .with_untracked(|o| Some(check_file(&file.type_(), file.size(), on_line, o.as_ref()?)))
        else {
            continue;
        };
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        f.uploads.update(|ups| {
            ups.push(Upload {
                id,
                item_id,
                name: name.clone(),
                file: verdict.is_ok().then(|| file.clone()),
                preview: None,
                progress: 0,
                failed: verdict.err(),
                xhr: None,
                listener: None,
            });
        });
        match verdict {
            Ok(()) => {
                read_preview(f, id, &file);
                send(f, id);
            }
            Err(p) => f.announce(t(l, Msg::FileRefused(p, &name))),
        }
    }
    f.changed();
}

/// Read a `data:` URL preview for upload `id`.
fn read_preview(f: Flow, id: u32, file: &web_sys::File) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let done = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(url) = r.result() {
            update(f, id, |u| u.preview = Some(url));
        }
    });
    reader.set_onload(Some(done.unchecked_ref()));
    let _ = reader.read_as_data_url(file);
}

/// Start (or restart) upload `id`.
fn send(f: Flow, id: u32) {
    let Some(file) = f
        .uploads
        .with_untracked(|ups| ups.iter().find(|u| u.id == id)?.file.clone())
    else {
        return;
    };
    let Some((url, key, token)) = f.sign_in.try_with_value(|s| {
        (
            format!("{}/v1/returns/photos", s.api.trim_end_matches('/')),
            s.key.clone(),
            s.token.clone(),
        )
    }) else {
        return;
    };
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return failed(f, id, FileProblem::Failed);
    };
    let opened = xhr.open_with_async("POST", &url, true).is_ok()
        && xhr.set_request_header(KEY_HEADER, &key).is_ok()
        && xhr
            .set_request_header("authorization", &format!("Bearer {token}"))
            .is_ok()
        && xhr
            .set_request_header(IDEMPOTENCY_HEADER, &draft::random_key())
            .is_ok()
        && xhr
            .set_request_header("content-type", &file.type_())
            .is_ok();
    if !opened {
        return failed(f, id, FileProblem::Failed);
    }
    xhr.set_timeout(TIMEOUT_MS);
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                let pct = ((e.loaded() / e.total()) * 100.0).clamp(0.0, 100.0) as u32;
                update(f, id, |u| u.progress = pct);
            }
        });
    if let Ok(up) = xhr.upload() {
        up.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let x = xhr.clone();
    let end = Closure::once_into_js(move |_: web_sys::Event| finished(f, id, &x));
    xhr.set_onloadend(Some(end.unchecked_ref()));
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        return failed(f, id, FileProblem::Failed);
    }
    update(f, id, |u| {
        u.xhr = Some(xhr);
        u.listener = Some(progress);
        u.failed = None;
        u.progress = 0;
    });
}

/// The upload's answer: a stored photo joins the line, a refusal stays in its row.
fn finished(f: Flow, id: u32, xhr: &web_sys::XmlHttpRequest) {
    // Removed (and aborted) meanwhile, or the flow is gone.
    if f.uploads
        .try_with_untracked(|ups| ups.iter().any(|u| u.id == id))
        != Some(true)
    {
        return;
    }
    let status = xhr.status().unwrap_or(0);
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    let photo = (200..300)
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
        });
    let Some((photo_id, url)) = photo else {
        let p = match status {
            415 => FileProblem::Type,
            413 => FileProblem::TooBig(
                f.options
                    .with_untracked(|o| o.as_ref().map_or(0, |o| o.photo_max_bytes)),
            ),
            422 => FileProblem::Unreadable,
            401 => FileProblem::Expired,
            0 | 408 | 429 | 500..=599 => FileProblem::Network,
            _ => FileProblem::Failed,
        };
        if matches!(
            p,
            FileProblem::Network | FileProblem::Expired | FileProblem::Failed
        ) {
            f.emit(
                "aftercare:error",
                &[
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
                ],
            );
        }
        return failed(f, id, p);
    };
    let mut done = None;
    f.uploads.update(|ups| {
        if let Some(pos) = ups.iter().position(|u| u.id == id) {
            let u = ups.remove(pos);
            done = Some((u.item_id, u.name));
        }
    });
    if let Some((item_id, name)) = done {
        f.draft.update(|d| {
            if let Some(c) = d.line_mut(item_id) {
                c.photos.push(Photo {
                    id: photo_id,
                    url,
                    name: name.clone(),
                });
            }
        });
        f.announce(t(f.lang(), Msg::PhotoAdded(&name)));
        f.changed();
    }
}

/// Upload `id` failed with `p`: say so in its row (and the live region).
fn failed(f: Flow, id: u32, p: FileProblem) {
    let mut name = None;
    update(f, id, |u| {
        u.failed = Some(p);
        u.xhr = None;
        u.listener = None;
        name = Some(u.name.clone());
    });
    if let Some(name) = name {
        f.announce(t(f.lang(), Msg::FileRefused(p, &name)));
        f.changed();
    }
}

/// What a photo row shows: a stored photo (by its id) or an upload (by its local id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Row {
    Photo(String),
    Upload(u32),
}

/// "Remove": a stored photo leaves the draft, an upload is stopped; focus goes back to the
/// line's file input.
pub(crate) fn remove(f: Flow, item_id: i64, row: &Row, name: String) {
    let mut xhr = None;
    match row {
        Row::Photo(pid) => f.draft.update(|d| {
            for c in d.lines.iter_mut() {
                c.photos.retain(|p| &p.id != pid);
            }
        }),
        Row::Upload(id) => f.uploads.update(|ups| {
            if let Some(pos) = ups.iter().position(|u| u.id == *id) {
                xhr = ups.remove(pos).xhr;
            }
        }),
    }
    // Outside the state update: `abort` fires `loadend` synchronously (it finds nothing).
    if let Some(x) = xhr {
        let _ = x.abort();
    }
    f.announce(t(f.lang(), Msg::PhotoRemoved(&name)));
    f.focus_on(Focus::Sel(format!(
        "input[type=file][data-id=\"{item_id}\"]"
    )));
    f.changed();
}

/// "Try again" on a failed upload.
pub(crate) fn retry(f: Flow, id: u32) {
    update(f, id, |u| {
        u.failed = None;
        u.progress = 0;
    });
    send(f, id);
    f.focus_on(Focus::Sel(format!("progress[data-u=\"{id}\"]")));
}

/// Stop uploads still running: nobody will see their answers.
pub(crate) fn abort_all(f: Flow) {
    let running: Vec<_> = f
        .uploads
        .try_update(|ups| ups.drain(..).filter_map(|u| u.xhr).collect())
        .unwrap_or_default();
    for x in running {
        let _ = x.abort();
    }
}
