//! Small DOM helpers every widget shares: adopted stylesheets and unique ids. Views are
//! Leptos views; the one hand-built markup is the tracking history's (`tracking/view/history.rs`).

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::{JsCast, JsValue};

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
