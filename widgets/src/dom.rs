//! Small DOM helpers every widget shares: `aftercare:*` CustomEvents and adopted stylesheets.

use leptos::html::Div;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};

/// The custom element hosting a widget, provided as context by the element bridge so events
/// are dispatched on the element the storefront listens to.
#[derive(Clone, Copy)]
pub struct Host(pub StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

/// Dispatches a widget's `aftercare:*` events (bubbles + composed) on its host element, or,
/// for a Leptos component used without a custom element, on the widget's root container.
#[derive(Clone, Copy)]
pub struct Events {
    host: Option<Host>,
    root: NodeRef<Div>,
}

impl Events {
    /// Events for the widget whose root container is `root`.
    pub fn new(root: NodeRef<Div>) -> Self {
        Self {
            host: use_context::<Host>(),
            root,
        }
    }

    /// Dispatch `name` with a detail object built from `fields`. Never panics (a widget may be gone).
    pub fn emit(&self, name: &str, fields: &[(&str, JsValue)]) {
        let target: Option<web_sys::EventTarget> = self
            .host
            .and_then(|h| h.0.try_get_value().flatten())
            .map(Into::into)
            .or_else(|| self.root.try_get_untracked().flatten().map(Into::into));
        let Some(target) = target else { return };
        let detail = js_sys::Object::new();
        for (k, v) in fields {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), v);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&ev);
        }
    }
}

thread_local! {
    static SHEETS: RefCell<Vec<(&'static str, web_sys::CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// One constructable stylesheet per name, shared by every instance (parsed once per page).
fn sheet(name: &'static str, css: &'static str) -> Result<web_sys::CssStyleSheet, JsValue> {
    SHEETS.with(|cache| {
        if let Some((_, s)) = cache.borrow().iter().find(|(n, _)| *n == name) {
            return Ok(s.clone());
        }
        let s = web_sys::CssStyleSheet::new()?;
        s.replace_sync(css)?;
        cache.borrow_mut().push((name, s.clone()));
        Ok(s)
    })
}

/// Replace a shadow root's adopted sheets: adopted sheets pass a strict CSP (`style-src 'self'`)
/// where `<style>` elements and `style=""` attributes are blocked.
pub fn adopt(
    root: &web_sys::ShadowRoot,
    sheets: &[(&'static str, &'static str)],
) -> Result<(), JsValue> {
    let list = js_sys::Array::new();
    for (name, css) in sheets {
        list.push(sheet(name, css)?.unchecked_ref());
    }
    root.set_adopted_style_sheets(&list);
    Ok(())
}

/// A document-unique element id (labels and `aria-describedby` across many widget instances).
pub fn uid(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!("ac-{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Append a `<tag class=…>` to `parent`. Static, data-driven markup (the timeline, lists) is
/// built with these few monomorphic helpers instead of typed views: same DOM, a fraction of
/// the wasm. Text always goes through `textContent`, never HTML parsing.
pub fn el(parent: &web_sys::Element, tag: &str, class: &str) -> web_sys::Element {
    let e = leptos::tachys::dom::document()
        .create_element(tag)
        .unwrap_throw();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    let _ = parent.append_child(&e);
    e
}

/// Append a `<tag class=…>text</tag>` to `parent`.
pub fn txt(parent: &web_sys::Element, tag: &str, class: &str, text: &str) -> web_sys::Element {
    let e = el(parent, tag, class);
    e.set_text_content(Some(text));
    e
}

/// Set an attribute (the names used here are always valid).
pub fn set(e: &web_sys::Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Append a text node.
pub fn add(parent: &web_sys::Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}
