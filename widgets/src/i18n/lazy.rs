//! Languages a page does not use cost it no bytes: English (the fallback) is in the core, and
//! in the SDK build (`split` feature) every other language's catalog is its own wasm chunk,
//! fetched the first time an element needs it. Without the feature (component tests, Rust
//! apps composing the widgets) every language is linked in and [`load`] resolves at once.
//!
//! Each language chunk is ~6 KB brotli (`cargo xtask bench`, "Per-page code" table).

use aftercare_shared::i18n::{self as catalog, Msg};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// One language's catalog.
type Catalog = for<'a> fn(Msg<'a>) -> String;

/// A language's chunk could not be fetched: its texts stay in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LanguageMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LanguageMissing
    }
}

/// One split point per language: `$name()` resolves to its catalog once `$module` is loaded.
macro_rules! language {
    ($name:ident, $module:ident, $catalog:path) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $name() -> Result<Catalog, LanguageMissing> {
            Ok($catalog)
        }
    };
}
language!(es_catalog, lang_es, catalog::es);
language!(pt_br_catalog, lang_pt_br, catalog::pt_br);

#[cfg(feature = "split")]
thread_local! {
    static LOADED: std::cell::RefCell<Vec<(Locale, Catalog)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The catalog of `locale` if it is here.
#[cfg(feature = "split")]
fn loaded(locale: Locale) -> Option<Catalog> {
    match locale {
        Locale::En => Some(catalog::en),
        other => LOADED.with(|l| {
            l.borrow()
                .iter()
                .find(|(x, _)| *x == other)
                .map(|(_, c)| *c)
        }),
    }
}

/// The catalog of `locale` (every language is linked in).
#[cfg(not(feature = "split"))]
fn loaded(locale: Locale) -> Option<Catalog> {
    Some(match locale {
        Locale::En => catalog::en,
        Locale::Es => catalog::es,
        Locale::PtBr => catalog::pt_br,
    })
}

/// The text of `msg` in `locale`: English until that language's chunk has arrived (the
/// widgets only switch to a language once [`load`] has finished, see [`element_locale`]).
pub fn t(locale: Locale, msg: Msg<'_>) -> String {
    loaded(locale).unwrap_or(catalog::en)(msg)
}

/// Fetch `locale`'s catalog, once per page; resolves at once when it is already here.
pub async fn load(locale: Locale) -> Result<(), LanguageMissing> {
    if loaded(locale).is_some() {
        return Ok(());
    }
    #[cfg(feature = "split")]
    {
        let c = match locale {
            Locale::En => return Ok(()),
            Locale::Es => es_catalog().await?,
            Locale::PtBr => pt_br_catalog().await?,
        };
        if loaded(locale).is_none() {
            LOADED.with(|l| l.borrow_mut().push((locale, c)));
        }
    }
    Ok(())
}

/// An element's language from its `locale` attribute (else the page's, else the browser's),
/// switching only once that language's texts are here, so a change of attribute never shows a
/// mix of languages. Until then it stays on the language it had (English at first).
pub fn element_locale(attr: Signal<Option<String>>) -> Signal<Locale> {
    let wanted = Memo::new(move |_| super::negotiate(attr.get().as_deref()));
    let first = wanted.get_untracked();
    let ready = RwSignal::new(if loaded(first).is_some() {
        first
    } else {
        Locale::En
    });
    Effect::new(move |_| {
        let w = wanted.get();
        if loaded(w).is_some() {
            ready.set(w);
        } else {
            leptos::task::spawn_local(async move {
                if load(w).await.is_ok() && wanted.try_get_untracked() == Some(w) {
                    let _ = ready.try_set(w);
                }
            });
        }
    });
    ready.into()
}
