//! The custom-element bridge: the loader's tiny element class calls [`mount`] with the element
//! and its shadow root, forwards attribute changes, and calls [`ElementHandle::unmount`] when
//! the element leaves the page (see `docs/CONTRACTS.md`, "Loader ↔ wasm").

use crate::chunks::{self, WidgetSlot};
use crate::dom;
use crate::shell::clean;
use crate::shell::Host;
pub use crate::shell::{Attrs, ElementProps, OBSERVED};
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

/// Base theme shared by every widget: reset, custom properties, common pieces.
pub use crate::dom::THEME_CSS;

/// A mounted widget, owned by the loader's element. Dropping it (or [`ElementHandle::unmount`])
/// disposes the reactive owner and removes the widget's DOM.
#[wasm_bindgen]
pub struct ElementHandle {
    attrs: Attrs,
    container: HtmlElement,
    view: UnmountHandle<AnyViewState>,
}

#[wasm_bindgen]
impl ElementHandle {
    /// Forward `attributeChangedCallback`: observed attributes update their signal (re-render).
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        if let Some((_, sig)) = self.attrs.0.iter().find(|(n, _)| *n == name) {
            let value = clean(value);
            if sig.get_untracked() != value {
                sig.set(value);
            }
        }
    }

    /// Tear the widget down: dispose its reactive owner and remove its DOM from the shadow root.
    pub fn unmount(self) {
        let ElementHandle {
            view, container, ..
        } = self;
        drop(view);
        container.remove();
    }
}

/// Mount the widget for `tag` into `root` (the open shadow root of `host`), reading its
/// attributes now. Errors (unknown tag, no stylesheet support) are returned to the loader.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    tag: &str,
    key: &str,
    api: &str,
) -> Result<ElementHandle, JsValue> {
    let widget = chunks::find(tag).ok_or_else(|| {
        let known: Vec<&str> = chunks::WIDGETS.iter().map(|w| w.tag).collect();
        js_sys::Error::new(&format!(
            "Aftercare: unknown element <{tag}>; this bundle provides {}",
            known.join(", ")
        ))
    })?;
    // The widget's own sheet comes with its code (the slot adopts it then); the theme styles
    // the skeleton and the error state until then.
    dom::adopt(&root, &widget.sheets(None))?;
    let document = host
        .owner_document()
        .ok_or_else(|| js_sys::Error::new("Aftercare: element has no document"))?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("ac-mount");
    root.append_child(&container)?;
    let attrs = Attrs::read(&host);
    let props = ElementProps {
        api: api.to_owned(),
        key: key.to_owned(),
        attrs: attrs.clone(),
    };
    let view = mount_to(container.clone(), move || {
        provide_context(Host(StoredValue::new_local(Some(host))));
        view! { <WidgetSlot widget=widget props=props shadow=root /> }.into_any()
    });
    Ok(ElementHandle {
        attrs,
        container,
        view,
    })
}
