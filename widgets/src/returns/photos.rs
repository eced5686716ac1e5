//! Step 3, "Add photos" (only when a chosen reason asks for them): per item a file input
//! (JPEG, PNG, WebP; several at once) inside a drop zone, then a list of its photos with a
//! preview, a progress bar while uploading and a remove button.
//!
//! Files are checked here first (type, size, count) and uploaded one request each with
//! `XMLHttpRequest` (`fetch` has no upload progress) to `POST /v1/returns/photos`; a refused or
//! failed file shows its own message in its own row and never touches the rest of the form.
//! Previews are `data:` URLs read by a `FileReader`: they pass a CSP of `img-src 'self' data:`,
//! where `blob:` object URLs would be blocked.

use super::draft::{self, check_file, reason_rules, FileProblem, Photo};
use super::reasons::legend;
use super::{button, After, Flow, Inner, Upload};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::{ReturnOptions, IDEMPOTENCY_HEADER, KEY_HEADER};
use aftercare_shared::returns::Requirement;
use aftercare_shared::Locale;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Give up on one upload after this long (a photo on a slow phone connection takes a while).
const TIMEOUT_MS: u32 = 120_000;

pub(super) fn render(
    form: &web_sys::Element,
    i: &Inner,
    o: &ReturnOptions,
    l: Locale,
) -> Option<After> {
    txt(
        form,
        "p",
        "muted",
        &t(
            l,
            Msg::PhotosIntro(&i18n::size(o.photo_max_bytes), o.photo_max_count),
        ),
    );
    for c in &i.draft.lines {
        let rule = reason_rules(o, c.reason.as_deref()).map_or(Requirement::Disabled, |r| r.1);
        let Some(line) = o.lines.iter().find(|x| x.item_id == c.item_id) else {
            continue;
        };
        if rule == Requirement::Disabled {
            continue;
        }
        let id = c.item_id.to_string();
        let key = format!("photos:{id}");
        let set_el = el(form, "fieldset", "item-set");
        let title = legend(&set_el, line, c);
        txt(&title, "span", "req", &format!(" {}", t(l, Msg::Req(rule))));
        let zone = el(&set_el, "div", "drop");
        set(&zone, "data-id", &id);
        let (input_id, hint, err) = (uid("file"), uid("hint"), uid("err"));
        let input = el(&zone, "input", "vh file");
        set(&input, "type", "file");
        set(&input, "id", &input_id);
        set(&input, "multiple", "");
        set(&input, "accept", draft::ACCEPT);
        set(&input, "data-f", "file");
        set(&input, "data-id", &id);
        set(&input, "data-ctl", &key);
        set(&input, "data-k", &key);
        set(&input, "aria-describedby", &format!("{hint} {err}"));
        if rule == Requirement::Required {
            set(&input, "aria-required", "true");
        }
        let label = el(&zone, "label", "btn secondary pick");
        set(&label, "for", &input_id);
        set(&label, "part", "button");
        crate::dom::add(&label, &t(l, Msg::ChoosePhotos));
        txt(&label, "span", "vh", &format!(" ({})", line.title));
        set(
            &txt(&zone, "span", "muted", &t(l, Msg::DropHere)),
            "id",
            &hint,
        );
        let e = txt(&set_el, "p", "field-error", "");
        set(&e, "id", &err);
        set(&e, "data-err", &key);
        let ul = el(&set_el, "ul", "files");
        set(&ul, "data-files", &id);
        files(&ul, i, c.item_id, l);
    }
    None
}

/// The line's photos and uploads, rebuilt after every change to them.
fn files(ul: &web_sys::Element, i: &Inner, item_id: i64, l: Locale) {
    ul.replace_children_with_node_0();
    if let Some(c) = i.draft.line(item_id) {
        for (n, p) in c.photos.iter().enumerate() {
            let li = el(ul, "li", "file");
            preview(&li, Some(&JsValue::from_str(&p.url)));
            let name = photo_name(p, n, l);
            txt(&li, "span", "fname", &name);
            txt(&li, "span", "ok", &t(l, Msg::Uploaded));
            remove_button(&li, &format!("p{}", p.id), &name, l);
        }
    }
    for u in i.uploads.iter().filter(|u| u.item_id == item_id) {
        let li = el(
            ul,
            "li",
            if u.failed.is_some() {
                "file bad"
            } else {
                "file"
            },
        );
        // A refused file has no picture worth showing (it may not be an image at all).
        let img = preview(&li, u.preview.as_ref().filter(|_| u.failed.is_none()));
        set(&img, "data-u", &u.id.to_string());
        txt(&li, "span", "fname", &u.name);
        match u.failed {
            None => {
                let bar = el(&li, "progress", "");
                set(&bar, "max", "100");
                set(&bar, "value", &u.progress.to_string());
                set(&bar, "data-u", &u.id.to_string());
                set(&bar, "aria-label", &t(l, Msg::Uploading(&u.name)));
            }
            Some(p) => {
                let msg = el(&li, "p", "field-error");
                set(&txt(&msg, "span", "ico", "!"), "aria-hidden", "true");
                crate::dom::add(&msg, &t(l, Msg::FileRefused(p, &u.name)));
                if matches!(p, FileProblem::Network | FileProblem::Failed) && u.file.is_some() {
                    button(
                        &li,
                        "link",
                        "again",
                        &format!("u{}", u.id),
                        &t(l, Msg::TryAgain),
                    );
                }
            }
        }
        remove_button(&li, &format!("u{}", u.id), &u.name, l);
    }
}

fn photo_name(p: &Photo, n: usize, l: Locale) -> String {
    if p.name.is_empty() {
        t(l, Msg::PhotoN(n + 1))
    } else {
        p.name.clone()
    }
}

/// A preview tile; `src` set straight from the JS value (a `data:` URL never crosses into wasm).
fn preview(li: &web_sys::Element, src: Option<&JsValue>) -> web_sys::Element {
    let tile = el(li, "span", "thumb");
    let img = el(&tile, "img", "");
    set(&img, "alt", "");
    img.unchecked_ref::<web_sys::HtmlElement>()
        .set_onerror(Some(&hide_on_error()));
    if let Some(s) = src {
        let _ = js_sys::Reflect::set(&img, &JsValue::from_str("src"), s);
    } else {
        set(&img, "hidden", "");
    }
    img
}

/// One script-free handler for every preview: an image that cannot be shown leaves an empty tile.
fn hide_on_error() -> js_sys::Function {
    thread_local! {
        static HIDE: js_sys::Function = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
            if let Some(img) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                set(&img, "hidden", "");
            }
        })
        .into_js_value()
        .unchecked_into();
    }
    HIDE.with(Clone::clone)
}

fn remove_button(li: &web_sys::Element, v: &str, name: &str, l: Locale) {
    let b = button(li, "link rm", "rm", v, &t(l, Msg::Remove));
    set(&b, "aria-label", &t(l, Msg::RemovePhoto(name)));
}

/// Rebuild one line's list.
fn refresh(f: Flow, item_id: i64) {
    if let Some(ul) = f.find(&format!("[data-files=\"{item_id}\"]")) {
        let l = f.lang();
        f.with(|i| files(&ul, i, item_id, l));
    }
}

/// Files chosen or dropped for a line: check each, start the good ones, list them all.
pub(super) fn add(f: Flow, item_id: i64, list: web_sys::FileList) {
    let l = f.lang();
    for k in 0..list.length() {
        let Some(file) = list.get(k) else { continue };
        let name = file.name();
        let checked = f.io(|i| {
            let o = i.options.as_ref()?;
            let on_line = i.draft.line(item_id).map_or(0, |c| c.photos.len())
                + i.uploads
                    .iter()
                    .filter(|u| u.item_id == item_id && u.failed.is_none())
                    .count();
            let verdict = check_file(&file.type_(), file.size(), on_line, o);
            let id = i.next_upload;
            i.next_upload += 1;
            i.uploads.push(Upload {
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
            Some((id, verdict))
        });
        match checked.flatten() {
            Some((id, Ok(()))) => {
                read_preview(f, id, &file);
                send(f, id);
            }
            Some((_, Err(p))) => f.announce(t(l, Msg::FileRefused(p, &name))),
            None => {}
        }
    }
    refresh(f, item_id);
    f.changed();
}

/// Read a `data:` URL preview for upload `id`.
fn read_preview(f: Flow, id: u32, file: &web_sys::File) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let done = Closure::once_into_js(move |_: web_sys::Event| {
        let Ok(url) = r.result() else { return };
        f.io(|i| {
            if let Some(u) = i.uploads.iter_mut().find(|u| u.id == id) {
                u.preview = Some(url.clone());
            }
        });
        if let Some(img) = f.find(&format!("img[data-u=\"{id}\"]")) {
            let _ = img.remove_attribute("hidden");
            let _ = js_sys::Reflect::set(&img, &JsValue::from_str("src"), &url);
        }
    });
    reader.set_onload(Some(done.unchecked_ref()));
    let _ = reader.read_as_data_url(file);
}

/// Start (or restart) upload `id`.
fn send(f: Flow, id: u32) {
    let Some(Some((url, key, token, file))) = f.with(|i| {
        let u = i.uploads.iter().find(|u| u.id == id)?;
        Some((
            format!("{}/v1/returns/photos", i.api.trim_end_matches('/')),
            i.key.clone(),
            i.token.clone(),
            u.file.clone()?,
        ))
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
            if !e.length_computable() || e.total() <= 0.0 {
                return;
            }
            let pct = ((e.loaded() / e.total()) * 100.0).clamp(0.0, 100.0) as u32;
            f.io(|i| {
                if let Some(u) = i.uploads.iter_mut().find(|u| u.id == id) {
                    u.progress = pct;
                }
            });
            if let Some(bar) = f.find(&format!("progress[data-u=\"{id}\"]")) {
                set(&bar, "value", &pct.to_string());
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
    f.io(|i| {
        if let Some(u) = i.uploads.iter_mut().find(|u| u.id == id) {
            u.xhr = Some(xhr);
            u.listener = Some(progress);
            u.failed = None;
            u.progress = 0;
        }
    });
}

/// The upload's answer: a stored photo joins the line, a refusal stays in its row.
fn finished(f: Flow, id: u32, xhr: &web_sys::XmlHttpRequest) {
    // Removed (and aborted) meanwhile, or the widget is gone.
    if f.with(|i| i.uploads.iter().any(|u| u.id == id)) != Some(true) {
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
                f.with(|i| i.options.as_ref().map_or(0, |o| o.photo_max_bytes))
                    .unwrap_or(0),
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
    let done = f.io(|i| {
        let pos = i.uploads.iter().position(|u| u.id == id)?;
        let u = i.uploads.remove(pos);
        if let Some(c) = i.draft.line_mut(u.item_id) {
            c.photos.push(Photo {
                id: photo_id,
                url,
                name: u.name.clone(),
            });
        }
        Some((u.item_id, u.name))
    });
    if let Some(Some((item_id, name))) = done {
        f.announce(t(f.lang(), Msg::PhotoAdded(&name)));
        refresh(f, item_id);
        f.changed();
    }
}

/// Upload `id` failed with `p`: say so in its row (and the live region).
fn failed(f: Flow, id: u32, p: FileProblem) {
    let hit = f.io(|i| {
        let u = i.uploads.iter_mut().find(|u| u.id == id)?;
        u.failed = Some(p);
        u.xhr = None;
        u.listener = None;
        Some((u.item_id, u.name.clone()))
    });
    if let Some(Some((item_id, name))) = hit {
        f.announce(t(f.lang(), Msg::FileRefused(p, &name)));
        refresh(f, item_id);
        f.changed();
    }
}

/// "Remove": a stored photo leaves the draft, an upload is stopped; focus goes back to the
/// line's file input.
pub(super) fn remove(f: Flow, v: &str) {
    let l = f.lang();
    let gone = f.io(|i| {
        if let Some(pid) = v.strip_prefix('p') {
            for c in i.draft.lines.iter_mut() {
                if let Some(n) = c.photos.iter().position(|p| p.id == pid) {
                    let p = c.photos.remove(n);
                    return Some((c.item_id, photo_name(&p, n, l), None));
                }
            }
            None
        } else {
            let id: u32 = v.strip_prefix('u')?.parse().ok()?;
            let pos = i.uploads.iter().position(|u| u.id == id)?;
            let u = i.uploads.remove(pos);
            Some((u.item_id, u.name, u.xhr))
        }
    });
    let Some(Some((item_id, name, xhr))) = gone else {
        return;
    };
    // Outside the state borrow: `abort` fires `loadend` synchronously (it finds nothing).
    if let Some(x) = xhr {
        let _ = x.abort();
    }
    f.announce(t(l, Msg::PhotoRemoved(&name)));
    refresh(f, item_id);
    if let Some(input) = f.find(&format!("input[data-f=file][data-id=\"{item_id}\"]")) {
        let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
    }
    f.changed();
}

/// "Try again" on a failed upload.
pub(super) fn retry(f: Flow, v: &str) {
    let Some(id) = v.strip_prefix('u').and_then(|s| s.parse::<u32>().ok()) else {
        return;
    };
    let item = f.io(|i| {
        let u = i.uploads.iter_mut().find(|u| u.id == id)?;
        u.failed = None;
        u.progress = 0;
        Some(u.item_id)
    });
    if let Some(Some(item_id)) = item {
        send(f, id);
        refresh(f, item_id);
        if let Some(bar) = f.find(&format!("progress[data-u=\"{id}\"]")) {
            let _ = bar.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// The drop zone under a drag event, if any.
fn zone(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".drop")
        .ok()
        .flatten()
}

/// Dragging over (or out of) a drop zone: accept the drop, highlight the zone.
pub(super) fn drag(ev: &web_sys::DragEvent, over: bool) {
    if let Some(z) = zone(ev) {
        ev.prevent_default();
        let _ = z.class_list().toggle_with_force("over", over);
    }
}

/// Files dropped on a zone: as if chosen with its input.
pub(super) fn drop(f: Flow, ev: &web_sys::DragEvent) {
    let Some(z) = zone(ev) else { return };
    ev.prevent_default();
    let _ = z.class_list().remove_1("over");
    let item_id = z
        .get_attribute("data-id")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
        add(f, item_id, files);
    }
}
