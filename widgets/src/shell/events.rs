//! `aftercare:*` events: every outcome a shopper sees is also a DOM `CustomEvent` on the
//! element, so the storefront can hook analytics without knowing the widget's insides.

use crate::shell::failure::error_code;
use aftercare_shared::client::ClientError;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

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

impl Events {
    /// `aftercare:error` `{code, message}` for a failed API call.
    pub fn error(&self, e: &ClientError) {
        self.emit(
            "aftercare:error",
            &[
                ("code", JsValue::from_str(error_code(e))),
                ("message", JsValue::from_str(&e.to_string())),
            ],
        );
    }
}
