//! The widgets' side of the shared message catalog: [`Msg`] and the texts come from
//! `aftercare_shared::i18n` (the same texts the server and the emails use); this module adds
//! languages fetched on demand ([`t`], [`load`]), the reactive [`tr`], the page's language negotiation and `Intl`-based formatting (no date or
//! number crate in the wasm).

pub use aftercare_shared::i18n::{percent, size, Acc, Field, Msg, Rev};
use aftercare_shared::tracking::EtaWindow;
use aftercare_shared::{Locale, Money, Timestamp};
use wasm_bindgen::JsValue;

mod format;
mod lazy;

pub use format::*;
pub use lazy::{element_locale, load, t, LanguageMissing};

/// `msg` as reactive text that follows `locale`. One helper (one closure type) for every
/// call site keeps the wasm small: each distinct closure would be its own view code.
pub fn tr(
    locale: leptos::prelude::Signal<Locale>,
    msg: Msg<'static>,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::Get;
    move || t(locale.get(), msg)
}

/// An account message as reactive text (see [`tr`]).
pub fn ta(
    locale: leptos::prelude::Signal<Locale>,
    msg: Acc<'static>,
) -> impl leptos::prelude::IntoView {
    tr(locale, Msg::Account(msg))
}

/// An account message in `locale`.
pub fn at(locale: Locale, msg: Acc<'_>) -> String {
    t(locale, Msg::Account(msg))
}

/// A review-widget message as reactive text (see [`tr`]).
pub fn tv(
    locale: leptos::prelude::Signal<Locale>,
    msg: Rev<'static>,
) -> impl leptos::prelude::IntoView {
    tr(locale, Msg::Reviews(msg))
}

/// A review-widget message in `locale`.
pub fn rv(locale: Locale, msg: Rev<'_>) -> String {
    t(locale, Msg::Reviews(msg))
}

/// The locale from the `locale` attribute, else the page's `<html lang>`, else the browser's languages.
pub fn negotiate(attr: Option<&str>) -> Locale {
    let mut prefs: Vec<String> = attr.map(str::to_owned).into_iter().collect();
    if let Some(window) = web_sys::window() {
        if let Some(lang) = window
            .document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
        {
            prefs.push(lang);
        }
        prefs.extend(
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string()),
        );
    }
    Locale::negotiate(prefs.iter().map(String::as_str))
}
