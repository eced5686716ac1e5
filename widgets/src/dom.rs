//! Small DOM helpers every widget shares: adopted stylesheets, unique ids and a tiny builder
//! for static, data-driven markup.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};

/// The shared theme: colours, sizes and the states every widget shares (skeleton, error).
pub const THEME_CSS: &str = include_str!("theme.css");

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
/// the wasm (the returns widget's move to `view!` took its chunk from 64.6 to 108.1 KB
/// brotli). Text always goes through `textContent`, never HTML parsing.
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
