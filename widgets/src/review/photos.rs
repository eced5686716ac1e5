//! The review's photos: chosen files are checked here (type, size, how many), each uploaded
//! on its own through the shell's uploader to `POST /v1/review-photos` (re-encoded by the
//! server, location data dropped), shown as a preview with its progress or its problem, and
//! removable. A refused file never touches the rest of the form.

use crate::dom::uid;
use crate::i18n::{rv, t, tv, Msg, Rev};
use crate::shell::upload::{self, Sending, Target, ACCEPT};
use crate::shell::Events;
use aftercare_shared::api::ReturnPhoto;
use aftercare_shared::returns::flow::FileProblem;
use aftercare_shared::review::MAX_REVIEW_PHOTOS;
use aftercare_shared::Locale;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsValue;

/// The largest file the server's photo pipeline takes (bytes): 10 MB.
pub const MAX_PHOTO_BYTES: u64 = 10 * 1024 * 1024;

/// One photo row: stored (it has an id), on its way, or refused.
#[derive(Clone)]
pub struct Row {
    /// This row (rows are keyed by it).
    pub local: u32,
    /// The file's name.
    pub name: String,
    /// What to show: the stored URL or the file's `data:` preview (kept in JS).
    pub src: Option<JsValue>,
    /// The stored photo's id once uploaded.
    pub id: Option<String>,
    /// Percent sent.
    pub progress: u32,
    /// Why it was refused or failed.
    pub failed: Option<FileProblem>,
}

fn next_local() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Row {
    /// A photo already attached to the review being edited.
    pub fn stored(p: &ReturnPhoto) -> Self {
        Self {
            local: next_local(),
            name: String::new(),
            src: Some(JsValue::from_str(&p.url)),
            id: Some(p.id.clone()),
            progress: 100,
            failed: None,
        }
    }
}

/// Check a chosen file against the pipeline's rules before sending it.
fn check(mime: &str, size: f64, kept: usize) -> Result<(), FileProblem> {
    if !ACCEPT.split(',').any(|t| t.eq_ignore_ascii_case(mime)) {
        return Err(FileProblem::Type);
    }
    if size > MAX_PHOTO_BYTES as f64 {
        return Err(FileProblem::TooBig(MAX_PHOTO_BYTES));
    }
    if kept >= MAX_REVIEW_PHOTOS {
        return Err(FileProblem::TooMany(MAX_REVIEW_PHOTOS as u32));
    }
    Ok(())
}

/// The photo picker, previews and their states.
#[component]
pub fn PhotoField(
    /// The rows (shared with the form, which sends the stored ids).
    rows: RwSignal<Vec<Row>, LocalStorage>,
    /// The upload route and sign-in.
    upload_to: Target,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:error` goes when an upload fails for a reason other than the file.
    events: Events,
    /// The server's refusal of the photo list, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let sending: StoredValue<Vec<(u32, Sending)>, LocalStorage> =
        StoredValue::new_local(Vec::new());
    let to = StoredValue::new(upload_to);
    let id = uid("rv-photos");
    let hint_id = uid("rv-photos-hint");
    let set = move |local: u32, change: &dyn Fn(&mut Row)| {
        rows.try_update(|rs| {
            if let Some(r) = rs.iter_mut().find(|r| r.local == local) {
                change(r);
            }
        });
    };
    let start = move |local: u32, file: web_sys::File| {
        let Some(target) = to.try_get_value() else {
            return;
        };
        upload::preview(&file, move |src| set(local, &|r| r.src = Some(src.clone())));
        let progress = move |pct| set(local, &|r| r.progress = pct);
        let done = move |answer: Result<(String, String), u16>| {
            sending.try_update_value(|s| s.retain(|(l, _)| *l != local));
            match answer {
                Ok((id, _url)) => set(local, &|r| r.id = Some(id.clone())),
                Err(status) => {
                    let p = upload::problem_of(status, MAX_PHOTO_BYTES);
                    if let Some(detail) = upload::error_detail(status, p) {
                        events.emit("aftercare:error", &detail);
                    }
                    set(local, &|r| r.failed = Some(p));
                }
            }
        };
        match upload::send(&target, &file, progress, done) {
            Some(s) => sending.update_value(|v| v.push((local, s))),
            None => set(local, &|r| r.failed = Some(FileProblem::Failed)),
        }
    };
    let chosen = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(list) = input.files() else { return };
        for k in 0..list.length() {
            let Some(file) = list.get(k) else { continue };
            let kept = rows.with_untracked(|rs| rs.iter().filter(|r| r.failed.is_none()).count());
            let verdict = check(&file.type_(), file.size(), kept);
            let local = next_local();
            rows.update(|rs| {
                rs.push(Row {
                    local,
                    name: file.name(),
                    src: None,
                    id: None,
                    progress: 0,
                    failed: verdict.err(),
                });
            });
            if verdict.is_ok() {
                start(local, file);
            }
        }
        input.set_value("");
    };
    let remove = move |local: u32| {
        sending.update_value(|s| {
            if let Some(pos) = s.iter().position(|(l, _)| *l == local) {
                let _ = s.remove(pos).1.xhr.abort();
            }
        });
        rows.update(|rs| rs.retain(|r| r.local != local));
    };
    let row_view = move |n: usize, r: Row| {
        let l = locale.get_untracked();
        let state = match (&r.id, r.failed) {
            (_, Some(p)) => {
                view! { <p class="field-error">{t(l, Msg::FileRefused(p, &r.name))}</p> }.into_any()
            }
            (Some(_), None) => ().into_any(),
            (None, None) => view! {
                <progress max="100" value=r.progress aria-label=rv(l, Rev::Uploading)></progress>
            }
            .into_any(),
        };
        let img = match r.src.clone().filter(|_| r.failed.is_none()) {
            Some(src) => view! { <img alt="" prop:src=src /> }.into_any(),
            None => view! { <span class="thumb-empty" aria-hidden="true"></span> }.into_any(),
        };
        let local = r.local;
        view! {
            <li class="rv-photo" class:bad=r.failed.is_some()>
                <span class="thumb">{img}</span>
                {state}
                <button
                    type="button"
                    class="link rm"
                    part="button"
                    aria-label=rv(l, Rev::RemovePhoto(n + 1))
                    on:click=move |_| remove(local)
                >
                    {t(l, Msg::Remove)}
                </button>
            </li>
        }
    };
    view! {
        <div class="field rv-photos">
            <label for=id.clone()>{tv(locale, Rev::PhotosLabel)}</label>
            <p class="hint" id=hint_id.clone()>{tv(locale, Rev::PhotosHint(MAX_REVIEW_PHOTOS))}</p>
            <input
                id=id
                type="file"
                accept=ACCEPT
                multiple
                aria-describedby=hint_id
                on:change=chosen
            />
            <ul class="rv-photo-list">
                {move || {
                    let _ = locale.get();
                    rows.get().into_iter().enumerate().map(|(n, r)| row_view(n, r)).collect_view()
                }}
            </ul>
            <p class="field-error">{move || error.get()}</p>
        </div>
    }
}
