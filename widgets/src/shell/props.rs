//! What a widget is configured with when it runs as a custom element: the element's observed
//! attributes as signals, plus the loader's API base and publishable key.

use leptos::prelude::*;
use web_sys::HtmlElement;

/// Attributes the loader observes (the union over all widgets).
pub const OBSERVED: [&str; 9] = [
    "order", "token", "locale", "email", "kind", "layout", "refresh", "rma", "product",
];

/// The element's attributes as signals, so changing one re-renders what depends on it.
#[derive(Clone)]
pub struct Attrs(pub(crate) Vec<(&'static str, ArcRwSignal<Option<String>>)>);

impl Attrs {
    /// Read every observed attribute now (attributeChangedCallback may have fired before mount).
    pub(crate) fn read(host: &HtmlElement) -> Self {
        Self(
            OBSERVED
                .iter()
                .map(|name| (*name, ArcRwSignal::new(clean(host.get_attribute(name)))))
                .collect(),
        )
    }

    /// The attribute `name` as a read-only signal (`None` when absent or blank).
    pub fn get(&self, name: &str) -> Signal<Option<String>> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone().into())
            .unwrap_or_default()
    }
}

/// Blank attribute values mean "not set".
pub(crate) fn clean(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// What a widget's element view is built from.
#[derive(Clone)]
pub struct ElementProps {
    /// API base URL (the loader's `data-api`, default its origin).
    pub api: String,
    /// The store's publishable key (`data-key`).
    pub key: String,
    /// The element's attributes.
    pub attrs: Attrs,
}
