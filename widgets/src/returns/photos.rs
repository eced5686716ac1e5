//! Step 3, "Add photos" (only when a chosen reason asks for them): per item a file input
//! (JPEG, PNG, WebP; several at once) inside a drop zone, then a list of its photos with a
//! preview, a progress bar while uploading and a remove button. The uploads themselves are in
//! [`super::upload`].

use super::draft::{self, reason_rules, FileProblem, Photo};
use super::fresh::IntoFresh;
use super::parts::field_error;
use super::reasons::legend;
use super::state::Flow;
use super::upload::{self, Row};
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::api::ReturnOptions;
use aftercare_shared::returns::Requirement;
use aftercare_shared::Locale;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The form's content: a drop zone and a photo list per line whose reason asks for photos.
pub(crate) fn photos(f: Flow, o: &ReturnOptions, l: Locale) -> AnyView {
    let intro = t(
        l,
        Msg::PhotosIntro(&i18n::size(o.photo_max_bytes), o.photo_max_count),
    );
    let lines = f.draft.with_untracked(|d| d.lines.clone());
    let sets = lines
        .into_iter()
        .filter_map(|c| {
            let rule = reason_rules(o, c.reason.as_deref()).map_or(Requirement::Disabled, |r| r.1);
            let line = o.lines.iter().find(|x| x.item_id == c.item_id)?;
            if rule == Requirement::Disabled {
                return None;
            }
            let id = c.item_id;
            let (input_id, hint, err) = (uid("file"), uid("hint"), uid("err"));
            let over = RwSignal::new(false);
            let on_drag = move |ev: leptos::ev::DragEvent, on: bool| {
                ev.prevent_default();
                over.set(on);
            };
            Some(view! {
                <fieldset class="item-set">
                    {legend(line, &c, Some(format!(" {}", t(l, Msg::Req(rule)))))}
                    <div
                        class="drop"
                        class:over=move || over.get()
                        data-id=id
                        on:dragover=move |ev| on_drag(ev, true)
                        on:dragleave=move |ev| on_drag(ev, false)
                        on:drop=move |ev| {
                            let files = ev.data_transfer().and_then(|d| d.files());
                            on_drag(ev, false);
                            if let Some(files) = files {
                                upload::add(f, id, files);
                            }
                        }
                    >
                        <input
                            class="vh file"
                            type="file"
                            id=input_id.clone()
                            multiple
                            accept=draft::ACCEPT
                            data-id=id
                            aria-describedby=format!("{hint} {err}")
                            aria-required=(rule == Requirement::Required).then_some("true")
                            aria-invalid=f.invalid("photos", id)
                            on:change=move |ev| {
                                let input: web_sys::HtmlInputElement = event_target(&ev);
                                if let Some(files) = input.files() {
                                    upload::add(f, id, files);
                                }
                                input.set_value("");
                            }
                        />
                        <label class="btn secondary pick" for=input_id part="button">
                            {t(l, Msg::ChoosePhotos)}
                            <span class="vh">{format!(" ({})", line.title)}</span>
                        </label>
                        <span class="muted" id=hint>{t(l, Msg::DropHere)}</span>
                    </div>
                    {field_error(f, err, "photos", id)}
                    <ul class="files">{files(f, id, l)}</ul>
                </fieldset>
            })
        })
        .map(IntoFresh::fresh)
        .collect::<Vec<_>>();
    view! {
        <p class="muted">{intro}</p>
        {sets}
    }
    .fresh()
}

/// The line's photos and uploads, rebuilt when one comes, goes, fails or gets its preview
/// (a progress step only moves its bar).
fn files(f: Flow, item_id: i64, l: Locale) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let photos: Vec<Photo> = f
            .draft
            .with(|d| d.line(item_id).map(|c| c.photos.clone()))
            .unwrap_or_default();
        let ups: Vec<(u32, Option<FileProblem>, bool)> = f.uploads.with(|ups| {
            ups.iter()
                .filter(|u| u.item_id == item_id)
                .map(|u| (u.id, u.failed, u.preview.is_some()))
                .collect()
        });
        (photos, ups)
    });
    move || {
        let (photos, ups) = rows.get();
        let stored = photos.into_iter().enumerate().map(move |(n, p)| {
            let name = if p.name.is_empty() {
                t(l, Msg::PhotoN(n + 1))
            } else {
                p.name.clone()
            };
            view! {
                <li class="file">
                    {preview(Some(JsValue::from_str(&p.url)), None)}
                    <span class="fname">{name.clone()}</span>
                    <span class="ok">{t(l, Msg::Uploaded)}</span>
                    {remove_button(f, item_id, Row::Photo(p.id), name, l)}
                </li>
            }
            .fresh()
        });
        let sending = ups.into_iter().filter_map(move |(id, failed, _)| {
            let (name, src, retry) = f.uploads.with_untracked(|ups| {
                let u = ups.iter().find(|u| u.id == id)?;
                // A refused file has no picture worth showing (it may not be an image at all).
                let src = u.preview.clone().filter(|_| u.failed.is_none());
                Some((u.name.clone(), src, u.file.is_some()))
            })?;
            let state = match failed {
                None => view! {
                    <progress
                        max="100"
                        value=move || f.uploads.with(|ups| ups.iter().find(|u| u.id == id).map(|u| u.progress))
                        data-u=id
                        aria-label=t(l, Msg::Uploading(&name))
                    ></progress>
                }
                .fresh(),
                Some(p) => {
                    let again = (matches!(p, FileProblem::Network | FileProblem::Failed) && retry)
                        .then(|| view! {
                            <button class="link" type="button" part="button" data-act="again" on:click=move |_| upload::retry(f, id)>
                                {t(l, Msg::TryAgain)}
                            </button>
                        });
                    view! {
                        <p class="field-error">
                            <span class="ico" aria-hidden="true">"!"</span>
                            {t(l, Msg::FileRefused(p, &name))}
                        </p>
                        {again}
                    }
                    .fresh()
                }
            };
            Some(view! {
                <li class=if failed.is_some() { "file bad" } else { "file" }>
                    {preview(src, Some(id))}
                    <span class="fname">{name.clone()}</span>
                    {state}
                    {remove_button(f, item_id, Row::Upload(id), name, l)}
                </li>
            }
            .fresh())
        });
        stored.chain(sending).collect::<Vec<_>>()
    }
}

/// A preview tile; `src` set straight from the JS value (a `data:` URL never crosses into
/// wasm). An image that cannot be shown leaves an empty tile.
fn preview(src: Option<JsValue>, upload: Option<u32>) -> impl IntoView {
    let hide = |ev: leptos::ev::ErrorEvent| {
        if let Some(img) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = img.set_attribute("hidden", "");
        }
    };
    // Two shapes, so a row that loses its picture never gets `src` set to `undefined`.
    let img = match src {
        Some(src) => view! { <img alt="" data-u=upload prop:src=src on:error=hide /> }.fresh(),
        None => view! { <img alt="" data-u=upload hidden on:error=hide /> }.fresh(),
    };
    view! { <span class="thumb">{img}</span> }
}

fn remove_button(f: Flow, item_id: i64, row: Row, name: String, l: Locale) -> impl IntoView {
    let label = t(l, Msg::RemovePhoto(&name));
    view! {
        <button
            class="link rm"
            type="button"
            part="button"
            aria-label=label
            on:click=move |_| upload::remove(f, item_id, &row, name.clone())
        >
            {t(l, Msg::Remove)}
        </button>
    }
}
