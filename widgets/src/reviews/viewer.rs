//! The photo viewer: a native modal `<dialog>` (focus stays inside, Escape closes, the page
//! behind is inert), with previous and next, and focus back on the thumbnail that opened it.

use super::Board;
use crate::i18n::{rv, tv, Rev};
use leptos::html::Dialog;
use leptos::prelude::*;

/// The viewer, open while `b.viewing` names a photo.
pub fn viewer(b: Board) -> impl IntoView {
    let l = b.locale;
    let dialog = NodeRef::<Dialog>::new();
    // Where focus returns: the thumbnail of the photo shown last.
    let opener = StoredValue::new(None::<(i64, usize)>);
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match b.viewing.get() {
            Some(at) => {
                opener.set_value(Some(at));
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
            None => {
                if d.open() {
                    d.close();
                }
                if let Some((id, i)) = opener.get_value() {
                    focus_thumb(&d, id, i);
                }
            }
        }
    });
    let shown = move || {
        let (id, i) = b.viewing.get()?;
        b.items.with(|items| {
            let r = items.iter().find(|r| r.id == id)?;
            let p = r.photos.get(i)?;
            Some((r.display_name.clone(), p.url.clone(), i, r.photos.len()))
        })
    };
    let step = move |d: isize| {
        b.viewing.update(|v| {
            if let Some((id, i)) = v {
                let n = b.items.with_untracked(|items| {
                    items
                        .iter()
                        .find(|r| r.id == *id)
                        .map_or(1, |r| r.photos.len())
                }) as isize;
                *i = ((*i as isize + d).rem_euclid(n.max(1))) as usize;
            }
        });
    };
    view! {
        <dialog
            class="viewer"
            part="dialog"
            node_ref=dialog
            aria-label=move || shown().map(|(who, _, i, n)| rv(l.get(), Rev::PhotoOf(i + 1, n, &who)))
            on:close=move |_| b.viewing.set(None)
            on:keydown=move |ev| match ev.key().as_str() {
                "ArrowRight" => step(1),
                "ArrowLeft" => step(-1),
                _ => {}
            }
        >
            {move || shown().map(|(who, url, i, n)| view! {
                <figure>
                    <img src=url alt=move || rv(l.get(), Rev::PhotoOf(i + 1, n, &who)) />
                </figure>
                <div class="viewer-nav">
                    {(n > 1).then(|| view! {
                        <button type="button" class="btn secondary" part="button" on:click=move |_| step(-1)>
                            {tv(l, Rev::PreviousPhoto)}
                        </button>
                        <button type="button" class="btn secondary" part="button" on:click=move |_| step(1)>
                            {tv(l, Rev::NextPhoto)}
                        </button>
                    })}
                    <button type="button" class="btn" part="button" autofocus on:click=move |_| b.viewing.set(None)>
                        {tv(l, Rev::Close)}
                    </button>
                </div>
            })}
        </dialog>
    }
}

/// Focus the thumbnail of photo `i` of review `id` (inside the same shadow root).
fn focus_thumb(d: &web_sys::HtmlDialogElement, id: i64, i: usize) {
    let Some(root) = d.parent_element() else {
        return;
    };
    let sel = format!("[data-review=\"{id}\"][data-photo=\"{i}\"]");
    if let Ok(Some(el)) = root.query_selector(&sel) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}
