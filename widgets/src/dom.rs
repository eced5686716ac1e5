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

/// Add a stylesheet to the page's own adopted sheets, for the few rules that must reach outside
/// the shadow root (printing only the receipt). Adopted sheets pass a strict CSP, like the
/// shadow roots' own. [`unadopt_in_document`] takes it away again.
pub fn adopt_in_document(name: &'static str, css: &'static str) {
    let (Some(doc), Ok(s)) = (
        web_sys::window().and_then(|w| w.document()),
        sheet(name, css),
    ) else {
        return;
    };
    let list = doc.adopted_style_sheets();
    if !list.includes(s.unchecked_ref(), 0) {
        list.push(s.unchecked_ref());
        doc.set_adopted_style_sheets(&list);
    }
}

/// Take a sheet added by [`adopt_in_document`] off the page.
pub fn unadopt_in_document(name: &'static str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(s) = SHEETS.with(|c| {
        c.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
    }) else {
        return;
    };
    let target: &JsValue = s.unchecked_ref();
    let kept: js_sys::Array = doc
        .adopted_style_sheets()
        .iter()
        .filter(|v| v != target)
        .collect();
    doc.set_adopted_style_sheets(&kept);
}
